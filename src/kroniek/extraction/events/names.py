"""Participants' names: a parse token turned into the span the contract gives and the canonical
name the entities stage (or the speaker resolver) gives the same words.

A named participant gets its entity's canonical name ("Erdogan" -> Recep Erdogan, "VS" ->
Verenigde Staten, "Amerikaanse" -> Verenigde Staten); a pronoun the person it refers to; a role
("de Turkse president") the person introduced with it; any other noun phrase its head noun as
written ("politie", "demonstranten").
"""

from __future__ import annotations

import bisect
from typing import Any

from kroniek.kb.places import country_name, is_country_or_capital, lookup_place
from kroniek.lexicon import MONTH_NAMES, ROLE_NOUNS, WEEKDAY_NAMES
from kroniek.lexicon.people import people_noun
from kroniek.model import Document, Entity, TextSpan

_CALENDAR = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)
#: days, months and parts of time, lower-cased: never a participant
CALENDAR_WORDS = frozenset(w.lower() for w in _CALENDAR) | frozenset(
    "dag week maand jaar vandaag gisteren morgen ochtend middag avond nacht weekend".split()
)
#: Seats of government that are not their country's capital in the gazetteer.
_SEATS = {"Den Haag": "Nederland", "Brussel": "Europese Unie"}
_PRONOUNS = frozenset("hij zij ze hem haar hen ik we wij".split())
#: possessives and the gender of the person they point back to
_POSSESSIVES = {"zijn": "m", "z'n": "m", "haar": "f", "d'r": "f"}


class Namer:
    """Names for one article: entity lookup by offset, pronouns and roles via the speaker resolver."""

    def __init__(self, doc: Document, people: Any) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.entities: list[Entity] = sorted(doc.entities, key=lambda e: e.start)
        self._starts = [e.start for e in self.entities]

    def entity_at(self, start: int, end: int) -> Entity | None:
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0 and self.entities[i].end > start - 200:
            e = self.entities[i]
            if e.start < end and start < e.end:
                return e
            i -= 1
        return None

    def span(self, tok: Any) -> TextSpan:
        """The participant's words: a name with its flat parts, else the head token alone; a
        noun with a name in apposition is that name ("de stad Aleppo", "president Erdogan")."""
        name = _apposed_name(tok)
        if name is not None:
            tok = name
        s, e = tok.idx, tok.idx + len(tok.text)
        if tok.pos_ == "PROPN" or tok.ent_type_:
            for c in tok.children:
                if c.dep_ in ("flat", "flat:name", "compound") and c.i > tok.i:
                    e = max(e, c.idx + len(c.text))
        ent = self.entity_at(s, e)
        if ent is not None and ent.start <= s and e <= ent.end:
            s, e = ent.start, ent.end
        return TextSpan(s, e, self.text[s:e])

    def role_holder(self, noun: str, pos: int, adjectives: tuple[str, ...] = ()) -> str | None:
        """The person the article gave this role ("de ambassadeur" -> the entity whose role is
        "Duitse ambassadeur"), the latest introduced before ``pos`` (else the first after it);
        adjectives must agree ("de Syrische president" is not the Turkish one)."""
        best = None
        for e in self.entities:
            if e.label != "PER" or not e.role:
                continue
            words = e.role.lower().split()
            if words[-1] != noun or any(a.lower() not in words for a in adjectives):
                continue
            if e.start < pos or best is None:
                best = e.entity
        return best

    def name(self, tok: Any, span: TextSpan, acting: bool = False) -> str | None:
        """Canonical name; ``acting``: a capital acting is its government ("Den Haag" -> Nederland)."""
        named = _apposed_name(tok)
        if named is not None:
            tok = named
        ent = self.entity_at(span.start, span.end)
        if ent is not None:
            if acting and ent.entity in _SEATS:
                return _SEATS[ent.entity]
            if acting and ent.label == "LOC" and ent.country:
                place = lookup_place(ent.entity)
                if place is not None and place.kind == "city" and is_country_or_capital(place):
                    return country_name(ent.country) or ent.entity
            return ent.entity
        low = tok.lower_
        if low in _POSSESSIVES and tok.dep_ in ("det", "nmod:poss"):
            try:
                m = self.people.last_mention_before(span.start, gender=_POSSESSIVES[low])
            except Exception:  # noqa: BLE001
                m = None
            return self.people.canonical(m.text) if m is not None and m.label in ("PER", "UNK") else None
        if low in ("hun", "hen"):
            return None
        if tok.pos_ == "PRON" or low in _PRONOUNS:
            if low in ("ik", "we", "wij"):
                return None
            try:
                return self.people.resolve(span.start, span.end)
            except Exception:  # noqa: BLE001 - a pronoun we cannot resolve has no name
                return None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ROLE_NOUNS:
            adjectives = tuple(c.text for c in tok.children if c.dep_ == "amod" and c.text[:1].isupper())
            holder = self.role_holder(tok.lemma_.lower(), span.start, adjectives)
            if holder:
                return holder
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "X"):
            phrase = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ in ("amod", "det") or t is tok)
            described = None
            try:
                described = self.people.describe(phrase, span.start)
            except Exception:  # noqa: BLE001
                described = None
            if described:
                return described
            return tok.text if tok.pos_ == "PROPN" else tok.text.lower()
        return None


def _apposed_name(tok: Any) -> Any:
    """A proper name standing beside a noun ("de stad [Aleppo]", "president [Recep] Erdogan")."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if (
            c.dep_ in ("appos", "flat", "compound", "nmod")
            and c.pos_ == "PROPN"
            and c.i == tok.i + 1
            and c.lower_ not in _CALENDAR
        ):
            return c
    return None


def animate(tok: Any) -> bool:
    """Whether a participant token can act: a name, a pronoun, an entity, or a noun for people
    or a body ("politie", "demonstranten", "kiezers"; also as a compound head: "oproerpolitie").
    "De bedreigingen", "de reden", "het handelsakkoord" cannot."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return True
    return people_noun(tok.lower_, tok.lemma_)

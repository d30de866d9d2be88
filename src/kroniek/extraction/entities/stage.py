"""Entities stage: the model's entity mentions, canonicalised within the article.

What one article says about an entity is spread over several mentions: "Islamitische Staat (IS)"
then "IS"; "Recep Erdogan" then "Erdogan"; "de Turkse president Recep Erdogan". This stage links
them so every mention carries the same canonical name (``entity``), the article's other names for
it (``aliases``) and the role the article gives a person (``role``). Places get an ISO country
code and coordinates from :mod:`kroniek.kb.places`; a place resolving to a country is named by
its Dutch country name, so "Amerika" and "VS" both count for "Verenigde Staten".

Nationality adjectives ("Syrische", "Russische") are added as extra ``MISC`` entities whose
``entity`` is the country's Dutch name and ``country`` its code, so "de Syrische president"
counts for Syrië. They are the only mentions not taken from the model; an adjective inside a
longer model entity ("Syrische Democratische Strijdkrachten") is left alone, and a model MISC
span that is exactly the adjective is enriched instead of duplicated.

Every step is a dictionary lookup per mention or per token, so the stage is linear in the
article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kroniek.kb.places import country_name, lookup_place
from kroniek.lexicon import mapping
from kroniek.model import Document, Entity
from kroniek.pipeline.registry import stage

from .organisations import (
    national_branches,
    organisations_by_kind,
    organisations_by_name,
    people_of_organisations,
)
from .people import (
    full_names,
    glued_names,
    link_people,
    participles_typed_as_names,
    places_typed_as_people,
    streets,
)
from .roles import NATIONALITIES, role_after, role_before, role_references, split_role_prefix

LABELS = {"PER", "ORG", "LOC", "MISC"}

#: Common acronyms whose long form an article may never spell out.
KNOWN_ACRONYMS: dict[str, str] = mapping("known_acronyms.tsv", __package__)
_NATIONALITY_STEMS: dict[str, str] = {adj[:-1]: code for adj, code in NATIONALITIES.items()}

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&]{0,9}$")
_PAREN_AFTER = re.compile(r"\s*\(\s*([^()]{1,80}?)\s*\)")
_PAREN_INSIDE = re.compile(r"^(.+?)\s*\(\s*([^()]{1,80}?)\s*\)$")
_LONG_BEFORE = re.compile(
    r"((?:[A-Z][\w'-]*\s+(?:(?:van|voor|de|het|en|der|op)\s+)*)*[A-Z][\w'-]*)\s*\(\s*$"
)
_SMALL_WORDS = frozenset({"van", "voor", "de", "het", "en", "der", "op", "in", "tot", "of"})


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    entity: str
    span: Any = None  # spaCy Span, or None for added nationality mentions
    role: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    nationality: bool = False
    reference: bool = False  # a role phrase standing for a person named in the article


_LEAD_PUNCT = "\"'“”„‘’«»,;:!?()[]-–—/*•·"
_TRAIL_PUNCT = "\"'“”„‘’«»,;:!?([]-–—/*•·"


#: a sentence's full stop after a name's last word ("De Vries."), not an initial's ("V.", "B.V.")
_SENTENCE_STOP = re.compile(r"(?<![.\s])[a-zà-ÿ]{2}\.$")


def _trimmed(text: str, e: Any) -> _Mention | None:
    """The model's span without quote marks and punctuation at its edges; None when nothing but
    punctuation is left (the model typed a closing quote mark PER)."""
    s, t = e.start_char, e.end_char
    while s < t and text[s] in _LEAD_PUNCT:
        s += 1
    while t > s and (
        text[t - 1] in _TRAIL_PUNCT
        or (text[t - 1] == ")" and "(" not in text[s:t])
        or (text[t - 1] == "." and _SENTENCE_STOP.search(text, s, t))
    ):
        t -= 1
    if not any(c.isalnum() for c in text[s:t]):
        return None
    span = e
    if (s, t) != (e.start_char, e.end_char):
        span = e.doc.char_span(s, t, label=e.label_, alignment_mode="contract") or e
    return _Mention(s, t, text[s:t], e.label_, text[s:t], span=span)


def _initials(phrase: str) -> set[str]:
    """Initials a long form may be abbreviated to: every word, or only the capitalised ones."""
    words = [w for part in phrase.split() for w in part.split("-") if w]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
    return {every, content}


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` can abbreviate ``long``: both start with the same letter ("SDF" for
    Syrische Democratische Strijdkrachten, an English acronym); "Jesse Klaver (GroenLinks)" names
    a party, "CU (samen met omroep Max)" adds a remark."""
    return short[:1].lower() == long[:1].lower()


def _acronym_definitions(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """Acronym -> long form, from "Long Form (ACR)", "ACR (Long Form)", the table and initials."""
    defs: dict[str, str] = {}
    for m in mentions:
        inside = _PAREN_INSIDE.match(m.text)
        after = _PAREN_AFTER.match(text, m.end)
        pairs = []
        if inside:
            pairs.append((inside.group(1), inside.group(2)))
        elif after:
            pairs.append((m.text, after.group(1)))
        if _ACRONYM.match(m.text):
            before = _LONG_BEFORE.search(text, max(0, m.start - 100), m.start)
            if before and m.text.upper() in _initials(before.group(1)):
                pairs.append((before.group(1), m.text))
        for first, second in pairs:
            if _ACRONYM.match(second) and not _ACRONYM.match(first) and _abbreviates(second, first):
                defs.setdefault(second, first)
            elif _ACRONYM.match(first) and not _ACRONYM.match(second) and " " in second and _abbreviates(first, second):
                defs.setdefault(first, second)
    by_initials: dict[str, str] = {}
    for m in mentions:
        if " " in m.text and not _ACRONYM.match(m.text) and m.label != "PER":
            for ini in _initials(m.text):
                if len(ini) >= 2:
                    by_initials.setdefault(ini, m.text)
    for m in mentions:
        acr = m.text
        if acr in defs or m.label == "PER" or not _ACRONYM.match(acr):
            continue
        long = KNOWN_ACRONYMS.get(acr) or by_initials.get(acr.upper())
        if long:
            defs[acr] = long
    return defs


def _nationalities(sdoc: Any, covered: dict[int, _Mention]) -> list[_Mention]:
    """MISC mentions for nationality adjectives outside the model's entities."""
    out = []
    for tok in sdoc:
        parts = tok.text.split("-") if "-" in tok.text else [tok.text]
        if tok.text in NATIONALITIES:
            parts = [tok.text]
        offset = tok.idx
        for k, part in enumerate(parts):
            code = NATIONALITIES.get(part)
            if code is None and k < len(parts) - 1:
                code = _NATIONALITY_STEMS.get(part)
            start, end = offset, offset + len(part)
            offset = end + 1
            if code is None:
                continue
            owner = covered.get(tok.i)
            if owner is not None:
                if owner.label == "MISC" and owner.start == start and owner.end == end:
                    owner.nationality, owner.country = True, code
                    owner.entity = country_name(code) or owner.entity
                continue
            name = country_name(code) or part
            out.append(_Mention(start, end, part, "MISC", name, country=code, nationality=True))
    return out


def _people_by_surname(mentions: list[_Mention]) -> None:
    """One sense per article: a one-word mention the model typed MISC, ORG or LOC that is the
    surname of a person named in full elsewhere in the article ("Erdogan: Assad is een
    terrorist" as a heading, "de Turkse president Recep Erdogan" below) is that person; so is its
    genitive ("Trumps beslissing", "Maduro's regime") beside a person of that name. Known places
    and acronyms keep their type."""
    tails = {words[-1].casefold() for words in full_names(mentions) if words[-1][:1].isupper()}
    persons = tails | {m.text.casefold() for m in mentions if m.label == "PER" and " " not in m.text}
    for m in mentions:
        if m.label not in ("MISC", "ORG", "LOC") or " " in m.text or _ACRONYM.match(m.text):
            continue
        folded = m.text.casefold().replace("’", "'")
        stem = folded[:-2] if folded.endswith("'s") else folded[:-1] if folded.endswith("s") else None
        if folded in tails and lookup_place(m.text) is None:
            m.label = "PER"
        elif stem and len(stem) > 2 and stem in persons and lookup_place(m.text[: len(stem)]) is None:
            m.label, m.entity = "PER", m.text[: len(stem)]  # link_people gives the fullest name


def _joined_names(mentions: list[_Mention]) -> list[_Mention]:
    """Two names the model took as one across a hyphen ("Real Madrid-Ajax", "Feyenoord-PSV": a
    match) are two mentions when the article names both on their own."""
    alone = {}
    for m in mentions:
        if "-" not in m.text and not m.reference:
            alone.setdefault(m.text, m)
    out = []
    for m in mentions:
        cut = None
        if not m.reference and "-" in m.text:
            for i, c in enumerate(m.text):
                left, right = m.text[:i], m.text[i + 1:]
                if c == "-" and right[:1].isupper() and left in alone and right in alone:
                    cut = i
        if cut is None:
            out.append(m)
            continue
        for start, part in ((m.start, m.text[:cut]), (m.start + cut + 1, m.text[cut + 1:])):
            other = alone[part]
            out.append(_Mention(start, start + len(part), part, other.label, other.entity, role=other.role,
                                country=other.country, lat=other.lat, lon=other.lon))
    return out


def canonicalise(doc: Document, sdoc: Any) -> list[Entity]:
    """The article's entity mentions, linked to canonical names, roles and places."""
    text = doc.text
    mentions = [m for e in sdoc.ents if e.label_ in LABELS and (m := _trimmed(text, e)) is not None]
    for m in mentions:  # the tokenizer keeps a sentence's full stop on "VN." as if an abbreviation
        if m.text.endswith(".") and _ACRONYM.match(m.text[:-1]):
            m.text = m.entity = m.text[:-1]
            m.end -= 1
        elif len(m.span) > 1:
            split_role_prefix(sdoc, m)
    covered = {i: m for m in mentions for i in range(m.span.start, m.span.end)}

    # 1. acronyms and their long forms
    defs = _acronym_definitions(text, mentions)
    longs = {long: acr for acr, long in defs.items()}
    extra_aliases: dict[str, list[str]] = {}
    for m in mentions:
        inside = _PAREN_INSIDE.match(m.text)
        if inside and (inside.group(2) in defs or inside.group(1) in defs):
            a, b = inside.group(1), inside.group(2)
            m.entity = defs.get(b) or defs.get(a) or m.entity
        elif m.text in defs:
            m.entity = defs[m.text]
        elif "-" in m.text:  # the model tagged "IS" inside the token "IS-strijders"
            head, _, rest = m.text.partition("-")
            long = defs.get(head) or KNOWN_ACRONYMS.get(head)
            if long and rest[:1].islower():
                m.entity = long
        if m.entity in longs:
            extra_aliases.setdefault(m.entity, []).append(longs[m.entity])

    # 2. types the context settles, then people: short forms to the fullest name
    organisations_by_kind(sdoc, mentions)
    organisations_by_name(sdoc, mentions)
    mentions = national_branches(sdoc, mentions)
    for body, label in people_of_organisations(sdoc, mentions):
        mentions.append(_Mention(body.start_char, body.end_char, body.text, label, body.text, span=body))
    places_typed_as_people(mentions)
    streets(sdoc, mentions)
    mentions = participles_typed_as_names(mentions)
    glued_names(text, mentions)
    _people_by_surname(mentions)
    link_people([m for m in mentions if m.label == "PER"])

    # 3. roles, spread to every mention of the same person
    roles: dict[str, str] = {}
    for m in mentions:
        if m.label == "PER":
            m.role = m.role or role_before(sdoc, m.span.start) or role_after(sdoc, m.span.end)
            if m.role:
                roles.setdefault(m.entity, m.role)
    for m in mentions:
        if m.label == "PER" and m.role is None:
            m.role = roles.get(m.entity)

    # 4. role phrases that stand for a person named with that role ("de premier")
    people = [(m.entity, m.role) for m in mentions if m.label == "PER" and m.role]
    starts = {m.span.start for m in mentions if m.label == "PER" and m.span is not None}
    for start, end, phrase, name in role_references(sdoc, people, set(covered), starts):
        mentions.append(_Mention(start, end, text[start:end], "PER", name, role=phrase, reference=True))

    # 5. names joined by a hyphen ("Real Madrid-Ajax"), then places
    mentions = _joined_names(mentions)
    for m in mentions:
        place = None
        if m.label == "LOC":
            place = lookup_place(m.entity) or lookup_place(m.text)
        elif m.label == "MISC" and m.text.endswith(("'s", "’s")):  # "Amerika's partners"
            place = lookup_place(m.text[:-2])
            if place is not None and place.kind == "country":
                m.label = "LOC"
            else:
                place = None
        if place is not None:
            m.country, m.lat, m.lon = place.country, place.lat, place.lon
            if place.kind == "country":
                m.entity = place.name

    # 6. nationality adjectives
    mentions.extend(_nationalities(sdoc, covered))
    mentions.sort(key=lambda m: (m.start, m.end))

    aliases: dict[str, list[str]] = {}
    for m in mentions:
        if not m.nationality and not m.reference:
            names = aliases.setdefault(m.entity, [])
            for name in (m.text, *extra_aliases.get(m.entity, ())):
                if name != m.entity and name not in names and not _PAREN_INSIDE.match(name):
                    names.append(name)
    return [
        Entity(
            start=m.start, end=m.end, text=m.text, label=m.label, entity=m.entity,
            aliases=() if m.nationality else tuple(aliases.get(m.entity, ())),
            role=m.role, country=m.country, lat=m.lat, lon=m.lon, reference=m.reference,
        )
        for m in mentions
    ]


@stage("entities", requires={"ner"}, provides={"entities"}, version=10)  # 10: street names are places, a lone participle ("Lachend") no person, "de Duitse ambassadeur, X," gives X the role; 9: "Greenpeace Nederland" one organisation, "Jelle Wils van Alliander" cut at van; 8: role references ("de premier" for the article's premier); 7: a name glued to its club is cut; 3: surname mentions typed PER; 4: kind nouns, places typed PER; 5: one role-noun list; 6: no punctuation entities, organisation names
def find_entities(doc: Document) -> Document:
    """Turn the model's entity spans into canonicalised Entity annotations."""
    sdoc = doc.analysis
    if sdoc is None:
        return doc
    doc.entities = canonicalise(doc, sdoc)
    return doc

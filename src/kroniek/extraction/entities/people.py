"""People in one article: every short mention of a person gets the fullest name the article
gives ("Rutte" -> "Mark Rutte", "Assad" -> the nearest Assad named before), a name the model glued
to the club after it is cut, and a country or capital the model typed PER is a place."""

from __future__ import annotations

import re
from typing import Any

from kroniek.kb.places import is_country_or_capital, lookup_place
from kroniek.lexicon import words

#: street-name endings ("-laan", "-straat"): a name that ends so is a place
STREET_SUFFIXES = tuple(words("street_suffixes.txt", __package__))

_NAME_PARTICLE = re.compile(r"^(?:al|el|as|ad|ar|at|ash|ben|bin|abu)-", re.IGNORECASE)


def _name_keys(words: list[str]) -> list[str]:
    """Short forms a full name may be cut to: its trailing words ("Erdogan", "van Bommel")."""
    keys = []
    for i in range(1, len(words)):
        tail = " ".join(words[i:]).casefold()
        keys.append(tail)
        if i == len(words) - 1 and _NAME_PARTICLE.match(tail):
            keys.append(_NAME_PARTICLE.sub("", tail))  # "al-Assad" -> "assad"
    return keys


def link_people(people: list[Any]) -> None:
    """Give every short or partial PER mention the fullest matching name in the article."""
    fullest: dict[tuple[str, str], str] = {}  # (first word, last word) -> longest name
    for m in people:
        words = m.entity.split()
        if len(words) >= 2:
            k = (words[0].casefold(), words[-1].casefold())
            if len(m.entity) > len(fullest.get(k, "")):
                fullest[k] = m.entity
    by_tail: dict[str, list[tuple[int, str]]] = {}
    for m in people:
        words = m.entity.split()
        if len(words) >= 2:
            m.entity = fullest[(words[0].casefold(), words[-1].casefold())]
            for key in _name_keys(words):
                by_tail.setdefault(key, []).append((m.start, m.entity))
    for m in people:
        key = m.entity.casefold()
        cands = by_tail.get(key)
        if cands is None and key.endswith("s"):  # genitive "Erdogans"
            cands = by_tail.get(key[:-1].rstrip("'"))
        if not cands:
            continue
        names = {name for _, name in cands}
        if len(names) == 1:
            m.entity = cands[0][1]
        else:  # two Assads: the nearest one named before, else the first after
            before = [c for c in cands if c[0] < m.start]
            m.entity = (max(before) if before else min(cands))[1]


def full_names(mentions: list[Any]) -> list[list[str]]:
    """The words of each person named in full (two or more words) in the article."""
    return [words for m in mentions if m.label == "PER" and len(words := m.text.split()) >= 2]


def glued_names(text: str, mentions: list[Any]) -> None:
    """A person's name the model glued to the club or organisation after it ("zette invaller Tim
    Matavz Vitesse op 3-2"): the name without it, when the article names that tail on its own
    as no person elsewhere ("het trainingscomplex van Vitesse") and two capitalised words stay."""
    others = {m.text for m in mentions if m.label != "PER"}
    for m in mentions:
        words = m.text.split()
        if m.label != "PER" or len(words) < 3 or m.span is None:
            continue
        for k in (1, 2):
            tail, head = " ".join(words[-k:]), words[:-k]
            if len(head) >= 2 and all(w[:1].isupper() for w in head) and tail in others:
                end = m.start + m.text.rindex(tail)
                while end > m.start and text[end - 1].isspace():
                    end -= 1
                span = m.span.doc.char_span(m.start, end, label="PER", alignment_mode="contract")
                if span is not None and len(span):
                    m.end, m.text, m.entity, m.span = end, text[m.start : end], text[m.start : end], span
                break


def places_typed_as_people(mentions: list[Any]) -> None:
    """A one-word name the model typed PER that the gazetteer knows as a country or capital, and
    that is no part of a person named in full in the article, is that place ("zowel Bagdad
    als Damascus verklaarden": a capital standing for its government, LOC in CoNLL terms)."""
    name_words = {w.casefold() for words in full_names(mentions) for w in words}
    for m in mentions:
        if m.label == "PER" and " " not in m.text and m.text.casefold() not in name_words:
            place = lookup_place(m.text)
            if place is not None and place.name == m.text and is_country_or_capital(place):
                m.label = "LOC"


def _street(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(STREET_SUFFIXES) and word.lower() not in STREET_SUFFIXES


def streets(sdoc: Any, mentions: list[Any]) -> None:
    """A name that ends in a street word is a place ("Johan de Wittlaan"), also when the model
    cut the street word off a person's name ("Jan Olphert | Vaillantlaan")."""
    for m in mentions:
        if m.span is None:
            continue
        end = m.span.end
        if end < len(sdoc) and _street(sdoc[end].text) and sdoc[end].idx == m.span.end_char + 1:
            ws = sdoc[m.span.start : end + 1]
            m.span, m.start, m.end, m.text, m.entity, m.label = ws, ws.start_char, ws.end_char, ws.text, ws.text, "LOC"
        elif _street(m.text.split()[-1]):
            m.label = "LOC"


def participles_typed_as_names(mentions: list[Any]) -> list[Any]:
    """A lone present participle opening a sentence ("Lachend: ,,...''", "Zuchtend vertelt ze") is
    a manner, not a person the model took it for."""
    return [
        m
        for m in mentions
        if not (
            m.label == "PER"
            and m.span is not None
            and len(m.span) == 1
            and re.fullmatch(r"[A-Z][a-z]{3,}ende?", m.text)
            and m.span[0].pos_ in ("VERB", "ADJ", "ADV")
        )
    ]

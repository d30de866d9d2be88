"""Roles: the office or description an article gives a person ("de Turkse president Recep
Erdogan", "Sergej Lavrov, de Russische minister van Buitenlandse Zaken"), and the role phrases that
stand for that person elsewhere in the article ("de Turkse president", "de premier").

A role is read from the words right before a name or from an apposition after it. A role phrase
with a definite determiner and no name of its own is a *reference*: it names the one person of
the article who holds that role, when exactly one does and the phrase's nationality agrees; a
phrase two people could fill is left alone rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kroniek.lexicon import ROLE_NOUNS, ROLE_SYNONYMS, mapping
from kroniek.model import Document

#: A token ending in a role noun is a role ("oud-premier", "VN-gezant", "legerleider").
_ROLE_RE = re.compile("(?:{})$".format("|".join(sorted(ROLE_NOUNS, key=len, reverse=True))))
_DETERMINERS = frozenset({"de", "het", "een", "die", "deze", "dat", "zijn", "haar", "hun"})
#: determiners before a role phrase that refers to one known person ("de premier", "onze premier")
_DEFINITE = frozenset({"de", "deze", "onze", "zijn", "haar", "hun"})
_UNINFLECTED_ADJ = frozenset({"voormalig", "huidig", "nieuw", "interim", "waarnemend"})
_COMPLEMENT_HEADS = frozenset({"van", "voor"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "'", "‘", "\n", "\n\n"})

#: Nationality adjective (inflected) -> ISO country code.
NATIONALITIES: dict[str, str] = mapping("nationalities.tsv", __package__)


def _is_role_noun(tok: Any) -> bool:
    low = tok.lower_
    return (tok.is_alpha or "-" in low) and bool(_ROLE_RE.search(low))


def _is_adjective(tok: Any) -> bool:
    if tok.pos_:
        return tok.pos_ == "ADJ"
    low = tok.lower_
    return low in _UNINFLECTED_ADJ or (
        len(low) > 3 and low.endswith("e") and low not in _DETERMINERS and not tok.is_punct
    )


def _role_text(sdoc: Any, first: int, last: int) -> str:
    """The role as written, minus a capital that only marks the start of a sentence."""
    text = sdoc[first:last + 1].text
    tok = sdoc[first]
    starts = first == 0 or tok.is_sent_start or sdoc[first - 1].text in _SENTENCE_OPENERS
    if starts and _is_role_noun(tok) and tok.text[:1].isupper() and tok.text[1:].islower():
        text = text[0].lower() + text[1:]
    return text


def role_before(sdoc: Any, start: int) -> str | None:
    """ "[de] [Turkse] president [van X] <name>", "de Duitse ambassadeur, <name>,": the role phrase
    just before a name."""
    i = start - 1
    noun = None
    if i >= 1 and sdoc[i].text == "," and _is_role_noun(sdoc[i - 1]) and (
        start + 1 < len(sdoc) and any(t.text == "," for t in sdoc[start + 1 : start + 6])
    ):
        i -= 1  # "de Duitse ambassadeur, Daniel Martin Kriener, ...": the role in apposition before
    if i >= 0 and _is_role_noun(sdoc[i]):
        noun = i
    else:  # a complement: "minister van Buitenlandse Zaken Sergej Lavrov"
        for j in range(i, max(-1, i - 6), -1):
            tok = sdoc[j]
            if tok.is_punct or tok.is_sent_start and j > 0:
                break
            if tok.lower_ in _COMPLEMENT_HEADS and j > 0 and _is_role_noun(sdoc[j - 1]):
                noun = j - 1
                break
    if noun is None:
        return None
    first = noun
    while first - 1 >= 0 and noun - first < 3 and _is_adjective(sdoc[first - 1]):
        first -= 1
    return _role_text(sdoc, first, i)


def role_after(sdoc: Any, end: int) -> str | None:
    """ "<name>, de Russische minister van Buitenlandse Zaken, ...": an apposition."""
    n = len(sdoc)
    if end >= n or sdoc[end].text != ",":
        return None
    i = end + 1
    if i < n and sdoc[i].lower_ in _DETERMINERS:
        i += 1
    first = i
    while i < n and i - first < 3 and not _is_role_noun(sdoc[i]) and _is_adjective(sdoc[i]):
        i += 1
    if i >= n or not _is_role_noun(sdoc[i]):
        return None
    last = i
    if i + 1 < n and sdoc[i + 1].lower_ in _COMPLEMENT_HEADS:
        j = i + 2
        while j < n and j - i <= 6 and not sdoc[j].is_punct:
            j += 1
        if j - 1 > i + 1:
            last = j - 1
    if last + 1 < n and not sdoc[last + 1].is_punct:
        return None
    return _role_text(sdoc, first, last)


def split_role_prefix(sdoc: Any, m: Any) -> None:
    """A model span "Syrische president Assad" becomes PER "Assad" with that role."""
    span = m.span
    k = 0
    while k < len(span) - 1 and k < 3 and not _is_role_noun(span[k]) and _is_adjective(span[k]):
        k += 1
    if k >= len(span) - 1 or not _is_role_noun(span[k]) or not span[k + 1].text[:1].isupper():
        return
    name = sdoc[span.start + k + 1:span.end]
    m.role = _role_text(sdoc, span.start, span.start + k)
    m.span = name
    m.start, m.end, m.text, m.entity, m.label = (
        name.start_char, name.end_char, name.text, name.text, "PER"
    )


def _role_keys(role: str) -> list[str]:
    """The full phrase, then shorter ways to refer back to it: without adjectives, without
    the complement, the bare noun ("russische minister van buitenlandse zaken" ... "minister")."""
    words = role.lower().split()
    head = next((i for i, w in enumerate(words) if _ROLE_RE.search(w)), None)
    keys = [" ".join(words)]
    if head is None:
        return keys
    keys += [" ".join(words[head:]), " ".join(words[: head + 1]), words[head]]
    return list(dict.fromkeys(keys))


def role_index(doc: Document) -> dict[str, str]:
    """Role phrase (lowercased) -> canonical person name, for resolving "de Turkse president".

    Keys are the role as written and its shorter forms; a key that two different people share
    in the article is left out rather than guessed.
    """
    return _index((e.entity, e.role) for e in doc.entities if e.label == "PER" and e.role)


def _index(people: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Role key -> the one person (canonical name) it fits, from (name, role) pairs."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name, role in people:
        for key in _role_keys(role):
            if index.get(key, name) != name:
                ambiguous.add(key)
            index.setdefault(key, name)
    return {k: v for k, v in index.items() if k not in ambiguous}


def _references_phrase(sdoc: Any, i: int, person_starts: set[int]) -> tuple[int, str] | None:
    """The role phrase ending in the role noun at ``i`` when it stands alone after a definite
    determiner ("de [zelfbenoemde] interim-president", "meneer de speaker", "onze premier"):
    (its first token, its text); None when a name follows (a title: "premier Rutte") or the
    phrase is indefinite or predicative ("een zittend premier", "als premier")."""
    n = len(sdoc)
    j = i + 1
    while j < n and j - i <= 7 and not sdoc[j].is_punct:
        if j in person_starts or (sdoc[j].is_title and j == i + 1):
            return None  # "premier Rutte", "minister van Financiën Wopke Hoekstra"
        j += 1
    first = i
    while first - 1 >= 0 and i - first < 3 and (_is_adjective(sdoc[first - 1]) or sdoc[first - 1].text in NATIONALITIES):
        first -= 1
    if first == 0 or sdoc[first - 1].lower_ not in _DEFINITE:
        return None
    return first, _role_text(sdoc, first, i)


def _nationality_words(phrase: str) -> set[str]:
    """The nationality adjectives of a role phrase, also inside a compound ("Turks-Koerdische")."""
    return {part for w in phrase.split() for part in (w, *w.split("-")) if part in NATIONALITIES}


def role_references(
    sdoc: Any, people: Iterable[tuple[str, str]], covered: set[int], person_starts: set[int]
) -> list[tuple[int, int, str, str]]:
    """Role phrases that stand for a person the article names with that role: (start and end of
    the role noun, the phrase, canonical name) for "de premier" where "premier Mark Rutte" is the article's only
    premier. ``people``: (canonical name, role) of the article's people; ``covered``: token
    indices already inside a name; ``person_starts``: token indices where a person's name starts."""
    people = list(people)
    index = _index(people)
    roles: dict[str, str] = {}
    for name, role in people:
        roles.setdefault(name, role)
    if not index:
        return []
    out = []
    for tok in sdoc:
        if tok.i in covered or not _is_role_noun(tok):
            continue
        low = tok.lower_
        if low not in index and not any(k.endswith(low) for k in index) and not any(
            r in index for r in ROLE_SYNONYMS.get(low, ())
        ):
            continue
        found = _references_phrase(sdoc, tok.i, person_starts)
        if found is None:
            continue
        first, phrase = found
        name = next((index[k] for k in _role_keys(phrase) if k in index), None)
        if name is None:  # "de minister-president" for the article's premier, "de bewindsman"
            names = {index[r] for r in ROLE_SYNONYMS.get(low, ()) if r in index}
            name = names.pop() if len(names) == 1 else None
        if name is None:
            continue
        # "de Amerikaanse president" is not the article's Venezuelan president
        if not _nationality_words(phrase) <= _nationality_words(roles[name]):
            continue
        # the mention is the role noun; its adjectives ("Turkse") may be names of their own
        out.append((tok.idx, tok.idx + len(tok.text), phrase, name))
    return out

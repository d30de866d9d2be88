"""Tense per sentence and per clause from the tagger's verb morphology: a named month or weekday
in a present-tense clause looks ahead, in a past-tense one back. A clause decides where it has a
finite verb of its own ("De NCTV verwacht dat het aantal aanslagen, dat in september daalde,
stijgt": September is last year's although the sentence is in the present); a clause without one
takes its sentence's tense."""

from __future__ import annotations

import re

from kroniek.model import Document

_PERFECT_AUX = frozenset("heb hebt heeft hebben ben bent is zijn".split())
#: participles the tagger mistakes for nouns ("hebben de orde verstoord"): ge-/be-/ver-/ont-/her-...-d/t
_PARTICIPLE = re.compile(r"(?:ge|be|ver|ont|her)[a-zë]{3,}(?:d|t)")


def _verb_flags(doc: Document) -> list[int]:
    """Per token, bit flags: 1 finite, 2 past, 4 perfect auxiliary, 8 participle, 16 reporting verb
    (not of a view or demand: "vindt dat het in april kan" holds now). The CGN tag (tagger) and the
    UD features (morphologizer) err apart: either counts."""
    from kroniek.lexicon.reporting import CALL_LEMMAS, POSITION_LEMMAS, get_lexicon

    lex = get_lexicon()
    out = []
    for t in doc.tokens:
        low = t.text.lower()
        fin = t.tag.startswith("WW|pv") or (t.pos in ("VERB", "AUX") and "VerbForm=Fin" in t.morph)
        f = 1 if fin else 0
        if fin and (t.tag.startswith("WW|pv|verl") or "Tense=Past" in t.morph) and low not in ("zou", "zouden"):
            f |= 2
        elif fin and (t.lemma in ("hebben", "zijn") or low in _PERFECT_AUX):
            f |= 4
        elif t.tag.startswith("WW|vd") or "VerbForm=Part" in t.morph or _PARTICIPLE.fullmatch(low):
            f |= 8
        if fin and (lem := lex.lemma(low)) and lem not in POSITION_LEMMAS and lem not in CALL_LEMMAS:
            f |= 16
        out.append(f)
    return out


def _tense(flags: int) -> str:
    # "zegt X woensdag" reports what was said (past); other present sentences look ahead
    return "past" if flags & 2 or (flags & 4 and flags & 8) or flags & 16 else "present"


#: words that open a clause of their own
_CLAUSE_OPENERS = frozenset(
    "dat die omdat maar terwijl nadat toen want zodat hoewel als wanneer waar waarin waarbij doordat "
    "voordat sinds zodra tot".split()
)
_CLAUSE_PUNCT = frozenset((",", ";", ":", "(", ")", "–", "-"))


def tenses(doc: Document) -> tuple[list[str] | None, list[tuple[int, int, str]] | None]:
    """'past' or 'present' per sentence, and (start, end, tense) per clause with a finite verb of
    its own, from the tagger's verb morphology; (None, None) without a model. Past: a finite
    past-tense verb other than conditional 'zou(den)', or a perfect (finite hebben/zijn +
    participle), or a finite reporting verb ("Dat zegt X woensdag": the day it was said). A month
    named in a present-tense clause ("De vergunning loopt in april af") is this year's, not last
    year's; a weekday in one is the coming one ("Zaterdag begint de verkoop"). Clauses without a
    finite verb are left out: their sentence decides."""
    toks = doc.tokens
    if not toks or not any(t.morph for t in toks):
        return None, None
    flags = _verb_flags(doc)
    sentences: list[str] = []
    clauses: list[tuple[int, int, str]] = []
    k = 0
    for sent in doc.sentences:
        while k < len(toks) and toks[k].start < sent.start:
            k += 1
        whole = 0
        cl_flags, cl_start, cl_end = 0, None, None
        j = k
        while j < len(toks) and toks[j].start < sent.end:
            t = toks[j]
            if (t.text in _CLAUSE_PUNCT or t.text.lower() in _CLAUSE_OPENERS) and cl_start is not None:
                if cl_flags & 1:
                    clauses.append((cl_start, cl_end, _tense(cl_flags)))
                cl_flags, cl_start = 0, None
            if cl_start is None:
                cl_start = t.start
            cl_end = t.end
            cl_flags |= flags[j]
            whole |= flags[j]
            j += 1
        if cl_start is not None and cl_flags & 1:
            clauses.append((cl_start, cl_end, _tense(cl_flags)))
        sentences.append(_tense(whole))
    return sentences, clauses


def sentence_tenses(doc: Document) -> list[str] | None:
    """'past' or 'present' per sentence (see ``tenses``)."""
    return tenses(doc)[0]


def clause_tenses(doc: Document) -> list[tuple[int, int, str]] | None:
    """(start, end, tense) per clause with a finite verb of its own (see ``tenses``)."""
    return tenses(doc)[1]

"""Tense per sentence from the tagger's verb morphology: a named month or weekday in a
present-tense sentence looks ahead, in a past-tense one back."""

from __future__ import annotations

import re

from kroniek.model import Document

_PERFECT_AUX = frozenset("heb hebt heeft hebben ben bent is zijn".split())
#: participles the tagger mistakes for nouns ("hebben de orde verstoord"): ge-/be-/ver-/ont-/her-...-d/t
_PARTICIPLE = re.compile(r"(?:ge|be|ver|ont|her)[a-zë]{3,}(?:d|t)")


def sentence_tenses(doc: Document) -> list[str] | None:
    """'past' or 'present' per sentence from the tagger's verb morphology, or None without a
    model. Past: a finite past-tense verb other than conditional 'zou(den)', or a perfect
    (finite hebben/zijn + participle), or a finite reporting verb ("Dat zegt X woensdag": the day
    it was said). A month named in a present-tense sentence ("De vergunning loopt in april af",
    "Het vonnis volgt op 19 april") is this year's, not last year's; a weekday in one is the
    coming one ("Zaterdag begint de verkoop")."""
    toks = doc.tokens
    if not toks or not any(t.morph for t in toks):
        return None
    from kroniek.lexicon.reporting import CALL_LEMMAS, POSITION_LEMMAS, get_lexicon

    lex = get_lexicon()
    out = []
    k = 0
    for sent in doc.sentences:
        while k < len(toks) and toks[k].start < sent.start:
            k += 1
        past = aux = part = report = False
        j = k
        while j < len(toks) and toks[j].start < sent.end:
            t = toks[j]
            low = t.text.lower()
            # the CGN tag (tagger) and the UD features (morphologizer) err apart: either counts
            fin = t.tag.startswith("WW|pv") or (t.pos in ("VERB", "AUX") and "VerbForm=Fin" in t.morph)
            if (
                fin
                and (t.tag.startswith("WW|pv|verl") or "Tense=Past" in t.morph)
                and low not in ("zou", "zouden")
            ):
                past = True
            elif fin and (t.lemma in ("hebben", "zijn") or low in _PERFECT_AUX):
                aux = True
            elif t.tag.startswith("WW|vd") or "VerbForm=Part" in t.morph or _PARTICIPLE.fullmatch(low):
                part = True
            if fin and (lem := lex.lemma(low)) and lem not in POSITION_LEMMAS and lem not in CALL_LEMMAS:
                report = True  # (a view or a demand is held now: "vindt dat het in april kan")
            j += 1
        # "zegt X woensdag" reports what was said (past); other present sentences look ahead
        out.append("past" if past or (aux and part) or report else "present")
    return out

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


#: words that open a clause of their own
_CLAUSE_OPENERS = frozenset(
    "dat die omdat maar terwijl nadat toen want zodat hoewel als wanneer waar waarin waarbij doordat "
    "voordat sinds zodra tot".split()
)


def clause_tenses(doc: Document) -> list[tuple[int, int, str]] | None:
    """(start, end, 'past' | 'present') for each clause with a finite verb of its own, by the rules
    of ``sentence_tenses``; clauses without one are left out (their sentence decides)."""
    toks = doc.tokens
    if not toks or not any(t.morph for t in toks):
        return None
    from kroniek.lexicon.reporting import CALL_LEMMAS, POSITION_LEMMAS, get_lexicon

    lex = get_lexicon()
    out: list[tuple[int, int, str]] = []
    k = 0
    for sent in doc.sentences:
        while k < len(toks) and toks[k].start < sent.start:
            k += 1
        clauses: list[list] = [[]]
        j = k
        while j < len(toks) and toks[j].start < sent.end:
            t = toks[j]
            if t.text in (",", ";", ":", "(", ")", "–", "-") or t.text.lower() in _CLAUSE_OPENERS:
                if clauses[-1]:
                    clauses.append([])
            clauses[-1].append(t)
            j += 1
        for clause in clauses:
            past = aux = part = report = fin_any = False
            for t in clause:
                low = t.text.lower()
                fin = t.tag.startswith("WW|pv") or (t.pos in ("VERB", "AUX") and "VerbForm=Fin" in t.morph)
                fin_any = fin_any or fin
                if fin and (t.tag.startswith("WW|pv|verl") or "Tense=Past" in t.morph) and low not in ("zou", "zouden"):
                    past = True
                elif fin and (t.lemma in ("hebben", "zijn") or low in _PERFECT_AUX):
                    aux = True
                elif t.tag.startswith("WW|vd") or "VerbForm=Part" in t.morph or _PARTICIPLE.fullmatch(low):
                    part = True
                lem = lex.lemma(low) if fin else None
                if lem and lem not in POSITION_LEMMAS and lem not in CALL_LEMMAS:
                    report = True
            if fin_any and clause:
                tense = "past" if past or (aux and part) or report else "present"
                out.append((clause[0].start, clause[-1].end, tense))
    return out

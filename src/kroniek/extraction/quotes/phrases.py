"""Speaker phrases: the noun phrase after a cue ("zegt de Turkse president Erdogan") or before
it ("De Turkse president Recep Erdogan noemde ..."), found by word order."""

from __future__ import annotations

import re

from kroniek.lexicon import ABBREVIATIONS, ORG_NOUNS, PRONOUNS, ROLE_NOUNS, WEEKDAY_NAMES, words
from kroniek.lexicon.people import people_noun, plural_people_noun
from kroniek.lexicon.reporting import Lexicon

from .cues import SPEAKER_STOP
from .speakers import ADJECTIVE_RE as _ADJ

WORD_RE = re.compile(r"[\w][\w'’.-]*\w|\w")
LEAD_ADVERBS = words("lead_adverbs.txt", __package__) | frozenset(WEEKDAY_NAMES)
_SPEAKER_ADVERBS = frozenset("nu toen dan ook echter weer daarop eindelijk plotseling opeens".split())
#: Words that open a noun phrase ("volgens de groep", "volgens haar vereniging").
_NP_DETERMINERS = frozenset(("de", "het", "een", "zowel", "zijn", "haar", "hun"))
#: two-word focus adverbs that open a subject ("met name", "onder meer")
_LEAD_PAIRS = frozenset(("met name", "onder meer", "onder andere", "onder anderen"))
#: name particles ("van der Wind", "ter Horst", "al-Assad")
_PARTICLES = frozenset("van de der den ter ten von al bin el le la du des".split())
#: Words that start a quantity and so end the phrase before them.
_QUANTITY_WORDS = frozenset("bijna ruim ongeveer circa zo'n minstens ten minste hooguit maximaal".split())

#: Finite verbs that end a subject phrase ("volgens de premier | is het tarief ...",
#: "Coalitiepartijen hebben | al laten weten dat").
VERB_ENDS_NP = frozenset(
    """is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden
    kan kunnen kon konden moet moeten moest moesten wil willen wilde wilden gaat gaan ging gingen
    blijft blijven bleef bleven komt komen kwam kwamen staat staan stond stonden ligt liggen lag
    lagen lijkt lijken leek leken laat laten liet lieten doet doen deed deden""".split()
)


#: parts of speech that never continue a speaker phrase once it has begun ("volgens de rechtbank
#: | kocht V.", "volgens de rechters | te lang")
_NOT_IN_NP = frozenset(("VERB", "AUX", "ADV", "SCONJ", "CCONJ", "PART", "PRON", "ADP"))
#: small words the rules below decide on themselves (name particles, "zowel X als Y", "X en Y")
_NP_GLUE = frozenset("van en als zowel de der den het ter ten von al bin el le la".split())


def np_after(
    text: str, pos: int, limit: int, lex: Lexicon, tags: dict[int, str] | None = None
) -> tuple[int, int] | None:
    """The noun phrase starting at ``pos`` (a speaker after a cue: "zegt de Turkse president X").
    ``tags``: the tagger's part of speech by token start, when there is a model."""
    det = False
    det_at = pos
    if text.startswith("'t ", pos) or text.startswith("’t ", pos):
        pos, det = pos + 3, True  # "vroeg 't dichtertje"
    elif text.startswith("-ie", pos):
        pos += 1  # "zei -ie"
    words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, pos, limit)]
    if not words or text[pos : words[0][0]].strip(" \t"):
        return None
    first = words[0][2].lower()
    if first in _SPEAKER_ADVERBS and len(words) > 1 and not text[words[0][1] : words[1][0]].strip():
        # "zeide nu Miss Morstan", "vroeg toen de man": an adverb before the subject
        return np_after(text, words[1][0], limit, lex, tags)

    if first in PRONOUNS:
        return (words[0][0], words[0][1])
    if first in SPEAKER_STOP and first not in ("van",):
        return None
    end = None
    seen_cap = False
    prev_end = words[0][0]
    skip = -1  # a determiner already taken with the word before it
    for k, (s, e, w) in enumerate(words[:9]):
        if k == skip:
            continue
        gap = text[prev_end:s]
        if k and gap.strip():  # punctuation between words ends the phrase
            break
        lw = w.lower()
        if text[e : e + 1] == "." and (
            ABBREVIATIONS.get(lw + ".") == "title"
            or (len(w) == 1 and w.isupper() and seen_cap)
            or (
                len(w) == 1
                and w.isupper()
                and k + 1 < len(words)
                and words[k + 1][0] == e + 2
                and words[k + 1][2][0].isupper()
            )  # "zei advocaat L. Portier": an initial before a surname
        ):
            # "aldus dr. Jansen", "volgens Gerard V.": the stop belongs to the title or initial
            if ABBREVIATIONS.get(lw + ".") != "title":
                end = e + 1
            prev_end = e + 1
            continue
        if (
            k
            and tags
            and (tags.get(s) in _NOT_IN_NP or (tags.get(s) == "NUM" and end is not None))
            and not w[0].isupper()
            and lw not in _NP_GLUE
        ):
            break  # the tagger says the phrase is over: a verb, adverb, preposition or a number
        if lw in _NP_DETERMINERS and k == 0:
            prev_end = e
            continue
        if lw in ("een", "geen") and end is not None:
            break  # a new noun phrase: "volgens de bonden | een verhoging van 2,5 procent", "volgens het bestuur | geen belemmering"
        if k and "-" in w and lw.rsplit("-", 1)[1] in ROLE_NOUNS:
            prev_end = e  # a title compound before a name: "volgens Radio 10-dj Gerard Ekdom"
            continue
        if k and (w[0].isdigit() or lw in _QUANTITY_WORDS) and not re.match(r"\d+-jarige$", lw):
            break  # "volgens de groep | bijna 300 kinderen" (an age is an adjective: "een 81-jarige man")
        if lw in _PARTICLES and k + 1 < len(words):
            j = k + 1
            while j < len(words) - 1 and words[j][2].lower() in _PARTICLES and words[j][2].islower():
                j += 1  # "Martijn van der Wind", "Pieter Stroop van Renen"
            if words[j][2][0].isupper() and (j == k + 1 or seen_cap or (k == 0 and w[0].isupper())):
                # (a capitalised particle opens a surname named alone: "volgens Van der Kuijl")
                prev_end = words[j - 1][1]
                continue
        if (
            lw == "van"
            and k
            and (words[k - 1][2].lower() in ROLE_NOUNS or words[k - 1][2].lower() in ORG_NOUNS)
            and k + 2 < len(words)
            and words[k + 1][2].lower() in ("de", "het")
            and not text[e : words[k + 2][0]].strip(" \t").replace(words[k + 1][2], "").strip()
        ):
            # "de woordvoerder van de NS", "onderzoekers van de Britse bank HSBC": the body
            j = k + 2
            while (
                j < min(k + 5, len(words) - 1)
                and (_ADJ.search(words[j][2]) or words[j][2].islower())
                and not text[words[j - 1][1] : words[j][0]].strip()
            ):
                j += 1
            if words[j][2][0].isupper() and not _ADJ.search(words[j][2]) and not text[words[j - 1][1] : words[j][0]].strip():
                end = words[j][1]
                while j + 1 < len(words) and words[j + 1][2][0].isupper() and not text[end : words[j + 1][0]].strip():
                    j += 1
                    end = words[j][1]
                prev_end = end
                seen_cap = True
                break
        if lw in ("en", "als") and seen_cap and k + 1 < len(words) and words[k + 1][2][0].isupper():
            prev_end = e
            continue
        if (
            lw == "en"
            and seen_cap
            and k + 2 < len(words)
            and words[k + 1][2] in ("de", "het")
            and words[k + 2][2][0].isupper()
            and not _ADJ.search(words[k + 2][2])
        ):
            prev_end, skip = words[k + 1][1], k + 1
            continue  # "de GGD en het RIVM"
        if (
            lw == "en"
            and k
            and _ADJ.search(words[k - 1][2])
            and k + 1 < len(words)
            and words[k + 1][2][0].isupper()
            and _ADJ.search(words[k + 1][2])
        ):
            prev_end = e
            continue  # "Amerikaanse en Spaanse wetenschappers"
        if (lw in SPEAKER_STOP or lex.lemma(lw) or lw in lex.particles) and not (k and w[0].isupper()):
            break  # (a capital inside the phrase is a name: "het OM", not the word "om")
        if k and lw in VERB_ENDS_NP:
            break  # (right after a determiner: "volgens haar | is" has no noun phrase)
        if k == 0 and w[1:].islower() and len(words) > 1 and words[1][2] in ROLE_NOUNS:
            pass  # a sentence-initial modifier of a role: "Politiek leider Kees van der Staaij"
        elif w[0].isupper() and not _ADJ.search(w) and lw not in ROLE_NOUNS:
            seen_cap = True
        elif seen_cap and not (
            k and (lw in ROLE_NOUNS or lw in ORG_NOUNS) and re.search(r"[a-z](?:al|el|ijk)e$", words[k - 1][2])
        ) and not (
            k == 1 and re.search(r"(?:'s|’s|[^s]s)$", words[0][2]) and people_noun(lw)
        ):
            break  # (but "de Nationale ombudsman", "de Koninklijke marine": an adjective's noun; "Baudets kiezers": a genitive's)
        end = e
        prev_end = e
    if end is None:
        return None
    if first not in _NP_DETERMINERS and not det and not words[0][2][0].isupper():
        # a bare lowercase phrase is a speaker only when it names a role or a body
        phrase = text[words[0][0] : end].lower().split()
        if not seen_cap and not any(w in ROLE_NOUNS or w in ORG_NOUNS or plural_people_noun(w) for w in phrase):
            return None  # (a lowercase noun before a name is its title: "ontwikkelaar Erwin Slot")
    return (det_at if det else words[0][0], end)




#: words that open a subordinate clause: the subject of its verb comes after them
_SUBORDINATORS = frozenset(
    "hoe dat waarop waarna terwijl toen nadat omdat zodat waarin wanneer waarover waarmee waarvoor waaraan waarbij".split()
)
#: those after which a pronoun subject counts too (after "dat", "toen" it is mostly narration)
_RELATIVE_SUBORDINATORS = frozenset("hoe waarop waarna nadat waarin waarover waarmee waarvoor waaraan waarbij".split())


def np_before(text: str, clause_start: int, cue_start: int) -> tuple[int, int] | None:
    """The subject before a cue ("De Turkse president Recep Erdogan noemde ...")."""
    seg = text[clause_start:cue_start]
    words = [(m.start() + clause_start, m.end() + clause_start, m.group()) for m in WORD_RE.finditer(seg)]
    if not words:
        return None
    # the subject runs from the last comma-free stretch; drop leading adverbs
    cut = seg.rfind(",")
    if cut >= 0:
        # an apposition ("X, woordvoerder van Y, zegt"): use what precedes the first comma
        first = seg.find(",")
        head = seg[:first].strip()
        if head and len(head.split()) <= 5 and first != cut:
            words = [w for w in words if w[1] <= clause_start + first]
        else:
            words = [w for w in words if w[0] > clause_start + cut]
    sub = [
        i
        for i, w in enumerate(words[:-1])
        if w[2].lower() in _SUBORDINATORS
        and (
            words[i + 1][2].lower() in _NP_DETERMINERS
            or words[i + 1][2][0].isupper()
            or w[2].lower() in _RELATIVE_SUBORDINATORS  # "waarin hij hem oproept"
        )
    ]
    if sub:
        words = words[sub[-1] + 1 :]  # "Op beelden is te zien hoe een demonstrant scandeert:"
    while words and words[0][2].lower() in LEAD_ADVERBS:
        words = words[1:]
    if len(words) == 2 and words[0][2].islower() and words[0][2] in VERB_ENDS_NP and words[1][2].lower() in PRONOUNS:
        words = words[1:]  # "Terwijl ..., hebben zij beloofd": the inverted subject after the finite verb
    if len(words) > 2 and " ".join(w[2].lower() for w in words[:2]) in _LEAD_PAIRS:
        words = words[2:]  # "Met name vicepremier Salvini riep ...": a focus adverb, no preposition
    while len(words) > 1 and (words[-1][2].lower() in LEAD_ADVERBS or words[-1][2].lower() in VERB_ENDS_NP):
        words = words[:-1]
    finite = next((k for k, w in enumerate(words) if k and w[2] in VERB_ENDS_NP), None)
    if finite is not None and (finite >= 2 or words[0][2].lower() in _NP_DETERMINERS):
        words = words[:finite]  # "De Kamer had minister X gevraagd": the subject ends at the finite verb
    if not words or len(words) > 10:
        return None
    return (words[0][0], words[-1][1])

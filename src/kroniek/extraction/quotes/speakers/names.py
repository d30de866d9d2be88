"""Names in an article's text: what a person's name looks like, the word lists that tell names
from ordinary capitalised words, and the small repairs a name run needs (a role glued to it,
two names run together, a portfolio after a minister)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kroniek.lexicon import FUNCTION_WORDS, MONTH_NAMES, NAME_PARTICLES, ROLE_NOUNS, WEEKDAY_NAMES, words
from kroniek.lexicon import ROLE_SYNONYMS as _SYNONYMS
from kroniek.lexicon.reporting import get_lexicon


@lru_cache(maxsize=1)
def speech_forms() -> frozenset[str]:
    """Every reporting-verb form: a noun or name next to one is a speaker."""
    return frozenset(get_lexicon().form_lemma)


_PARTICLE = "(?:" + "|".join(NAME_PARTICLES) + ")"

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*\w|[A-ZÀ-ÖØ-Þ]"

#: "(Financiën)" or "van Buitenlandse Zaken" right after a minister's name: the portfolio
PORTFOLIO_RE = re.compile(
    r"\s*(?:\(([A-ZÀ-Þ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]*){0,2})\)|,?\s+van\s+([A-ZÀ-Þ][\w-]*(?:\s+(?:en\s+)?[A-ZÀ-Þ][\w-]*){0,3}))"
)

#: role nouns that stand for others in a later mention ("de bewindsman" for the minister)
#: (the quotes read only the "bewinds-" nouns as stand-ins; a named role is matched as written)
ROLE_SYNONYMS = {w: (*roles, w) for w, roles in _SYNONYMS.items() if w.startswith("bewinds")}

NAME_TAIL_RE = re.compile(rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)*(?:{_CAP}))+")

NAME_RE = re.compile(rf"(?:{_CAP})(?:\s+(?:{_PARTICLE}\s+)*(?:{_CAP}))*")

#: Capitalised words that are not names when they start a sentence or a name.
FUNCTION_CAPS = FUNCTION_WORDS | frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)

ORG_TAILS = words("org_tails.txt", __package__)

INITIAL_RE = re.compile(r"(?:^|[.!?:;\"'„“”‘’«»\n(–—-])\s*$")

MALE_WORDS = words("male_words.txt", __package__)

FEMALE_WORDS = words("female_words.txt", __package__)

#: forms of address before a name, no part of it ("Mevrouw Verstraeten", "Tante Mien")
TITLES = words("titles.txt", __package__)

#: Common first names in Dutch news (our own list): a person's gender for "hij"/"zij" when no
#: title states it. Only a name's FIRST word is looked up.
MALE_NAMES = words("male_names.txt", __package__)

FEMALE_NAMES = words("female_names.txt", __package__)

THIRD_POSSESSIVES = frozenset("zijn haar hun z'n d'r zijne hare".split())

POSSESSIVES = words("possessives.txt", __package__)

DETERMINERS = words("determiners.txt", __package__)

NOT_NAME_START = FUNCTION_CAPS | DETERMINERS | frozenset("jouw uw hun".split())

#: person nouns that make a bare description a speaker ("vroeg de oude man")
PERSON_NOUNS = words("person_nouns.txt", __package__)

MALE_NOUNS = words("male_nouns.txt", __package__)

FEMALE_NOUNS = words("female_nouns.txt", __package__)

#: heads that are no person: adjectives/adverbs and verb forms ("'t prettig", "de heer knikt")
NOT_DESC_RE = re.compile(r"(?:ig|lijk|isch|baar|zaam|loos|end|en|t|d)$")

ROMAN_RE = re.compile(r"[IVXLC]+\.?")

PARTICLES = frozenset(NAME_PARTICLES)

ADJECTIVE_RE = re.compile(r"(?:s|isch|ees|aans|ns)e$|sche$")

@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | MISC | UNK (heuristic)

def heuristic_names(text: str) -> list[Mention]:
    """Capitalised word runs, minus sentence-initial function words and nationality adjectives."""
    out: list[Mention] = []
    initial: list[bool] = []
    for m in NAME_RE.finditer(text):
        words = m.group().split()
        start = m.start()
        # drop leading function words / adjectives ("De Turkse" president ...)
        while words and (
            words[0].lower() in FUNCTION_CAPS or ADJECTIVE_RE.search(words[0]) or words[0].lower() in ROLE_NOUNS
        ):
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
            while start < len(text) and text[start].isspace():
                start += 1
        while words and (words[-1].lower() in FUNCTION_CAPS or ADJECTIVE_RE.search(words[-1])):
            words = words[:-1]
        if not words:
            continue
        # "Karin Dekker van Justitie": the portfolio is no part of the name
        for k in range(1, len(words) - 1):
            if words[k] == "van" and words[k + 1] in ORG_TAILS:
                words = words[:k]
                break
        # "Buitenlandse Zaken Sergej Lavrov": an organisation name glued to a person name
        cut = max((k + 1 for k, w in enumerate(words[:-1]) if w in ORG_TAILS), default=0)
        if cut:
            for w in words[:cut]:
                start = text.index(w, start) + len(w)
            words = words[cut:]
            start = text.index(words[0], start)
        end = start
        for w in words:
            end = text.index(w, end) + len(w)
        out.append(Mention(start, end, text[start:end], "UNK"))
        initial.append(bool(INITIAL_RE.search(text[max(0, start - 4) : start])) or start == 0)
    # a lone capitalised word at a sentence start is a name only if it is capitalised elsewhere too
    mid = {m.text for m, ini in zip(out, initial, strict=False) if not ini}
    mid |= {m.text.split()[-1] for m in out if " " in m.text}
    return [m for m, ini in zip(out, initial, strict=False) if not ini or " " in m.text or m.text in mid]

#: titles that make the next name a person ("mijnheer Fogg", "Miss Morstan", "tante Betsy")
_PERSON_TITLES = MALE_WORDS | FEMALE_WORDS | frozenset("mr. mrs. dr dr. dokter kapitein majoor".split())


def person_texts(text: str, entities: list) -> set[str]:
    """Entity texts that name a person although the model typed (some of) their mentions
    LOC/ORG/MISC: texts it also typed PER at least a third of the time, texts that are the subject
    right next to a speech verb ("zei Stipan", "Passepartout antwoordde") or follow a title
    ("mijnheer Fogg"). Known places (coordinates, countries) are never persons."""
    speech = speech_forms()
    votes: dict[str, list[int]] = {}
    per_starts = {e.start for e in entities if e.label == "PER"}
    for e in entities:
        if e.label != "PER" and text[e.end : e.end + 1] == " " and e.end + 1 in per_starts:
            continue  # "stelt CDA-raadslid Martijn van der Wind": a title before a name, no person
        if e.lat is not None or e.country:
            votes.setdefault(e.text, [0, 0, 0])[2] += 1
            continue
        v = votes.setdefault(e.text, [0, 0, 0])
        if e.label == "PER":
            v[0] += 1
            continue
        v[1] += 1
        if e.label == "ORG":
            continue  # organisations speak too ("meldt ANP"): only the model's PER votes count
        before = re.search(r"([\w.'’-]+)[ \t]*$", text[max(0, e.start - 25) : e.start])
        after = re.match(r"[ \t]*([\w'’-]+)", text[e.end : e.end + 25])
        b = before.group(1).lower() if before else ""
        a = after.group(1).lower() if after else ""
        if (
            (b in speech and not text[e.end : e.end + 1].isalnum())
            or a in speech
            or b in _PERSON_TITLES
        ):
            v[0] += 1
    return {t for t, (per, other, place) in votes.items() if not place and (3 * per >= other > 0 or per >= 3)}

def strip_role(text: str, start: int, end: int, label: str) -> Mention | None:
    """'Syrische president Assad' (an NER span with its description) -> 'Assad' as a person."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for k in range(len(words) - 1, -1, -1):
        if words[k].group().lower() in ROLE_NOUNS:
            if k + 1 < len(words):
                s = start + words[k + 1].start()
                return Mention(s, end, text[s:end], "PER")
            return None
    if len(words) == 1 and ADJECTIVE_RE.search(words[0].group()) and label == "MISC":
        return None  # nationality adjectives are not names
    return Mention(start, end, text[start:end], label)

def fuller(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``longer`` is a fuller name for ``shorter``: contains it and is itself name-like
    (capitalised words and particles), so a mistyped entity span such as "Japi z'n pet" never
    becomes the canonical name of every "Japi"."""
    return _contains(longer, shorter) and all(w[:1].isupper() or w.lower() in PARTICLES for w in longer)

_ROLE_VAN_RE = re.compile(r"(?i)\b(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\s+van\s+$")

def portfolio_glued(text: str, m: Mention) -> Mention | None:
    """'minister van Verkeer Ingrid Hofstede' tagged as ONE organisation: the person after the
    portfolio word (the portfolio itself is read by ``_find_descriptions``)."""
    words = list(re.finditer(r"\S+", m.text))
    if len(words) < 2 or words[0].group() not in ORG_TAILS or not words[1].group()[0].isupper():
        return None
    if not _ROLE_VAN_RE.search(text[max(0, m.start - 40) : m.start]):
        return None
    cut = max(k for k, w in enumerate(words) if w.group() in ORG_TAILS) + 1
    if cut >= len(words):
        return None
    s = m.start + words[cut].start()
    return Mention(s, m.end, text[s : m.end], "PER")

def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` is a contiguous token run of ``longer`` (Erdogan ⊂ Recep Erdogan)."""
    n = len(shorter)
    if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
        return True
    # "De Jonge" in "Hugo de Jonge": a particle is capitalised when the surname starts a sentence
    low_l = [w.lower() if w.lower() in PARTICLES else w for w in longer]
    low_s = [w.lower() if w.lower() in PARTICLES else w for w in shorter]
    return any(low_l[i : i + n] == low_s for i in range(len(low_l) - n + 1))

def split_glued(mentions: list[Mention], typed: dict[str, int] | None = None) -> list[Mention]:
    """'liet Fogg Passepartout twee kaartjes': a one-off run of two names that each occur on their
    own at least twice (``typed``: entity texts counted whatever their type) is two mentions, not
    a fuller name."""
    count: dict[str, int] = dict(typed or {})
    for m in mentions:
        count[m.text] = count.get(m.text, 0) + (0 if typed and m.text in typed else 1)
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.label != "LOC" and len(words) >= 2 and count[m.text] == 1:
            for k in range(1, len(words)):
                a, b = " ".join(words[:k]), " ".join(words[k:])
                if count.get(a, 0) >= 2 and count.get(b, 0) >= 2:
                    cut = m.start + m.text.index(b, len(a))
                    out.append(Mention(m.start, m.start + len(a), a, m.label))
                    out.append(Mention(cut, m.end, b, m.label))
                    break
            else:
                out.append(m)
        else:
            out.append(m)
    return out

"""Finding time expressions: Dutch time expressions as TIMEX3 DATE/TIME/DURATION/SET values.

Values are resolved against the publication date *at its precision*: a month- or year-precision
date never invents a day. A relative expression is turned into the interval of dates it can mean
(publication start..end shifted) and written at the finest granularity that interval shares:
``drie weken geleden`` in a ``2017-12`` article spans 10 Nov..10 Dec, so it becomes ``2017``.
Shifts of at most a week (``gisteren``, ``woensdag``) in a coarser article are taken to fall
inside the publication period itself, so they give that period (``2017-12``). Weekdays resolve
to the most recent one (past tense, the news default) or the next one (future markers in the
sentence). Spans leave out plain prepositions (``in``, ``op``, ``om``) but keep modifying ones
(``sinds 2014``). dateparser was not used: it does not give spans or TIMEX values.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from kroniek.lexicon import MONTH_NAMES
from kroniek.lexicon.ages import AGE_YEARS_AFTER, AGE_YEARS_BEFORE
from kroniek.model import PublishedDate, Timex

from .recognize.blocks import FUTURE_RE
from .recognize.patterns import PATTERNS
from .recognize.ranges import RANGE_PATTERNS
from .recognize.triggers import TRIGGERS
from .resolve.calendar import Ref, period_of
from .resolve.context import (
    HABIT,
    day_hour_ranges,
    later_anchored,
    merge_date_time,
    range_years,
    shifted_days,
    story_days,
)
from .resolve.intervals import compound_dates, join_ranges
from .resolve.joins import join_clock_times
from .resolve.ranges import resolve_range
from .resolve.values import resolve

_DROP_PREFIX = re.compile(r"(?i)^(?:in|op|om|per|rond|omstreeks|tegen|uit|naar|niet|maar|de|het|in\s+de|in\s+het)\s+")


_KEEP_PREP = {"sinds", "vanaf", "tot", "van", "na", "voor", "eind", "begin", "medio", "halverwege"}


def _trim(name: str, start: int, text: str, duration: bool = False) -> tuple[int, str]:
    """Drop plain prepositions and articles from the front of a span (keep sinds/vanaf/tot, and
    the article of a period that is a duration: "de afgelopen jaren", "het afgelopen jaar")."""
    plural = re.search(r"(?i)(?:jaren|weken|maanden|dagen|uren|decennia|eeuwen)$", text)
    if name in ("plural_dur", "reln") or (name == "relperiod" and (plural or duration)):
        m = re.match(r"(?i)^(?:in|op)\s+", text)
    else:
        m = _DROP_PREFIX.match(text)
    if (
        m
        and not re.match(r"(?i)^(?:de|het)\s+(?:\d|jaren\b|eerste|tweede|derde|vierde|laatste)", text)
        and name not in ("decade", "century", "present", "set_word", "set_other", "part_hours")
    ):
        return start + m.end(), text[m.end() :]
    if name == "year" and text.startswith("("):
        return start + 1, text[1:]
    if _FULL_MONTH_DOT.search(text):  # "op 19 april." ends the sentence; "19 apr." keeps its dot
        return start, text[:-1]
    return start, text


_FULL_MONTH_DOT = re.compile(r"(?i)(?:" + "|".join(MONTH_NAMES) + r")\.$")
_ANY_LEAD = re.compile(r"(?i)(?:tussen|van|vanaf)\s")
#: between two ends that ``intervals.join_ranges`` joins later (after the clock and day fixes)
_RANGE_GAP = re.compile(r"(?i)\s*(?:,\s*)?(?:tot\s+en\s+met|tot|t/m|-|–|en)\s*$")


def find_in_text(
    text: str,
    published: PublishedDate | None,
    sentences: list[tuple[int, int]] | None = None,
    tenses: list[str] | None = None,
    clauses: list[tuple[int, int, str]] | None = None,
) -> list[Timex]:
    """All timexes in ``text``, longest match first, resolved against ``published``.

    ``tenses`` (per sentence, from ``sentence_tenses``) lets a present-tense sentence keep a
    named month in the publication year; without it, past tense (the news default) is assumed.
    ``clauses`` (from ``clause_tenses``) refines that per clause where a clause has its own verb."""
    ref = Ref.of(published)
    sents = sentences or [(0, len(text))]
    starts = [s for s, _ in sents]
    clause_starts = [c[0] for c in clauses or []]

    def clause_past(pos: int) -> bool:
        """Whether the clause at ``pos`` is known to be in the past tense (from the tagger)."""
        ci = bisect_right(clause_starts, pos) - 1
        return bool(clauses) and ci >= 0 and clauses[ci][0] <= pos < clauses[ci][1] and clauses[ci][2] == "past"

    future_cache: dict[int, bool] = {}
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    low = text.lower()
    if len(low) == len(text):  # search the lower-cased text case-sensitively: 3x faster
        haystack, patterns = low, _LOWER_PATTERNS
    else:
        haystack, patterns = text, RANGE_PATTERNS + PATTERNS
    windows = _windows(haystack, sents, starts)
    for order, (name, rx) in enumerate(patterns):
        for s, e in windows(name):
            for m in rx.finditer(haystack, s, e):
                if m.end() > m.start():
                    cands.append((m.start(), m.end(), order, name, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    ranges = {name for name, _ in RANGE_PATTERNS}
    for start, end, _, name, m in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        si = max(0, bisect_right(starts, start) - 1)
        if si not in future_cache:
            s, e = sents[si]
            # True: future, None: present (no shift of a named month), False: past
            future_cache[si] = (
                True
                if FUTURE_RE.search(text, s, e)
                else (None if tenses is not None and si < len(tenses) and tenses[si] == "present" else False)
            )
        if name in ranges:
            pieces = resolve_range(name, m, ref, future_cache[si])
            if pieces is None:
                continue
            taken.append((start, end))
            if len(pieces) == 2 and pieces[0][2] == pieces[1][2] == "DATE" and not _RANGE_GAP.match(
                text, pieces[0][1], pieces[1][0]
            ):
                # both ends of one range: one timex with an ISO 8601 interval ("van 4 tot 22
                # januari" -> 2018-01-04/2018-01-22, "de rest van de maand"), "vanaf" included
                a, b = min(pieces[0][0], m.start()), max(pieces[1][1], m.end())
                lead = re.search(r"(?i)\bvanaf\s+$", text[max(0, a - 8) : a])
                a = a - len(lead.group()) if lead and not _ANY_LEAD.match(text, a) else a
                if _FULL_MONTH_DOT.search(text, b - 12, b):
                    b -= 1
                out.append(Timex(a, b, text[a:b], pieces[0][2], f"{pieces[0][3]}/{pieces[1][3]}"))
                continue
            out.extend(Timex(a, b, text[a:b], t, v) for a, b, t, v in pieces)
            continue
        if (
            name == "duration"
            and text[m.start("u")].isupper()
            and not text[m.start("u") : m.end("u")].isupper()
        ):
            continue  # "het Acht Uur Journaal": a name
        if name == "present" and (
            _NU_AFTER.match(text, end)
            or _NU_BEFORE.search(text, max(0, start - 12), start)
            or (
                m.group().lower() == "nu"
                and _NU_CONJ.match(text, end)
                and not _NU_VERB.search(text, max(0, start - 24), start)
                and not re.match(r"[^.,;:!?\n]*['’\"”]", text[end : end + 40])  # a headline: "'Nu de lonen omhoog'"
            )
        ):
            continue  # discourse 'nu': "nu eenmaal", "of het nu gaat om"; "Nu het oordeel er is" (now that)
        if name == "futref" and _ASAP.search(text, max(0, start - 4), start):
            continue  # "zo spoedig mogelijk" is a manner, no time
        if (
            name == "set_word"
            and _PER_TIME.match(m.group())
            and _SPEED.search(text, max(0, start - 16), start)
        ):
            continue  # "116 kilometer per uur" is a speed
        if name == "duration" and (
            AGE_YEARS_AFTER.match(text, end)
            or (_OPEN.search(text, max(0, start - 2), start) and _AGE_PAREN.match(text, start, end + 1))
            or (re.match(r"(?i)\d+\s+jaar\b", m.group()) and AGE_YEARS_BEFORE.search(text, max(0, start - 40), start))
        ):
            continue  # "21 jaar oud", "Piet (21 jaar)", "45 jaar en ouder", "hij is 30 jaar": an age
        fut = future_cache[si]
        if clauses:
            ci = bisect_right(clause_starts, start) - 1
            if ci >= 0 and clauses[ci][0] <= start < clauses[ci][1]:
                cs_, ce_, tense = clauses[ci]
                if FUTURE_RE.search(text, cs_, ce_):
                    fut = True
                elif tense == "past":
                    fut = False  # "verwacht ..., omdat de groep in maart toesloeg": last March
                elif fut is not True:
                    fut = None
        if fut is None and _LOOKS_BACK.search(text, max(0, start - 8), start):
            fut = False  # "sinds zondag", "de beslissing van maandag": past even in a present sentence
        if fut is not True and name == "weekday" and _FOR_DAY.search(text, max(0, start - 6), start):
            if _ANNOUNCED.search(text, *sents[si]):
                fut = True  # 'Voor zaterdag zijn demonstraties aangekondigd': the coming Saturday
        if fut is False and name == "date" and not (m.group("y") or m.group("y2")):
            s0, e0 = sents[si]
            if _WOULD.search(text, max(s0, start - 40), min(e0, end + 40)) and not _PERFECT_NEAR.search(
                text, max(s0, start - 40), min(e0, end + 60)
            ):
                fut = None  # 'dat hij op 28 april zou vertrekken': the nearest 28 April, not last year's
        if fut is False and name == "date" and _EFFECTIVE.search(text, max(0, start - 20), start):
            fut = None  # "besloot de tunnel per 1 mei af te sluiten": a date a decision takes effect
        res = resolve(name, m, ref, fut)
        if fut is True and res is not None and name == "date" and _far_ahead(res[1], ref) \
                and not (m.group("y") or m.group("y2")) \
                and not _NEXT.search(text, max(0, start - 16), end):
            res = resolve(name, m, ref, False)  # "gaat hij op 29 januari naar Antwerpen" in April: last January
        if (
            res is not None
            and res[1].endswith("-WE")
            and re.match(r"(?i)(?:dit|deze)\s", m.group())
            and clause_past(start)
            and ref is not None
            and ref.precision in ("day", "datetime")
            and ref.lo.isoweekday() <= 4
        ):
            res = ("DATE", period_of(ref, "weekend", -1))  # "kwam dit weekend terug" on a Monday
        if res is None or (name == "season" and res[1].startswith("XXXX") and _named(text, m)):
            continue
        if (
            name == "set_word"
            and res[1].startswith("XXXX-XX-XXT")
            and fut is False
            and not HABIT.search(text, *sents[si])
        ):
            res = ("TIME", res[1])  # "Hij pleitte 's middags": that day's afternoon, not a habit
        taken.append((start, end))
        s2, span = _trim(name, start, text[start:end], duration=res[0] == "DURATION")
        if res[0] == "DURATION" and span[:3].lower() == "na ":  # "Na een jaar": the duration itself
            s2, span = s2 + 3, span[3:]
        out.append(Timex(start=s2, end=s2 + len(span), text=span, type=res[0], value=res[1]))
    out.sort(key=lambda t: t.start)
    joined = join_clock_times(
        text, merge_date_time(text, shifted_days(text, day_hour_ranges(text, out))), ref
    )
    anchored = later_anchored(text, story_days(range_years(text, joined, ref), ref), ref)
    return join_ranges(text, compound_dates(text, anchored))



def _named(text: str, m: re.Match[str]) -> bool:
    """'Leon de Winter': a season word with a capital inside a sentence is a name."""
    i = m.start("s")
    return text[i].isupper() and bool(re.search(r"[^\s.!?:]\s*$", text[max(0, i - 3) : i]))


_LOWER_PATTERNS = [(name, re.compile(rx.pattern)) for name, rx in RANGE_PATTERNS + PATTERNS]


_DIGIT = re.compile(r"\d")


def _windows(low: str, sents: list[tuple[int, int]], starts: list[int]):
    """Per pattern name, the sentences that contain one of its trigger substrings."""
    low = low.lower()
    cache: dict[str, set[int]] = {}

    def hits(word: str) -> set[int]:
        if word == "<digit>" and word not in cache:
            cache[word] = {i for i, (s, e) in enumerate(sents) if _DIGIT.search(low, s, e)}
        if word not in cache:
            found: set[int] = set()
            i = low.find(word)
            while i != -1:
                si = bisect_right(starts, i) - 1
                found.add(max(si, 0))
                # jump to the next sentence: one hit per sentence is enough
                nxt = sents[si][1] if si >= 0 else 0
                i = low.find(word, max(nxt, i + 1))
            cache[word] = found
        return cache[word]

    done: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    everything = [(0, len(low))]

    def windows(name: str) -> list[tuple[int, int]]:
        trig = TRIGGERS.get(name)
        if trig is None:
            return everything
        if trig not in done:
            idx: set[int] = set()
            if isinstance(trig[0], tuple):  # all groups must be present
                groups = [set().union(*(hits(w) for w in group)) for group in trig]
                idx = set.intersection(*groups)
            else:
                for word in trig:
                    idx |= hits(word)
            spans: list[tuple[int, int]] = []
            for i in sorted(idx):  # merge neighbouring sentences: fewer regex calls
                s, e = sents[i]
                if spans and i - 1 in idx and spans[-1][1] >= sents[i - 1][1]:
                    spans[-1] = (spans[-1][0], e)
                else:
                    spans.append((s, e))
            done[trig] = spans
        return done[trig]

    return windows



_NU_AFTER = re.compile(r"(?i)\s+eenmaal\b")
#: 'nu' as a conjunction ("now that"): a clause with its own subject follows
_NU_CONJ = re.compile(
    r"(?i)\s+(?:het|de|een|er|ze|zij|hij|we|wij|die|dit|deze|sommige|alle|veel|steeds\s+meer|duidelijk|bekend)\s+"
    r"(?!\w+\s*[.!?])"
)
#: ...unless a verb stands right before it: "is nu de vraag", "gaat nu het"
_NU_VERB = re.compile(
    r"(?i)\b(?:is|zijn|was|waren|wordt|worden|werd|heeft|hebben|had|gaat|gaan|kan|kunnen|moet|moeten|"
    r"komt|komen|staat|staan|ligt|zit|blijft|lijkt|zal|zullen|wil|willen|krijgt|heb|ben)\s+(?:\w+\s+)?$"
)
_NU_BEFORE = re.compile(r"(?i)\bof\s+(?:het|je|u|we|ze|zij|hij|men)\s+$")
_ASAP = re.compile(r"(?i)\bzo\s+$")
_FOR_DAY = re.compile(r"(?i)\bvoor\s+$")
_ANNOUNCED = re.compile(
    r"(?i)\b(?:aangekondigd|aangekondigde|voorspeld|opgeroepen|uitgeroepen|afgekondigd)\b"
)
_WOULD = re.compile(r"(?i)\bzou(?:den)?\b")
_PERFECT_NEAR = re.compile(r"(?i)\b(?:hebben|geweest|gebeurd)\b")
_SPEED = re.compile(r"(?i)\b(?:km|kilometers?|mijl|meters?|m)\s+$")
_PER_TIME = re.compile(r"(?i)per\s+(?:uur|u|minuut|seconde)$")
_AGE_PAREN = re.compile(r"\d{1,3}\s+jaar\)")
_OPEN = re.compile(r"\(\s*$")
_LOOKS_BACK = re.compile(r"(?i)\b(?:sinds|van)\s+$")
#: words that put a date ahead whatever its distance ("de volgende 6e april")
_NEXT = re.compile(r"(?i)\b(?:volgende|komende|aanstaande|eerstvolgende|eerstkomende|volgend jaar)\b")
#: a date something takes effect on ("per 1 mei", "met ingang van 1 juli")
_EFFECTIVE = re.compile(r"(?i)\b(?:per|met ingang van)\s+$")


def _far_ahead(value: str, ref: Ref | None) -> bool:
    """Whether a day or month without a year, read as the next one, lies more than ten months
    after the publication date: news names so distant a date with its year, so the future
    markers of the sentence ("gaat", "moet") were about something else and the date is the last one."""
    if ref is None or not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
        return False
    y, mo, *d = (int(x) for x in value.split("-"))
    return (dt.date(y, mo, d[0] if d else 1) - ref.hi).days > 300



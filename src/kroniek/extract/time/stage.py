"""Timexes stage: Dutch time expressions as TIMEX3 DATE/TIME/DURATION/SET values.

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

import dataclasses
import datetime as dt
import re
from bisect import bisect_right

from kroniek.model import Document, PublishedDate, Timex
from kroniek.pipeline.registry import stage

from .calendar import Ref, _add_months
from .join import _FULL_DAY, join_clock_times
from .ranges import RANGE_PATTERNS, resolve_range
from .resolve import resolve
from .rules import DAYPART, FUTURE_RE, PATTERNS, TRIGGERS, WEEKDAY
from .tables import HOUR_WORDS

_DROP_PREFIX = re.compile(r"(?i)^(?:in|op|om|per|rond|omstreeks|tegen|uit|de|het|in\s+de|in\s+het)\s+")


_KEEP_PREP = {"sinds", "vanaf", "tot", "van", "na", "voor", "eind", "begin", "medio", "halverwege"}


def _trim(name: str, start: int, text: str) -> tuple[int, str]:
    """Drop plain prepositions and articles from the front of a span (keep sinds/vanaf/tot)."""
    plural = re.search(r"(?i)(?:jaren|weken|maanden|dagen|uren|decennia|eeuwen)$", text)
    if name in ("plural_dur", "reln") or (name == "relperiod" and plural):
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


_FULL_MONTH_DOT = re.compile(
    r"(?i)(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\.$"
)


def find_in_text(
    text: str,
    published: PublishedDate | None,
    sentences: list[tuple[int, int]] | None = None,
    tenses: list[str] | None = None,
) -> list[Timex]:
    """All timexes in ``text``, longest match first, resolved against ``published``.

    ``tenses`` (per sentence, from ``sentence_tenses``) lets a present-tense sentence keep a
    named month in the publication year; without it, past tense (the news default) is assumed."""
    ref = Ref.of(published)
    sents = sentences or [(0, len(text))]
    starts = [s for s, _ in sents]
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
            out.extend(Timex(a, b, text[a:b], t, v) for a, b, t, v in pieces)
            continue
        if (
            name == "duration"
            and text[m.start("u")].isupper()
            and not text[m.start("u") : m.end("u")].isupper()
        ):
            continue  # "het Acht Uur Journaal": a name
        if name == "present" and (
            _NU_AFTER.match(text, end) or _NU_BEFORE.search(text, max(0, start - 12), start)
        ):
            continue  # discourse 'nu': "nu eenmaal", "of het nu gaat om"
        if name == "futref" and _ASAP.search(text, max(0, start - 4), start):
            continue  # "zo spoedig mogelijk" is a manner, no time
        if (
            name == "set_word"
            and _PER_TIME.match(m.group())
            and _SPEED.search(text, max(0, start - 16), start)
        ):
            continue  # "116 kilometer per uur" is a speed
        if name == "duration" and (
            _AGE_AFTER.match(text, end)
            or (_OPEN.search(text, max(0, start - 2), start) and _AGE_PAREN.match(text, start, end + 1))
        ):
            continue  # "21 jaar oud", "Piet (21 jaar)": an age
        fut = future_cache[si]
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
        res = resolve(name, m, ref, fut)
        if res is None or (name == "season" and res[1].startswith("XXXX") and _named(text, m)):
            continue
        if (
            name == "set_word"
            and res[1].startswith("XXXX-XX-XXT")
            and fut is False
            and not _HABIT.search(text, *sents[si])
        ):
            res = ("TIME", res[1])  # "Hij pleitte 's middags": that day's afternoon, not a habit
        taken.append((start, end))
        s2, span = _trim(name, start, text[start:end])
        if res[0] == "DURATION" and span[:3].lower() == "na ":  # "Na een jaar": the duration itself
            s2, span = s2 + 3, span[3:]
        out.append(Timex(start=s2, end=s2 + len(span), text=span, type=res[0], value=res[1]))
    out.sort(key=lambda t: t.start)
    joined = join_clock_times(
        text, _merge_date_time(text, _shifted_days(text, _day_hour_ranges(text, out))), ref
    )
    return _later_anchored(text, _story_days(_range_years(text, joined, ref)))


_STORY_DAY = re.compile(
    r"(?i)^(?:de\s+)?(?:(?P<next>(?:daarop|erop)?volgende)\s+dag|dag\s+(?:(?P<after>erna|daarna|"
    r"daarop|nadien)|ervoor|daarvoor|voordien))$"
)


_STORY_REACH = 300  # characters: about two sentences back
_PART_ONLY = re.compile(r"^XXXX-XX-XXT(?:MO|AF|EV|NI)$")
_HABIT = re.compile(
    r"(?i)\b(?:elke|elk|iedere|ieder|altijd|meestal|vaak|doorgaans|gewoonlijk|telkens|steeds|nooit|soms|"
    r"regelmatig|dagelijks|wekelijks|alle)\b"
)
_THAT_PART = re.compile(r"(?i)^die\s+(?:ochtend|middag|avond|nacht)$")


def _story_days(timexes: list[Timex]) -> list[Timex]:
    """'de volgende dag', 'de dag ervoor' count from the day the story named just before them
    ('Op 3 mei ... De volgende dag ...'). With none close by, the day is the story's and stays
    unknown (``XXXX-XX-XX``): news tells of 'de volgende dag' after events, in habits (''s avonds
    vlees, de volgende dag op de fiets') and idioms, hardly ever of the day after publication."""
    out: list[Timex] = []
    last: tuple[dt.date, int] | None = None
    for t in timexes:
        m = _STORY_DAY.match(t.text)
        if m and t.type == "DATE":
            step = 1 if m.group("next") or m.group("after") else -1
            if last is not None and t.start - last[1] <= _STORY_REACH:
                t = dataclasses.replace(t, value=(last[0] + dt.timedelta(days=step)).isoformat())
            else:
                t = dataclasses.replace(t, value="XXXX-XX-XX")
        elif last is not None and t.type == "TIME" and _PART_ONLY.match(t.value):
            # 'die nacht', 'die avond': of the day the story named last, however far back;
            # 'in de ochtend', ''s middags': of the day just named ('Gisteren ... in de ochtend')
            if _THAT_PART.match(t.text) or t.start - last[1] <= _STORY_REACH:
                t = dataclasses.replace(t, value=last[0].isoformat() + t.value[10:])
        out.append(t)
        if re.match(r"\d{4}-\d{2}-\d{2}", t.value):
            try:
                last = dt.date.fromisoformat(t.value[:10]), t.end
            except ValueError:  # a day the calendar lacks ('30 feb') anchors nothing
                last = None
    return out


#: 'Vier jaar later' counts from a date up to a paragraph back (the story's frame of years holds
#: that long); days and weeks 'later' only from a date in the sentences just before
_LATER_REACH = 700
_DATE_NEXT = re.compile(r"(?i)\s*[,(–-]?\s*(?:op|in)\s+\d")
_LATER = re.compile(r"(?i)\s+(later|daarna|erna|nadien)\b")
_DUR_COUNT = re.compile(r"^P(\d+)([YMWD])$")
_ANCHOR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _later_anchored(text: str, timexes: list[Timex]) -> list[Timex]:
    """'In 2015 begon de bouw. Twee jaar later ...': N units after the date the story named just
    before (DATE 2017, at that date's precision or the unit's, whichever is coarser). With no date
    close by it stays a duration: news rarely counts such a 'later' from its publication day."""
    out: list[Timex] = []
    last: tuple[str, int] | None = None
    for t in timexes:
        later = _LATER.match(text, t.end)
        dur = _DUR_COUNT.match(t.value) if t.type == "DURATION" else None
        reach = _LATER_REACH if dur and dur.group(2) == "Y" else _STORY_REACH
        dated = later and _DATE_NEXT.match(text, later.end())  # 'Een jaar later, op 11 december 2018'
        if later and dur and not dated and last is not None and t.start - last[1] <= reach:
            n, unit = int(dur.group(1)), dur.group(2)
            y, mo, d = (int(x) if x else None for x in _ANCHOR.match(last[0]).groups())
            value = None
            if unit == "Y":
                value = f"{y + n:04d}"
            elif unit == "M" and mo:
                k = (y * 12 + mo - 1) + n
                value = f"{k // 12:04d}-{k % 12 + 1:02d}"
            elif unit in ("W", "D") and mo and d:
                day = dt.date(y, mo, d) + dt.timedelta(days=n * (7 if unit == "W" else 1))
                value = day.isoformat()
            if value:
                end = later.end()
                t = Timex(t.start, end, text[t.start : end], "DATE", value)
        out.append(t)
        if t.type == "DATE" and _ANCHOR.match(t.value):
            last = (t.value, t.end)
    return out


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


_HW = "|".join(sorted(HOUR_WORDS, key=len, reverse=True))
_HRANGE = (
    rf"(?:(?P<pre>van|tussen)\s+)?(?P<h1>\d{{1,2}}|{_HW})(?:[:.](?P<m1>\d{{2}}))?\s*(?P<u1>uur)?\s*"
    rf"(?P<to>tot|-|–|en)\s*(?P<h2>\d{{1,2}}|{_HW})(?:[:.](?P<m2>\d{{2}}))?(?:\s*(?P<u2>uur))?"
    rf"(?:\s+(?P<dp>{DAYPART}|in\s+de\s+(?:ochtend|middag|avond|nacht)))?"
)
_HRANGE_AFTER = re.compile(rf"(?i)\s*,?\s*(?:om\s+)?{_HRANGE}\b")
_HRANGE_BEFORE = re.compile(rf"(?i)\b{_HRANGE}\s*,?\s*(?:op\s+)?$")
_DAY_PART = re.compile(r"^((?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX))(?:T(MO|AF|EV|NI))?$")


def _hour_pair(m: re.Match[str], part: str | None) -> tuple[str, str] | None:
    """'van 5 tot 6 's middags' -> ('17:00', '18:00'); None when it may be a score or a count."""
    g = m.groupdict()
    pre, to = (g["pre"] or "").lower(), g["to"].lower()
    if to == "en" and pre != "tussen":
        return None
    if to in ("-", "–") and not (pre or g["m1"] or g["m2"] or g["u1"] or g["u2"] or g["dp"]):
        return None  # "zaterdag 2-1" is a score
    hours = []
    for h in (g["h1"], g["h2"]):
        hours.append(int(h) if h.isdigit() else HOUR_WORDS[h.lower()])
    m1, m2 = int(g["m1"] or 0), int(g["m2"] or 0)
    dp = (g["dp"] or "").lower() or {"AF": "middag", "EV": "avond"}.get(part or "", "")
    if "middag" in dp or "avond" in dp:
        hours = [h + 12 if h < 12 else h for h in hours]
    h1, h2 = hours
    if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and m1 < 60 and m2 < 60):
        return None
    if not (g["m1"] or g["m2"]) and h1 >= h2:
        return None
    return f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"


def _day_hour_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """'morgen van 3 tot 4', 'tussen 10 en 11:30 op 1-1-2015': both ends of an hour range get
    the day written beside it."""
    out = list(timexes)
    for d in timexes:
        dm = _DAY_PART.match(d.value)
        if d not in out or not dm:
            continue
        m = _HRANGE_AFTER.match(text, d.end)
        lo, hi = d.start, d.end
        if m:
            h2s, end = m.start("h2"), m.end()
            start = d.start
        else:
            before = text[max(0, d.start - 60) : d.start]
            if not ("tot" in before or "-" in before or "–" in before or " en " in before):
                continue
            m = _HRANGE_BEFORE.search(text, max(0, d.start - 60), d.start)
            if not m:
                continue
            start, h2s, end = m.start(), m.start("h2"), d.end
        pair = _hour_pair(m, dm.group(2))
        if pair is None:
            continue
        lo, hi = min(start, lo), max(end, hi)
        out = [t for t in out if t.end <= lo or t.start >= hi]
        date = dm.group(1)
        if start == d.start and "," in text[d.end : m.start("h1")]:
            out.append(d)  # 'dinsdag 9 april, 15.30 tot 19.00 uur': a dateline keeps its DATE
            lo = m.start("pre") if m.group("pre") else m.start("h1")
        a_end = max(m.end(k) for k in ("h1", "m1", "u1") if m.group(k))
        out.append(Timex(lo, a_end, text[lo:a_end], "TIME", f"{date}T{pair[0]}"))
        out.append(Timex(h2s, hi, text[h2s:hi], "TIME", f"{date}T{pair[1]}"))
    out.sort(key=lambda t: t.start)
    return out


_SHIFT_GLUE = re.compile(r"(?i)^\s+(?:(?:gerekend\s+)?(vanaf|na)|(voor))\s+(?:de\s+|het\s+)?$")


def _shifted_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """'drie dagen na 5 mei', '2 weken voor Kerst': a duration counted from a day is a day."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        dm = _DUR_COUNT.match(a.value) if a.type == "DURATION" else None
        glue = _SHIFT_GLUE.match(text[a.end : b.start]) if b is not None and dm else None
        if dm and glue and b is not None and b.type == "DATE" and _FULL_DAY.match(b.value):
            n, unit = int(dm.group(1)), dm.group(2)
            n = -n if glue.group(2) else n
            day = dt.date.fromisoformat(b.value)
            if unit in ("D", "W"):
                day += dt.timedelta(days=n * (7 if unit == "W" else 1))
            else:
                day = _add_months(day, n * (12 if unit == "Y" else 1))
            out.append(Timex(a.start, b.end, text[a.start : b.end], "DATE", day.isoformat()))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_RANGE_TO = re.compile(r"(?i)^\s*(?:,\s*)?(?:tot\s+en\s+met|tot(?:\s+op)?|t/m|-|–|(en))\s*$")
_TUSSEN = re.compile(r"(?i)\btussen\s+$")
_WEEKDAY_ONLY = re.compile(rf"(?i)^(?:{WEEKDAY})$")
_YM = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
_DEICTIC = re.compile(
    r"(?i)(?:volgend|vorig|komend|aankomend|aanstaand|afgelopen|\bdeze\b|\bdit\b|gister|vandaag|"
    r"morgen|\bnu\b|dag\b|dagen\b)"
)


def _range_years(text: str, timexes: list[Timex], ref: Ref | None) -> list[Timex]:
    """'van 1-10 tot 7-11', '18 nov - 19 dec 2015': the two ends of a date range share the year
    one of them writes, and the end never comes before the begin; 'nu' as an end is the
    publication day ('tussen 22 jan en nu')."""
    out = list(timexes)
    today = ref.value if ref is not None and ref.precision in ("day", "datetime") else None
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        to = _RANGE_TO.match(text[a.end : b.start])
        if not (a.type == b.type == "DATE" and to):
            continue
        if to.group(1) and not (
            _TUSSEN.search(text, max(0, a.start - 12), a.start) or a.text.lower().startswith("tussen")
        ):
            continue
        if today and (a.value == "PRESENT_REF") != (b.value == "PRESENT_REF"):
            if a.value == "PRESENT_REF":
                a = out[i] = dataclasses.replace(a, value=today)
            else:
                b = out[i + 1] = dataclasses.replace(b, value=today)
        if _WEEKDAY_ONLY.match(b.text) and _FULL_DAY.match(a.value) and _FULL_DAY.match(b.value):
            begin, end = dt.date.fromisoformat(a.value), dt.date.fromisoformat(b.value)
            if end < begin:  # 'van volgende maandag tot vrijdag': the Friday after that Monday
                end += dt.timedelta(weeks=(begin - end).days // 7 + 1)
                out[i + 1] = dataclasses.replace(b, value=end.isoformat())
            continue
        ma, mb = _YM.match(a.value), _YM.match(b.value)
        if not (ma and mb):
            continue
        da, db = _DEICTIC.search(a.text), _DEICTIC.search(b.text)
        if da or db:  # 'tussen jan 2019 en morgen': a deictic end keeps its own date
            if not (da and db) and b.value < a.value[: len(b.value)]:
                if da and not _WRITTEN_YEAR.search(b.text):
                    out[i + 1] = dataclasses.replace(b, value=f"{int(mb.group(1)) + 1:04d}{mb.group(2)}")
                elif db and not _WRITTEN_YEAR.search(a.text):
                    out[i] = dataclasses.replace(a, value=f"{int(ma.group(1)) - 1:04d}{ma.group(2)}")
            continue
        ya, yb = _WRITTEN_YEAR.search(a.text), _WRITTEN_YEAR.search(b.text)
        if yb and not ya:
            year = int(mb.group(1)) - (ma.group(2) > mb.group(2))
            out[i] = dataclasses.replace(a, value=f"{year:04d}{ma.group(2)}")
        elif not yb and (ya or b.value < a.value or int(mb.group(1)) > int(ma.group(1)) + 1):
            year = int(ma.group(1)) + (mb.group(2) < ma.group(2))
            out[i + 1] = dataclasses.replace(b, value=f"{year:04d}{mb.group(2)}")
    return out


_GLUE = re.compile(r"(?i)^\s*,?\s*(?:om|rond|tegen|omstreeks|vanaf|van|tussen|op)?\s*$")
_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)$|^XXXX-WXX-\d$")
_COMMA_ONLY = re.compile(r"^\s*,\s*$")
_CLOCK = re.compile(r"T(\d{2}:\d{2}(?::\d{2})?)$")


def _merge_date_time(text: str, timexes: list[Timex]) -> list[Timex]:
    """'morgen om 8 uur' is one TIME: join a day DATE and a clock TIME that touch."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        if b is not None and _GLUE.match(text[a.end : b.start]):
            date, clock = None, None
            if a.type == "DATE" and _DAY.match(a.value) and b.type == "TIME":
                date, clock = a.value, _CLOCK.search(b.value)
            elif a.type == "TIME" and b.type == "DATE" and _DAY.match(b.value):
                date, clock = b.value, _CLOCK.search(a.value)
            if a.type == "SET" and b.type == "TIME" or a.type == "TIME" and b.type == "SET":
                st, tm = (a, b) if a.type == "SET" else (b, a)
                clock = _CLOCK.search(tm.value)
                if clock and (st.value == "P1D" or st.value.startswith("XXXX-WXX-")):
                    base = "" if st.value == "P1D" else st.value
                    out.append(
                        Timex(a.start, b.end, text[a.start : b.end], "SET", f"{base}T{clock.group(1)}")
                    )
                    i += 2
                    continue
            if date and clock and a.type == "DATE" and _COMMA_ONLY.match(text[a.end : b.start]):
                # 'dinsdag 9 april, 15.30 uur': a dateline keeps its DATE; the clock gets the day
                out.append(a)
                out.append(dataclasses.replace(b, value=f"{date}T{clock.group(1)}"))
                i += 2
                continue
            if date and clock:
                out.append(Timex(a.start, b.end, text[a.start : b.end], "TIME", f"{date}T{clock.group(1)}"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _figure_times(doc: Document) -> None:
    """Give each figure the DATE/TIME timex nearest to it in its sentence (one with a year)."""
    if not doc.figures or not doc.timexes:
        return
    sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    starts = [s for s, _ in sents]
    figures = []
    for f in doc.figures:
        if f.time is not None:
            figures.append(f)
            continue
        s, e = sents[max(0, bisect_right(starts, f.start) - 1)]
        near = [
            t
            for t in doc.timexes
            if s <= t.start < e
            and t.type in ("DATE", "TIME")
            and t.value not in ("PAST_REF", "FUTURE_REF")
            and not t.value.startswith("XXXX")  # 'in de nacht', 'de volgende dag': no date to give
        ]
        if not near:
            figures.append(f)
            continue
        t = min(near, key=lambda t: abs(t.start - f.start))
        value = t.value
        if value == "PRESENT_REF":
            value = doc.published.value if doc.published else value
        figures.append(dataclasses.replace(f, time=value))
    doc.figures = figures


_NU_AFTER = re.compile(r"(?i)\s+eenmaal\b")
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
_AGE_AFTER = re.compile(r"(?i)\s+oud\b")
_OPEN = re.compile(r"\(\s*$")
_LOOKS_BACK = re.compile(r"(?i)\b(?:sinds|van)\s+$")
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
    from kroniek.extract.quotes.cues import get_lexicon

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
            if fin and lex.lemma(low):
                report = True
            j += 1
        # "zegt X woensdag" reports what was said (past); other present sentences look ahead
        out.append("past" if past or (aux and part) or report else "present")
    return out


@stage("timexes", requires={"sentences"}, provides={"timexes"}, version=4)
def find_timexes(doc: Document) -> Document:
    """Fill ``doc.timexes``; also date the figures found earlier in the same sentences."""
    sents = [(s.start, s.end) for s in doc.sentences]
    doc.timexes = find_in_text(doc.text, doc.published, sents, sentence_tenses(doc))
    _figure_times(doc)
    return doc

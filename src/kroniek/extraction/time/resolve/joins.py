"""Joins of neighbouring time expressions into one clock time (see :mod:`kroniek.extraction.time`).

* a day and a bare hour after ``om``: ``vrijdag om 4``, ``afgelopen nacht om 8`` (20:00);
* a clock time and a part of a named day: ``half zes morgenavond`` (17:30 the next day);
* minutes counted from a clock time: ``drie minuten na 22:10`` (22:13);
* a second hour offered as an alternative: ``om 9 uur of 10 uur``;
* a part of a named day: ``in de nacht van zaterdag op zondag`` (Saturday night), ``de avond van
  4 maart``;
* the day one end of an hour range names is the other end's day too: ``volgende maandag tussen
  3 uur 's ochtends - 12 uur 's middags``, ``van 22.00 uur tot dinsdag 06.00 uur`` (from Monday).

A bare hour needs the day beside it: ``om 2`` alone is as often a count (``om 2 redenen``).
"""

from __future__ import annotations

import datetime as dt
import re

from kroniek.model import Timex

from ..recognize.blocks import HOUR_EN, HOUR_W
from ..words import HOUR_WORDS
from .calendar import Ref
from .clock import date_prefix

_DAY_OR_PART = re.compile(r"^((?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)|XXXX-WXX-\d)(?:T(MO|AF|EV|NI))?$")
_CLOCK_VALUE = re.compile(r"^(.*)T(\d{2}):(\d{2})(:\d{2})?$")
_BARE_HOUR = re.compile(
    rf"(?i)\s*,?\s*(?:om|rond|tegen|omstreeks)\s+(?!(?:een|eén|één)\b)(?P<h>\d{{1,2}}|{HOUR_W}|{HOUR_EN})\b"
    r"(?![.:,]?\d)(?!\s*(?:uur|u|procent|%|euro|dollar|miljoen|miljard|duizend|honderd|keer|maal|"
    r"jaar|jaren|maanden|weken|dagen|uren|minuten|seconden|mensen|personen|redenen|punten|"
    r"doelpunten|goals|zetels|stemmen|stuks|meter|kilometer|km|kilo|graden|over|voor|half|"
    r"tegen|en|of|tot|-)\b)"
)
_GLUE = re.compile(r"(?i)^\s*,?\s*(?:om|rond|tegen|omstreeks|op)?\s*$")
_SHIFT = re.compile(r"(?i)^\s+(?:(na|over)|(voor))\s+$")
_SHIFT_LEAD = re.compile(r"(?i)^(?:(na)|(voor))\s+")
_MINUTES = re.compile(r"^PT(\d+)([HM])$")
_OR_HOUR = re.compile(rf"(?i)^(?:\d{{1,2}}|{HOUR_W})\s*uur$")
_HOUR_EN_VALUE = {w: h for h, w in enumerate(HOUR_EN.split("|"), start=2)}


def _with_part(h: int, part: str | None) -> int:
    """The hour a part of day gives a 12-hour clock: 'om 7' in the evening is 19:00, but
    'vanavond om 1.00' is one o'clock at night."""
    if part == "AF" and 1 <= h <= 7 or part in ("EV", "NI") and 5 <= h < 12:
        return h + 12
    return h


def _hour_value(raw: str) -> int | None:
    low = raw.lower()
    if low.isdigit():
        return int(low)
    return HOUR_WORDS.get(low) or _HOUR_EN_VALUE.get(low)


def join_clock_times(text: str, timexes: list[Timex], ref: Ref | None = None) -> list[Timex]:
    """Apply the joins above to the sorted timexes of ``text``."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        joined = _join_pair(text, a, b) if b is not None else None
        if joined is not None:
            out.extend(joined)
            i += 2
            continue
        out.append(_day_bare_hour(text, a, b) or a)
        i += 1
    return _share_range_day(text, _parts_of_days(text, out), ref)


_PART_OF = re.compile(
    r"(?i)\b(?:(?:in|op|tijdens|gedurende)\s+)?(?P<de>de)\s+(?P<part>ochtend|voormiddag|middag|namiddag|avond|nacht)"
    r"\s+van\s+$"
)
_PART_CODE = {
    "ochtend": "MO",
    "voormiddag": "MO",
    "middag": "AF",
    "namiddag": "AF",
    "avond": "EV",
    "nacht": "NI",
}
_NIGHT_TO = re.compile(r"(?i)^\s+op\s+$")
_NIGHT_OF_DAYS = re.compile(r"(?i)\b(?:(?:in|tijdens)\s+)?(?P<de>de)\s+nacht\s+van\s+(?P<d>\d{1,2})\s+op\s+$")


def _parts_of_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """'in de nacht van zaterdag op zondag' is Saturday night; 'de avond van 4 maart' that evening."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        dm = _DAY_OR_PART.match(t.value) if t.type == "DATE" else None
        m = _PART_OF.search(text, max(0, t.start - 40), t.start) if dm and not dm.group(2) else None
        nm = _NIGHT_OF_DAYS.search(text, max(0, t.start - 40), t.start) if dm and m is None else None
        if nm and FULL_DAY.match(t.value):  # 'in de nacht van 3 op 4 mei': the night of the 3rd
            day = dt.date.fromisoformat(t.value) - dt.timedelta(days=1)
            if day.day == int(nm.group("d")) and not (out and out[-1].end > nm.start()):
                s = nm.start("de")
                out.append(Timex(s, t.end, text[s : t.end], "TIME", f"{day.isoformat()}TNI"))
                i += 1
                continue
        if dm is None or m is None or (out and out[-1].end > m.start()):
            out.append(t)
            i += 1
            continue
        end, step = t.end, 1
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if (
            m.group("part").lower() == "nacht"
            and nxt is not None
            and nxt.type == "DATE"
            and _NIGHT_TO.match(text[t.end : nxt.start])
        ):
            end, step = nxt.end, 2  # '... op zondag' names the morning the night ends in
        start = m.start("de")  # spans leave out plain prepositions
        code = _PART_CODE[m.group("part").lower()]
        out.append(Timex(start, end, text[start:end], "TIME", f"{dm.group(1)}T{code}"))
        i += step
    return out


_RANGE_GLUE = re.compile(r"(?i)^\s*(?:-|–|tot(?:\s+en\s+met)?|t/m)\s*$")
_TUSSEN_EN = re.compile(r"(?i)^\s*en\s*$")
FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _share_range_day(text: str, timexes: list[Timex], ref: Ref | None) -> list[Timex]:
    """Both ends of an hour range fall on the day one of them names (the other one only has the
    publication day it was anchored to); an end before its begin is on the next day."""
    default = date_prefix(ref)
    out = list(timexes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        ca, cb = _CLOCK_VALUE.match(a.value), _CLOCK_VALUE.match(b.value)
        if not (a.type == b.type == "TIME" and ca and cb):
            continue
        gap = text[a.end : b.start]
        tussen = "tussen" in text[max(0, a.start - 8) : a.start + 8].lower()
        if not (_RANGE_GLUE.match(gap) or (tussen and _TUSSEN_EN.match(gap))):
            continue
        da, db = ca.group(1), cb.group(1)
        later = (cb.group(2), cb.group(3)) >= (ca.group(2), ca.group(3))
        if da == default != db and FULL_DAY.match(db):
            day = dt.date.fromisoformat(db) - dt.timedelta(days=0 if later else 1)
            out[i] = Timex(a.start, a.end, a.text, a.type, f"{day.isoformat()}{a.value[len(da) :]}")
        elif (db == default or db == da) and FULL_DAY.match(da) and (db != da or not later):
            day = dt.date.fromisoformat(da) + dt.timedelta(days=0 if later else 1)
            out[i + 1] = Timex(b.start, b.end, b.text, b.type, f"{day.isoformat()}{b.value[len(db) :]}")
    return out


def _day_bare_hour(text: str, a: Timex, b: Timex | None) -> Timex | None:
    """'vrijdag om 4', 'vanavond om 7': a day (or part of a day) followed by a bare hour."""
    dm = _DAY_OR_PART.match(a.value) if a.type in ("DATE", "TIME") else None
    if dm is None:
        return None
    m = _BARE_HOUR.match(text, a.end, b.start if b is not None else len(text))
    if m is None:
        return None
    h = _hour_value(m.group("h"))
    if h is None or not 0 <= h <= 24:
        return None
    h = _with_part(h, dm.group(2))
    return Timex(a.start, m.end(), text[a.start : m.end()], "TIME", f"{dm.group(1)}T{h:02d}:00")


def _join_pair(text: str, a: Timex, b: Timex) -> list[Timex] | None:
    gap = text[a.end : b.start]
    ca, cb = _CLOCK_VALUE.match(a.value), _CLOCK_VALUE.match(b.value)
    # 'half zes morgenavond', 'vanavond om half acht'
    if a.type == b.type == "TIME" and _GLUE.match(gap) and (ca is None) != (cb is None):
        clock, day = (ca, _DAY_OR_PART.match(b.value)) if ca else (cb, _DAY_OR_PART.match(a.value))
        if clock and day and day.group(2):
            h = _with_part(int(clock.group(2)), day.group(2))
            value = f"{day.group(1)}T{h:02d}:{clock.group(3)}{clock.group(4) or ''}"
            return [Timex(a.start, b.end, text[a.start : b.end], "TIME", value)]
    # 'drie minuten na 22:10'
    dm = _MINUTES.match(a.value) if a.type == "DURATION" else None
    shift = _SHIFT.match(gap) or (_SHIFT_LEAD.match(b.text) if gap.isspace() else None)
    if dm and shift and b.type == "TIME" and cb:
        n = int(dm.group(1)) * (60 if dm.group(2) == "H" else 1) * (-1 if shift.group(2) else 1)
        base = dt.datetime(2000, 1, 1, int(cb.group(2)) % 24, int(cb.group(3)))
        new = base + dt.timedelta(minutes=n)
        if new.date() == base.date() and abs(n) < 24 * 60:
            value = f"{cb.group(1)}T{new:%H:%M}"
            return [Timex(a.start, b.end, text[a.start : b.end], "TIME", value)]
    # 'om 9 uur of 10 uur'
    if (
        a.type == "TIME"
        and ca
        and b.type == "DURATION"
        and re.fullmatch(r"(?i)\s+of\s+", gap)
        and _OR_HOUR.match(b.text)
        and (h := _hour_value(b.text.lower().removesuffix("uur").strip())) is not None
        and h <= 24
    ):  # the second hour keeps its own span; only its reading changes
        return [a, Timex(b.start, b.end, b.text, "TIME", f"{ca.group(1)}T{h:02d}:00")]
    return None

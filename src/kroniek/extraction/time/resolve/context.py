"""Resolution in context: neighbouring expressions joined (a day and an hour range, a date and
its clock time, "de dag na"), ranges of years, and story-anchored days ("de volgende dag",
"twee dagen later") resolved against the day the story last named, not the publication date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from kroniek.model import Timex

from ..recognize.blocks import DAYPART, WEEKDAY
from ..words import HOUR_WORDS
from .calendar import Ref, add_months
from .joins import FULL_DAY

_STORY_DAY = re.compile(
    r"(?i)^(?:de\s+|het\s+)?(?:(?P<next>(?:daarop|erop)?volgende)\s+dag|(?P<u>dag|week|maand|jaar)\s+"
    r"(?:(?P<after>erna|daarna|daarop|nadien)|ervoor|daarvoor|voordien))$"
)


_STORY_REACH = 1500  # characters: a few paragraphs back (the story's day holds across them)
_PART_ONLY = re.compile(r"^XXXX-XX-XXT(?:MO|AF|EV|NI)$")
HABIT = re.compile(
    r"(?i)\b(?:elke|elk|iedere|ieder|altijd|meestal|vaak|doorgaans|gewoonlijk|telkens|steeds|nooit|soms|"
    r"regelmatig|dagelijks|wekelijks|alle)\b"
)
_THAT_PART = re.compile(r"(?i)^die\s+(?:ochtend|middag|avond|nacht)$")


def story_days(timexes: list[Timex], ref: Ref | None = None) -> list[Timex]:
    """'de volgende dag', 'de dag ervoor' count from the day the story named just before them
    ('Op 3 mei ... De volgende dag ...'). With a date far before, the day is the story's and stays
    unknown (``XXXX-XX-XX``): news tells of 'de volgende dag' after events, in habits (''s avonds
    vlees, de volgende dag op de fiets') and idioms. With no date before it at all it counts from
    the publication day (``ref``), as the news guide has it."""
    out: list[Timex] = []
    last: tuple[dt.date, int] | None = None
    last_year: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None
    for t in timexes:
        m = _STORY_DAY.match(t.text)
        unit = (m.group("u") or "dag").lower() if m else ""
        if m and t.type == "DATE" and unit != "dag":
            # 'het jaar daarvoor', 'de maand erna': the story's year or month before or after
            step = 1 if m.group("after") else -1
            if last_year is not None and unit == "jaar":
                t = dataclasses.replace(t, value=f"{last_year[0] + step:04d}")
            elif last_month is not None and unit == "maand":
                k = last_month[0] * 12 + last_month[1] - 1 + step
                t = dataclasses.replace(t, value=f"{k // 12:04d}-{k % 12 + 1:02d}")
            elif last is not None and unit == "week":
                y, w, _ = (last[0] + dt.timedelta(weeks=step)).isocalendar()
                t = dataclasses.replace(t, value=f"{y:04d}-W{w:02d}")
        elif m and t.type == "DATE":
            step = 1 if m.group("next") or m.group("after") else -1
            if last is not None and t.start - last[1] <= _STORY_REACH:
                t = dataclasses.replace(t, value=(last[0] + dt.timedelta(days=step)).isoformat())
            elif not out and ref is not None and ref.precision in ("day", "datetime"):
                # no time in the story before it: counted from the publication day (the news guide);
                # after a habit's time ("'s avonds vlees, de volgende dag ...") it stays unknown
                t = dataclasses.replace(t, value=(ref.lo + dt.timedelta(days=step)).isoformat())
            else:
                t = dataclasses.replace(t, value="XXXX-XX-XX")
        elif last is not None and t.type == "TIME" and _PART_ONLY.match(t.value):
            # 'die nacht', 'die avond': of the day the story named last, however far back;
            # 'in de ochtend', ''s middags': of the day just named ('Gisteren ... in de ochtend')
            if _THAT_PART.match(t.text) or t.start - last[1] <= _STORY_REACH:
                t = dataclasses.replace(t, value=last[0].isoformat() + t.value[10:])
        out.append(t)
        if t.type == "DATE" and (ym := re.match(r"(\d{4})(?:-(\d{2}))?", t.value)):
            last_year = (int(ym.group(1)), t.end)
            last_month = (int(ym.group(1)), int(ym.group(2))) if ym.group(2) else None
        if re.match(r"\d{4}-\d{2}-\d{2}", t.value):
            try:
                last = dt.date.fromisoformat(t.value[:10]), t.end
            except ValueError:  # a day the calendar lacks ('30 feb') anchors nothing
                last = None
    return out


#: 'Vier jaar later' counts from a date up to several paragraphs back (the story's frame of years
#: holds that long); days and weeks 'later' from a date a few paragraphs back
_LATER_REACH = 2500
_DATE_NEXT = re.compile(r"(?i)\s*[,(–-]?\s*(?:op|in)\s+\d")
_LATER = re.compile(r"(?i)\s+(later|daarna|erna|nadien|(?P<before>eerder|daarvoor|ervoor|voordien|tevoren))\b")
_DUR_COUNT = re.compile(r"^P(\d+)([YMWD])$")
_ANCHOR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


_GENERIC = re.compile(r"(?i)\b(?:jaren\s+dat|telkens\s+als|steeds\s+als|je|men)\b")


def _generic(text: str, pos: int) -> bool:
    """Whether the sentence at ``pos`` tells what happens in general ("in de jaren dat ..., zag je
    dat een dag later ..."), so a 'later' in it has no date of the story to count from."""
    s = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    e = text.find(". ", pos)
    sent = text[s : e if e >= 0 else len(text)]
    return bool(HABIT.search(sent) or _GENERIC.search(sent))


def later_anchored(text: str, timexes: list[Timex], ref: Ref | None = None) -> list[Timex]:
    """'In 2015 begon de bouw. Twee jaar later ...': N units after the date the story named just
    before (DATE 2017, at that date's precision or the unit's, whichever is coarser). With no date
    close by the date is the story's and unknown; with no date anywhere before, days count from the
    publication day, as the news guide has it ("2 dagen daarna")."""
    out: list[Timex] = []
    last: tuple[str, int] | None = None
    for t in timexes:
        later = _LATER.match(text, t.end)
        dur = _DUR_COUNT.match(t.value) if t.type == "DURATION" else None
        reach = _LATER_REACH if dur and dur.group(2) == "Y" else _STORY_REACH
        dated = later and _DATE_NEXT.match(text, later.end())  # 'Een jaar later, op 11 december 2018'
        if later and dur and not dated and (last is None or t.start - last[1] > reach or _generic(text, t.start)):
            # 'een dag later' with no date the story gave before: a day of the story's, unknown
            unit = dur.group(2)
            value = {"Y": "XXXX", "M": "XXXX-XX"}.get(unit, "XXXX-XX-XX")
            if unit == "D" and last is None and ref is not None and ref.precision in ("day", "datetime"):
                # "2 dagen daarna" with no date anywhere before: from the publication day (the news guide)
                n = int(dur.group(1))
                value = (ref.lo + dt.timedelta(days=-n if later.group("before") else n)).isoformat()
            t = Timex(t.start, later.end(), text[t.start : later.end()], "DATE", value)
        elif later and dur and not dated and last is not None:
            n, unit = int(dur.group(1)), dur.group(2)
            n = -n if later.group("before") else n
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


def day_hour_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
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


def shifted_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """'drie dagen na 5 mei', '2 weken voor Kerst': a duration counted from a day is a day."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        dm = _DUR_COUNT.match(a.value) if a.type == "DURATION" else None
        glue = _SHIFT_GLUE.match(text[a.end : b.start]) if b is not None and dm else None
        if dm and glue and b is not None and b.type == "DATE" and FULL_DAY.match(b.value):
            n, unit = int(dm.group(1)), dm.group(2)
            n = -n if glue.group(2) else n
            day = dt.date.fromisoformat(b.value)
            if unit in ("D", "W"):
                day += dt.timedelta(days=n * (7 if unit == "W" else 1))
            else:
                day = add_months(day, n * (12 if unit == "Y" else 1))
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


def range_years(text: str, timexes: list[Timex], ref: Ref | None) -> list[Timex]:
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
        if _WEEKDAY_ONLY.match(b.text) and FULL_DAY.match(a.value) and FULL_DAY.match(b.value):
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


def merge_date_time(text: str, timexes: list[Timex]) -> list[Timex]:
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



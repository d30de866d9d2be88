"""One expression for one stretch of time: the two ends of a range become one timex with an ISO
8601 interval value ("tussen 2014 en 2017" -> DATE ``2014/2017``, "van maandag tot en met
woensdag" -> ``2019-04-01/2019-04-03``, "15.30 tot 19.00 uur" -> TIME ``...T15:30/...T19:00``),
the span including a leading "tussen" / "van" / "vanaf"; a month or day with a deictic year is
one date ("3 oktober vorig jaar" -> ``2018-10-03``, "vorig jaar maart" -> ``2018-03``, "28 maart
van dat jaar" -> the year the story named last)."""

from __future__ import annotations

import re

from kroniek.lexicon import MONTH_NAMES
from kroniek.model import Timex

_TO = re.compile(r"(?i)^\s*(?:,\s*)?(?:tot\s+en\s+met|tot(?:\s+op)?|t/m|-|–|(?P<en>en))\s*$")
_LEAD = re.compile(r"(?i)\b(?P<p>tussen|van|vanaf)\s+$")
_B_LEAD = re.compile(r"(?i)^(?:tot\s+en\s+met|tot|t/m|en)\s+")
_A_LEAD = re.compile(r"(?i)^(?:tussen|van|vanaf)\s+")
_POINT = re.compile(r"^(?:\d{4}|XXXX)(?:-[\dWXQSUFAIPR-]+)?(?:T[\d:]+|T(?:MO|AF|EV|NI))?$")
_REF = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_MONTH_DOT = re.compile(r"(?i)(?:" + "|".join(MONTH_NAMES) + r")\.$")


def join_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Two DATEs or two TIMEs written as a range ("van A tot B", "tussen A en B", "A - B") are one
    timex with the value ``A/B``; "en" joins only after "tussen" ("op 5 en 6 april" is two days)."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        if b is not None and a.type == b.type and a.type in ("DATE", "TIME") and _pointlike(a) and _pointlike(b):
            b_lead = _B_LEAD.match(b.text)
            gap = text[a.end : b.start] + (b.text[: b_lead.end()] if b_lead else "")
            to = _TO.match(gap)
            a_lead = _A_LEAD.match(a.text)
            lead = _LEAD.search(text, max(0, a.start - 8), a.start)
            pre = (a_lead.group(0).split()[0] if a_lead else lead.group("p") if lead else "").lower()
            if to and (not to.group("en") or pre == "tussen") and a.value != b.value and "/" not in a.value + b.value:
                start = a.start if a_lead or not lead else lead.start("p")
                end = b.end - 1 if _MONTH_DOT.search(b.text) else b.end  # "tot 5 maart." ends a sentence
                out.append(Timex(start, end, text[start:end], a.type, f"{a.value}/{b.value}"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _pointlike(t: Timex) -> bool:
    return t.value not in _REF and bool(_POINT.match(t.value))


_DEICTIC_YEAR = re.compile(r"(?i)^(?:vorig|volgend|afgelopen|komend|dit|verleden)\s+jaar$")
_THAT_YEAR = re.compile(r"(?i)^(?:van\s+)?(?:dat|datzelfde|hetzelfde)\s+jaar$")
_MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)(-\d{2}(?:-\d{2})?)$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")


def compound_dates(text: str, timexes: list[Timex]) -> list[Timex]:
    """'3 oktober vorig jaar', 'maart vorig jaar', 'vorig jaar oktober', '28 maart van dat jaar':
    the month (and day) take the year the other part gives."""
    out: list[Timex] = []
    last_year: str | None = None
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        joined = None
        if b is not None and a.type == b.type == "DATE" and re.fullmatch(r"\s*(?:van\s+)?", text[a.end : b.start]):
            month, year = (a, b) if _MONTH_VALUE.match(a.value) else (b, a)
            mv = _MONTH_VALUE.match(month.value)
            if mv and not re.search(r"\d{4}", month.text):
                y = None
                if _DEICTIC_YEAR.match(year.text) and _YEAR_VALUE.match(year.value):
                    y = year.value
                elif year is b and _THAT_YEAR.match(text[a.end : b.end].strip()) and last_year:
                    y = last_year  # "28 maart van dat jaar": the year the story named
                if y:
                    joined = Timex(a.start, b.end, text[a.start : b.end], "DATE", y + mv.group(1))
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
        y = re.match(r"^(\d{4})", out[-1].value)
        if out[-1].type == "DATE" and y:
            last_year = y.group(1)
    return out

"""Calendar arithmetic at the publication date's precision (see :mod:`kroniek.extraction.time`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kroniek.analysis.numbers import parse_number
from kroniek.model import PublishedDate

from ..words import UNITS


@dataclass(frozen=True)
class Ref:
    """The publication date as an interval plus its precision."""

    lo: dt.date
    hi: dt.date
    precision: str
    value: str
    time: str | None = None

    @classmethod
    def of(cls, pub: PublishedDate | None) -> Ref | None:
        if pub is None:
            return None
        time = None
        if pub.precision == "datetime":
            time = pub.value[11:16]
        return cls(pub.start(), pub.end(), pub.precision, pub.value[:10], time)


def _fmt(lo: dt.date, hi: dt.date) -> str:
    """The finest granularity two dates share: a day, a month, a year or a decade."""
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo.year == hi.year:
        return f"{lo.year:04d}"
    if lo.year // 10 == hi.year // 10:
        return f"{lo.year // 10:03d}"
    return f"{lo.year // 100:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift_days(ref: Ref | None, days: int) -> str:
    if ref is None:
        return "XXXX-XX-XX"
    if ref.precision not in ("day", "datetime") and abs(days) <= 7:
        return _fmt(ref.lo, ref.hi)
    delta = dt.timedelta(days=days)
    return _fmt(ref.lo + delta, ref.hi + delta)


def shift_months(ref: Ref | None, months: int) -> str:
    if ref is None:
        return "XXXX-XX"
    if ref.precision == "year" and abs(months) < 12:
        return f"{ref.lo.year:04d}"
    lo, hi = add_months(ref.lo, months), add_months(ref.hi, months)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    return _fmt(lo, hi)


def shift_years(ref: Ref | None, years: int) -> str:
    return "XXXX" if ref is None else f"{ref.lo.year + years:04d}"


def shift_weeks(ref: Ref | None, weeks: int) -> str:
    """ISO week of the shifted date, or the shared coarser period when the day is unknown."""
    if ref is None:
        return "XXXX-WXX"
    if ref.precision in ("day", "datetime"):
        y, w, _ = (ref.lo + dt.timedelta(weeks=weeks)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if weeks == 0:
        return _fmt(ref.lo, ref.hi)
    return shift_days(ref, weeks * 7)


def weekday(ref: Ref | None, wd: int, future: bool | None, rel: str = "") -> str:
    """The day of weekday ``wd``: past by default, coming for a future (True) or present (None) sentence."""
    if ref is None:
        return f"XXXX-WXX-{wd}"
    if ref.precision not in ("day", "datetime"):
        return _fmt(ref.lo, ref.hi)
    cur = ref.lo.isoweekday()
    if rel in ("vorige", "vorig", "verleden"):
        delta = wd - cur - 7
    elif rel in ("volgende", "volgend"):
        delta = wd - cur + 7
    elif rel in ("deze", "dit", "huidige"):
        delta = wd - cur  # the day in this week
    elif (
        (future or future is None) and rel not in ("afgelopen", "voorbije", "jongstleden", "voorgaande")
    ) or rel in (
        "komende",
        "komend",
        "aankomende",
        "aanstaande",
        "eerstvolgende",
        "eerstkomende",
    ):
        delta = (wd - cur) % 7
        if delta == 0 and rel:  # 'komende donderdag' said on a Thursday: next week's
            delta = 7
    else:
        delta = -((cur - wd) % 7)
        if delta == 0 and rel:  # 'afgelopen maandag' said on a Monday: last week's
            delta = -7
    return (ref.lo + dt.timedelta(days=delta)).isoformat()


def year_for_month(ref: Ref | None, month: int, future: bool | None, day: int | None = None) -> str:
    """The year of a named month: next one (future), last one (past, False), this one (None)."""
    if ref is None:
        return "XXXX"
    y = ref.lo.year
    if ref.precision == "year":
        return f"{y:04d}"
    here = (ref.lo.month, ref.lo.day if ref.precision in ("day", "datetime") else 31)
    there = (month, day or 1)
    if future and there < (ref.lo.month, ref.lo.day if day else 1):
        y += 1
    elif future is False and there > here:  # None (present tense): this year's
        y -= 1
    return f"{y:04d}"


def number(s: str | None) -> float | None:
    if not s:
        return None
    low = s.lower().strip()
    if low in ("enkele", "een paar", "paar"):
        return None
    if re.fullmatch(r"een\s+halve?|(?:een\s+)?½", low):
        return 0.5
    return parse_number(low)


def duration(n: float | None, unit: str) -> str:
    letter, is_time, mult = UNITS[unit.lower()]
    qty = "X" if n is None else (f"{n * mult:g}".replace(",", "."))
    if letter == "WE":
        return f"P{qty}WE"
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"


REL_SIGN = {
    "voorgaande": -1,
    "voorafgaande": -1,
    "huidig": 0,
    "vorige": -1,
    "vorig": -1,
    "verleden": -1,
    "afgelopen": -1,
    "voorbije": -1,
    "jongstleden": -1,
    "volgende": 1,
    "volgend": 1,
    "komende": 1,
    "komend": 1,
    "aanstaande": 1,
    "aankomende": 1,
    "eerstvolgende": 1,
    "eerstkomende": 1,
    "deze": 0,
    "dit": 0,
    "huidige": 0,
    "lopende": 0,
}


def period_of(ref: Ref | None, unit: str, sign: int) -> str | None:
    if unit == "week":
        return shift_weeks(ref, sign)
    if unit == "weekend":
        w = shift_weeks(ref, sign)
        return f"{w}-WE" if "-W" in w else w
    if unit == "maand":
        return shift_months(ref, sign)
    if unit == "kwartaal":
        if ref is None or ref.precision == "year":
            return shift_years(ref, 0) if ref else "XXXX-QX"
        q = (ref.lo.month - 1) // 3 + sign
        y, q = ref.lo.year + (q // 4), q % 4 + 1
        return f"{y:04d}-Q{q}"
    if unit == "jaar":
        return shift_years(ref, sign)
    if unit == "decennium":
        return "XXX" if ref is None else f"{(ref.lo.year // 10 + sign):03d}"
    if unit == "eeuw":
        return "XX" if ref is None else f"{(ref.lo.year // 100 + sign):02d}"
    return None


def word_year(words: str) -> int | None:
    """'negentienachtentwintig' -> 1928, 'negentienhonderd zesennegentig' -> 1996,
    'tweeduizend twintig' -> 2020; None for anything that is not such a year."""
    from kroniek.analysis.numbers import parse_compound

    s = re.sub(r"\s+", "", words.lower())
    if s.startswith("tweeduizend"):
        century, rest = 2000, s[len("tweeduizend") :]
    else:
        m = re.match(r"(zeventien|achttien|negentien)(honderd)?", s)
        if not m:
            return None
        century = {"zeventien": 1700, "achttien": 1800, "negentien": 1900}[m[1]]
        rest = s[m.end() :]
    if rest.startswith("en") and parse_compound(rest[2:]) is not None:
        rest = rest[2:]
    if not rest and century == 2000:
        return 2000  # 'tweeduizend' on its own
    n = parse_compound(rest) if rest else None
    if n is None or not 1 <= n <= 99:
        return None
    return century + n


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    la = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * la) // 451
    month, day = divmod(h + la - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_sunday(year: int, month: int, n: int, wd: int = 7) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))


_EASTER_OFFSET = {
    "pasen": 0,
    "paaszondag": 0,
    "eerste paasdag": 0,
    "tweede paasdag": 1,
    "paasmaandag": 1,
    "goede vrijdag": -2,
    "witte donderdag": -3,
    "palmzondag": -7,
    "palmpasen": -7,
    "hemelvaartsdag": 39,
    "hemelvaart": 39,
    "pinksteren": 49,
    "eerste pinksterdag": 49,
    "tweede pinksterdag": 50,
    "pinkstermaandag": 50,
}
_FIXED = {
    "kerstavond": (12, 24),
    "kerstmis": (12, 25),
    "kerst": (12, 25),
    "eerste kerstdag": (12, 25),
    "tweede kerstdag": (12, 26),
    "oudejaarsdag": (12, 31),
    "oudejaarsavond": (12, 31),
    "oudjaar": (12, 31),
    "oud en nieuw": (12, 31),
    "nieuwjaarsdag": (1, 1),
    "nieuwjaar": (1, 1),
    "koninginnedag": (4, 30),
    "bevrijdingsdag": (5, 5),
    "dodenherdenking": (5, 4),
    "valentijnsdag": (2, 14),
    "sinterklaas": (12, 5),
    "sinterklaasavond": (12, 5),
    "pakjesavond": (12, 5),
    "halloween": (10, 31),
    "dag van de arbeid": (5, 1),
}


def holiday(name: str, year: int) -> dt.date | None:
    """The date of a Dutch holiday in ``year``."""
    name = re.sub(r"\s+", " ", name.lower())
    if name in _EASTER_OFFSET:
        return easter(year) + dt.timedelta(days=_EASTER_OFFSET[name])
    if name == "koningsdag":  # 27 April since 2014, a Saturday moves to the 26th
        d = dt.date(year, 4, 27) if year >= 2014 else dt.date(year, 4, 30)
        return d - dt.timedelta(days=1) if d.isoweekday() == 7 else d
    if name == "moederdag":
        return _nth_sunday(year, 5, 2)
    if name == "vaderdag":
        return _nth_sunday(year, 6, 3)
    if name == "prinsjesdag":
        return _nth_sunday(year, 9, 3, wd=2)
    if name == "black friday":  # the day after the fourth Thursday of November
        return _nth_sunday(year, 11, 4, wd=4) + dt.timedelta(days=1)
    if name == "dag van de aarde":
        return dt.date(year, 4, 22)
    if name in _FIXED:
        return dt.date(year, *_FIXED[name])
    return None


def nth_week(nth: str, year: int, month: int | None) -> str | None:
    """ISO week of 'de derde week van <maand|jaar>' (month weeks count from the week of the 1st)."""
    n = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5}.get(nth)
    if n is None and nth != "laatste":
        n = int(re.match(r"\d+", nth)[0]) if re.match(r"\d+", nth) else None
    if month is None:
        if nth == "laatste":
            y, w, _ = dt.date(year, 12, 28).isocalendar()
        else:
            if n is None or n > 52:
                return None
            y, w = year, n
        return f"{y:04d}-W{w:02d}"
    # as ISO weeks do for years: week n holds the month's n-th Thursday
    if nth == "laatste":
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        day = last - dt.timedelta(days=(last.isoweekday() - 4) % 7)
    else:
        if n is None:
            return None
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(4 - first.isoweekday()) % 7, weeks=n - 1)
        if day.month != month:
            return None
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"

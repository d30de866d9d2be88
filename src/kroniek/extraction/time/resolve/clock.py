"""Resolution helpers for days, months, clock times, parts of the day, counted weekdays and
holidays: the pieces ``values.resolve`` combines."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kroniek.analysis.numbers import parse_number, parse_ordinal
from kroniek.lexicon import WEEKDAY_NAMES

from ..recognize.blocks import HOUR_EN
from ..words import HOUR_WORDS, MONTHS, PARTS, UNITS, WEEKDAYS
from .calendar import (
    REL_SIGN,
    Ref,
    add_months,
    holiday,
    number,
    period_of,
    shift_days,
    shift_months,
    weekday,
    year_for_month,
)

UNTIL = re.compile(r"(?i)\b(?:tot(?:\s+en\s+met)?|t/m|uiterlijk)\s+(?:op\s+)?$")
LEAD_WEEKDAY = re.compile(r"(?i)(" + "|".join(WEEKDAY_NAMES) + r")\b")


def day_number(g: dict[str, str | None]) -> int | None:
    if g.get("d"):
        day: int | None = int(g["d"])  # type: ignore[arg-type]
    elif g.get("dw"):
        dw = g["dw"] or ""
        day = parse_ordinal(dw)
        if day is None:
            v = parse_number(dw) if dw not in ("een", "eén") else None
            day = int(v) if v is not None and v == int(v) else None
    else:
        return None
    return day if day is not None and 1 <= day <= 31 else None


def month_number(raw: str | None) -> int | None:
    if not raw:
        return None
    if raw.isdigit():
        return int(raw) if 1 <= int(raw) <= 12 else None
    return MONTHS.get(raw.lower().rstrip("."))


#: minute counts written as words in "tien over tien" (bare, without "om")
_MINUTE_WORDS = {
    "een",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "twintig",
}

_NTH = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "laatste": -1}


def nth_weekday_value(g: dict[str, str | None], ref: Ref | None, future: bool) -> tuple[str, str] | None:
    """'de derde woensdag van vorige maand' -> that date."""
    nth_raw = (g["nth"] or "").lower()
    nth = _NTH.get(nth_raw) or parse_ordinal(nth_raw)
    wd = WEEKDAYS[(g["wd"] or "").lower()]
    if nth_raw == "laatste" and not g.get("m") and not g.get("rel"):
        return "DATE", weekday(ref, wd, False)  # "laatste zondag": the latest one
    if g.get("m"):
        month = MONTHS[(g["m"] or "").lower()]
        year = g.get("y") or year_for_month(ref, month, future)
    else:
        base = period_of(ref, "maand", REL_SIGN.get((g.get("rel") or "").lower(), 0))
        if not base or len(base) != 7 or "X" in base:
            return None
        year, month = base[:4], int(base[5:7])
    if not nth or "X" in year:
        return None
    y = int(year)
    days = [
        d for d in range(1, calendar.monthrange(y, month)[1] + 1) if dt.date(y, month, d).isoweekday() == wd
    ]
    if nth > len(days):
        return None
    return "DATE", dt.date(y, month, days[nth - 1 if nth > 0 else -1]).isoformat()


def _hour(raw: str | None) -> int | None:
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    v = HOUR_WORDS.get(raw.lower())
    if v is None:
        n = parse_number(raw)
        v = int(n) if n is not None and n == int(n) else None
    return v


_NOT_CLOCK_BEFORE = re.compile(r"(?:[€$£]|eur|usd)\s*$|[\d.,]$", re.IGNORECASE)
_NOT_CLOCK_AFTER = re.compile(
    r"^\s*(?:euro|dollar|pond|procent|%|miljoen|miljard|meter|km|kilo|cent|[.,]?\d)", re.IGNORECASE
)


def _bare_clock(m: re.Match[str], h: int, mi: int) -> bool:
    """'15.30' with no 'uur' or 'om' is a clock time (Dutch decimals use a comma), unless money
    or a measure is around it."""
    before = m.string[max(0, m.start() - 5) : m.start()]
    after = m.string[m.end() : m.end() + 10]
    return h <= 24 and mi < 60 and not _NOT_CLOCK_BEFORE.search(before) and not _NOT_CLOCK_AFTER.match(after)


CLOCKS = (
    "clock",
    "clock_h",
    "clock_half",
    "clock_dp",
    "clock_en",
    "clock_ampm",
    "clock_is",
    "midnight",
    "noon",
    "lunch",
    "midpart",
    "clock_u",
)
_HOUR_EN = {w: h for h, w in enumerate(HOUR_EN.split("|"), start=2)}  # "om achten", "rond elven"


def date_prefix(ref: Ref | None) -> str:
    """The publication day a clock time or part of day is anchored to, at its precision."""
    if ref and ref.precision in ("day", "datetime"):
        return ref.value
    if ref and ref.precision == "month":
        return f"{ref.value}-XX"
    if ref:
        return f"{ref.value}-XX-XX"
    return "XXXX-XX-XX"


def daypart_value(name: str, g: dict[str, str | None], ref: Ref | None) -> tuple[str, str] | None:
    """'in de ochtend' (a morning of an unnamed day: news uses it for habits and for the story's
    day alike), 'afgelopen nacht' (the night before the publication day)."""
    part = (g["part"] or "").lower()
    code = {"namiddag": "TAF", "voormiddag": "TMO"}.get(part) or PARTS.get(part)
    if code is None:
        return None
    if name == "daypart":
        return "TIME", f"XXXX-XX-XX{code}"
    rel = (g.get("rel") or "").lower()
    # 'afgelopen nacht': the one before the publication day; 'komende nacht' is tonight
    offset = {"afgelopen": -1, "vorige": -1}.get(rel, 0)
    day = shift_days(ref, offset)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return None
    return "TIME", f"{day}{code}"


def clock_value(name: str, g: dict[str, str | None], m: re.Match[str], ref: Ref | None) -> tuple[str, str] | None:
    """Clock times: '15.30 uur', 'om 7 uur 's avonds', 'kwart voor elf', 'half acht'."""
    if name in ("midnight", "noon", "lunch"):
        h, mi, se = (0 if name == "midnight" else 12), 0, None
    elif name == "midpart":  # 'halverwege de ochtend' ~ 10:00, 'halverwege de middag' ~ 14:00
        h, mi, se = (14 if (g.get("part") or "").lower() == "middag" else 10), 0, None
    elif name == "clock_en":
        raw = (g["h"] or "").lower()
        hour = int(raw[:-3]) if raw[:1].isdigit() else _HOUR_EN.get(raw)
        if hour is None:
            return None
        h, mi, se = hour, 0, None
    elif name == "clock_ampm":
        hm = g["hm"] or ""
        h, mi, se = int(hm[:-2]), int(hm[-2:]), None
        g["ap"] = g.get("ap") or g.get("ap2")
        if not 1 <= h <= 12:
            return None
    else:
        h = _hour(g["h"])
        mi = _hour(g.get("mi")) if g.get("mi") else 0
        se = int(g["se"]) if g.get("se") else None
        if h is None or mi is None:
            return None
    if name == "clock" and not (
        g.get("uur")
        or g.get("pre")
        or g.get("ap")
        or g.get("dp")
        or g.get("dp0")
        or (g.get("sep") or "").strip().lower() in (":", "h")
        or _bare_clock(m, h, mi)
    ):
        return None
    if name == "clock_h" and not (g.get("pre") or g.get("dp") or g.get("dp0") or g.get("mi")):
        return None
    if name == "clock_u" and not (g.get("mi") or (g.get("pre") or "").lower() in ("voor", "na", "sinds")):
        return None  # "om 3u" is clock_h's; a bare "3u" is three hours
    if name == "clock_dp" and not (g.get("dp") or g.get("dp0")):
        return None  # "om 2" alone may be a count ("om 2 redenen")
    if name == "clock_half":
        if not (g.get("half") or g.get("half2") or g.get("k")):
            return None
        bare = not (g.get("pre") or g.get("half") or g.get("half2") or g.get("dp") or g.get("dp0"))
        bare = bare and "minuten" not in m.group().lower()  # "drie minuten voor acht" is a time
        k_raw, h_raw = (g.get("k") or "").lower(), (g.get("h") or "").lower()
        if (
            bare
            and k_raw != "kwart"
            and not ((g.get("kd") or "").lower() == "over" and k_raw in _MINUTE_WORDS and h_raw in HOUR_WORDS)
        ):
            return None  # "tien over tien" is a time; "vijf voor twaalf" is mostly an idiom
        if g.get("half") or g.get("half2"):
            h, mi = h - 1, 30
        if g.get("k"):
            k = 15 if (g["k"] or "").lower() == "kwart" else _hour(g["k"])
            if k is None or not 0 < k < 30:
                return None
            mi += k if (g["kd"] or "").lower() == "over" else -k
            if mi < 0:
                h, mi = h - 1, mi + 60
        if h < 0:
            h += 12
    dp = (g.get("dp") or g.get("dp0") or "").lower()
    ap = (g.get("ap") or "").lower()
    if "lunch" in dp and h < 6:
        h += 12  # "1 uur lunchtijd" is 13:00
    if (any(p in dp for p in ("middag", "avond")) or ap.startswith("p")) and h < 12:
        h += 12
    if ("nacht" in dp or ap.startswith("a")) and h == 12:
        h = 0
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    date = date_prefix(ref)
    clock = f"{h:02d}:{mi:02d}" + (f":{se:02d}" if se is not None else "")
    return "TIME", f"{date}T{clock}"


def multi_clock(g: dict[str, str | None], ref: Ref | None) -> tuple[str, str] | None:
    """'1 jaar, 1 maand en 21 dagen' -> P1Y1M21D; with 'geleden' the date that far back."""
    from ..recognize.blocks import NUM, UNIT

    parts = re.findall(rf"({NUM})\s*({UNIT})\b", g["all"] or "", flags=re.IGNORECASE)
    dates: dict[str, float] = {}
    times: dict[str, float] = {}
    shift = {"Y": 0, "M": 0, "D": 0}
    for n_raw, unit in parts:
        n = number(n_raw)
        if n is None:
            return None
        letter, is_time, mult = UNITS[unit.lower()]
        if is_time:
            times[letter] = times.get(letter, 0) + n * mult
        else:
            dates[letter] = dates.get(letter, 0) + n * mult
            if letter == "W":
                shift["D"] += int(7 * n * mult)
            elif letter in shift:
                shift[letter] += int(n * mult)
    # TIMEX3 writes the parts largest first: "2 dagen en 1 maand" is P1M2D
    date_part = "".join(f"{dates[k]:g}{k}" for k in ("Y", "M", "W", "D") if k in dates)
    time_part = "".join(f"{times[k]:g}{k}" for k in ("H", "M", "S") if k in times)
    direction = (g.get("dir") or ("later" if g.get("over") else "")).lower()
    if direction and not time_part and ref is not None:
        sign = -1 if direction == "geleden" else 1
        if ref.precision in ("day", "datetime"):
            d = add_months(ref.lo, sign * (12 * shift["Y"] + shift["M"]))
            return "DATE", (d + dt.timedelta(days=sign * shift["D"])).isoformat()
        return "DATE", shift_months(ref, sign * (12 * shift["Y"] + shift["M"]))
    return "DURATION", "P" + date_part + (f"T{time_part}" if time_part else "")


def holiday_value(g: dict[str, str | None], ref: Ref | None, future: bool | None) -> tuple[str, str] | None:
    """'Pasen 2018', 'vorige Koningsdag', 'Kerst' (the nearest one in the tense's direction)."""
    name = g["h"] or ""
    if g.get("y"):
        day = holiday(name, int(g["y"]))  # type: ignore[arg-type]
        return ("DATE", day.isoformat()) if day else None
    rel = (g.get("rel") or "").lower()
    # 'de eropvolgende Pasen': the one following the last one, i.e. the next
    sign = {"laatste": -1, "voorgaande": -1, "eropvolgende": 1}.get(rel, REL_SIGN.get(rel))
    if ref is None or ref.precision not in ("day", "datetime"):
        if ref is None or sign not in (None, 0):
            return None
        day = holiday(name, ref.lo.year)
        return ("DATE", day.isoformat()) if day else None
    this = holiday(name, ref.lo.year)
    if this is None:
        return None
    if sign == 0:
        return "DATE", this.isoformat()
    if sign is None and future is None and this != ref.lo:
        # a present-tense sentence: the nearest one ("omdat het op Palmzondag wielerronde is")
        prev = this if this < ref.lo else holiday(name, ref.lo.year - 1)
        nxt = this if this > ref.lo else holiday(name, ref.lo.year + 1)
        if prev is not None and nxt is not None:
            sign = 1 if (nxt - ref.lo) < (ref.lo - prev) else -1
    if sign is None:
        sign = 1 if future else -1
    if sign < 0:
        day = this if this <= ref.lo else holiday(name, ref.lo.year - 1)
    else:
        day = this if this >= ref.lo else holiday(name, ref.lo.year + 1)
    return ("DATE", day.isoformat()) if day else None

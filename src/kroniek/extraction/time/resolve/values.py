"""Resolution of matched Dutch time expressions to TIMEX3 values against a publication date.

See :mod:`kroniek.extraction.time` for the precision rules; the arithmetic is in ``timex_calendar``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kroniek.analysis.numbers import parse_ordinal

from ..words import DECADES, MONTHS, PARTS, PLURAL_UNITS, SEASONS, SETS, UNITS, WEEKDAYS
from .calendar import (
    REL_SIGN,
    Ref,
    add_months,
    duration,
    nth_week,
    number,
    period_of,
    shift_days,
    shift_months,
    shift_weeks,
    shift_years,
    weekday,
    word_year,
    year_for_month,
)
from .clock import (
    CLOCKS,
    LEAD_WEEKDAY,
    UNTIL,
    clock_value,
    day_number,
    daypart_value,
    holiday_value,
    month_number,
    multi_clock,
    nth_weekday_value,
)

#: How many a vague count stands for in a duration (the Recognizers-Text convention):
#: "een paar dagen" P2D, "een aantal weken" P3W.
VAGUE_COUNT = {"een paar": 2.0, "paar": 2.0, "een aantal": 3.0, "enkele": 3.0, "enige": 3.0, "wat": 3.0}
#: The vague counts that are a count anywhere ("wat" is one only in "om de wat weken"-like phrases).
_VAGUE = frozenset(VAGUE_COUNT) - {"wat"}


def _plural(unit: str) -> str:
    """'jaren' -> PXY, 'uren' -> PTXH: an unknown number of a plural unit."""
    code = PLURAL_UNITS[unit]
    return f"PTX{code}" if code in ("H", "S") or unit == "minuten" else f"PX{code}"


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def resolve(name: str, m: re.Match[str], ref: Ref | None, future: bool) -> tuple[str, str] | None:
    """TIMEX3 (type, value) for one grammar match, or None when the match is not a timex."""
    g = m.groupdict()
    for key in ("y", "y2"):
        if g.get(key) and not g[key].isdigit() and not (name == "date" and key == "y2"):
            wy = word_year(g[key])  # a year in words
            if wy is None:
                return None
            g[key] = str(wy)
    if name in (
        "iso",
        "numdate",
        "numdm",
        "date",
        "dayonly",
        "dayword",
        "dayclock",
        "month_day",
        "wd_day",
        "date_rel",
    ):
        day = day_number(g)
        month = month_number(g.get("m"))
        if day is None or (g.get("m") and month is None):
            return None
        if name == "numdm" and g["m"].isdigit() and len(g["m"]) == 1 and day <= 12 and not g.get("y"):
            return None  # "3-1" is more likely a score than 3 January
        g["rel"] = g.get("rel") or g.get("rel2") or ("deze" if g.get("cur") else None)
        if name == "date_rel" and g.get("rel"):
            base = period_of(ref, "maand", REL_SIGN.get(g["rel"].lower(), 0))
            return ("DATE", f"{base}-{day:02d}") if base and len(base) == 7 else None
        if month is None:
            if ref is None or ref.precision == "year":
                return "DATE", f"XXXX-XX-{day:02d}"
            return "DATE", f"{ref.lo.year:04d}-{ref.lo.month:02d}-{day:02d}"
        y = g.get("y") or (("20" + g["y2"]) if g.get("y2") else None)
        if y and len(y) == 2:
            y = ("20" if int(y) < 50 else "19") + y
        year = y or year_for_month(ref, month, future, day)
        wd = LEAD_WEEKDAY.match(m.group())
        if wd and not y and ref is not None:  # 'zaterdag 4 mei': the year whose 4 May is a Saturday
            wanted = WEEKDAYS[wd.group(1).lower()]
            fits = [
                dt.date(x, month, day)
                for x in range(ref.lo.year - 1, ref.lo.year + 2)
                if _valid(x, month, day) and dt.date(x, month, day).isoweekday() == wanted
            ]
            if fits:
                year = str(min(fits, key=lambda d: abs((d - ref.lo).days)).year)
        elif (
            not y
            and ref is not None
            and UNTIL.search(m.string, max(0, m.start() - 16), m.start())
            and not re.search(r"(?i)\b(?:van|vanaf|tussen)\b", m.string[max(0, m.start() - 40) : m.start()])
        ):
            # 'verlenging tot 1 juni', 'uiterlijk 3 mei': an end or deadline is the nearest such day
            near = [
                dt.date(x, month, day)
                for x in range(ref.lo.year - 1, ref.lo.year + 2)
                if _valid(x, month, day)
            ]
            if near:
                year = str(min(near, key=lambda d: abs((d - ref.lo).days)).year)
        if year.isdigit() and not _valid(int(year), month, day):
            if (month, day) != (2, 29) or y:
                return None
            step = 1 if future else -1  # 29 February: the nearest leap year that way
            year = str(next(x for x in range(int(year), int(year) + 8 * step, step) if calendar.isleap(x)))
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    if name == "story_day":  # 'de volgende dag': from the publication day unless the story names one
        before = re.search(r"(?i)ervoor|daarvoor|voordien", m.group())
        unit = re.search(r"(?i)\b(dag|week|maand|jaar)\b", m.group()).group(1).lower()
        if unit != "dag":  # 'het jaar daarvoor': the story's year, set by story_days (unknown here)
            return "DATE", {"jaar": "XXXX", "maand": "XXXX-XX", "week": "XXXX-WXX"}[unit]
        return "DATE", shift_days(ref, -1 if before else 1)
    if name == "nth_wd_from":  # 'twee zondagen vanaf nu': the second Sunday from today
        n = number(g["n"])
        if n is None or n != int(n) or not 1 <= n <= 52 or ref is None:
            return None
        if ref.precision not in ("day", "datetime"):
            return None
        sign = -1 if (g.get("dir2") or "").lower() in ("geleden", "terug") else 1
        wd, day = WEEKDAYS[g["wd"].lower()], ref.lo
        first = day + dt.timedelta(days=((wd - day.isoweekday()) * sign - 1) % 7 + 1) * sign
        return "DATE", (first + dt.timedelta(weeks=(int(n) - 1) * sign)).isoformat()
    if name == "half_year":  # 'H2 2019', 'de eerste helft van vorig jaar'
        half = g.get("h") or ("1" if (g.get("hw") or "").lower() == "eerste" else "2")
        rel = (g.get("rel") or "").lower()
        year = g.get("y") or g.get("y2") or shift_years(ref, REL_SIGN.get(rel, 0))
        return "DATE", f"{year}-H{half}"
    if name == "wd_numdm":  # 'vrijdag 12/5', 'volgende 12/5': a weekday or 'volgende' makes it a date
        rel = (g.get("rel") or "").lower()
        if not (rel or g.get("wd")):
            return None
        day, month = int(g["d"]), int(g["m"])
        fut = rel == "volgende" if rel in ("volgende", "vorige") else future
        year = year_for_month(ref, month, fut, day) if 1 <= month <= 12 else ""
        if not year or (year.isdigit() and not _valid(int(year), month, day)):
            return None
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    if name == "wd_bareday":  # 'zondag 31': the nearest month whose 31st is a Sunday
        day, wd = int(g["d"]), WEEKDAYS[g["wd"].lower()]
        if ref is None or ref.precision not in ("day", "datetime") or not 1 <= day <= 31:
            return None
        months = (divmod(ref.lo.year * 12 + ref.lo.month - 1 + k, 12) for k in range(-36, 37))
        days = [
            dt.date(y, mo + 1, day)
            for y, mo in months
            if _valid(y, mo + 1, day) and dt.date(y, mo + 1, day).isoweekday() == wd
        ]
        if not days:
            return None
        best = min(days, key=lambda d: (abs((d - ref.lo).days), (d >= ref.lo) != future))
        return "DATE", best.isoformat()
    if name == "anchored":
        n = number(g["n"])
        letter, is_time, mult = UNITS[g["u"].lower()]
        if n is None or is_time or ref is None or ref.precision not in ("day", "datetime"):
            return None
        base = {"morgen": 1, "vandaag": 0, "nu": 0, "gisteren": -1}[g["anchor"].lower()]
        days = {"D": 1, "W": 7}.get(letter)
        if days is None:
            return None
        sign = -1 if g["dir"].lower() == "voor" else 1
        return "DATE", shift_days(ref, base + sign * int(n * mult * days))
    if name == "numym":
        y, mo = g.get("y") or g.get("y2"), int(g.get("m") or g.get("m2"))
        return ("DATE", f"{y}-{mo:02d}") if 1 <= mo <= 12 else None
    if name == "nth_wd":
        return nth_weekday_value(g, ref, future)
    if name == "week_wd":
        rel = (g.get("rel") or g.get("rel2")).lower()
        wd = WEEKDAYS[(g.get("wd") or g.get("wd2")).lower()]
        if ref is None or ref.precision not in ("day", "datetime"):
            return "DATE", shift_weeks(ref, REL_SIGN.get(rel, 0))
        monday = ref.lo - dt.timedelta(days=ref.lo.isoweekday() - 1)
        return "DATE", (monday + dt.timedelta(weeks=REL_SIGN.get(rel, 0), days=wd - 1)).isoformat()
    if name in ("month_year", "month", "month_abbr"):
        if g.get("m0"):  # '2017 april'
            g["m"], g["y"] = g["m0"], g["y0"]
        month = MONTHS[g["m"].lower().rstrip(".")]
        if g.get("y"):
            return "DATE", f"{g['y']}-{month:02d}"
        rel = (g.get("rel") or "").lower()
        fut = True if (future or REL_SIGN.get(rel, 0) > 0) else future
        if rel and REL_SIGN.get(rel) == -1 or not rel and (g.get("mod") or "").lower() == "sinds":
            fut = False  # 'sinds december' looks back
        year = year_for_month(ref, month, fut)
        return "DATE", f"{year}-{month:02d}"
    if name in ("year", "year_or"):
        return "DATE", g["y"]
    if name == "wyear":
        return "DATE", g["y"]
    if name == "week_of":
        nth = g["nth"].lower()
        if g.get("m"):
            month = MONTHS[g["m"].lower().rstrip(".")]
            year = g.get("y") or year_for_month(ref, month, future)
            if not year.isdigit():
                return None
            value = nth_week(nth, int(year), month)
        elif g.get("rel"):
            base = period_of(ref, g["u"].lower(), REL_SIGN.get(g["rel"].lower(), 0)) or ""
            if not re.fullmatch(r"\d{4}(?:-\d{2})?", base):
                return None
            value = nth_week(nth, int(base[:4]), int(base[5:]) if len(base) == 7 else None)
        else:
            value = nth_week(nth, int(g["y2"]), None)
        return ("DATE", value) if value else None
    if name == "after_next":
        value = period_of(ref, g["u"].lower(), 2)
        return ("DATE", value) if value else None
    if name == "week_from":
        d = int(g.get("d") or g.get("d2") or g.get("d3") or g["d4"])
        if g.get("y3") and _valid(int(g["y3"]), MONTHS[g["m3"].lower()], d):  # 'de week van 15 april 2019'
            y, w, _ = dt.date(int(g["y3"]), MONTHS[g["m3"].lower()], d).isocalendar()
            return "DATE", f"{y:04d}-W{w:02d}"
        mo = MONTHS[(g.get("m") or g.get("m2") or g.get("m3") or g["m4"]).lower().rstrip(".")]
        year = year_for_month(ref, mo, future, d)
        if not year.isdigit() or not _valid(int(year), mo, d):
            return None
        y, w, _ = dt.date(int(year), mo, d).isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}"
    if name == "period_edge":
        unit = g["u"].lower()
        value = shift_days(ref, 0) if unit == "dag" else period_of(ref, unit, 0)
        return ("DATE", value) if value else None
    if name == "to_date":  # 'dit jaar tot nu toe': the current year (so far)
        value = period_of(ref, g["u"].lower(), 0)
        return ("DATE", value) if value else None
    if name == "in_period":  # 'later in het jaar', 'eerder in de week': the current one
        unit = g["u"].lower()
        value = shift_days(ref, 0) if unit == "dag" else period_of(ref, unit, 0)
        return ("DATE", value) if value else None
    if name == "same_period":  # 'dezelfde week', 'dat jaar': another period of the text
        unit = g["u"].lower()
        return "DATE", {
            "dag": "XXXX-XX-XX",
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "maand": "XXXX-XX",
            "jaar": "XXXX",
        }[unit]
    if name == "holiday":
        return holiday_value(g, ref, future)
    if name == "decade":
        d = re.sub(r"\s+", " ", g["dec"].lower())
        if d in ("nul", "tweeduizend"):
            return "DATE", "200"
        if d[0].isalpha() and (wy := word_year(d)) is not None:
            return ("DATE", str(wy)[:3]) if wy % 10 == 0 else None
        if len(d) == 4:
            return "DATE", d[:3]
        digit = DECADES.get(d) or int(d[0])
        return "DATE", f"19{digit}"
    if name == "century":
        n = int(g["c"]) if g.get("c") else parse_ordinal(g["cw"])
        return ("DATE", f"{n - 1:02d}") if n else None
    if name == "quarter_k":
        year = g.get("y") or g.get("y0") or shift_years(ref, REL_SIGN.get((g.get("rel") or "").lower(), 0))
        return "DATE", f"{year}-Q{g['q']}"
    if name == "quarter":
        q = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}.get(g["q"].lower())
        q = q or int(g["q"][0])
        year = g.get("y") or (shift_years(ref, REL_SIGN.get((g.get("rel") or "").lower(), 0)))
        return "DATE", f"{year}-Q{q}"
    if name == "weekno":
        year = g.get("y") or shift_years(ref, 0)
        return "DATE", f"{year}-W{int(g['w']):02d}"
    if name == "season":
        rel = (g.get("rel") or "").lower()
        yrel = g.get("yrel") or g.get("yrel0")
        if yrel:  # 'de zomer van vorig jaar', 'vorig jaar herfst'
            g["y"] = shift_years(ref, REL_SIGN.get(yrel.lower(), 0))
        if not g.get("y") and rel not in REL_SIGN:
            return "DATE", f"XXXX-{SEASONS[g['s'].lower()]}"  # 'in de zomer': which one is open
        year = g.get("y") or shift_years(ref, REL_SIGN.get(rel, 0))
        return "DATE", f"{year}-{SEASONS[g['s'].lower()]}"
    if name == "this_part":
        value = shift_days(ref, 0)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None
        return "TIME", f"{value}{PARTS[g['part'].lower()]}"
    if name == "relday":
        w = g["w"].lower()
        offset = {
            "eergisteren": -2,
            "gisteren": -1,
            "gister": -1,
            "vandaag": 0,
            "morgen": 1,
            "overmorgen": 2,
        }.get(w, 0)
        part = (g.get("part") or g.get("part2") or "").lower()
        if w in ("vanochtend", "vanmorgen", "vanmiddag", "vanavond", "vannacht"):
            part = w[3:]
        if w == "gister" and not part:
            return None
        value = shift_days(ref, offset)
        if part and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return "TIME", f"{value}{PARTS[part]}"
        return "DATE", value
    if name == "weekday":
        rel = (g.get("rel") or "").lower()
        suf = (g.get("suf") or "").lower()
        fut = True if suf in ("a.s.", "aanstaande") else future  # (None: a present sentence)
        if suf in ("jl.", "j.l.", "jongstleden"):
            fut = False
        value = weekday(ref, WEEKDAYS[g["wd"].lower()], fut, rel)
        part = (g.get("part") or "").lower() or (suf.split()[-1] if suf and suf.split()[-1] in PARTS else "")
        if part and re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-WXX-\d", value):
            return "TIME", f"{value}{PARTS[part]}"
        return "DATE", value
    if name in ("plural_bare", "plural_lang", "plural_dur"):
        # "al jaren", "jarenlang", "de laatste weken": an unknown number of units
        return ("DURATION", _plural(g["u"].lower())) if g["u"].lower() in PLURAL_UNITS else None
    if name == "relperiod":
        rel, unit = g["rel"].lower(), g["u"].lower()
        unit = {"werkweek": "week", "kalenderjaar": "jaar"}.get(unit, unit)
        if unit == "jaar" and rel in ("afgelopen", "voorbije") and not g.get("mod") and re.match(r"(?i)het\s", m.group()):
            return "DURATION", "P1Y"  # "het afgelopen jaar": the twelve months up to now, not last year
        if unit == "week" and rel in ("afgelopen", "voorbije") and not g.get("mod") and re.match(r"(?i)de\s", m.group()):
            return "DURATION", "P1W"  # "de afgelopen week" (the news guide), but "afgelopen week" is last week
        if unit == "dag":  # 'op deze dag', 'de afgelopen dag'; 'de volgende dag' follows the story
            shift = {"deze": 0, "afgelopen": -1, "voorbije": -1}.get(rel)
            return None if shift is None or g.get("mod") else ("DATE", shift_days(ref, shift))
        if unit in ("weken", "dagen") and rel == "deze":
            return "DATE", "PRESENT_REF"  # 'deze weken', like 'dezer dagen': these days
        if unit in PLURAL_UNITS:
            return "DURATION", f"PX{PLURAL_UNITS[unit]}" if PLURAL_UNITS[unit] not in (
                "H",
                "S",
            ) and unit != "minuten" else f"PTX{PLURAL_UNITS[unit]}"
        if unit in ("tijd", "periode"):
            return (
                ("DATE", "PRESENT_REF")
                if REL_SIGN.get(rel) == 0
                else ("DATE", "PAST_REF" if REL_SIGN.get(rel) == -1 else "FUTURE_REF")
            )
        value = period_of(ref, unit, REL_SIGN.get(rel, 0))
        return ("DATE", value) if value else None
    if name in ("reln", "duration", "since_n"):
        n = number(g["n"])
        if n is None and name == "since_n" and g["n"].lower() in _VAGUE and g["u"].lower() in PLURAL_UNITS:
            return "DURATION", _plural(g["u"].lower())  # "al enkele jaren": how many is not said
        if n is None:  # "een paar dagen" is two days, "een aantal weken" three (Recognizers-Text's count)
            n = VAGUE_COUNT.get(re.sub(r"\s+", " ", g["n"].lower()))
            if n is None or (g["n"].lower() == "wat" and g["u"].lower() not in PLURAL_UNITS):
                return None  # "wat dagen" is a few days; "wat uur" asks the time
        return "DURATION", duration(n, g["u"])
    if name == "ahead" and g["dir"].lower() == "na" and future is not True:
        # "Na twintig jaar stopt hij", "Na een jaar was het over": time after a story event,
        # not after the publication day -- only a future sentence counts from today
        n = number(g["n"])
        return ("DURATION", duration(n, g["u"])) if n is not None else None
    if name in ("ago", "ahead"):
        n = number(g["n"])
        sign = -1 if name == "ago" else 1
        letter, is_time, mult = UNITS[g["u"].lower()]
        if is_time and g["dir"].lower() == "terug":
            return None  # "om 7 uur terug" is being back at seven
        if n is None and g["n"].lower() not in _VAGUE:
            return None  # not a number word
        if n is None and not is_time and g["dir"].lower() in ("geleden", "terug", "over"):
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"  # "een paar dagen geleden": no day is said
        if n is None or is_time:
            if is_time and n is not None and ref and ref.time and n * mult < 1_000_000:
                return "TIME", (
                    dt.datetime.fromisoformat(f"{ref.value}T{ref.time}")
                    + sign
                    * dt.timedelta(**{{"H": "hours", "M": "minutes", "S": "seconds"}[letter]: n * mult})
                ).isoformat(timespec="minutes")
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        k = round(n * mult) * sign
        if letter == "BD":  # 'over vier werkdagen': weekends do not count
            if ref is None or ref.precision not in ("day", "datetime"):
                return "DATE", shift_days(ref, round(k * 7 / 5))
            day = ref.lo
            for _ in range(abs(k)):
                day += dt.timedelta(days=sign)
                while day.isoweekday() > 5:
                    day += dt.timedelta(days=sign)
            return "DATE", day.isoformat()
        if abs(k) > (5000 if letter == "Y" else 60000 if letter == "M" else 2_000_000):
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"  # 'een miljoen jaar geleden'
        if (
            letter in ("M", "Y")
            and mult <= 3
            and n * mult == int(n * mult)
            and (n * mult == 1 or (letter == "M" and g["n"].lower() in _VAGUE))
            # (issue 17: 'twee jaar geleden', 'drie maanden geleden' at the precision of their unit)
            and not re.match(r"(?i)(?:ruim|bijna|ongeveer|circa|zo'n|meer|minder)\b", m.group())
            and g["dir"].lower() in ("geleden", "over")
            and ref is not None
            and ref.precision in ("day", "datetime")
        ):  # 'een maand geleden' on a dated article: that day a month back; 'een jaar geleden'
            # too (a year-on-year comparison point), but 'twee jaar geleden', 'over twee jaar' and
            # 'drie maanden geleden' get the precision of their unit (the news guide): no made-up day
            return "DATE", add_months(ref.lo, k * (12 if letter == "Y" else 1)).isoformat()
        if letter == "D":
            return "DATE", shift_days(ref, k)
        if letter == "W" and k < -1 and ref is not None and ref.precision in ("day", "datetime"):
            # "drie weken geleden": the week that far back, at the precision of its unit (the guide)
            y, w, _ = (ref.lo + dt.timedelta(days=7 * k)).isocalendar()
            return "DATE", f"{y}-W{w:02d}"
        if letter in ("W", "WE"):
            return "DATE", shift_days(ref, 7 * k)
        if letter == "M":
            return "DATE", shift_months(ref, k)
        return "DATE", shift_years(ref, k)
    if name in CLOCKS:
        return clock_value(name, g, m, ref)
    if name in ("daypart", "relpart"):
        return daypart_value(name, g, ref)
    if name == "dur_u":
        return "DURATION", duration(number(g["n"]), "uur")
    if name in ("that_part", "part_hours"):
        return "TIME", f"XXXX-XX-XX{PARTS[g['part'].lower()]}"
    if name == "whole":
        return "DURATION", duration(1.0, g["u"])
    if name == "multidur":
        return multi_clock(g, ref)
    if name == "set_every":
        unit = g["u"].lower()
        if unit in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[unit]}"
        if unit in SEASONS:
            return "SET", f"XXXX-{SEASONS[unit]}"
        n = number(g["n"]) if g.get("n") else 1.0
        if unit == "nacht" and not g.get("n"):
            return None  # "elke nacht" is a part of day (set_word), not every 24 hours
        if unit == "weekend" and n == 1:
            return "SET", "XXXX-WXX-WE"
        return "SET", duration(n, unit)
    if name == "set_date":
        day, month = int(g.get("d") or g["d2"]), month_number(g.get("m") or g.get("m2"))
        if month is None or not _valid(2000, month, day):
            return None
        return "SET", f"XXXX-{month:02d}-{day:02d}"
    if name == "set_other":
        wd = (g.get("wd") or g.get("wd2") or "").lower()
        if wd:
            return "SET", f"XXXX-WXX-{WEEKDAYS[wd]}"
        raw = re.sub(r"\s+", " ", (g.get("n") or "").lower())
        n = (number(raw) or VAGUE_COUNT.get(raw)) if raw else None  # "om de paar weken"
        if raw and (n is None or n != int(n) or n < 2):
            return None
        return "SET", duration(n or 2.0, g["u"])  # "om de week" is every other week
    if name == "set_weekends":
        return "SET", "P1WE"
    if name == "set_day":
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    if name == "set_word":
        w = g["w"].lower().replace("‘", "'").replace("’", "'")
        return "SET", SETS.get(w) or SETS[w[:-1]]
    if name == "set_times":
        return "SET", duration(1.0, g["u"])
    if name == "present":
        return "DATE", "PRESENT_REF"
    if name == "pastref":
        return "DATE", "PAST_REF"
    if name == "futref":
        return "DATE", "FUTURE_REF"
    return None

"""Resolution of matched Dutch time expressions to TIMEX3 values against a publication date.

See :mod:`kroniek.extract.time` for the precision rules; the arithmetic is in ``timex_calendar``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kroniek.analysis.numbers import parse_number, parse_ordinal

from .calendar import (
    _REL_SIGN,
    Ref,
    _add_months,
    _dur,
    _num,
    _period,
    _year_for_month,
    holiday,
    nth_week,
    shift_days,
    shift_months,
    shift_weeks,
    shift_years,
    weekday,
    word_year,
)
from .rules import HOUR_EN
from .tables import (
    DECADES,
    HOUR_WORDS,
    MONTHS,
    PARTS,
    PLURAL_UNITS,
    SEASONS,
    SETS,
    UNITS,
    WEEKDAYS,
)

_VAGUE = ("enkele", "een paar", "paar", "een aantal", "enige")
#: How many a vague count stands for in a duration (the Recognizers-Text convention):
#: "een paar dagen" P2D, "een aantal weken" P3W.
_VAGUE_COUNT = {"een paar": 2.0, "paar": 2.0, "een aantal": 3.0, "enkele": 3.0, "enige": 3.0, "wat": 3.0}


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
        day = _day(g)
        month = _month(g.get("m"))
        if day is None or (g.get("m") and month is None):
            return None
        if name == "numdm" and g["m"].isdigit() and len(g["m"]) == 1 and day <= 12 and not g.get("y"):
            return None  # "3-1" is more likely a score than 3 January
        g["rel"] = g.get("rel") or g.get("rel2") or ("deze" if g.get("cur") else None)
        if name == "date_rel" and g.get("rel"):
            base = _period(ref, "maand", _REL_SIGN.get(g["rel"].lower(), 0))
            return ("DATE", f"{base}-{day:02d}") if base and len(base) == 7 else None
        if month is None:
            if ref is None or ref.precision == "year":
                return "DATE", f"XXXX-XX-{day:02d}"
            return "DATE", f"{ref.lo.year:04d}-{ref.lo.month:02d}-{day:02d}"
        y = g.get("y") or (("20" + g["y2"]) if g.get("y2") else None)
        if y and len(y) == 2:
            y = ("20" if int(y) < 50 else "19") + y
        year = y or _year_for_month(ref, month, future, day)
        wd = _LEAD_WEEKDAY.match(m.group())
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
            and _UNTIL.search(m.string, max(0, m.start() - 16), m.start())
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
        return "DATE", shift_days(ref, -1 if before else 1)
    if name == "nth_wd_from":  # 'twee zondagen vanaf nu': the second Sunday from today
        n = _num(g["n"])
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
        year = g.get("y") or g.get("y2") or shift_years(ref, _REL_SIGN.get(rel, 0))
        return "DATE", f"{year}-H{half}"
    if name == "wd_numdm":  # 'vrijdag 12/5', 'volgende 12/5': a weekday or 'volgende' makes it a date
        rel = (g.get("rel") or "").lower()
        if not (rel or g.get("wd")):
            return None
        day, month = int(g["d"]), int(g["m"])
        fut = rel == "volgende" if rel in ("volgende", "vorige") else future
        year = _year_for_month(ref, month, fut, day) if 1 <= month <= 12 else ""
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
        n = _num(g["n"])
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
        return _nth_weekday(g, ref, future)
    if name == "week_wd":
        rel = (g.get("rel") or g.get("rel2")).lower()
        wd = WEEKDAYS[(g.get("wd") or g.get("wd2")).lower()]
        if ref is None or ref.precision not in ("day", "datetime"):
            return "DATE", shift_weeks(ref, _REL_SIGN.get(rel, 0))
        monday = ref.lo - dt.timedelta(days=ref.lo.isoweekday() - 1)
        return "DATE", (monday + dt.timedelta(weeks=_REL_SIGN.get(rel, 0), days=wd - 1)).isoformat()
    if name in ("month_year", "month", "month_abbr"):
        if g.get("m0"):  # '2017 april'
            g["m"], g["y"] = g["m0"], g["y0"]
        month = MONTHS[g["m"].lower().rstrip(".")]
        if g.get("y"):
            return "DATE", f"{g['y']}-{month:02d}"
        rel = (g.get("rel") or "").lower()
        fut = True if (future or _REL_SIGN.get(rel, 0) > 0) else future
        if rel and _REL_SIGN.get(rel) == -1 or not rel and (g.get("mod") or "").lower() == "sinds":
            fut = False  # 'sinds december' looks back
        year = _year_for_month(ref, month, fut)
        return "DATE", f"{year}-{month:02d}"
    if name in ("year", "year_or"):
        return "DATE", g["y"]
    if name == "wyear":
        return "DATE", g["y"]
    if name == "week_of":
        nth = g["nth"].lower()
        if g.get("m"):
            month = MONTHS[g["m"].lower().rstrip(".")]
            year = g.get("y") or _year_for_month(ref, month, future)
            if not year.isdigit():
                return None
            value = nth_week(nth, int(year), month)
        elif g.get("rel"):
            base = _period(ref, g["u"].lower(), _REL_SIGN.get(g["rel"].lower(), 0)) or ""
            if not re.fullmatch(r"\d{4}(?:-\d{2})?", base):
                return None
            value = nth_week(nth, int(base[:4]), int(base[5:]) if len(base) == 7 else None)
        else:
            value = nth_week(nth, int(g["y2"]), None)
        return ("DATE", value) if value else None
    if name == "after_next":
        value = _period(ref, g["u"].lower(), 2)
        return ("DATE", value) if value else None
    if name == "week_from":
        d = int(g.get("d") or g.get("d2") or g.get("d3") or g["d4"])
        if g.get("y3") and _valid(int(g["y3"]), MONTHS[g["m3"].lower()], d):  # 'de week van 15 april 2019'
            y, w, _ = dt.date(int(g["y3"]), MONTHS[g["m3"].lower()], d).isocalendar()
            return "DATE", f"{y:04d}-W{w:02d}"
        mo = MONTHS[(g.get("m") or g.get("m2") or g.get("m3") or g["m4"]).lower().rstrip(".")]
        year = _year_for_month(ref, mo, future, d)
        if not year.isdigit() or not _valid(int(year), mo, d):
            return None
        y, w, _ = dt.date(int(year), mo, d).isocalendar()
        return "DATE", f"{y:04d}-W{w:02d}"
    if name == "period_edge":
        unit = g["u"].lower()
        value = shift_days(ref, 0) if unit == "dag" else _period(ref, unit, 0)
        return ("DATE", value) if value else None
    if name == "to_date":  # 'dit jaar tot nu toe': the current year (so far)
        value = _period(ref, g["u"].lower(), 0)
        return ("DATE", value) if value else None
    if name == "in_period":  # 'later in het jaar', 'eerder in de week': the current one
        unit = g["u"].lower()
        value = shift_days(ref, 0) if unit == "dag" else _period(ref, unit, 0)
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
        return _holiday(g, ref, future)
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
        year = g.get("y") or g.get("y0") or shift_years(ref, _REL_SIGN.get((g.get("rel") or "").lower(), 0))
        return "DATE", f"{year}-Q{g['q']}"
    if name == "quarter":
        q = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}.get(g["q"].lower())
        q = q or int(g["q"][0])
        year = g.get("y") or (shift_years(ref, _REL_SIGN.get((g.get("rel") or "").lower(), 0)))
        return "DATE", f"{year}-Q{q}"
    if name == "weekno":
        year = g.get("y") or shift_years(ref, 0)
        return "DATE", f"{year}-W{int(g['w']):02d}"
    if name == "season":
        rel = (g.get("rel") or "").lower()
        yrel = g.get("yrel") or g.get("yrel0")
        if yrel:  # 'de zomer van vorig jaar', 'vorig jaar herfst'
            g["y"] = shift_years(ref, _REL_SIGN.get(yrel.lower(), 0))
        if not g.get("y") and rel not in _REL_SIGN:
            return "DATE", f"XXXX-{SEASONS[g['s'].lower()]}"  # 'in de zomer': which one is open
        year = g.get("y") or shift_years(ref, _REL_SIGN.get(rel, 0))
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
        if unit == "dag":  # 'op deze dag', 'de afgelopen dag'; 'de volgende dag' follows the story
            shift = {"deze": 0, "afgelopen": -1, "voorbije": -1}.get(rel)
            return None if shift is None or g.get("mod") else ("DATE", shift_days(ref, shift))
        if unit in PLURAL_UNITS:
            return "DURATION", f"PX{PLURAL_UNITS[unit]}" if PLURAL_UNITS[unit] not in (
                "H",
                "S",
            ) and unit != "minuten" else f"PTX{PLURAL_UNITS[unit]}"
        if unit in ("tijd", "periode"):
            return (
                ("DATE", "PRESENT_REF")
                if _REL_SIGN.get(rel) == 0
                else ("DATE", "PAST_REF" if _REL_SIGN.get(rel) == -1 else "FUTURE_REF")
            )
        value = _period(ref, unit, _REL_SIGN.get(rel, 0))
        return ("DATE", value) if value else None
    if name in ("reln", "duration", "since_n"):
        n = _num(g["n"])
        if n is None and name == "since_n" and g["n"].lower() in _VAGUE and g["u"].lower() in PLURAL_UNITS:
            return "DURATION", _plural(g["u"].lower())  # "al enkele jaren": how many is not said
        if n is None:  # "een paar dagen" is two days, "een aantal weken" three
            n = _VAGUE_COUNT.get(re.sub(r"\s+", " ", g["n"].lower()))
            if n is None or (g["n"].lower() == "wat" and g["u"].lower() not in PLURAL_UNITS):
                return None  # "wat dagen" is a few days; "wat uur" asks the time
        return "DURATION", _dur(n, g["u"])
    if name == "ahead" and g["dir"].lower() == "na" and future is not True:
        # "Na twintig jaar stopt hij", "Na een jaar was het over": time after a story event,
        # not after the publication day -- only a future sentence counts from today
        n = _num(g["n"])
        return ("DURATION", _dur(n, g["u"])) if n is not None else None
    if name in ("ago", "ahead"):
        n = _num(g["n"])
        sign = -1 if name == "ago" else 1
        letter, is_time, mult = UNITS[g["u"].lower()]
        if is_time and g["dir"].lower() == "terug":
            return None  # "om 7 uur terug" is being back at seven
        if n is None and g["n"].lower() not in _VAGUE:
            return None  # not a number word
        if n is None and not is_time and g["dir"].lower() in ("geleden", "terug", "over"):
            n = _VAGUE_COUNT.get(re.sub(r"\s+", " ", g["n"].lower()))  # as 'enkele dagen' is P3D
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
            and not (letter == "Y" and (n > 2 or g["n"].lower() in _VAGUE))
            and not re.match(r"(?i)(?:ruim|bijna|ongeveer|circa|zo'n|meer|minder)\b", m.group())
            and g["dir"].lower() in ("geleden", "over")
            and ref is not None
            and ref.precision in ("day", "datetime")
        ):  # 'een maand geleden' on a dated article: that day a month back; 'een/twee jaar
            # geleden' too (a year-on-year comparison point), but 'dertig jaar geleden' and 'een
            # paar jaar geleden' are round or vague counts whose day would be made up: the year
            return "DATE", _add_months(ref.lo, k * (12 if letter == "Y" else 1)).isoformat()
        if letter == "D":
            return "DATE", shift_days(ref, k)
        if letter in ("W", "WE"):
            return "DATE", shift_days(ref, 7 * k)
        if letter == "M":
            return "DATE", shift_months(ref, k)
        return "DATE", shift_years(ref, k)
    if name in _CLOCKS:
        return _clock(name, g, m, ref)
    if name in ("daypart", "relpart"):
        return _daypart(name, g, ref)
    if name == "dur_u":
        return "DURATION", _dur(_num(g["n"]), "uur")
    if name in ("that_part", "part_hours"):
        return "TIME", f"XXXX-XX-XX{PARTS[g['part'].lower()]}"
    if name == "whole":
        return "DURATION", _dur(1.0, g["u"])
    if name == "multidur":
        return _multi(g, ref)
    if name == "set_every":
        unit = g["u"].lower()
        if unit in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[unit]}"
        if unit in SEASONS:
            return "SET", f"XXXX-{SEASONS[unit]}"
        n = _num(g["n"]) if g.get("n") else 1.0
        if unit == "nacht" and not g.get("n"):
            return None  # "elke nacht" is a part of day (set_word), not every 24 hours
        if unit == "weekend" and n == 1:
            return "SET", "XXXX-WXX-WE"
        return "SET", _dur(n, unit)
    if name == "set_date":
        day, month = int(g.get("d") or g["d2"]), _month(g.get("m") or g.get("m2"))
        if month is None or not _valid(2000, month, day):
            return None
        return "SET", f"XXXX-{month:02d}-{day:02d}"
    if name == "set_other":
        wd = (g.get("wd") or g.get("wd2") or "").lower()
        if wd:
            return "SET", f"XXXX-WXX-{WEEKDAYS[wd]}"
        raw = re.sub(r"\s+", " ", (g.get("n") or "").lower())
        n = (_num(raw) or _VAGUE_COUNT.get(raw)) if raw else None  # "om de paar weken"
        if raw and (n is None or n != int(n) or n < 2):
            return None
        return "SET", _dur(n or 2.0, g["u"])  # "om de week" is every other week
    if name == "set_weekends":
        return "SET", "P1WE"
    if name == "set_day":
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    if name == "set_word":
        w = g["w"].lower().replace("‘", "'").replace("’", "'")
        return "SET", SETS.get(w) or SETS[w[:-1]]
    if name == "set_times":
        return "SET", _dur(1.0, g["u"])
    if name == "present":
        return "DATE", "PRESENT_REF"
    if name == "pastref":
        return "DATE", "PAST_REF"
    if name == "futref":
        return "DATE", "FUTURE_REF"
    return None


_UNTIL = re.compile(r"(?i)\b(?:tot(?:\s+en\s+met)?|t/m|uiterlijk)\s+(?:op\s+)?$")
_LEAD_WEEKDAY = re.compile(r"(?i)(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b")


def _day(g: dict[str, str | None]) -> int | None:
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


def _month(raw: str | None) -> int | None:
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


def _nth_weekday(g: dict[str, str | None], ref: Ref | None, future: bool) -> tuple[str, str] | None:
    """'de derde woensdag van vorige maand' -> that date."""
    nth_raw = (g["nth"] or "").lower()
    nth = _NTH.get(nth_raw) or parse_ordinal(nth_raw)
    wd = WEEKDAYS[(g["wd"] or "").lower()]
    if nth_raw == "laatste" and not g.get("m") and not g.get("rel"):
        return "DATE", weekday(ref, wd, False)  # "laatste zondag": the latest one
    if g.get("m"):
        month = MONTHS[(g["m"] or "").lower()]
        year = g.get("y") or _year_for_month(ref, month, future)
    else:
        base = _period(ref, "maand", _REL_SIGN.get((g.get("rel") or "").lower(), 0))
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


_CLOCKS = (
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


def _date_prefix(ref: Ref | None) -> str:
    """The publication day a clock time or part of day is anchored to, at its precision."""
    if ref and ref.precision in ("day", "datetime"):
        return ref.value
    if ref and ref.precision == "month":
        return f"{ref.value}-XX"
    if ref:
        return f"{ref.value}-XX-XX"
    return "XXXX-XX-XX"


def _daypart(name: str, g: dict[str, str | None], ref: Ref | None) -> tuple[str, str] | None:
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


def _clock(name: str, g: dict[str, str | None], m: re.Match[str], ref: Ref | None) -> tuple[str, str] | None:
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
    date = _date_prefix(ref)
    clock = f"{h:02d}:{mi:02d}" + (f":{se:02d}" if se is not None else "")
    return "TIME", f"{date}T{clock}"


def _multi(g: dict[str, str | None], ref: Ref | None) -> tuple[str, str] | None:
    """'1 jaar, 1 maand en 21 dagen' -> P1Y1M21D; with 'geleden' the date that far back."""
    from .rules import NUM, UNIT

    parts = re.findall(rf"({NUM})\s*({UNIT})\b", g["all"] or "", flags=re.IGNORECASE)
    dates: dict[str, float] = {}
    times: dict[str, float] = {}
    shift = {"Y": 0, "M": 0, "D": 0}
    for n_raw, unit in parts:
        n = _num(n_raw)
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
            d = _add_months(ref.lo, sign * (12 * shift["Y"] + shift["M"]))
            return "DATE", (d + dt.timedelta(days=sign * shift["D"])).isoformat()
        return "DATE", shift_months(ref, sign * (12 * shift["Y"] + shift["M"]))
    return "DURATION", "P" + date_part + (f"T{time_part}" if time_part else "")


def _holiday(g: dict[str, str | None], ref: Ref | None, future: bool) -> tuple[str, str] | None:
    """'Pasen 2018', 'vorige Koningsdag', 'Kerst' (the nearest one in the tense's direction)."""
    name = g["h"] or ""
    if g.get("y"):
        day = holiday(name, int(g["y"]))  # type: ignore[arg-type]
        return ("DATE", day.isoformat()) if day else None
    rel = (g.get("rel") or "").lower()
    # 'de eropvolgende Pasen': the one following the last one, i.e. the next
    sign = {"laatste": -1, "voorgaande": -1, "eropvolgende": 1}.get(rel, _REL_SIGN.get(rel))
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
    if sign is None:
        sign = 1 if future else -1
    if sign < 0:
        day = this if this <= ref.lo else holiday(name, ref.lo.year - 1)
    else:
        day = this if this >= ref.lo else holiday(name, ref.lo.year + 1)
    return ("DATE", day.isoformat()) if day else None

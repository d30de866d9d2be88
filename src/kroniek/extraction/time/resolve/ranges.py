"""Ranges of dates and times (``van 4 tot 22 januari``, ``2014-2018``, ``13:00-15:00``).

These patterns find both ends at once so that an incomplete begin (``4``) borrows month and year
from the end (``22 januari 1995``); ``intervals.join_ranges`` then writes the two ends as one
timex with an ISO 8601 interval value. A counted stretch ("de komende twaalf jaar", "binnen drie
jaar") is one DURATION, not two dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..recognize.blocks import NUM, UNIT
from ..recognize.ranges import Piece
from ..words import MONTHS, UNITS
from .calendar import REL_SIGN, Ref, add_months, number, period_of, word_year, year_for_month
from .clock import date_prefix
from .values import VAGUE_COUNT

_NOT_TIME_AFTER = re.compile(r"(?i)\s*(?:%|procent|euro|dollar|miljoen|miljard|graden|meter|km|kilo)")


def resolve_range(name: str, m: re.Match[str], ref: Ref | None, future: bool) -> list[Piece] | None:
    """Begin and end timexes of a range match, or None when it is not a range."""
    g = m.groupdict()
    if name == "numdaterange":  # '1-10-2018 - 7-10-2018', '10/1-11/2/2017'
        d1, m1, d2, m2 = int(g["d1"]), int(g["m1"]), int(g["d2"]), int(g["m2"])
        y2 = int(g.get("y2") or g["y3"])
        y1 = int(g["y1"]) if g.get("y1") else y2 - ((m1, d1) > (m2, d2))
        try:
            a, b = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
        except ValueError:
            return None
        if not a < b:
            return None
        first_end = m.end("y1") if g.get("y1") else m.end("m1")
        return [
            (m.start("d1"), first_end, "DATE", a.isoformat()),
            (m.start("d2"), m.end(), "DATE", b.isoformat()),
        ]
    if name == "mdayrange":  # 'november 19-20'
        d1, d2, month = int(g["d1"]), int(g["d2"]), MONTHS[g["m"].lower()]
        if not 1 <= d1 < d2 <= 31:
            return None
        year = g.get("y") or year_for_month(ref, month, future, d2)
        if year.isdigit() and d2 > calendar.monthrange(int(year), month)[1]:
            return None
        return [
            (m.start(), m.end("d1"), "DATE", f"{year}-{month:02d}-{d1:02d}"),
            (m.start("d2"), m.end(), "DATE", f"{year}-{month:02d}-{d2:02d}"),
        ]
    if name == "dayrange":  # 'van 4 tot 22 januari'; 'op 5 en 6 april' is two days, no range
        if g["to"].lower() == "en" and (g.get("pre") or "").lower() == "van":
            return None
        d1, d2 = int(g["d1"]), int(g["d2"])
        month = MONTHS[g["m"].lower().rstrip(".")]
        if g.get("y") and not g["y"].isdigit():
            g["y"] = str(word_year(g["y"]) or "")
            if not g["y"]:
                return None
        if not (1 <= d1 < d2 <= 31):
            return None
        year = g.get("y") or year_for_month(ref, month, future, d2)
        return [
            (m.start("d1"), m.end("d1"), "DATE", f"{year}-{month:02d}-{d1:02d}"),
            (m.start("d2"), m.end(), "DATE", f"{year}-{month:02d}-{d2:02d}"),
        ]
    if name == "reldayrange":
        if g["to"].lower() == "en" and (g.get("pre") or "").lower() != "tussen":
            return None
        d1, d2 = int(g["d1"]), int(g["d2"])
        base = period_of(ref, "maand", REL_SIGN.get(g["rel"].lower(), 0)) or ""
        if not re.fullmatch(r"\d{4}-\d{2}", base) or not (1 <= d1 < d2 <= 31):
            return None
        if d2 > calendar.monthrange(int(base[:4]), int(base[5:]))[1]:
            return None
        return [
            (m.start(), m.end("d1"), "DATE", f"{base}-{d1:02d}"),
            (m.start("d2"), m.end(), "DATE", f"{base}-{d2:02d}"),
        ]
    if name in ("rest_of", "within"):
        if ref is None or ref.precision not in ("day", "datetime"):
            return None
        day = ref.lo
        if g.get("anchor") and g["anchor"].lower() == "morgen":
            day += dt.timedelta(days=1)  # 'binnen 3 dagen na morgen'
        elif g.get("lt") and not g.get("anchor"):
            return None  # 'minder dan drie weken' alone is a duration
        unit = g["u"].lower()
        if name == "rest_of":
            if unit == "week":
                end = day + dt.timedelta(days=7 - day.isoweekday())
            elif unit == "maand":
                end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
            else:
                end = dt.date(day.year, 12, 31)
            cut = m.start() + m.group().lower().index("rest") + 4
        else:
            n = number(g["n"])
            if n is None or n != int(n) or n <= 0:
                return None
            k, letter = int(n), UNITS[unit][0]
            if not g.get("anchor") and letter in ("D", "W", "M", "Y"):
                # "binnen drie jaar": how long it may take (DURATION), without "binnen"
                return [(m.start("n"), m.end(), "DURATION", f"P{k}{letter}")]
            if letter == "D":
                end = day + dt.timedelta(days=k)
            elif letter == "W":
                end = day + dt.timedelta(weeks=k)
            else:
                end = add_months(day, k * (12 if letter == "Y" else 1))
            cut = m.end("lt") if g.get("lt") else m.start() + len("binnen")
        return [
            (m.start(), cut, "DATE", day.isoformat()),
            (cut + 1, m.end(), "DATE", end.isoformat()),
        ]
    if name == "reln_range":
        return _reln_range(m, ref)
    if name == "future_n":  # '4 weken in de toekomst': from tomorrow through four weeks on
        n = number(g["n"])
        if ref is None or ref.precision not in ("day", "datetime") or n is None or n != int(n) or n < 1:
            return None
        letter, start = UNITS[g["u"].lower()][0], ref.lo + dt.timedelta(days=1)
        if letter in ("D", "W"):
            end = start + dt.timedelta(days=int(n) * (7 if letter == "W" else 1) - 1)
        else:
            end = add_months(start, int(n) * (12 if letter == "Y" else 1)) - dt.timedelta(days=1)
        cut = m.end("u")
        return [(m.start(), cut, "DATE", start.isoformat()), (cut + 1, m.end(), "DATE", end.isoformat())]
    if name == "within_multi":  # 'binnen 5 jaar, 1 maand en 12 dagen': from today to then
        if ref is None or ref.precision not in ("day", "datetime"):
            return None
        months = days = 0
        for n_raw, unit in re.findall(rf"({NUM})\s*({UNIT})\b", g["all"], flags=re.IGNORECASE):
            n = number(n_raw)
            letter, is_time, mult = UNITS[unit.lower()]
            if n is None or is_time or n * mult != int(n * mult) or letter not in "YMWD":
                return None
            k = int(n * mult)
            months += {"Y": 12 * k, "M": k}.get(letter, 0)
            days += {"W": 7 * k, "D": k}.get(letter, 0)
        end = add_months(ref.lo, months) + dt.timedelta(days=days)
        cut = m.start() + len("binnen")
        return [(m.start(), cut, "DATE", ref.lo.isoformat()), (cut + 1, m.end(), "DATE", end.isoformat())]
    if name == "seasonrange":  # 'seizoen 2018/19', 'schooljaar 2019-2020': two years in a row
        y1, raw = int(g["y1"]), g["y2"]
        y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
        if y2 != y1 + 1:
            return None
        season = re.search(
            r"(?i)(?:seizoen|schooljaar|studiejaar|collegejaar|competitie|jaargang|editie|winter|boekjaar)\S*\s*$",
            m.string[max(0, m.start() - 24) : m.start()],
        )
        if len(raw) == 2 and int(raw) <= 12 and g["sep"] == "-" and not season:
            return None  # '2011-12' is December 2011 unless a season precedes it
        return [
            (m.start("y1"), m.end("y1"), "DATE", f"{y1:04d}"),
            (m.start("y2"), m.end("y2"), "DATE", f"{y2:04d}"),
        ]
    if name == "yearrange":
        for key in ("y1", "y2"):
            if not g[key].isdigit():  # 'van tweeduizend tot tweeduizend veertien'
                g[key] = str(word_year(g[key]) or "")
        if not (g["y1"] and g["y2"]) or int(g["y1"]) >= int(g["y2"]):
            return None
        return [
            (m.start("y1"), m.end("y1"), "DATE", f"{int(g['y1']):04d}"),
            (m.start("y2"), m.end("y2"), "DATE", f"{int(g['y2']):04d}"),
        ]
    if name == "monthrange":
        m1, m2 = MONTHS[g["m1"].lower()], MONTHS[g["m2"].lower()]
        if g.get("y"):
            y2 = int(g["y"])
        else:
            y2 = int(y) if (y := year_for_month(ref, m2, future)).isdigit() else 0
        y1 = y2 - 1 if m1 > m2 else y2
        rel = (g.get("rel") or "").lower()
        if rel and ref is not None:  # 'van aanstaande mei tot okt 2020'
            sign = REL_SIGN.get(rel, 0)
            y1 = ref.lo.year if sign == 0 else int(year_for_month(ref, m1, sign > 0))
            if y1 > y2 or (y1 == y2 and m1 > m2):
                return None
        fmt = (lambda y, mo: f"{y:04d}-{mo:02d}") if y2 else (lambda y, mo: f"XXXX-{mo:02d}")
        return [
            (m.start("rel") if rel else m.start("m1"), m.end("m1"), "DATE", fmt(y1, m1)),
            (m.start("m2"), m.end(), "DATE", fmt(y2, m2)),
        ]
    if name == "timerange":
        pre, to = (g.get("pre") or "").lower(), g["to"].lower()
        minutes = g.get("mi1") or g.get("mi2")
        # '8-9 's ochtends', '4:00 tot 7', 'tussen 9 tot 10:30'; a bare '2-1' is a score
        if not (
            (g.get("mi1") and g.get("mi2"))
            or g.get("dp")
            or (pre and g.get("uur"))
            or (minutes and (pre or to.startswith("tot") or to == "t/m"))
        ):
            return None
        if _NOT_TIME_AFTER.match(m.string, m.end()):
            return None
        if g["to"].lower() == "en" and pre != "tussen":
            return None
        h1, h2 = int(g["h1"]), int(g["h2"])
        mi1, mi2 = int(g.get("mi1") or 0), int(g.get("mi2") or 0)
        dp = (g.get("dp") or "").lower()
        if any(p in dp for p in ("middag", "avond")):
            h1, h2 = (h1 + 12 if h1 < 12 else h1), (h2 + 12 if h2 < 12 else h2)
        if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and mi1 < 60 and mi2 < 60):
            return None
        date = date_prefix(ref)
        return [
            (
                m.start("h1"),
                m.end("mi1") if g.get("mi1") else m.end("h1"),
                "TIME",
                f"{date}T{h1:02d}:{mi1:02d}",
            ),
            (m.start("h2"), m.end(), "TIME", f"{date}T{h2:02d}:{mi2:02d}"),
        ]
    return None


def _reln_range(m: re.Match[str], ref: Ref | None) -> list[Piece] | None:
    """'de afgelopen 10 weken' -> (ref - 10 weeks, ref); 'komende 3 dagen' -> (ref+1 .. ref+3);
    decades count whole decades ('de afgelopen 2 decennia' in 2016 -> 199, 200)."""
    g = m.groupdict()
    if g.get("n2"):  # '5 aankomende jaren'
        g["n"], g["rel"] = g["n2"], g["rel2"]
    raw = re.sub(r"\s+", " ", (g["n"] or "").lower())
    # 'de afgelopen paar dagen' counts two; 'het komende uur' one (other units without a count
    # are periods: 'de komende dagen')
    n = (number(raw) or VAGUE_COUNT.get(raw)) if raw else (1.0 if g["u"].lower() == "uur" else None)
    if ref is None or ref.precision not in ("day", "datetime") or n is None:
        return None
    if n != int(n) or not 1 <= n <= 100:
        return None
    k, unit = int(n), g["u"].lower()
    if raw or unit == "uur":
        # "de komende twaalf jaar", "de afgelopen 24 uur", "het komende uur": a stretch of time
        letter, clock, mult = UNITS[unit]
        value = k * mult
        count = f"{value:g}" if value != int(value) else str(int(value))
        return [(m.start(), m.end(), "DURATION", f"PT{count}{letter}" if clock else f"P{count}{letter}")]
    past = g["rel"].lower() in ("afgelopen", "voorbije", "laatste", "vorige")
    day = ref.lo
    if UNITS[unit][1]:  # 'de afgelopen 24 uur': from the publication time, when it has one
        if ref.time is None:
            return None
        now = dt.datetime.fromisoformat(f"{ref.value}T{ref.time}")
        delta = dt.timedelta(**{{"H": "hours", "M": "minutes", "S": "seconds"}[UNITS[unit][0]]: k})
        lo_t, hi_t = (now - delta, now) if past else (now, now + delta)
        lo, hi = (t.isoformat(timespec="seconds" if unit == "seconden" else "minutes") for t in (lo_t, hi_t))
        cut = m.end("rel") if g.get("rel2") is None else m.end("rel2")
        return [(m.start(), cut, "TIME", lo), (cut + 1, m.end(), "TIME", hi)]
    if unit.startswith("decenni"):
        dec = day.year // 10
        a, b = (dec - k, dec - 1) if past else (dec + 1, dec + k)
        lo, hi = f"{a:03d}", f"{b:03d}"
    else:
        letter = UNITS[unit][0]
        if past:
            end = day
            if letter in ("D", "W"):
                start = day - dt.timedelta(days=k * (7 if letter == "W" else 1))
            else:
                start = add_months(day, -k * (12 if letter == "Y" else 1))
        else:
            start = day + dt.timedelta(days=1)
            if letter in ("D", "W"):
                end = start + dt.timedelta(days=k * (7 if letter == "W" else 1) - 1)
            else:
                end = add_months(start, k * (12 if letter == "Y" else 1)) - dt.timedelta(days=1)
        lo, hi = start.isoformat(), end.isoformat()
    cut = m.end("rel") if g.get("rel2") is None else m.end("rel2")
    return [(m.start(), cut, "DATE", lo), (cut + 1, m.end(), "DATE", hi)]

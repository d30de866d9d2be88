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
from dataclasses import dataclass

from ..model import Document, PublishedDate, Timex
from .numbers_nl import parse_number, parse_ordinal
from .pipeline import stage
from .timex_rules import (DECADES, FUTURE_RE, HOUR_WORDS, MONTHS, PARTS, PATTERNS, PLURAL_UNITS,
                          SEASONS, SETS, UNITS, WEEKDAYS)

_DROP_PREFIX = re.compile(r"(?i)^(?:in|op|om|per|rond|omstreeks|tegen|de|het|in\s+de|in\s+het)\s+")


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


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    import calendar

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
    lo, hi = _add_months(ref.lo, months), _add_months(ref.hi, months)
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


def weekday(ref: Ref | None, wd: int, future: bool, rel: str = "") -> str:
    if ref is None:
        return f"XXXX-WXX-{wd}"
    if ref.precision not in ("day", "datetime"):
        return _fmt(ref.lo, ref.hi)
    cur = ref.lo.isoweekday()
    if rel in ("vorige", "vorig", "verleden"):
        delta = wd - cur - 7
    elif rel in ("volgende", "volgend"):
        delta = wd - cur + 7
    elif future or rel in ("komende", "komend", "aanstaande", "eerstvolgende", "eerstkomende"):
        delta = (wd - cur) % 7
    else:
        delta = -((cur - wd) % 7)
    return (ref.lo + dt.timedelta(days=delta)).isoformat()


def _year_for_month(ref: Ref | None, month: int, future: bool, day: int | None = None) -> str:
    if ref is None:
        return "XXXX"
    y = ref.lo.year
    if ref.precision == "year":
        return f"{y:04d}"
    here = (ref.lo.month, ref.lo.day if ref.precision in ("day", "datetime") else 31)
    there = (month, day or 1)
    if future and there < (ref.lo.month, ref.lo.day if day else 1):
        y += 1
    elif not future and there > here:
        y -= 1
    return f"{y:04d}"


def _num(s: str | None) -> float | None:
    if not s:
        return None
    low = s.lower().strip()
    if low in ("enkele", "een paar", "paar"):
        return None
    if re.fullmatch(r"een\s+halve?", low):
        return 0.5
    return parse_number(low)


def _dur(n: float | None, unit: str) -> str:
    letter, is_time, mult = UNITS[unit.lower()]
    qty = "X" if n is None else (f"{n * mult:g}".replace(",", "."))
    if letter == "WE":
        return f"P{qty}WE"
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"


_REL_SIGN = {"vorige": -1, "vorig": -1, "verleden": -1, "afgelopen": -1, "voorbije": -1,
             "jongstleden": -1, "volgende": 1, "volgend": 1, "komende": 1, "komend": 1,
             "aanstaande": 1, "eerstvolgende": 1, "eerstkomende": 1, "deze": 0, "dit": 0,
             "huidige": 0, "lopende": 0}


def _period(ref: Ref | None, unit: str, sign: int) -> str | None:
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


def resolve(name: str, m: re.Match[str], ref: Ref | None, future: bool) -> tuple[str, str] | None:
    """TIMEX3 (type, value) for one grammar match, or None when the match is not a timex."""
    g = m.groupdict()
    low = m.group().lower()
    if name in ("iso", "numdate", "date", "date_words", "dayonly"):
        if name == "date_words":
            day = parse_ordinal(g["dw"])
        else:
            day = int(g["d"])
        month = MONTHS[g["m"].lower().rstrip(".")] if g.get("m") and not g["m"].isdigit() else (
            int(g["m"]) if g.get("m") else None)
        if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
            return None
        if month is None:
            if ref is None or ref.precision == "year":
                return "DATE", f"XXXX-XX-{day:02d}"
            return "DATE", f"{ref.lo.year:04d}-{ref.lo.month:02d}-{day:02d}"
        y = g.get("y") or (("20" + g["y2"]) if g.get("y2") else None)
        if y and len(y) == 2:
            y = ("20" if int(y) < 50 else "19") + y
        year = y or _year_for_month(ref, month, future, day)
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    if name in ("month_year", "month"):
        month = MONTHS[g["m"].lower().rstrip(".")]
        if g.get("y"):
            return "DATE", f"{g['y']}-{month:02d}"
        rel = (g.get("rel") or "").lower()
        fut = future or _REL_SIGN.get(rel, 0) > 0
        if rel and _REL_SIGN.get(rel) == -1:
            fut = False
        year = _year_for_month(ref, month, fut)
        return "DATE", f"{year}-{month:02d}"
    if name == "year":
        return "DATE", g["y"]
    if name == "decade":
        d = g["dec"].lower()
        digit = DECADES.get(d) or int(d[0])
        return "DATE", f"19{digit}"
    if name == "century":
        n = int(g["c"]) if g.get("c") else parse_ordinal(g["cw"])
        return ("DATE", f"{n - 1:02d}") if n else None
    if name == "quarter":
        q = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}[g["q"].lower()]
        year = g.get("y") or (shift_years(ref, _REL_SIGN.get((g.get("rel") or "").lower(), 0)))
        return "DATE", f"{year}-Q{q}"
    if name == "weekno":
        year = g.get("y") or shift_years(ref, 0)
        return "DATE", f"{year}-W{int(g['w']):02d}"
    if name == "season":
        rel = (g.get("rel") or "").lower()
        if not g.get("y") and rel not in _REL_SIGN:
            return None
        year = g.get("y") or shift_years(ref, _REL_SIGN.get(rel, 0))
        return "DATE", f"{year}-{SEASONS[g['s'].lower()]}"
    if name == "relday":
        w = g["w"].lower()
        offset = {"eergisteren": -2, "gisteren": -1, "gister": -1, "vandaag": 0, "morgen": 1,
                  "overmorgen": 2}.get(w, 0)
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
        fut = future or suf in ("a.s.", "aanstaande")
        if suf in ("jl.", "j.l.", "jongstleden"):
            fut = False
        value = weekday(ref, WEEKDAYS[g["wd"].lower()], fut, rel)
        part = (g.get("part") or "").lower() or (suf.split()[-1] if suf and suf.split()[-1] in PARTS
                                               else "")
        if part and re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-WXX-\d", value):
            return "TIME", f"{value}{PARTS[part]}"
        return "DATE", value
    if name == "relperiod":
        rel, unit = g["rel"].lower(), g["u"].lower()
        if unit in PLURAL_UNITS:
            return "DURATION", f"PX{PLURAL_UNITS[unit]}" if PLURAL_UNITS[unit] not in (
                "H", "S") and unit != "minuten" else f"PTX{PLURAL_UNITS[unit]}"
        if unit in ("tijd", "periode"):
            return ("DATE", "PRESENT_REF") if _REL_SIGN.get(rel) == 0 else (
                "DATE", "PAST_REF" if _REL_SIGN.get(rel) == -1 else "FUTURE_REF")
        value = _period(ref, unit, _REL_SIGN.get(rel, 0))
        return ("DATE", value) if value else None
    if name in ("reln", "duration", "since_n"):
        n = _num(g["n"])
        if n is None and g["n"].lower() not in ("enkele", "een paar", "paar"):
            return None
        return "DURATION", _dur(n, g["u"])
    if name in ("ago", "ahead"):
        n = _num(g["n"])
        sign = -1 if name == "ago" else 1
        letter, is_time, mult = UNITS[g["u"].lower()]
        if n is None or is_time:
            if is_time and n is not None and ref and ref.time:
                return "TIME", (dt.datetime.fromisoformat(f"{ref.value}T{ref.time}")
                                + sign * dt.timedelta(**{{"H": "hours", "M": "minutes",
                                                           "S": "seconds"}[letter]: n * mult})
                                ).isoformat(timespec="minutes")
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        k = int(round(n * mult)) * sign
        if letter == "D":
            return "DATE", shift_days(ref, k)
        if letter in ("W", "WE"):
            return "DATE", shift_days(ref, 7 * k)
        if letter == "M":
            return "DATE", shift_months(ref, k)
        if letter == "Y":
            return "DATE", shift_years(ref, k)
        if letter == "DE":
            return "DATE", shift_years(ref, 10 * k)
        return "DATE", shift_years(ref, 100 * k)
    if name in ("clock", "clock_h", "clock_half"):
        h = int(g["h"]) if g["h"].isdigit() else HOUR_WORDS[g["h"].lower()]
        mi = int(g.get("mi") or 0)
        if name == "clock" and not (g.get("uur") or re.match(r"(?i)\w", low) or ":" in low):
            return None
        if name == "clock_half":
            if g.get("half"):
                h, mi = h - 1, 30
            if g.get("k"):
                k = {"kwart": 15, "tien": 10, "vijf": 5}[g["k"].lower()]
                mi += k if g["kd"].lower() == "over" else -k
                if mi < 0:
                    h, mi = h - 1, mi + 60
            if not (g.get("half") or g.get("k")):
                return None
        dp = (g.get("dp") or "").lower()
        if any(p in dp for p in ("middag", "avond")) and h < 12:
            h += 12
        if "nacht" in dp and h == 12:
            h = 0
        if not (0 <= h <= 24 and 0 <= mi < 60):
            return None
        date = ref.value if ref and ref.precision in ("day", "datetime") else (
            f"{ref.value}-XX" if ref and ref.precision == "month" else "XXXX-XX-XX")
        if ref and ref.precision == "year":
            date = f"{ref.value}-XX-XX"
        return "TIME", f"{date}T{h:02d}:{mi:02d}"
    if name == "set_every":
        unit = g["u"].lower()
        if unit in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[unit]}"
        if unit in SEASONS:
            return "SET", f"XXXX-{SEASONS[unit]}"
        n = _num(g["n"]) if g.get("n") else 1.0
        return "SET", _dur(n, unit)
    if name == "set_day":
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    if name == "set_word":
        return "SET", SETS[g["w"].lower()]
    if name == "set_times":
        return "SET", _dur(1.0, g["u"])
    if name == "present":
        return "DATE", "PRESENT_REF"
    if name == "pastref":
        return "DATE", "PAST_REF"
    if name == "futref":
        return "DATE", "FUTURE_REF"
    return None


_KEEP_PREP = {"sinds", "vanaf", "tot", "van", "na", "voor", "eind", "begin", "medio", "halverwege"}


def _trim(name: str, start: int, text: str) -> tuple[int, str]:
    """Drop plain prepositions and articles from the front of a span (keep sinds/vanaf/tot)."""
    plural = re.search(r"(?i)(?:jaren|weken|maanden|dagen|uren|decennia|eeuwen)$", text)
    if name in ("plural_dur", "reln") or (name == "relperiod" and plural):
        m = re.match(r"(?i)^(?:in|op)\s+", text)
    else:
        m = _DROP_PREFIX.match(text)
    if m and not re.match(r"(?i)^(?:de|het)\s+(?:\d|jaren\b|eerste|tweede|derde|vierde|laatste)",
                          text) and name not in ("decade", "century", "present", "set_word"):
        return start + m.end(), text[m.end():]
    if name == "year" and text.startswith("("):
        return start + 1, text[1:]
    return start, text


def find_in_text(text: str, published: PublishedDate | None,
                 sentences: list[tuple[int, int]] | None = None) -> list[Timex]:
    """All timexes in ``text``, longest match first, resolved against ``published``."""
    ref = Ref.of(published)
    sents = sentences or [(0, len(text))]
    starts = [s for s, _ in sents]
    future_cache: dict[int, bool] = {}
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    for order, (name, rx) in enumerate(PATTERNS):
        for m in rx.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), m.end(), order, name, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    for start, end, _, name, m in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        si = max(0, bisect_right(starts, start) - 1)
        if si not in future_cache:
            s, e = sents[si]
            future_cache[si] = bool(FUTURE_RE.search(text, s, e))
        res = resolve(name, m, ref, future_cache[si])
        if res is None:
            continue
        taken.append((start, end))
        s2, span = _trim(name, start, m.group())
        out.append(Timex(start=s2, end=s2 + len(span), text=span, type=res[0], value=res[1]))
    out.sort(key=lambda t: t.start)
    return out


def _figure_times(doc: Document) -> None:
    """Give each figure the DATE/TIME timex nearest to it in its sentence."""
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
        near = [t for t in doc.timexes if s <= t.start < e and t.type in ("DATE", "TIME")
                and t.value not in ("PAST_REF", "FUTURE_REF")]
        if not near:
            figures.append(f)
            continue
        t = min(near, key=lambda t: abs(t.start - f.start))
        value = t.value
        if value == "PRESENT_REF":
            value = doc.published.value if doc.published else value
        figures.append(dataclasses.replace(f, time=value))
    doc.figures = figures


@stage("timexes", requires={"sentences"}, provides={"timexes"}, version=1)
def find_timexes(doc: Document) -> Document:
    """Fill ``doc.timexes``; also date the figures found earlier in the same sentences."""
    sents = [(s.start, s.end) for s in doc.sentences]
    doc.timexes = find_in_text(doc.text, doc.published, sents)
    _figure_times(doc)
    return doc

"""Score kroniek's Dutch number and time grammars on the Microsoft Recognizers-Text Dutch specs.

    python bench/recognizers.py [--failures N]

Reads ../shared/corpora/recognizers-text-nl (or $KRONIEK_CORPORA/recognizers-text-nl) and prints,
per spec file, two pass rates:

* ``value``: the expected span (``Text``) given to our grammar on its own, or our extraction
  from ``Input`` overlapping it, yields the expected value; this is the bar (>= 90 % DateTime, >= 95 % Number);
* ``e2e``: running our extractor over the whole ``Input`` yields, for every expected result, a
  match that overlaps it with the expected value (and nothing when none is expected).

TIMEX comparison: equal strings pass; an underspecified expected value (``XXXX-10-02``) also
passes with one of its past/future resolutions (we resolve against the reference date); times
compare their clock part (we anchor ``T15:30`` to a date); date ranges compare the interval of
days they denote (``2016-W45`` equals ``(2016-11-07,2016-11-14,P1W)``, the half year ``2019-H2``
equals ``(2019-07-01,2020-01-01,P6M)``). A range with a modifier
(``sinds augustus``, ``voor begin september``, ``half november``) writes its past/future
resolutions as ``start``/``end`` edges only, not as values: the underspecified timex (``XXXX-08``)
then passes with the year an edge in that month, or just after it, gives it (``2016-08``;
``na feb`` starts on 1 March); the modifier itself is
not compared (nor is it anywhere else). A counted stretch ("de komende 3 dagen", "binnen 5
dagen", "de afgelopen 2 decennia") is a DURATION in news (issue 17's guide: "de komende N jaar" ->
PNY); it passes when its length is that of the specs' range (P3D against a range of three days).
Parts of day
compare like clocks (``2016-11-07TMO`` equals ``TMO``; likewise a season of no known year,
``XXXX-SU``, equals the specs' ``SU``), and a dated one equals the interval the
specs give that part (MO 08-12, AF 12-16, EV 16-20, NI 20-24 h on that day). Periods of years
and months compare by their months (a SET ``P6M`` equals ``P0.5Y``).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from kroniek.analysis.number_ranges import parse_range
from kroniek.analysis.numbers import (
    find_numbers,
    parse_number,
    parse_ordinal,
    parse_relative_ordinal,
)
from kroniek.extraction.time import find_in_text
from kroniek.model import PublishedDate

DATETIME_FILES = [
    "DateParser",
    "TimeParser",
    "DurationParser",
    "SetParser",
    "DatePeriodParser",
    "DateTimeModel",
]
NUMBER_FILES = ["NumberModel", "OrdinalModel", "PercentModel", "NumberRangeModel"]


def corpus_dir() -> Path:
    base = os.environ.get("KRONIEK_CORPORA")
    root = Path(base) if base else Path(__file__).resolve().parents[2] / "shared" / "corpora"
    return root / "recognizers-text-nl"


def load(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


# --- numbers ---------------------------------------------------------------------------------


def _num(s: str) -> float | None:
    s = s.strip().rstrip("%").replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def number_value(kind: str, text: str) -> float | None:
    if kind == "OrdinalModel" or kind == "OrdinalModelSuppressExtendedTypes":
        v = parse_ordinal(text)
        return float(v) if v is not None else None
    if kind.startswith("Percent"):
        m = re.match(r"(?i)^(.*?)\s*(?:%|procent|percent)$", text.strip())
        return parse_number(m.group(1)) if m else None
    return parse_number(text)


def score_numbers(kind: str, cases: list[dict[str, Any]]) -> tuple[int, int, int, int, list[str]]:
    ok_v = n_v = ok_e = 0
    fails: list[str] = []
    for case in cases:
        results = case.get("Results") or []
        if kind == "NumberRangeModel":
            if results:
                n_v += 1
                got_r = [parse_range(r["Text"]) for r in results]
                want = [str(r["Resolution"].get("value")) for r in results]
                if got_r == want:
                    ok_v += 1
                else:
                    fails.append(f"{case['Input']!r}: {[r['Text'] for r in results]} -> {got_r}")
            continue
        raw = [str(r["Resolution"].get("value", "")) for r in results]
        expected = [_num(v) for v in raw]
        if results:
            n_v += 1
            got: list[Any] = [number_value(kind, r["Text"]) for r in results]
            # position words resolve to offsets ("end-1", "current+1"): compared as strings
            got = [
                parse_relative_ordinal(r["Text"]) if e is None and kind.startswith("Ordinal") else g
                for g, e, r in zip(got, expected, results, strict=True)
            ]
            if all(
                g == v if e is None and isinstance(g, str) else _close(g, e)
                for g, e, v in zip(got, expected, raw, strict=True)
            ):
                ok_v += 1
            else:
                fails.append(f"{case['Input']!r}: {[r['Text'] for r in results]} -> {got}")
        if kind == "NumberModel":
            found = [n.value for n in find_numbers(case["Input"])]
            ok_e += len(found) == len(expected) and all(map(_close, found, expected))
    return ok_v, n_v, ok_e, len(cases), fails


# --- time ------------------------------------------------------------------------------------


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX DATE value denotes, end exclusive (as the specs write ranges)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = dt.date(*map(int, m.groups()))
            return d, d + dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + dt.timedelta(days=7)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return d, d + dt.timedelta(days=2)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]) + dt.timedelta(1)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return (
                (dt.date(y, 1, 1), dt.date(y, 7, 1)) if h == 1 else (dt.date(y, 7, 1), dt.date(y + 1, 1, 1))
            )
        if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
            y, q = int(m[1]), int(m[2])
            end = dt.date(y + 1, 1, 1) if q == 4 else dt.date(y, 3 * q + 1, 1)
            return dt.date(y, 3 * q - 2, 1), end
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 1, 1, 1)
        if m := re.fullmatch(r"(\d{2})", value):
            return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 100, 1, 1)
        if m := re.fullmatch(r"(\d{3})", value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 10, 1, 1)
    except ValueError:
        return None
    return None


def _clock(value: str) -> str | None:
    m = re.search(r"T(\d{2})(?::(\d{2}))?(?::(\d{2}))?$", value)
    if not m:
        return None
    return f"{m[1]}:{m[2] or '00'}:{m[3] or '00'}"


_RANGE_KEYS = (
    ("start", "end"),
    ("startDate", "endDate"),
    ("startDateTime", "endDateTime"),
    ("startTime", "endTime"),
)


def _edges(res: dict[str, Any]) -> list[str]:
    """The days a resolution's start/end edges fall on, and the last days before them (an edge
    that ends a period is exclusive: 'na feb' starts on 1 March)."""
    out = []
    for key in ("start", "end"):
        raw = str(res.get(key) or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            out.append(raw)
            try:
                out.append((dt.date.fromisoformat(raw) - dt.timedelta(days=1)).isoformat())
            except ValueError:
                pass
    return out


def expected_forms(result: dict[str, Any]) -> tuple[set[str], set[tuple[str, str]], set[float]]:
    """Acceptable value strings, (start, end) pairs and durations in seconds for one result."""
    values: set[str] = set()
    ranges: set[tuple[str, str]] = set()
    seconds: set[float] = set()
    if "Resolution" in result:  # *Model files
        resolutions = list(result["Resolution"].get("values") or [])
        for v in resolutions:
            for key in ("timex", "value"):
                if v.get(key):
                    values.add(str(v[key]))
    else:  # *Parser files
        val = result.get("Value") or {}
        if val.get("Timex"):
            values.add(val["Timex"])
        resolutions = [val.get("FutureResolution") or {}, val.get("PastResolution") or {}]
        for res in resolutions:
            for key in ("date", "time", "datetime"):
                if res.get(key):
                    values.add(str(res[key]))
    for res in resolutions:
        for a, b in _RANGE_KEYS:
            if res.get(a) and res.get(b):
                ranges.add((str(res[a]), str(res[b])))
        if res.get("duration"):
            seconds.add(float(res["duration"]))
        tx = str(res.get("timex") or "")
        for edge in _edges(res):
            filled = edge[:4] + tx[4:]  # 'sinds augustus': XXXX-08 resolved to 2016-08
            if tx.startswith("XXXX-") and edge[5:7] == tx[5:7]:
                if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", filled):
                    values.add(filled)
        if res.get("type") == "duration" and res.get("value"):
            seconds.add(float(res["value"]))
    for v in list(values):
        if m := re.fullmatch(r"\((\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),P\w+\)", v):
            ranges.add((m[1], m[2]))
    return values, ranges, seconds


_SECONDS = {"Y": 365 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400}
_TSECONDS = {"H": 3600, "M": 60, "S": 1}


def _duration_seconds(value: str) -> float | None:
    m = re.fullmatch(
        r"P(?:([\d.]+Y)?([\d.]+M)?([\d.]+W)?([\d.]+D)?)(?:T([\d.]+H)?([\d.]+M)?"
        r"([\d.]+S)?)?",
        value,
    )
    if not m or value in ("P", "PT"):
        return None
    total = 0.0
    for part, table in ((m.groups()[:4], _SECONDS), (m.groups()[4:], _TSECONDS)):
        for p in part:
            if p:
                total += float(p[:-1]) * table[p[-1]]
    return total


def _months(value: str) -> float | None:
    """Months in a period of years and months only: P6M and P0.5Y are both 6."""
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?", value)
    if not m or not (m[1] or m[2]):
        return None
    try:
        return 12 * float(m[1] or 0) + float(m[2] or 0)
    except ValueError:
        return None


def _reps(value: str) -> set[str]:
    """Ways the specs write the start (and end) of what ``value`` denotes."""
    out = {value}
    if value.startswith("XXXX-XX-XX") and len(value) > 10:
        out.add(value[10:])  # an unknown date is the same as none: XXXX-XX-XXTMO == TMO
    if re.fullmatch(r"XXXX-(?:SU|WI|SP|FA)", value):
        out.add(value[5:])  # and an unknown year: XXXX-SU == SU
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?", value):
        out.add(f"{m[1]} {m[2]}:{m[3]}:{m[4] or '00'}")
    if clock := _clock(value):
        out.add(clock)
    if m := _DAY_PART.fullmatch(value):
        out.add(m[2])  # a part of day anchored to a day, as clocks are: 2016-11-07TMO ~ TMO
        if "X" not in m[1]:
            out.add(f"{m[1]} {_PART_HOURS[m[2]][0]}")
    if iv := _interval(value):
        out.add(iv[0].isoformat())
    return out


#: the hours the specs give the parts of day (MO 08-12, AF 12-16, EV 16-20, NI 20-24)
_PART_HOURS = {
    "TMO": ("08:00:00", "12:00:00"),
    "TAF": ("12:00:00", "16:00:00"),
    "TEV": ("16:00:00", "20:00:00"),
    "TNI": ("20:00:00", "23:59:59"),
}
_DAY_PART = re.compile(r"((?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX))(T(?:MO|AF|EV|NI))")


def _end_reps(value: str) -> set[str]:
    out = _reps(value)
    if (m := _DAY_PART.fullmatch(value)) and "X" not in m[1]:
        out.add(f"{m[1]} {_PART_HOURS[m[2]][1]}")
    if iv := _interval(value):
        out.add(iv[1].isoformat())
    return out


def timex_matches(value: str, result: dict[str, Any]) -> bool:
    return group_matches([value], result)


def group_matches(found: list[str], result: dict[str, Any]) -> bool:
    """Whether one of our values, or our first and last value as a range, is the expected one.
    A range we write as one ISO 8601 interval (``2014/2017``) counts as its two ends."""
    found = [end for value in found for end in value.split("/")]
    values, ranges, seconds = expected_forms(result)
    for value in found:
        if value in values or _reps(value) & values:
            return True
        clock = _clock(value)
        if clock and any(_clock(v) == clock or v == clock for v in values if "T" in v or ":" in v):
            return True
        secs = _duration_seconds(value)
        if secs is not None and any(abs(secs - s) < 1 for s in seconds):
            return True
        months = _months(value)
        if months is not None and any(_months(v) == months for v in values):
            return True
        iv = _interval(value)
        if iv and (iv[0].isoformat(), iv[1].isoformat()) in ranges:
            return True
    if found and ranges:
        first, last = _reps(found[0]), _end_reps(found[-1])
        if any(a in first and b in last for a, b in ranges):
            return True
        if any(_stretch(v) is not None and _stretch(v) in {_span(a, b) for a, b in ranges} for v in found):
            return True
    return False


def _stretch(value: str) -> tuple[str, float] | None:
    """A DURATION as (calendar unit, count): P3M -> ('M', 3), P2W -> ('D', 14), PT5M -> ('S', 300)."""
    m = re.fullmatch(r"P(\d+)([YMWD])|PT(\d+)([HMS])", value)
    if not m:
        return None
    if m[1]:
        n, u = int(m[1]), m[2]
        return ("M", 12 * n) if u == "Y" else ("M", n) if u == "M" else ("D", 7 * n if u == "W" else n)
    return ("S", int(m[3]) * {"H": 3600, "M": 60, "S": 1}[m[4]])


def _span(a: str, b: str) -> tuple[str, float] | None:
    """The length of a spec range: whole months when both edges fall on the same day of the month,
    else days; seconds for clock times."""
    try:
        if "T" in a or " " in a.strip() or ":" in a:
            x, y = (dt.datetime.fromisoformat(v.replace(" ", "T")) for v in (a, b))
            return ("S", (y - x).total_seconds())
        x, y = dt.date.fromisoformat(a[:10]), dt.date.fromisoformat(b[:10])
    except ValueError:
        return None
    if x.day == y.day:
        return ("M", (y.year - x.year) * 12 + y.month - x.month)
    return ("D", (y - x).days)


def _ref(case: dict[str, Any]) -> PublishedDate | None:
    raw = (case.get("Context") or {}).get("ReferenceDateTime")
    if not raw:
        return None
    return PublishedDate.parse(raw[:19])


def score_time(cases: list[dict[str, Any]]) -> tuple[int, int, int, int, list[str]]:
    ok_v = n_v = ok_e = 0
    fails: list[str] = []
    for case in cases:
        results = case.get("Results") or []
        ref = _ref(case)
        found = find_in_text(case["Input"], ref)
        if not results:
            ok_e += not found
            continue
        n_v += 1
        good = True
        got_all = []
        for r in results:
            start = case["Input"].find(r["Text"]) if "Start" not in r else r["Start"]
            end = start + len(r["Text"])
            own = find_in_text(r["Text"], ref) + [t for t in found if t.start < end and start < t.end]
            got_all.append([t.value for t in own])
            iso = find_in_text(r["Text"], ref)
            near = [t for t in found if t.start < end and start < t.end]
            if not (group_matches([t.value for t in iso], r) or group_matches([t.value for t in near], r)):
                good = False
        ok_v += good
        if not good:
            fails.append(f"{case['Input']!r}: {[r['Text'] for r in results]} -> {got_all}")
        e2e = True
        for r in results:
            start = case["Input"].find(r["Text"]) if "Start" not in r else r["Start"]
            end = start + len(r["Text"])
            if not group_matches([t.value for t in found if t.start < end and start < t.end], r):
                e2e = False
        ok_e += e2e
    return ok_v, n_v, ok_e, len(cases), fails


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", type=int, default=0, help="show N failing cases per file")
    args = ap.parse_args(argv)
    root = corpus_dir()
    if not root.is_dir():
        print(f"skipped: {root} not found (set KRONIEK_CORPORA)")
        return 0
    print(f"{'spec file':<34}{'value':>16}{'e2e':>16}")
    for group, names in (("DateTime", DATETIME_FILES), ("Number", NUMBER_FILES)):
        tv = tn = 0
        for name in names:
            path = root / group / "Dutch" / f"{name}.json"
            if not path.exists():
                print(f"{name:<34} missing")
                continue
            cases = load(path)
            if group == "Number":
                ok_v, n_v, ok_e, n_c, fails = score_numbers(name, cases)
            else:
                ok_v, n_v, ok_e, n_c, fails = score_time(cases)
            tv, tn = tv + ok_v, tn + n_v
            e2e = (
                f"{ok_e}/{n_c} {100 * ok_e / n_c:5.1f}%"
                if group == "DateTime" or name == "NumberModel"
                else "-"
            )
            print(f"{group + '/' + name:<34}{ok_v:>5}/{n_v:<4}{100 * ok_v / max(n_v, 1):5.1f}%{e2e:>16}")
            for line in fails[: args.failures]:
                print("    FAIL", line[:200])
        print(f"{group + ' total':<34}{tv:>5}/{tn:<4}{100 * tv / max(tn, 1):5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

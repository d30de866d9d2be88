"""Figure series and disagreement: reported figures that count the same thing, across sources.

A figure's series key is what it counts — the head of its counted noun ("IS-strijders" and
"strijders van IS" both count *strijder*), what names it (the entities in its subject: IS) and
where (its first place): ``strijder|islamitische staat|syrie``. Figures of one series are
compared as intervals that respect their qualifiers: "minder dan 1.000" is [0, 1000), "ongeveer
900" [765, 1035], "3.000" [2850, 3150]. Two reports from different sources whose periods overlap
and whose intervals do not are a **disagreement**; reports of one series from periods that do not
overlap and whose intervals do not meet are a **change** (the series moves).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from kroniek.store.stemming import stem_word

from .keys import name_key

#: Reports dated this many days apart (or less) speak of the same time ("nog actief").
SAME_TIME_DAYS = 7
#: Relative slack of a figure's value by qualifier (an exact "3.000" is rarely exact).
_SLACK = {"exact": 0.05, "about": 0.15, "almost": 0.0}
_WORD = re.compile(r"[\w'’]+")
_SMALL = frozenset("de het een van in op uit voor met aan bij en of naar door over".split())


def series_key(unit: str | None, subject: str | None, entities: list[str], place: list[str]) -> str | None:
    """The key of what a figure counts, or None when it names nothing specific enough."""
    words = _WORD.findall((unit or subject or "").lower())
    if not words:
        return None
    head = words[-1] if unit else words[0]
    parts = head.split("-")
    head_stem = stem_word(parts[-1])
    mods = sorted({name_key(e) for e in entities} | {name_key(p) for p in parts[:-1] if len(p) > 1})
    where = name_key(place[0]) if place else ""
    if not mods and not where:
        return None  # "300 mensen" alone is no series anyone can disagree about
    return f"{head_stem}|{','.join(mods)}|{where}"


@dataclass(frozen=True)
class Report:
    """One figure as a side of a comparison."""

    article: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    time: str | None
    source_chain: tuple[str, ...]
    source: str  # the innermost reporter, else the outlet

    def interval(self) -> tuple[float, float]:
        return interval(self.value, self.value_max, self.qualifier)

    def period(self) -> tuple[dt.date, dt.date] | None:
        return period(self.time)


def interval(value: float, value_max: float | None, qualifier: str | None) -> tuple[float, float]:
    """The values a reported figure allows, by its qualifier: "minder dan 1.000" [0, 1000),
    "ongeveer 900" [765, 1035], "3.000" [2850, 3150]; open-ended sides are infinite."""
    v, q = value, qualifier or "exact"
    if q == "range" and value_max is not None:
        return v, value_max
    if q == "less_than":
        return 0.0, v * (1 - 1e-9)
    if q == "at_most":
        return 0.0, v
    if q == "more_than":
        return v * (1 + 1e-9), math.inf
    if q == "at_least":
        return v, math.inf
    if q == "almost":
        return v * 0.9, v
    slack = _SLACK.get(q, 0.05)
    return v * (1 - slack), v * (1 + slack)


def period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers: '2017-12' -> 1..31 December 2017."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = dt.date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        nxt = dt.date(y + mo // 12, mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def compare(a: Report, b: Report) -> str | None:
    """'disagreement', 'change' or None (they agree, or say nothing comparable)."""
    pa, pb = a.period(), b.period()
    if pa is None or pb is None or (a.unit or "") != (b.unit or "") and not (a.unit and b.unit):
        return None
    if overlap(a.interval(), b.interval()):
        return None
    slack = dt.timedelta(days=SAME_TIME_DAYS)
    same_time = pa[0] - slack <= pb[1] and pb[0] - slack <= pa[1]
    if same_time:
        return "disagreement" if a.source.lower() != b.source.lower() else None
    return "change"

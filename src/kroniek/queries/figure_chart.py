"""A reported figure as a chart: one line per source, each point with the interval its qualifier
allows, and the points where sources disagree marked.

Whether two figures disagree is the chronicle's decision, made in one place
(:func:`kroniek.chronicle.series.compare`, listed by :func:`.chronicle.conflicts`): they count
the same thing (one figure series: "strijders van IS in Syrië"), speak of the same time, come
from different sources, and the values their qualifiers allow do not overlap — "minder dan
1.000" and "3.000" cannot both be right; "minder dan 1.000" and "ongeveer 900" can. Figures the
chronicle keys into no series (a bare "300 mensen") are drawn but never disputed.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field

from kroniek.chronicle.series import interval
from kroniek.model import PublishedDate
from kroniek.store.filters import date_bound

from .chronicle import conflicts
from .facts import FigureMatch, figure_series


@dataclass(frozen=True)
class FigurePoint:
    figure: FigureMatch
    day: str  # the first day of the article's date, for the x axis
    low: float | None  # the least and most the figure allows; None where it is open-ended
    high: float | None
    disputed_by: list[int] = field(default_factory=list)  # indexes into FigureChart.points


@dataclass(frozen=True)
class Disagreement:
    a: int  # indexes into FigureChart.points, a's date first
    b: int
    days_apart: int


@dataclass(frozen=True)
class FigureChart:
    about: str | None
    sources: list[str]  # one line each, most points first
    points: list[FigurePoint]
    disagreements: list[Disagreement]


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def figure_chart(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 500,
) -> FigureChart:
    """The series :func:`figure_series` finds for ``about``, as chart lines by source, with the
    chronicle's disagreements marked on both points. Dates as YYYY[-MM[-DD]]."""
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    figures = [f for f in figure_series(conn, about=about, date_from=lo, date_to=hi, limit=limit)
               if f.value is not None and f.published]
    days = [PublishedDate.parse(f.published or "").start() for f in figures]
    at = {(f.article, f.start): k for k, f in enumerate(figures)}
    disputes: list[list[int]] = [[] for _ in figures]
    found: list[Disagreement] = []
    for c in conflicts(conn, about=about, date_from=lo, date_to=hi, kind="disagreement",
                       limit=10 * limit, every_pair=True):
        i, j = (at.get((s.article, s.start)) for s in c.sides)
        if i is None or j is None or j in disputes[i]:
            continue
        i, j = sorted((i, j), key=lambda k: (days[k], k))
        disputes[i].append(j)
        disputes[j].append(i)
        found.append(Disagreement(i, j, abs((days[j] - days[i]).days)))
    spans = [interval(f.value or 0.0, f.value_max, f.qualifier) for f in figures]
    points = [FigurePoint(f, days[k].isoformat(), _finite(spans[k][0]), _finite(spans[k][1]),
                          sorted(disputes[k])) for k, f in enumerate(figures)]
    per_source: dict[str, int] = {}
    for f in figures:
        per_source[f.source or "?"] = per_source.get(f.source or "?", 0) + 1
    sources = sorted(per_source, key=lambda s: (-per_source[s], s))
    found.sort(key=lambda d: (d.a, d.b))
    return FigureChart(about, sources, points, found)

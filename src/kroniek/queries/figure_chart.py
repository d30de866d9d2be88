"""A reported figure as a chart: one line per source, each point with its qualifier, and the
points where sources disagree marked.

Two figures disagree when different sources report them within ``window_days`` of each other
and the values their qualifiers allow do not overlap: "minstens 1.200" (1,200 or more) and "850"
cannot both be right; "zo'n 1.350" (about: within 10 %) and "ruim 1.300" can. Units must agree
where both figures name one. This is a first, local reading of disagreement for the chart; the
chronicle's figure conflicts (across stories and entities) refine it when they land.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field

from kroniek.model import PublishedDate
from kroniek.store.filters import date_bound

from .facts import FigureMatch, figure_series

#: How far (fraction of the value) "about"/"almost" may stray.
ABOUT = 0.10


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


def bounds(f: FigureMatch) -> tuple[float, float]:
    """The interval of values a figure's qualifier allows (infinite where it is one-sided)."""
    v = f.value if f.value is not None else math.nan
    q = f.qualifier or "exact"
    if q == "range" and f.value_max is not None:
        return (min(v, f.value_max), max(v, f.value_max))
    if q in ("more_than", "at_least"):
        return (v, math.inf)
    if q in ("less_than", "at_most"):
        return (-math.inf, v)
    if q == "about":
        return (v * (1 - ABOUT), v * (1 + ABOUT)) if v >= 0 else (v * (1 + ABOUT), v * (1 - ABOUT))
    if q == "almost":
        return (v * (1 - ABOUT), v) if v >= 0 else (v, v * (1 - ABOUT))
    return (v, v)


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def figure_chart(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 500,
    window_days: int = 31,
) -> FigureChart:
    """The series :func:`figure_series` finds for ``about``, as chart lines by source, with
    disagreements between sources marked on both points. Dates as YYYY[-MM[-DD]]."""
    figures = [f for f in figure_series(conn, about=about,
                                        date_from=date_bound(date_from, end=False),
                                        date_to=date_bound(date_to, end=True), limit=limit)
               if f.value is not None and f.published]
    days = [PublishedDate.parse(f.published or "").start() for f in figures]
    spans = [bounds(f) for f in figures]
    disputes: list[list[int]] = [[] for _ in figures]
    found: list[Disagreement] = []
    for i, fi in enumerate(figures):
        for j in range(i + 1, len(figures)):
            fj = figures[j]
            apart = abs((days[j] - days[i]).days)
            if apart > window_days or (fi.source or "") == (fj.source or ""):
                continue
            if fi.unit and fj.unit and fi.unit != fj.unit:
                continue
            (lo_i, hi_i), (lo_j, hi_j) = spans[i], spans[j]
            if hi_i < lo_j or hi_j < lo_i:
                disputes[i].append(j)
                disputes[j].append(i)
                found.append(Disagreement(i, j, apart))
    points = [FigurePoint(f, days[k].isoformat(), _finite(spans[k][0]), _finite(spans[k][1]),
                          disputes[k]) for k, f in enumerate(figures)]
    per_source: dict[str, int] = {}
    for f in figures:
        per_source[f.source or "?"] = per_source.get(f.source or "?", 0) + 1
    sources = sorted(per_source, key=lambda s: (-per_source[s], s))
    return FigureChart(about, sources, points, found)

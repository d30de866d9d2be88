"""Figures: reported numbers as a listing, and as a chart series by source."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.queries.facts import FigureMatch, find_figures
from kroniek.queries.figure_chart import Disagreement, FigurePoint, figure_chart

from ..errors import READ_ERRORS
from .common import Cursor, From, Name, Out, ReadStore, To, as_dict, csv_200, limit_param

router = APIRouter(tags=["figures"])

COLUMNS = ("published", "qualifier", "value", "value_max", "value_from", "unit", "subject",
           "source", "article", "start", "end", "text")


class FigureList(BaseModel):
    total: int | None
    next: str | None
    items: list[FigureMatch]


class FigureSeries(BaseModel):
    about: str | None
    sources: list[str]
    points: list[FigurePoint]
    disagreements: list[Disagreement]


@router.get("/figures.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Reported figures (CSV)")
@router.get("/figures", response_model=FigureList, responses={**READ_ERRORS, **csv_200()},
            summary="Reported figures")
def figures(
    store: ReadStore,
    out: Out,
    about: Name = None,
    date_from: From = None,
    date_to: To = None,
    limit: int = limit_param(100, 500),
    cursor: Cursor = None,
) -> Response:
    """Figures whose subject, unit, text or place mention every word of ``about`` (by Dutch
    stem and prefix), oldest first: value, qualifier, unit, source, article span."""
    page = find_figures(store.conn, about=about, date_from=date_from, date_to=date_to,
                        limit=limit, cursor=cursor)
    return out.page(FigureList, page, COLUMNS)


@router.get("/figures/series.csv", response_class=Response,
            responses={**READ_ERRORS, **csv_200()}, summary="A figure over time, by source (CSV)")
@router.get("/figures/series", response_model=FigureSeries,
            responses={**READ_ERRORS, **csv_200()}, summary="A figure over time, by source")
def series(store: ReadStore, out: Out, about: Name = None, date_from: From = None,
           date_to: To = None) -> Response:
    """The figures about ``about`` as one line per source, each point with the interval its
    qualifier allows (``low``/``high``, null where open-ended) and the points it disagrees with
    by the chronicle's rule (the same figure series, the same time, other sources, intervals
    apart: the pairs /api/conflicts lists)."""
    chart = figure_chart(store.conn, about=about, date_from=date_from, date_to=date_to)
    model = FigureSeries(about=chart.about, sources=chart.sources, points=chart.points,
                         disagreements=chart.disagreements)
    rows = [{**as_dict(p.figure), "day": p.day, "low": p.low, "high": p.high,
             "disputed_by": p.disputed_by} for p in chart.points]
    return out.rows(model, rows, ("day", *COLUMNS, "low", "high", "disputed_by"))

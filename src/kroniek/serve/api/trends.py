"""Trends: matching articles per period for several labelled queries, on one axis."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.errors import QueryError
from kroniek.queries.articles import MAX_QUERY, MAX_SERIES, TrendSeries, trends

from ..errors import READ_ERRORS
from .common import From, Name, Out, Per, ReadStore, To, csv_200

router = APIRouter(tags=["trends"])


class TrendOut(BaseModel):
    per: str
    count: str
    periods: list[str]
    series: list[TrendSeries]


class TrendRow(BaseModel):
    period: str
    label: str
    query: str
    count: int


@router.get("/trends.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Compare queries over time (CSV)")
@router.get("/trends", response_model=TrendOut, responses={**READ_ERRORS, **csv_200()},
            summary="Compare queries over time")
def trend(
    store: ReadStore,
    out: Out,
    q: Annotated[list[str], Query(min_length=1, max_length=MAX_SERIES, description=(
        "A query to count; repeat to compare (an empty one counts every article)"))],
    label: Annotated[list[str], Query(max_length=MAX_SERIES, description=(
        "A label per query, in the same order (default: the query itself)"))] = [],  # noqa: B006
    per: Per = "month",
    date_from: From = None,
    date_to: To = None,
    source: Name = None,
    count: Literal["articles", "stories"] = "articles",
) -> Response:
    """Matching articles per day, week, month or year for each query, near-duplicates once,
    empty periods as 0, all series on one axis. ``count=stories`` counts each story once (in
    the period of its first matching article): a story eleven papers printed is one."""
    if any(len(x) > MAX_QUERY for x in [*q, *label]):
        raise QueryError(f"queries and labels have at most {MAX_QUERY} characters")
    labels = [*label, *([""] * len(q))][: len(q)]
    result = trends(store, list(zip(labels, q, strict=True)), per=per, date_from=date_from,
                    date_to=date_to, source=source, count=count)
    model = TrendOut(per=result.per, count=result.count, periods=result.periods,
                     series=result.series)
    rows = [TrendRow(period=p, label=s.label, query=s.query, count=n)
            for s in result.series for p, n in zip(result.periods, s.counts, strict=True)]
    return out.rows(model, rows, ("period", "label", "query", "count"))

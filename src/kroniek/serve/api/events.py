"""Events: who did what to whom, when and where (PLOVER-coded), as a listing, as PLOVER/POLECAT
records, and counted per period and type."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.queries.events import EventCount, EventRow, TypeSeries, event_trend, find_events, plover_record

from ..errors import READ_ERRORS
from .common import Cursor, From, Output, Per, ReadStore, To, csv_200, json_response, limit_param

router = APIRouter(tags=["events"])

COLUMNS = ("published", "type", "mode", "actor", "target", "status", "negated", "time", "place",
           "source_chain", "article", "start", "end", "text", "story", "event_key")
Type = Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. ASSAULT, ACCUSE")]
Who = Annotated[str | None, Query(max_length=200, description="Part of the name, case-insensitive")]


class EventList(BaseModel):
    total: int | None
    next: str | None
    items: list[EventRow]


class PloverList(BaseModel):
    """The same page as PLOVER/POLECAT-style records (the NGEC coder's field names), each with
    kroniek's citation: the article id and the trigger's offsets."""

    total: int | None
    next: str | None
    items: list[dict[str, Any]]


class EventCountsOut(BaseModel):
    per: str
    distinct: bool
    periods: list[str]
    series: list[TypeSeries]


@router.get("/events.plover", response_model=PloverList, responses=READ_ERRORS,
            summary="Events as PLOVER records")
@router.get("/events.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Events (CSV)")
@router.get("/events", response_model=EventList | PloverList,
            responses={**READ_ERRORS, **csv_200()}, summary="Events")
def events(
    request: Request,
    store: ReadStore,
    type: Type = None,  # noqa: A002 - the PLOVER field name
    actor: Who = None,
    target: Who = None,
    date_from: From = None,
    date_to: To = None,
    limit: int = limit_param(50, 500),
    cursor: Cursor = None,
    fmt: Annotated[Literal["json", "csv", "plover"], Query(alias="format", description=(
        "json (default), csv, or plover for PLOVER/POLECAT records; the `.csv` and `.plover` "
        "paths say the same"))] = "json",
) -> Response:
    """Event mentions, newest article first: type, mode, actor and target (canonical names),
    negation, status (happened, future, hypothetical), time, place, source chain, the story and
    the event key all reports of one event share, and the trigger's span in its article.
    Near-duplicate articles are left out."""
    page = find_events(store.conn, type=type, actor=actor, target=target, date_from=date_from,
                       date_to=date_to, limit=limit, cursor=cursor)
    path = request.url.path
    if fmt == "plover" or path.endswith(".plover"):
        return json_response(PloverList(total=page.total, next=page.next,
                                        items=[plover_record(e) for e in page.items]))
    return Output(fmt == "csv" or path.endswith(".csv")).page(EventList, page, COLUMNS)


@router.get("/events/counts.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Events per period and type (CSV)")
@router.get("/events/counts", response_model=EventCountsOut,
            responses={**READ_ERRORS, **csv_200()}, summary="Events per period and type")
def counts(
    request: Request,
    store: ReadStore,
    type: Type = None,  # noqa: A002
    actor: Who = None,
    target: Who = None,
    date_from: From = None,
    date_to: To = None,
    per: Per = "month",
    distinct: Annotated[bool, Query(description=(
        "Count each event once (one per event key: several articles of one story reporting "
        "one event count once), instead of every report"))] = False,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
) -> Response:
    """Events that happened (not negated, not future or hypothetical) per period, one series
    per type on one axis with empty periods as 0; dated by the event's own time when it names
    one, else by its article."""
    trend = event_trend(store.conn, type=type, actor=actor, target=target, date_from=date_from,
                        date_to=date_to, per=per, distinct=distinct)
    model = EventCountsOut(per=trend.per, distinct=trend.distinct, periods=trend.periods,
                           series=trend.series)
    rows: list[EventCount] = trend.rows
    return Output(fmt == "csv" or request.url.path.endswith(".csv")).rows(
        model, rows, ("period", "type", "events"))

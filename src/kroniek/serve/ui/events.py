"""The events page: events by type over time (a chart, one line per PLOVER type) and the list,
each item linking to its trigger in the article."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.queries.articles import period_end, period_start
from kroniek.queries.events import event_trend, find_events

from ..api.common import Cursor, From, Per, ReadStore, To
from ..api.events import EventCountsOut, EventList, Type, Who
from .common import page, param_dict

router = APIRouter(include_in_schema=False)


class EventsPage(BaseModel):
    events: EventList
    counts: EventCountsOut


@router.get("/events")
@router.get("/events.json")
def events_page(request: Request, store: ReadStore, type: Type = None,  # noqa: A002
                actor: Who = None, target: Who = None, date_from: From = None, date_to: To = None,
                per: Per = "month", distinct: Annotated[bool, Query()] = False,
                cursor: Cursor = None) -> Response:
    filters = {"type": type, "actor": actor, "target": target, "date_from": date_from, "date_to": date_to}
    found = find_events(store.conn, **filters, limit=50, cursor=cursor)
    trend = event_trend(store.conn, **filters, per=per, distinct=distinct)
    data = EventsPage(
        events=EventList(total=found.total, next=found.next, items=found.items),
        counts=EventCountsOut(per=trend.per, distinct=trend.distinct, periods=trend.periods,
                              series=trend.series))
    params = {**param_dict(request, "type", "actor", "target", "from", "to"), "per": per,
              "distinct": "true" if distinct else None}
    chart = {
        "periods": trend.periods,
        "starts": [period_start(p).isoformat() for p in trend.periods],
        "ends": [period_end(p).isoformat() for p in trend.periods],
        "series": [{"label": s.type, "type": s.type, "counts": s.counts} for s in trend.series],
        "link": {"page": "/events", **{k: v for k, v in params.items()
                                        if k in ("actor", "target") and v}},
        "unit": "gebeurtenissen",
    }
    return page(request, "events.html", data, title="Gebeurtenissen", code_page="events",
                code_params=params, found=found, params=params, chart=chart)

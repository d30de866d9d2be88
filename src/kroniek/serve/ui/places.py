"""The map page: entity mentions per country over a period, on Natural Earth outlines."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kroniek.queries.geo import country_mentions

from ..api.common import From, ReadStore, To
from ..api.places import CountryList
from .common import page, param_dict

router = APIRouter(include_in_schema=False)


@router.get("/map")
@router.get("/map.json")
def map_page(request: Request, store: ReadStore, date_from: From = None,
             date_to: To = None) -> Response:
    rows = country_mentions(store.conn, date_from=date_from, date_to=date_to)
    params = param_dict(request, "from", "to")
    data = CountryList(total=len(rows), next=None, items=rows)
    return page(request, "map.html", data, title="Kaart", code_page="map", code_params=params,
                rows=rows, params=params, mapdata=data.model_dump(mode="json")["items"])

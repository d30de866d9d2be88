"""Entity pages: the listing, and one entity with its aliases, timeline, quotes by and about
it, figures, co-mentions and a map pin."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kroniek.errors import NotFoundError
from kroniek.queries.articles import period_end, period_start
from kroniek.queries.entities import entity_view, find_entities

from ..api.common import Cursor, Name, Per, ReadStore
from ..api.entities import EntityList, EntityOut
from ..templating import url_part
from .common import page, param_dict

router = APIRouter(include_in_schema=False)


@router.get("/entities")
@router.get("/entities.json")
def entities_page(request: Request, store: ReadStore,
                  label: Literal["PER", "ORG", "LOC", "MISC"] | None = None, name: Name = None,
                  cursor: Cursor = None) -> Response:
    found = find_entities(store.conn, label=label, name=name, limit=50, cursor=cursor)
    data = EntityList(total=found.total, next=found.next, items=found.items)
    return page(request, "entities.html", data, title="Entiteiten", code_page="entities",
                code_params=param_dict(request, "label", "name"), found=found,
                params={"label": label, "name": name})


@router.get("/entity/{raw:path}")
def entity_page(request: Request, raw: str, store: ReadStore, per: Per = "month") -> Response:
    key, twin = raw, False
    view = entity_view(store.conn, key, per=per)
    if view is None and raw.endswith(".json"):
        key, twin = raw[: -len(".json")], True
        view = entity_view(store.conn, key, per=per)
    if view is None:
        raise NotFoundError(f"no entity {key!r}; see the list of entities")
    data = EntityOut(entity=view)
    if twin:
        return page(request, "entity.html", data, title=key, as_json=True)
    chart = {
        "periods": [p for p, _ in view.series],
        "starts": [period_start(p).isoformat() for p, _ in view.series],
        "ends": [period_end(p).isoformat() for p, _ in view.series],
        "series": [{"label": f"artikelen over {view.entity}", "query": "",
                    "counts": [n for _, n in view.series]}],
        "link": {"entity": [view.entity]},
    }
    pin = ({"lat": view.lat, "lon": view.lon, "label": view.entity}
           if view.lat is not None and view.lon is not None else None)
    return page(request, "entity.html", data, title=view.entity, code_page="entity",
                code_params={"key": view.key}, twin=f"/entity/{url_part(view.key)}.json",
                view=view, chart=chart, pin=pin)

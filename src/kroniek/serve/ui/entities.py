"""Entity pages: the listing, and one entity (by its stable id) with its aliases, timeline,
quotes by and about it, figures, events, stories, co-mentions and a map pin. A name in place of
the id redirects to the id."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kroniek.queries.articles import period_end, period_start
from kroniek.queries.entities import entity_view, find_entities

from ..api.common import Cursor, Name, Per, ReadStore
from ..api.entities import EntityList, EntityOut, entity_id, redirect_to_id
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
    ref, twin = (raw[: -len(".json")], True) if raw.endswith(".json") else (raw, False)
    rid = entity_id(ref)
    if rid is None:  # a name: to the id it goes by (the twin to the id's twin)
        return redirect_to_id(request, store, ref, "/entity/", ".json" if twin else "")
    view = entity_view(store.conn, rid, per=per)
    data = EntityOut(entity=view)
    if twin:
        return page(request, "entity.html", data, title=view.entity, as_json=True)
    chart = {
        "periods": [p.period for p in view.timeline],
        "starts": [period_start(p.period).isoformat() for p in view.timeline],
        "ends": [period_end(p.period).isoformat() for p in view.timeline],
        "series": [{"label": f"artikelen over {view.entity}", "query": "",
                    "counts": [p.articles for p in view.timeline]}],
        "link": {"entity": [f"#{view.id}"]},
    }
    pin = ({"lat": view.lat, "lon": view.lon, "label": view.entity}
           if view.lat is not None and view.lon is not None else None)
    return page(request, "entity.html", data, title=view.entity, code_page="entity",
                code_params={"id": view.id, "per": per}, twin=f"/entity/{view.id}.json",
                view=view, chart=chart, pin=pin, per=per)

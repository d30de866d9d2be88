"""Entities: the most mentioned, and one entity with everything said by and about it."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.errors import NotFoundError
from kroniek.queries.entities import EntityView, entity_view, find_entities
from kroniek.queries.entity_stats import EntityCount

from ..errors import ONE_ERRORS, READ_ERRORS
from .common import Cursor, From, Name, Out, Per, ReadStore, To, csv_200, json_response, limit_param

router = APIRouter(tags=["entities"])

COLUMNS = ("entity", "label", "mentions", "articles", "first_seen", "last_seen")


class EntityList(BaseModel):
    total: int | None
    next: str | None
    items: list[EntityCount]


class EntityOut(BaseModel):
    entity: EntityView


@router.get("/entities.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Entities by mentions (CSV)")
@router.get("/entities", response_model=EntityList, responses={**READ_ERRORS, **csv_200()},
            summary="Entities by mentions")
def entities(
    store: ReadStore,
    out: Out,
    label: Literal["PER", "ORG", "LOC", "MISC"] | None = None,
    name: Name = None,
    per: Per = "month",
    date_from: From = None,
    date_to: To = None,
    limit: int = limit_param(50, 200),
    cursor: Cursor = None,
) -> Response:
    """Entities with mention counts and a per-period series of the articles mentioning them;
    ``name`` finds one by canonical name or as written."""
    page = find_entities(store.conn, label=label, name=name, per=per, date_from=date_from,
                         date_to=date_to, limit=limit, cursor=cursor)
    return out.page(EntityList, page, COLUMNS)


@router.get("/entities/{key:path}", response_model=EntityOut, responses=ONE_ERRORS,
            summary="One entity")
def entity(store: ReadStore, key: str, per: Per = "month", date_from: From = None,
           date_to: To = None, limit: int = limit_param(20, 200)) -> Response:
    """Aliases, roles, place, mention timeline, quotes by and about the entity, figures it
    reported or that concern it, co-mentioned entities and its latest mentions, each with the
    article span it came from. The key is the canonical name today, a stable id later."""
    view = entity_view(store.conn, key, per=per, date_from=date_from, date_to=date_to,
                       limit=limit)
    if view is None:
        raise NotFoundError(f"no entity {key!r}; find keys with /api/entities")
    return json_response(EntityOut(entity=view))

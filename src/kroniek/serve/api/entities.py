"""Entities: the most mentioned, and one entity (by its stable id) with everything said by and
about it. A name or alias in place of the id redirects to the id."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from kroniek.queries.entities import EntityView, entity_view, find_entities, find_entity
from kroniek.queries.entity_stats import EntityCount

from ..errors import ONE_ERRORS, READ_ERRORS
from .common import Cursor, From, Name, Out, Per, ReadStore, To, csv_200, json_response, limit_param

router = APIRouter(tags=["entities"])

COLUMNS = ("id", "entity", "label", "aliases", "mentions", "articles", "first_seen", "last_seen")
#: A name in place of an id: the answer is a redirect to the id.
REDIRECT: dict[int | str, dict[str, Any]] = {
    307: {"description": "A name or alias: redirects to the entity's id"}}
Ref = Annotated[str, Path(max_length=200, description=(
    "The entity's id (as /api/entities lists it), or any name or alias it goes by (redirects "
    "to the id)"))]


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
    """Entities (one per real-world entity, with its stable ``id`` and the ``aliases`` it goes
    by) with mention counts and a per-period series of the articles mentioning them; ``name``
    finds one by any name or alias."""
    page = find_entities(store.conn, label=label, name=name, per=per, date_from=date_from,
                         date_to=date_to, limit=limit, cursor=cursor)
    return out.page(EntityList, page, COLUMNS)


def entity_id(ref: str) -> int | None:
    """The id ``ref`` is, or None when it is a name (the caller redirects to its record)."""
    return int(ref) if ref.isdigit() and len(ref) < 19 else None


def redirect_to_id(request: Request, store: ReadStore, ref: str, prefix: str,
                   suffix: str = "") -> RedirectResponse:
    """A 307 to ``prefix`` + the id of the record ``ref`` names + ``suffix`` (query string
    kept); 404 when no entity goes by that name."""
    rid = int(find_entity(store.conn, ref)["id"])
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"{prefix}{rid}{suffix}{query}", status_code=307)


@router.get("/entities/{ref:path}", response_model=EntityOut, responses={**ONE_ERRORS, **REDIRECT},
            summary="One entity")
def entity(request: Request, store: ReadStore, ref: Ref, per: Per = "month",
           date_from: From = None, date_to: To = None,
           limit: int = limit_param(20, 200)) -> Response:
    """Aliases, roles, place, mention timeline, quotes by and about the entity, figures it
    reported or that count something in it, events where it acts or undergoes, its stories,
    co-mentioned entities and its latest mentions, each with the article span it came from."""
    rid = entity_id(ref)
    if rid is None:
        return redirect_to_id(request, store, ref, "/api/entities/")
    view = entity_view(store.conn, rid, per=per, date_from=date_from, date_to=date_to, limit=limit)
    return json_response(EntityOut(entity=view))

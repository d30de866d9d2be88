"""Conflicts: reported figures that cannot both be true, by the chronicle's rule."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.queries.chronicle import Conflict, find_conflicts

from ..errors import READ_ERRORS
from .common import Cursor, From, Name, Out, ReadStore, To, csv_200, limit_param

router = APIRouter(tags=["conflicts"])

SIDE = ("value", "value_max", "qualifier", "unit", "time", "source", "article", "start", "end", "text")
COLUMNS = ("about", "series", "kind", *(f"{s}_{c}" for s in "ab" for c in SIDE))


class ConflictList(BaseModel):
    total: int | None
    next: str | None
    items: list[Conflict]


@router.get("/conflicts.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Figures that disagree (CSV)")
@router.get("/conflicts", response_model=ConflictList, responses={**READ_ERRORS, **csv_200()},
            summary="Figures that disagree")
def conflicts(
    store: ReadStore,
    out: Out,
    about: Name = None,
    date_from: From = None,
    date_to: To = None,
    kind: Annotated[Literal["disagreement", "change", "all"], Query(description=(
        "disagreement: same time, other sources; change: the series moved between periods; "
        "all: both"))] = "disagreement",
    limit: int = limit_param(50, 500),
    cursor: Cursor = None,
) -> Response:
    """Pairs of reports of one figure series (what they count: "strijders van IS in Syrië")
    whose values, read with their qualifiers ("minder dan 1.000", "ongeveer 900"), cannot both
    be true; each side with its value, qualifier, unit, time, source chain and evidence span.
    ``about`` matches the series and the figures' words."""
    page = find_conflicts(store.conn, about=about, date_from=date_from, date_to=date_to,
                          kind=kind, limit=limit, cursor=cursor)
    if out.csv:
        rows = [{"about": c.about, "series": c.series, "kind": c.kind,
                 **{f"{s}_{col}": getattr(side, col) for s, side in zip("ab", c.sides, strict=True)
                    for col in SIDE}} for c in page.items]
        return out.rows(ConflictList(total=None, next=None, items=[]), rows, COLUMNS)
    return out.page(ConflictList, page, COLUMNS)

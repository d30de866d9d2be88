"""Corrections: people's verdicts on extracted facts. Listing is open; writing needs the token."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from kroniek.queries.corrections import Correction, find_corrections, record_correction

from ..errors import READ_ERRORS, WRITE_ERRORS
from ..security import require_token
from .common import Cursor, Out, ReadStore, csv_200, json_response, limit_param, stores

router = APIRouter(tags=["corrections"])
writes = APIRouter(tags=["corrections"], dependencies=[Depends(require_token)])

COLUMNS = ("id", "article", "target", "start", "end", "verdict", "extracted", "value", "note",
           "created_at")
Target = Literal["quote_speaker", "figure", "entity"]
Verdict = Literal["right", "wrong"]


class CorrectionList(BaseModel):
    total: int | None
    next: str | None
    items: list[Correction]


class CorrectionIn(BaseModel):
    """A verdict on one extracted fact, found by its span: a quote by its content span (the
    speaker is judged), a figure or an entity mention by its own span."""

    article: str = Field(min_length=1, max_length=1000)
    target: Target
    start: int = Field(ge=0, le=10_000_000)
    end: int = Field(ge=0, le=10_000_000)
    verdict: Verdict
    value: str | float | dict[str, str | float | None] | None = Field(
        None, description="The right value: a name (quote speaker, entity link), or a number "
        "or an object of value, value_max, qualifier, unit, subject (figure)")
    note: str | None = Field(None, max_length=2000)


@router.get("/corrections.csv", response_class=Response,
            responses={**READ_ERRORS, **csv_200()}, summary="Corrections given so far (CSV)")
@router.get("/corrections", response_model=CorrectionList,
            responses={**READ_ERRORS, **csv_200()}, summary="Corrections given so far")
def corrections(
    store: ReadStore,
    out: Out,
    target: Target | None = None,
    article: Annotated[str | None, Query(max_length=1000)] = None,
    verdict: Verdict | None = None,
    limit: int = limit_param(100, 500),
    cursor: Cursor = None,
) -> Response:
    """Every verdict, oldest first, with what kroniek had extracted when it was given."""
    page = find_corrections(store.conn, target=target, article=article, verdict=verdict,
                            limit=limit, cursor=cursor)
    return out.page(CorrectionList, page, COLUMNS)


@writes.post("/corrections", response_model=Correction, status_code=201,
             responses=WRITE_ERRORS, summary="Mark an extracted fact right or wrong")
async def correct(body: CorrectionIn, handle: Annotated[Any, Depends(stores)]) -> Response:
    """Store a verdict (needs the token). 404 when the article or the fact at that span does
    not exist."""

    def work() -> Correction:
        with handle.write() as store:
            return record_correction(store, **body.model_dump())

    made = await run_in_threadpool(work)
    return json_response(made, status=201)

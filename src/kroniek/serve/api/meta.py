"""The API's own pages: what the store holds, and the interactive docs (vendored Swagger UI,
started by a static script so the page keeps the strict Content-Security-Policy)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from ..errors import READ_ERRORS
from .common import ReadStore, json_response

router = APIRouter(tags=["store"])


class Stats(BaseModel):
    store: str  # the file's name
    schema_version: int
    articles: int
    near_duplicates: int
    words: int
    first_published: str | None
    last_published: str | None
    languages: dict[str, int]
    sources: dict[str, int]
    entities: int
    quotes: int
    figures: int
    timexes: int
    events: int
    quarantined: int
    corrections: int
    writes: bool  # whether this server accepts writes (a token is configured)


@router.get("/stats", response_model=Stats, responses=READ_ERRORS, summary="What the store holds")
def stats(request: Request, store: ReadStore) -> Response:
    """Counts of articles, annotations, quarantined records and corrections; first and last
    publication dates; whether writes are enabled."""
    data = store.stats()
    data["store"] = Path(data["store"]).name
    return json_response(Stats(**data, writes=request.app.state.token is not None))


#: Swagger UI draws its icons as data: images; the docs page allows those, nothing else more.
DOCS_CSP = "default-src 'self'; img-src 'self' data:; base-uri 'self'; frame-ancestors 'none'"


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    result: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, "docs.html", {}, headers={"Content-Security-Policy": DOCS_CSP})
    return result

"""The REST API under /api: one router per resource. A new capability is one more module here
with its router, added to :data:`READ_ROUTERS` (or :data:`WRITE_ROUTERS` when it writes)."""

from __future__ import annotations

from fastapi import APIRouter

from . import (
    articles,
    conflicts,
    corrections,
    entities,
    events,
    figures,
    ingest,
    meta,
    places,
    quotes,
    stories,
    trends,
)

READ_ROUTERS = [articles.router, trends.router, entities.router, quotes.router, figures.router,
                conflicts.router, events.router, stories.router, places.router, corrections.router,
                meta.router]
#: Only mounted when a token is configured; every route in them requires it.
WRITE_ROUTERS = [ingest.router, corrections.writes]


def api_router(*, writes: bool) -> APIRouter:
    api = APIRouter(prefix="/api")
    for router in READ_ROUTERS + (WRITE_ROUTERS if writes else []):
        api.include_router(router)
    return api

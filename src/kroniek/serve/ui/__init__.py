"""The web pages: one router per page group; each page also answers as its .json twin."""

from __future__ import annotations

from fastapi import APIRouter

from . import article, corrections, entities, events, facts, places, search, stories

ROUTERS = [search.router, article.router, entities.router, facts.router, events.router,
           stories.router, places.router, corrections.router]


def ui_router() -> APIRouter:
    ui = APIRouter()
    for router in ROUTERS:
        ui.include_router(router)
    return ui

"""Quotes: who said what about whom, with source chains and evidence spans."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.queries.facts import QuoteMatch, find_quotes

from ..errors import READ_ERRORS
from .common import Cursor, From, Name, Out, ReadStore, To, csv_200, limit_param

router = APIRouter(tags=["quotes"])

COLUMNS = ("published", "speaker", "kind", "content", "source_chain", "about", "article", "start",
           "end")


class QuoteList(BaseModel):
    total: int | None
    next: str | None
    items: list[QuoteMatch]


@router.get("/quotes.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Quotes by speaker and topic (CSV)")
@router.get("/quotes", response_model=QuoteList, responses={**READ_ERRORS, **csv_200()},
            summary="Quotes by speaker and topic")
def quotes(
    store: ReadStore,
    out: Out,
    speaker: Name = None,
    about: Name = None,
    date_from: From = None,
    date_to: To = None,
    limit: int = limit_param(50, 500),
    cursor: Cursor = None,
) -> Response:
    """Statements newest first; ``speaker`` matches the speaker or anyone in the source chain,
    ``about`` the entities a quote is about or its words. Near-duplicate articles left out."""
    page = find_quotes(store.conn, speaker=speaker, about=about, date_from=date_from,
                       date_to=date_to, limit=limit, cursor=cursor)
    return out.page(QuoteList, page, COLUMNS)

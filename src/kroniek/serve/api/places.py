"""Places: entity mentions per country over a period (what /map draws)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.queries.geo import CountryCount, country_mentions

from ..errors import READ_ERRORS
from .common import From, Out, ReadStore, To, csv_200

router = APIRouter(tags=["places"])

COLUMNS = ("country", "name", "numeric", "lat", "lon", "mentions", "articles")


class CountryList(BaseModel):
    total: int | None
    next: str | None  # always null: every country fits one page
    items: list[CountryCount]


@router.get("/countries.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Mentions per country (CSV)")
@router.get("/countries", response_model=CountryList, responses={**READ_ERRORS, **csv_200()},
            summary="Mentions per country")
def countries(store: ReadStore, out: Out, date_from: From = None, date_to: To = None) -> Response:
    """Countries by mentions of their places and nationalities in articles of the period,
    with ISO codes (alpha-2, and numeric as Natural Earth keys its outlines), the capital's
    coordinates and the most mentioned entities."""
    rows = country_mentions(store.conn, date_from=date_from, date_to=date_to)
    return out.rows(CountryList(total=len(rows), next=None, items=rows), rows, COLUMNS)

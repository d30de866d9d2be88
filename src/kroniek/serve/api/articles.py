"""Articles: search with the query syntax and filters, one article as the full JSON contract."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.errors import NotFoundError, QueryError
from kroniek.model import Entity, Event, Figure, Quote, Timex
from kroniek.queries.articles import ArticleHit, article_view, find_articles

from ..errors import ONE_ERRORS, READ_ERRORS
from .common import Cursor, From, Name, Out, Q, ReadStore, To, csv_200, json_response, limit_param

router = APIRouter(tags=["articles"])

COLUMNS = ("id", "published", "precision", "source", "title", "score", "snippet")
MAX_ENTITIES = 5


class ArticleList(BaseModel):
    total: int | None
    next: str | None
    items: list[ArticleHit]


class ArticleDocument(BaseModel):
    """The ``extract`` JSON contract (README), plus the store's near-duplicate link and the
    chronicle's story."""

    id: str
    published: str | None
    precision: str | None
    title: str | None
    text: str
    url: str | None
    source: str | None
    author: str | None
    language: str | None
    sentences: list[tuple[int, int]]
    entities: list[Entity]
    quotes: list[Quote]
    figures: list[Figure]
    timexes: list[Timex]
    events: list[Event]
    stages: dict[str, int]
    duplicate_of: str | None = None
    similarity: float | None = None
    story: int | None = None


Entities = Annotated[list[str], Query(
    max_length=MAX_ENTITIES, description="Only articles mentioning this entity: #ID (an entity "
    "record from /api/entities, every spelling of it), a canonical name or a name as written; "
    "repeat for several, all must match")]


@router.get("/articles.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Search articles (CSV)")
@router.get("/articles", response_model=ArticleList, responses={**READ_ERRORS, **csv_200()},
            summary="Search articles")
def articles(
    store: ReadStore,
    out: Out,
    q: Q = "",
    date_from: From = None,
    date_to: To = None,
    sort: Literal["relevance", "date", "date_asc"] = "relevance",
    source: Name = None,
    entity: Entities = [],  # noqa: B006 - FastAPI copies defaults
    story: Annotated[int | None, Query(ge=0, le=2**62, description=(
        "Only the articles of this story (ids from /api/stories)"))] = None,
    limit: int = limit_param(20, 100),
    cursor: Cursor = None,
) -> Response:
    """Articles matching the query (words, "phrases", AND/OR/NOT, (), prefix*, title: source:
    entity:) and filters, by relevance or date, with snippets (matches in [ ]). No query and
    no filter lists every article, newest first."""
    if any(not e.strip() or len(e) > 200 for e in entity):
        raise QueryError("entity: give a name of 1-200 characters")
    page = find_articles(store, q, date_from=date_from, date_to=date_to, sort=sort,
                         source=source, entities=tuple(entity), story=story, limit=limit,
                         cursor=cursor)
    return out.page(ArticleList, page, COLUMNS)


@router.get("/articles/{article_id:path}", response_model=ArticleDocument, responses=ONE_ERRORS,
            summary="One article with everything extracted from it")
def article(store: ReadStore, article_id: str) -> Response:
    """The article as ``kroniek extract`` writes it: text, entities, quotes with speakers and
    source chains, figures, time expressions, events; every annotation as offsets into
    ``text``."""
    view = article_view(store, article_id)
    if view is None:
        raise NotFoundError(f"no article {article_id!r}; find ids with /api/articles")
    return json_response(ArticleDocument.model_validate(view.to_dict()))

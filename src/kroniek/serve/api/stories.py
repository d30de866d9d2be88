"""Stories: the articles (and printed copies) reporting one event or development, with who
carried them; and one story."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.errors import NotFoundError
from kroniek.queries.chronicle import StoryDetail, StoryView, find_stories, story_view

from ..errors import ONE_ERRORS, READ_ERRORS
from .common import Cursor, From, Name, Out, ReadStore, To, as_dict, csv_200, json_response, limit_param

router = APIRouter(tags=["stories"])

COLUMNS = ("story", "label", "first", "last", "articles", "copies", "sources", "entities")
MinArticles = Annotated[int, Query(ge=1, le=100_000, description="Only stories with at least this many articles")]
StoryId = Annotated[int, Path(ge=0, le=2**62, description="The story's id, as /api/stories lists it")]


class StoryList(BaseModel):
    total: int | None
    next: str | None
    items: list[StoryView]


class StoryOut(BaseModel):
    story: StoryDetail


def story_rows(items: list[StoryView]) -> list[dict[str, object]]:
    """Stories as CSV rows: entity names in a cell (the JSON keeps their ids)."""
    return [{**as_dict(s), "entities": [e.entity for e in s.entities]} for s in items]


@router.get("/stories.csv", response_class=Response, responses={**READ_ERRORS, **csv_200()},
            summary="Stories (CSV)")
@router.get("/stories", response_model=StoryList, responses={**READ_ERRORS, **csv_200()},
            summary="Stories")
def stories(
    store: ReadStore,
    out: Out,
    about: Name = None,
    date_from: From = None,
    date_to: To = None,
    min_articles: MinArticles = 1,
    limit: int = limit_param(50, 200),
    cursor: Cursor = None,
) -> Response:
    """Stories most reported first (articles and printed copies): label (the most central
    title), article ids, first and last day, counts by source, copies, main entities with
    their ids. ``about`` is any name of an entity in the story; dates overlap the story's."""
    page = find_stories(store.conn, about=about, date_from=date_from, date_to=date_to,
                        min_articles=min_articles, limit=limit, cursor=cursor)
    if out.csv:
        return out.rows(StoryList(total=None, next=None, items=[]), story_rows(page.items), COLUMNS)
    return out.page(StoryList, page, COLUMNS)


@router.get("/stories/{story_id}", response_model=StoryOut, responses=ONE_ERRORS,
            summary="One story")
def story(store: ReadStore, story_id: StoryId) -> Response:
    """The story's articles in publication order (id, date, title, source), the copies other
    papers printed, counts by source and its main entities."""
    view = story_view(store.conn, story_id)
    if view is None:
        raise NotFoundError(f"no story {story_id}; list them with /api/stories")
    return json_response(StoryOut(story=view))

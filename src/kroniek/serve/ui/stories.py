"""Story pages: stories most reported first, and one story with its articles, copies, sources
and main entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from kroniek.errors import NotFoundError
from kroniek.queries.chronicle import find_stories, story_view

from ..api.common import Cursor, From, Name, ReadStore, To
from ..api.stories import MinArticles, StoryList, StoryOut
from .common import page, param_dict

router = APIRouter(include_in_schema=False)


@router.get("/stories")
@router.get("/stories.json")
def stories_page(request: Request, store: ReadStore, about: Name = None, date_from: From = None,
                 date_to: To = None, min_articles: MinArticles = 1,
                 cursor: Cursor = None) -> Response:
    found = find_stories(store.conn, about=about, date_from=date_from, date_to=date_to,
                         min_articles=min_articles, limit=50, cursor=cursor)
    params = {**param_dict(request, "about", "from", "to"),
              "min_articles": min_articles if min_articles > 1 else None}
    return page(request, "stories.html", StoryList(total=found.total, next=found.next, items=found.items),
                title="Verhalen", code_page="stories", code_params=params, found=found, params=params)


@router.get("/story/{raw}")
def story_page(request: Request, store: ReadStore,
               raw: Annotated[str, Path(max_length=30, pattern=r"^\d{1,18}(\.json)?$")]) -> Response:
    twin = raw.endswith(".json")
    sid = int(raw.removesuffix(".json"))
    view = story_view(store.conn, sid)
    if view is None:
        raise NotFoundError(f"no story {sid}; see the list of stories")
    return page(request, "story.html", StoryOut(story=view), title=view.label or f"Verhaal {sid}",
                as_json=twin, code_page="story", code_params={"id": sid}, twin=f"/story/{sid}.json",
                view=view)

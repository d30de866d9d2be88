"""The corrections page: every verdict given so far, with what kroniek had extracted."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kroniek.queries.corrections import find_corrections

from ..api.common import Cursor, ReadStore
from ..api.corrections import CorrectionList
from .common import page, param_dict

router = APIRouter(include_in_schema=False)


@router.get("/corrections")
@router.get("/corrections.json")
def corrections_page(request: Request, store: ReadStore,
                     target: Literal["quote_speaker", "figure", "entity"] | None = None,
                     article: Annotated[str | None, Query(max_length=1000)] = None,
                     cursor: Cursor = None) -> Response:
    found = find_corrections(store.conn, target=target, article=article, limit=100, cursor=cursor)
    params = param_dict(request, "target", "article")
    return page(request, "corrections.html", CorrectionList(total=found.total, next=found.next,
                                                            items=found.items),
                title="Correcties", code_page="corrections", code_params=params, found=found,
                params=params)

"""The article page: the text with every annotation marked; a click shows its fields,
speaker and source chain, and the evidence."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from kroniek.errors import NotFoundError
from kroniek.queries.articles import article_view
from kroniek.queries.corrections import list_corrections
from kroniek.queries.entities import entity_ids

from ..api.articles import ArticleDocument
from ..api.common import ReadStore
from ..templating import url_part
from .common import page, wants_json
from .marks import KINDS, marks_of, segments

router = APIRouter(include_in_schema=False)


@router.get("/article/{raw:path}")
def article_page(request: Request, raw: str, store: ReadStore) -> Response:
    article_id = raw
    twin = wants_json(request)
    if raw.endswith(".json") and store.article_row(raw) is None:
        article_id, twin = raw[: -len(".json")], True
    view = article_view(store, article_id)
    if view is None:
        raise NotFoundError(f"no article {article_id!r}; search for it on the start page")
    doc = view.to_dict()
    data = ArticleDocument.model_validate(doc)
    if twin:
        return page(request, "article.html", data, title=article_id, as_json=True)
    marks = marks_of(doc)
    names = {e["entity"] for e in doc["entities"]}
    return page(
        request, "article.html", data, title=doc.get("title") or article_id,
        code_page="article", code_params={"id": article_id},
        twin=f"/article/{url_part(article_id)}.json",
        doc=doc, marks=marks, segments=segments(doc["text"], marks), kinds=KINDS,
        entity_names=names, ids=entity_ids(store.conn, article_id),
        corrections=list_corrections(store.conn, article=article_id, limit=500),
    )

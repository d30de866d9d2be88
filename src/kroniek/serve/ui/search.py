"""The search page: results with snippets and a trend chart comparing queries."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.errors import QueryError
from kroniek.queries.articles import find_articles, period_end, period_start, trends

from ..api.articles import ArticleList
from ..api.common import Cursor, From, Name, Per, Q, ReadStore, To
from ..api.trends import TrendOut
from ..templating import HIT
from .common import page, wants_json

router = APIRouter(include_in_schema=False)


class SearchPage(BaseModel):
    articles: ArticleList
    trend: TrendOut


@router.get("/")
@router.get("/search")
@router.get("/search.json")
def search_page(
    request: Request,
    store: ReadStore,
    q: Q = "",
    vs: Annotated[list[str], Query(max_length=3)] = [],  # noqa: B006
    date_from: From = None,
    date_to: To = None,
    sort: Literal["relevance", "date", "date_asc"] = "relevance",
    source: Name = None,
    entity: Annotated[list[str], Query(max_length=5)] = [],  # noqa: B006
    story: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    per: Per = "month",
    count: Literal["articles", "stories"] = "articles",
    cursor: Cursor = None,
) -> Response:
    if any(len(v) > 500 for v in vs):
        raise QueryError("a compared query has at most 500 characters")
    markers = ("[", "]") if wants_json(request) else HIT
    hits = find_articles(store, q, date_from=date_from, date_to=date_to, sort=sort, source=source,
                         entities=tuple(entity), story=story, limit=20, cursor=cursor,
                         markers=markers)
    params = {"q": q, "from": date_from, "to": date_to, "sort": sort, "source": source,
              "entity": entity, "story": story, "per": per, "count": count}
    if cursor and request.headers.get("hx-request") and not wants_json(request):
        return request.app.state.templates.TemplateResponse(
            request, "partials/hits.html", {"hits": hits, "params": params})
    queries = [q, *[v for v in vs if v.strip()]]
    trend = trends(store, [(x.strip() or "alle artikelen", x) for x in queries], per=per,
                   date_from=date_from, date_to=date_to, source=source, entities=tuple(entity),
                   story=story, count=count)
    data = SearchPage(
        articles=ArticleList(total=hits.total, next=hits.next, items=hits.items),
        trend=TrendOut(per=trend.per, count=trend.count, periods=trend.periods,
                       series=trend.series))
    chart = {
        "periods": trend.periods,
        "starts": [period_start(p).isoformat() for p in trend.periods],
        "ends": [period_end(p).isoformat() for p in trend.periods],
        "series": [{"label": s.label, "query": s.query, "counts": s.counts} for s in trend.series],
        "link": {k: v for k, v in params.items() if k in ("source", "entity", "story") and v is not None and v != []},
        "unit": "verhalen" if count == "stories" else "artikelen",
    }
    return page(request, "search.html", data, title=q or "Zoeken", code_page="search",
                code_params={**params, "queries": queries}, hits=hits, params=params, vs=vs,
                chart=chart)

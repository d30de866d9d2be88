"""The "show code" block: the CLI command, Python call and curl request that give a page's data."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Any

from ..templating import query_string


@dataclass(frozen=True)
class Code:
    cli: str
    python: str
    curl: str


def _cli(*words: str, **options: Any) -> str:
    parts = ["kroniek", *words]
    for name, value in options.items():
        if value in (None, "", [], ()):
            continue
        flag = "--" + name.rstrip("_").replace("_", "-")
        parts += [flag] if value is True else [flag, str(value)]
    return " ".join(shlex.quote(p) for p in parts) + " --json"


def _args(*first: str, **kwargs: Any) -> str:
    return ", ".join([*first, *(f"{k}={v!r}" for k, v in kwargs.items() if v not in (None, "", [], ()))])


def _py(module: str, function: str, first: str, **kwargs: Any) -> str:
    return (f"import kroniek\nfrom kroniek.queries.{module} import {function}\n"
            f'store = kroniek.open("kroniek.db")\n{function}({_args(first, **kwargs)})')


def _curl(base: str, path: str, params: dict[str, Any]) -> str:
    qs = query_string(params)
    return f"curl -s '{base.rstrip('/')}{path}{'?' + qs if qs else ''}'"


def code(page: str, base: str, p: dict[str, Any]) -> Code:
    """Snippets for ``page`` with the page's parameters ``p``."""
    if page == "search":  # the result list and the trend chart
        hits = code("hits", base, p)
        trend = code("trend", base, p)
        python = hits.python.replace("import find_articles", "import find_articles, trends")
        return Code(f"{hits.cli}\n{trend.cli}", f"{python}\n{trend.python.splitlines()[-1]}",
                    f"{hits.curl}\n{trend.curl}")
    if page == "hits":
        return Code(
            _cli("search", p.get("q") or "", from_=p.get("from"), to=p.get("to"),
                 sort=None if p.get("sort") == "relevance" else p.get("sort"),
                 source=p.get("source"), story=p.get("story")),
            _py("articles", "find_articles", "store", q=p.get("q"), date_from=p.get("from"),
                date_to=p.get("to"), sort=p.get("sort"), source=p.get("source"),
                entities=tuple(p.get("entity") or ()), story=p.get("story")),
            _curl(base, "/api/articles", {k: p.get(k) for k in
                                          ("q", "from", "to", "sort", "source", "entity", "story")}),
        )
    if page == "trend":
        queries = p.get("queries") or [""]
        count = None if p.get("count") in (None, "articles") else p.get("count")
        return Code(
            "\n".join(_cli("search", q, per=p.get("per"), count=count, from_=p.get("from"),
                           to=p.get("to"), source=p.get("source"), story=p.get("story"))
                      for q in queries),
            _py("articles", "trends", "store", queries=[(q, q) for q in queries],
                per=p.get("per"), date_from=p.get("from"), date_to=p.get("to"),
                source=p.get("source"), entities=tuple(p.get("entity") or ()),
                story=p.get("story"), count=count),
            _curl(base, "/api/trends", {"q": queries, "per": p.get("per"), "count": count,
                                        "from": p.get("from"), "to": p.get("to"),
                                        "source": p.get("source")}),
        )
    if page == "article":
        aid = p["id"]
        return Code(_cli("show", aid), f'import kroniek\nkroniek.open("kroniek.db").get({aid!r}).to_dict()',
                    _curl(base, "/api/articles/" + _segment(aid), {}))
    if page == "entities":
        return Code(
            _cli("entities", label=p.get("label"), name=p.get("name")),
            _py("entities", "find_entities", "store.conn", label=p.get("label"), name=p.get("name")),
            _curl(base, "/api/entities", {"label": p.get("label"), "name": p.get("name")}),
        )
    if page == "entity":
        per = None if p.get("per") in (None, "month") else p.get("per")
        return Code(
            _cli("entity", f"#{p['id']}", per=p.get("per") or "month"),
            _py("entities", "entity_view", "store.conn", ref=p["id"], per=per),
            _curl(base, f"/api/entities/{p['id']}", {"per": per}),
        )
    if page == "events":
        filters = {k: p.get(k) for k in ("type", "actor", "target")}
        dates = {"from": p.get("from"), "to": p.get("to")}
        distinct = p.get("distinct") == "true"
        return Code(
            _cli("events", **filters, from_=dates["from"], to=dates["to"]) + "\n"
            + _cli("events", **filters, from_=dates["from"], to=dates["to"], per=p.get("per"),
                   distinct=distinct or None),
            _py("events", "find_events", "store.conn", **filters, date_from=dates["from"],
                date_to=dates["to"]).replace("import find_events", "import event_trend, find_events")
            + "\n" + f"event_trend(store.conn, {_args(**filters, date_from=dates['from'], date_to=dates['to'], per=p.get('per'), distinct=distinct or None)})",
            _curl(base, "/api/events", {**filters, **dates}) + "\n"
            + _curl(base, "/api/events/counts", {**filters, **dates, "per": p.get("per"),
                                                 "distinct": p.get("distinct")}),
        )
    if page == "stories":
        return Code(
            _cli("stories", about=p.get("about"), from_=p.get("from"), to=p.get("to"),
                 min_articles=p.get("min_articles")),
            _py("chronicle", "find_stories", "store.conn", about=p.get("about"),
                date_from=p.get("from"), date_to=p.get("to"), min_articles=p.get("min_articles")),
            _curl(base, "/api/stories", {k: p.get(k) for k in ("about", "from", "to", "min_articles")}),
        )
    if page == "story":
        return Code(
            _cli("stories", story=p["id"]) + "\n" + _cli("search", story=p["id"], sort="date_asc"),
            _py("chronicle", "story_view", "store.conn", sid=p["id"]),
            _curl(base, f"/api/stories/{p['id']}", {}) + "\n"
            + _curl(base, "/api/articles", {"story": p["id"], "sort": "date_asc"}),
        )
    if page == "quotes":
        return Code(
            _cli("quotes", speaker=p.get("speaker"), about=p.get("about"), from_=p.get("from"),
                 to=p.get("to")),
            _py("facts", "find_quotes", "store.conn", speaker=p.get("speaker"), about=p.get("about"),
                date_from=p.get("from"), date_to=p.get("to")),
            _curl(base, "/api/quotes", {k: p.get(k) for k in ("speaker", "about", "from", "to")}),
        )
    if page == "figures":
        return Code(
            _cli("figures", about=p.get("about"), from_=p.get("from"), to=p.get("to")),
            _py("figure_chart", "figure_chart", "store.conn", about=p.get("about"),
                date_from=p.get("from"), date_to=p.get("to")),
            _curl(base, "/api/figures/series", {k: p.get(k) for k in ("about", "from", "to")}),
        )
    if page == "map":
        return Code(
            _cli("entities", label="LOC", from_=p.get("from"), to=p.get("to")),
            _py("geo", "country_mentions", "store.conn", date_from=p.get("from"),
                date_to=p.get("to")),
            _curl(base, "/api/countries", {k: p.get(k) for k in ("from", "to")}),
        )
    if page == "corrections":
        return Code(
            _cli("corrections", target=p.get("target"), article=p.get("article")),
            _py("corrections", "find_corrections", "store.conn", target=p.get("target"),
                article=p.get("article")),
            _curl(base, "/api/corrections", {k: p.get(k) for k in ("target", "article")}),
        )
    raise KeyError(page)


def _segment(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")

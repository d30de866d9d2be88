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


def _py(module: str, function: str, first: str, **kwargs: Any) -> str:
    args = [first] + [f"{k}={v!r}" for k, v in kwargs.items() if v not in (None, "", [], ())]
    return (f"import kroniek\nfrom kroniek.queries.{module} import {function}\n"
            f'store = kroniek.open("kroniek.db")\n{function}({", ".join(args)})')


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
                 source=p.get("source")),
            _py("articles", "find_articles", "store", q=p.get("q"), date_from=p.get("from"),
                date_to=p.get("to"), sort=p.get("sort"), source=p.get("source"),
                entities=tuple(p.get("entity") or ())),
            _curl(base, "/api/articles", {k: p.get(k) for k in
                                          ("q", "from", "to", "sort", "source", "entity")}),
        )
    if page == "trend":
        queries = p.get("queries") or [""]
        return Code(
            "\n".join(_cli("search", q, per=p.get("per"), from_=p.get("from"), to=p.get("to"))
                      for q in queries),
            _py("articles", "trends", "store", queries=[(q, q) for q in queries],
                per=p.get("per"), date_from=p.get("from"), date_to=p.get("to")),
            _curl(base, "/api/trends", {"q": queries, "per": p.get("per"), "from": p.get("from"),
                                        "to": p.get("to")}),
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
        key = p["key"]
        return Code(
            _cli("entities", name=key) + " ; " + _cli("quotes", speaker=key),
            _py("entities", "entity_view", "store.conn", key=key),
            _curl(base, "/api/entities/" + _segment(key), {}),
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

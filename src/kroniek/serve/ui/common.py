"""What every page shares: the HTML-or-JSON-twin answer, the store, the "show code" block."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from ..api.common import json_response
from .code import code


def wants_json(request: Request) -> bool:
    """The page's JSON twin: its path ends in .json, or ?format=json."""
    return request.url.path.endswith(".json") or request.query_params.get("format") == "json"


def twin_url(request: Request, path: str | None = None) -> str:
    """The .json twin of the page being rendered (``path``: the page's path, URL-encoded)."""
    base = path or request.url.path
    base = "/search" if base == "/" else base
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    return f"{base}.json{'?' + urlencode(params) if params else ''}"


def page(request: Request, template: str, data: Any, *, title: str, code_page: str | None = None,
         code_params: dict[str, Any] | None = None, twin: str | None = None,
         status: int = 200, as_json: bool = False, **context: Any) -> Response:
    """The page as HTML, or ``data`` (a response model) as its JSON twin."""
    if as_json or wants_json(request):
        return json_response(data, status)
    base = str(request.base_url)
    snippets = code(code_page, base, code_params or {}) if code_page else None
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {
        "title": title, "data": data, "code": snippets, "json_url": twin or twin_url(request),
        "writes": request.app.state.token is not None, **context,
    }, status_code=status)


def param_dict(request: Request, *names: str) -> dict[str, Any]:
    """The page's own parameters as given (for links and the code block)."""
    return {n: request.query_params.get(n) for n in names}

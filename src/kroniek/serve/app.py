"""``create_app(store_path, token)``: the API under /api, the pages under /, static files
under /static — one process, read-only unless a token is given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

import kroniek

from .api import api_router
from .errors import install as install_errors
from .security import FormParamsMiddleware, SafetyMiddleware
from .stores import Stores
from .templating import HERE, make_templates
from .ui import ui_router

DESCRIPTION = """Dated Dutch news as a searchable, temporal knowledge base: who said what about
whom, which figures were reported and by whom, time expressions and entities, every fact linked
to the character offsets of its article.

Every listing answers as JSON and as CSV (its `.csv` path, or `format=csv`) and pages with an
opaque `next` cursor. Every error is `{"error": {"status", "message", "detail"}}`. Writes exist
only when the server was started with a token and need `Authorization: Bearer TOKEN`."""


def create_app(store_path: str | Path, token: str | None = None, *,
               loopback_only: bool = True) -> FastAPI:
    """The whole server for the store at ``store_path``. ``token`` enables the writes;
    ``loopback_only`` answers only requests addressed to localhost (guards against DNS
    rebinding while bound to 127.0.0.1)."""
    token = token or None
    app = FastAPI(title="kroniek", version=kroniek.__version__, description=DESCRIPTION,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.stores = Stores(store_path)
    app.state.token = token
    app.state.templates = make_templates()
    app.state.render_error = _error_page(app)
    install_errors(app)
    app.include_router(api_router(writes=token is not None))
    app.include_router(ui_router())
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(FormParamsMiddleware)
    app.add_middleware(SafetyMiddleware, loopback_only=loopback_only)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    @app.on_event("shutdown")
    def _close() -> None:
        app.state.stores.close()

    return app


def _error_page(app: FastAPI) -> Any:
    def render(request: Request, status: int, message: str) -> HTMLResponse:
        result: HTMLResponse = app.state.templates.TemplateResponse(
            request, "error.html", {"title": f"Fout {status}", "status": status,
                                    "message": message, "json_url": None, "code": None,
                                    "writes": app.state.token is not None},
            status_code=status)
        return result
    return render


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The schema, with FastAPI's 422 answers dropped: bad input is a 400 in the one error
    shape here."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    for path in schema.get("paths", {}).values():
        for op in path.values():
            op.get("responses", {}).pop("422", None)
    comps = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        comps.pop(name, None)
    app.openapi_schema = schema
    return schema

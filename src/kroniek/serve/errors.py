"""One error shape for every 4xx and 5xx the API sends:
``{"error": {"status": 400, "message": "...", "detail": ...}}``.

kroniek's own errors map to statuses by kind (a malformed query is a 400 that names the
position, an unknown id a 404); anything unexpected is a 500 whose body says only that, while
the traceback goes to the server's log, never to the client. Pages (outside ``/api``) get the
same message as an HTML page, and their ``.json`` twins the JSON shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kroniek.errors import KroniekError, NotFoundError, QueryError, StoreError, UsageError

from .stores import Busy

log = logging.getLogger("kroniek.serve")


class ErrorDetail(BaseModel):
    status: int
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    error: ErrorDetail


def _responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    words = {400: "Bad request: a malformed query, parameter or body", 401: "Token missing or wrong",
             404: "Not found", 413: "Body too large", 503: "Busy, try again",
             500: "Internal error (no details are sent)"}
    return {c: {"model": ErrorBody, "description": words[c]} for c in codes}


#: What every read endpoint may answer besides 200; write endpoints add 401 and 413.
READ_ERRORS = _responses(400, 500, 503)
ONE_ERRORS = _responses(400, 404, 500, 503)
WRITE_ERRORS = _responses(400, 401, 404, 413, 500, 503)


def error_json(status: int, message: str, detail: Any = None,
               headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status, headers=headers)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return (path.startswith("/api") or path.endswith((".json", ".csv"))
            or request.query_params.get("format") in ("json", "csv"))


def respond(request: Request, status: int, message: str, detail: Any = None,
            headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return error_json(status, message, detail, headers)
    renderer = getattr(request.app.state, "render_error", None)
    if renderer is None:
        return error_json(status, message, detail, headers)
    html: HTMLResponse = renderer(request, status, message)
    return html


_STATUS_OF: list[tuple[type[Exception], int]] = [
    (NotFoundError, 404), (QueryError, 400), (UsageError, 400), (Busy, 503), (StoreError, 503),
    (KroniekError, 400),
]


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is under /api (see /api/docs)"
        if exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, message, None, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in exc.errors()]
        first = problems[0] if problems else {"where": "?", "problem": "invalid"}
        return respond(request, 400, f"bad {first['where']}: {first['problem']}", problems)

    @app.exception_handler(KroniekError)
    async def kroniek_error(request: Request, exc: KroniekError) -> Response:
        status = next(code for kind, code in _STATUS_OF if isinstance(exc, kind))
        if isinstance(exc, StoreError):
            log.error("store error: %s", exc)
            return respond(request, status, "the store cannot be read right now")
        return respond(request, status, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal error; the server log has the details")

"""Safe by default: strict headers on every response, a Host check while bound to loopback,
and the write token.

* ``Content-Security-Policy: default-src 'self'`` (plus no framing, no foreign form targets):
  pages run only the scripts and styles served from static files here, never inline ones.
* While the server listens on a loopback address only requests naming a loopback host are
  answered, so a web page elsewhere cannot reach it through DNS rebinding.
* Writes need ``Authorization: Bearer TOKEN`` (or ``X-Kroniek-Token``); the comparison takes
  the same time whatever the guess.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

CSP = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_NAMES or host.startswith("127.")


class SafetyMiddleware:
    """Adds the security headers; refuses foreign Host headers when ``loopback_only``."""

    def __init__(self, app: ASGIApp, loopback_only: bool = True) -> None:
        self.app = app
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.loopback_only and not _host_ok(scope):
            body = json.dumps({"error": {"status": 400, "message":
                               "this server answers only requests for localhost / 127.0.0.1",
                               "detail": None}}).encode()
            await send({"type": "http.response.start", "status": 400, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                *HEADERS]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _host_ok(scope: Scope) -> bool:
    for key, value in scope.get("headers", []):
        if key == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):
                name = host.split("]")[0] + "]"
            else:
                name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
            return is_loopback(name)
    return True  # HTTP/1.0 without Host: nothing to rebind


def require_token(request: Request) -> None:
    """Dependency of every write: the configured token, or 401."""
    token: str | None = request.app.state.token
    given = request.headers.get("x-kroniek-token", "")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not token or not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "this write needs the server's token: "
                                 "send Authorization: Bearer TOKEN", {"WWW-Authenticate": "Bearer"})


class FormParamsMiddleware:
    """Pages are driven by HTML forms, which send every field, empty ones too (``from=``): for
    paths outside /api an empty parameter means "not given". The API keeps its strict schema."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api") and scope.get("query_string"):
            parts = [p for p in scope["query_string"].split(b"&") if p and not p.endswith(b"=")]
            scope = {**scope, "query_string": b"&".join(parts)}
        await self.app(scope, receive, send)

"""``kroniek serve``: the REST API and the web UI over one store, on localhost by default."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import typer

from .app import app
from .common import DB, open_db


@app.command()
def serve(
    db: Path = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback exposes the store to the network."),
    port: int = typer.Option(8000, "--port", help="Port (0: any free one; the printed URL says which)."),
    token: str | None = typer.Option(None, "--token", envvar="KRONIEK_TOKEN", help="Enable writes (POST /api/ingest, /api/corrections) for requests carrying this token. Env: KRONIEK_TOKEN. Without it the server is read-only."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level: debug, info, warning, error."),
) -> None:
    """Serve the API under /api (docs at /api/docs) and the web UI under /; prints its URL."""
    import uvicorn

    from kroniek.chronicle import ensure_chronicle
    from kroniek.serve import create_app
    from kroniek.serve.security import is_loopback

    store = open_db(db)  # a clear error when there is no store; migrates an older one
    placed = ensure_chronicle(store)  # entity ids, stories and series of a store made before them
    where = store.path  # a PostgreSQL URL without its password
    store.close()
    if placed:
        print(f"chronicle built over {placed} articles", file=sys.stderr, flush=True)
    loopback = is_loopback(host)
    application = create_app(db, token, loopback_only=loopback)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say they are
    # TCP; without it every response after the first on a keep-alive connection waits ~40 ms
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        from kroniek.errors import UsageError

        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}; "
                         "choose another --port (0 picks a free one)") from None
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    mode = "writes need the token" if token else "read-only"
    print(f"kroniek serves {where} at http://{shown}:{bound}/ (API http://{shown}:{bound}/api, "
          f"docs /api/docs; {mode})", flush=True)
    if not loopback:
        print(f"Warning: listening on {host}, not loopback: anyone who can reach this machine can "
              "read the store", file=sys.stderr, flush=True)
    config = uvicorn.Config(application, log_level=log_level, access_log=log_level in ("debug", "info"))
    server = uvicorn.Server(config)
    server.run(sockets=[sock])

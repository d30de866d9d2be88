"""The ``kroniek`` command: thin Typer wrappers over library functions.

Errors kroniek raises on purpose print ``Error: ...`` on stderr and exit 1 (usage errors 2);
never a traceback.
"""

from __future__ import annotations

import sys

from kroniek.errors import KroniekError, UsageError

from .app import app


def _register() -> None:
    from . import explore, facts, ingest, serve, train  # noqa: F401 - modules add their commands


def main() -> None:
    """Entry point: run the app and turn kroniek errors into clear messages and exit codes."""
    _register()
    try:
        app()  # standalone: click reports its own usage errors (exit 2) and handles Exit
    except UsageError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KroniekError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("Interrupted; the store is consistent, re-run to continue.", file=sys.stderr)
        sys.exit(130)


__all__ = ["app", "main"]

"""The ``kroniek`` command: thin Typer wrappers over library functions.

Errors kroniek raises on purpose print ``Error: ...`` on stderr and exit 1 (usage errors 2).
Anything else prints one ``Error:`` line saying where the details were written and exits 1
(see :mod:`.failure`); ``--debug`` or ``KRONIEK_DEBUG=1`` shows the traceback instead.
Never a bare traceback.
"""

from __future__ import annotations

import sys
import traceback

from kroniek.errors import KroniekError, UsageError

from .app import app
from .failure import debug_from_env, report, take_debug_flag


def _register() -> None:
    from . import chronicle, events, explore, facts, ingest, serve, spark, stores, train  # noqa: F401 - modules add their commands


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every error into a clear message and exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = take_debug_flag(args) or debug_from_env()
    try:
        _register()
        # standalone: click reports its own usage errors (exit 2) and handles Exit
        app(args=args, prog_name="kroniek")
    except KroniekError as exc:
        if debug:
            traceback.print_exception(exc, file=sys.stderr)
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except KeyboardInterrupt:
        print("Interrupted; the store is consistent, re-run to continue.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        report(exc, args, debug=debug)
        sys.exit(1)


__all__ = ["app", "main"]

"""What the user sees when kroniek fails in a way it did not foresee: one ``Error:`` line that
says what happened and where the details are, never a Python traceback (``--debug`` or
``KRONIEK_DEBUG=1`` shows it).

The details (traceback, command line, versions) go to a file in the user's log folder:
``$KRONIEK_LOG_DIR``, else ``$XDG_STATE_HOME/kroniek/log`` (``~/.local/state/kroniek/log``) on
Linux, ``~/Library/Logs/kroniek`` on macOS, ``%LOCALAPPDATA%\\kroniek\\Logs`` on Windows; the
system's temporary folder when that cannot be written.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import sys
import tempfile
import traceback
from pathlib import Path

DEBUG_ENV = "KRONIEK_DEBUG"


def debug_from_env() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


def take_debug_flag(args: list[str]) -> bool:
    """Remove ``--debug`` wherever it stands before ``--`` (so ``kroniek ingest x --debug``
    works as well as ``kroniek --debug ingest x``); True if it was there."""
    end = args.index("--") if "--" in args else len(args)
    found = "--debug" in args[:end]
    args[:end] = [a for a in args[:end] if a != "--debug"]
    return found


def log_dir() -> Path:
    if os.environ.get("KRONIEK_LOG_DIR"):
        return Path(os.environ["KRONIEK_LOG_DIR"])
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "kroniek"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / "kroniek" / "Logs"
    return Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state") / "kroniek" / "log"


def write_report(exc: BaseException, argv: list[str]) -> Path:
    """Write the details of ``exc`` to a new file in :func:`log_dir`; returns its path."""
    from kroniek import __version__

    now = dt.datetime.now()
    name = f"error-{now:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    text = "\n".join([
        f"kroniek {__version__} failed unexpectedly at {now.isoformat(timespec='seconds')}",
        f"command: kroniek {' '.join(argv)}",
        f"working folder: {os.getcwd()}",
        f"python {platform.python_version()} on {platform.platform()}, SQLite {sqlite3.sqlite_version}",
        "",
        "".join(traceback.format_exception(exc)),
        "Please report this with this file (remove anything private from it first).",
    ])
    try:
        folders = [log_dir()]
    except RuntimeError:  # no home folder to be found
        folders = []
    for folder in (*folders, Path(tempfile.gettempdir()) / "kroniek-logs"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    raise OSError("no folder to write the error report to")


def known_cause(exc: BaseException) -> str | None:
    """A message for failures from outside kroniek that the user can act on, or None."""
    text = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return ("the store is busy: another kroniek process is writing to it; try again in a "
                    "moment")
        if "disk is full" in text or "database or disk is full" in text:
            return ("the disk is full; free some space and run the command again (an ingest "
                    "continues where it stopped)")
    if type(exc).__module__.startswith("psycopg") and type(exc).__name__ in (
            "OperationalError", "InterfaceError", "AdminShutdown", "ConnectionTimeout"):
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        return (f"the connection to the PostgreSQL store failed ({first}); check that the server "
                "runs and run the command again (an ingest continues where it stopped)")
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return ("the disk is full; free some space and run the command again (an ingest "
                "continues where it stopped)")
    return None


def report(exc: BaseException, argv: list[str], *, debug: bool) -> None:
    """Print what happened (one ``Error:`` line; the traceback too with ``debug``)."""
    cause = known_cause(exc)
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    if cause is not None:
        print(f"Error: {cause}", file=sys.stderr)
        return
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    what = f"unexpected {type(exc).__name__}" + (f": {first}" if first else "")
    if debug:
        print(f"Error: {what}; the traceback is above", file=sys.stderr)
        return
    try:
        where = f"details in {write_report(exc, argv)}"
    except OSError as err:
        where = f"no details written ({err})"
    print(f"Error: {what}; {where}; rerun with --debug to see the traceback", file=sys.stderr)

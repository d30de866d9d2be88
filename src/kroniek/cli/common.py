"""Options every store command shares."""

from __future__ import annotations

from pathlib import Path

import typer

DB = typer.Option(
    Path("kroniek.db"), "--db", envvar="KRONIEK_DB",
    help="Store: a file (SQLite) or postgresql://user@host/dbname. Env: KRONIEK_DB.",
)
JSON = typer.Option(False, "--json", help="Write a JSON array.")
CSV = typer.Option(False, "--csv", help="Write CSV.")
FROM = typer.Option(None, "--from", help="Only articles published on/after this date (YYYY[-MM[-DD]]).")
TO = typer.Option(None, "--to", help="Only articles published on/before this date (YYYY[-MM[-DD]]).")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")


def date_bound(value: str | None, *, end: bool) -> str | None:
    """Turn a YYYY[-MM[-DD]] option into the first/last day it can mean."""
    if not value:
        return None
    from kroniek.errors import UsageError
    from kroniek.model import PublishedDate

    try:
        d = PublishedDate.parse(value)
    except Exception as exc:  # DateError
        raise UsageError(f"--from/--to {value!r}: {exc}") from None
    return (d.end() if end else d.start()).isoformat()


def open_db(path: Path | str, *, must_exist: bool = True):  # type: ignore[no-untyped-def]
    """The store ``--db`` names: a SQLite file, or a PostgreSQL database by URL."""
    from kroniek.errors import StoreError
    from kroniek.store.open import exists, open_store, store_target

    target = store_target(path)
    if must_exist and not exists(target):
        raise StoreError(
            f"no store at {target!r}; ingest articles first (`kroniek ingest PATH --db {target}`)"
        )
    return open_store(target)

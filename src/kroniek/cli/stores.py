"""Commands that move a whole store: copy (SQLite <-> PostgreSQL)."""

from __future__ import annotations

import sys

import typer

from .app import app


@app.command()
def copy(
    source: str = typer.Option(..., "--from", help="The store to copy: a SQLite file or a postgresql:// URL."),
    target: str = typer.Option(..., "--to", help="The new, empty store: a SQLite file or a postgresql://user@host/dbname URL."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress."),
) -> None:
    """Copy a store into another, e.g. a SQLite file into PostgreSQL: articles, annotations,
    the chronicle, quarantine and corrections, as they are (nothing is re-extracted)."""
    from kroniek.errors import StoreError
    from kroniek.store.copy import copy_store
    from kroniek.store.open import exists, open_store, store_target

    if not exists(source):
        raise StoreError(f"no store at {store_target(source)!r} to copy from")
    src = open_store(source)
    try:
        dst = open_store(target)
        try:
            shown: dict[str, int] = {}

            def progress(table: str, n: int) -> None:
                if not quiet and sys.stderr.isatty() and n - shown.get(table, 0) >= 10_000:
                    shown[table] = n
                    print(f"\r{table}: {n:,} rows", end="", file=sys.stderr, flush=True)

            counts = copy_store(src, dst, progress)
        finally:
            dst.close()
    finally:
        src.close()
    if not quiet and sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    print(f"copied {counts['articles']} articles ({sum(counts.values())} rows in {len(counts)} tables) "
          f"from {src.path} to {dst.path}", file=sys.stderr)

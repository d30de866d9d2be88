"""Open a store by what ``--db`` / ``KRONIEK_DB`` says: a file path (SQLite) or a
``postgresql://`` URL (PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path

from kroniek.errors import StoreError

from .protocol import Store

_URL = re.compile(r"^(postgres(?:ql)?):/+(.*)$", re.S)


def store_target(value: str | Path) -> str:
    """The path or URL ``value`` names. A URL that went through ``pathlib.Path`` (as a Typer
    option of type Path does) lost one of its two slashes; they are put back."""
    text = str(value)
    m = _URL.match(text)
    return f"{m.group(1)}://{m.group(2)}" if m else text


def is_url(value: str | Path) -> bool:
    return _URL.match(str(value)) is not None


def exists(value: str | Path) -> bool:
    """Whether there is a store to open without creating one (a URL is assumed to exist: its
    database is created by the server's administrator; the tables come with the first open)."""
    target = store_target(value)
    return is_url(target) or target == ":memory:" or Path(target).exists()


def open_store(value: str | Path, *, read_only: bool = False) -> Store:
    """The SQLite or PostgreSQL store ``value`` names, migrated unless ``read_only``."""
    target = store_target(value)
    if is_url(target):
        from .postgres import PostgresStore

        return PostgresStore(target, read_only=read_only)
    if "://" in target:
        raise StoreError(f"--db {target!r}: kroniek stores are a file path (SQLite) or a "
                         "postgresql://user@host/dbname URL")
    from .sqlite import SQLiteStore

    return SQLiteStore(target, read_only=read_only)

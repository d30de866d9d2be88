"""``kroniek copy --from A --to B``: every table of one store into another, either backend.

Rows go across as they are — articles with their rowids, annotations, the chronicle (entity
records, stories, series and event keys), quarantine, corrections, near-duplicate signatures —
so the copy answers every query as the original does, without re-running the pipeline or the
chronicle. The full-text rows are carried as stems and indexed the target's way (FTS5 or
tsvector). Tables are read a page at a time in key order (memory stays flat at any size) and
written in one transaction, so a failed copy leaves the target as it was. The target must hold
no articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from kroniek.errors import StoreError

from .protocol import Store
from .rows import TextRows

#: Tables in the order they are copied (a referenced table before the ones referring to it),
#: each with the columns that order its rows (its key).
TABLES: list[tuple[str, tuple[str, ...]]] = [
    ("articles", ("rowid",)),
    ("entities", ("rowid",)),
    ("quotes", ("rowid",)),
    ("figures", ("rowid",)),
    ("timexes", ("rowid",)),
    ("events", ("rowid",)),
    ("minhashes", ("article",)),
    ("minhash_bands", ("key", "article")),
    ("quarantine", ("id",)),
    ("entity_records", ("id",)),
    ("entity_aliases", ("entity", "alias")),
    ("entity_acronyms", ("acronym", "entity")),
    ("stories", ("id",)),
    ("term_df", ("term",)),
    ("story_terms", ("term", "day", "article")),
    ("term_days", ("term", "day")),
    ("story_bursts", ("article",)),
    ("copies", ("id",)),
    ("chronicle_state", ("key",)),
    ("corrections", ("id",)),
]
#: Columns only one backend has: its own keys and its own full-text column.
_BACKEND_ONLY = {"tsv"}
PAGE = 1000


def _columns(store: Store, table: str) -> list[str]:
    cur = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0].lower() for d in cur.description]


def _pages(store: Store, table: str, columns: list[str], key: tuple[str, ...]) -> Iterator[list[Any]]:
    """The rows of ``table`` (``columns`` then ``key``), a page at a time, in key order."""
    select = ", ".join([*columns, *key])
    order = ", ".join(key)
    last: tuple[Any, ...] | None = None
    while True:
        if last is None:
            sql, params = f"SELECT {select} FROM {table} ORDER BY {order} LIMIT ?", [PAGE]
        else:
            cond = f"({order}) > ({', '.join('?' * len(key))})" if len(key) > 1 else f"{key[0]} > ?"
            sql = f"SELECT {select} FROM {table} WHERE {cond} ORDER BY {order} LIMIT ?"
            params = [*last, PAGE]
        rows = store.conn.execute(sql, params).fetchall()
        if not rows:
            return
        yield [tuple(r)[: len(columns)] for r in rows]
        last = tuple(rows[-1])[len(columns):]


def copy_store(source: Store, target: Store, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns rows copied per table."""
    if target.conn.execute("SELECT count(*) FROM articles").fetchone()[0]:
        raise StoreError(f"the target store {target.path} already holds articles; copy into a new, "
                         "empty store (a new file, or a new PostgreSQL database)")
    if source.schema_version() != target.schema_version():
        raise StoreError(f"the stores have schema versions {source.schema_version()} and "
                         f"{target.schema_version()}; open both once with this kroniek first")
    to_postgres = target.backend == "postgresql"
    counts: dict[str, int] = {}
    with target.transaction():
        target.conn.execute("DELETE FROM chronicle_state")  # the new store's own defaults
        for table, key in TABLES:
            theirs = set(_columns(target, table))
            columns = [c for c in _columns(source, table) if c in theirs and c not in _BACKEND_ONLY]
            if table != "articles" and "rowid" in columns and key == ("rowid",):
                columns.remove("rowid")  # annotations: the target numbers them in the same order
            sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))})")
            n = 0
            for page in _pages(source, table, columns, key):
                if to_postgres:
                    page = [tuple(v.replace("\x00", "\\x00") if isinstance(v, str) else v for v in row)
                            for row in page]
                target.conn.executemany(sql, page)
                n += len(page)
                if progress is not None:
                    progress(table, n)
            counts[table] = n
        counts["articles_fts"] = _copy_text_rows(source, target, progress)
        if to_postgres:
            _advance_identities(target)
    if target.text_index_path is not None and target.text_index is not None:
        target.build_text_index()
    return counts


def _copy_text_rows(source: Store, target: Store, progress: Callable[[str, int], None] | None) -> int:
    n = 0
    for page in _pages(source, "articles_fts", ["rowid", "title", "text", "source"], ("rowid",)):
        for rowid, title, text, src in page:
            target._insert_text_row(int(rowid), TextRows(title or "", text or "", src or ""))  # type: ignore[attr-defined]  # noqa: SLF001
        n += len(page)
        if progress is not None:
            progress("articles_fts", n)
    return n


def _advance_identities(target: Store) -> None:
    """PostgreSQL's identity columns continue after the copied keys."""
    from .postgres.schema import IDENTITIES

    for table, column in IDENTITIES.items():
        target.conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
            f" coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)")

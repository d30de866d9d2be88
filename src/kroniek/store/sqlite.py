"""The embedded default store: one SQLite file (WAL), schema migrations, annotations with offsets.

An article, its annotations and its full-text row are written in one transaction, so a killed
ingest leaves the store consistent and the next run simply continues where it stopped. The
methods both backends share live in :mod:`.base`; this module holds what is SQLite's own: the
file, WAL, ``BEGIN IMMEDIATE`` as the write lock, FTS5, and the tantivy index beside the file,
built and kept in sync by default when tantivy is installed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kroniek.errors import StoreError

from . import locking
from .base import ANNOTATION_TABLES, BaseStore, Rejection, StoredDocument, fill_bands, now
from .locking import retry_busy
from .rows import TextRows
from .schema import FILL_BANDS, MIGRATIONS

__all__ = ["ANNOTATION_TABLES", "Rejection", "SQLiteStore", "StoredDocument", "open_store"]

_now = now  # older name, kept for callers


def tantivy_available() -> bool:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False
    return True


class SQLiteStore(BaseStore):
    """kroniek's store on SQLite; :class:`~kroniek.store.postgres.PostgresStore` is the other."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, read_only: bool = False, text_index: bool | None = None) -> None:
        """Open (creating and migrating) the store; ``read_only`` opens an existing, current
        store for reading only (``PRAGMA query_only``): no migration, no index repair, no write
        can pass, and the connection may be used from another thread than the one that made it
        (one thread at a time), as a server's worker threads do.

        ``text_index``: keep the tantivy index beside the file (the default when tantivy is
        installed and ``kroniek index --drop`` did not turn it off; ``KRONIEK_TEXT_INDEX=0``
        turns it off for one process)."""
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            parent = Path(self.path).resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create store {self.path!r}: folder {parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, timeout=locking.BUSY_TIMEOUT_S,
                                        isolation_level=None, check_same_thread=not read_only)
            self.conn.row_factory = sqlite3.Row
            self._text_index: Any = None
            self._skip_text_index = False
            if read_only:
                if self.schema_version() != len(MIGRATIONS):
                    raise StoreError(
                        f"store {self.path!r} has schema version {self.schema_version()}, not "
                        f"{len(MIGRATIONS)}; open it once for writing (any kroniek command) to migrate it"
                    )
                self.conn.execute("PRAGMA query_only=ON")
                return
            retry_busy(self._use_wal, what="opening it", path=self.path)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.migrate()
            self._default_text_index(text_index)
            self._sync_text_index()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open store {self.path!r}: {exc}; is it a kroniek SQLite file? "
                "Point --db (or KRONIEK_DB) at another path to start a new store"
            ) from None

    def _use_wal(self) -> None:
        """WAL: readers never wait for the writer, nor it for them. Switching a new file to it
        needs a moment alone with the file, so a second process opening it then waits."""
        self.conn.execute("PRAGMA journal_mode=WAL").fetchone()

    # -- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self, current: int) -> None:
        if current > len(MIGRATIONS):
            raise StoreError(
                f"store {self.path!r} has schema version {current}, newer than this kroniek "
                f"({len(MIGRATIONS)}); upgrade kroniek"
            )

    def migrate(self) -> None:
        """Bring the schema up to date, in one transaction; when two processes open a new
        store at once, the second finds the work done."""
        self._check_version(self.schema_version())
        if self.schema_version() == len(MIGRATIONS):
            return
        with self.transaction():
            current = self.schema_version()  # read again under the write lock
            self._check_version(current)
            for version in range(current, len(MIGRATIONS)):
                for statement in _split_sql(MIGRATIONS[version]):
                    self.conn.execute(statement)
                if version + 1 == FILL_BANDS:
                    fill_bands(self.conn)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. It takes the write lock at once (``BEGIN IMMEDIATE``): a reader
        that turns writer cannot deadlock, and what it reads inside stays true until COMMIT."""
        retry_busy(lambda: self.conn.execute("BEGIN IMMEDIATE"), what="waiting to write",
                   path=self.path)
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def _insert_text_row(self, rowid: int, stems: TextRows) -> None:
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, text, source) VALUES (?,?,?,?)",
            (rowid, stems.title, stems.text, stems.source),
        )

    # -- the tantivy index beside the file -------------------------------------------------------

    @property
    def text_index_path(self) -> Path | None:
        return None if self.path == ":memory:" else Path(self.path + ".tantivy")

    def _default_text_index(self, wanted: bool | None) -> None:
        """Build the index when it is wanted and missing: a new store gets it at once (empty),
        an older one on its first writable open."""
        if wanted is None:
            wanted = os.environ.get("KRONIEK_TEXT_INDEX", "1") not in ("0", "off", "no")
        path = self.text_index_path
        if not wanted or path is None or path.is_dir() or not tantivy_available():
            return
        if self.setting("text_index") == "off":
            return
        with self.transaction():
            if not path.is_dir():  # another process may have built it meanwhile
                self.build_text_index()

    def drop_text_index(self) -> None:
        """Remove the index and remember that this store is searched with FTS5 alone."""
        super().drop_text_index()
        self.set_setting("text_index", "off")

    def build_text_index(self) -> int:
        n = super().build_text_index()
        if self.setting("text_index") == "off":
            self.conn.execute("DELETE FROM chronicle_state WHERE key = 'text_index'")
        return n


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (our migrations have no semicolons inside strings)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def open_store(path: str | Path) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``path``."""
    return SQLiteStore(path)

"""The PostgreSQL store: ``--db postgresql://user@host/dbname`` (or the same in ``KRONIEK_DB``).

The same interface and the same SQL as the SQLite store (:mod:`..base`; the connection adapter in
:mod:`.connection` takes kroniek's SQL as it is), with PostgreSQL's own:

* connections come from a psycopg pool per server (``KRONIEK_PG_POOL`` connections at most,
  default 10), shared by every store a process opens, so a server's request threads each borrow
  one;
* a write transaction first takes one transaction-level advisory lock, so writers take turns as
  they do on SQLite (``BEGIN IMMEDIATE``) while readers never wait: the checks an ingest batch
  makes under it (id stored? same text under another id? a near copy?) hold until its commit,
  so several ingest processes, on one machine or many, store each article once. A writer waits
  at most ``locking.WRITE_WAIT_S`` for the lock, then gives up with a clear error;
* the full-text index is a ``tsvector`` per article under a GIN index (:mod:`.textsearch`);
* a killed client's open transaction is rolled back by the server: what was committed stays.

The optional tantivy index lives on the machine that searches, in ``KRONIEK_INDEX_DIR`` (default
``~/.local/share/kroniek/tantivy/HOST-PORT-DB``), and is built with ``kroniek index``.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kroniek.errors import StoreError

from .. import locking
from ..base import BaseStore, fill_bands
from ..rows import TextRows
from ..schema import FILL_BANDS
from .connection import Connection, configure
from .schema import MIGRATIONS
from .textsearch import tsvector

#: The advisory lock every write transaction takes ("kron" in ASCII).
WRITE_LOCK = 0x6B726F6E

_POOLS: dict[str, Any] = {}
_POOLS_LOCK = threading.Lock()


def is_postgres_url(target: object) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        return url
    try:
        info = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - a malformed URL is reported by connect()
        return url
    host, port, db = info.get("host", ""), info.get("port", ""), info.get("dbname", "")
    user = info.get("user", "")
    return f"postgresql://{user + '@' if user else ''}{host}{':' + str(port) if port else ''}/{db}"


def _pool(url: str) -> Any:
    try:
        import psycopg
        from psycopg_pool import ConnectionPool
    except ImportError:
        raise StoreError(
            "a PostgreSQL store needs psycopg 3 and psycopg-pool: pip install 'kroniek[postgres]'"
        ) from None
    with _POOLS_LOCK:
        pool = _POOLS.get(url)
        if pool is None:
            try:  # fail fast and say why (a pool would retry in the background)
                psycopg.connect(url, connect_timeout=10).close()
            except psycopg.Error as exc:
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
                raise StoreError(
                    f"cannot connect to the PostgreSQL store {safe_url(url)}: {first}; check the "
                    "URL, that the server runs, and that the user may log in") from None
            size = max(1, int(os.environ.get("KRONIEK_PG_POOL", "10")))
            pool = ConnectionPool(
                url, min_size=1, max_size=size, open=False, configure=configure,
                kwargs={"cursor_factory": psycopg.ClientCursor, "autocommit": True,
                        "application_name": "kroniek"},
                name=f"kroniek-{len(_POOLS)}",
            )
            try:
                pool.open(wait=True, timeout=15)
            except Exception as exc:  # noqa: BLE001 - psycopg_pool.PoolTimeout hides the cause
                pool.close()
                raise StoreError(
                    f"cannot connect to the PostgreSQL store {safe_url(url)}: {_cause(url, exc)}; "
                    "check the URL, that the server runs, and that the user may log in"
                ) from None
            _POOLS[url] = pool
    return pool


def _cause(url: str, exc: BaseException) -> str:
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as direct:
        return str(direct).strip().splitlines()[0]
    return str(exc)


@atexit.register
def close_pools() -> None:
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            pool.close(timeout=1)
        _POOLS.clear()


class PostgresStore(BaseStore):
    """kroniek's store on PostgreSQL (see the module's docstring)."""

    backend = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False, index_dir: str | Path | None = None) -> None:
        self.url = url
        self.path = safe_url(url)
        self.read_only = read_only
        self._index_dir = Path(index_dir) if index_dir else None
        self._text_index: Any = None
        self._skip_text_index = False
        self._pool = _pool(url)
        try:
            self._raw = self._pool.getconn(timeout=60)
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"no free connection to {self.path} within 60 s ({exc}); "
                             "raise KRONIEK_PG_POOL or the server's max_connections") from None
        self.conn = Connection(self._raw)
        self.conn.raw.execute(f"SET default_transaction_read_only = {'on' if read_only else 'off'}")
        if read_only:
            if self.schema_version() != len(MIGRATIONS):
                version = self.schema_version()
                self.close()
                raise StoreError(
                    f"store {self.path} has schema version {version}, not {len(MIGRATIONS)}; "
                    "open it once for writing (any kroniek command) to migrate it")
            return
        self.migrate()
        self._sync_text_index()

    # -- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass('kroniek_schema')").fetchone()[0] is None:
            return 0
        row = self.conn.execute("SELECT max(version) FROM kroniek_schema").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        current = self.schema_version()
        if current > len(MIGRATIONS):
            raise StoreError(f"store {self.path} has schema version {current}, newer than this "
                             f"kroniek ({len(MIGRATIONS)}); upgrade kroniek")
        if current == len(MIGRATIONS):
            return
        with self.transaction():
            raw = self.conn.raw
            raw.execute("CREATE TABLE IF NOT EXISTS kroniek_schema (version INTEGER NOT NULL)")
            current = self.schema_version()  # again, under the lock
            for version in range(current, len(MIGRATIONS)):
                for statement in (s.strip() for s in MIGRATIONS[version].split(";")):
                    if statement:
                        raw.execute(statement)
                if version + 1 == FILL_BANDS:
                    fill_bands(self.conn)
                raw.execute("DELETE FROM kroniek_schema")
                raw.execute(f"INSERT INTO kroniek_schema (version) VALUES ({version + 1})")

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction holding the store's advisory write lock from its start."""
        import psycopg

        conn = self.conn
        conn.raw.execute("BEGIN")
        try:
            conn.raw.execute(f"SET LOCAL lock_timeout = '{int(locking.WRITE_WAIT_S * 1000)}ms'")
            conn.raw.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        except psycopg.errors.LockNotAvailable:
            conn.raw.execute("ROLLBACK")
            raise StoreError(
                f"the store {self.path} stayed locked for {locking.WRITE_WAIT_S:.0f} s while "
                "waiting to write: another process is writing to it; try again when it has finished"
            ) from None
        except BaseException:
            _rollback(conn)
            raise
        try:
            yield conn
        except BaseException:
            _rollback(conn)
            raise
        else:
            conn.raw.execute("COMMIT")

    def close(self) -> None:
        raw, self._raw = getattr(self, "_raw", None), None
        if raw is not None:
            try:
                self._pool.putconn(raw)
            except Exception:  # noqa: BLE001 - a broken connection is dropped by the pool
                pass

    def __enter__(self) -> PostgresStore:
        return self

    def _insert_text_row(self, rowid: int, stems: TextRows) -> None:
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, text, source, tsv) VALUES (?,?,?,?,?::tsvector)",
            (rowid, stems.title, stems.text, stems.source, tsvector(stems.title, stems.text, stems.source)),
        )

    def quarantine(self, rejections: Any) -> int:
        """As on SQLite; a NUL (which PostgreSQL text cannot hold) is kept as ``\\x00``."""
        from ..base import Rejection

        def clean(v: Any) -> Any:
            return v.replace("\x00", "\\x00") if isinstance(v, str) else v

        return super().quarantine(
            Rejection(*(clean(getattr(r, f)) for f in ("source_file", "line", "record_id", "field",
                                                         "message", "raw")))
            for r in rejections)

    # -- the tantivy index on this machine ----------------------------------------------------

    @property
    def text_index_path(self) -> Path | None:
        if self._index_dir is not None:
            return self._index_dir
        base = os.environ.get("KRONIEK_INDEX_DIR")
        if base:
            root = Path(base)
        else:
            data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
            root = Path(data) / "kroniek" / "tantivy"
        name = self.path.split("://", 1)[-1].split("@")[-1].replace("/", "-").replace(":", "-")
        digest = hashlib.sha1(self.url.encode()).hexdigest()[:8]
        return root / f"{name}-{digest}"


def _rollback(conn: Connection) -> None:
    try:
        conn.raw.execute("ROLLBACK")
    except Exception:  # noqa: BLE001 - the connection is gone: the server rolled back already
        pass

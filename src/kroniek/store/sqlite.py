"""The embedded default store: one SQLite file (WAL), schema migrations, annotations with offsets.

An article, its annotations and its full-text row are written in one transaction, so a killed
ingest leaves the store consistent and the next run simply continues where it stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.errors import StoreError
from kroniek.model import ARTICLE_FIELDS, Document

from . import locking
from .locking import retry_busy
from .rows import TextRows, annotation_rows, text_rows
from .schema import MIGRATIONS

#: Annotation tables, each keyed by the article's rowid and character offsets.
ANNOTATION_TABLES = ("entities", "quotes", "figures", "timexes", "events")


@dataclass(frozen=True)
class StoredDocument:
    """A processed document plus where it came from and how it relates to stored ones."""

    document: Document
    text_hash: str
    duplicate_of: str | None = None
    similarity: float | None = None
    source_file: str | None = None
    source_line: int | None = None
    signature: bytes | None = None


@dataclass(frozen=True)
class Rejection:
    """A record that could not be ingested; kept so nothing accepted or offered is lost."""

    source_file: str | None
    line: int | None
    record_id: str | None
    field: str | None
    message: str
    raw: str | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """kroniek's store on SQLite. A PostgreSQL backend implements the same public methods."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        """Open (creating and migrating) the store; ``read_only`` opens an existing, current
        store for reading only (``PRAGMA query_only``): no migration, no index repair, no write
        can pass, and the connection may be used from another thread than the one that made it
        (one thread at a time), as a server's worker threads do."""
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

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- optional tantivy text index (kroniek[search]) --------------------------------------

    @property
    def text_index_path(self) -> Path:
        return Path(self.path + ".tantivy")

    @property
    def text_index(self) -> Any:
        """The tantivy index beside the store, when it was built and tantivy is installed."""
        if (self._text_index is None and not self._skip_text_index and self.path != ":memory:"
                and self.text_index_path.is_dir()):
            try:
                from .tantivy_index import TantivyIndex
            except ImportError:
                return None
            self._text_index = TantivyIndex(str(self.text_index_path))
        return self._text_index

    def build_text_index(self) -> int:
        """Create (or rebuild) the tantivy index from the store; returns the documents indexed."""
        try:
            from .tantivy_index import TantivyIndex
        except ImportError:
            raise StoreError(
                "the tantivy index needs the search extra: pip install 'kroniek[search]'"
            ) from None
        self._text_index = TantivyIndex(str(self.text_index_path))
        self._skip_text_index = False
        return int(self._text_index.rebuild(self.conn))

    def drop_text_index(self) -> None:
        import shutil

        self._text_index = None
        shutil.rmtree(self.text_index_path, ignore_errors=True)

    def _sync_text_index(self) -> None:
        """After an interrupted ingest the index may miss the last batch: rebuild it then.

        Writers update the index inside their SQLite write transaction, so the counts agree
        whenever nobody holds the write lock; a mismatch seen without it is checked again
        under it before anything is rebuilt. While ``kroniek index`` is building it in
        another process, this one searches without it (SQLite's FTS5) instead of waiting."""
        index = self.text_index
        if index is None or self._index_in_step(index):
            return
        with self.transaction():
            index.index.reload()
            if not self._index_in_step(index):
                try:
                    index.rebuild(self.conn, wait_s=0)
                except StoreError:
                    self._text_index = None
                    self._skip_text_index = True

    def _index_in_step(self, index: Any) -> bool:
        count = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return bool(index.index.searcher().num_docs == count)

    # -- lookups used by ingest ----------------------------------------------------------------

    def _pairs(self, key: str, value: str, keys: Iterable[str]) -> dict[str, str]:
        """{key: value} for the stored articles whose ``key`` column is among ``keys``."""
        out: dict[str, str] = {}
        keys = list(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {key}, {value} FROM articles WHERE {key} IN ({marks}) ORDER BY rowid", chunk
            ):
                out.setdefault(row[0], row[1])
        return out

    def hashes_for_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """text_hash of each already-stored id among ``ids``."""
        return self._pairs("id", "text_hash", ids)

    def ids_for_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """The first stored article id for each known text hash among ``hashes``."""
        return self._pairs("text_hash", "id", hashes)

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article id, MinHash signature) of every stored original, to rebuild the LSH index."""
        for _, article_id, signature in self.signatures_since(0):
            yield article_id, signature

    def signatures_since(self, rowid: int) -> list[tuple[int, str, bytes]]:
        """(rowid, id, signature) of the originals stored after ``rowid``: what other processes
        added since this one last looked."""
        return [
            (int(r[0]), r[1], r[2])
            for r in self.conn.execute(
                "SELECT m.article, a.id, m.signature FROM minhashes m"
                " JOIN articles a ON a.rowid = m.article WHERE m.article > ? ORDER BY m.article",
                (rowid,),
            )
        ]

    # -- writing ------------------------------------------------------------------------------

    def add(
        self,
        items: Iterable[StoredDocument],
        *,
        decide: Callable[[list[StoredDocument]], Sequence[StoredDocument]] | None = None,
        after: Callable[[sqlite3.Connection, list[tuple[int, StoredDocument, TextRows]]], None] | None = None,
    ) -> int:
        """Insert new articles with their annotations in one transaction; returns how many.

        ``decide`` runs inside the transaction, under the write lock, and returns the items to
        store: checks made there (is this id, this text, a near copy stored yet?) hold until
        the commit, whatever other processes do. Ids already stored are skipped here as
        well, so the insert is idempotent by id. Stemming and serialising happen before the
        lock is taken, to keep the transaction short. ``after`` runs inside the same transaction
        with what was inserted (rowid, item, stemmed text): the chronicle places the articles
        there, so an article is never stored without them."""
        items = list(items)
        prepared = {item.document.id: (text_rows(item.document), annotation_rows(item.document))
                    for item in items}
        added: list[tuple[int, StoredDocument]] = []
        with self.transaction():
            chosen = list(decide(items)) if decide is not None else items
            stored = self.hashes_for_ids(i.document.id for i in chosen)
            for item in chosen:
                if item.document.id in stored:
                    continue
                stems, annotations = prepared.get(item.document.id) or (
                    text_rows(item.document), annotation_rows(item.document))
                rowid = self._insert(item, annotations.language)
                self.conn.execute(
                    "INSERT INTO articles_fts (rowid, title, text, source) VALUES (?,?,?,?)",
                    (rowid, stems.title, stems.text, stems.source),
                )
                if item.signature is not None and item.duplicate_of is None:
                    self.conn.execute(
                        "INSERT INTO minhashes (article, signature) VALUES (?,?)",
                        (rowid, item.signature),
                    )
                annotations.write(self.conn, rowid)
                added.append((rowid, item))
            self._index_added([(rowid, item, prepared[item.document.id][0])
                               for rowid, item in added])
            if after is not None:
                after(self.conn, [(rowid, item, prepared[item.document.id][0]) for rowid, item in added])
        return len(added)

    def _insert(self, item: StoredDocument, language: str | None) -> int:
        a, pub = item.document.article, item.document.article.published
        cur = self.conn.execute(
            "INSERT INTO articles (id, published, precision, published_start, published_end,"
            " title, text, url, source, author, language, text_hash, duplicate_of,"
            " similarity, word_count, source_file, source_line, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id, pub.value if pub else None, pub.precision if pub else None,
                pub.start().isoformat() if pub else None, pub.end().isoformat() if pub else None,
                a.title, a.text, a.url, a.source, a.author, language, item.text_hash,
                item.duplicate_of, item.similarity, len(a.text.split()), item.source_file,
                item.source_line, _now(),
            ),
        )
        return int(cur.lastrowid or 0)

    def _index_added(self, added: list[tuple[int, StoredDocument, TextRows]]) -> None:
        """Add the new articles to the tantivy index, still under SQLite's write lock: its
        writer lock is taken and given back inside, so processes take turns without clashing."""
        index = self.text_index
        if index is None or not added:
            return
        for rowid, item, stems in added:
            a = item.document.article
            index.add_stemmed(rowid, stems.title, stems.text, stems.source,
                              a.published.start().isoformat() if a.published else None,
                              a.source, item.duplicate_of is not None)
        index.commit()

    def replace_annotations(self, docs: Iterable[Document]) -> int:
        """Swap in freshly computed annotations (``kroniek reprocess``), one transaction."""
        prepared = [(doc.id, annotation_rows(doc)) for doc in docs]
        n = 0
        with self.transaction():
            for article_id, rows in prepared:
                row = self.conn.execute("SELECT rowid FROM articles WHERE id = ?",
                                        (article_id,)).fetchone()
                if row is None:
                    continue
                rowid = int(row[0])
                for table in ANNOTATION_TABLES:
                    self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (rowid,))
                self.conn.execute("UPDATE articles SET language = ? WHERE rowid = ?",
                                  (rows.language, rowid))
                rows.write(self.conn, rowid)
                n += 1
        return n

    def add_correction(self, article: str, target: str, start: int, end: int, verdict: str,
                       extracted: Any = None, value: Any = None, note: str | None = None) -> int:
        """Keep a person's verdict on one extracted fact; returns its id. ``extracted`` and
        ``value`` are stored as JSON."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO corrections (article, target, start, end, verdict, extracted, value,"
                " note, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (article, target, start, end, verdict, json.dumps(extracted, ensure_ascii=False),
                 None if value is None else json.dumps(value, ensure_ascii=False), note, _now()),
            )
        return int(cur.lastrowid or 0)

    def quarantine(self, rejections: Iterable[Rejection]) -> int:
        """Keep rejected records (once each: re-running the same ingest adds nothing)."""
        n = 0
        with self.transaction():
            for r in rejections:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO quarantine (source_file, line, record_id, field, message,"
                    " raw, created_at) VALUES (?,?,?,?,?,?,?)",
                    (r.source_file, r.line, r.record_id, r.field, r.message, r.raw, _now()),
                )
                n += cur.rowcount
        return n

    # -- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._document(row)

    def document_of(self, row: sqlite3.Row) -> Document:
        """The stored document of an ``articles`` row."""
        return self._document(row)

    def _document(self, row: sqlite3.Row) -> Document:
        data: dict[str, Any] = json.loads(row["annotations"] or "{}")
        data.update({k: row[k] for k in ARTICLE_FIELDS})
        data["stages"] = json.loads(row["stages"] or "{}")
        return Document.from_dict(data)

    def documents(self, *, where: str = "", params: tuple[Any, ...] = ()) -> Iterator[Document]:
        """Every stored document in ingest order (optionally filtered by an SQL condition)."""
        sql = "SELECT * FROM articles" + (f" WHERE {where}" if where else "") + " ORDER BY rowid"
        for row in self.conn.execute(sql, params).fetchall():
            yield self._document(row)

    def article_row(self, article_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    def stage_versions(self) -> Iterator[tuple[str, dict[str, int]]]:
        for row in self.conn.execute("SELECT id, stages FROM articles ORDER BY rowid"):
            yield row["id"], json.loads(row["stages"] or "{}")

    def quarantined(self, limit: int = 100) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM quarantine ORDER BY id LIMIT ?", (limit,)
        ).fetchall()

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "store": self.path,
            "schema_version": self.schema_version(),
            "articles": one("SELECT count(*) FROM articles"),
            "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "words": one("SELECT coalesce(sum(word_count), 0) FROM articles"),
            "first_published": one("SELECT min(published_start) FROM articles"),
            "last_published": one("SELECT max(published_end) FROM articles"),
            "languages": dict(
                self.conn.execute(
                    "SELECT coalesce(language, 'und'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
                ).fetchall()
            ),
            "sources": dict(
                self.conn.execute(
                    "SELECT coalesce(source, '-'), count(*) FROM articles GROUP BY 1"
                    " ORDER BY 2 DESC LIMIT 10"
                ).fetchall()
            ),
            "entities": one("SELECT count(*) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "figures": one("SELECT count(*) FROM figures"),
            "timexes": one("SELECT count(*) FROM timexes"),
            "events": one("SELECT count(*) FROM events"),
            "quarantined": one("SELECT count(*) FROM quarantine"),
            "corrections": one("SELECT count(*) FROM corrections"),
        }


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (our migrations have no semicolons inside strings)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def open_store(path: str | Path) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``path``."""
    return SQLiteStore(path)

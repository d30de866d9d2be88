"""What both store backends share: the records they take, and every method whose SQL is the same
on SQLite and PostgreSQL.

A backend supplies the connection (``self.conn``: a sqlite3 connection, or the PostgreSQL adapter
that takes the same SQL), the write transaction (each takes its own kind of lock), migrations,
and the full-text row of an article; everything else — deciding and inserting a batch, the
annotations, quarantine, corrections, reading documents back, stats, the optional tantivy index
— is written once, here.
"""

from __future__ import annotations

import datetime as dt
import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.errors import StoreError
from kroniek.model import ARTICLE_FIELDS, Document

from .rows import TextRows, annotation_rows, text_rows

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


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


Decide = Callable[[list[StoredDocument]], Sequence[StoredDocument]]
After = Callable[[Any, list[tuple[int, StoredDocument, TextRows]]], None]


class BaseStore(ABC):
    """The store interface (see :class:`kroniek.store.protocol.Store`) on top of a backend."""

    #: "sqlite" or "postgresql"
    backend: str = ""
    path: str
    read_only: bool
    conn: Any
    _text_index: Any = None
    _skip_text_index: bool = False

    # -- what a backend supplies ---------------------------------------------------------------

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """A write transaction holding the store's write lock from its first statement."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def migrate(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _insert_text_row(self, rowid: int, stems: TextRows) -> None:
        """The article's row in the full-text index (FTS5 table, or tsvector)."""

    @property
    @abstractmethod
    def text_index_path(self) -> Path | None:
        """Where the tantivy index of this store lives (None: nowhere)."""

    def __enter__(self) -> BaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- optional tantivy text index ---------------------------------------------------------

    @property
    def text_index(self) -> Any:
        """The tantivy index beside the store, when it was built and tantivy is installed."""
        path = self.text_index_path
        if self._text_index is None and not self._skip_text_index and path is not None and path.is_dir():
            try:
                from .tantivy_index import TantivyIndex
            except ImportError:
                return None
            self._text_index = TantivyIndex(str(path))
        return self._text_index

    def build_text_index(self) -> int:
        """Create (or rebuild) the tantivy index from the store; returns the documents indexed."""
        try:
            from .tantivy_index import TantivyIndex
        except ImportError:
            raise StoreError("the tantivy index needs the tantivy package: pip install tantivy") from None
        path = self.text_index_path
        if path is None:
            raise StoreError("this store has no place for a tantivy index")
        self._text_index = TantivyIndex(str(path))
        self._skip_text_index = False
        return int(self._text_index.rebuild(self.conn))

    def drop_text_index(self) -> None:
        import shutil

        self._text_index = None
        if self.text_index_path is not None:
            shutil.rmtree(self.text_index_path, ignore_errors=True)

    def _sync_text_index(self) -> None:
        """After an interrupted ingest the index may miss the last batch: rebuild it then.

        Writers update the index inside their write transaction, so the counts agree whenever
        nobody holds the write lock; a mismatch seen without it is checked again under it
        before anything is rebuilt. While ``kroniek index`` is building it in another process,
        this one searches without it (the backend's own full-text index) instead of waiting."""
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
        """(article id, MinHash signature) of every stored original, in pages."""
        last = 0
        while True:
            page = self.signatures_since(last, limit=5000)
            if not page:
                return
            for rowid, article_id, signature in page:
                yield article_id, signature
                last = rowid

    def signatures_since(self, rowid: int, limit: int | None = None) -> list[tuple[int, str, bytes]]:
        """(rowid, id, signature) of the originals stored after ``rowid``: what other processes
        added since this one last looked."""
        sql = ("SELECT m.article, a.id, m.signature FROM minhashes m"
               " JOIN articles a ON a.rowid = m.article WHERE m.article > ? ORDER BY m.article")
        params: tuple[Any, ...] = (rowid,)
        if limit is not None:
            sql += " LIMIT ?"
            params = (rowid, limit)
        return [(int(r[0]), r[1], bytes(r[2])) for r in self.conn.execute(sql, params)]

    def near_candidates(self, keys: Iterable[int]) -> list[tuple[str, bytes]]:
        """(id, signature) of the stored originals that share any of the LSH band ``keys``."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                "SELECT a.id, m.signature FROM minhash_bands b JOIN minhashes m ON m.article = b.article"
                f" JOIN articles a ON a.rowid = b.article WHERE b.key IN ({marks})", chunk
            ):
                out.setdefault(row[0], bytes(row[1]))
        return sorted(out.items())

    # -- writing ------------------------------------------------------------------------------

    def add(self, items: Iterable[StoredDocument], *, decide: Decide | None = None,
            after: After | None = None) -> int:
        """Insert new articles with their annotations in one transaction; returns how many.

        ``decide`` runs inside the transaction, under the write lock, and returns the items to
        store: checks made there (is this id, this text, a near copy stored yet?) hold until
        the commit, whatever other processes do. Ids already stored are skipped here as
        well, so the insert is idempotent by id. Stemming and serialising happen before the
        lock is taken, to keep the transaction short. ``after`` runs inside the same transaction
        with what was inserted (rowid, item, stemmed text): the chronicle places the articles
        there, so an article is never stored without them."""
        from .bands import band_keys

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
                prepared[item.document.id] = (stems, annotations)
                rowid = self._insert(item, annotations.language)
                self._insert_text_row(rowid, stems)
                if item.signature is not None and item.duplicate_of is None:
                    self.conn.execute("INSERT INTO minhashes (article, signature) VALUES (?,?)",
                                      (rowid, item.signature))
                    self.conn.executemany(
                        "INSERT INTO minhash_bands (key, article) VALUES (?,?) ON CONFLICT DO NOTHING",
                        [(key, rowid) for key in band_keys(item.signature)])
                annotations.write(self.conn, rowid)
                added.append((rowid, item))
            placed = [(rowid, item, prepared[item.document.id][0]) for rowid, item in added]
            self._index_added(placed)
            if after is not None:
                after(self.conn, placed)
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
                item.source_line, now(),
            ),
        )
        return int(cur.lastrowid or 0)

    def _index_added(self, added: list[tuple[int, StoredDocument, TextRows]]) -> None:
        """Add the new articles to the tantivy index, still under the write lock: its writer
        lock is taken and given back inside, so processes take turns without clashing."""
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
                 None if value is None else json.dumps(value, ensure_ascii=False), note, now()),
            )
        return int(cur.lastrowid or 0)

    def quarantine(self, rejections: Iterable[Rejection]) -> int:
        """Keep rejected records (once each: re-running the same ingest adds nothing)."""
        n = 0
        with self.transaction():
            for r in rejections:
                cur = self.conn.execute(
                    "INSERT INTO quarantine (source_file, line, record_id, field, message,"
                    " raw, created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                    (r.source_file, r.line, r.record_id, r.field, r.message, r.raw, now()),
                )
                n += max(cur.rowcount, 0)
        return n

    # -- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else self._document(row)

    def document_of(self, row: Any) -> Document:
        """The stored document of an ``articles`` row."""
        return self._document(row)

    def _document(self, row: Any) -> Document:
        data: dict[str, Any] = json.loads(row["annotations"] or "{}")
        data.update({k: row[k] for k in ARTICLE_FIELDS})
        data["stages"] = json.loads(row["stages"] or "{}")
        return Document.from_dict(data)

    def rows(self, *, where: str = "", params: tuple[Any, ...] = (), page: int = 500) -> Iterator[Any]:
        """Every ``articles`` row in ingest order, a page at a time (memory stays flat)."""
        last = -1
        cond = f" AND ({where})" if where else ""
        while True:
            batch = self.conn.execute(
                f"SELECT * FROM articles WHERE rowid > ?{cond} ORDER BY rowid LIMIT ?",
                (last, *params, page)).fetchall()
            if not batch:
                return
            yield from batch
            last = int(batch[-1]["rowid"])

    def documents(self, *, where: str = "", params: tuple[Any, ...] = ()) -> Iterator[Document]:
        """Every stored document in ingest order (optionally filtered by an SQL condition)."""
        for row in self.rows(where=where, params=params):
            yield self._document(row)

    def article_row(self, article_id: str) -> Any:
        return self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()

    def stage_versions(self) -> Iterator[tuple[str, dict[str, int]]]:
        last = -1
        while True:
            batch = self.conn.execute(
                "SELECT rowid, id, stages FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 5000",
                (last,)).fetchall()
            if not batch:
                return
            for row in batch:
                yield row["id"], json.loads(row["stages"] or "{}")
            last = int(batch[-1]["rowid"])

    def quarantined(self, limit: int = 100) -> list[Any]:
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
            "words": int(one("SELECT coalesce(sum(word_count), 0) FROM articles")),
            "first_published": one("SELECT min(published_start) FROM articles"),
            "last_published": one("SELECT max(published_end) FROM articles"),
            "languages": dict(
                self.conn.execute(
                    "SELECT coalesce(language, 'und'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
                ).fetchall()
            ),
            "sources": dict(
                self.conn.execute(
                    "SELECT coalesce(source, '-'), count(*) FROM articles GROUP BY 1"
                    " ORDER BY 2 DESC, 1 LIMIT 10"
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

    # -- settings kept in the store ------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM chronicle_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO chronicle_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def fill_bands(conn: Any) -> None:
    """The LSH band keys of every stored original (migration 6 of an older store)."""
    from .bands import band_keys

    last = 0
    while True:
        rows = conn.execute("SELECT article, signature FROM minhashes WHERE article > ?"
                            " ORDER BY article LIMIT 2000", (last,)).fetchall()
        if not rows:
            return
        conn.executemany("INSERT INTO minhash_bands (key, article) VALUES (?,?) ON CONFLICT DO NOTHING",
                         [(key, r[0]) for r in rows for key in band_keys(bytes(r[1]))])
        last = rows[-1][0]

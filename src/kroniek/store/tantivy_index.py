"""Optional tantivy index (``pip install 'kroniek[search]'``) for fast ranked search.

SQLite FTS5 computes bm25 for every match before it can return the top 10, so broad queries
cost time linear in the number of matches; tantivy's block-max WAND skips most of them.
The index stores the SAME stems as ``articles_fts`` (our Snowball stemmer, whitespace
tokenizer), so both backends match the same articles; SQLite stays the source of truth and
snippets/rows still come from ``articles``. Keyed by ``articles.rowid``.

The store keeps it in sync: :meth:`TantivyIndex.add` per inserted article, :meth:`delete`
per removed one, :meth:`commit` at the end of a batch (tantivy only shows committed docs);
:meth:`rebuild` fills it from an existing store.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sqlite3
import sys
from typing import Any

import tantivy

from kroniek.errors import QueryError

from .filters import Filters, entity_match
from .locking import retry_busy
from .query import And, Node, Not, Or, ParsedQuery, Phrase, Term
from .stemming import stem_text

WEIGHTS = {"title": 3.0, "text": 1.0, "source": 0.5}  # same as the FTS5 bm25 weights
Occur = tantivy.Occur


def _schema() -> Any:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    for name in WEIGHTS:
        sb.add_text_field(name, tokenizer_name="whitespace")
    sb.add_text_field("source_exact", tokenizer_name="raw")
    sb.add_integer_field("published", indexed=True, fast=True)  # YYYYMMDD of published_start
    sb.add_integer_field("duplicate", indexed=True, fast=True)
    return sb.build()


@functools.lru_cache(maxsize=1)
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def _limit_malloc_arenas(arenas: int = 2) -> None:
    """Every writer runs indexing threads of its own, and glibc gives each new thread a malloc
    arena and keeps what it freed there: over a long ingest (a writer per batch) memory would
    creep up by tens of MB. A few shared arenas keep it flat (Python's own small objects do not
    use malloc's arenas, so nothing else notices)."""
    libc = _libc()
    if libc is not None:
        try:
            libc.mallopt(-8, arenas)  # M_ARENA_MAX
        except AttributeError:
            pass


def _give_back_memory() -> None:
    """What the writer freed goes back to the system at once."""
    libc = _libc()
    if libc is not None:
        try:
            libc.malloc_trim(0)
        except AttributeError:
            pass


_limit_malloc_arenas()


def _day(value: str) -> int:
    return int(value[:10].replace("-", ""))


class TantivyIndex:
    """A tantivy index in folder ``path`` (created when missing)."""

    def __init__(self, path: str, *, heap_bytes: int = 200_000_000, threads: int = 1) -> None:
        os.makedirs(path, exist_ok=True)
        self.path = path
        self.schema = _schema()
        self.index = tantivy.Index(self.schema, path=path, reuse=True)
        self._heap, self._threads = heap_bytes, threads
        self._writer: Any = None

    # -- writing ---------------------------------------------------------------------------

    def _w(self, wait_s: float | None = None) -> Any:
        """The index writer. Only one process may hold it; the store takes it under SQLite's
        write lock and :meth:`commit` gives it back, so a wait here is short (``kroniek index``
        rebuilding at the same time is the exception)."""
        if self._writer is None:
            self._writer = retry_busy(
                lambda: self.index.writer(heap_size=self._heap, num_threads=self._threads),
                what="waiting for the tantivy index", path=self.path,
                busy=lambda exc: "LockBusy" in str(exc), wait_s=wait_s,
            )
        return self._writer

    def add(self, rowid: int, title: str | None, text: str, source: str | None,
            published_start: str | None, duplicate: bool = False) -> None:
        """Index one article from its original text (stemmed here like ``articles_fts``)."""
        self.add_stemmed(rowid, stem_text(title), stem_text(text), stem_text(source),
                         published_start, source, duplicate)

    def add_stemmed(self, rowid: int, title: str, text: str, source: str,
                    published_start: str | None, source_name: str | None, duplicate: bool) -> None:
        doc = tantivy.Document(rowid=rowid, title=title, text=text, source=source,
                               duplicate=int(duplicate))
        if source_name:
            doc.add_text("source_exact", source_name.lower())
        if published_start:
            doc.add_integer("published", _day(published_start))
        self._w().add_document(doc)

    def rebuild(self, conn: sqlite3.Connection, *, wait_s: float | None = None) -> int:
        """Re-index every article from ``articles_fts`` (already stemmed): for a first
        ``--index tantivy`` on an existing store, or after the index was lost. ``wait_s``: how
        long to wait for another process's writer (a StoreError after that)."""
        self._w(wait_s).delete_all_documents()
        n = 0
        rows = conn.execute(
            "SELECT a.rowid, f.title, f.text, f.source, a.published_start, a.source,"
            " a.duplicate_of IS NOT NULL FROM articles a"
            " JOIN articles_fts f ON f.rowid = a.rowid"
        )
        for rowid, title, text, source, start, source_name, dup in rows:
            self.add_stemmed(rowid, title or "", text or "", source or "", start, source_name,
                             bool(dup))
            n += 1
        self.commit()
        return n

    def delete(self, rowid: int) -> None:
        self._w().delete_documents_by_term("rowid", rowid)

    def commit(self) -> None:
        """Make added/deleted docs visible and give the writer back (other processes may
        want it); its segment merges are waited for, so segments do not pile up."""
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
            _give_back_memory()
        self.index.reload()

    # -- querying --------------------------------------------------------------------------

    def _leaf(self, node: Term | Phrase, fields: list[str]) -> Any:
        alts = []
        for f in fields:
            if isinstance(node, Term) and node.prefix is not None:
                esc = "".join(c if c.isalnum() else "\\" + c for c in node.prefix)
                q = tantivy.Query.regex_query(self.schema, f, esc + ".*")
                if not node.stems[0].startswith(node.prefix):
                    exact = tantivy.Query.term_query(self.schema, f, node.stems[0])
                    q = tantivy.Query.boolean_query([(Occur.Should, q), (Occur.Should, exact)])
            elif len(node.stems) == 1:
                q = tantivy.Query.term_query(self.schema, f, node.stems[0])
            else:
                q = tantivy.Query.phrase_query(self.schema, f, list(node.stems))
            alts.append(tantivy.Query.boost_query(q, WEIGHTS[f]) if len(fields) > 1 else q)
        if len(alts) == 1:
            return alts[0]
        return tantivy.Query.boolean_query([(Occur.Should, q) for q in alts])

    def to_query(self, node: Node) -> Any:
        """Our AST as a tantivy query: the same semantics as :func:`query.to_fts5`."""
        if isinstance(node, Term | Phrase):
            return self._leaf(node, [node.field] if node.field else list(WEIGHTS))
        if isinstance(node, Or):
            should = [(Occur.Should, self.to_query(c)) for c in node.children]
            return tantivy.Query.boolean_query(should)
        if isinstance(node, And):
            clauses = [
                (Occur.MustNot, self.to_query(c.child))
                if isinstance(c, Not)
                else (Occur.Must, self.to_query(c))
                for c in node.children
            ]
            return tantivy.Query.boolean_query(clauses)
        raise QueryError(f"NOT at position {node.pos + 1} needs a positive term beside it")

    def _filtered(self, conn: sqlite3.Connection, pq: ParsedQuery, flt: Filters) -> Any:
        if pq.ast is None:
            raise QueryError("the tantivy index needs search words")
        clauses = [(Occur.Must, self.to_query(pq.ast))]
        filters = []
        if flt.lo or flt.hi:
            lo = _day(flt.lo) if flt.lo else None
            hi = int(flt.hi.replace("-", "")) if flt.hi else None  # "-99" bounds stay above
            filters.append(tantivy.Query.range_query(
                self.schema, "published", tantivy.FieldType.Integer, lo, hi))
        if flt.source:
            src = flt.source.lower()
            filters.append(tantivy.Query.term_query(self.schema, "source_exact", src))
        if not flt.dups:
            filters.append(tantivy.Query.term_query(self.schema, "duplicate", 0))
        if flt.story is not None:
            rows = [r[0] for r in conn.execute("SELECT rowid FROM articles WHERE story = ?", (flt.story,))]
            filters.append(tantivy.Query.term_set_query(self.schema, "rowid", rows))
        for names, occur in ((flt.entities, Occur.Must), (flt.not_entities, Occur.MustNot)):
            for name in names:
                cond, values = entity_match(name)
                sql = f"SELECT DISTINCT e.article FROM entities e WHERE {cond}"
                rows = [r[0] for r in conn.execute(sql, values)]
                q = tantivy.Query.term_set_query(self.schema, "rowid", rows)
                clauses.append((occur, tantivy.Query.const_score_query(q, 0.0)))
        for kinds, occur in ((flt.events, Occur.Must), (flt.not_events, Occur.MustNot)):
            for kind in kinds:
                rows = [r[0] for r in conn.execute("SELECT DISTINCT article FROM events WHERE type = ?", (kind,))]
                q = tantivy.Query.term_set_query(self.schema, "rowid", rows)
                clauses.append((occur, tantivy.Query.const_score_query(q, 0.0)))
        clauses += [(Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in filters]
        return tantivy.Query.boolean_query(clauses)

    def search(self, conn: sqlite3.Connection, pq: ParsedQuery, flt: Filters, *, sort: str,
               limit: int, offset: int) -> tuple[int, list[tuple[int, float]]]:
        """(total, [(rowid, score)]) for one page. Date-sorted pages carry score 0; undated
        articles sort last either way."""
        query = self._filtered(conn, pq, flt)
        searcher = self.index.searcher()
        if limit == 0:
            return searcher.search(query, 1, count=True).count, []
        if sort == "relevance":
            res = searcher.search(query, limit, count=True, offset=offset)
            keyed = [(float(score), addr) for score, addr in res.hits]
        else:
            order = tantivy.Order.Asc if sort == "date_asc" else tantivy.Order.Desc
            res = searcher.search(query, limit, count=True, offset=offset,
                                  order_by_field="published", order=order)
            keyed = [(0.0, addr) for _, addr in res.hits]
        return res.count, [(searcher.doc(addr)["rowid"][0], score) for score, addr in keyed]

    def day_counts(
        self, conn: sqlite3.Connection, pq: ParsedQuery, flt: Filters
    ) -> list[tuple[str, int]]:
        """Matches per ``published_start`` day, via a terms aggregation (no rows fetched)."""
        query = self._filtered(conn, pq, flt)
        agg = self.index.searcher().aggregate(
            query, {"days": {"terms": {"field": "published", "size": 100_000}}})
        out = []
        for b in agg["days"]["buckets"]:
            d = str(int(b["key"]))
            out.append((f"{d[:4]}-{d[4:6]}-{d[6:8]}", int(b["doc_count"])))
        return out

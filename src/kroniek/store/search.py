"""Full-text search and date histograms over the store (SQLite or PostgreSQL).

The FTS5 table holds stemmed text, so ranking and matching happen there (bm25 with title 3,
text 1, source 0.5) while snippets are cut from the ORIGINAL text by stemming its words again
(:func:`~kroniek.store.stemming.word_spans`): FTS5's own ``snippet()`` would show stems.
Filters (dates, source, near-duplicates, ``entity:``) are plain SQL on ``articles``. On
PostgreSQL the same stems sit in a ``tsvector`` (:mod:`.dialect` holds the difference).
An optional tantivy index (``kroniek[search]``) can answer the text part instead; pass it as
``index=``. Results and snippets are the same either way.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kroniek.errors import QueryError

from .dialect import query_error_types, text_match
from .filters import (
    Filters,
    Per,
    date_bound,
    entity_match,
    last_day,
    make_filters,
    period_axis,
    period_label,
    to_date,
)
from .query import ParsedQuery, matches_highlight, parse, terms_for_highlight
from .stemming import fold, word_spans

if TYPE_CHECKING:
    from .tantivy_index import TantivyIndex

BM25 = "bm25(articles_fts, 3.0, 1.0, 0.5)"
Sort = Literal["relevance", "date", "date_asc"]


@dataclass(frozen=True)
class Hit:
    id: str
    published: str | None
    title: str | None
    source: str | None
    score: float
    snippet: str


@dataclass
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)


def _sql(flt: Filters) -> tuple[list[str], list[object]]:
    where: list[str] = []
    args: list[object] = []
    if flt.lo:
        where.append("a.published_start >= ?")
        args.append(flt.lo)
    if flt.hi:
        where.append("a.published_start <= ?")
        args.append(flt.hi)
    if flt.source:
        where.append("a.source = ? COLLATE NOCASE")
        args.append(flt.source)
    if not flt.dups:
        where.append("a.duplicate_of IS NULL")
    if flt.story is not None:
        where.append("a.story = ?")
        args.append(flt.story)
    for name, neg in [(e, "") for e in flt.entities] + [(e, "NOT ") for e in flt.not_entities]:
        cond, values = entity_match(name)
        where.append(f"{neg}EXISTS (SELECT 1 FROM entities e WHERE e.article = a.rowid AND {cond})")
        args += values
    for kind, neg in [(e, "") for e in flt.events] + [(e, "NOT ") for e in flt.not_events]:
        where.append(f"{neg}EXISTS (SELECT 1 FROM events ev WHERE ev.article = a.rowid AND ev.type = ?)")
        args.append(kind)
    return where, args


def _parse(query: str, has_filters: bool) -> ParsedQuery:
    if not (query or "").strip():
        if not has_filters:
            raise QueryError(
                "empty query: give search words, a \"phrase\", entity:NAME or a date/source filter"
            )
        return ParsedQuery(None)
    return parse(query)


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
    sort: Sort = "relevance",
    limit: int = 10,
    offset: int = 0,
    include_duplicates: bool = True,
    markers: tuple[str, str] = ("[", "]"),
    snippet_words: int = 30,
    index: TantivyIndex | None = None,
    entities: Sequence[str] = (),
    story: int | None = None,
) -> SearchResult:
    """Ranked (or date-sorted) hits plus the total number of matches.

    A query of only filters (dates, source, ``entity:``, story) lists articles newest first.
    ``entities`` adds ``entity:`` filters given apart from the query text (as the API does);
    ``story`` keeps the articles of one story (the chronicle's).
    """
    if sort not in ("relevance", "date", "date_asc"):
        raise QueryError(f"unknown sort {sort!r}; use relevance, date or date_asc")
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must not be negative")
    pq = _parse(query, bool(date_from or date_to or source or entities or story is not None))
    pq.entities.extend(e for e in entities if e)
    flt = make_filters(pq, date_from, date_to, source, include_duplicates, story)
    if pq.ast is not None and index is not None:
        total, scored = index.search(conn, pq, flt, sort=sort, limit=limit, offset=offset)
    else:
        where, args = _sql(flt)
        total, scored = _sqlite_search(conn, pq, where, args, sort, limit, offset)
    rows = _fetch(conn, [r for r, _ in scored])
    terms = terms_for_highlight(pq.ast)
    hits = []
    for rowid, score in scored:
        row = rows.get(rowid)
        if row is None:  # deleted since the index was written
            continue
        aid, published, title, src, text = row
        snip = snippet(text or "", terms, snippet_words, markers)
        hits.append(Hit(aid, published, title, src, round(score, 4), snip))
    return SearchResult(total, hits)


_ORDER = {
    "date": "a.published_start IS NULL, a.published_start DESC, a.rowid DESC",
    "date_asc": "a.published_start IS NULL, a.published_start ASC, a.rowid ASC",
}


def _sqlite_search(
    conn: sqlite3.Connection,
    pq: ParsedQuery,
    where: list[str],
    args: list[object],
    sort: str,
    limit: int,
    offset: int,
) -> tuple[int, list[tuple[int, float]]]:
    """The store's own full-text index (FTS5, or PostgreSQL's tsvector: see :mod:`.dialect`)."""
    if pq.ast is None:
        cond = " AND ".join(where) or "1"
        total = conn.execute(f"SELECT count(*) FROM articles a WHERE {cond}", args).fetchone()[0]
        order = _ORDER["date_asc" if sort == "date_asc" else "date"]
        rows = conn.execute(
            f"SELECT a.rowid FROM articles a WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        return total, [(r[0], 0.0) for r in rows]
    tm = text_match(conn)
    match = tm.render(pq.ast)
    score = [*tm.score_args(match), match]
    try:
        if not where:
            # No filters: stay inside the text index so neither count nor ranking touches `articles`.
            total = conn.execute(
                f"SELECT count(*) FROM articles_fts WHERE {tm.condition}", (match,)
            ).fetchone()[0]
            if sort == "relevance":
                rows = conn.execute(
                    f"SELECT rowid, {tm.score} AS s FROM articles_fts WHERE {tm.condition} "
                    "ORDER BY s, rowid LIMIT ? OFFSET ?",
                    [*score, limit, offset],
                ).fetchall()
                return total, [(r[0], -r[1]) for r in rows]
        else:
            cond = " AND ".join(where)
            total = conn.execute(
                "SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE {tm.condition} AND {cond}",
                [match, *args],
            ).fetchone()[0]
        cond = " AND ".join([tm.condition, *where])
        order = "s, a.rowid" if sort == "relevance" else _ORDER[sort]
        rows = conn.execute(
            f"SELECT a.rowid, {tm.score} AS s FROM articles_fts "
            f"JOIN articles a ON a.rowid = articles_fts.rowid WHERE {cond} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            [*score, *args, limit, offset],
        ).fetchall()
    except query_error_types(conn) as exc:  # should not happen: every term is quoted
        raise QueryError(f"full-text search rejected the query ({exc}); simplify it") from None
    return total, [(r[0], -r[1]) for r in rows]


def _fetch(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple]:
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(
        f"SELECT rowid, id, published, title, source, text FROM articles WHERE rowid IN ({marks})",
        rowids,
    ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def snippet(
    text: str, terms: set[str], words: int = 30, markers: tuple[str, str] = ("[", "]")
) -> str:
    """About ``words`` words of ``text`` around the densest cluster of matches, each match
    wrapped in ``markers``. Matching is by stem, like the index, so "strijders" marks for
    a search on "strijder"."""
    spans = word_spans(text)
    if not spans:
        return " ".join(text.split())[:200]
    hit_idx = [
        i
        for i, (s, e, st) in enumerate(spans)
        if terms and matches_highlight(st, fold(text[s:e]), terms)
    ]
    start = 0
    if hit_idx:
        lead = min(5, words // 4)
        best = (-1, -1)
        for h in hit_idx[:200]:
            cand = max(0, h - lead)
            inside = [spans[i][2] for i in hit_idx if cand <= i < cand + words]
            score = (len(set(inside)), len(inside))
            if score > best:
                best, start = score, cand
    end = min(len(spans), start + words)
    start = max(0, min(start, end - words))
    marked = set(hit_idx)
    out: list[str] = []
    pos = spans[start][0]
    for i in range(start, end):
        s, e, _ = spans[i]
        out.append(text[pos:s])
        out.append(f"{markers[0]}{text[s:e]}{markers[1]}" if i in marked else text[s:e])
        pos = e
    body = " ".join("".join(out).split())
    return ("… " if start > 0 else "") + body + (" …" if end < len(spans) else "")


# -- date histograms -----------------------------------------------------------------------


def counts(
    conn: sqlite3.Connection,
    query: str,
    *,
    per: Per = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    count_duplicates: bool = False,
    source: str | None = None,
    index: TantivyIndex | None = None,
    count: Literal["articles", "stories"] = "articles",
    entities: Sequence[str] = (),
    story: int | None = None,
) -> list[tuple[str, int]]:
    """Matching articles per day/week (ISO, ``2017-W49``)/month/year, oldest first, with
    empty buckets filled in so a chart's gaps are real. ``count="stories"`` counts each story
    once, in the bucket of its first matching article: a story eleven papers printed is one.

    An article counts once, in the bucket of its ``published_start``: a month-precision
    article ("december 2017", start 2017-12-01) falls on the 1st for --per day/week, which
    is the honest reading of its earliest possible date. Undated articles are not counted.
    Near-duplicates (``duplicate_of`` set) are skipped unless ``count_duplicates``, so one
    story syndicated to ten sites counts once.
    """
    if per not in ("day", "week", "month", "year"):
        raise QueryError(f"unknown bucket {per!r}; use day, week, month or year")
    pq = _parse(query, True)
    pq.entities.extend(e for e in entities if e)
    flt = make_filters(pq, date_from, date_to, source, count_duplicates, story)
    if count not in ("articles", "stories"):
        raise QueryError(f"count {count!r}: use articles or stories")
    if pq.ast is not None and index is not None and count == "articles":
        days = index.day_counts(conn, pq, flt)
    else:
        where, args = _sql(flt)
        where.append("a.published_start IS NOT NULL")
        cond = " AND ".join(where)
        select = "a.published_start, count(*)" if count == "articles" else "min(a.published_start), 1"
        group = "1" if count == "articles" else "coalesce(a.story, -a.rowid)"
        if pq.ast is None:
            sql = f"SELECT {select} FROM articles a WHERE {cond} GROUP BY {group}"
        else:
            tm = text_match(conn)
            sql = (
                f"SELECT {select} FROM articles_fts "
                "JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE {tm.condition} AND {cond} GROUP BY {group}"
            )
            args = [tm.render(pq.ast), *args]
        days = conn.execute(sql, args).fetchall()
    buckets: Counter[str] = Counter()
    first: dt.date | None = None
    last: dt.date | None = None
    for value, n in days:
        day = to_date(value or "")
        if day is None:
            continue
        buckets[period_label(day, per)] += n
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
    lo = to_date(date_bound(date_from, end=False) or "") or first
    hi = last_day(date_to) if date_to else last
    if lo is None or hi is None:
        return sorted(buckets.items())
    return [(label, buckets.get(label, 0)) for label in period_axis(per, lo, hi)]

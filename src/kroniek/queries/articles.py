"""Articles: search pages, one article with everything extracted from it, and trend counts
that compare several labelled queries on one time axis.

The search itself (query syntax, stemming, FTS5 or tantivy) lives in
:mod:`kroniek.store.search`; this module adds what a listing needs on top: bounded queries,
an opaque cursor, entity filters given apart from the query, and one shared axis for trends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from kroniek.errors import QueryError
from kroniek.store.filters import Per, date_bound, last_day, next_period, period_axis, to_date
from kroniek.store.search import Hit, SearchResult, Sort, counts, search, snippet
from kroniek.store.sqlite import SQLiteStore

from .paging import Page, check_limit, check_periods, decode_cursor, page_of

#: Longest query text accepted: a real question fits easily, a pasted article does not.
MAX_QUERY = 500
#: Most queries one trend request may compare.
MAX_SERIES = 8

#: What a trend counts: matching articles, or stories (a story eleven papers printed is one).
Count = Literal["articles", "stories"]


def precision_of(published: str | None) -> str | None:
    """The precision an ISO value is written at: '2018' year, '2018-03' month, ... datetime."""
    if not published:
        return None
    if "T" in published:
        return "datetime"
    return {4: "year", 7: "month", 10: "day"}.get(len(published), "datetime")


def check_query(q: str | None) -> str:
    q = q or ""
    if len(q) > MAX_QUERY:
        raise QueryError(f"query is {len(q)} characters long; the most is {MAX_QUERY}")
    return q


@dataclass(frozen=True)
class ArticleHit:
    id: str
    published: str | None
    precision: str | None
    title: str | None
    source: str | None
    score: float
    snippet: str  # matches between the two markers asked for


def find_articles(
    store: SQLiteStore,
    q: str = "",
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    sort: Sort = "relevance",
    source: str | None = None,
    entities: tuple[str, ...] = (),
    story: int | None = None,
    limit: int = 20,
    cursor: str | None = None,
    markers: tuple[str, str] = ("[", "]"),
) -> Page[ArticleHit]:
    """One page of matching articles with snippets; ``total`` counts all matches.

    An empty ``q`` with no filter lists every article, newest first. ``entities`` are names or
    ``#ID`` (an entity record: every spelling); ``story`` keeps one story's articles.
    """
    q = check_query(q)
    check_limit(limit, 100)
    params = {"q": q, "from": date_from, "to": date_to, "sort": sort, "source": source,
              "entity": list(entities), "story": story}
    offset = decode_cursor(cursor, params)
    if not q.strip() and not (date_from or date_to or source or entities or story is not None):
        result = _all(store, sort, limit, offset, markers)
    else:
        result = search(store.conn, q, date_from=date_from, date_to=date_to, source=source,
                        sort=sort, limit=limit + 1, offset=offset, index=store.text_index,
                        markers=markers, entities=entities, story=story)
    hits = [ArticleHit(h.id, h.published, precision_of(h.published), h.title, h.source, h.score,
                       h.snippet) for h in result.hits]
    return page_of(hits, offset, limit, params, result.total)


def _all(store: SQLiteStore, sort: str, limit: int, offset: int,
         markers: tuple[str, str]) -> SearchResult:
    """Every article, newest first (or oldest with date_asc): the listing without a question."""
    order = "ASC" if sort == "date_asc" else "DESC"
    conn = store.conn
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rows = conn.execute(
        "SELECT id, published, title, source, text FROM articles"
        f" ORDER BY published_start IS NULL, published_start {order}, rowid {order} LIMIT ? OFFSET ?",
        (limit + 1, offset),
    ).fetchall()
    return SearchResult(total, [Hit(r[0], r[1], r[2], r[3], 0.0, snippet(r[4] or "", set(), 30, markers))
                                for r in rows])


@dataclass(frozen=True)
class ArticleView:
    """One stored article: the ``extract`` JSON contract plus what the store knows about it."""

    document: dict[str, Any]
    duplicate_of: str | None = None
    similarity: float | None = None
    story: int | None = None  # the chronicle's story the article belongs to

    def to_dict(self) -> dict[str, Any]:
        return {**self.document, "duplicate_of": self.duplicate_of, "similarity": self.similarity,
                "story": self.story}


def article_view(store: SQLiteStore, article_id: str) -> ArticleView | None:
    row = store.article_row(article_id)
    if row is None:
        return None
    doc = store._document(row)  # noqa: SLF001 - the store's own row reader, no second query
    return ArticleView(doc.to_dict(), row["duplicate_of"], row["similarity"], row["story"])


@dataclass(frozen=True)
class TrendSeries:
    label: str
    query: str
    counts: list[int] = field(default_factory=list)  # one per period of the shared axis
    total: int = 0


@dataclass(frozen=True)
class Trend:
    per: str
    count: str
    periods: list[str]
    series: list[TrendSeries]


def trends(
    store: SQLiteStore,
    queries: list[tuple[str, str]],
    *,
    per: Per = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
    entities: tuple[str, ...] = (),
    story: int | None = None,
    count: Count = "articles",
) -> Trend:
    """Matching articles per period for each ``(label, query)``, on one axis from the earliest
    to the latest period any of them has (or the asked bounds), empty periods filled in.

    Near-duplicates count once. ``count="stories"`` counts each story once, in the period of
    its first matching article (a story eleven papers printed is one).
    """
    if count not in ("articles", "stories"):
        raise QueryError(f"count {count!r}: use articles or stories")
    if not queries:
        raise QueryError("give at least one query to count")
    if len(queries) > MAX_SERIES:
        raise QueryError(f"{len(queries)} queries; compare at most {MAX_SERIES} at once")
    check_periods(store.conn, per, date_from, date_to)
    raw: list[tuple[str, str, dict[str, int]]] = []
    for label, q in queries:
        rows = counts(store.conn, check_query(q), per=per, date_from=date_from, date_to=date_to,
                      source=source, index=store.text_index if q.strip() else None,
                      entities=entities, story=story, count=count)
        raw.append((label or q, q, dict(rows)))
    periods = _axis(per, [p for _, _, r in raw for p in r], date_from, date_to)
    series = [TrendSeries(label, q, [r.get(p, 0) for p in periods], sum(r.values()))
              for label, q, r in raw]
    return Trend(per, count, periods, series)


def _axis(per: str, labels: list[str], date_from: str | None, date_to: str | None) -> list[str]:
    """Every period label from the first to the last, oldest first."""
    firsts = [period_start(p) for p in labels]
    lo = to_date(date_bound(date_from, end=False) or "") if date_from else min(firsts, default=None)
    hi = last_day(date_to) if date_to else max(firsts, default=None)
    return period_axis(per, lo, hi)


def period_start(label: str) -> dt.date:
    """The first day of a period label: 2018, 2018-03, 2018-W10 or 2018-03-14."""
    if "-W" in label:
        return dt.date.fromisocalendar(int(label[:4]), int(label[6:]), 1)
    parts = [int(p) for p in label.split("-")]
    return dt.date(parts[0], (parts + [1, 1])[1], (parts + [1, 1, 1])[2])


def period_end(label: str) -> dt.date:
    """The last day of a period label."""
    per = "week" if "-W" in label else {4: "year", 7: "month"}.get(len(label), "day")
    return next_period(period_start(label), per) - dt.timedelta(days=1)

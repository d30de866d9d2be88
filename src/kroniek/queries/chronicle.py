"""Reading the chronicle: stories (the articles reporting one event, with who carried them) and
the reported figures that cannot both be true. One entity across the store is
:func:`kroniek.queries.entities.entity_view`."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

from kroniek.chronicle.keys import name_key
from kroniek.chronicle.series import Report, compare
from kroniek.errors import QueryError
from kroniek.store.filters import date_bound
from kroniek.store.stemming import stem_terms

from .articles import precision_of
from .facts import date_clause
from .paging import Page, check_limit, decode_cursor, page_of

# -- stories --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntityRef:
    """An entity record as others name it: id, name, label and how many articles (of a story,
    or shared with another entity) mention it."""

    id: int
    entity: str
    label: str
    articles: int


@dataclass(frozen=True)
class StoryArticle:
    """An article of a story, or a copy of one printed by another paper (``copy_of``)."""

    id: str
    published: str | None
    precision: str | None
    title: str | None
    source: str | None
    copy_of: str | None = None


@dataclass
class StoryView:
    """A story in a listing: its label, article ids, dates, counts by source (printed copies
    included) and main entities."""

    story: int
    label: str | None
    articles: list[str]
    first: str | None
    last: str | None
    sources: dict[str, int] = field(default_factory=dict)
    copies: int = 0
    entities: list[EntityRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoryDetail:
    """One story with its articles and copies in publication order."""

    story: int
    label: str | None
    first: str | None
    last: str | None
    sources: dict[str, int]
    articles: list[StoryArticle]
    copies: list[StoryArticle]
    entities: list[EntityRef]

    def summary(self) -> StoryView:
        return StoryView(self.story, self.label, [a.id for a in self.articles], self.first, self.last,
                         self.sources, len(self.copies), self.entities)  # fmt: skip


def list_stories(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    about: str | None = None,
    min_articles: int = 1,
    story: int | None = None,
    entity: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[StoryView]:
    """Stories, most reported first (articles and printed copies), each with its label, articles,
    dates, counts by source and main entities. ``about`` is any name of an entity, ``entity``
    its record id; dates compare with the stories' first and last days."""
    sql = "SELECT s.id FROM stories s WHERE s.articles >= ? AND s.merged_into IS NULL"
    params: list[Any] = [min_articles]
    if story is not None:  # an absorbed story's id leads to the story it became part of
        merged = conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story,)).fetchone()
        sql += " AND s.id = ?"
        params.append(int(merged[0]) if merged is not None and merged[0] is not None else story)
    if date_from:
        sql += " AND s.last >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND s.first <= ?"
        params.append(date_to)
    if about:
        sql += (
            " AND s.id IN (SELECT a.story FROM entities e JOIN articles a ON a.rowid = e.article"
            " JOIN entity_aliases al ON al.entity = e.entity_id WHERE al.key = ?)"
        )
        params.append(name_key(about))
    if entity is not None:
        sql += " AND s.id IN (SELECT a.story FROM entities e JOIN articles a ON a.rowid = e.article WHERE e.entity_id = ?)"
        params.append(entity)
    sql += " ORDER BY s.articles DESC, s.last DESC, s.id LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [_story(conn, int(r[0])).summary() for r in conn.execute(sql, params).fetchall()]


def find_stories(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_articles: int = 1,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[StoryView]:
    """:func:`list_stories` one page at a time; dates as YYYY[-MM[-DD]]."""
    check_limit(limit, 200)
    if min_articles < 1:
        raise QueryError(f"min_articles must be at least 1, not {min_articles}")
    params = {"about": about, "from": date_from, "to": date_to, "min_articles": min_articles}
    offset = decode_cursor(cursor, params)
    rows = list_stories(conn, about=about, date_from=date_bound(date_from, end=False),
                        date_to=date_bound(date_to, end=True), min_articles=min_articles,
                        limit=limit + 1, offset=offset)  # fmt: skip
    return page_of(rows, offset, limit, params)


def story_view(conn: sqlite3.Connection, sid: int) -> StoryDetail | None:
    """One story, or None when there is no story ``sid``; a story merged into another (a later
    article bridged them) is found as the story it became part of."""
    row = conn.execute("SELECT merged_into FROM stories WHERE id = ?", (sid,)).fetchone()
    if row is None:
        return None
    return _story(conn, int(row[0]) if row[0] is not None else sid)


def _story(conn: sqlite3.Connection, sid: int) -> StoryDetail:
    rows = conn.execute(
        "SELECT rowid, id, title, source, published, precision, published_start, text FROM articles"
        " WHERE story = ? ORDER BY published_start, rowid",
        (sid,),
    ).fetchall()
    articles = [StoryArticle(r["id"], r["published"], r["precision"], r["title"], r["source"]) for r in rows]
    ids = [r["id"] for r in rows]
    copies = [
        StoryArticle(c["id"], c["published"], precision_of(c["published"]), c["title"], c["source"], c["duplicate_of"])
        for c in conn.execute(
            f"SELECT * FROM copies WHERE duplicate_of IN ({','.join('?' * len(ids))}) ORDER BY published_start, id", ids
        )
    ] if ids else []  # fmt: skip
    sources: Counter[str] = Counter(a.source or "-" for a in [*articles, *copies])
    ents = [
        EntityRef(*r)
        for r in conn.execute(
            "SELECT r.id, r.name, r.label, count(DISTINCT e.article) FROM entities e"
            " JOIN entity_records r ON r.id = e.entity_id JOIN articles a ON a.rowid = e.article"
            " WHERE a.story = ? AND e.label != 'MISC' GROUP BY r.id"
            " ORDER BY count(DISTINCT e.article) DESC, count(*) DESC, r.id LIMIT 5",
            (sid,),
        )
    ]
    return StoryDetail(
        story=sid,
        label=_label(rows),
        first=rows[0]["published_start"] if rows else None,
        last=max((r["published_start"] or "" for r in rows), default=None) or None,
        sources=dict(sources.most_common()),
        articles=articles,
        copies=copies,
        entities=ents,
    )


def _label(rows: list[sqlite3.Row]) -> str | None:
    """The most central title: the one sharing most words with the story's other titles (or the
    first sentence of the earliest article when none has a title)."""
    titles = [(r["title"] or "").strip() for r in rows if (r["title"] or "").strip()]
    if not titles:
        text = rows[0]["text"] if rows else ""
        first = text.split(". ")[0].strip()
        return (first[:97] + "...") if len(first) > 100 else first or None
    if len(titles) == 1:
        return titles[0]
    words = [set(stem_terms(t)) for t in titles]
    best = max(range(len(titles)), key=lambda i: (sum(len(words[i] & w) for w in words), -i))
    return titles[best]


def story_of(conn: sqlite3.Connection, article_id: str) -> int | None:
    row = conn.execute("SELECT story FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT a.story FROM copies c JOIN articles a ON a.id = c.duplicate_of WHERE c.id = ?", (article_id,)
        ).fetchone()
    return row[0] if row is not None else None


# -- figure series and disagreement ---------------------------------------------------------


def _reports(conn: sqlite3.Connection, about: str | None, date_from: str | None, date_to: str | None) -> dict[str, list[Report]]:
    clause, params = date_clause(date_from, date_to)
    rows = conn.execute(
        "SELECT a.id AS article, a.published, a.source AS outlet, f.* FROM figures f"
        " JOIN articles a ON a.rowid = f.article WHERE f.series IS NOT NULL AND a.duplicate_of IS NULL" + clause
        + " ORDER BY a.published_start, a.rowid, f.start",
        params,
    ).fetchall()
    wanted = stem_terms(about or "")
    series: dict[str, list[Report]] = defaultdict(list)
    for r in rows:
        if wanted:
            hay = stem_terms(" ".join(filter(None, [r["series"].replace("|", " ").replace(",", " "), r["subject"], r["unit"], r["text"], " ".join(json.loads(r["place"] or "[]"))])))
            if not all(any(h == w or h.startswith(w) for h in hay) for w in wanted):
                continue
        chain = tuple(json.loads(r["source_chain"] or "[]"))
        series[r["series"]].append(
            Report(
                article=r["article"], start=r["start"], end=r["end"], text=r["text"], value=r["value"],
                value_max=r["value_max"], qualifier=r["qualifier"] or "exact", unit=r["unit"],
                time=r["time"] or r["published"], source_chain=chain, source=chain[0] if chain else (r["outlet"] or r["article"]),
            )
        )
    return series


@dataclass(frozen=True)
class Conflict:
    """Two reports of one figure series that cannot both be true: a ``disagreement`` (same
    time, other sources) or a ``change`` (the series moved between periods)."""

    about: str  # the series in words: "strijder islamitische staat syrie"
    series: str
    kind: str
    sides: list[Report]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


KINDS = ("disagreement", "change", "all")


def conflicts(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = "disagreement",
    limit: int = 200,
    every_pair: bool = False,
) -> list[Conflict]:
    """Pairs of reports of one series that cannot both be true, by the chronicle's rule
    (:func:`kroniek.chronicle.series.compare`); ``kind`` None or "all" gives both kinds. A pair
    of the same values and sources is listed once unless ``every_pair`` (a chart marks them all)."""
    if kind not in (None, *KINDS):
        raise QueryError(f"kind must be disagreement, change or all, not {kind!r}")
    wanted = None if kind == "all" else kind
    out: list[Conflict] = []
    for key, reports in _reports(conn, about, date_from, date_to).items():
        seen: set[tuple[str, str]] = set()
        for a, b in combinations(reports, 2):
            if a.article == b.article and a.source == b.source:
                continue
            found = compare(a, b)
            if found is None or (wanted and found != wanted):
                continue
            pair = (f"{a.source}:{a.value}:{a.qualifier}", f"{b.source}:{b.value}:{b.qualifier}")
            if pair in seen and not every_pair:
                continue
            seen.add(pair)
            head, mods, where = key.split("|")
            out.append(Conflict(" ".join(x for x in (head, mods.replace(",", " "), where) if x), key, found, [a, b]))
            if len(out) >= limit:
                return out
    return out


def find_conflicts(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str = "disagreement",
    limit: int = 50,
    cursor: str | None = None,
) -> Page[Conflict]:
    """:func:`conflicts` one page at a time; dates as YYYY[-MM[-DD]]."""
    check_limit(limit)
    params = {"about": about, "from": date_from, "to": date_to, "kind": kind}
    offset = decode_cursor(cursor, params)
    rows = conflicts(conn, about=about, date_from=date_bound(date_from, end=False),
                     date_to=date_bound(date_to, end=True), kind=kind, limit=offset + limit + 1)  # fmt: skip
    return page_of(rows[offset:], offset, limit, params)

"""Entities: the listing, and one entity with everything the store says about it.

An entity is the chronicle's record of one real-world entity across articles
(``entity_records``): "Erdogan", "Erdoğan" and "Recep Tayyip Erdoğan" are one record with one
stable id and those three aliases. :func:`entity_view` is the one read function behind
``kroniek entity``, ``/api/entities/{id}`` and the page ``/entity/{id}``; it finds a record by
its id (``12`` or ``#12``) or by any name it goes by.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from kroniek.chronicle.keys import name_key
from kroniek.errors import NotFoundError, QueryError
from kroniek.store.filters import Per, date_bound, last_day, period_axis, period_label, to_date

from .chronicle import EntityRef, StoryView, list_stories
from .entity_stats import EntityCount, entity_counts
from .events import EventRow, list_events
from .facts import FigureMatch, QuoteMatch, figures_of_entity, list_quotes
from .paging import Page, check_limit, check_periods, decode_cursor, page_of

LABELS = ("PER", "ORG", "LOC", "MISC")


def find_entities(
    conn: sqlite3.Connection,
    *,
    label: str | None = None,
    name: str | None = None,
    per: Per = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[EntityCount]:
    """Entities by mentions, most first, one page at a time (see :func:`entity_counts`); each
    with its record ``id`` and ``aliases``."""
    if label and label.upper() not in LABELS:
        raise QueryError(f"unknown label {label!r}; use {', '.join(LABELS)}")
    check_limit(limit, 200)
    check_periods(conn, per, date_from, date_to)
    params = {"label": label, "name": name, "per": per, "from": date_from, "to": date_to}
    offset = decode_cursor(cursor, params)
    rows = entity_counts(conn, label=label, name=name, per=per, date_from=date_from,
                         date_to=date_to, limit=limit + 1, offset=offset)
    return page_of(rows, offset, limit, params)


def find_entity(conn: sqlite3.Connection, ref: int | str) -> sqlite3.Row:
    """The entity record ``ref`` names: an id (``12``, ``#12``) or any alias, the most mentioned
    record when several go by it. NotFoundError when none does."""
    if isinstance(ref, int) or (ref.startswith("#") and ref[1:].isdigit()):
        rid = ref if isinstance(ref, int) else int(ref[1:])
        row = conn.execute("SELECT * FROM entity_records WHERE id = ?", (rid,)).fetchone()
    else:
        row = conn.execute(
            "SELECT r.* FROM entity_aliases a JOIN entity_records r ON r.id = a.entity WHERE a.key = ?"
            " ORDER BY r.mentions DESC, r.id LIMIT 1",
            (name_key(ref),),
        ).fetchone()
    if row is None:
        shown = f"#{ref}" if isinstance(ref, int) else f"called {ref!r}"
        raise NotFoundError(f"no entity {shown} in the store; list them with `kroniek entities`"
                            " or /api/entities")
    return row


@dataclass(frozen=True)
class Alias:
    alias: str  # a name the entity goes by, as written in an article
    count: int  # its mentions


@dataclass(frozen=True)
class Period:
    period: str  # 2018, 2018-03, 2018-W10 or 2018-03-14
    mentions: int
    articles: int


@dataclass(frozen=True)
class Mention:
    """One mention: the evidence span in its article."""

    article: str
    published: str | None
    precision: str | None
    title: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityView:
    id: int
    entity: str
    label: str
    mentions: int
    articles: int
    first_seen: str | None
    last_seen: str | None
    aliases: list[Alias] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    timeline: list[Period] = field(default_factory=list)  # every period, empty ones as 0
    quotes_by: list[QuoteMatch] = field(default_factory=list)
    quotes_about: list[QuoteMatch] = field(default_factory=list)
    figures_reported: list[FigureMatch] = field(default_factory=list)  # it is in the source chain
    figures_about: list[FigureMatch] = field(default_factory=list)  # counted in it (a place)
    events: list[EventRow] = field(default_factory=list)  # it acts or undergoes
    stories: list[StoryView] = field(default_factory=list)
    co_mentioned: list[EntityRef] = field(default_factory=list)
    recent: list[Mention] = field(default_factory=list)


def entity_view(
    conn: sqlite3.Connection,
    ref: int | str,
    *,
    per: Per = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
) -> EntityView:
    """Everything about one entity record (``ref``: its id or any name it goes by): aliases,
    roles, place, mentions per period, quotes by and about it, figures it reported or that count
    something in it, events where it acts or undergoes, its stories, the entities most often
    mentioned with it and its latest mentions — each with its evidence span. Dates as
    YYYY[-MM[-DD]] limit the timeline and the quotes; near-duplicate articles are left out."""
    check_limit(limit, 200)
    check_periods(conn, per, date_from, date_to)
    rec = find_entity(conn, ref)
    rid = int(rec["id"])
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    aliases = [Alias(a, n) for a, n in conn.execute(
        "SELECT alias, count FROM entity_aliases WHERE entity = ? AND count > 0"
        " ORDER BY count DESC, alias", (rid,))]
    names = sorted({rec["name"], *(a.alias for a in aliases)})
    roles = [r for (r,) in conn.execute(
        "SELECT role FROM entities WHERE entity_id = ? AND role IS NOT NULL GROUP BY role"
        " ORDER BY count(*) DESC, role LIMIT 10", (rid,))]
    return EntityView(
        id=rid, entity=rec["name"], label=rec["label"], mentions=rec["mentions"],
        articles=rec["articles"], first_seen=rec["first_seen"], last_seen=rec["last_seen"],
        aliases=aliases, roles=roles, country=rec["country"], lat=rec["lat"], lon=rec["lon"],
        timeline=_timeline(conn, rid, per, date_from, date_to),
        quotes_by=list_quotes(conn, speaker_in=names, date_from=lo, date_to=hi, limit=limit),
        quotes_about=list_quotes(conn, about_in=names, date_from=lo, date_to=hi, limit=limit),
        figures_reported=figures_of_entity(conn, names, reported=True, limit=limit),
        figures_about=figures_of_entity(conn, names, reported=False, limit=limit),
        events=list_events(conn, involving=names, date_from=lo, date_to=hi, limit=limit),
        stories=list_stories(conn, entity=rid, limit=limit),
        co_mentioned=_co_mentioned(conn, rid, limit),
        recent=_mentions(conn, rid, limit),
    )


def _timeline(conn: sqlite3.Connection, rid: int, per: str, date_from: str | None,
              date_to: str | None) -> list[Period]:
    """Mentions and articles per period, on an axis from the first to the last mention (or the
    asked bounds); undated articles are not counted."""
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    sql = ("SELECT a.published_start, count(*), count(DISTINCT e.article) FROM entities e"
           " JOIN articles a ON a.rowid = e.article WHERE e.entity_id = ?"
           " AND a.duplicate_of IS NULL AND a.published_start IS NOT NULL")
    args: list[object] = [rid]
    if lo:
        sql += " AND a.published_start >= ?"
        args.append(lo)
    if hi:
        sql += " AND a.published_start <= ?"
        args.append(hi)
    counts: dict[str, tuple[int, int]] = {}
    days = []
    for value, mentions, articles in conn.execute(sql + " GROUP BY 1", args):
        day = to_date(value)
        if day is None:
            continue
        days.append(day)
        label = period_label(day, per)
        m, a = counts.get(label, (0, 0))
        counts[label] = (m + mentions, a + articles)
    first = to_date(lo) if lo else min(days, default=None)
    last = last_day(date_to) if date_to else max(days, default=None)
    return [Period(p, *counts.get(p, (0, 0))) for p in period_axis(per, first, last)]


def _co_mentioned(conn: sqlite3.Connection, rid: int, limit: int) -> list[EntityRef]:
    rows = conn.execute(
        "SELECT r.id, r.name, r.label, count(DISTINCT e2.article) FROM entities e1"
        " JOIN entities e2 ON e2.article = e1.article AND e2.entity_id != e1.entity_id"
        " JOIN entity_records r ON r.id = e2.entity_id"
        " JOIN articles a ON a.rowid = e1.article AND a.duplicate_of IS NULL"
        " WHERE e1.entity_id = ? GROUP BY r.id ORDER BY 4 DESC, r.name LIMIT ?",
        (rid, limit),
    ).fetchall()
    return [EntityRef(*r) for r in rows]


def _mentions(conn: sqlite3.Connection, rid: int, limit: int) -> list[Mention]:
    rows = conn.execute(
        "SELECT a.id, a.published, a.precision, a.title, e.start, e.end, e.text FROM entities e"
        " JOIN articles a ON a.rowid = e.article WHERE e.rowid IN"
        " (SELECT min(rowid) FROM entities WHERE entity_id = ? GROUP BY article)"
        " ORDER BY a.published_start DESC, a.rowid DESC LIMIT ?",
        (rid, limit),
    ).fetchall()
    return [Mention(*r) for r in rows]


def entity_ids(conn: sqlite3.Connection, article_id: str) -> dict[str, int]:
    """The entity record of each canonical name in one article (what its entity links, and its
    events' actors and targets, point at)."""
    return {name: rid for name, rid in conn.execute(
        "SELECT e.entity, e.entity_id FROM entities e JOIN articles a ON a.rowid = e.article"
        " WHERE a.id = ? AND e.entity_id IS NOT NULL GROUP BY e.entity", (article_id,))}

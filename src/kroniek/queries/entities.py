"""Entities as pages: the listing, and one entity with everything the store says about it.

An entity is addressed by a *key*, a string that is safe in a URL once percent-encoded. Today the
key is the canonical name the entities stage gave it within its article (``entities.entity``),
so "IS" and "Islamitische Staat" are one entity when an article linked them. When the chronicle
gives entities stable ids across articles, :func:`entity_key` and :func:`entity_name` are the
two functions to change; the API and UI only ever pass keys around.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from kroniek.errors import QueryError
from kroniek.store.filters import Per, date_bound

from .entity_stats import EntityCount, entity_counts
from .facts import FigureMatch, QuoteMatch, figures_of_entity, list_quotes
from .paging import Page, check_limit, check_periods, decode_cursor, page_of

LABELS = ("PER", "ORG", "LOC", "MISC")


def entity_key(name: str) -> str:
    """The key an entity is addressed by (today: its canonical name)."""
    return name


def entity_name(key: str) -> str:
    """The canonical name behind a key."""
    return key


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
    """Entities by mentions, most first, one page at a time (see :func:`entity_counts`)."""
    if label and label.upper() not in LABELS:
        raise QueryError(f"unknown label {label!r}; use {', '.join(LABELS)}")
    check_limit(limit, 200)
    check_periods(conn, per, date_from, date_to)
    params = {"label": label, "name": name, "per": per, "from": date_from, "to": date_to}
    offset = decode_cursor(cursor, params)
    rows = entity_counts(conn, label=label, name=name, per=per, date_from=date_from,
                         date_to=date_to, limit=limit + 1, offset=offset)
    return page_of(rows, offset, limit, params)


@dataclass(frozen=True)
class Alias:
    text: str  # a surface form as written in an article
    mentions: int


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
class CoMention:
    key: str
    entity: str
    label: str
    articles: int  # articles mentioning both


@dataclass(frozen=True)
class EntityView:
    key: str
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
    series: list[tuple[str, int]] = field(default_factory=list)  # articles per period
    quotes_by: list[QuoteMatch] = field(default_factory=list)
    quotes_about: list[QuoteMatch] = field(default_factory=list)
    figures: list[FigureMatch] = field(default_factory=list)
    co_mentions: list[CoMention] = field(default_factory=list)
    recent: list[Mention] = field(default_factory=list)


def entity_view(
    conn: sqlite3.Connection,
    key: str,
    *,
    per: Per = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
) -> EntityView | None:
    """Everything about one entity: aliases, roles, place, mention timeline, quotes by and
    about it, figures it reported or that concern it, who it appears with, its latest mentions
    (each with its evidence span). None when no article mentions it."""
    name = entity_name(key)
    if not name:
        return None
    check_limit(limit, 200)
    check_periods(conn, per, date_from, date_to)
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    row = conn.execute("SELECT entity FROM entities WHERE entity = ? COLLATE NOCASE LIMIT 1",
                       (name,)).fetchone()
    if row is None:
        return None
    name = row[0]
    counts = [c for c in entity_counts(conn, name=name, per=per, date_from=date_from,
                                       date_to=date_to, limit=10, count_duplicates=False)
              if c.entity == name]
    count = counts[0] if counts else EntityCount(name, _label(conn, name), 0, 0, None, None, [])
    aliases = [Alias(t, n) for t, n in conn.execute(
        "SELECT text, count(*) FROM entities WHERE entity = ? GROUP BY text ORDER BY 2 DESC, 1",
        (name,))]
    roles = [r for (r,) in conn.execute(
        "SELECT role FROM entities WHERE entity = ? AND role IS NOT NULL GROUP BY role"
        " ORDER BY count(*) DESC, role LIMIT 10", (name,))]
    country = conn.execute(
        "SELECT country FROM entities WHERE entity = ? AND country IS NOT NULL"
        " GROUP BY country ORDER BY count(*) DESC LIMIT 1", (name,)).fetchone()
    lat, lon = _coordinates(conn, name)
    return EntityView(
        key=entity_key(name), entity=name, label=count.label, mentions=count.mentions,
        articles=count.articles, first_seen=count.first_seen, last_seen=count.last_seen,
        aliases=aliases, roles=roles, country=country[0] if country else None, lat=lat, lon=lon,
        series=count.series,
        quotes_by=list_quotes(conn, speaker_is=name, date_from=lo, date_to=hi, limit=limit),
        quotes_about=list_quotes(conn, about_is=name, date_from=lo, date_to=hi, limit=limit),
        figures=figures_of_entity(conn, name, limit=limit),
        co_mentions=_co_mentions(conn, name, limit),
        recent=_mentions(conn, name, limit),
    )


def _label(conn: sqlite3.Connection, name: str) -> str:
    row = conn.execute("SELECT label FROM entities WHERE entity = ? GROUP BY label"
                       " ORDER BY count(*) DESC LIMIT 1", (name,)).fetchone()
    return row[0] if row else "MISC"


def _coordinates(conn: sqlite3.Connection, name: str) -> tuple[float | None, float | None]:
    """Where the entities stage placed it (a place's gazetteer point), read from one article."""
    rows = conn.execute(
        "SELECT annotations FROM articles WHERE rowid IN (SELECT article FROM entities WHERE entity = ?"
        " AND country IS NOT NULL AND label != 'MISC' LIMIT 20) ORDER BY rowid",
        (name,),
    ).fetchall()
    for (data,) in rows:
        for e in json.loads(data or "{}").get("entities", []):
            if e.get("entity") == name and e.get("lat") is not None:
                return e["lat"], e.get("lon")
    return None, None


def _co_mentions(conn: sqlite3.Connection, name: str, limit: int) -> list[CoMention]:
    rows = conn.execute(
        "SELECT o.entity, o.label, count(DISTINCT o.article) FROM entities o"
        " JOIN articles a ON a.rowid = o.article AND a.duplicate_of IS NULL"
        " WHERE o.article IN (SELECT article FROM entities WHERE entity = ?) AND o.entity != ?"
        " GROUP BY o.entity, o.label",
        (name, name),
    ).fetchall()
    articles: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {}
    for entity, label, n in rows:
        articles[entity] = max(articles[entity], n)
        labels.setdefault(entity, Counter())[label] += n
    ranked = sorted(articles.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [CoMention(entity_key(e), e, labels[e].most_common(1)[0][0], n) for e, n in ranked]


def _mentions(conn: sqlite3.Connection, name: str, limit: int) -> list[Mention]:
    rows = conn.execute(
        "SELECT a.id, a.published, a.precision, a.title, e.start, e.end, e.text FROM entities e"
        " JOIN articles a ON a.rowid = e.article WHERE e.entity = ?"
        " AND e.rowid IN (SELECT min(rowid) FROM entities WHERE entity = ? GROUP BY article)"
        " ORDER BY a.published_start DESC, a.rowid DESC LIMIT ?",
        (name, name, limit),
    ).fetchall()
    return [Mention(*r) for r in rows]

"""Events across the store: listings by type, actor, target and date, counts per period (every
report, or each event once), and PLOVER/POLECAT-style records for event-data tooling.

Near-duplicate articles (syndicated copies) are left out unless asked, so one report is listed
once. Dates: an event's own ``time`` when it has a calendar value, else its article's date.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kroniek.errors import QueryError
from kroniek.store.filters import Per, date_bound, period_axis, period_label, to_date
from kroniek.store.query import EVENT_TYPES

from .articles import period_start
from .facts import like_pattern
from .paging import Page, check_limit, check_periods, decode_cursor, page_of


@dataclass(frozen=True)
class EventRow:
    """One stored event mention with its article and evidence offsets."""

    article: str
    published: str | None
    source: str | None
    type: str
    mode: str | None
    text: str
    start: int
    end: int
    actor: str | None
    target: str | None
    actor_names: list[str] = field(default_factory=list)
    target_names: list[str] = field(default_factory=list)
    negated: bool = False
    status: str = "happened"
    time: str | None = None
    place: list[str] = field(default_factory=list)
    source_chain: list[str] = field(default_factory=list)
    sentence: tuple[int, int] | None = None
    actor_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    story: int | None = None  # the chronicle's story of the article
    event_key: str | None = None  # shared by every report of one event within a story
    actor_id: int | None = None  # the entity records actor and target are linked to, if any
    target_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["sentence"] = list(self.sentence) if self.sentence else None
        d["actor_span"] = list(self.actor_span) if self.actor_span else None
        d["target_span"] = list(self.target_span) if self.target_span else None
        return d

    @property
    def date(self) -> str | None:
        """The event's own date when it names one, else its article's."""
        if self.time and self.time[:4].isdigit():
            return self.time
        return self.published


def _check_type(kind: str | None) -> str | None:
    if kind is None:
        return None
    up = kind.strip().upper()
    if up not in EVENT_TYPES:
        raise QueryError(f"unknown event type {kind!r}; use one of {', '.join(EVENT_TYPES)}")
    return up


def list_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,  # noqa: A002 - the PLOVER field name
    actor: str | None = None,
    target: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_negated: bool = True,
    include_duplicates: bool = False,
    limit: int | None = 200,
    offset: int = 0,
    involving: Sequence[str] = (),
) -> list[EventRow]:
    """Event mentions, newest article first; ``actor``/``target`` match any part of a name,
    ``involving`` (one entity's name and aliases) the actor's or the target's name exactly."""
    sql = (
        f"SELECT a.id AS article_id, a.published, a.source AS outlet, a.story, {_linked('actor')},"
        f" {_linked('target')}, e.* FROM events e JOIN articles a ON a.rowid = e.article WHERE 1=1"
    )
    params: list[Any] = []
    if not include_duplicates:
        sql += " AND a.duplicate_of IS NULL"
    kind = _check_type(type)
    if kind:
        sql += " AND e.type = ?"
        params.append(kind)
    if actor:
        sql += " AND (e.actor_name LIKE ? ESCAPE '\\' OR e.actor_names LIKE ? ESCAPE '\\')"
        params += [like_pattern(actor)] * 2
    if target:
        sql += " AND (e.target_name LIKE ? ESCAPE '\\' OR e.target_names LIKE ? ESCAPE '\\')"
        params += [like_pattern(target)] * 2
    if date_from:
        sql += " AND a.published_end >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND a.published_start <= ?"
        params.append(date_to)
    if not include_negated:
        sql += " AND e.negated = 0"
    if involving:
        marks = ",".join("?" * len(involving))
        sql += f" AND (e.actor_name COLLATE NOCASE IN ({marks}) OR e.target_name COLLATE NOCASE IN ({marks}))"
        params += [*involving, *involving]
    sql += " ORDER BY a.published_start DESC, a.rowid, e.start"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
    return [_row(r) for r in conn.execute(sql, params)]


def _linked(role: str) -> str:
    """The entity record the article linked the actor's (target's) name to, if any."""
    return (f"(SELECT x.entity_id FROM entities x WHERE x.article = e.article AND x.entity = e.{role}_name"
            f" AND x.entity_id IS NOT NULL LIMIT 1) AS {role}_id")


def _filters(type: str | None, actor: str | None, target: str | None,  # noqa: A002
             date_from: str | None, date_to: str | None) -> dict[str, Any]:
    """The keyword arguments of :func:`list_events` for API-style filters (dates YYYY[-MM[-DD]])."""
    return {"type": type, "actor": actor, "target": target,
            "date_from": date_bound(date_from, end=False), "date_to": date_bound(date_to, end=True)}


def find_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,  # noqa: A002 - the PLOVER field name
    actor: str | None = None,
    target: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[EventRow]:
    """:func:`list_events` one page at a time; dates as YYYY[-MM[-DD]]."""
    check_limit(limit)
    params = {"type": type, "actor": actor, "target": target, "from": date_from, "to": date_to}
    offset = decode_cursor(cursor, params)
    rows = list_events(conn, **_filters(type, actor, target, date_from, date_to), limit=limit + 1,
                       offset=offset)
    return page_of(rows, offset, limit, params)


def _row(r: sqlite3.Row) -> EventRow:
    return EventRow(
        article=r["article_id"],
        published=r["published"],
        source=r["outlet"],
        type=r["type"],
        mode=r["mode"],
        text=r["text"],
        start=r["start"],
        end=r["end"],
        actor=r["actor_name"],
        target=r["target_name"],
        actor_names=json.loads(r["actor_names"] or "[]"),
        target_names=json.loads(r["target_names"] or "[]"),
        negated=bool(r["negated"]),
        status=r["status"],
        time=r["time"],
        place=json.loads(r["place"] or "[]"),
        source_chain=json.loads(r["source_chain"] or "[]"),
        sentence=(r["sentence_start"], r["sentence_end"]) if r["sentence_start"] is not None else None,
        actor_span=(r["actor_start"], r["actor_end"]) if r["actor_start"] is not None else None,
        target_span=(r["target_start"], r["target_end"]) if r["target_start"] is not None else None,
        story=r["story"],
        event_key=r["event_key"],
        actor_id=r["actor_id"],
        target_id=r["target_id"],
    )


@dataclass(frozen=True)
class EventCount:
    period: str
    type: str
    events: int


def event_counts(events: list[EventRow], per: Per = "month", *, distinct: bool = False) -> list[EventCount]:
    """Counts per period and type (happened, not negated), oldest period first. ``distinct``
    counts one event per ``event_key`` — eleven papers reporting one assault in one story are
    one assault — in the period of its earliest report."""
    if per not in ("day", "week", "month", "year"):
        raise QueryError(f"--per must be day, week, month or year, not {per!r}")
    first: dict[str, tuple[str, str]] = {}  # event key -> (period, type) of its earliest report
    counts: Counter[tuple[str, str]] = Counter()
    for e in events:
        if e.negated or e.status != "happened":
            continue
        day = to_date(_first_day(e.date or ""))
        if day is None:
            continue
        label = period_label(day, per)
        if not distinct or not e.event_key:
            counts[(label, e.type)] += 1
        elif e.event_key not in first or label < first[e.event_key][0]:
            first[e.event_key] = (label, e.type)
    counts.update(first.values())
    return [EventCount(p, t, n) for (p, t), n in sorted(counts.items())]


@dataclass(frozen=True)
class TypeSeries:
    type: str
    counts: list[int]  # one per period of the shared axis
    total: int


@dataclass(frozen=True)
class EventTrend:
    per: str
    distinct: bool
    periods: list[str]
    series: list[TypeSeries]  # most events first
    rows: list[EventCount]  # the same counts, one per period and type (the CSV)


def event_trend(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,  # noqa: A002 - the PLOVER field name
    actor: str | None = None,
    target: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    per: Per = "month",
    distinct: bool = False,
) -> EventTrend:
    """Events that happened per period, one series per type on one axis (empty periods 0),
    for a chart of events by type over time; dates as YYYY[-MM[-DD]]."""
    check_periods(conn, per, date_from, date_to)
    rows = event_counts(list_events(conn, **_filters(type, actor, target, date_from, date_to), limit=None),
                        per, distinct=distinct)
    days = [period_start(r.period) for r in rows]
    periods = period_axis(per, min(days, default=None), max(days, default=None))
    by_type: dict[str, Counter[str]] = {}
    for r in rows:
        by_type.setdefault(r.type, Counter())[r.period] += r.events
    series = [TypeSeries(t, [c.get(p, 0) for p in periods], sum(c.values())) for t, c in by_type.items()]
    series.sort(key=lambda s: (-s.total, s.type))
    return EventTrend(per, distinct, periods, series, rows)


def _first_day(value: str) -> str:
    """'2017-12' -> '2017-12-01'; '2014' -> '2014-01-01' (a period counts in its first bucket)."""
    parts = value[:10].split("-")
    if not parts[0].isdigit():
        return ""
    while len(parts) < 3:
        parts.append("01")
    return "-".join(p if p.isdigit() else "01" for p in parts[:3])


def plover_record(e: EventRow) -> dict[str, Any]:
    """A PLOVER/POLECAT-style record (the NGEC coder's field names) with kroniek's citation."""

    def who(name: str | None, names: list[str], span: tuple[int, int] | None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [
            {"text": n, "wiki": None, "qa_start_char": None, "qa_end_char": None} for n in (names or [])
        ]
        if not out and name:
            out = [{"text": name, "wiki": None, "qa_start_char": None, "qa_end_char": None}]
        if out and span:
            out[0]["qa_start_char"], out[0]["qa_end_char"] = span
        return out

    return {
        "id": f"{e.article}:{e.start}-{e.end}",
        "date": e.date,
        "pub_date": e.published,
        "publisher": e.source,
        "story_id": e.article,
        "event": e.type,
        "mode": e.mode,
        "event_type": e.type,
        "event_mode": [e.mode] if e.mode else [],
        "event_text": e.text,
        "actor": e.actor,
        "recipient": e.target,
        "location": e.place[0] if e.place else None,
        "attributes": {
            "ACTOR": who(e.actor, e.actor_names, e.actor_span),
            "RECIP": who(e.target, e.target_names, e.target_span),
            "LOC": [{"text": p} for p in e.place],
            "DATE": [{"text": e.time}] if e.time else [],
        },
        "contexts": [c for c in ("negated" if e.negated else "", e.status if e.status != "happened" else "") if c],
        "source_chain": e.source_chain,
        "citation": {"article": e.article, "start": e.start, "end": e.end, "sentence": list(e.sentence or ())},
        "version": "kroniek-events",
    }

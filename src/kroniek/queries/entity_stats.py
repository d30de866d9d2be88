"""Entity statistics over the store: who and what the articles mention, how often, and when.

Backs ``kroniek entities``. Mentions are grouped by canonical name (``entities.entity``), so
"IS" and "Islamitische Staat" count together, and a country's LOC mentions count together with
its nationality adjectives (MISC, see :mod:`kroniek.extraction.entities`): "Syrische" counts for Syrië.
An entity's ``label`` is the label most of its mentions have, nationality adjectives
not counting while other mentions exist (Syrië stays LOC).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kroniek.chronicle.keys import name_key
from kroniek.errors import QueryError
from kroniek.store.filters import Per, date_bound, last_day, period_axis, period_label, to_date


@dataclass(frozen=True)
class EntityCount:
    entity: str
    label: str
    mentions: int
    articles: int
    first_seen: str | None  # published_start of the earliest article mentioning it
    last_seen: str | None
    series: list[tuple[str, int]] = field(default_factory=list)  # articles per bucket
    id: int | None = None  # the entity record (one per real-world entity, across articles)
    aliases: list[str] = field(default_factory=list)


#: Mentions count for their entity record when the chronicle linked them, else by canonical name.
_GROUP = "coalesce('#' || e.entity_id, e.entity)"


def entity_counts(
    conn: sqlite3.Connection,
    *,
    label: str | None = None,
    name: str | None = None,
    per: Per = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    count_duplicates: bool = False,
    offset: int = 0,
) -> list[EntityCount]:
    """The most mentioned entities, most mentions first, each with a per-``per`` series.

    ``name`` matches a canonical name or any surface form, case-insensitively, and then counts
    every mention of the canonical entities it hit: ``name="IS"`` gives "Islamitische Staat"
    with its long-form mentions too. ``series`` counts articles (not mentions) per bucket, on
    one shared axis for all entities with empty buckets filled in, so charts line up; undated
    articles count in the totals but not in the series. Near-duplicate articles are skipped
    unless ``count_duplicates``, as in :func:`kroniek.store.search.counts`.
    """
    if per not in ("day", "week", "month", "year"):
        raise QueryError(f"unknown bucket {per!r}; use day, week, month or year")
    if limit < 1:
        raise QueryError(f"limit must be at least 1, not {limit}")
    where: list[str] = []
    args: list[object] = []
    if label:
        where.append("e.label = ?")
        args.append(label.upper())
    if name:
        where.append(
            "(e.entity_id IN (SELECT entity FROM entity_aliases WHERE key = ?)"
            " OR e.entity IN (SELECT entity FROM entities WHERE entity = ? COLLATE NOCASE OR text = ? COLLATE NOCASE))"
        )
        args += [name_key(name), name, name]
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    if lo:
        where.append("a.published_start >= ?")
        args.append(lo)
    if hi:
        where.append("a.published_start <= ?")
        args.append(hi)
    if not count_duplicates:
        where.append("a.duplicate_of IS NULL")
    cond = " AND ".join(where) or "1"
    base = f"FROM entities e JOIN articles a ON a.rowid = e.article WHERE {cond}"

    top = conn.execute(
        f"SELECT {_GROUP}, count(*), count(DISTINCT e.article), min(a.published_start), "
        f"max(a.published_start) {base} GROUP BY 1 "
        "ORDER BY 2 DESC, 3 DESC, 1 LIMIT ? OFFSET ?",
        [*args, limit, max(0, offset)],
    ).fetchall()
    if not top:
        return []
    names = [row[0] for row in top]
    marks = ",".join("?" * len(names))
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for entity, lab, nationality, n in conn.execute(
        f"SELECT {_GROUP}, e.label, e.label = 'MISC' AND e.country IS NOT NULL, count(*) {base} "
        f"AND {_GROUP} IN ({marks}) GROUP BY 1, 2, 3",
        [*args, *names],
    ):
        # nationality adjectives only name the label when nothing else does
        labels[entity][lab] += 0 if nationality else n
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    first: str | None = None
    last: str | None = None
    for entity, day, n in conn.execute(
        f"SELECT {_GROUP}, a.published_start, count(DISTINCT e.article) {base} "
        f"AND {_GROUP} IN ({marks}) AND a.published_start IS NOT NULL GROUP BY 1, 2",
        [*args, *names],
    ):
        date = to_date(day or "")
        if date is None:
            continue
        per_day[entity][period_label(date, per)] += n
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
    axis = _axis(per, date_from or first, date_to, last)

    records = _records(conn, [int(n[1:]) for n in names if n.startswith("#")])
    out = []
    for group, mentions, articles, first_seen, last_seen in top:
        counts = per_day.get(group, Counter())
        series = [(b, counts.get(b, 0)) for b in axis] if axis else sorted(counts.items())
        best = max(sorted(labels[group].items()), key=lambda kv: kv[1])[0]  # ties: A-Z
        rid = int(group[1:]) if group.startswith("#") else None
        name, aliases = records.get(rid, (group, [])) if rid is not None else (group, [])
        out.append(EntityCount(name, best, mentions, articles, first_seen, last_seen, series, rid, aliases))
    return out


def _records(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, list[str]]]:
    """Record id -> (name, aliases most used first)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    out: dict[int, tuple[str, list[str]]] = {
        int(r[0]): (r[1], []) for r in conn.execute(f"SELECT id, name FROM entity_records WHERE id IN ({marks})", ids)
    }
    for rid, alias in conn.execute(
        f"SELECT entity, alias FROM entity_aliases WHERE entity IN ({marks}) ORDER BY count DESC, alias", ids
    ):
        if alias != out[int(rid)][0]:
            out[int(rid)][1].append(alias)
    return out


def _axis(per: str, lo_raw: str | None, hi_raw: str | None, last: str | None) -> list[str]:
    """Every bucket label from the lower to the upper bound, oldest first."""
    lo = to_date(date_bound(lo_raw[:10], end=False) or "") if lo_raw else None
    hi = last_day(hi_raw) if hi_raw else to_date(last or "")
    return period_axis(per, lo, hi)

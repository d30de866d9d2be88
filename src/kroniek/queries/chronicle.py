"""Reading the chronicle: an entity with everything the store knows about it, stories, figure
series and the sources that disagree."""

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
from kroniek.store.stemming import stem_terms


def _dates(date_from: str | None, date_to: str | None, col: str = "a.published_start") -> tuple[str, list[Any]]:
    sql, params = "", []
    if date_from:
        sql += f" AND {col} >= ?"
        params.append(date_from)
    if date_to:
        sql += f" AND {col} <= ?"
        params.append(date_to)
    return sql, params


# -- entities -------------------------------------------------------------------------------


def find_entity(conn: sqlite3.Connection, name: str) -> sqlite3.Row:
    """The entity record any alias (or its id, ``#12``) names; the most mentioned one if several."""
    if name.startswith("#") and name[1:].isdigit():
        row = conn.execute("SELECT * FROM entity_records WHERE id = ?", (int(name[1:]),)).fetchone()
    else:
        row = conn.execute(
            "SELECT r.* FROM entity_aliases a JOIN entity_records r ON r.id = a.entity WHERE a.key = ?"
            " ORDER BY r.mentions DESC, r.id LIMIT 1",
            (name_key(name),),
        ).fetchone()
    if row is None:
        raise QueryError(f"no entity called {name!r} in the store; list them with `kroniek entities`")
    return row


def entity_view(conn: sqlite3.Connection, name: str, *, per: str = "week", limit: int = 20) -> dict[str, Any]:
    """Aliases, mentions per period, quotes by and about it, figures it reported, events where it
    acts or undergoes, its stories and the entities most often mentioned with it."""
    from kroniek.store.filters import period_label, to_date

    rec = find_entity(conn, name)
    rid = int(rec["id"])
    aliases = [
        {"alias": r[0], "count": r[1]}
        for r in conn.execute(
            "SELECT alias, count FROM entity_aliases WHERE entity = ? AND count > 0 ORDER BY count DESC, alias", (rid,)
        )
    ]
    names = sorted({rec["name"], *(a["alias"] for a in aliases)})
    timeline: Counter[str] = Counter()
    for day, n in conn.execute(
        "SELECT a.published_start, count(*) FROM entities e JOIN articles a ON a.rowid = e.article"
        " WHERE e.entity_id = ? AND a.published_start IS NOT NULL GROUP BY 1",
        (rid,),
    ):
        d = to_date(day)
        if d is not None:
            timeline[period_label(d, per)] += n
    in_names = ",".join("?" * len(names))
    quotes_by = [
        dict(r)
        for r in conn.execute(
            f"SELECT a.id AS article, a.published, q.kind, q.content, q.source_chain, q.start, q.end FROM quotes q"
            f" JOIN articles a ON a.rowid = q.article WHERE q.speaker_name IN ({in_names}) AND a.duplicate_of IS NULL"
            f" ORDER BY a.published_start DESC LIMIT ?",
            (*names, limit),
        )
    ]
    quotes_about = [
        dict(r)
        for r in conn.execute(
            f"SELECT a.id AS article, a.published, q.speaker_name AS speaker, q.content, q.start, q.end FROM quotes q"
            f" JOIN articles a ON a.rowid = q.article, json_each(q.about) j"
            f" WHERE j.value IN ({in_names}) AND a.duplicate_of IS NULL ORDER BY a.published_start DESC LIMIT ?",
            (*names, limit),
        )
    ]
    figures = [
        dict(r)
        for r in conn.execute(
            f"SELECT a.id AS article, a.published, f.text, f.value, f.qualifier, f.unit, f.subject, f.start, f.end"
            f" FROM figures f JOIN articles a ON a.rowid = f.article, json_each(f.source_chain) j"
            f" WHERE j.value IN ({in_names}) AND a.duplicate_of IS NULL"
            f" GROUP BY a.id, a.published, f.text, f.value, f.qualifier, f.unit, f.subject, f.start, f.end"
            f" ORDER BY max(a.published_start) DESC LIMIT ?",
            (*names, limit),
        )
    ]
    events = [
        dict(r)
        for r in conn.execute(
            f"SELECT a.id AS article, a.published, e.type, e.mode, e.text, e.actor_name AS actor,"
            f" e.target_name AS target, e.status, e.negated, e.time, e.start, e.end FROM events e"
            f" JOIN articles a ON a.rowid = e.article WHERE (e.actor_name IN ({in_names}) OR e.target_name IN ({in_names}))"
            f" AND a.duplicate_of IS NULL ORDER BY a.published_start DESC LIMIT ?",
            (*names, *names, limit),
        )
    ]
    stories = [
        {"story": r[0], "articles": r[1], "first": r[2], "last": r[3]}
        for r in conn.execute(
            "SELECT s.id, s.articles, s.first, s.last FROM stories s WHERE s.id IN"
            " (SELECT a.story FROM entities e JOIN articles a ON a.rowid = e.article WHERE e.entity_id = ?)"
            " ORDER BY s.articles DESC, s.last DESC, s.id LIMIT ?",
            (rid, limit),
        )
    ]
    co = [
        {"id": r[0], "entity": r[1], "label": r[2], "articles": r[3]}
        for r in conn.execute(
            "SELECT r.id, r.name, r.label, count(DISTINCT e2.article) FROM entities e1"
            " JOIN entities e2 ON e2.article = e1.article AND e2.entity_id != e1.entity_id"
            " JOIN entity_records r ON r.id = e2.entity_id WHERE e1.entity_id = ?"
            " GROUP BY r.id ORDER BY 4 DESC, r.name LIMIT ?",
            (rid, limit),
        )
    ]
    return {
        "id": rid,
        "entity": rec["name"],
        "label": rec["label"],
        "aliases": aliases,
        "country": rec["country"],
        "lat": rec["lat"],
        "lon": rec["lon"],
        "mentions": rec["mentions"],
        "articles": rec["articles"],
        "first_seen": rec["first_seen"],
        "last_seen": rec["last_seen"],
        "timeline": sorted(timeline.items()),
        "quotes_by": quotes_by,
        "quotes_about": quotes_about,
        "figures_reported": figures,
        "events": events,
        "stories": stories,
        "co_mentioned": co,
    }


# -- stories --------------------------------------------------------------------------------


@dataclass
class StoryView:
    story: int
    label: str | None
    articles: list[str]
    first: str | None
    last: str | None
    sources: dict[str, int] = field(default_factory=dict)
    copies: int = 0
    entities: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_stories(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    about: str | None = None,
    min_articles: int = 1,
    story: int | None = None,
    limit: int = 50,
) -> list[StoryView]:
    """Stories, most reported first (articles and printed copies), each with its label, articles,
    dates, counts by source and main entities."""
    sql = "SELECT s.id FROM stories s WHERE s.articles >= ?"
    params: list[Any] = [min_articles]
    if story is not None:
        sql += " AND s.id = ?"
        params.append(story)
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
    sql += " ORDER BY s.articles DESC, s.last DESC, s.id LIMIT ?"
    params.append(limit)
    return [_story(conn, int(r[0])) for r in conn.execute(sql, params).fetchall()]


def _story(conn: sqlite3.Connection, sid: int) -> StoryView:
    rows = conn.execute(
        "SELECT rowid, id, title, source, published_start, text FROM articles WHERE story = ?"
        " ORDER BY published_start, rowid",
        (sid,),
    ).fetchall()
    sources: Counter[str] = Counter(r["source"] or "-" for r in rows)
    ids = [r["id"] for r in rows]
    copies = conn.execute(
        f"SELECT source FROM copies WHERE duplicate_of IN ({','.join('?' * len(ids))})", ids
    ).fetchall() if ids else []
    for c in copies:
        sources[c[0] or "-"] += 1
    ents = [
        r[0]
        for r in conn.execute(
            "SELECT r.name FROM entities e JOIN entity_records r ON r.id = e.entity_id JOIN articles a"
            " ON a.rowid = e.article WHERE a.story = ? AND e.label != 'MISC' GROUP BY r.id"
            " ORDER BY count(DISTINCT e.article) DESC, count(*) DESC, r.id LIMIT 5",
            (sid,),
        )
    ]
    return StoryView(
        story=sid,
        label=_label(rows),
        articles=ids,
        first=rows[0]["published_start"] if rows else None,
        last=max((r["published_start"] or "" for r in rows), default=None) or None,
        sources=dict(sources.most_common()),
        copies=len(copies),
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
    clause, params = _dates(date_from, date_to)
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


def _side(r: Report) -> dict[str, Any]:
    return {
        "value": r.value, "value_max": r.value_max, "qualifier": r.qualifier, "unit": r.unit, "time": r.time,
        "source_chain": list(r.source_chain), "source": r.source, "article": r.article, "start": r.start,
        "end": r.end, "text": r.text,
    }  # fmt: skip


def conflicts(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = "disagreement",
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Pairs of reports of one series that cannot both be true: a ``disagreement`` (overlapping
    time, different sources) or a ``change`` (the series moved between periods)."""
    if kind not in (None, "disagreement", "change"):
        raise QueryError(f"--kind must be disagreement or change, not {kind!r}")
    out: list[dict[str, Any]] = []
    for key, reports in _reports(conn, about, date_from, date_to).items():
        seen: set[tuple[str, str]] = set()
        for a, b in combinations(reports, 2):
            if a.article == b.article and a.source == b.source:
                continue
            found = compare(a, b)
            if found is None or (kind and found != kind):
                continue
            pair = (f"{a.source}:{a.value}:{a.qualifier}", f"{b.source}:{b.value}:{b.qualifier}")
            if pair in seen:
                continue
            seen.add(pair)
            head, mods, where = key.split("|")
            out.append({"about": " ".join(x for x in (head, mods.replace(",", " "), where) if x), "series": key,
                        "kind": found, "sides": [_side(a), _side(b)]})  # fmt: skip
            if len(out) >= limit:
                return out
    return out


def figure_series_of(conn: sqlite3.Connection, about: str | None, date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    """Every series matching ``about`` with its reports in time order; a report that moved from
    the previous one is marked."""
    out = []
    for key, reports in _reports(conn, about, date_from, date_to).items():
        points = []
        for i, r in enumerate(reports):
            moved = i > 0 and compare(reports[i - 1], r) == "change"
            points.append({**_side(r), "moved": moved})
        out.append({"series": key, "reports": points})
    out.sort(key=lambda s: -len(s["reports"]))
    return out

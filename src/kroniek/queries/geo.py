"""Mentions per country over a period: what a map of the news draws.

A mention counts for a country when the entities stage gave it one: places (LOC), and
nationality adjectives (MISC, "Syrische" counts for Syrië). Each country carries its Dutch name,
its ISO 3166 numeric code (the id Natural Earth outlines use) and its capital's coordinates
for a pin.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from kroniek.kb.places import country, country_name
from kroniek.store.filters import date_bound


@dataclass(frozen=True)
class CountryEntity:
    id: int | None  # the entity record (None in a store whose chronicle is not built)
    entity: str
    mentions: int


@dataclass(frozen=True)
class CountryCount:
    country: str  # ISO 3166-1 alpha-2
    name: str
    numeric: str | None  # ISO 3166-1 numeric, as Natural Earth's outlines are keyed
    lat: float | None
    lon: float | None
    mentions: int
    articles: int
    entities: list[CountryEntity] = field(default_factory=list)  # most mentioned first


def country_mentions(
    conn: sqlite3.Connection,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    top: int = 5,
) -> list[CountryCount]:
    """Countries by mentions in articles published in the period, most first; near-duplicate
    articles are left out."""
    where = ["e.country IS NOT NULL", "a.duplicate_of IS NULL"]
    args: list[object] = []
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    if lo:
        where.append("a.published_start >= ?")
        args.append(lo)
    if hi:
        where.append("a.published_start <= ?")
        args.append(hi)
    base = "FROM entities e JOIN articles a ON a.rowid = e.article WHERE " + " AND ".join(where)
    per_entity: dict[str, list[CountryEntity]] = {}
    for code, rid, entity, n in conn.execute(
        "SELECT e.country, e.entity_id, coalesce(r.name, e.entity), count(*) FROM entities e"
        " JOIN articles a ON a.rowid = e.article LEFT JOIN entity_records r ON r.id = e.entity_id"
        f" WHERE {' AND '.join(where)} GROUP BY 1, 2, 3"
        " ORDER BY 4 DESC, 3", args
    ):
        got = per_entity.setdefault(code, [])
        if len(got) < top:
            got.append(CountryEntity(rid, entity, n))
    out = []
    for code, mentions, articles in conn.execute(
        f"SELECT e.country, count(*), count(DISTINCT e.article) {base} GROUP BY 1"
        " ORDER BY 2 DESC, 1", args
    ):
        place = country(code)
        out.append(CountryCount(
            country=code, name=country_name(code) or (place.name if place else code),
            numeric=_numeric(code), lat=place.lat if place else None,
            lon=place.lon if place else None, mentions=mentions, articles=articles,
            entities=per_entity.get(code, []),
        ))
    return out


def _numeric(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return found.numeric if found else None

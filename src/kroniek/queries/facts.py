"""Cross-article queries over stored facts: quotes by speaker/topic, figures as time series."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from kroniek.store.stemming import stem_terms


def _date_clause(date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if date_from:
        sql += " AND a.published_end >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND a.published_start <= ?"
        params.append(date_to)
    return sql, params


#: the kinds of statement a quote can be (``kroniek.model.Quote.kind``)
QUOTE_KINDS = ("direct", "indirect", "mixed", "infinitival", "position", "evidence", "call")


def list_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    include_duplicates: bool = False,
    kinds: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Quotes with their speaker, source chain and evidence, newest first.

    ``kinds`` keeps the quotes of those kinds (direct, indirect, mixed, infinitival, position,
    evidence, call).

    Near-duplicate articles (syndicated copies) are left out unless asked, so one statement
    is listed once.
    """
    sql = (
        "SELECT a.id AS article, a.published, a.source AS outlet, q.* FROM quotes q"
        " JOIN articles a ON a.rowid = q.article WHERE 1=1"
    )
    if not include_duplicates:
        sql += " AND a.duplicate_of IS NULL"
    params: list[Any] = []
    if speaker:
        sql += " AND (q.speaker_name LIKE ? OR q.speaker LIKE ? OR q.source_chain LIKE ?)"
        params += [f"%{speaker}%"] * 3
    if about:
        sql += " AND (q.about LIKE ? OR q.content LIKE ?)"
        params += [f"%{about}%"] * 2
    if kinds:
        sql += " AND q.kind IN (" + ",".join("?" * len(kinds)) + ")"
        params += list(kinds)
    clause, extra = _date_clause(date_from, date_to)
    sql += clause + " ORDER BY a.published_start DESC, a.rowid, q.start LIMIT ?"
    params += extra + [limit]
    out = []
    for row in conn.execute(sql, params):
        out.append(
            {
                "article": row["article"],
                "published": row["published"],
                "speaker": row["speaker_name"] or row["speaker"],
                "kind": row["kind"],
                "content": row["content"],
                "source_chain": json.loads(row["source_chain"]),
                "about": json.loads(row["about"]),
                "start": row["start"],
                "end": row["end"],
            }
        )
    return out


@dataclass(frozen=True)
class FigureMatch:
    article: str
    published: str | None
    value: float | None
    value_max: float | None
    value_from: float | None  # the old value of a "change" figure
    qualifier: str | None
    unit: str | None
    subject: str | None
    text: str
    source: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def figure_series(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 200,
) -> list[FigureMatch]:
    """Figures whose subject/unit mention every word of ``about``, oldest first (a time series).

    Words match by Dutch stem and by prefix ("IS" finds "IS-strijders"); the source is the
    innermost reporter of the figure, else the outlet that published the article.
    """
    clause, params = _date_clause(date_from, date_to)
    rows = conn.execute(
        "SELECT a.id AS article, a.published, a.source AS outlet, f.* FROM figures f"
        " JOIN articles a ON a.rowid = f.article WHERE a.duplicate_of IS NULL" + clause
        + " ORDER BY a.published_start, a.rowid, f.start",
        params,
    ).fetchall()
    wanted = stem_terms(about or "")
    out: list[FigureMatch] = []
    for row in rows:
        if wanted:
            place = " ".join(json.loads(row["place"] or "[]"))
            hay = stem_terms(" ".join(filter(None, [row["subject"], row["unit"], row["text"], place])))
            if not all(any(h == w or h.startswith(w) for h in hay) for w in wanted):
                continue
        chain = json.loads(row["source_chain"] or "[]")
        out.append(
            FigureMatch(
                article=row["article"],
                published=row["published"],
                value=row["value"],
                value_max=row["value_max"],
                value_from=row["value_from"],
                qualifier=row["qualifier"],
                unit=row["unit"],
                subject=row["subject"],
                text=row["text"],
                source=" <- ".join(reversed(chain)) if chain else row["outlet"],
                start=row["start"],
                end=row["end"],
            )
        )
        if len(out) >= limit:
            break
    return out

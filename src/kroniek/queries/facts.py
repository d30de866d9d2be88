"""Cross-article queries over stored facts: quotes by speaker/topic, figures as time series."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kroniek.errors import QueryError
from kroniek.store.filters import date_bound
from kroniek.store.stemming import stem_terms

from .paging import Page, check_limit, decode_cursor, page_of


def date_clause(date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    """SQL (over ``articles a``) for articles whose date overlaps the bounds (``date_bound`` form)."""
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


def like_pattern(value: str) -> str:
    """A LIKE pattern that finds ``value`` anywhere, its own % and _ taken literally."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class QuoteMatch:
    """A statement with its speaker, the chain of sources and the evidence spans."""

    article: str
    published: str | None
    precision: str | None
    outlet: str | None  # the source that published the article
    speaker: str | None  # the resolved name, else the speaker span's text
    kind: str
    content: str
    source_chain: list[str]
    about: list[str]
    start: int  # the content's span
    end: int
    speaker_text: str | None = None  # the speaker as written ("de minister")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def list_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_duplicates: bool = False,
    speaker_in: Sequence[str] = (),
    about_in: Sequence[str] = (),
    kinds: Sequence[str] | None = None,
) -> list[QuoteMatch]:
    """Quotes with their speaker, source chain and evidence, newest first.

    ``speaker`` and ``about`` match anywhere in the name (or the content, for ``about``),
    case-insensitively; ``speaker_in`` and ``about_in`` are one entity's names (its record's
    name and aliases), matched exactly: the speaker or anyone in the source chain / one of the
    entities the quote is about.
    ``kinds`` keeps the quotes of those kinds (direct, indirect, mixed, infinitival, position,
    evidence, call).
    Near-duplicate articles (syndicated copies) are left out unless asked, so one statement
    is listed once.
    """
    sql = (
        "SELECT a.id AS article_id, a.published, a.precision, a.source AS outlet, q.* FROM quotes q"
        " JOIN articles a ON a.rowid = q.article WHERE 1=1"
    )
    if not include_duplicates:
        sql += " AND a.duplicate_of IS NULL"
    params: list[Any] = []
    if speaker:
        sql += (" AND (q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker LIKE ? ESCAPE '\\'"
                " OR q.source_chain LIKE ? ESCAPE '\\')")
        params += [like_pattern(speaker)] * 3
    if about:
        sql += " AND (q.about LIKE ? ESCAPE '\\' OR q.content LIKE ? ESCAPE '\\')"
        params += [like_pattern(about)] * 2
    if speaker_in:
        marks = _marks(speaker_in)
        sql += (f" AND (q.speaker_name COLLATE NOCASE IN ({marks}) OR EXISTS (SELECT 1 FROM"
                f" json_each(q.source_chain) WHERE value COLLATE NOCASE IN ({marks})))")
        params += [*speaker_in, *speaker_in]
    if about_in:
        sql += (f" AND EXISTS (SELECT 1 FROM json_each(q.about) WHERE value COLLATE NOCASE"
                f" IN ({_marks(about_in)}))")
        params += list(about_in)
    if kinds:
        sql += " AND q.kind IN (" + ",".join("?" * len(kinds)) + ")"
        params += list(kinds)
    clause, extra = date_clause(date_from, date_to)
    sql += clause + " ORDER BY a.published_start DESC, a.rowid, q.start LIMIT ? OFFSET ?"
    params += extra + [limit, offset]
    return [
        QuoteMatch(
            article=row["article_id"],
            published=row["published"],
            precision=row["precision"],
            outlet=row["outlet"],
            speaker=row["speaker_name"] or row["speaker"],
            kind=row["kind"],
            content=row["content"],
            source_chain=json.loads(row["source_chain"]),
            about=json.loads(row["about"]),
            start=row["start"],
            end=row["end"],
            speaker_text=row["speaker"],
            speaker_start=row["speaker_start"],
            speaker_end=row["speaker_end"],
            cue=row["cue"],
        )
        for row in conn.execute(sql, params)
    ]


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
    precision: str | None = None  # of the article's date: a month-only article shows the month
    outlet: str | None = None  # the source that published the article

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _figure(row: sqlite3.Row) -> FigureMatch:
    chain = json.loads(row["source_chain"] or "[]")
    return FigureMatch(
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
        precision=row["precision"],
        outlet=row["outlet"],
    )


_FIGURE_SQL = (
    "SELECT a.id AS article, a.published, a.precision, a.source AS outlet, f.* FROM figures f"
    " JOIN articles a ON a.rowid = f.article WHERE a.duplicate_of IS NULL"
)


def figure_series(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[FigureMatch]:
    """Figures whose subject/unit mention every word of ``about``, oldest first (a time series).

    Words match by Dutch stem and by prefix ("IS" finds "IS-strijders"); the source is the
    innermost reporter of the figure, else the outlet that published the article.
    """
    clause, params = date_clause(date_from, date_to)
    rows = conn.execute(
        _FIGURE_SQL + clause + " ORDER BY a.published_start, a.rowid, f.start",
        params,
    ).fetchall()
    wanted = stem_terms(about or "")
    out: list[FigureMatch] = []
    skip = offset
    for row in rows:
        if wanted:
            place = " ".join(json.loads(row["place"] or "[]"))
            hay = stem_terms(" ".join(filter(None, [row["subject"], row["unit"], row["text"], place])))
            if not all(any(h == w or h.startswith(w) for h in hay) for w in wanted):
                continue
        if skip:
            skip -= 1
            continue
        out.append(_figure(row))
        if len(out) >= limit:
            break
    return out


def figures_of_entity(conn: sqlite3.Connection, names: Sequence[str], *, reported: bool,
                      limit: int = 50) -> list[FigureMatch]:
    """Figures one entity (``names``: its name and aliases) reported — it is in the source
    chain — or, with ``reported=False``, figures about it as a place; newest first."""
    column = "f.source_chain" if reported else "f.place"
    rows = conn.execute(
        _FIGURE_SQL
        + f" AND EXISTS (SELECT 1 FROM json_each({column}) WHERE value COLLATE NOCASE IN ({_marks(names)}))"
        " ORDER BY a.published_start DESC, a.rowid, f.start LIMIT ?",
        (*names, limit),
    ).fetchall()
    return [_figure(r) for r in rows]


def _marks(values: Sequence[str]) -> str:
    if not values:
        raise QueryError("no names to match")
    return ",".join("?" * len(values))


def find_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[QuoteMatch]:
    """:func:`list_quotes` one page at a time; dates as YYYY[-MM[-DD]]."""
    check_limit(limit)
    params = {"speaker": speaker, "about": about, "from": date_from, "to": date_to}
    offset = decode_cursor(cursor, params)
    rows = list_quotes(conn, speaker=speaker, about=about,
                       date_from=date_bound(date_from, end=False),
                       date_to=date_bound(date_to, end=True), limit=limit + 1, offset=offset)
    return page_of(rows, offset, limit, params)


def find_figures(
    conn: sqlite3.Connection,
    *,
    about: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> Page[FigureMatch]:
    """:func:`figure_series` one page at a time; dates as YYYY[-MM[-DD]]."""
    check_limit(limit)
    params = {"about": about, "from": date_from, "to": date_to}
    offset = decode_cursor(cursor, params)
    rows = figure_series(conn, about=about, date_from=date_bound(date_from, end=False),
                         date_to=date_bound(date_to, end=True), limit=limit + 1, offset=offset)
    return page_of(rows, offset, limit, params)

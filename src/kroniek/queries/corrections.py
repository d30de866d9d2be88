"""Corrections: a person marks one extracted fact right or wrong, optionally with the right value.

Three kinds of fact can be judged, each found by its span in its article:

* ``quote_speaker`` — the speaker of the quote whose *content* spans ``start..end``; the right
  value is a name;
* ``figure`` — the figure at ``start..end``; the right value is the number, or an object with
  any of ``value``, ``value_max``, ``qualifier``, ``unit``, ``subject``;
* ``entity`` — the entity link of the mention at ``start..end``; the right value is the
  canonical name it should link to.

The store keeps what kroniek had extracted at the time beside the verdict, so corrections stay
readable after ``kroniek reprocess`` and serve as evaluation data (``bench/corrections.py``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kroniek.errors import NotFoundError, QueryError
from kroniek.store.sqlite import SQLiteStore

from .paging import Page, check_limit, decode_cursor, page_of

TARGETS = ("quote_speaker", "figure", "entity")
VERDICTS = ("right", "wrong")
FIGURE_FIELDS = ("value", "value_max", "qualifier", "unit", "subject")
MAX_NOTE = 2000


@dataclass(frozen=True)
class Correction:
    id: int
    article: str
    target: str
    start: int
    end: int
    verdict: str
    extracted: Any  # what kroniek said when the verdict was given
    value: Any  # the right value, when given
    note: str | None
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def extracted_fact(document: dict[str, Any], target: str, start: int, end: int) -> Any:
    """What the document says for one judged fact, or raise NotFoundError."""
    if target == "quote_speaker":
        for q in document.get("quotes") or []:
            if (q["content"]["start"], q["content"]["end"]) == (start, end):
                speaker = q.get("speaker") or {}
                return {"speaker": q.get("speaker_name"), "speaker_text": speaker.get("text"),
                        "source_chain": q.get("source_chain") or []}
        what = "quote"
    elif target == "figure":
        for f in document.get("figures") or []:
            if (f["start"], f["end"]) == (start, end):
                return {k: f.get(k) for k in (*FIGURE_FIELDS, "text", "source_chain")}
        what = "figure"
    elif target == "entity":
        for e in document.get("entities") or []:
            if (e["start"], e["end"]) == (start, end):
                return {k: e.get(k) for k in ("text", "label", "entity")}
        what = "entity mention"
    else:
        raise QueryError(f"unknown target {target!r}; use {', '.join(TARGETS)}")
    raise NotFoundError(f"no {what} at {start}-{end} in article {document.get('id')!r}; "
                        "give the span of an extracted one (see the article's JSON)")


def _clean_value(target: str, value: Any) -> Any:
    if value is None:
        return None
    if target in ("quote_speaker", "entity"):
        if not isinstance(value, str) or not value.strip() or len(value) > 300:
            raise QueryError(f"the right value of a {target} is a name (1-300 characters)")
        return value.strip()
    if isinstance(value, bool):
        raise QueryError("the right value of a figure is a number or an object of figure fields")
    if isinstance(value, int | float):
        return {"value": value}
    if isinstance(value, dict) and value and set(value) <= set(FIGURE_FIELDS):
        return value
    raise QueryError("the right value of a figure is a number or an object with any of "
                     + ", ".join(FIGURE_FIELDS))


def record_correction(
    store: SQLiteStore,
    *,
    article: str,
    target: str,
    start: int,
    end: int,
    verdict: str,
    value: Any = None,
    note: str | None = None,
) -> Correction:
    """Check that the judged fact exists, then store the verdict with a copy of the fact."""
    if target not in TARGETS:
        raise QueryError(f"unknown target {target!r}; use {', '.join(TARGETS)}")
    if verdict not in VERDICTS:
        raise QueryError(f"verdict must be right or wrong, not {verdict!r}")
    if note is not None and len(note) > MAX_NOTE:
        raise QueryError(f"a note has at most {MAX_NOTE} characters")
    doc = store.get(article)
    if doc is None:
        raise NotFoundError(f"no article {article!r} in the store")
    extracted = extracted_fact(doc.to_dict(), target, start, end)
    value = _clean_value(target, value)
    new_id = store.add_correction(article, target, start, end, verdict, extracted, value, note)
    (made,) = list_corrections(store.conn, id_=new_id)
    return made


def list_corrections(
    conn: sqlite3.Connection,
    *,
    target: str | None = None,
    article: str | None = None,
    verdict: str | None = None,
    limit: int = 100,
    offset: int = 0,
    id_: int | None = None,
) -> list[Correction]:
    """Corrections, oldest first."""
    if target is not None and target not in TARGETS:
        raise QueryError(f"unknown target {target!r}; use {', '.join(TARGETS)}")
    if verdict is not None and verdict not in VERDICTS:
        raise QueryError(f"verdict must be right or wrong, not {verdict!r}")
    where, args = ["1=1"], []
    for column, value in (("target", target), ("article", article), ("verdict", verdict),
                          ("id", id_)):
        if value is not None:
            where.append(f"{column} = ?")
            args.append(value)
    rows = conn.execute(
        "SELECT * FROM corrections WHERE " + " AND ".join(where) + " ORDER BY id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return [_correction(r) for r in rows]


def _correction(row: sqlite3.Row) -> Correction:
    return Correction(
        id=row["id"], article=row["article"], target=row["target"], start=row["start"],
        end=row["end"], verdict=row["verdict"],
        extracted=json.loads(row["extracted"]) if row["extracted"] else None,
        value=json.loads(row["value"]) if row["value"] else None,
        note=row["note"], created_at=row["created_at"],
    )


def corrections_by_article(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """Every correction as a dict, grouped by article id (for the export)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute("SELECT * FROM corrections ORDER BY id"):
        c = _correction(row).to_dict()
        out[c.pop("article")].append(c)
    return out


def find_corrections(
    conn: sqlite3.Connection,
    *,
    target: str | None = None,
    article: str | None = None,
    verdict: str | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> Page[Correction]:
    """:func:`list_corrections` one page at a time."""
    check_limit(limit)
    params = {"target": target, "article": article, "verdict": verdict}
    offset = decode_cursor(cursor, params)
    rows = list_corrections(conn, target=target, article=article, verdict=verdict,
                            limit=limit + 1, offset=offset)
    return page_of(rows, offset, limit, params)

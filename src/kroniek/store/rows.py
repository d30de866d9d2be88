"""A document as the rows the store writes, prepared before the write transaction starts.

Stemming for the full-text index and serialising annotations take most of a write's time;
done here, outside the lock, they keep each write transaction (and every other process's
wait for it) short.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from kroniek.model import ARTICLE_FIELDS, Document, Event

from .stemming import stem_text

ENTITY_SQL = (
    "INSERT INTO entities (article, start, end, text, label, entity, role, country)"
    " VALUES (?,?,?,?,?,?,?,?)"
)
QUOTE_SQL = (
    "INSERT INTO quotes (article, start, end, content, kind, cue_start, cue_end, cue,"
    " speaker_start, speaker_end, speaker, speaker_name, source_chain, about)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
FIGURE_SQL = (
    "INSERT INTO figures (article, start, end, text, value, value_max, qualifier, unit,"
    " kind, subject, place, time, source_chain, value_from)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
TIMEX_SQL = "INSERT INTO timexes (article, start, end, text, type, value) VALUES (?,?,?,?,?,?)"
EVENT_SQL = (
    "INSERT INTO events (article, start, end, text, type, mode, actor_start, actor_end, actor,"
    " actor_name, target_start, target_end, target, target_name, negated, status, time, place,"
    " source_chain, sentence_start, sentence_end, actor_names, target_names)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class AnnotationRows:
    """One document's annotations as row values without the article's rowid (known later)."""

    annotations: str
    stages: str
    language: str | None
    entities: list[tuple[Any, ...]]
    quotes: list[tuple[Any, ...]]
    figures: list[tuple[Any, ...]]
    timexes: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]

    def write(self, conn: sqlite3.Connection, rowid: int) -> None:
        conn.execute(
            "UPDATE articles SET annotations = ?, stages = ? WHERE rowid = ?",
            (self.annotations, self.stages, rowid),
        )
        for sql, rows in ((ENTITY_SQL, self.entities), (QUOTE_SQL, self.quotes),
                          (FIGURE_SQL, self.figures), (TIMEX_SQL, self.timexes), (EVENT_SQL, self.events)):
            conn.executemany(sql, [(rowid, *row) for row in rows])


def annotation_rows(doc: Document) -> AnnotationRows:
    data = doc.to_dict(tokens=True)
    annotations = {k: v for k, v in data.items() if k not in ARTICLE_FIELDS}
    return AnnotationRows(
        annotations=_json(annotations),
        stages=json.dumps(doc.stages),
        language=doc.language or doc.article.language,
        entities=[(e.start, e.end, e.text, e.label, e.entity, e.role, e.country)
                  for e in doc.entities],
        quotes=[
            (
                q.content.start, q.content.end, q.content.text, q.kind,
                q.cue.start if q.cue else None, q.cue.end if q.cue else None,
                q.cue.text if q.cue else None,
                q.speaker.start if q.speaker else None, q.speaker.end if q.speaker else None,
                q.speaker.text if q.speaker else None, q.speaker_name,
                _json(list(q.source_chain)), _json(list(q.about)),
            )
            for q in doc.quotes
        ],
        figures=[
            (f.start, f.end, f.text, f.value, f.value_max, f.qualifier, f.unit, f.kind,
             f.subject, _json(list(f.place)), f.time, _json(list(f.source_chain)), f.value_from)
            for f in doc.figures
        ],
        timexes=[(t.start, t.end, t.text, t.type, t.value) for t in doc.timexes],
        events=[_event_row(e) for e in doc.events],
    )


def _event_row(e: Event) -> tuple[Any, ...]:
    def span(s: Any) -> tuple[Any, Any, Any]:
        return (s.start, s.end, s.text) if s is not None else (None, None, None)

    return (
        e.start, e.end, e.text, e.type, e.mode, *span(e.actor), e.actor_name, *span(e.target),
        e.target_name, int(e.negated), e.status, e.time, _json(list(e.place)), _json(list(e.source_chain)),
        e.sentence[0], e.sentence[1], _json(list(e.actor_names)), _json(list(e.target_names)),
    )  # fmt: skip


@dataclass(frozen=True)
class TextRows:
    """The stemmed title, text and source for the full-text index(es)."""

    title: str
    text: str
    source: str


def text_rows(doc: Document) -> TextRows:
    a = doc.article
    return TextRows(stem_text(a.title), stem_text(a.text), stem_text(a.source))

"""Keeping the chronicle: each stored article joins a story, links its entities to records, keys
its figures into series and its events into events, inside the same write transaction as the
article itself (an article is never stored without its story). ``rebuild`` recomputes everything
from the stored annotations, in publication order (``kroniek reprocess`` when the chronicle's
version changed, or ``kroniek chronicle --rebuild``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from kroniek.model import Article, Document
from kroniek.store.stemming import stem_text

from .events import event_key
from .identity import Identity
from .series import series_key
from .stories import Stories, profile

#: Bump when the chronicle's output changes; a store built by another version is rebuilt.
VERSION = 5  # 5: a new article bridging stories merges them (single-link); 4: role references counted (never aliases), initialled surnames ("Gökmen T."), numbered names no persons, camel-case acronyms; 2: no acronym from a hyphenated name; event keys keep week values whole; 3: bursting words in stories, one identity group per canonical name, genitives of persons


class Chronicle:
    """The chronicle of one store connection (use inside a write transaction)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.identity = Identity(conn)
        self.stories = Stories(conn)

    def add(self, rowid: int, doc: Document, title_stems: str, text_stems: str, duplicate_of: str | None) -> int:
        """Place one newly stored article; returns its story."""
        day = doc.published.start().isoformat() if doc.published else None
        story = self.stories.assign(rowid, profile(title_stems, text_stems), day, duplicate_of)
        records = self.identity.link(rowid, doc.entities, day, story)
        for f in doc.figures:
            ents = [
                e.entity for e in doc.entities
                if f.start <= e.start and e.end <= f.end + 60 and e.label in ("ORG", "MISC") and not e.country
            ]  # fmt: skip
            key = series_key(f.unit, f.subject, ents[:3], list(f.place))
            if key is not None:
                self.conn.execute("UPDATE figures SET series = ? WHERE article = ? AND start = ?", (key, rowid, f.start))
        for e in doc.events:
            key = event_key(story, e, records, doc.published.value if doc.published else None)
            self.conn.execute("UPDATE events SET event_key = ? WHERE article = ? AND start = ?", (key, rowid, e.start))
        return story

    def add_copy(self, article: Article, duplicate_of: str, source_file: str | None, line: int | None, now: str) -> None:
        """An exact copy under another id (the same article printed by another paper): kept as a
        copy of its original, counted where its source is counted, never dropped."""
        pub = article.published
        self.conn.execute(
            "INSERT INTO copies (id, duplicate_of, published, published_start, title, url, source, author,"
            " source_file, source_line, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (id) DO NOTHING",
            (
                article.id, duplicate_of, pub.value if pub else None, pub.start().isoformat() if pub else None,
                article.title, article.url, article.source, article.author, source_file, line, now,
            ),
        )


def rebuild(conn: Any, document: Callable[[Any], Document], progress: Callable[[int], None] | None = None) -> int:
    """Recompute the whole chronicle from the stored annotations; returns the articles placed."""
    for table in ("entity_aliases", "entity_acronyms", "entity_records", "stories", "term_df", "story_terms", "term_days", "story_bursts"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE articles SET story = NULL")
    conn.execute("UPDATE entities SET entity_id = NULL")
    conn.execute("UPDATE figures SET series = NULL")
    conn.execute("UPDATE events SET event_key = NULL")
    chronicle = Chronicle(conn)
    n = 0
    order = [int(r[0]) for r in conn.execute(
        "SELECT rowid FROM articles ORDER BY published_start IS NULL, published_start, rowid")]
    for i in range(0, len(order), 200):  # a page of rows at a time: memory stays flat
        chunk = order[i : i + 200]
        by_rowid = {int(r["rowid"]): r for r in conn.execute(
            f"SELECT * FROM articles WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)}
        for rowid in chunk:
            row = by_rowid[rowid]
            doc = document(row)
            chronicle.add(rowid, doc, stem_text(doc.article.title), stem_text(doc.text), row["duplicate_of"])
            n += 1
            if progress is not None:
                progress(n)
    conn.execute(
        "INSERT INTO chronicle_state (key, value) VALUES ('version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (json.dumps(VERSION),),
    )
    return n


def stored_version(conn: Any) -> int:
    row = conn.execute("SELECT value FROM chronicle_state WHERE key = 'version'").fetchone()
    return int(json.loads(row[0])) if row is not None else 0


def ensure_chronicle(store: Any) -> int:
    """Build the chronicle of a store made before it (or by another version); returns the
    articles placed (0 when it was up to date)."""
    conn = store.conn
    if stored_version(conn) == VERSION:
        return 0
    with store.transaction():
        if stored_version(conn) == VERSION:  # another process did it meanwhile
            return 0
        if conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
            conn.execute("UPDATE chronicle_state SET value = ? WHERE key = 'version'", (json.dumps(VERSION),))
            return 0
        return rebuild(conn, store.document_of)

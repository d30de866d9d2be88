"""Ingest: read files, reject bad records into quarantine, drop exact duplicates, mark
near-duplicates, annotate, and store — in batches, each batch one transaction.

Idempotent: an article id already stored with the same text is skipped ("unchanged"). An
interrupted run loses at most the batch in flight, which the next run ingests again.

Streaming: records are read, annotated and committed a batch at a time, so memory stays flat
whatever the input's size; near-duplicate candidates are looked up in the store (LSH band keys,
see :mod:`kroniek.store.bands`), not held in memory.

Several ingests may share a store. Each batch is annotated without any lock, then checked and
written in one write transaction (:meth:`Ingester._decide` under the store's write lock): an
article another process stored meanwhile counts as unchanged, its text under another id as a
duplicate, and the near-duplicate index first takes in the originals other processes added.
So every article is stored once, exact copies never, whichever process gets there first.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kroniek.chronicle import Chronicle, ensure_chronicle
from kroniek.errors import RecordError
from kroniek.model import Article, Document
from kroniek.pipeline.registry import DEFAULT_STAGES, PipelineFailure
from kroniek.pipeline.workers import Processor
from kroniek.store.bands import band_keys
from kroniek.store.base import Rejection, StoredDocument
from kroniek.store.protocol import Store
from kroniek.store.rows import TextRows

from .dedup import NearDuplicateIndex, best_match, text_hash
from .readers import read_paths
from .records import ReadOptions, Record

#: Error messages a summary keeps (the count goes on; each error was reported as it came).
MAX_KEPT_ERRORS = 1000


@dataclass
class IngestSummary:
    read: int = 0
    ingested: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    quarantined: int = 0
    non_dutch: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.quarantined else 0

    def line(self) -> str:
        return (
            f"{self.ingested} ingested, {self.unchanged} unchanged, {self.duplicates} duplicates, "
            f"{self.near_duplicates} near-duplicates, {self.quarantined} quarantined"
            f" ({self.non_dutch} not Dutch)"
        )


def _rejection(err: RecordError) -> Rejection:
    return Rejection(
        source_file=err.source or None,
        line=err.line,
        record_id=err.record_id,
        field=err.field,
        message=err.describe(),
        raw=getattr(err, "raw", None),
    )


def _batches(items: Iterable[Record | RecordError], size: int) -> Iterator[list[Record | RecordError]]:
    batch: list[Record | RecordError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


#: An exact copy found at ingest: the article, the id of its original, its file and line.
Copy = tuple[Article, str, str | None, int | None]


@dataclass
class _Pending:
    """A batch checked and handed to the workers, not yet stored."""

    errors: list[RecordError]
    fresh: dict[str, tuple[Record, str]] = field(default_factory=dict)  # article id -> (record, text hash)
    copies: list[Copy] = field(default_factory=list)
    results: Iterable[Document | PipelineFailure] = ()


class Ingester:
    """Stateful ingest into one store (dedup index and counters live across batches)."""

    def __init__(
        self,
        store: Store,
        *,
        stages: Sequence[str] = DEFAULT_STAGES,
        workers: int = 1,
        near_threshold: float = 0.8,
        on_error: Callable[[str], None] | None = None,
        chronicle: bool = True,
    ) -> None:
        self.store = store
        self.chronicle = chronicle  # False only to measure what the chronicle costs (bench/chronicle.py)
        self.processor = Processor(stages, workers)
        self.near = NearDuplicateIndex(threshold=near_threshold)  # signatures only: no LSH kept here
        self.threshold = near_threshold
        self.summary = IngestSummary()
        self.on_error = on_error or (lambda msg: print(f"Error: {msg}", file=sys.stderr))
        self._seen_hashes: dict[str, str] = {}
        self._seen_ids: dict[str, str] = {}
        if chronicle:
            ensure_chronicle(store)

    def reject(self, errors: list[RecordError]) -> None:
        if not errors:
            return
        for err in errors:
            self.on_error(err.describe())
            if len(self.summary.errors) < MAX_KEPT_ERRORS:
                self.summary.errors.append(err.describe())
        self.store.quarantine(_rejection(e) for e in errors)
        self.summary.quarantined += len(errors)

    def ingest_batch(self, batch: list[Record | RecordError],
                     processed: Mapping[str, Document] | None = None) -> None:
        """Check, annotate and store one batch. ``processed`` gives documents annotated
        elsewhere (the Spark runner's executors) by article id: those are not annotated again."""
        self.finish(self.submit(batch, processed))

    def submit(self, batch: list[Record | RecordError],
               processed: Mapping[str, Document] | None = None) -> _Pending:
        """Check one batch and start annotating it; :meth:`finish` stores it. With worker
        processes the annotation runs while the parent stores the batch before (``ingest_paths``
        keeps one batch in flight), so the writing and the chronicle no longer leave the workers idle."""
        pending = _Pending(errors=[item for item in batch if isinstance(item, RecordError)])
        records = [item for item in batch if isinstance(item, Record)]
        self.summary.read += len(batch)
        # A first look, without the lock, spares annotating what is stored already; what
        # counts is the second look in _decide, under the store's write lock.
        stored_hashes = self.store.hashes_for_ids(r.article.id for r in records)
        hashes = {r.article.id: text_hash(r.article.text) for r in records}
        known = self.store.ids_for_hashes(hashes.values())
        for rec in records:
            art, h = rec.article, hashes[rec.article.id]
            previous = stored_hashes.get(art.id) or self._seen_ids.get(art.id)
            if previous is not None:
                if previous == h:
                    self.summary.unchanged += 1
                else:
                    pending.errors.append(_changed_text(rec.source_file, rec.line, art.id))
                continue
            if h in known or h in self._seen_hashes:
                self.summary.duplicates += 1
                pending.copies.append((art, known.get(h) or self._seen_hashes[h], rec.source_file, rec.line))
                continue
            self._seen_ids[art.id] = h
            self._seen_hashes[h] = art.id
            pending.fresh[art.id] = (rec, h)
        articles = [rec.article for rec, _ in pending.fresh.values()]
        pending.results = (self.processor.submit(articles) if processed is None
                           else [processed[a.id] for a in articles])
        return pending

    def finish(self, pending: _Pending) -> None:
        """Collect a submitted batch's annotations and store it in one write transaction."""
        errors = pending.errors
        candidates: list[StoredDocument] = []
        for result in pending.results:
            if isinstance(result, PipelineFailure):
                rec, _ = pending.fresh[result.article_id]
                errors.append(
                    RecordError(
                        f"processing failed: {result.message}",
                        source=rec.source_file,
                        line=rec.line,
                        record_id=rec.article.id,
                        field="text",
                        hint="report this with the record; the rest of the batch went in",
                    )
                )
                continue
            rec, h = pending.fresh[result.id]
            candidates.append(
                StoredDocument(
                    document=result,
                    text_hash=h,
                    source_file=rec.source_file,
                    source_line=rec.line,
                    signature=self.near.signature(result.text),
                )
            )
        chosen: list[StoredDocument] = []

        def decide(items: list[StoredDocument]) -> list[StoredDocument]:
            chosen[:] = self._decide(items, errors, pending.copies)
            return chosen

        def after(conn: object, stored: list[tuple[int, StoredDocument, TextRows]]) -> None:
            chronicle = Chronicle(conn)
            for rowid, item, stems in stored:
                chronicle.add(rowid, item.document, stems.title, stems.text, item.duplicate_of)
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            for article, original, source_file, line in pending.copies:
                chronicle.add_copy(article, original, source_file, line, now)

        added = self.store.add(candidates, decide=decide, after=after if self.chronicle else None)
        self.summary.ingested += added
        self.summary.unchanged += len(chosen) - added  # not reached while _decide holds
        self.reject(errors)
        # committed: from here on the store answers for these ids and texts (a batch submitted
        # since keeps its own entries)
        for art_id, (_, h) in pending.fresh.items():
            if self._seen_ids.get(art_id) == h:
                del self._seen_ids[art_id]
            if self._seen_hashes.get(h) == art_id:
                del self._seen_hashes[h]

    def _decide(self, items: list[StoredDocument], errors: list[RecordError], copies: list[Copy]) -> list[StoredDocument]:
        """Under the store's write lock: which of ``items`` to store, as what.

        Another process may have stored any of them (or the same text under another id, or a
        near copy) while this one annotated them; with the lock held, what the store says now
        stays true until our commit, so each article is stored once and exact copies never.
        Near copies are looked for among the stored originals sharing an LSH band (every
        process's, committed) and the originals chosen earlier in this batch."""
        stored = self.store.hashes_for_ids(i.document.id for i in items)
        known = self.store.ids_for_hashes(i.text_hash for i in items)
        chosen = []
        batch_originals: list[tuple[str, bytes, set[int]]] = []
        for item in items:
            doc = item.document
            if doc.id in stored:  # stored by another process meanwhile
                if stored[doc.id] == item.text_hash:
                    self.summary.unchanged += 1
                else:
                    errors.append(_changed_text(item.source_file, item.source_line, doc.id))
                continue
            if item.text_hash in known:
                self.summary.duplicates += 1
                copies.append((doc.article, known[item.text_hash], item.source_file, item.source_line))
                continue
            signature = item.signature or b""
            keys = band_keys(signature)
            candidates = self.store.near_candidates(keys) + [
                (other, sig) for other, sig, other_keys in batch_originals if other_keys & set(keys)]
            match = best_match(signature, candidates, self.threshold)
            if match is None:
                batch_originals.append((doc.id, signature, set(keys)))
            else:
                self.summary.near_duplicates += 1
                item = replace(item, duplicate_of=match[0], similarity=match[1])
            if (doc.language or "nl") != "nl":
                self.summary.non_dutch += 1
            chosen.append(item)
        return chosen


def _changed_text(source: str | None, line: int | None, article_id: str) -> RecordError:
    return RecordError(
        f"id {article_id!r} is already stored with a different text",
        source=source or "",
        line=line,
        record_id=article_id,
        field="id",
        hint="give the new version its own id, or remove the old one first",
    )


def ingest_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    options: ReadOptions | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int = 1,
    near_threshold: float = 0.8,
    batch_size: int = 64,
    progress: bool = False,
    on_error: Callable[[str], None] | None = None,
    chronicle: bool = True,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``; bad records go to quarantine.

    Records stream from the readers a batch at a time (never the whole input in memory)."""
    ingester = Ingester(
        store, stages=stages, workers=workers, near_threshold=near_threshold, on_error=on_error,
        chronicle=chronicle,
    )
    items = read_paths(paths, options or ReadOptions())
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="art", file=sys.stderr, desc="ingest", smoothing=0.1)
    try:
        pending: tuple[_Pending, int] | None = None
        for batch in _batches(items, batch_size):
            # the next batch is annotated while the one before is stored (one batch in flight)
            submitted = (ingester.submit(batch), len(batch))
            if pending is not None:
                ingester.finish(pending[0])
                if bar is not None:
                    bar.update(pending[1])
            pending = submitted
        if pending is not None:
            ingester.finish(pending[0])
            if bar is not None:
                bar.update(pending[1])
    finally:
        ingester.processor.__exit__(None, None, None)
        if bar is not None:
            bar.close()
    return ingester.summary


def articles_of(items: Iterable[Record | RecordError]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Record):
            yield item.article

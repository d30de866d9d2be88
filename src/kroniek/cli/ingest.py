"""Commands that read articles: ingest, extract, reprocess, quarantine."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .app import app
from .common import CSV, DB, JSON, QUIET, open_db
from .output import choose, emit


def _options(fmt: str | None, fields: list[str] | None, source: str | None):  # type: ignore[no-untyped-def]
    from kroniek.errors import UsageError
    from kroniek.ingest.records import ReadOptions

    field_map: dict[str, str] = {}
    for item in fields or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise UsageError(f"--field {item!r}: write OURS=THEIRS, e.g. --field text=body")
        field_map[ours.strip()] = theirs.strip()
    return ReadOptions(format=fmt, field_map=field_map, default_source=source)


def _workers(n: int | None) -> int:
    from kroniek.pipeline.workers import default_workers

    return default_workers() if n is None or n <= 0 else n


def _stages(stages: str | None) -> tuple[str, ...]:
    from kroniek.pipeline.registry import DEFAULT_STAGES

    return tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else DEFAULT_STAGES


FORMAT = typer.Option(None, "--format", "-f", help="seed|jsonl|csv|html|feed|warc (default: by file).")
FIELD = typer.Option(None, "--field", help="Map a field: OURS=THEIRS (e.g. text=body). Repeatable.")
SOURCE = typer.Option(None, "--source", help="Source name for records that have none.")
WORKERS = typer.Option(None, "--workers", "-w", help="Worker processes (default: all cores).")
STAGES = typer.Option(None, "--stages", help="Comma-separated pipeline stages (default: all).")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursive); - for stdin JSONL."),
    db: Path = DB,
    fmt: str | None = FORMAT,
    field: list[str] | None = FIELD,
    source: str | None = SOURCE,
    workers: int | None = WORKERS,
    near_threshold: float = typer.Option(0.8, "--near-threshold", help="MinHash Jaccard for near-duplicates."),
    stages: str | None = STAGES,
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per write transaction (memory and lock time grow with it)."),
    quiet: bool = QUIET,
) -> None:
    """Read, annotate and store articles. Exit 0: all went in; 1: some records quarantined.

    Streams: records are read, annotated and committed a batch at a time, so memory stays flat
    whatever the size of the input."""
    from kroniek.ingest.runner import ingest_paths

    store = open_db(db, must_exist=False)
    try:
        summary = ingest_paths(
            store,
            [str(p) for p in paths],
            options=_options(fmt, field, source),
            stages=_stages(stages),
            workers=_workers(workers),
            near_threshold=near_threshold,
            batch_size=batch_size,
            progress=not quiet and sys.stderr.isatty(),
        )
    finally:
        store.close()
    print(summary.line(), file=sys.stderr)
    if summary.quarantined:
        print(f"See them with: kroniek quarantine --db {store.path}", file=sys.stderr)
    raise typer.Exit(summary.exit_code)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders; - for stdin JSONL."),
    fmt: str | None = FORMAT,
    field: list[str] | None = FIELD,
    source: str | None = SOURCE,
    workers: int | None = WORKERS,
    stages: str | None = STAGES,
    tokens: bool = typer.Option(False, "--tokens", help="Also write tokens with POS, lemma, head, dep."),
) -> None:
    """Annotate articles without a store: one JSON object per article on stdout, in input order."""
    from kroniek.errors import RecordError
    from kroniek.ingest.readers import read_paths
    from kroniek.pipeline.registry import PipelineFailure
    from kroniek.pipeline.workers import process

    failed = 0
    items = list(read_paths([str(p) for p in paths], _options(fmt, field, source)))
    for item in items:
        if isinstance(item, RecordError):
            failed += 1
            print(f"Error: {item.describe()}", file=sys.stderr)
    articles = [item.article for item in items if not isinstance(item, RecordError)]
    out = sys.stdout
    for result in process(articles, stages=_stages(stages), workers=_workers(workers)):
        if isinstance(result, PipelineFailure):
            failed += 1
            print(f"Error: article {result.article_id!r}: {result.message}", file=sys.stderr)
            continue
        out.write(json.dumps(result.to_dict(tokens=tokens), ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        print(f"{len(articles) - failed + (len(items) - len(articles))} ok, {failed} failed", file=sys.stderr)
    raise typer.Exit(1 if failed else 0)


@app.command()
def reprocess(
    db: Path = DB,
    workers: int | None = WORKERS,
    all_: bool = typer.Option(False, "--all", help="Re-run every article, not only stale ones."),
    quiet: bool = QUIET,
) -> None:
    """Re-run the pipeline on articles whose stage versions are out of date."""
    from kroniek.pipeline.registry import DEFAULT_STAGES, Pipeline, PipelineFailure
    from kroniek.pipeline.workers import Processor

    store = open_db(db)
    pipeline = Pipeline(DEFAULT_STAGES)
    stale = [aid for aid, versions in store.stage_versions() if all_ or pipeline.stale(versions)]
    done = failed = 0
    with Processor(DEFAULT_STAGES, _workers(workers)) as proc:
        for i in range(0, len(stale), 64):
            batch = [d.article for d in (store.get(aid) for aid in stale[i : i + 64]) if d]
            good = []
            for result in proc.map(batch):
                if isinstance(result, PipelineFailure):
                    failed += 1
                    print(f"Error: article {result.article_id!r}: {result.message}", file=sys.stderr)
                else:
                    good.append(result)
            done += store.replace_annotations(good)
    from kroniek.chronicle import VERSION, rebuild, stored_version

    placed = 0
    if done or stored_version(store.conn) != VERSION:
        # new annotations change identities, stories and series: the chronicle is rebuilt
        with store.transaction():
            placed = rebuild(store.conn, store.document_of)
    store.close()
    print(f"{done} reprocessed, {failed} failed, {len(stale)} were stale"
          f"{f'; chronicle rebuilt over {placed} articles' if placed else ''}", file=sys.stderr)
    raise typer.Exit(1 if failed else 0)


@app.command()
def quarantine(
    db: Path = DB,
    limit: int = typer.Option(100, "--limit", help="How many to list."),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """List rejected records: where they came from and why."""
    store = open_db(db)
    rows = [dict(r) for r in store.quarantined(limit)]
    store.close()
    for r in rows:
        if r.get("raw") and len(r["raw"]) > 200:
            r["raw"] = r["raw"][:200] + "…"
    emit(rows, choose(json_, csv_), ["id", "source_file", "line", "record_id", "field", "message"],
         title="Quarantined records")

"""`kroniek events`: who did what to whom, when and where, across the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .app import app
from .common import CSV, DB, FROM, JSON, TO, date_bound, open_db
from .output import choose, emit

_COLUMNS = ["published", "type", "mode", "actor", "text", "target", "status", "negated", "time", "place",
            "source_chain", "article"]  # fmt: skip


@app.command()
def events(
    db: Path = DB,
    type_: str | None = typer.Option(None, "--type", "-t", help="PLOVER event type, e.g. ASSAULT, ACCUSE."),
    actor: str | None = typer.Option(None, "--actor", help="Actor name contains this."),
    target: str | None = typer.Option(None, "--target", help="Target name contains this."),
    date_from: str | None = FROM,
    date_to: str | None = TO,
    per: str | None = typer.Option(None, "--per", help="Count events per day|week|month|year and type instead."),
    distinct: bool = typer.Option(False, "--distinct", help="With --per: count each event once, however many articles of its story report it."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="table|jsonl|json|csv, or plover for PLOVER/POLECAT-style JSON records."
    ),
    limit: int = typer.Option(200, "--limit", "-n", help="At most this many events (0: all)."),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Events coded in PLOVER: type, actor, target, status, time, place and evidence offsets."""
    from dataclasses import asdict

    from kroniek.errors import UsageError
    from kroniek.queries.events import event_counts, list_events, plover_record

    store = open_db(db)
    rows = list_events(
        store.conn, type=type_, actor=actor, target=target, date_from=date_bound(date_from, end=False),
        date_to=date_bound(date_to, end=True), limit=None if per or not limit else limit,
    )  # fmt: skip
    store.close()
    if fmt == "plover":
        for e in rows:
            sys.stdout.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
        return
    from .output import Format

    try:
        chosen = choose(json_, csv_, Format(fmt) if fmt else None)
    except ValueError:
        raise UsageError(f"--format {fmt!r}: use table, jsonl, json, csv or plover") from None
    if per:
        counted = [asdict(c) for c in event_counts(rows, per, distinct=distinct)]  # type: ignore[arg-type]
        emit(counted, chosen, ["period", "type", "events"], title=f"Events per {per}")
        return
    emit([e.to_dict() for e in rows], chosen, _COLUMNS, title="Events")

"""Commands that look into the store: search, show, stats, export, digest."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from .app import app
from .common import CSV, DB, FROM, JSON, TO, date_bound, open_db
from .output import Format, choose, emit


class Sort(StrEnum):
    relevance = "relevance"
    date = "date"
    date_asc = "date_asc"


class Per(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command()
def search(
    query: str = typer.Argument("", help='Words, "phrases", AND/OR/NOT, (), prefix*, title:/source:/entity:'),
    db: Path = DB,
    date_from: str | None = FROM,
    date_to: str | None = TO,
    source: str | None = typer.Option(None, "--source", help="Only this source."),
    story: int | None = typer.Option(None, "--story", help="Only the articles of this story (see `kroniek stories`)."),
    sort: Sort = typer.Option(Sort.relevance, "--sort", help="relevance, date (newest first) or date_asc."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many hits."),
    offset: int = typer.Option(0, "--offset", help="Skip this many hits (paging)."),
    per: Per | None = typer.Option(None, "--per", help="Count matching articles per day|week|month|year instead."),
    count: str = typer.Option("articles", "--count", help="With --per: count articles, or stories (a story printed by eleven papers counts once)."),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Full-text search with Dutch stemming, snippets, and trend counts."""
    from kroniek.store.search import counts
    from kroniek.store.search import search as run_search

    store = open_db(db)
    lo, hi = date_bound(date_from, end=False), date_bound(date_to, end=True)
    fmt = choose(json_, csv_)
    if per is not None:
        if count not in ("articles", "stories"):
            from kroniek.errors import UsageError

            raise UsageError(f"--count {count!r}: use articles or stories")
        rows = [{"period": p, count: n} for p, n in counts(store.conn, query, per=per.value, date_from=lo, date_to=hi,
                                                            source=source, index=store.text_index, count=count,  # type: ignore[arg-type]
                                                            story=story)]
        emit(rows, fmt, ["period", count], title=f"{query!r} per {per.value}")
        return
    result = run_search(store.conn, query, date_from=lo, date_to=hi, source=source,
                        sort=sort.value, limit=limit, offset=offset, index=store.text_index, story=story)
    rows = [dict(h.__dict__) for h in result.hits]
    emit(rows, fmt, ["id", "published", "source", "title", "snippet"],
         title=f"{result.total} articles match {query!r}")
    if fmt is Format.table:
        print(f"{result.total} matching articles", file=sys.stderr)


def _marked(text: str, doc) -> str:  # type: ignore[no-untyped-def]
    """The article text with quotes in «», speakers in [], figures in {}, times in ⟨⟩, event
    triggers in ‹› with their type."""
    marks: list[tuple[int, int, str]] = []
    for q in doc.quotes:
        marks += [(q.content.start, 0, "«"), (q.content.end, 1, "»")]
        if q.speaker:
            marks += [(q.speaker.start, 0, "["), (q.speaker.end, 1, f"]<{q.speaker_name or ''}>")]
    for f in doc.figures:
        marks += [(f.start, 0, "{"), (f.end, 1, "}")]
    for t in doc.timexes:
        marks += [(t.start, 0, "⟨"), (t.end, 1, f"|{t.value}⟩")]
    for e in doc.events:
        marks += [(e.start, 0, "‹"), (e.end, 1, f"|{e.type}›")]
    out, pos = [], 0
    for at, _, mark in sorted(marks, key=lambda m: (m[0], -m[1])):
        out.append(text[pos:at])
        out.append(mark)
        pos = at
    out.append(text[pos:])
    return "".join(out)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id."),
    db: Path = DB,
    json_: bool = JSON,
    tokens: bool = typer.Option(False, "--tokens", help="Include tokens in --json output."),
) -> None:
    """An article with its annotations (quotes «», speakers [], figures {}, times ⟨⟩, events ‹›)."""
    from kroniek.errors import KroniekError

    store = open_db(db)
    doc = store.get(article_id)
    row = store.article_row(article_id)
    store.close()
    if doc is None or row is None:
        raise KroniekError(f"no article {article_id!r} in {store.path}; find ids with `kroniek search`")
    if json_:
        data = doc.to_dict(tokens=tokens)
        data["duplicate_of"] = row["duplicate_of"]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    print(f"{doc.id}  {doc.published or '-'}  {doc.article.source or ''}  [{doc.language}]")
    if doc.article.title:
        print(doc.article.title)
    if row["duplicate_of"]:
        print(f"(near-duplicate of {row['duplicate_of']}, similarity {row['similarity']:.2f})")
    print()
    print(_marked(doc.text, doc))
    print()
    for q in doc.quotes:
        chain = " <- ".join(reversed(q.source_chain)) if q.source_chain else ""
        print(f"QUOTE [{q.kind}] {q.speaker_name or '?'}{f' (via {chain})' if chain else ''}: {q.content.text}")
    for f in doc.figures:
        was = f" (from {f.value_from:g})" if f.value_from is not None else ""
        print(f"FIGURE {f.qualifier} {f.value:g}{'-' + format(f.value_max, 'g') if f.value_max else ''}{was} "
              f"{f.unit or ''} | {f.subject or ''} | {f.text!r}")
    for t in doc.timexes:
        print(f"TIME {t.type} {t.value} {t.text!r}")
    for e in doc.events:
        flags = " ".join(x for x in ("NOT" if e.negated else "", e.status if e.status != "happened" else "") if x)
        chain = f" (via {' <- '.join(reversed(e.source_chain))})" if e.source_chain else ""
        print(f"EVENT {e.type}{'/' + e.mode if e.mode else ''} {e.actor_name or '?'} -> {e.target_name or '?'}"
              f" {flags} {e.time or ''}{chain}: {e.text!r}")
    ents = sorted({(e.entity, e.label) for e in doc.entities})
    if ents:
        print("ENTITIES " + ", ".join(f"{n} ({lab})" for n, lab in ents))


@app.command()
def stats(db: Path = DB, json_: bool = JSON) -> None:
    """Counts: articles, dates, languages, sources, annotations, quarantine."""
    store = open_db(db)
    data = store.stats()
    store.close()
    if json_ or not sys.stdout.isatty():
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in data.items():
        print(f"{key:>16}: {value}")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
def export(
    db: Path = DB,
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl, csv or parquet."),
    output: Path = typer.Option(Path("-"), "--output", "-o", help="File to write (- = stdout; parquet needs a file)."),
    tokens: bool = typer.Option(False, "--tokens", help="Include tokens (jsonl only)."),
) -> None:
    """Export every article with its annotations (the extract JSON form)."""
    from kroniek.errors import UsageError
    from kroniek.queries.export import export_documents

    if fmt is ExportFormat.parquet and str(output) == "-":
        raise UsageError("parquet is binary: give a file with --output FILE.parquet")
    store = open_db(db)
    n = export_documents(store, fmt.value, output, tokens=tokens)
    store.close()
    print(f"{n} articles exported", file=sys.stderr)


@app.command()
def digest(db: Path = DB, limit: int = typer.Option(8, "--limit", "-n", help="Items per section.")) -> None:
    """What kroniek learned: top entities, statements with speakers, figures, time expressions."""
    from kroniek.queries.digest import digest_text

    store = open_db(db)
    print(digest_text(store, limit=limit))
    store.close()


@app.command()
def index(
    db: Path = DB,
    drop: bool = typer.Option(False, "--drop", help="Remove the tantivy index (search falls back to the store's own full-text index)."),
) -> None:
    """(Re)build the tantivy text index beside the store (fast ranked search at millions of articles).

    A SQLite store has it by default (built on first use, kept in sync by ingest); --drop turns
    it off for that store. A PostgreSQL store's index lives on this machine (KRONIEK_INDEX_DIR)
    and is made by this command; ingest on this machine then keeps it in sync.
    """
    store = open_db(db)
    if drop:
        store.drop_text_index()
        fallback = "PostgreSQL's tsvector index" if store.backend == "postgresql" else "SQLite FTS5"
        print(f"tantivy index removed; search uses {fallback}", file=sys.stderr)
    else:
        n = store.build_text_index()
        print(f"tantivy index built with {n} articles at {store.text_index_path}", file=sys.stderr)
    store.close()

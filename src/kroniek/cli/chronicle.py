"""Commands over the chronicle: one entity across the store, stories, disagreeing figures."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from .app import app
from .common import CSV, DB, FROM, JSON, TO, date_bound, open_db
from .output import choose, emit


@app.command()
def entity(
    name: str = typer.Argument(..., help="Any name the entity goes by (Erdogan, Erdoğan, IS), or #ID."),
    db: Path = DB,
    per: str = typer.Option("week", "--per", help="Mentions per day|week|month|year."),
    limit: int = typer.Option(10, "--limit", "-n", help="Items per section."),
    json_: bool = JSON,
) -> None:
    """One entity across all articles: aliases, mentions over time, quotes by and about it, figures
    it reported or that count something in it, events, stories and the entities most often
    mentioned with it (the same read function as /api/entities/ID and the page /entity/ID)."""
    from dataclasses import asdict

    from kroniek.queries.entities import entity_view

    store = open_db(db)
    view = entity_view(store.conn, name, per=per, limit=limit)  # type: ignore[arg-type]
    store.close()
    if json_ or not sys.stdout.isatty():
        json.dump(asdict(view), sys.stdout, ensure_ascii=False, indent=2 if json_ else None)
        sys.stdout.write("\n")
        return
    print(f"{view.entity} ({view.label}, #{view.id}): {view.mentions} mentions in {view.articles} "
          f"articles, {view.first_seen} .. {view.last_seen}")
    print("aliases: " + ", ".join(f"{a.alias} ({a.count})" for a in view.aliases))
    print("mentions per " + per + ": " + " ".join(f"{p.period}:{p.mentions}" for p in view.timeline if p.mentions))
    sections: list[tuple[str, list[Any], Callable[[Any], str]]] = [
        ("quotes by", view.quotes_by, lambda r: f"{r.published} «{r.content[:100]}» [{r.article}]"),
        ("quotes about", view.quotes_about, lambda r: f"{r.published} {r.speaker}: «{r.content[:90]}» [{r.article}]"),
        ("figures reported", view.figures_reported, lambda r: f"{r.published} {r.text} {r.unit or ''} [{r.article}]"),
        ("figures about it", view.figures_about, lambda r: f"{r.published} {r.text} {r.unit or ''} [{r.article}]"),
        ("events", view.events, lambda r: f"{r.published} {r.actor or '?'} {r.type} {r.target or '?'} ({r.text}) [{r.article}]"),
        ("stories", view.stories, lambda r: f"story {r.story}: {len(r.articles)} articles, {r.first} .. {r.last}: {r.label}"),
        ("mentioned with", view.co_mentioned, lambda r: f"{r.entity} ({r.label}, #{r.id}): {r.articles} articles"),
    ]  # fmt: skip
    for title, rows, fmt in sections:
        if rows:
            print(f"\n{title}:")
            for r in rows:
                print("  " + fmt(r))


@app.command()
def stories(
    db: Path = DB,
    about: str | None = typer.Option(None, "--about", help="Stories mentioning this entity (any alias)."),
    story: int | None = typer.Option(None, "--story", help="One story by its id."),
    min_articles: int = typer.Option(1, "--min-articles", help="Only stories with at least this many articles."),
    date_from: str | None = FROM,
    date_to: str | None = TO,
    limit: int = typer.Option(30, "--limit", "-n"),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Stories: the articles reporting one event or development, with who carried them."""
    from kroniek.queries.chronicle import list_stories

    store = open_db(db)
    rows = list_stories(store.conn, date_from=date_bound(date_from, end=False), date_to=date_bound(date_to, end=True),
                        about=about, min_articles=min_articles, story=story, limit=limit)  # fmt: skip
    store.close()
    fmt = choose(json_, csv_)
    items = [s.to_dict() for s in rows]
    if fmt.value in ("table", "csv"):  # entity names in a cell; JSON keeps their ids
        items = [{**s, "entities": [e["entity"] for e in s["entities"]]} for s in items]
    emit(items, fmt, ["story", "label", "first", "last", "articles", "copies", "sources", "entities"], title="Stories")


@app.command()
def conflicts(
    db: Path = DB,
    about: str | None = typer.Option(None, "--about", help='What the figures count, e.g. "strijders IS".'),
    kind: str = typer.Option("disagreement", "--kind", help="disagreement (same time, other source), change (over time) or all."),
    date_from: str | None = FROM,
    date_to: str | None = TO,
    limit: int = typer.Option(100, "--limit", "-n"),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Reported figures that cannot both be true, with both sides' sources, values and evidence."""
    from kroniek.queries.chronicle import conflicts as find

    store = open_db(db)
    rows = find(store.conn, about=about, date_from=date_bound(date_from, end=False), date_to=date_bound(date_to, end=True),
                kind=kind, limit=limit)  # fmt: skip
    store.close()
    fmt = choose(json_, csv_)
    if fmt.value in ("table", "csv"):
        flat = []
        for r in rows:
            a, b = r.sides
            flat.append({"about": r.about, "kind": r.kind,
                         "side_a": f"{a.qualifier} {a.value:g} {a.unit or ''} ({a.time}, {a.source}) [{a.article}]",
                         "side_b": f"{b.qualifier} {b.value:g} {b.unit or ''} ({b.time}, {b.source}) [{b.article}]"})  # fmt: skip
        emit(flat, fmt, ["about", "kind", "side_a", "side_b"], title="Figures that disagree")
        return
    emit([r.to_dict() for r in rows], fmt)


@app.command()
def chronicle(
    db: Path = DB,
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute identities, stories, series from the stored annotations."),
) -> None:
    """The chronicle's state: entity records, stories, copies; --rebuild recomputes it."""
    from kroniek.chronicle import rebuild as do_rebuild

    store = open_db(db)
    if rebuild:
        with store.transaction():
            n = do_rebuild(store.conn, store.document_of)
        print(f"chronicle rebuilt over {n} articles", file=sys.stderr)
    c = store.conn
    one = lambda sql: c.execute(sql).fetchone()[0]  # noqa: E731
    print(json.dumps({
        "entity_records": one("SELECT count(*) FROM entity_records"),
        "stories": one("SELECT count(*) FROM stories WHERE merged_into IS NULL"),
        "stories_with_several_articles": one("SELECT count(*) FROM stories WHERE articles > 1"),
        "copies": one("SELECT count(*) FROM copies"),
        "figure_series": one("SELECT count(DISTINCT series) FROM figures WHERE series IS NOT NULL"),
    }, indent=2))  # fmt: skip
    store.close()

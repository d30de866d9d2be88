"""Commands over extracted facts across articles: entities, quotes, figures."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import app
from .common import CSV, DB, FROM, JSON, TO, date_bound, open_db
from .output import choose, emit


@app.command()
def quotes(
    db: Path = DB,
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker (or source) name contains this."),
    about: str | None = typer.Option(None, "--about", help="Statements about this entity."),
    kind: str | None = typer.Option(
        None, "--kind",
        help="Only these kinds, comma-separated: direct, indirect, mixed (reported speech), infinitival "
             "('zei geen reden te zien'), position ('vindt dat'), evidence ('blijkt uit cijfers van'), "
             "call ('eist', 'roept op tot').",
    ),
    date_from: str | None = FROM,
    date_to: str | None = TO,
    limit: int = typer.Option(50, "--limit", "-n"),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Who said what about whom, with the source chain and evidence offsets."""
    from kroniek.queries.facts import QUOTE_KINDS, list_quotes

    kinds = [k.strip().lower() for k in kind.split(",") if k.strip()] if kind else None
    wrong = [k for k in kinds or [] if k not in QUOTE_KINDS]
    if wrong:
        raise typer.BadParameter(f"unknown kind {', '.join(wrong)}; use one or more of {', '.join(QUOTE_KINDS)}",
                                 param_hint="--kind")
    store = open_db(db)
    rows = [q.to_dict() for q in list_quotes(store.conn, speaker=speaker, about=about,
                                             date_from=date_bound(date_from, end=False),
                                             date_to=date_bound(date_to, end=True), limit=limit, kinds=kinds)]
    store.close()
    emit(rows, choose(json_, csv_), ["published", "speaker", "kind", "content", "source_chain", "about", "article"],
         title="Statements")


@app.command()
def figures(
    db: Path = DB,
    about: str | None = typer.Option(None, "--about", help='Words the figure is about, e.g. "strijders IS".'),
    date_from: str | None = FROM,
    date_to: str | None = TO,
    limit: int = typer.Option(200, "--limit", "-n"),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Reported figures as a time series: date, value, qualifier, source, article."""
    from kroniek.queries.facts import figure_series

    store = open_db(db)
    rows = [f.to_dict() for f in figure_series(store.conn, about=about, date_from=date_bound(date_from, end=False),
                                               date_to=date_bound(date_to, end=True), limit=limit)]
    store.close()
    emit(rows, choose(json_, csv_),
         ["published", "qualifier", "value", "value_max", "value_from", "unit", "subject", "source", "article",
          "text"],
         title=f"Figures{' about ' + repr(about) if about else ''}")


@app.command()
def entities(
    db: Path = DB,
    label: str | None = typer.Option(None, "--label", help="PER, ORG, LOC or MISC."),
    name: str | None = typer.Option(None, "--name", help="Entity name contains this."),
    per: str = typer.Option("month", "--per", help="Bucket for the mention series: day|week|month|year."),
    date_from: str | None = FROM,
    date_to: str | None = TO,
    limit: int = typer.Option(50, "--limit", "-n"),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """Entities with mention counts over time."""
    from kroniek.queries.entity_stats import entity_counts

    store = open_db(db)
    rows = entity_counts(store.conn, label=label, name=name, per=per, date_from=date_bound(date_from, end=False),
                         date_to=date_bound(date_to, end=True), limit=limit)
    store.close()
    out = []
    for r in rows:
        d = dict(r.__dict__)
        d["series"] = [f"{b}:{n}" for b, n in d.get("series", [])]
        out.append(d)
    emit(out, choose(json_, csv_),
         ["id", "entity", "label", "aliases", "mentions", "articles", "first_seen", "last_seen", "series"],
         title="Entities")


@app.command()
def corrections(
    db: Path = DB,
    target: str | None = typer.Option(None, "--target", help="quote_speaker, figure or entity."),
    article: str | None = typer.Option(None, "--article", help="Only this article's corrections."),
    verdict: str | None = typer.Option(None, "--verdict", help="right or wrong."),
    limit: int = typer.Option(1000, "--limit", "-n"),
    json_: bool = JSON,
    csv_: bool = CSV,
) -> None:
    """People's verdicts on extracted facts (given in the web UI or POST /api/corrections)."""
    from kroniek.queries.corrections import list_corrections

    store = open_db(db)
    rows = [c.to_dict() for c in list_corrections(store.conn, target=target, article=article,
                                                    verdict=verdict, limit=limit)]
    store.close()
    emit(rows, choose(json_, csv_), ["id", "article", "target", "start", "end", "verdict", "extracted",
                                     "value", "note", "created_at"], title="Corrections")

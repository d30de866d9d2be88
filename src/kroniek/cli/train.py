"""``kroniek train ner``: retrain the entity recogniser on the user's own IOB/CoNLL data."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import app

train_app = typer.Typer(help="Train models on your own data.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("ner")
def train_ner_command(
    train: Path = typer.Option(..., "--train", help="Training file: one token per line, IOB tag last, blank line between sentences."),
    dev: Path = typer.Option(..., "--dev", help="Development file in the same format."),
    output: Path = typer.Option(Path("kroniek-ner-model"), "--output", "-o", help="Model folder to write."),
    max_steps: int = typer.Option(5000, "--max-steps", help="Training steps."),
    base_model: Path | None = typer.Option(None, "--base-model", help="Fine-tune this spaCy pipeline's NER (e.g. the shipped src/kroniek/data/nl_kroniek) instead of training from scratch."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
) -> None:
    """Train an NER model; use it with KRONIEK_MODEL=OUTPUT kroniek ..."""
    from kroniek.analysis.training import train_ner

    path = train_ner(train, dev, output, base_model=base_model, max_steps=max_steps, seed=seed)
    typer.echo(f"model written to {path}; use it with KRONIEK_MODEL={path}")

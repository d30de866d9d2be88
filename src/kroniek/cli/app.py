"""The Typer application every command module adds its commands to."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kroniek",
    help="Dated Dutch news articles into a searchable, temporal knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    debug: bool = typer.Option(
        False, "--debug",
        help="Show the Python traceback of an unexpected error (also KRONIEK_DEBUG=1); without "
        "it, one Error: line says where the details were written.",
    ),
) -> None:
    """Dated Dutch news articles into a searchable, temporal knowledge base."""
    # main() takes --debug out of the arguments before Typer sees them (so it may stand after
    # the command too); this option is here so that --help lists it.

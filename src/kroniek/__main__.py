"""``python -m kroniek`` runs the CLI."""

from .cli import main

main()

"""kroniek: dated Dutch news articles into a searchable, temporal knowledge base.

>>> import kroniek
>>> doc = kroniek.extract("Volgens minister Jansen stijgt de prijs.", published="2019-06")
>>> store = kroniek.open("kroniek.db")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .errors import KroniekError
from .model import Article, Document, PublishedDate

__all__ = ["Article", "Document", "KroniekError", "PublishedDate", "extract", "open"]
__version__ = "0.1.0"


def extract(
    text: str,
    *,
    published: str | PublishedDate | None = None,
    id: str = "text",  # noqa: A002 - mirrors the JSON contract
    title: str | None = None,
    stages: Sequence[str] | None = None,
) -> Document:
    """Annotate one text with the default pipeline (or ``stages``) and return the Document."""
    from kroniek.pipeline.registry import DEFAULT_STAGES, Pipeline

    date = PublishedDate.parse(published) if isinstance(published, str) else published
    article = Article(id=id, text=text, published=date, title=title)
    return Pipeline(stages or DEFAULT_STAGES)(Document(article=article))


def open(path: str | Path = "kroniek.db"):  # type: ignore[no-untyped-def]  # noqa: A001
    """Open (or create) a kroniek store: a SQLite file, or ``postgresql://user@host/dbname``."""
    from kroniek.store.open import open_store

    return open_store(path)

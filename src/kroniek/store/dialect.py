"""The little SQL that differs between the backends' full-text indexes, in one place.

Both backends keep the article's stems in ``articles_fts`` (columns ``rowid``, ``title``, ``text``,
``source``); they differ in how a query matches and scores them: FTS5's ``MATCH`` and bm25 on
SQLite, a ``tsvector`` with ``@@`` and ``ts_rank`` on PostgreSQL. Search, counts and the
chronicle's story candidates take a :class:`TextMatch` from :func:`text_match` and write the rest
of their SQL once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .query import Node, to_fts5


def is_postgres(conn: Any) -> bool:
    """Whether ``conn`` is the PostgreSQL adapter (anything else is a sqlite3 connection)."""
    return getattr(conn, "dialect", "sqlite") == "postgresql"


@dataclass(frozen=True)
class TextMatch:
    """How one backend matches and scores a query over ``articles_fts``."""

    #: A WHERE condition with one ``?`` for the rendered query.
    condition: str
    #: A score to sort by, lower is better; ``?`` marks (``score_params`` of them) take the query.
    score: str
    score_params: int
    #: The relevance FTS5 calls ``rank`` (for story candidates), lower is better.
    rank: str
    rank_params: int
    render: Callable[[Node], str]

    def score_args(self, match: str) -> list[Any]:
        return [match] * self.score_params

    def rank_args(self, match: str) -> list[Any]:
        return [match] * self.rank_params


SQLITE = TextMatch(
    condition="articles_fts MATCH ?",
    score="bm25(articles_fts, 3.0, 1.0, 0.5)",
    score_params=0,
    rank="rank",
    rank_params=0,
    render=to_fts5,
)


def _postgres() -> TextMatch:
    from .postgres.textsearch import SCORE, render

    score = "-" + SCORE
    return TextMatch(condition="articles_fts.tsv @@ ?::tsquery", score=score, score_params=1,
                     rank=score, rank_params=1, render=render)


def text_match(conn: Any) -> TextMatch:
    return _postgres() if is_postgres(conn) else SQLITE


def query_error_types(conn: Any) -> tuple[type[BaseException], ...]:
    """The errors a backend raises for a query its full-text index rejects."""
    import sqlite3

    if is_postgres(conn):
        import psycopg

        return (psycopg.errors.SyntaxError, psycopg.errors.DataException)
    return (sqlite3.OperationalError,)

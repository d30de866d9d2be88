"""Full-text search on PostgreSQL: a ``tsvector`` per article (GIN index), queried with ``tsquery``.

The lexemes are the Dutch Snowball stems kroniek computes for every backend (the algorithm of
PostgreSQL's ``dutch`` configuration, ``dutch_stem``; tests/test_postgres.py checks the two agree),
at the positions of kroniek's own tokenizer. They are written as a ``tsvector`` literal rather
than through ``to_tsvector('dutch', ...)`` because PostgreSQL's parser and stop-word list cut
text differently ("1.000", "covid-19", "de", "uit"), and then the same query would find other
articles than on SQLite or tantivy. Weights mark the columns: title A, text B, source C; the
columns are a position apart so a phrase never runs from one into the next.

Ranking is ``ts_rank`` with the FTS5 weights (title 3, text 1, source 0.5) and length
normalisation; its order is close to bm25's but not identical.
"""

from __future__ import annotations

from collections import defaultdict

from kroniek.errors import QueryError

from ..query import And, Node, Not, Or, Phrase, Term
from ..stemming import WORD_RE

#: PostgreSQL keeps positions up to 16383 and 255 per lexeme; a tsvector holds at most 1 MB.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
MAX_TSVECTOR_BYTES = 900_000
#: ts_rank weights {D, C, B, A}: source C 0.5, text B 1, title A 3 (scaled to at most 1).
RANK_WEIGHTS = "'{0.0, 0.1667, 0.3333, 1.0}'::float4[]"
#: The relevance of ``articles_fts``'s row for the tsquery in the one ``?`` (higher is better).
SCORE = "ts_rank(" + RANK_WEIGHTS + ", articles_fts.tsv, ?::tsquery, 1)"
_WEIGHT = {"title": "A", "text": "B", "source": "C"}


def _lexeme(stem: str) -> str:
    return "'" + stem.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(title: str, text: str, source: str) -> str:
    """The ``tsvector`` literal of one article's stemmed columns (each a space-joined stem list)."""
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    pos = 1
    for column, weight in (("title", "A"), ("text", "B"), ("source", "C")):
        value = {"title": title, "text": text, "source": source}[column]
        for stem in value.split():
            plist = positions[(stem, weight)]
            if len(plist) < MAX_POSITIONS_PER_LEXEME:
                plist.append(min(pos, MAX_POSITION))
            pos += 1
        pos += 1  # a gap: no phrase across two columns
    by_lexeme: dict[str, list[str]] = defaultdict(list)
    for (stem, weight), plist in positions.items():
        by_lexeme[stem].extend(f"{p}{weight}" for p in dict.fromkeys(plist))
    parts = [f"{_lexeme(stem)}:{','.join(ps)}" for stem, ps in by_lexeme.items()]
    out = " ".join(parts)
    if len(out.encode("utf-8")) > MAX_TSVECTOR_BYTES:
        # a pathological text (a huge list of distinct words): keep lexemes, drop positions
        out = " ".join(_lexeme(stem) for stem in by_lexeme)
        while len(out.encode("utf-8")) > MAX_TSVECTOR_BYTES:
            out = out[: len(out) // 2].rsplit(" '", 1)[0]
    return out


def _leaf(stems: tuple[str, ...], field: str | None, prefix: bool = False) -> str:
    suffix = (":*" if prefix else "") + (_WEIGHT[field] if field else "")
    sep = ":" if suffix and not prefix else ""
    parts = [_lexeme(s) + (sep + suffix if suffix else "") for s in stems]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def render(node: Node) -> str:
    """Our query AST as a ``tsquery`` literal: the same matches as :func:`query.to_fts5`."""
    if isinstance(node, Term):
        if node.prefix is not None:
            words = WORD_RE.findall(node.prefix)
            alts = [_leaf((words[0] if words else node.prefix,), node.field, prefix=True)]
            if not node.stems[0].startswith(node.prefix):
                alts.append(_leaf((node.stems[0],), node.field))
            return alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")"
        return _leaf(node.stems, node.field)
    if isinstance(node, Phrase):
        return _leaf(node.stems, node.field)
    if isinstance(node, Or):
        if any(isinstance(c, Not) for c in node.children):
            bad = next(c for c in node.children if isinstance(c, Not))
            raise QueryError(f"NOT at position {bad.pos + 1} cannot be ORed")
        return "(" + " | ".join(render(c) for c in node.children) + ")"
    if isinstance(node, And):
        pos = [render(c) for c in node.children if not isinstance(c, Not)]
        neg = ["!" + render(c.child) for c in node.children if isinstance(c, Not)]
        if not pos:
            raise QueryError(f"NOT at position {node.pos + 1} has nothing to exclude from")
        return "(" + " & ".join(pos + neg) + ")"
    raise QueryError(f"NOT at position {node.pos + 1} has nothing to exclude from")

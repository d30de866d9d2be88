"""Search query language: parse once into an AST, render it for FTS5 (or tantivy).

Grammar (operators are uppercase; a lowercase ``and``/``or``/``not`` is an ordinary word)::

    query   := or_expr
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= unary (["AND"] unary)*          # juxtaposition is AND
    unary   := "NOT" unary | "-" unary | primary
    primary := "(" or_expr ")" | FIELD ":" primary | WORD ["*"] | '"' phrase '"'

Fields: ``title:``, ``text:``, ``source:`` restrict a term to one FTS column; ``entity:NAME``
(or ``entity:"Mark Rutte"``) is not a text match but a filter on the ``entities`` table, so it
is lifted out of the tree into :attr:`ParsedQuery.entities` and may only be ANDed in.

The index holds stems, so words and phrases are stemmed with the same stemmer as the index.
A prefix (``strijd*``) is NOT stemmed, because stemming a fragment cuts it wrongly; it matches
stems starting with the folded prefix, plus the stem of the prefix itself as a whole word, so
``kinderen*`` still finds "kinderen" (indexed as ``kinder``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kroniek.errors import QueryError

from .stemming import fold, stem_terms

FIELDS = ("title", "text", "source")
#: How deep parentheses and NOTs may nest (a real question needs a handful).
MAX_DEPTH = 64
#: How many words a query may hold: every backend answers that many at once in well under a
#: second, where 50,000 ORed words keep FTS5 busy for many minutes.
MAX_TERMS = 1000
FILTER_FIELDS = ("entity", "event")
#: The event types an ``event:`` filter takes (PLOVER; case-insensitive).
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class Term:
    stems: tuple[str, ...]  # more than one when the word splits (covid-19 -> covid 19)
    field: str | None = None
    prefix: str | None = None  # folded, unstemmed prefix for ``word*``
    pos: int = 0


@dataclass(frozen=True)
class Phrase:
    stems: tuple[str, ...]
    field: str | None = None
    pos: int = 0


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]
    pos: int = 0


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]
    pos: int = 0


@dataclass(frozen=True)
class Not:
    child: Node
    pos: int = 0


Node = Term | Phrase | And | Or | Not


@dataclass
class ParsedQuery:
    """The text-match tree (None when the query is only filters) and the entity filters."""

    ast: Node | None
    entities: list[str] = field(default_factory=list)
    not_entities: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    not_events: list[str] = field(default_factory=list)


_TOKEN_RE = re.compile(
    r'\s+|(?P<lp>\()|(?P<rp>\))|(?P<q>")|(?P<minus>-(?=[^\s\-)]))'
    r"|(?P<field>[A-Za-z_]+):|(?P<word>[^\s()\"]+)"
)


@dataclass(frozen=True)
class _Tok:
    kind: str  # lp rp phrase minus field word AND OR NOT end
    value: str
    pos: int


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i = 0
    while i < len(text):
        m = _TOKEN_RE.match(text, i)
        if m is None:  # pragma: no cover - the word alternative matches anything else
            raise QueryError(f"cannot read the query at position {i + 1}")
        kind = m.lastgroup
        if kind == "q":
            close = text.find('"', i + 1)
            if close < 0:
                raise QueryError(
                    f'unbalanced quote at position {i + 1}: add a closing " to end the phrase'
                )
            toks.append(_Tok("phrase", text[i + 1 : close], i))
            i = close + 1
            continue
        if kind == "word":
            value = m.group("word")
            word_kind = value if value in ("AND", "OR", "NOT") else "word"
            toks.append(_Tok(word_kind, value, i))
        elif kind == "field":
            toks.append(_Tok("field", m.group("field").lower(), i))
        elif kind is not None:
            toks.append(_Tok(kind, m.group(kind), i))
        i = m.end()
    toks.append(_Tok("end", "", len(text)))
    return toks


def _describe(tok: _Tok) -> str:
    if tok.kind == "end":
        return "the end of the query"
    if tok.kind == "phrase":
        return f'"{tok.value}"'
    return repr(tok.value + (":" if tok.kind == "field" else ""))


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0
        self.entities: list[str] = []
        self.not_entities: list[str] = []
        self.events: list[str] = []
        self.not_events: list[str] = []

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def _n_filters(self) -> int:
        return len(self.entities) + len(self.not_entities) + len(self.events) + len(self.not_events)

    def error(self, tok: _Tok, what: str) -> QueryError:
        where = f"position {tok.pos + 1} ({_describe(tok)[:60]})"
        shown = self.text if len(self.text) <= 200 else self.text[:197] + "..."
        return QueryError(f"{what} at {where} in query {shown!r}")

    def parse(self) -> ParsedQuery:
        if self.peek().kind == "end":
            raise QueryError("empty query: give one or more words, a \"phrase\" or a filter")
        node = self.or_expr(depth=0, negated=False)
        tok = self.peek()
        if tok.kind == "rp":
            raise self.error(tok, "unbalanced ')'; remove it or add a matching '('")
        if tok.kind != "end":  # pragma: no cover - and_expr consumes every other token
            raise self.error(tok, "unexpected token")
        return ParsedQuery(node, self.entities, self.not_entities, self.events, self.not_events)

    def or_expr(self, depth: int, negated: bool) -> Node | None:
        first = self.peek()
        n_filters = self._n_filters()
        parts = [self.and_expr(depth, negated)]
        while self.peek().kind == "OR":
            op = self.take()
            if self.peek().kind in ("end", "rp", "OR", "AND"):
                raise self.error(op, "OR needs a term on its right; add one or remove the OR")
            parts.append(self.and_expr(depth, negated))
        if len(parts) == 1:
            return parts[0]
        if self._n_filters() > n_filters:
            raise self.error(first, "entity:/event: filters cannot be ORed; combine them with AND")
        return Or(tuple(p for p in parts if p is not None), first.pos)

    def and_expr(self, depth: int, negated: bool) -> Node | None:
        first = self.peek()
        if first.kind in ("OR", "AND"):
            raise self.error(first, f"{first.kind} needs a term on its left; add one or remove it")
        parts: list[Node] = []
        while True:
            tok = self.peek()
            if tok.kind in ("end", "rp", "OR"):
                break
            if tok.kind == "AND":
                self.take()
                if self.peek().kind in ("end", "rp", "OR", "AND"):
                    raise self.error(tok, "AND needs a term on its right; add one or remove it")
                continue
            node = self.unary(depth, negated)
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts), first.pos)

    def unary(self, depth: int, negated: bool, nots: int = 0) -> Node | None:
        tok = self.peek()
        if tok.kind in ("NOT", "minus"):
            if nots >= MAX_DEPTH:
                raise self.error(tok, f"more than {MAX_DEPTH} NOTs in a row; remove pairs of them")
            self.take()
            if self.peek().kind in ("end", "rp", "OR", "AND"):
                raise self.error(tok, "NOT needs a term after it; add one or remove the NOT")
            if self.peek().kind == "field" and self.peek().value in FILTER_FIELDS:
                return self.filter_field(self.take(), negated=not negated, depth=depth)
            child = self.unary(depth, not negated, nots + 1)
            return None if child is None else Not(child, tok.pos)
        return self.primary(depth, negated)

    def primary(self, depth: int, negated: bool, field_name: str | None = None) -> Node | None:
        tok = self.take()
        if tok.kind == "lp":
            if depth >= MAX_DEPTH:
                raise self.error(tok, f"parentheses nested more than {MAX_DEPTH} deep; simplify the query")
            if self.peek().kind == "rp":
                raise self.error(tok, "empty parentheses; put a term inside or remove them")
            node = self.or_expr(depth + 1, negated)
            close = self.take()
            if close.kind != "rp":
                raise self.error(tok, "unbalanced '('; add a matching ')'")
            if node is None:
                raise self.error(tok, "entity:/event: filters cannot be grouped in parentheses")
            return _with_field(node, field_name) if field_name else node
        if tok.kind == "field":
            if tok.value in FILTER_FIELDS:
                if field_name or depth:
                    raise self.error(tok, f"{tok.value}: filters belong at the top level of the query")
                return self.filter_field(tok, negated, depth)
            if tok.value not in FIELDS:
                known = ", ".join(f"{f}:" for f in FIELDS + FILTER_FIELDS)
                raise self.error(tok, f"unknown field {tok.value!r}; use one of {known}")
            nxt = self.peek()
            if nxt.kind not in ("word", "phrase", "lp"):
                raise self.error(tok, 'a field needs a word, "phrase" or (group) after the colon')
            return self.primary(depth, negated, tok.value)
        if tok.kind == "phrase":
            stems = tuple(stem_terms(tok.value))
            if not stems:
                raise self.error(tok, "empty phrase; put words between the quotes")
            return Phrase(stems, field_name, tok.pos)
        if tok.kind == "word":
            return self.word(tok, field_name)
        if tok.kind == "rp":
            raise self.error(tok, "unbalanced ')'; remove it or add a matching '('")
        raise self.error(tok, "expected a word, \"phrase\" or '('")

    def word(self, tok: _Tok, field_name: str | None) -> Term:
        value = tok.value
        if value.endswith("*"):
            body = value.rstrip("*")
            stems = tuple(stem_terms(body))
            if len(stems) != 1:
                raise self.error(tok, "a prefix* must be one word of letters/digits, e.g. strijd*")
            prefix = fold(body)
            return Term(stems, field_name, prefix, tok.pos)
        stems = tuple(stem_terms(value))
        if not stems:
            raise self.error(tok, "nothing searchable in this word; use letters or digits")
        return Term(stems, field_name, None, tok.pos)

    def filter_field(self, tok: _Tok, negated: bool, depth: int) -> None:
        if depth:
            raise self.error(tok, f"{tok.value}: filters belong at the top level of the query")
        val = self.take()
        if tok.value == "event":
            kind = val.value.strip().upper() if val.kind in ("word", "phrase") else ""
            if kind not in EVENT_TYPES:
                raise self.error(
                    val if val.kind in ("word", "phrase") else tok,
                    "event: needs a PLOVER event type, one of " + ", ".join(EVENT_TYPES),
                )
            (self.not_events if negated else self.events).append(kind)
            return None
        if val.kind not in ("word", "phrase") or not val.value.strip():
            raise self.error(tok, 'entity: needs a name, e.g. entity:Rutte or entity:"Mark Rutte"')
        (self.not_entities if negated else self.entities).append(val.value.strip())
        return None


def _with_field(node: Node, name: str) -> Node:
    """Push a field down to the leaves (``title:(a OR b)``); an inner field wins."""
    if isinstance(node, Term | Phrase):
        return node if node.field else replace(node, field=name)
    if isinstance(node, Not):
        return Not(_with_field(node.child, name), node.pos)
    return type(node)(tuple(_with_field(c, name) for c in node.children), node.pos)


def parse(text: str) -> ParsedQuery:
    """Parse ``text``; malformed input raises :class:`QueryError` naming position and fix."""
    parsed = _Parser(text or "").parse()
    words = _count_stems(parsed.ast) + len(parsed.entities) + len(parsed.not_entities)
    if words > MAX_TERMS:
        raise QueryError(f"the query has {words} words; the most is {MAX_TERMS}: ask for fewer, or "
                         "split it into several searches")
    if parsed.ast is not None:
        _render(parsed.ast)  # reject a lonely NOT now, whichever backend runs the query
    return parsed


def _count_stems(node: Node | None) -> int:
    if node is None:
        return 0
    if isinstance(node, Term | Phrase):
        return len(node.stems)
    if isinstance(node, Not):
        return _count_stems(node.child)
    return sum(_count_stems(c) for c in node.children)


# -- rendering ------------------------------------------------------------------------------


def _quote(stem: str) -> str:
    return '"' + stem.replace('"', '""') + '"'


def _col(field_name: str | None, expr: str) -> str:
    return f"{field_name} : {expr}" if field_name else expr


def _render(node: Node) -> str:
    if isinstance(node, Term):
        if node.prefix is not None:
            alts = [f"{_quote(node.prefix)} *"]
            if node.stems[0] != node.prefix and not node.stems[0].startswith(node.prefix):
                alts.append(_quote(node.stems[0]))
            inner = alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"
            return _col(node.field, inner)
        return _col(node.field, _quote(" ".join(node.stems)))
    if isinstance(node, Phrase):
        return _col(node.field, _quote(" ".join(node.stems)))
    if isinstance(node, Or):
        if any(isinstance(c, Not) for c in node.children):
            bad = next(c for c in node.children if isinstance(c, Not))
            raise QueryError(
                f"NOT at position {bad.pos + 1} cannot be ORed: full-text search cannot list "
                "everything that lacks a word; write e.g. 'a NOT b' or '(a OR b) NOT c'"
            )
        return "(" + " OR ".join(_render(c) for c in node.children) + ")"
    if isinstance(node, And):
        pos = [c for c in node.children if not isinstance(c, Not)]
        neg = [c for c in node.children if isinstance(c, Not)]
        if not pos:
            _lonely_not(neg[0])
        text = _render(pos[0]) if len(pos) == 1 else "(" + " AND ".join(map(_render, pos)) + ")"
        for n in neg:
            text = f"({text} NOT {_render(n.child)})"
        return text
    _lonely_not(node)
    return ""  # pragma: no cover - _lonely_not raises


def _lonely_not(node: Node) -> None:
    raise QueryError(
        f"NOT at position {node.pos + 1} has nothing to exclude from: full-text search needs at "
        "least one positive term, e.g. 'brexit NOT may' instead of 'NOT may'"
    )


def to_fts5(ast: Node) -> str:
    """An FTS5 MATCH expression over the stemmed columns; every term is quoted, so user
    punctuation can never become FTS5 syntax."""
    return _render(ast)


def terms_for_highlight(ast: Node | None) -> set[str]:
    """Stems to mark in snippets; prefixes are returned with a trailing ``*``. Negated terms
    are left out: they cannot occur in a hit."""
    out: set[str] = set()

    def walk(node: Node) -> None:
        if isinstance(node, Term):
            if node.prefix is not None:
                out.add(node.prefix + "*")
            out.update(node.stems)
        elif isinstance(node, Phrase):
            out.update(node.stems)
        elif isinstance(node, And | Or):
            for c in node.children:
                walk(c)

    if ast is not None:
        walk(ast)
    return out


def matches_highlight(stem: str, word: str, terms: set[str]) -> bool:
    """Whether a text word (its stem and its folded form) is one of ``terms``."""
    if stem in terms:
        return True
    for t in terms:
        if t.endswith("*") and (word.startswith(t[:-1]) or stem.startswith(t[:-1])):
            return True
    return False

"""Query parser: AST shape, FTS5 rendering, highlight terms and helpful errors."""

from __future__ import annotations

import pytest

from kroniek.errors import QueryError
from kroniek.store.query import And, Not, Or, Phrase, Term, parse, terms_for_highlight, to_fts5


def fts(q: str) -> str:
    ast = parse(q).ast
    assert ast is not None
    return to_fts5(ast)


def test_words_are_stemmed_and_implicitly_anded() -> None:
    ast = parse("strijders Raqqa").ast
    assert isinstance(ast, And)
    assert [c.stems for c in ast.children] == [("strijder",), ("raqqa",)]
    assert fts("strijders Raqqa") == '("strijder" AND "raqqa")'


def test_phrase_is_stemmed_as_one_fts_phrase() -> None:
    ast = parse('"Koerdische strijders"').ast
    assert isinstance(ast, Phrase)
    assert fts('"Koerdische strijders"') == '"koerdisch strijder"'


def test_or_binds_looser_than_and() -> None:
    ast = parse("a b OR c").ast
    assert isinstance(ast, Or) and isinstance(ast.children[0], And)
    assert fts("a b OR c") == '(("a" AND "b") OR "c")'
    assert fts("a AND (b OR c)") == '("a" AND ("b" OR "c"))'


def test_not_and_minus_become_fts_not() -> None:
    assert fts("brexit NOT may") == '("brexit" NOT "may")'
    assert fts("brexit -may -deal") == '(("brexit" NOT "may") NOT "deal")'
    assert fts("brexit NOT (may OR johnson)") == '("brexit" NOT ("may" OR "johnson"))'
    assert isinstance(parse("a -b").ast.children[1], Not)  # type: ignore[union-attr]


def test_lowercase_operators_are_words() -> None:
    assert fts("rock and roll") == '("rock" AND "and" AND "roll")'


def test_prefix_is_folded_not_stemmed_and_keeps_the_word_itself() -> None:
    ast = parse("Kinderen*").ast
    assert isinstance(ast, Term) and ast.prefix == "kinderen"
    assert fts("kinderen*") == '("kinderen" * OR "kinder")'
    assert fts("strijd*") == '"strijd" *'


def test_fields_apply_to_terms_phrases_and_groups() -> None:
    assert fts("title:brexit") == 'title : "brexit"'
    assert fts('source:"de volkskrant"') == 'source : "de volkskrant"'
    assert fts("title:(brexit OR may)") == '(title : "brexit" OR title : "may")'
    assert fts("text:kabinet -title:rutte") == '(text : "kabinet" NOT title : "rut")'


def test_entity_filters_are_lifted_out() -> None:
    pq = parse('entity:"Mark Rutte" kabinet -entity:Wilders')
    assert pq.entities == ["Mark Rutte"] and pq.not_entities == ["Wilders"]
    assert pq.ast == Term(("kabinet",), None, None, 20)
    only = parse("entity:Rutte")
    assert only.ast is None and only.entities == ["Rutte"]


def test_user_punctuation_is_quoted_never_syntax() -> None:
    assert fts("covid-19") == '"covid 19"'
    assert fts('NEAR') == '"near"'
    assert fts("o'neill") == '"o neill"'


def test_highlight_terms_skip_negated_and_mark_prefixes() -> None:
    ast = parse('strijders "Mark Rutte" kind* -puin').ast
    assert terms_for_highlight(ast) == {"strijder", "mark", "rut", "kind*", "kind"}
    assert terms_for_highlight(None) == set()


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ("(brexit", "position 1"),
        ("brexit)", "position 7"),
        ('"brexit may', "position 1"),
        ("brexit OR", "position 8"),
        ("AND brexit", "position 1"),
        ("brexit AND", "position 8"),
        ("NOT brexit", "nothing to exclude"),
        ("-brexit", "position 1"),
        ("a OR NOT b", "position 6"),
        ("auteur:jansen", "unknown field 'auteur'"),
        ("title:", "after the colon"),
        ("()", "empty parentheses"),
        ('""', "empty phrase"),
        ("entity:Rutte OR kabinet", "cannot be ORed"),
        ("(entity:Rutte)", "top level"),
        ("a NOT", "NOT needs a term"),
        ("!!!", "nothing searchable"),
    ],
)
def test_malformed_queries_raise_query_error(query: str, needle: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(query)
    assert needle in str(info.value)

"""search() and counts() on a small hand-written Dutch corpus, in a store of each backend."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from kroniek.errors import QueryError
from kroniek.model import Article, Document, Entity, PublishedDate
from kroniek.store.search import counts, search, snippet

LONG = (
    "In de gemeenteraad werd gisteren urenlang gesproken over de nieuwe begroting. "
    "De wethouder legde uit waarom de parkeertarieven omhoog gaan en waarom de bibliotheek "
    "langer open blijft. Daarna ging het over de belasting op toeristen, die volgens de "
    "oppositie veel te laag is. De burgemeester sloot de vergadering pas na middernacht af, "
    "toen iedereen moe was en de koffie op was. Volgende week gaat het debat verder."
)

# id, published, precision, start, end, title, text, source, duplicate_of
ARTICLES = [
    ("a1", "2017-12-06", "day", "2017-12-06", "2017-12-06", "Strijders van IS verdreven uit Raqqa",
     "Koerdische strijders hebben de laatste IS-strijders uit de Syrische stad Raqqa verdreven.",
     "NOS", None),
    ("a2", "2017-12-20", "day", "2017-12-20", "2017-12-20", "Kabinet presenteert plannen voor belastingen",
     "Het kabinet van premier Mark Rutte wil de belasting op arbeid verlagen. "
     "De oppositie is kritisch over de plannen.", "NRC", None),
    ("a3", "2018-01-15", "day", "2018-01-15", "2018-01-15", "Onderhandelingen over Brexit lopen vast",
     "De onderhandelingen over de Brexit tussen Londen en Brussel lopen vast. "
     "Premier May zoekt een uitweg.", "NOS", None),
    ("a4", "2018-03", "month", "2018-03-01", "2018-03-31", "Kinderen spelen vaker buiten",
     "Uit onderzoek blijkt dat kinderen in Nederland vaker buiten spelen dan tien jaar geleden.",
     "Trouw", None),
    ("a5", "2018-03-20", "day", "2018-03-20", "2018-03-20", "Kinderen spelen weer vaker buiten",
     "Uit nieuw onderzoek blijkt dat kinderen in Nederland vaker buiten spelen.", "AD", "a4"),
    ("a6", None, None, None, None, "Weerbericht",
     "Morgen wordt het zonnig en warm in het hele land.", "KNMI", None),
    ("a7", "2017-12-07", "day", "2017-12-07", "2017-12-07", "Syrië: strijd om Raqqa voorbij",
     "De strijd om Raqqa is voorbij, melden Koerdische bronnen. De stad ligt in puin.", "NRC", None),
    ("a8", "2016-05-02", "day", "2016-05-02", "2016-05-02", "Lange avond in de raad", LONG, "Gazet", None),
]


@pytest.fixture()
def conn(store_target: str) -> Iterator[Any]:
    """The corpus in a store of each backend (SQLite FTS5, PostgreSQL tsvector): every search
    test below runs on both."""
    from kroniek.store.base import StoredDocument
    from kroniek.store.open import open_store

    store = open_store(store_target)
    items = []
    for aid, pub, _prec, _start, _end, title, text, src, dup in ARTICLES:
        doc = Document(Article(id=aid, text=text, title=title, source=src,
                               published=PublishedDate.parse(pub) if pub else None))
        if aid == "a2":
            doc.entities = [Entity(31, 41, "Mark Rutte", "PER", "Mark Rutte")]
        items.append(StoredDocument(doc, text_hash=f"h{aid}", duplicate_of=dup))
    store.add(items)
    yield store.conn
    store.close()


def ids(conn: sqlite3.Connection, q: str, **kw: object) -> set[str]:
    return {h.id for h in search(conn, q, limit=100, **kw).hits}  # type: ignore[arg-type]


def test_stemming_finds_inflections(conn: sqlite3.Connection) -> None:
    assert ids(conn, "strijders") == {"a1"}
    assert ids(conn, "strijder") == {"a1"}
    assert ids(conn, "belasting") == {"a2", "a8"}
    assert ids(conn, "syrie") == {"a7"}  # diacritics folded


def test_phrases(conn: sqlite3.Connection) -> None:
    assert ids(conn, '"Mark Rutte"') == {"a2"}
    assert ids(conn, '"Rutte Mark"') == set()
    assert ids(conn, '"vaker buiten spelen"') == {"a4", "a5"}


def test_boolean_operators_and_parentheses(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Raqqa Koerdische") == {"a1", "a7"}
    assert ids(conn, "Raqqa AND Koerdische") == {"a1", "a7"}
    assert ids(conn, "Raqqa NOT puin") == {"a1"}
    assert ids(conn, "Raqqa -puin") == {"a1"}
    assert ids(conn, "brexit OR kinderen") == {"a3", "a4", "a5"}
    assert ids(conn, "(brexit OR belasting) NOT (may OR toeristen)") == {"a2"}


def test_prefix(conn: sqlite3.Connection) -> None:
    assert ids(conn, "strijd*") == {"a1", "a7"}
    assert ids(conn, "kinderen*") == {"a4", "a5"}
    assert ids(conn, "onderhand*") == {"a3"}


def test_fields(conn: sqlite3.Connection) -> None:
    assert ids(conn, "title:raqqa") == {"a1", "a7"}
    assert ids(conn, "title:oppositie") == set()
    assert ids(conn, "text:oppositie") == {"a2", "a8"}
    assert ids(conn, "source:nos") == {"a1", "a3"}
    assert ids(conn, "title:(brexit OR kabinet)") == {"a2", "a3"}


def test_entity_filter(conn: sqlite3.Connection) -> None:
    assert ids(conn, 'entity:"mark rutte"') == {"a2"}
    assert ids(conn, 'belasting entity:"Mark Rutte"') == {"a2"}
    assert ids(conn, 'belasting -entity:"Mark Rutte"') == {"a8"}


def test_title_matches_rank_first(conn: sqlite3.Connection) -> None:
    res = search(conn, "belasting")
    assert [h.id for h in res.hits] == ["a2", "a8"]
    assert res.hits[0].score > res.hits[1].score > 0


def test_date_filters_and_source(conn: sqlite3.Connection) -> None:
    assert ids(conn, "kinderen OR raqqa OR brexit", date_from="2018") == {"a3", "a4", "a5"}
    assert ids(conn, "kinderen OR raqqa OR brexit", date_to="2017-12") == {"a1", "a7"}
    assert ids(conn, "raqqa", date_from="2017-12-07", date_to="2017-12-07") == {"a7"}
    assert ids(conn, "raqqa OR brexit", source="nos") == {"a1", "a3"}
    with pytest.raises(QueryError, match="YYYY"):
        search(conn, "raqqa", date_from="6 december")
    with pytest.raises(QueryError, match="empty"):
        search(conn, "raqqa", date_from="2018", date_to="2017")


def test_duplicates_can_be_left_out(conn: sqlite3.Connection) -> None:
    assert ids(conn, "kinderen") == {"a4", "a5"}
    assert ids(conn, "kinderen", include_duplicates=False) == {"a4"}


def test_sort_by_date_and_paging(conn: sqlite3.Connection) -> None:
    q = "raqqa OR brexit OR kinderen OR belasting"
    newest = [h.id for h in search(conn, q, sort="date", limit=100).hits]
    assert newest == ["a5", "a4", "a3", "a2", "a7", "a1", "a8"]
    oldest = [h.id for h in search(conn, q, sort="date_asc", limit=100).hits]
    assert oldest == newest[::-1]
    page = search(conn, q, sort="date", limit=2, offset=2)
    assert page.total == 7 and [h.id for h in page.hits] == ["a3", "a2"]
    hit = page.hits[0]
    assert (hit.published, hit.title, hit.source) == ("2018-01-15", "Onderhandelingen over Brexit lopen vast", "NOS")


def test_filters_only_lists_by_date(conn: sqlite3.Connection) -> None:
    res = search(conn, "", source="NRC")
    assert res.total == 2 and [h.id for h in res.hits] == ["a2", "a7"]
    assert ids(conn, "", date_from="2018-03") == {"a4", "a5"}
    with pytest.raises(QueryError, match="empty query"):
        search(conn, "  ")


def test_snippets_mark_matches_in_original_text(conn: sqlite3.Connection) -> None:
    hit = search(conn, "strijders").hits[0]
    assert "Koerdische [strijders] hebben de laatste IS-[strijders]" in hit.snippet
    hit = search(conn, "strijders", markers=("<b>", "</b>")).hits[0]
    assert "<b>strijders</b>" in hit.snippet
    hit = search(conn, "toeristen").hits[0]
    assert "[toeristen]" in hit.snippet
    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert len(hit.snippet.split()) <= 32
    assert search(conn, "title:weerbericht").hits[0].snippet.startswith("Morgen wordt")


def test_snippet_prefers_the_window_with_most_distinct_terms() -> None:
    text = "kat " + "hond " * 40 + "kat vogel vis " + "hond " * 40
    out = snippet(text, {"kat", "vogel", "vis"}, words=10)
    assert "[kat] [vogel] [vis]" in out


def test_counts_per_month_skip_duplicates_and_fill_gaps(conn: sqlite3.Connection) -> None:
    q = "raqqa OR brexit OR kinderen"
    assert counts(conn, q, per="month") == [("2017-12", 2), ("2018-01", 1), ("2018-02", 0), ("2018-03", 1)]
    assert counts(conn, q, per="month", count_duplicates=True)[-1] == ("2018-03", 2)
    assert counts(conn, q, per="year") == [("2017", 2), ("2018", 2)]


def test_counts_per_week_and_day(conn: sqlite3.Connection) -> None:
    weeks = counts(conn, "raqqa", per="week")
    assert weeks == [("2017-W49", 2)]
    days = counts(conn, "raqqa OR kinderen", per="day", date_from="2017-12-05", date_to="2017-12-08")
    assert days == [("2017-12-05", 0), ("2017-12-06", 1), ("2017-12-07", 1), ("2017-12-08", 0)]
    # a month-precision article counts on its first possible day
    assert counts(conn, "kinderen", per="day") == [("2018-03-01", 1)]
    assert counts(conn, "", per="year", date_from="2016", date_to="2016") == [("2016", 1)]


def test_malformed_query_errors_name_the_position(conn: sqlite3.Connection) -> None:
    with pytest.raises(QueryError, match="position 8"):
        search(conn, "brexit (may")
    with pytest.raises(QueryError, match="unknown field"):
        counts(conn, "auteur:x", per="month")
    with pytest.raises(QueryError, match="unknown bucket"):
        counts(conn, "x", per="decade")  # type: ignore[arg-type]

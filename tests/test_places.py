"""Gazetteer lookups and entity statistics over a temporary store."""

from __future__ import annotations

import sqlite3

import pytest

from kroniek.errors import QueryError
from kroniek.kb.places import Place, country, country_name, lookup_place
from kroniek.queries.entity_stats import entity_counts
from kroniek.store.schema import MIGRATIONS


@pytest.mark.parametrize(
    ("name", "code", "kind"),
    [
        ("Syrië", "SY", "country"), ("Rusland", "RU", "country"), ("Turkije", "TR", "country"),
        ("Verenigde Staten", "US", "country"), ("VS", "US", "country"),
        ("Amerika", "US", "country"), ("Wit-Rusland", "BY", "country"),
        ("Germany", "DE", "country"), ("Bagdad", "IQ", "city"), ("Damascus", "SY", "city"),
        ("Moskou", "RU", "city"), ("Parijs", "FR", "city"), ("Londen", "GB", "city"),
        ("Brussel", "BE", "city"), ("Keulen", "DE", "city"), ("Aken", "DE", "city"),
        ("Antwerpen", "BE", "city"), ("Den Haag", "NL", "city"), ("Groningen", "NL", "city"),
        ("Aleppo", "SY", "city"), ("Raqqa", "SY", "city"), ("Mosoel", "IQ", "city"),
        ("Gazastrook", "PS", "region"), ("Engeland", "GB", "region"),
    ],
)
def test_lookup_known_places(name, code, kind):
    place = lookup_place(name)
    assert place is not None
    assert (place.country, place.kind) == (code, kind)
    assert place.lat is not None and place.lon is not None


def test_lookup_normalises_case_articles_and_diacritics():
    assert lookup_place("  moskou ") == lookup_place("Moskou")
    assert lookup_place("Syrie").name == "Syrië"
    assert lookup_place("het Midden-Oosten").kind == "region"
    assert lookup_place("het Midden-Oosten").country is None


def test_bigger_city_wins_a_shared_name_and_countries_win_over_cities():
    assert lookup_place("Moskou").country == "RU"  # not Moscow, Idaho
    assert lookup_place("Damascus").country == "SY"  # not Damascus, Maryland
    assert lookup_place("Nederland").kind == "country"  # not Nederland, Texas
    assert lookup_place("Luxemburg").kind == "country"


def test_countries_carry_their_capitals_coordinates():
    syria = country("sy")
    assert syria == Place("Syrië", "SY", syria.lat, syria.lon, "country")
    assert syria.lat == pytest.approx(33.51, abs=0.05) and syria.lon == pytest.approx(36.29, abs=0.05)
    assert country_name("TR") == "Turkije"
    assert country("EU") is None  # a babel territory, not a country


def test_unknown_and_empty_names():
    assert lookup_place("Xqzwplaats") is None
    assert lookup_place("") is None
    assert lookup_place("   ") is None


def test_lookup_is_fast_once_built():
    import time

    lookup_place("Parijs")
    names = [f"Onbekend{i}" for i in range(20000)]
    t = time.perf_counter()
    for n in names:
        lookup_place(n)
    assert time.perf_counter() - t < 1.0


# --- entity statistics -------------------------------------------------------------------


@pytest.fixture
def conn(tmp_path):
    con = sqlite3.connect(tmp_path / "kb.db")
    for migration in MIGRATIONS:
        con.executescript(migration)
    arts = [
        (1, "a1", "2017-12-05", None), (2, "a2", "2017-12-20", None),
        (3, "a3", "2018-02-01", None), (4, "a4", None, None), (5, "a5", "2017-12-06", "a1"),
    ]
    for rowid, aid, start, dup in arts:
        con.execute(
            "INSERT INTO articles (rowid, id, published_start, text, text_hash, ingested_at, "
            "duplicate_of) VALUES (?, ?, ?, 'tekst', ?, '2024-01-01', ?)",
            (rowid, aid, start, aid, dup),
        )
    ents = [
        (1, "Islamitische Staat", "ORG", "Islamitische Staat"), (1, "IS", "ORG", "Islamitische Staat"),
        (1, "IS", "ORG", "Islamitische Staat"), (1, "Syrië", "LOC", "Syrië"),
        (1, "Syrische", "MISC", "Syrië"), (2, "IS", "ORG", "Islamitische Staat"),
        (2, "Recep Erdogan", "PER", "Recep Erdogan"), (2, "Erdogan", "PER", "Recep Erdogan"),
        (3, "Erdogan", "PER", "Recep Erdogan"), (3, "Syrische", "MISC", "Syrië"),
        (4, "IS", "ORG", "Islamitische Staat"), (5, "IS", "ORG", "Islamitische Staat"),
    ]
    for k, (art, text, label, entity) in enumerate(ents):
        con.execute(
            "INSERT INTO entities (article, start, end, text, label, entity, country) "
            "VALUES (?,?,?,?,?,?,?)",
            (art, k, k + len(text), text, label, entity, "SY" if entity == "Syrië" else None),
        )
    yield con
    con.close()


def test_entity_counts_totals_and_order(conn):
    rows = entity_counts(conn)
    assert [(r.entity, r.label, r.mentions, r.articles) for r in rows] == [
        ("Islamitische Staat", "ORG", 5, 3),  # the duplicate a5 is skipped, undated a4 counts
        ("Recep Erdogan", "PER", 3, 2),
        ("Syrië", "LOC", 3, 2),  # LOC although most mentions are the adjective "Syrische"
    ]
    isis = rows[0]
    assert (isis.first_seen, isis.last_seen) == ("2017-12-05", "2017-12-20")
    assert isis.series == [("2017-12", 2), ("2018-01", 0), ("2018-02", 0)]
    assert rows[1].series == [("2017-12", 1), ("2018-01", 0), ("2018-02", 1)]


def test_entity_counts_filters(conn):
    assert [r.entity for r in entity_counts(conn, label="per")] == ["Recep Erdogan"]
    (isis,) = entity_counts(conn, name="is")
    assert (isis.entity, isis.mentions) == ("Islamitische Staat", 5)
    (syria,) = entity_counts(conn, name="Syrië", label="LOC")
    assert syria.mentions == 1
    rows = entity_counts(conn, date_from="2018", per="year")
    assert [(r.entity, r.series) for r in rows] == [
        ("Recep Erdogan", [("2018", 1)]), ("Syrië", [("2018", 1)]),
    ]
    rows = entity_counts(conn, date_from="2017-12", date_to="2017-12", per="week", limit=1)
    assert len(rows) == 1 and rows[0].entity == "Islamitische Staat"
    assert rows[0].series[0] == ("2017-W48", 0) and sum(n for _, n in rows[0].series) == 2
    assert entity_counts(conn, count_duplicates=True)[0].mentions == 6
    assert entity_counts(conn, name="Niemand") == []


def test_entity_counts_rejects_bad_arguments(conn):
    with pytest.raises(QueryError):
        entity_counts(conn, per="decade")
    with pytest.raises(QueryError):
        entity_counts(conn, date_from="gisteren")
    with pytest.raises(QueryError):
        entity_counts(conn, limit=0)


def test_countries_and_capitals_are_told_from_towns():
    from kroniek.kb.places import is_country_or_capital, lookup_place

    assert all(is_country_or_capital(lookup_place(n)) for n in ("Syrië", "Bagdad", "Damascus", "Parijs"))
    assert not any(is_country_or_capital(lookup_place(n)) for n in ("Anna", "Den Haag", "Göd"))

import sqlite3

import pytest

from kroniek.errors import StoreError
from kroniek.model import Entity, Figure, Timex
from kroniek.store.open import open_store
from kroniek.store.schema import MIGRATIONS
from kroniek.store.sqlite import Rejection, SQLiteStore, StoredDocument
from tests.conftest import make_doc


def _stored(doc, h="h1"):
    return StoredDocument(document=doc, text_hash=h, source_file="x.jsonl", source_line=3)


def test_new_store_is_migrated_to_the_latest_schema(db):
    store = SQLiteStore(db)
    assert store.schema_version() == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_article_annotations_and_fulltext_are_stored_together(store_target):
    from kroniek.store.search import search

    store = open_store(store_target)
    doc = make_doc("De strijders trokken zich gisteren terug.", published="2017-12", id="a1")
    doc.entities = [Entity(0, 2, "De", "MISC", "De")]
    doc.timexes = [Timex(29, 37, "gisteren", "DATE", "2017-12")]
    assert store.add([_stored(doc)]) == 1
    row = store.conn.execute("SELECT * FROM articles WHERE id='a1'").fetchone()
    assert (row["published"], row["precision"], row["published_start"], row["published_end"]) == (
        "2017-12", "month", "2017-12-01", "2017-12-31")
    assert store.conn.execute("SELECT count(*) FROM timexes").fetchone()[0] == 1
    assert store.conn.execute("SELECT rowid FROM articles_fts").fetchall()[0][0] == row["rowid"]
    assert [h.id for h in search(store.conn, "strijder").hits] == ["a1"]
    again = store.get("a1")
    assert again.timexes[0].value == "2017-12" and again.published.precision == "month"
    store.close()


def test_a_change_figure_keeps_its_old_value(store_target):
    from kroniek.queries.facts import figure_series

    store = open_store(store_target)
    doc = make_doc("De werkloosheid steeg van 3 naar 4 procent.", published="2019-05", id="c1")
    doc.figures = [Figure(23, 43, "van 3 naar 4 procent", 4, qualifier="change", unit="%",
                          kind="percent", subject="werkloosheid", value_from=3)]
    store.add([_stored(doc)])
    (f,) = figure_series(store.conn, about="werkloosheid")
    assert (f.qualifier, f.value_from, f.value) == ("change", 3, 4)
    assert store.get("c1").figures[0].value_from == 3
    store.close()


def test_a_version_1_store_gains_the_value_from_column(db):
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0])
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    store = SQLiteStore(db)
    cols = {r[1] for r in store.conn.execute("PRAGMA table_info(figures)")}
    assert "value_from" in cols and store.schema_version() == len(MIGRATIONS)
    store.close()


def test_a_failed_batch_leaves_nothing_half_written(store_target):
    store = open_store(store_target)
    good = make_doc("Eerste tekst.", id="same")
    with pytest.raises(Exception, match="(?i)unique"):
        store.add([_stored(good), _stored(make_doc("Tweede tekst.", id="same"), "h2")])
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0
    store.close()


def test_quarantine_keeps_each_rejection_once(store_target):
    store = open_store(store_target)
    r = Rejection("bad.jsonl", 2, None, "published", "bad.jsonl:2: cannot read date", "{...}")
    assert store.quarantine([r]) == 1
    assert store.quarantine([r]) == 0
    nul = Rejection("bad.jsonl", 3, None, "text", "a NUL byte", '{"text": "a\x00b"}')
    assert store.quarantine([nul]) == 1
    assert len(store.quarantined()) == 2
    store.close()


def test_not_a_store_gives_a_clear_error(tmp_path):
    bogus = tmp_path / "junk.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="is it a kroniek SQLite file"):
        SQLiteStore(bogus)


def test_a_version_8_store_loses_the_unused_acronym_column_and_keeps_its_records(db):
    con = sqlite3.connect(db)
    for sql in MIGRATIONS[:8]:
        con.executescript(sql)
    con.execute("INSERT INTO entity_records (name, label, kind, key, acronym) VALUES ('Islamitische Staat', 'ORG', 'NAME', 'islamitische staat', 'IS')")
    con.execute("PRAGMA user_version = 8")
    con.commit()
    con.close()
    store = SQLiteStore(db)
    cols = {r[1] for r in store.conn.execute("PRAGMA table_info(entity_records)")}
    indexes = {r[1] for r in store.conn.execute("PRAGMA index_list(entity_records)")}
    assert "acronym" not in cols and "entity_records_acronym" not in indexes
    assert [r[0] for r in store.conn.execute("SELECT name FROM entity_records")] == ["Islamitische Staat"]
    store.close()

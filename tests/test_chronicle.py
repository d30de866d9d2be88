"""The chronicle across articles: one identity per entity, stories, copies, figure series and
the sources that disagree — through the real CLI on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.chronicle.identity import Identity, acronyms, groups
from kroniek.chronicle.keys import given_names_agree, name_key, person_parts, sound_key
from kroniek.chronicle.series import Report, compare
from kroniek.model import Entity
from kroniek.store.sqlite import SQLiteStore


def _report(value: float, qualifier: str = "exact", time: str = "2017-12", source: str = "A", value_max=None) -> Report:
    return Report("a", 0, 1, "x", value, value_max, qualifier, "strijders", time, (source,), source)


# -- keys and comparisons (pure)


def test_names_meet_across_spellings():
    assert name_key("Erdoğan") == name_key("Erdogan") == "erdogan"
    assert name_key("Rutte-III") == name_key("Rutte III")
    assert name_key("Trump's") == "trump"
    assert sound_key("Poetin") == sound_key("Putin")
    assert sound_key("Zelenski") == sound_key("Zelensky")
    assert person_parts("Hugo de Jonge") == (["hugo"], "de jonge")
    assert given_names_agree(["m"], ["mark"]) and not given_names_agree(["ivanka"], ["donald"])
    assert "FVD" in acronyms("Forum voor Democratie") and acronyms("Islamitische Staat") == ["IS"]


def test_qualifiers_decide_whether_figures_can_both_be_true():
    assert compare(_report(1000, "less_than"), _report(900, "about", source="B")) is None
    assert compare(_report(1000, "less_than"), _report(3000, source="B")) == "disagreement"
    assert compare(_report(3000, source="A"), _report(3100, source="B")) is None  # within rounding
    assert compare(_report(200, "range", value_max=300), _report(250, source="B")) is None
    assert compare(_report(1000, "more_than"), _report(800, source="B")) == "disagreement"
    # the same source correcting itself is no disagreement; different months are a change
    assert compare(_report(1000, source="A"), _report(3000, source="A")) is None
    assert compare(_report(3000, time="2017-10"), _report(1000, time="2017-12", source="B")) == "change"
    # a month and a day in it overlap
    assert compare(_report(1000, time="2017-12"), _report(3000, time="2017-12-13", source="B")) == "disagreement"


def test_one_group_per_canonical_name_of_the_kind_most_mentions_have():
    # the article says these are one Mark Rutte; one mention the model typed ORG must not make a
    # second record that takes all the article's mentions
    ents = [Entity(0, 10, "Mark Rutte", "PER", "Mark Rutte"), Entity(20, 25, "Rutte", "ORG", "Mark Rutte"),
            Entity(30, 35, "Rutte", "PER", "Mark Rutte"), Entity(40, 47, "Utrecht", "LOC", "Utrecht")]
    out = {g.name: g for g in groups(ents)}
    assert set(out) == {"Mark Rutte", "Utrecht"}
    assert out["Mark Rutte"].label == "PER" and sum(out["Mark Rutte"].texts.values()) == 3


def test_a_genitive_the_model_typed_as_another_kind_is_still_the_person(tmp_path):
    store = SQLiteStore(tmp_path / "g.db")
    conn = store.conn
    conn.execute("BEGIN")
    for rowid in (1, 2):
        conn.execute("INSERT INTO articles (rowid, id, text, text_hash, ingested_at) VALUES (?,?,?,?,?)",
                     (rowid, f"a{rowid}", "x", f"h{rowid}", "2026-12-07"))
    identity = Identity(conn)
    first = identity.link(1, [Entity(0, 14, "Nicolás Maduro", "PER", "Nicolás Maduro")], "2019-03-04", None)
    second = identity.link(2, [Entity(0, 9, "Maduro's", "MISC", "Maduro's")], "2019-03-05", None)
    conn.execute("COMMIT")
    assert second["Maduro's"] == first["Nicolás Maduro"]
    store.close()


# -- the store, through the CLI

#: Four articles on the same days: "minder dan duizend" (NRC), "3.000" (AD) and "ongeveer 900"
#: (Volkskrant) IS fighters in Syria, Erdoğan spelt three ways, Rutte twice; and an exact copy of
#: the first under another id and source (Parool). The server tests serve the same file.
FIXTURE = Path(__file__).parent / "data" / "chronicle.jsonl"


@pytest.fixture
def store(run, db, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(FIXTURE.read_bytes())
    res = run("ingest", str(path), "--db", str(db))
    assert res.code == 0, res.stderr
    return db


def test_one_identity_for_every_spelling_of_a_person(run, store):
    view = json.loads(run("entity", "Erdogan", "--db", str(store), "--json").stdout)
    assert view["entity"] == "Recep Tayyip Erdoğan" and view["label"] == "PER"
    aliases = {a["alias"] for a in view["aliases"]}
    assert {"Erdogan", "Recep Tayyip Erdoğan"} <= aliases
    assert view["articles"] == 3
    same = json.loads(run("entity", "erdoğan", "--db", str(store), "--json").stdout)
    assert same["id"] == view["id"]
    rutte = json.loads(run("entity", "Rutte", "--db", str(store), "--json").stdout)
    assert rutte["entity"] == "Mark Rutte" and rutte["articles"] == 2
    assert any(c["entity"] == "Turkije" for c in rutte["co_mentioned"])
    rows = run("entities", "--db", str(store), "--name", "Erdogan").json_lines()
    assert rows[0]["id"] == view["id"] and rows[0]["mentions"] == 3


def test_an_exact_copy_is_recorded_and_counted_in_its_story(run, store):
    stories = run("stories", "--db", str(store)).json_lines()
    story = next(s for s in stories if "nrc-1" in s["articles"])
    assert story["copies"] == 1 and story["sources"]["Parool"] == 1 and story["sources"]["NRC"] == 1
    exported = run("export", "--db", str(store)).json_lines()
    copy = next(d for d in exported if d["id"] == "parool-1")
    assert copy["duplicate_of"] == "nrc-1" and copy["story"] == story["story"]
    assert all("story" in d for d in exported)


def test_conflicts_name_both_sides_and_spare_agreeing_reports(run, store):
    rows = json.loads(run("conflicts", "--db", str(store), "--json").stdout)
    pairs = {frozenset((s["article"], s["value"], s["qualifier"]) for s in r["sides"]) for r in rows}
    assert frozenset({("nrc-1", 1000.0, "less_than"), ("ad-1", 3000.0, "exact")}) in pairs
    assert frozenset({("vk-1", 900.0, "about"), ("ad-1", 3000.0, "exact")}) in pairs
    # "minder dan duizend" and "ongeveer 900" agree
    assert frozenset({("nrc-1", 1000.0, "less_than"), ("vk-1", 900.0, "about")}) not in pairs
    side = rows[0]["sides"][0]
    assert {"value", "value_max", "qualifier", "unit", "time", "source_chain", "article", "start", "end"} <= set(side)
    assert all(r["kind"] == "disagreement" for r in rows)


def test_stories_count_once_in_trends(run, store):
    per_story = run("search", "strijders", "--db", str(store), "--per", "month", "--count", "stories").json_lines()
    per_article = run("search", "strijders", "--db", str(store), "--per", "month").json_lines()
    assert per_article == [{"period": "2017-12", "articles": 3}]
    assert per_story[0]["period"] == "2017-12" and 1 <= per_story[0]["stories"] <= 3


def test_reingest_is_idempotent_and_rebuild_gives_the_same_chronicle(run, store, tmp_path):
    before = json.loads(run("chronicle", "--db", str(store)).stdout)
    path = tmp_path / "a.jsonl"
    assert run("ingest", str(path), "--db", str(store)).code == 0
    assert json.loads(run("chronicle", "--db", str(store)).stdout) == before
    rebuilt = json.loads(run("chronicle", "--db", str(store), "--rebuild").stdout)
    assert rebuilt == before


def test_unknown_entity_is_a_clear_error(run, store):
    res = run("entity", "Niemandsland", "--db", str(store))
    assert res.code == 1 and "no entity called" in res.stderr


def test_identity_lookups_use_indexes_not_scans(tmp_path):
    """Linking an article's entities must cost the same in a store of a million articles: every
    statement it sends reads entity records through an index, never by scanning them all."""
    store = SQLiteStore(tmp_path / "plans.db")
    conn = store.conn
    conn.execute("BEGIN")
    conn.execute("INSERT INTO articles (rowid, id, text, text_hash, ingested_at) VALUES (1, 'a1', 'x', 'h1', 'now')")
    conn.execute("INSERT INTO articles (rowid, id, text, text_hash, ingested_at) VALUES (2, 'a2', 'x', 'h2', 'now')")
    identity = Identity(conn)
    identity.link(1, [Entity(0, 18, "Islamitische Staat", "ORG", "Islamitische Staat"),
                      Entity(20, 30, "Mark Rutte", "PER", "Mark Rutte"),
                      Entity(40, 60, "Forum voor Democratie", "ORG", "Forum voor Democratie")], "2019-03-04", None)
    sent: list[str] = []
    conn.set_trace_callback(sent.append)
    identity.link(2, [Entity(0, 2, "IS", "ORG", "IS"), Entity(5, 10, "Rutte", "PER", "Rutte"),
                      Entity(12, 17, "Forum", "ORG", "Forum"), Entity(20, 24, "Mark", "PER", "Mark"),
                      Entity(30, 38, "Trumps's", "MISC", "Trumps's")], "2019-03-05", None)
    conn.set_trace_callback(None)
    reads = [s for s in sent if s.lstrip().upper().startswith("SELECT") and "entity_" in s]
    assert reads
    for sql in reads:
        plan = " ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN entity_records" not in plan and "SCAN entity_aliases" not in plan, (sql, plan)
    conn.execute("COMMIT")
    store.close()


def _identity(tmp_path, n):
    store = SQLiteStore(tmp_path / "i.db")
    conn = store.conn
    conn.execute("BEGIN")
    for rowid in range(1, n + 1):
        conn.execute("INSERT INTO articles (rowid, id, text, text_hash, ingested_at) VALUES (?,?,?,?,?)",
                     (rowid, f"a{rowid}", "x", f"h{rowid}", "2026-12-07"))
    return store, _Linker(conn)


class _Linker(Identity):
    """Identity that first stores the article's entity rows, as ingest does."""

    def link(self, rowid, entities, day, story):
        self.conn.executemany(
            "INSERT INTO entities (article, start, end, text, label, entity) VALUES (?,?,?,?,?,?)",
            [(rowid, e.start, e.end, e.text, e.label, e.entity) for e in entities],
        )
        return super().link(rowid, entities, day, story)


def test_a_suspect_named_by_initial_is_the_person_named_in_full_beside_the_same_people(tmp_path):
    store, identity = _identity(tmp_path, 4)
    context = [Entity(20, 27, "Ferd Grapperhaus", "PER", "Ferd Grapperhaus"), Entity(30, 34, "AIVD", "ORG", "AIVD")]
    first = identity.link(1, [Entity(0, 9, "Gökmen T.", "PER", "Gökmen T."), *context], "2019-03-19", None)
    second = identity.link(2, [Entity(0, 12, "Gökmen Tanis", "PER", "Gökmen Tanis"), *context], "2019-03-21", None)
    # another "Peter R." in an article that shares nothing with "Peter Rutten" stays apart
    third = identity.link(3, [Entity(0, 12, "Peter Rutten", "PER", "Peter Rutten")], "2019-03-21", None)
    fourth = identity.link(4, [Entity(0, 8, "Peter R.", "PER", "Peter R.")], "2019-03-22", None)
    assert second["Gökmen Tanis"] == first["Gökmen T."]
    assert fourth["Peter R."] != third["Peter Rutten"]
    name = store.conn.execute("SELECT name FROM entity_records WHERE id = ?", (first["Gökmen T."],)).fetchone()[0]
    assert name == "Gökmen Tanis"  # the fuller name becomes the record's name
    store.conn.execute("COMMIT")
    store.close()


def test_numbered_cabinets_stay_apart_and_a_camel_case_name_has_its_acronym(tmp_path):
    store, identity = _identity(tmp_path, 4)
    a = identity.link(1, [Entity(0, 9, "Rutte III", "PER", "Rutte III"), Entity(20, 32, "ChristenUnie", "ORG", "ChristenUnie")], "2019-03-04", None)
    b = identity.link(2, [Entity(0, 8, "Rutte II", "PER", "Rutte II"), Entity(20, 22, "CU", "ORG", "CU")], "2019-03-05", None)
    c = identity.link(3, [Entity(0, 17, "kabinet-Rutte III", "MISC", "kabinet-Rutte III")], "2019-03-06", None)
    d = identity.link(4, [Entity(0, 10, "Mark Rutte", "PER", "Mark Rutte"),
                          Entity(20, 27, "premier", "PER", "Mark Rutte", reference=True)], "2019-03-06", None)
    assert a["Rutte III"] != b["Rutte II"] and c["kabinet-Rutte III"] == a["Rutte III"]
    assert b["CU"] == a["ChristenUnie"]
    assert d["Mark Rutte"] not in (a["Rutte III"], b["Rutte II"])
    aliases = {r[0] for r in store.conn.execute("SELECT alias FROM entity_aliases WHERE entity = ?", (d["Mark Rutte"],))}
    assert "premier" not in aliases
    mentions = store.conn.execute("SELECT mentions FROM entity_records WHERE id = ?", (d["Mark Rutte"],)).fetchone()[0]
    assert mentions == 2
    store.conn.execute("COMMIT")
    store.close()

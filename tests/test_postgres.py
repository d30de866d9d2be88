"""The PostgreSQL store against a real server (a throwaway cluster, see tests/pgcluster.py): the
same hits and facts as SQLite on examples/, kroniek copy both ways, the CLI and the server on a
postgresql:// URL, and what is PostgreSQL's own (SQL translation, migrations, Dutch stems)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kroniek.store.postgres.connection import translate
from tests.conftest import EXAMPLES, Server

# -- the SQL adapter (no server needed) --------------------------------------------------------


def test_sqlite_sql_is_translated_outside_string_literals():
    sql = ("SELECT q.end, x FROM quotes q, json_each(q.about) j WHERE j.value = ? COLLATE NOCASE"
           " AND q.content LIKE ? AND t = '?%' ORDER BY a.published_start DESC, q.start LIMIT ?")
    assert translate(sql) == (
        'SELECT q."end", x FROM quotes q, jsonb_array_elements_text((q.about)::jsonb) AS j(value)'
        " WHERE j.value = %s COLLATE NOCASE AND q.content ILIKE %s AND t = '?%%'"
        " ORDER BY a.published_start DESC NULLS LAST, q.start NULLS FIRST LIMIT %s")
    assert translate("SELECT count(*) FROM articles a WHERE 1") == "SELECT count(*) FROM articles a WHERE TRUE"
    assert translate("INSERT INTO stories (articles) VALUES (0)").endswith(" RETURNING id")
    assert "RETURNING" not in translate("INSERT INTO term_df (term, df) VALUES (?, 1)")
    assert translate("SELECT 1 FROM f WHERE EXISTS (SELECT 1 FROM json_each(f.place) WHERE value = ?)") == (
        "SELECT 1 FROM f WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text((f.place)::jsonb)"
        " AS json_each(value) WHERE value = %s)")
    assert "CASE WHEN x THEN 1 ELSE 2 END" in translate("SELECT CASE WHEN x THEN 1 ELSE 2 END")


# -- PostgreSQL's own --------------------------------------------------------------------------


def test_migrations_mirror_sqlite(pg_url: str, tmp_path: Path):
    from kroniek.store.open import open_store
    from kroniek.store.postgres.schema import MIGRATIONS as PG
    from kroniek.store.schema import MIGRATIONS as SQLITE

    assert len(PG) == len(SQLITE)
    pg, lite = open_store(pg_url), open_store(tmp_path / "k.db")
    assert pg.schema_version() == lite.schema_version() == len(SQLITE)
    tables = [r[0] for r in lite.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%'")]
    for table in tables:
        ours = {r[1] for r in lite.conn.execute(f"PRAGMA table_info({table})")}
        theirs = {r[0] for r in pg.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", (table,))}
        assert ours <= theirs and theirs - ours <= {"rowid"}, table
    pg.close()
    lite.close()


def test_dutch_stems_are_postgresqls_dutch_stemmer(pg_url: str):
    """The stems both backends index are what PostgreSQL's ``dutch`` configuration computes
    (its ``dutch_stem`` dictionary), for every word of the examples that is not a stop word."""
    from kroniek.store.open import open_store
    from kroniek.store.stemming import WORD_RE, fold, stem_word

    words = sorted({w.lower() for f in EXAMPLES.rglob("*") if f.is_file()
                    for w in WORD_RE.findall(f.read_text(errors="replace")) if not w.isdigit()})
    store = open_store(pg_url)
    rows = store.conn.execute(
        "SELECT w, ts_lexize('dutch_stem', w) FROM unnest(?::text[]) AS w", ("{" + ",".join(
            '"' + w.replace('"', '') + '"' for w in words) + "}",)).fetchall()
    store.close()
    checked = [(w, lex[0]) for w, lex in rows if lex]
    assert len(checked) > 1000
    assert [(w, s) for w, s in checked if fold(s) != stem_word(w)] == []


def test_a_wrong_url_is_a_clear_error(pg_cluster):
    from kroniek.errors import StoreError
    from kroniek.store.open import open_store

    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL store .*nosuchdb.*check the URL"):
        open_store(pg_cluster.url_for("nosuchdb"))


# -- the same answers as SQLite on examples/ ---------------------------------------------------


def _kroniek(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "KRONIEK_TOKEN": "", **(env or {})})


@pytest.fixture(scope="module")
def pg_examples(pg_cluster) -> str:
    """The examples ingested into PostgreSQL through the CLI (as ``examples_store`` is into SQLite)."""
    url = pg_cluster.create_database(f"examples{os.getpid()}")
    res = _kroniek("ingest", str(EXAMPLES), "--db", url, "--workers", "1", "--quiet")
    assert res.returncode == 1 and "19 ingested" in res.stderr, res.stderr  # 1: examples/malformed/
    return url


QUERIES = ["minister", '"miljard euro"', "kabinet OR regering", "woning* NOT huur", "title:klimaat",
           "entity:Rutte", "Idlib", "source:nos", "brexit", "strijders OR doden"]


def snapshot(target: str) -> dict[str, Any]:
    """Everything the read layer says about a store, in one comparable structure."""
    from kroniek.queries import chronicle, digest, entity_stats, events, facts, geo
    from kroniek.queries.export import _records
    from kroniek.store.open import open_store
    from kroniek.store.search import counts, search

    store = open_store(target)
    out: dict[str, Any] = {"export": list(_records(store, False))}
    for q in QUERIES:
        for sort in ("relevance", "date", "date_asc"):
            r = search(store.conn, q, limit=50, sort=sort)
            hits = [(h.id, h.published, h.title, h.snippet) for h in r.hits]
            out[f"search {q} {sort}"] = (r.total, sorted(hits) if sort == "relevance" else hits)
        out[f"counts {q}"] = counts(store.conn, q, per="month")
        out[f"stories {q}"] = counts(store.conn, q, per="year", count="stories")
    out["stories"] = [s.to_dict() for s in chronicle.list_stories(store.conn)]
    out["conflicts"] = chronicle.conflicts(store.conn, kind=None)
    out["quotes"] = [q.to_dict() for q in facts.list_quotes(store.conn, limit=500)]
    out["figures"] = [f.to_dict() for f in facts.figure_series(store.conn)]
    out["entities"] = [e.__dict__ for e in entity_stats.entity_counts(store.conn, limit=500)]
    out["events"] = [e.__dict__ for e in events.list_events(store.conn)]
    out["countries"] = [vars(c) for c in geo.country_mentions(store.conn)]
    out["digest"] = digest.digest_text(store).split("\n", 1)[1]
    from dataclasses import asdict

    from kroniek.queries import entities

    for e in out["entities"][:6]:
        out[f"entity {e['entity']}"] = asdict(entities.entity_view(store.conn, e["entity"]))
    out["entity 3"] = asdict(entities.entity_view(store.conn, 3))
    for s in out["stories"][:5]:
        out[f"story {s['story']}"] = asdict(chronicle.story_view(store.conn, s["story"]))
    stats = store.stats()
    stats.pop("store")
    out["stats"] = stats
    store.close()
    return out


def assert_same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key


def test_same_search_hits_and_facts_as_sqlite_on_the_examples(examples_store: Path, pg_examples: str):
    lite, pg = snapshot(str(examples_store)), snapshot(pg_examples)
    assert lite["stats"]["articles"] == 19 and lite["search minister relevance"][0] > 3
    assert_same(lite, pg)


def test_relevance_puts_the_same_article_first(examples_store: Path, pg_examples: str):
    """Ranking is ts_rank on PostgreSQL, bm25 on SQLite: close, not identical; the best hit agrees."""
    from kroniek.store.open import open_store
    from kroniek.store.search import search

    stores = [open_store(str(examples_store)), open_store(pg_examples)]
    for q in ("minister", "klimaat", "Idlib", "woningen", "title:kabinet"):
        firsts = [search(s.conn, q, limit=1).hits[0].id for s in stores]
        assert firsts[0] == firsts[1], q
    for s in stores:
        s.close()


def test_copy_sqlite_to_postgresql_and_back(examples_store: Path, pg_cluster, tmp_path: Path):
    url = pg_cluster.create_database(f"copy{os.getpid()}")
    res = _kroniek("copy", "--from", str(examples_store), "--to", url)
    assert res.returncode == 0 and "copied 19 articles" in res.stderr, res.stderr
    back = tmp_path / "back.db"
    res = _kroniek("copy", "--from", url, "--to", str(back))
    assert res.returncode == 0 and "copied 19 articles" in res.stderr, res.stderr
    want = snapshot(str(examples_store))
    assert_same(want, snapshot(url))
    assert_same(want, snapshot(str(back)))
    again = _kroniek("copy", "--from", str(examples_store), "--to", url)
    assert again.returncode == 1 and "already holds articles" in again.stderr
    # the copy goes on growing like the original: new articles get fresh keys, dedup still holds
    extra = tmp_path / "extra.jsonl"
    text = json.loads((EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    extra.write_text(json.dumps({"id": "copy-of-first", "published": "2020-02-02", "text": text}) + "\n"
                     + json.dumps({"id": "fresh", "published": "2020-02-02",
                                   "text": "Een geheel nieuw bericht over de gemeenteraad."}) + "\n")
    res = _kroniek("ingest", str(extra), "--db", url, "--stages", "language", "-w", "1")
    assert res.returncode == 0 and "1 ingested, 0 unchanged, 1 duplicates" in res.stderr, res.stderr


def _unscored(data: Any) -> Any:
    """Without scores (each backend's own) and with date ties in one order (tantivy, which the
    SQLite store searches with by default, breaks them its own way)."""
    if isinstance(data, dict):
        return {k: _unscored(v) for k, v in data.items() if k != "score"}
    if isinstance(data, list):
        items = [_unscored(v) for v in data]
        if items and all(isinstance(v, dict) and "published" in v and "id" in v for v in items):
            items.sort(key=lambda v: (str(v["published"])[:10], v["id"]))
        return items
    return data


def test_the_cli_and_the_server_work_on_a_postgresql_url(examples_store: Path, pg_examples: str):
    for args in (["search", "minister", "--json"], ["search", "kabinet", "--per", "year", "--json"],
                 ["show", "politiek_2018-02-14", "--json"], ["entity", "Idlib", "--json"],
                 ["stories", "--json"], ["conflicts", "--json"], ["quotes", "--json"],
                 ["figures", "--json"], ["events", "--json"], ["entities", "--json"]):
        want = _kroniek(*args, "--db", str(examples_store))
        got = _kroniek(*args, env={"KRONIEK_DB": pg_examples})  # the URL from the environment
        assert got.returncode == want.returncode == 0, (args, got.stderr)
        if args[0] == "search" and "--per" not in args:  # same hits; scores are each backend's own
            assert sorted(h["id"] for h in json.loads(got.stdout)) == sorted(h["id"] for h in json.loads(want.stdout))
        else:
            assert got.stdout == want.stdout, args
    stats = json.loads(_kroniek("stats", "--db", pg_examples, "--json").stdout)
    assert stats["articles"] == 19 and re.match(r"postgresql://kroniek@127\.0\.0\.1:\d+/examples", stats["store"])
    import httpx

    lite, pg = Server(examples_store), Server(Path(pg_examples))  # type: ignore[arg-type]
    try:
        for path in ("/api/articles?q=minister&sort=date", "/api/entities?limit=5", "/api/quotes?limit=5",
                     "/api/articles/politiek_2018-02-14", "/api/trends?q=kabinet&per=year", "/api/stats",
                     "/api/events", "/api/events/counts?per=year", "/api/stories", "/api/stories/1",
                     "/api/conflicts", "/api/entities/3", "/api/countries", "/api/figures?about=procent",
                     "/api/trends?q=kabinet&per=year&count=stories", "/entities", "/stories", "/events"):
            a, b = httpx.get(lite.url + path, timeout=30), httpx.get(pg.url + path, timeout=30)
            assert a.status_code == b.status_code == 200, (path, b.text)
            if path.startswith("/api/") and path != "/api/stats":  # scores: each backend's own
                assert _unscored(a.json()) == _unscored(b.json()), path
        page = httpx.get(pg.url + "/", timeout=30)
        assert page.status_code == 200 and "kroniek" in page.text
    finally:
        lite.stop()
        pg.stop()

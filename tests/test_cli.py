"""The CLI end to end, as a user runs it, on a real SQLite file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

STAGES = "language,analysis,entities"  # fast subset where annotations don't matter

ARTICLES = [
    {
        "id": "a1",
        "published": "2018-03-14",
        "title": "Strijd in Noord-Syrië",
        "text": "Meer dan 300 strijders zijn volgens waarnemers omgekomen bij gevechten in Noord-Syrië. "
        "De Verenigde Naties roepen op tot een staakt-het-vuren.",
        "source": "ANP",
    },
    {
        "id": "a2",
        "published": "2018-04",
        "title": "Kabinet presenteert klimaatplan",
        "text": "Het kabinet wil de uitstoot van broeikasgassen met bijna de helft verminderen. "
        "Minister Wiebes noemde het plan ambitieus maar haalbaar.",
        "source": "NOS",
    },
    {
        "id": "a3",
        "published": "2019-01-02",
        "title": "Schaatsers klaar voor het WK",
        "text": "De Nederlandse schaatsers vertrekken morgen naar het wereldkampioenschap in Inzell. "
        "Bondscoach De Jong verwacht minstens drie medailles.",
        "source": "NOS",
    },
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", ARTICLES)


def test_ingest_then_reingest_is_idempotent(run, db, corpus):
    first = run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    assert first.code == 0, first.stderr
    assert "3 ingested" in first.stderr
    again = run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    assert again.code == 0
    assert "0 ingested, 3 unchanged" in again.stderr
    stats = json.loads(run("stats", "--db", str(db)).stdout)
    assert stats["articles"] == 3


def test_bad_records_are_quarantined_and_the_rest_goes_in(run, db, tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps(ARTICLES[0]),
        "{not json",
        json.dumps({**ARTICLES[1], "published": "32-13-2019"}),
        json.dumps({**ARTICLES[2], "text": "  "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("ingest", str(path), "--db", str(db), "--stages", STAGES)
    assert res.code == 1
    assert "1 ingested" in res.stderr and "3 quarantined" in res.stderr
    assert "mixed.jsonl:2" in res.stderr and "mixed.jsonl:3" in res.stderr and "published" in res.stderr
    listed = run("quarantine", "--db", str(db), "--json")
    rows = json.loads(listed.stdout)
    assert len(rows) == 3 and {r["line"] for r in rows} == {2, 3, 4}
    # quarantined records are kept once, however often the ingest is re-run
    run("ingest", str(path), "--db", str(db), "--stages", STAGES)
    assert len(json.loads(run("quarantine", "--db", str(db), "--json").stdout)) == 3


def test_same_id_with_different_text_is_rejected(run, db, corpus, tmp_path):
    run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    changed = write_jsonl(tmp_path / "changed.jsonl", [{**ARTICLES[0], "text": "Een heel andere tekst."}])
    res = run("ingest", str(changed), "--db", str(db), "--stages", STAGES)
    assert res.code == 1 and "already stored with a different text" in res.stderr


def test_exact_and_near_duplicates(run, db, tmp_path):
    base = ARTICLES[0]["text"] + " " + ARTICLES[1]["text"] + " " + ARTICLES[2]["text"]
    rows = [
        {"id": "orig", "published": "2018-03-14", "text": base},
        {"id": "copy", "published": "2018-03-14", "text": base.upper()},  # same after normalising
        {"id": "near", "published": "2018-03-15", "text": base + " Dat meldt het ANP."},
    ]
    res = run("ingest", str(write_jsonl(tmp_path / "d.jsonl", rows)), "--db", str(db), "--stages", STAGES)
    assert res.code == 0, res.stderr
    assert "2 ingested" in res.stderr and "1 duplicates" in res.stderr and "1 near-duplicates" in res.stderr
    shown = json.loads(run("show", "near", "--db", str(db), "--json").stdout)
    assert shown["duplicate_of"] == "orig"


def test_db_option_and_environment_variable(run, tmp_path, corpus):
    res = run("ingest", str(corpus), "--stages", STAGES, env={"KRONIEK_DB": str(tmp_path / "via-env.db")})
    assert res.code == 0 and (tmp_path / "via-env.db").exists()


def test_missing_store_is_a_clear_error(run, tmp_path):
    res = run("stats", "--db", str(tmp_path / "nope.db"))
    assert res.code == 1 and res.stderr.startswith("Error: no store") and "Traceback" not in res.stderr


def test_search_syntax_filters_and_counts(run, db, corpus):
    run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    hits = lambda *a: [h["id"] for h in json.loads(run("search", *a, "--db", str(db), "--json").stdout)]  # noqa: E731
    assert hits("strijder") == ["a1"]  # Dutch stemming: strijders ~ strijder
    assert hits('"Verenigde Naties"') == ["a1"]
    assert sorted(hits("kabinet OR schaatsers")) == ["a2", "a3"]
    assert hits("NOS NOT schaats*", "--sort", "date") == ["a2"]
    assert hits("source:NOS", "--sort", "date") == ["a3", "a2"]
    assert hits("title:klimaatplan") == ["a2"]
    assert hits("(kabinet OR schaatsers) AND medailles") == ["a3"]
    assert hits("NOS", "--from", "2019", "--sort", "date") == ["a3"]
    per = json.loads(run("search", "NOS", "--per", "month", "--db", str(db), "--json").stdout)
    assert [p for p in per if p["articles"]] == [
        {"period": "2018-04", "articles": 1},
        {"period": "2019-01", "articles": 1},
    ]
    assert len(per) == 10  # empty months in between are there, as zeros, for trend lines
    snippet = json.loads(run("search", "strijders", "--db", str(db), "--json").stdout)[0]["snippet"]
    assert "[strijders]" in snippet


@pytest.mark.parametrize("query", ['"open phrase', "(kabinet", "kabinet AND", "title:"])
def test_malformed_query_is_an_error_not_a_traceback(run, db, corpus, query):
    run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    res = run("search", query, "--db", str(db))
    assert res.code in (1, 2) and res.stderr.startswith("Error:") and "Traceback" not in res.stderr


def test_export_round_trip(run, db, corpus, tmp_path):
    run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    lines = run("export", "--db", str(db)).stdout.splitlines()
    exported = [json.loads(x) for x in lines]
    assert [d["id"] for d in exported] == ["a1", "a2", "a3"]
    assert exported[1]["published"] == "2018-04"
    # the exported JSON Lines ingest again into a fresh store, unchanged
    again = tmp_path / "again.db"
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("ingest", str(path), "--db", str(again), "--stages", STAGES).code == 0
    assert [json.loads(x)["text"] for x in run("export", "--db", str(again)).stdout.splitlines()] == [
        a["text"] for a in ARTICLES
    ]
    csv_out = run("export", "--db", str(db), "--format", "csv").stdout
    assert csv_out.startswith("id,published")
    pq = tmp_path / "out.parquet"
    assert run("export", "--db", str(db), "--format", "parquet", "-o", str(pq)).code == 0
    import pyarrow.parquet as pqm

    assert pqm.read_table(pq).num_rows == 3


def test_extract_contract_offsets_slice_the_text(run, corpus):
    res = run("extract", str(corpus), "--workers", "1", "--tokens")
    assert res.code == 0, res.stderr
    docs = res.json_lines()
    assert [d["id"] for d in docs] == ["a1", "a2", "a3"]
    for d in docs:
        assert set(d) >= {
            "id",
            "published",
            "title",
            "text",
            "language",
            "entities",
            "quotes",
            "figures",
            "timexes",
            "events",
            "tokens",
        }
        text = d["text"]
        for e in d["entities"]:
            assert text[e["start"] : e["end"]] == e["text"]
        for q in d["quotes"]:
            for part in ("content", "cue", "speaker"):
                if q[part]:
                    assert text[q[part]["start"] : q[part]["end"]] == q[part]["text"]
        for item in d["figures"] + d["timexes"] + d["tokens"]:
            assert text[item["start"] : item["end"]] == item["text"]
        assert all(0 <= t["head"] < len(d["tokens"]) for t in d["tokens"])
    assert docs[1]["published"] == "2018-04"


def test_extract_is_identical_with_one_and_two_workers(run, corpus):
    one = run("extract", str(corpus), "--workers", "1").stdout
    two = run("extract", str(corpus), "--workers", "2").stdout
    assert one == two and one.count("\n") == 3


def test_killed_ingest_resumes_without_duplicates(tmp_path, db):
    rows = [
        {
            "id": f"k{i}",
            "published": "2019-05-01",
            "text": f"Bericht nummer {i} over de gemeente {i * 7} en haar {i * 13} inwoners. " * 5,
        }
        for i in range(400)
    ]
    path = write_jsonl(tmp_path / "many.jsonl", rows)
    cmd = [
        sys.executable,
        "-m",
        "kroniek",
        "ingest",
        str(path),
        "--db",
        str(db),
        "--stages",
        STAGES,
        "-w",
        "1",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    import sqlite3

    while time.time() < deadline:  # wait until some batches have landed, then kill -9
        time.sleep(0.3)
        if db.exists():
            try:
                with sqlite3.connect(db) as c:
                    if c.execute("SELECT count(*) FROM articles").fetchone()[0] >= 64:
                        break
            except sqlite3.OperationalError:
                pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as c:
        partial = c.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert 0 < partial < 400
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == 400
        assert c.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 400


def test_usage_error_exits_2(run):
    res = run("search", "--sort", "nonsense")
    assert res.code == 2


@pytest.mark.skipif(not EXAMPLES.exists(), reason="examples not present")
def test_main_job_on_the_examples(run, db):
    res = run("ingest", str(EXAMPLES), "--db", str(db))
    assert res.code == 1  # examples/malformed is rejected on purpose, the rest goes in
    assert "quarantined" in res.stderr
    stats = json.loads(run("stats", "--db", str(db)).stdout)
    assert stats["articles"] >= 12 and stats["near_duplicates"] >= 1
    assert stats["quotes"] > 0 and stats["figures"] > 0 and stats["timexes"] > 0
    digest = run("digest", "--db", str(db))
    assert digest.code == 0 and "Who said what" in digest.stdout
    assert (
        "Syrië (LOC)" in digest.stdout and "Syrië (MISC)" not in digest.stdout
    )  # "Syrische" counts for Syrië
    # a reported figure across articles, as a time series with its sources
    series = json.loads(run("figures", "--about", "doden", "--db", str(db), "--json").stdout)
    dates = [f["published"] for f in series]
    assert len(series) >= 2 and dates == sorted(dates)
    assert all(f["value"] is not None for f in series) and any(f["source"] for f in series)
    said = json.loads(run("quotes", "--speaker", "Verhoef", "--db", str(db), "--json").stdout)
    assert said and all("Verhoef" in q["speaker"] for q in said)
    assert len({(q["content"], q["published"][:7]) for q in said}) == len(said)  # copies not repeated
    # the kind of statement is a filter, shown and exported
    direct = json.loads(run("quotes", "--kind", "direct,mixed", "--db", str(db), "--json").stdout)
    assert direct and all(q["kind"] in ("direct", "mixed") for q in direct)
    assert run("quotes", "--kind", "gossip", "--db", str(db)).code == 2
    assert "” (PER)" not in digest.stdout  # no quote mark is an entity
    ents = json.loads(run("entities", "--label", "LOC", "--db", str(db), "--json").stdout)
    assert ents and all(e["label"] == "LOC" and e["mentions"] >= e["articles"] for e in ents)
    shown = run("show", "conflict_2018-03", "--db", str(db))
    assert shown.code == 0 and "QUOTE" in shown.stdout and "FIGURE" in shown.stdout


def test_reprocess_recomputes_stale_stages(run, db, corpus):
    run("ingest", str(corpus), "--db", str(db), "--stages", "language,analysis")
    res = run("reprocess", "--db", str(db), "-w", "1")
    assert res.code == 0 and "3 reprocessed" in res.stderr
    again = run("reprocess", "--db", str(db), "-w", "1")
    assert "0 reprocessed" in again.stderr  # nothing stale any more
    doc = json.loads(run("show", "a1", "--db", str(db), "--json").stdout)
    assert {"entities", "quotes", "figures", "timexes"} <= set(doc["stages"])
    assert any(f["value"] == 300 for f in doc["figures"])


def test_every_command_is_documented_in_the_readme_and_has_help(run):
    from kroniek.cli import _register, app

    _register()
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    assert len(names) >= 12
    for name in names:
        assert f"kroniek {name}" in readme, f"`kroniek {name}` is not documented in README.md"
        res = run(name, "--help")
        assert res.code == 0 and "Usage" in res.stdout


def test_tantivy_index_gives_the_same_hits_and_stays_in_sync(run, db, corpus, tmp_path):
    pytest.importorskip("tantivy")
    run("ingest", str(corpus), "--db", str(db), "--stages", STAGES)
    before = run("search", "NOS OR strijders", "--db", str(db), "--json").stdout
    assert run("index", "--db", str(db)).code == 0
    assert Path(str(db) + ".tantivy").is_dir()
    after = json.loads(run("search", "NOS OR strijders", "--db", str(db), "--json").stdout)
    # same matches; ranking is BM25 in both (ties between equal scores may order differently)
    assert sorted(h["id"] for h in after) == sorted(h["id"] for h in json.loads(before))
    extra = write_jsonl(
        tmp_path / "more.jsonl",
        [{"id": "a4", "published": "2019-02-01", "text": "Weer strijders gesignaleerd bij de grens."}],
    )
    run("ingest", str(extra), "--db", str(db), "--stages", STAGES)
    ids = {h["id"] for h in json.loads(run("search", "strijders", "--db", str(db), "--json").stdout)}
    assert ids == {"a1", "a4"}
    assert run("index", "--drop", "--db", str(db)).code == 0

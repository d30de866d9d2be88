"""Several real ``kroniek`` processes on one store: each article once, every run finishes and
reports what it did, readers never see half an article, nobody sees "database is locked"."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FAST = ("--stages", "language", "-w", "1")  # real ingests, without loading the Dutch model
SUMMARY = re.compile(r"(\d+) ingested, (\d+) unchanged, (\d+) duplicates, (\d+) near-duplicates, "
                     r"(\d+) quarantined")
BASE = ("De gemeenteraad van Zwolle sprak dinsdagavond urenlang over de plannen voor een nieuw "
        "zwembad aan de rand van de stad. Wethouder Van Dijk zei dat de kosten binnen de begroting "
        "blijven en dat de bouw volgend voorjaar kan beginnen als de provincie instemt. Bewoners "
        "van de wijk Stadshagen vrezen extra verkeer en vragen om een nieuwe fietsbrug over het "
        "water.")
OTHER = ("Bij een brand in een loods op het industrieterrein van Apeldoorn is woensdagnacht een "
         "grote hoeveelheid hooi verloren gegaan. De brandweer rukte met zes wagens uit en had het "
         "vuur na drie uur onder controle. Omwonenden kregen het advies ramen en deuren gesloten "
         "te houden vanwege de rook; gewonden vielen er niet.")


def article(i: int) -> dict:
    text = (f"Bericht {i} over de gemeente {i * 7} en haar {i * 13} inwoners. "
            f"Volgens de burgemeester kwamen er {i * 3} klachten binnen over plan {i}.")
    return {"id": f"art{i}", "published": "2019-05-01", "title": f"Bericht {i}", "text": text}


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def kroniek(*args: str) -> list[str]:
    return [sys.executable, "-m", "kroniek", *args]


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(kroniek(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(proc: subprocess.Popen, timeout: float = 240) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    assert "Traceback" not in err and "locked" not in err, err
    return proc.returncode, out, err


def summary(stderr: str) -> dict[str, int]:
    m = SUMMARY.search(stderr)
    assert m, stderr
    keys = ("ingested", "unchanged", "duplicates", "near", "quarantined")
    return dict(zip(keys, map(int, m.groups()), strict=True))


def counts(db: Path) -> tuple[int, int, int, str]:
    with sqlite3.connect(db) as c:
        return (c.execute("SELECT count(*) FROM articles").fetchone()[0],
                c.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
                c.execute("SELECT count(*) FROM articles_fts").fetchone()[0],
                c.execute("PRAGMA integrity_check").fetchone()[0])


def test_two_ingests_with_overlapping_inputs_store_each_article_once(tmp_path: Path) -> None:
    db = tmp_path / "k.db"  # does not exist yet: both processes create and migrate it at once
    # Same text under two ids and a near copy, one of each per run, first in both files so both
    # runs annotate them at the same time; 60 articles in both runs.
    first = [{"id": "copyA", "published": "2019-05-02", "text": BASE},
             {"id": "nearA", "published": "2019-05-02", "text": OTHER}]
    second = [{"id": "copyB", "published": "2019-05-02", "text": BASE},
              {"id": "nearB", "published": "2019-05-02", "text": OTHER + " (ANP)"}]
    a = write_jsonl(tmp_path / "a.jsonl", first + [article(i) for i in range(0, 120)])
    b = write_jsonl(tmp_path / "b.jsonl", second + [article(i) for i in range(60, 180)])
    t0 = time.monotonic()
    runs = [start("ingest", str(a), "--db", str(db), *FAST),
            start("ingest", str(b), "--db", str(db), *FAST)]
    results = [finish(p) for p in runs]
    elapsed = time.monotonic() - t0
    assert [code for code, _, _ in results] == [0, 0], results
    sa, sb = (summary(err) for _, _, err in results)
    total = {k: sa[k] + sb[k] for k in sa}
    # 180 articles + one of the two copies + both near copies (one marked as such)
    assert total == {"ingested": 183, "unchanged": 60, "duplicates": 1, "near": 1,
                     "quarantined": 0}, (sa, sb, elapsed)
    assert counts(db) == (183, 183, 183, "ok")
    with sqlite3.connect(db) as c:
        copies = c.execute("SELECT id FROM articles WHERE id LIKE 'copy_'").fetchall()
        near = dict(c.execute("SELECT id, duplicate_of FROM articles WHERE id LIKE 'near_'"))
    assert len(copies) == 1
    (original,) = [k for k, v in near.items() if v is None]  # the other points to it
    assert sorted(near) == ["nearA", "nearB"] and set(near.values()) == {None, original}


def test_ingest_and_reprocess_at_once(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    old = write_jsonl(tmp_path / "old.jsonl", [article(i) for i in range(40)])
    res = subprocess.run(kroniek("ingest", str(old), "--db", str(db), *FAST),
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    new = write_jsonl(tmp_path / "new.jsonl", [article(i) for i in range(30, 200)])
    reprocess = start("reprocess", "--db", str(db), "-w", "1")
    ingest = start("ingest", str(new), "--db", str(db), *FAST)
    (rcode, _, rerr), (icode, _, ierr) = finish(reprocess), finish(ingest)
    assert rcode == 0 and icode == 0, (rerr, ierr)
    m = re.search(r"(\d+) reprocessed, 0 failed, (\d+) were stale", rerr)
    assert m and int(m[1]) == int(m[2]) >= 40, rerr
    assert summary(ierr) == {"ingested": 160, "unchanged": 10, "duplicates": 0, "near": 0,
                             "quarantined": 0}
    assert counts(db) == (200, 200, 200, "ok")
    with sqlite3.connect(db) as c:
        stages = [json.loads(s) for (s,) in c.execute(
            "SELECT stages FROM articles WHERE CAST(substr(id, 4) AS INTEGER) < 40")]
    assert len(stages) == 40 and all({"analysis", "entities", "timexes"} <= set(s) for s in stages)


def test_search_during_an_ingest_sees_whole_articles_and_no_lock(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    rows = [article(i) for i in range(1200)]
    ingest = start("ingest", str(write_jsonl(tmp_path / "many.jsonl", rows)), "--db", str(db),
                   *FAST)
    seen: list[int] = []
    while ingest.poll() is None or not seen:
        if not db.exists():
            time.sleep(0.05)
            continue
        res = subprocess.run(kroniek("search", "gemeente", "--db", str(db), "--json",
                                     "--limit", "5000", "--sort", "date"),
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
        hits = json.loads(res.stdout)
        assert all(h["title"] and h["snippet"] and h["published"] for h in hits)
        assert len({h["id"] for h in hits}) == len(hits)
        seen.append(len(hits))
    code, _, err = finish(ingest)
    assert code == 0 and summary(err)["ingested"] == 1200
    assert seen == sorted(seen), seen  # articles appear, whole, and never vanish
    assert len(seen) >= 2, seen
    final = subprocess.run(kroniek("search", "gemeente", "--db", str(db), "--json", "--limit",
                                   "5000"), capture_output=True, text=True)
    assert len(json.loads(final.stdout)) == 1200


def test_two_ingests_share_the_tantivy_index(tmp_path: Path) -> None:
    pytest.importorskip("tantivy")
    db = tmp_path / "k.db"
    seed = write_jsonl(tmp_path / "seed.jsonl", [article(i) for i in range(5)])
    assert subprocess.run(kroniek("ingest", str(seed), "--db", str(db), *FAST)).returncode == 0
    assert subprocess.run(kroniek("index", "--db", str(db)), capture_output=True).returncode == 0
    a = write_jsonl(tmp_path / "a.jsonl", [article(i) for i in range(0, 130)])
    b = write_jsonl(tmp_path / "b.jsonl", [article(i) for i in range(70, 200)])
    runs = [start("ingest", str(p), "--db", str(db), *FAST) for p in (a, b)]
    results = [finish(p) for p in runs]
    assert [r[0] for r in results] == [0, 0], results
    assert sum(summary(r[2])["ingested"] for r in results) == 195
    assert counts(db) == (200, 200, 200, "ok")
    import tantivy  # the index holds each article once, in step with the store

    from kroniek.store.tantivy_index import _schema
    index = tantivy.Index(_schema(), path=str(db) + ".tantivy", reuse=True)
    assert index.searcher().num_docs == 200
    hits = subprocess.run(kroniek("search", "gemeente", "--db", str(db), "--json", "--limit",
                                  "1000"), capture_output=True, text=True)
    assert len(json.loads(hits.stdout)) == 200


def test_a_writer_waits_for_the_lock_instead_of_failing(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    rows = write_jsonl(tmp_path / "a.jsonl", [article(i) for i in range(10)])
    assert subprocess.run(kroniek("ingest", str(rows), "--db", str(db), *FAST)).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock for a while
    more = write_jsonl(tmp_path / "b.jsonl", [article(i) for i in range(10, 20)])
    ingest = start("ingest", str(more), "--db", str(db), *FAST)
    time.sleep(2.5)
    assert ingest.poll() is None  # still waiting, not failed
    holder.execute("COMMIT")
    holder.close()
    code, _, err = finish(ingest)
    assert code == 0 and summary(err)["ingested"] == 10


def test_a_lock_held_too_long_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    from kroniek.errors import StoreError
    from kroniek.store import locking
    from kroniek.store.sqlite import SQLiteStore

    db = tmp_path / "k.db"
    SQLiteStore(db).close()
    monkeypatch.setattr(locking, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(locking, "WRITE_WAIT_S", 0.3)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    store = SQLiteStore(db)
    with pytest.raises(StoreError, match="stayed locked for 0 s while waiting to write: another "
                       "process is writing to it"):
        with store.transaction():
            pass
    holder.execute("ROLLBACK")
    with store.transaction():  # free again: works
        pass
    store.close()
    holder.close()
    assert os.path.exists(db)

"""Ingest at scale, on both backends: four processes over overlapping inputs store each article
once; an ingest killed with SIGKILL at random points loses nothing it committed and the rerun
completes; records stream through in batches, so memory stays flat whatever the input's size."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.test_concurrency import BASE, OTHER, article, finish, kroniek, start, summary, write_jsonl

FAST = ("--stages", "language", "-w", "1")  # real ingests, without loading the Dutch model


def stored(target: str) -> dict[str, Any]:
    """What the store holds, checked for half-written articles on the way."""
    from kroniek.store.open import open_store

    store = open_store(target)
    try:
        c = store.conn
        rows = c.execute("SELECT id, text, story, annotations, duplicate_of, rowid FROM articles").fetchall()
        fts = c.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        orphans = c.execute("SELECT count(*) FROM articles_fts f WHERE NOT EXISTS"
                            " (SELECT 1 FROM articles a WHERE a.rowid = f.rowid)").fetchone()[0]
        signed = c.execute("SELECT count(*) FROM minhashes").fetchone()[0]
        copies = [r[0] for r in c.execute("SELECT id FROM copies ORDER BY id")]
        index = store.text_index
        indexed = index.index.searcher().num_docs if index is not None else None
    finally:
        store.close()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "an article stored twice"
    assert fts == len(rows) and orphans == 0, "an article without its full-text row, or the reverse"
    assert all(r[2] is not None for r in rows), "an article stored without its story"
    for r in rows:
        json.loads(r[3])
    originals = sum(1 for r in rows if r[4] is None)
    assert signed == originals, "an original without its near-duplicate signature"
    return {"texts": {r[0]: r[1] for r in rows}, "copies": copies, "indexed": indexed,
            "near": {r[0]: r[4] for r in rows if r[4] is not None}}


def test_four_ingests_with_overlapping_inputs_store_each_article_once(store_target: str, tmp_path: Path) -> None:
    inputs = [
        [{"id": "copyA", "published": "2019-05-02", "text": BASE},
         {"id": "nearA", "published": "2019-05-02", "text": OTHER}] + [article(i) for i in range(0, 100)],
        [{"id": "copyB", "published": "2019-05-02", "text": BASE},
         {"id": "nearB", "published": "2019-05-02", "text": OTHER + " (ANP)"}] + [article(i) for i in range(50, 150)],
        [{"id": "copyC", "published": "2019-05-02", "text": BASE}] + [article(i) for i in range(100, 200)],
        [article(i) for i in range(25, 175)],
    ]
    paths = [write_jsonl(tmp_path / f"in{i}.jsonl", rows) for i, rows in enumerate(inputs)]
    runs = [start("ingest", str(p), "--db", store_target, *FAST) for p in paths]
    results = [finish(p, timeout=400) for p in runs]
    assert [code for code, _, _ in results] == [0, 0, 0, 0], results
    sums = [summary(err) for _, _, err in results]
    total = {k: sum(s[k] for s in sums) for k in sums[0]}
    # 200 articles, one of the three copies, both near copies (one marked as such)
    assert total == {"ingested": 203, "unchanged": 250, "duplicates": 2, "near": 1, "quarantined": 0}, sums
    got = stored(store_target)
    assert len(got["texts"]) == 203
    assert len([i for i in got["texts"] if i.startswith("copy")]) == 1 and len(got["copies"]) == 2
    assert list(got["near"]) in (["nearA"], ["nearB"])
    if got["indexed"] is not None:  # SQLite keeps its tantivy index by default: in step
        assert got["indexed"] == 203


def _count(target: str) -> int:
    from kroniek.store.open import exists, open_store

    if not exists(target):
        return 0
    try:
        store = open_store(target, read_only=True)
    except Exception:  # noqa: BLE001 - not created or migrated yet
        return 0
    try:
        return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        store.close()


def test_an_ingest_killed_at_random_points_loses_nothing_committed(store_target: str, tmp_path: Path) -> None:
    rows = [{"id": "copy1", "published": "2019-05-02", "text": BASE},
            {"id": "copy2", "published": "2019-05-03", "text": BASE}]
    # enough articles that four kills, each at most 0.4 s after a commit, cannot all come after
    # the end of the input on a fast, quiet machine
    rows += [article(i) for i in range(1200)]
    path = write_jsonl(tmp_path / "in.jsonl", rows)
    want = {r["id"]: r["text"] for r in rows if r["id"] != "copy2"}
    rng = random.Random(16)
    seen = 0
    for _ in range(4):
        proc = start("ingest", str(path), "--db", store_target, *FAST, "--batch-size", "8")
        deadline = time.monotonic() + 120
        while _count(store_target) <= seen and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 0.4))  # somewhere in the next batches: reading, annotating, writing
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
        got = stored(store_target)
        assert all(want[i] == text for i, text in got["texts"].items()), "a stored article changed"
        assert len(got["texts"]) >= seen
        seen = len(got["texts"])
    assert 0 < seen < len(want), "the kills all missed the ingest"
    code, _, err = finish(start("ingest", str(path), "--db", store_target, *FAST))
    assert code == 0, err
    s = summary(err)
    assert s["ingested"] == len(want) - seen and s["unchanged"] == seen, (s, seen)
    got = stored(store_target)
    assert got["texts"] == want and len(got["copies"]) <= 1
    if got["indexed"] is not None:
        assert got["indexed"] == len(want)


def test_ingest_reads_no_further_than_the_batch_it_writes(tmp_path: Path, monkeypatch) -> None:
    """Records are pulled from the readers at most two batches ahead of what is committed (one
    being stored, the next being annotated meanwhile), never all."""
    from kroniek.ingest import runner
    from kroniek.ingest.records import ReadOptions
    from kroniek.store.open import open_store

    store = open_store(tmp_path / "k.db")
    real = runner.read_paths
    pulled = []

    def watched(paths, options):  # type: ignore[no-untyped-def]
        for item in real(paths, options):
            committed = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            assert len(pulled) - committed <= 2 * 16, "ingest read ahead of what it wrote"
            pulled.append(item)
            yield item

    monkeypatch.setattr(runner, "read_paths", watched)
    path = write_jsonl(tmp_path / "in.jsonl", [article(i) for i in range(100)])
    summ = runner.ingest_paths(store, [path], options=ReadOptions(), stages=("language",), batch_size=16)
    assert summ.ingested == 100 and len(pulled) == 100
    store.close()


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def test_memory_stays_flat_while_a_file_streams_in(tmp_path: Path) -> None:
    """A 4.5 MB JSON Lines file (2,000 articles) in batches of 16: after the first third the
    process's memory grows by less than the file's size. The story vectors' cache is capped
    low here (KRONIEK_STORY_CACHE) so what is measured is the stream, not the cache filling."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.synthetic import write_jsonl as synthetic

    path = tmp_path / "big.jsonl"
    size = synthetic(str(path), 2000, words=300)
    assert size > 4_000_000
    proc = subprocess.Popen(kroniek("ingest", str(path), "--db", str(tmp_path / "k.db"), *FAST,
                                    "--batch-size", "16", "--quiet"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "KRONIEK_STORY_CACHE": "300"})
    samples: list[float] = []
    while proc.poll() is None:
        rss = _rss_mb(proc.pid)
        if rss is not None:
            samples.append(rss)
        time.sleep(0.05)
    _, err = proc.communicate()
    assert proc.returncode == 0 and "2000 ingested" in err, err
    third = samples[len(samples) // 3 :]
    assert len(third) > 20, samples
    growth = max(third) - third[0]
    assert growth < size / 1e6 * 8, (growth, samples[:: max(1, len(samples) // 30)])


def test_batches_in_flight_keep_dedup_across_batches(tmp_path: Path) -> None:
    """With worker processes the next batch is annotated while the one before is stored: a
    repeated id, a changed text and an exact copy in the next batch still count as if the
    batches went in one after the other."""
    from kroniek.ingest import runner
    from kroniek.ingest.records import ReadOptions
    from kroniek.store.open import open_store

    rows = [article(i) for i in range(8)]
    rows += [article(3),  # the same article again, in the next batch: unchanged
             {**article(4), "text": article(4)["text"] + " Nog iets."},  # same id, other text
             {**article(5), "id": "copy5"}]  # art5's text under another id: a copy
    rows += [article(i) for i in range(8, 12)]
    path = write_jsonl(tmp_path / "in.jsonl", rows)
    store = open_store(tmp_path / "k.db")
    try:
        summ = runner.ingest_paths(store, [path], options=ReadOptions(), stages=("language",),
                                   workers=2, batch_size=8, on_error=lambda m: None)
        assert (summ.ingested, summ.unchanged, summ.duplicates, summ.quarantined) == (12, 1, 1, 1)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY rowid")]
        assert ids == [f"art{i}" for i in range(12)]
        assert [tuple(r) for r in store.conn.execute("SELECT id, duplicate_of FROM copies")] == [("copy5", "art5")]
    finally:
        store.close()

"""Ingest and query cost as a store grows — 10k, 100k, 1M articles — on SQLite and PostgreSQL.

    python bench/scale.py                         # 10k and 100k, both backends
    python bench/scale.py --sizes 10000,100000,1000000 --backends sqlite,postgresql

Synthetic articles (bench/search.py's generator: a Zipf draw over Dutch words and compounds,
2015-2020, a dozen sources), NOT real news. At each size the store is filled in bulk up to that
size (articles, full-text rows, near-duplicate band keys, story columns and document
frequencies, the story-candidate index, as ingest leaves them; no annotations), then:

* **ingest**: 1,000 new articles go through the real ingest path — exact and near-duplicate
  checks, the write transaction, full-text rows (FTS5 + the default tantivy index on SQLite,
  tsvector on PostgreSQL), the chronicle's story assignment — with the fast path that skips the
  Dutch model (``--stages language``); ms per article (the NLP model adds ~60 ms per article
  whatever the store's size, see bench/stages.py);
* **query**: bench/search.py's queries through ``search()``/``counts()``: p50 / p95 ms over
  ``--runs`` runs (SQLite with its default tantivy index and with FTS5 alone; PostgreSQL's
  tsvector index).

PostgreSQL runs in a throwaway local cluster (tests/pgcluster.py) unless ``--pg-url`` names one.
Numbers are wall-clock on whatever machine runs it; on a shared box they are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.search import CASES, COUNTS, generate, timeit, vocabulary  # noqa: E402

from kroniek.chronicle.build import VERSION  # noqa: E402
from kroniek.chronicle.stories import BURST_TERMS, Stories, profile  # noqa: E402
from kroniek.store.bands import band_keys  # noqa: E402
from kroniek.store.open import open_store  # noqa: E402
from kroniek.store.search import counts, search  # noqa: E402

PROBE = 1000


def fill(store: Any, start: int, stop: int, seed: int) -> None:
    """Articles ``start+1 .. stop`` in bulk, as ingest would leave them (without annotations)."""
    import random

    import numpy as np

    rng = random.Random(seed)
    df: Counter[str] = Counter()
    top: Counter[str] = Counter()  # articles with the term among their top words (bursts)
    pg = store.backend == "postgresql"
    tindex = store.text_index
    done = start
    for arts, fts in generate(stop, seed=seed):
        if arts[-1][0] <= start:
            continue
        arts = [a for a in arts if a[0] > start]
        fts = [f for f in fts if f[0] > start]
        rows = [(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[0])
                for a in arts]
        bands = [(k, a[0]) for a in arts if a[10] is None
                 for k in band_keys(np.random.default_rng(a[0]).integers(0, 2**32, 64, dtype="<u4").tobytes())]
        with store.transaction():
            c = store.conn
            c.executemany(
                "INSERT INTO articles (rowid, id, published, precision, published_start, published_end,"
                " title, text, source, text_hash, duplicate_of, word_count, ingested_at, story)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            c.executemany("INSERT INTO stories (id, first, last, articles) VALUES (?,?,?,1)",
                          [(a[0], a[4], a[4]) for a in arts])
            c.executemany("INSERT INTO minhash_bands (key, article) VALUES (?,?) ON CONFLICT DO NOTHING", bands)
            for rowid, title, text, source in fts:
                store._insert_text_row(rowid, _rows(title, text, source))  # noqa: SLF001
            stories = Stories(c)  # each article's top words by day, as placing it would index them
            terms, days = [], Counter()
            for a, f in zip(arts, fts, strict=True):
                p = profile(f[1], f[2])
                w = stories._plain_weights(p, df)  # noqa: SLF001
                terms += [(t, a[4][:10], a[0]) for t in stories._top_terms(p, w)]  # noqa: SLF001
                burst_top = stories._top_terms(p, w, BURST_TERMS)  # noqa: SLF001
                top.update(burst_top)
                days.update((t, a[4][:10]) for t in ("", *burst_top))
            c.executemany("INSERT INTO story_terms (term, day, article) VALUES (?,?,?) ON CONFLICT DO NOTHING", terms)
            c.executemany("INSERT INTO term_days (term, day, n) VALUES (?,?,?) ON CONFLICT (term, day)"
                          " DO UPDATE SET n = term_days.n + excluded.n", [(t, d, n) for (t, d), n in days.items()])
            df[""] += len(arts)
        for _, title, text, _ in fts:
            df.update({t for t in (title + " " + text).split() if len(t) > 2 and not t.isdigit()})
        if tindex is not None:
            for a, f in zip(arts, fts, strict=True):
                tindex.add_stemmed(a[0], f[1], f[2], f[3], a[4], a[8], a[10] is not None)
            tindex.commit()
        done = arts[-1][0]
        if done % 100_000 == 0 or done == stop:
            print(f"    filled {done:,}", flush=True)
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO term_df (term, df, top) VALUES (?, ?, ?) ON CONFLICT (term)"
            " DO UPDATE SET df = term_df.df + excluded.df, top = term_df.top + excluded.top",
            [(t, n, top.get(t, 0)) for t, n in df.items()])
        # the chronicle is as this kroniek leaves it: no rebuild when ingest opens the store
        store.conn.execute("UPDATE chronicle_state SET value = ? WHERE key = 'version'", (json.dumps(VERSION),))
        if pg:
            from kroniek.store.copy import _advance_identities

            _advance_identities(store)
    del rng


def _rows(title: str, text: str, source: str) -> Any:
    from kroniek.store.rows import TextRows

    return TextRows(title, text, source)


def probe(store: Any, size: int) -> float:
    """ms per article for PROBE new articles through the real ingest path (no NLP model)."""
    from kroniek.ingest.records import Record
    from kroniek.ingest.runner import Ingester
    from kroniek.model import Article, PublishedDate

    ingester = Ingester(store, stages=("language",), workers=1, on_error=lambda m: None)
    records = []
    for arts, _ in generate(PROBE, seed=size + 99):
        for a in arts:
            records.append(Record(Article(id=f"probe{size}-{a[1]}", text=a[7], title=a[6], source=a[8],
                                          published=PublishedDate.parse(a[2])), "probe", a[0]))
    t0 = time.perf_counter()
    for i in range(0, len(records), 64):
        ingester.ingest_batch(records[i : i + 64])
    elapsed = time.perf_counter() - t0
    assert ingester.summary.ingested + ingester.summary.near_duplicates >= PROBE * 0.9, ingester.summary
    return elapsed * 1000 / len(records)


def queries(store: Any, runs: int, index: Any) -> list[tuple[str, float, float, int]]:
    import numpy as np

    words, _ = vocabulary(30_000, np.random.default_rng(7))
    out = []
    for name, q, kw in CASES:
        q = q.format(rare=words[2000], mid=words[300])
        p50, p95, res = timeit(lambda q=q, kw=kw: search(store.conn, q, index=index, **kw), runs)
        out.append((name, p50, p95, res.total))
    name, q = COUNTS
    p50, p95, res = timeit(lambda: counts(store.conn, q, per="month", index=index), runs)
    out.append((name, p50, p95, sum(n for _, n in res)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--pg-url", help="an empty PostgreSQL database (default: a throwaway local cluster)")
    ap.add_argument("--dir", help="where the SQLite store goes (default: a temp folder)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: list[tuple[str, int, str, str]] = []
    for backend in args.backends.split(","):
        cluster = None
        tmp = tempfile.mkdtemp(prefix="kroniek-scale-", dir=args.dir)
        if backend == "postgresql":
            url = args.pg_url
            if url is None:
                from tests.pgcluster import Cluster

                cluster = Cluster(settings={"shared_buffers": "1GB", "work_mem": "64MB",
                                            "maintenance_work_mem": "512MB", "max_wal_size": "4GB"})
                url = cluster.create_database("scale")
            target = url
        else:
            target = os.path.join(tmp, "scale.db")
        try:
            store = open_store(target)
            have = 0
            for size in sizes:
                t0 = time.perf_counter()
                fill(store, have, size, seed=7)
                have = size
                print(f"  {backend} {size:,}: filled in {time.perf_counter() - t0:.0f} s", flush=True)
                ms = probe(store, size)
                have += PROBE
                results.append((backend, size, "ingest, ms per article (no NLP model)", f"{ms:.1f}"))
                print(f"  {backend} {size:,}: ingest {ms:.1f} ms/article", flush=True)
                indexes = [("tantivy", store.text_index), ("fts5", None)] if backend == "sqlite" else [("tsvector", None)]
                for label, index in indexes:
                    if label == "tantivy" and index is None:
                        continue
                    for name, p50, p95, total in queries(store, args.runs, index):
                        results.append((backend, size, f"{label}: {name}", f"{p50:.0f} / {p95:.0f}  ({total:,})"))
                        print(f"  {backend} {size:,} {label} {name}: p50 {p50:.1f} p95 {p95:.1f} ms ({total:,})", flush=True)
                # the probe's articles stay; the next fill continues after them
                have = int(store.conn.execute("SELECT max(rowid) FROM articles").fetchone()[0])
            store.close()
        finally:
            if cluster is not None:
                from kroniek.store.postgres import close_pools

                close_pools()
                cluster.stop()
            shutil.rmtree(tmp, ignore_errors=True)
    print("\n| backend | articles | measure | result |\n| --- | ---: | --- | --- |")
    for backend, size, what, value in results:
        print(f"| {backend} | {size:,} | {what} | {value} |")


if __name__ == "__main__":
    main()

"""Story assignment cost as the store grows: time per new article at 10k, 100k and 1M stored.

    python bench/chronicle_scale.py [--sizes 10000 100000 1000000] [--new 300]

Synthetic articles (the Zipf-distributed Dutch-like vocabulary of bench/search.py, dates over six
years) are written straight into kroniek's real schema — articles, stemmed full-text rows, the
chronicle's ``term_df`` and ``story_terms`` — without the NLP model, each placed in a story of its
own, 400 a day (a bigger archive spans more days, as a real one does); then ``--new`` further
articles, dated within the stored days, are placed by the real ``chronicle.stories.Stories.assign``
and timed one by one. The candidate search goes through ``story_terms`` (term, day) and so should
cost the same at every size: the table shows mean and p95 milliseconds per article.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from search import generate  # noqa: E402

from kroniek.chronicle import stories as S  # noqa: E402
from kroniek.store.sqlite import SQLiteStore  # noqa: E402

#: Articles a day: a growing archive covers more days, not more articles a day.
PER_DAY = 400


def build(path: Path, n: int) -> None:
    SQLiteStore(path).close()  # the real schema, all migrations
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;")
    t0 = time.perf_counter()
    df: Counter[str] = Counter()
    top: Counter[str] = Counter()  # articles with the term among their top words (bursts)
    for arts, fts in generate(n, per_day=PER_DAY):
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (rowid, id, published, precision, published_start, published_end,"
            " title, text, source, text_hash, duplicate_of, word_count, ingested_at, story)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(*a, a[0]) for a in arts],
        )
        conn.executemany("INSERT INTO stories (id, first, last, articles) VALUES (?,?,?,1)", [(a[0], a[4], a[4]) for a in arts])
        conn.executemany("INSERT INTO articles_fts (rowid, title, text, source) VALUES (?,?,?,?)", fts)
        rows = []
        days: Counter[tuple[str, str]] = Counter()
        for a, f in zip(arts, fts, strict=True):
            p = S.profile(f[1], f[2])
            df.update(p.terms.keys())
            weights = {t: c * (1.0 / (1 + df[t])) for t, c in p.terms.items()}
            ranked = sorted(weights, key=lambda t: -weights[t])
            rows += [(t, a[4][:10], a[0]) for t in ranked[: S.QUERY_TERMS]]
            top.update(ranked[: S.BURST_TERMS])
            days.update((t, a[4][:10]) for t in ("", *ranked[: S.BURST_TERMS]))
        df[""] += len(arts)
        conn.executemany("INSERT OR IGNORE INTO story_terms (term, day, article) VALUES (?,?,?)", rows)
        conn.executemany("INSERT INTO term_days (term, day, n) VALUES (?,?,?) ON CONFLICT (term, day)"
                         " DO UPDATE SET n = term_days.n + excluded.n", [(t, d, k) for (t, d), k in days.items()])
        conn.execute("COMMIT")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO term_df (term, df, top) VALUES (?,?,?)", [(t, k, top.get(t, 0)) for t, k in df.items()])
    conn.execute("COMMIT")
    conn.close()
    print(f"  built {n:,} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def place(path: Path, n_stored: int, n_new: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    stories = S.Stories(conn)
    times = []
    conn.execute("BEGIN")
    for arts, fts in generate(n_new, seed=99, per_day=max(1, n_new * PER_DAY // n_stored)):
        for a, f in zip(arts, fts, strict=True):
            rowid = n_stored + a[0]
            conn.execute(
                "INSERT INTO articles (rowid, id, published, precision, published_start, published_end, title, text,"
                " source, text_hash, duplicate_of, word_count, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (rowid, f"new{rowid}", *a[2:10], None, *a[11:]),
            )
            conn.execute("INSERT INTO articles_fts (rowid, title, text, source) VALUES (?,?,?,?)", (rowid, *f[1:]))
            t0 = time.perf_counter()
            stories.assign(rowid, S.profile(f[1], f[2]), a[4], None)
            times.append(time.perf_counter() - t0)
    conn.execute("ROLLBACK")
    conn.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--new", type=int, default=300)
    ap.add_argument("--dir", type=Path, help="keep the built stores here (reused when present)")
    args = ap.parse_args(argv)
    tmp = tempfile.TemporaryDirectory() if args.dir is None else None
    folder = Path(tmp.name) if tmp else args.dir
    folder.mkdir(parents=True, exist_ok=True)
    print("| stored articles | mean ms per new article | p95 ms |\n| ---: | ---: | ---: |")
    for n in args.sizes:
        path = folder / f"chronicle-{n}.db"
        if not path.exists():
            build(path, n)
        times = sorted(place(path, n, args.new))
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"| {n:,} | {1000 * statistics.mean(times):.2f} | {1000 * p95:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark `kroniek serve`: search API and article page latency at 100k articles.

    python bench/serve.py                          # builds 100k synthetic articles + tantivy index
    python bench/serve.py --db /tmp/k100k.db --keep    # keep the store; later: --reuse

The store is bench/search.py's synthetic Dutch-like corpus (its real schema, its stemmer, 3 %
near-duplicates, dates 2015-2020) with the tantivy index, plus the bundled examples ingested through
the real pipeline so that article pages carry real annotations (quotes, speakers, figures, times,
entities). The server runs as a user runs it (`kroniek serve` in its own process); one keep-alive
HTTP client (TCP_NODELAY, as browsers) sends N requests per case, one at a time, after a short
warm-up, and the wall-clock time of each full request (including reading the body) is measured. Bars (issue 15): search API p95 <
100 ms, article page p95 < 150 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

import search as synthetic  # noqa: E402 - bench/search.py: the synthetic corpus

SEARCHES = [
    ("broad boolean, by relevance", {"q": synthetic.BROAD}),
    ("broad, newest first, 2018", {"q": synthetic.BROAD, "sort": "date", "from": "2018", "to": "2018"}),
    ("phrase", {"q": '"tweede kamer"'}),
    ("selective", {"q": "{rare} {mid}"}),
    ("entity filter + words", {"q": "minister", "entity": "Marleen Verhoef"}),
]


def build(db: str, n: int) -> None:
    from kroniek.chronicle.build import VERSION
    from kroniek.ingest.runner import ingest_paths
    from kroniek.store.sqlite import SQLiteStore

    print(f"building {n:,} synthetic articles + tantivy index into {db}", flush=True)
    synthetic.build(db, n, db + ".tantivy")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 1")  # bench/search.py applies migration 1 only
    conn.close()
    store = SQLiteStore(db)  # the remaining migrations
    # the synthetic articles stay outside the chronicle (no stories or entity records: search and
    # article pages do not need them), so opening the store for ingest does not rebuild it first
    with store.transaction():
        store.conn.execute("UPDATE chronicle_state SET value = ? WHERE key = 'version'", (json.dumps(VERSION),))
    summary = ingest_paths(store, [str(REPO / "examples")], workers=1, on_error=lambda _m: None)
    print(f"  examples: {summary.line()}", flush=True)
    store.close()


def start(db: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "kroniek", "serve", "--db", db, "--port", "0"],
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO / "src"), "KRONIEK_TOKEN": ""})
    assert proc.stdout is not None
    banner = proc.stdout.readline()
    url = banner.split(" at ", 1)[1].split()[0].rstrip("/")
    for _ in range(200):
        try:
            httpx.get(url + "/api/stats", timeout=5)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    return proc, url


def timed(client: httpx.Client, requests: list[tuple[str, dict]], warm: int = 5) -> tuple[float, float, float]:
    for path, params in requests[:warm]:
        client.get(path, params=params).raise_for_status()
    times = []
    for path, params in requests:
        t = time.perf_counter()
        res = client.get(path, params=params)
        res.read()
        times.append((time.perf_counter() - t) * 1000)
        res.raise_for_status()
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], times[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=100, help="requests per case")
    ap.add_argument("--db", help="store to build (default: a temp file)")
    ap.add_argument("--keep", action="store_true", help="keep the built store")
    ap.add_argument("--reuse", action="store_true", help="skip building; --db must exist")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="kroniek-serve-bench-")
    db = args.db or os.path.join(tmp, "bench.db")
    if not args.reuse:
        for p in (db, db + "-wal", db + "-shm"):
            if os.path.exists(p):
                os.remove(p)
        shutil.rmtree(db + ".tantivy", ignore_errors=True)
        build(db, args.n)
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    annotated = [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE annotations != '{}' ORDER BY rowid")]
    conn.close()
    words, _ = synthetic.vocabulary(30_000, synthetic.np.random.default_rng(7))
    rng = random.Random(7)
    proc, url = start(db)
    rows = []
    try:
        # TCP_NODELAY, as browsers set it
        transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
        with httpx.Client(base_url=url, timeout=60, transport=transport) as client:
            n = args.requests
            for name, params in SEARCHES:
                p = {k: v.format(rare=words[2000], mid=words[300]) for k, v in params.items()}
                p50, p95, most = timed(client, [("/api/articles", p)] * n)
                hits = client.get("/api/articles", params=p).json()["total"]
                rows.append(("search API", name, p50, p95, most, f"{hits:,} matches"))
            pages = [(f"/article/{quote(annotated[i % len(annotated)], safe='')}", {}) for i in range(n)]
            p50, p95, most = timed(client, pages)
            rows.append(("article page", f"annotated ({len(annotated)} articles, cycled)", p50, p95, most, "HTML"))
            plain = [(f"/article/s{rng.randrange(1, args.n)}", {}) for _ in range(n)]
            p50, p95, most = timed(client, plain)
            rows.append(("article page", "synthetic, text only (random)", p50, p95, most, "HTML"))
            api_docs = [(f"/api/articles/{quote(annotated[i % len(annotated)], safe='')}", {}) for i in range(n)]
            p50, p95, most = timed(client, api_docs)
            rows.append(("article API", "annotated, full contract JSON", p50, p95, most, "JSON"))
            p50, p95, most = timed(client, [("/", {"q": "minister"})] * n)
            rows.append(("search page", "results + trend chart (HTML)", p50, p95, most, "HTML"))
            trend = {"q": ["minister", "kabinet OR regering"], "per": "month"}
            p50, p95, most = timed(client, [("/api/trends", trend)] * n)
            rows.append(("trends API", "2 queries per month", p50, p95, most, "JSON"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"\n{total:,} articles ({len(annotated)} annotated), {args.requests} requests per case, "
          "one client, keep-alive; ms")
    print(f"{'what':<14} {'case':<40} {'p50':>7} {'p95':>7} {'max':>7}  note")
    for what, name, p50, p95, most, note in rows:
        print(f"{what:<14} {name:<40} {p50:7.1f} {p95:7.1f} {most:7.1f}  {note}")
    if not args.keep and not args.db:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

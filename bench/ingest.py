"""Ingest speed on real news: the 1,438 DPG Media 2019 articles, with 1 and 2 workers.

    python bench/ingest.py [--workers 1 2] [--limit N]

Prints articles/s, words/s and peak RSS (this process and its workers) per run. Each run
ingests into a fresh temporary store with the full default pipeline.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpora/dpgmedia2019-news/dpgMedia2019-articles-byarticle-all.jsonl"


def run(corpus: Path, workers: int, limit: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = corpus
        if limit:
            src = Path(tmp) / "subset.jsonl"
            with corpus.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
                for i, line in enumerate(fh):
                    if i >= limit:
                        break
                    out.write(line)
        db = Path(tmp) / "bench.db"
        cmd = [sys.executable, "-m", "kroniek", "ingest", str(src), "--db", str(db), "-w", str(workers),
               "--field", "published=published_at", "--source", "DPG Media", "-q"]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            raise SystemExit(f"ingest failed: {proc.stderr[-2000:]}")
        stats = json.loads(subprocess.run([sys.executable, "-m", "kroniek", "stats", "--db", str(db), "--json"],
                                          capture_output=True, text=True).stdout)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"workers": workers, "articles": stats["articles"], "words": stats["words"], "seconds": elapsed,
            "articles_s": stats["articles"] / elapsed, "words_s": stats["words"] / elapsed,
            "peak_rss_mb": rss, "summary": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "",
            "quotes": stats["quotes"], "figures": stats["figures"], "timexes": stats["timexes"],
            "entities": stats["entities"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}; skipping (needs ../shared/corpora)")
        return
    print("| workers | articles | words | seconds | articles/s | words/s | peak RSS (MB, largest process) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for w in args.workers:
        r = run(args.corpus, w, args.limit)
        print(f"| {w} | {r['articles']} | {r['words']} | {r['seconds']:.1f} | {r['articles_s']:.1f} | "
              f"{r['words_s']:.0f} | {r['peak_rss_mb']:.0f} |", flush=True)
    print(f"\nlast run: {r['summary']}; {r['entities']} entities, {r['quotes']} quotes, "
          f"{r['figures']} figures, {r['timexes']} timexes")


if __name__ == "__main__":
    main()

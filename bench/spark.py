"""``kroniek spark`` on local[2] against ``kroniek extract`` on the same DPG Media articles.

    python bench/spark.py [--limit 200] [--master local[2]]

Takes the first ``--limit`` articles with text from ../shared/corpora/dpgmedia2019-news (field
``published_at`` written as ``published``), runs ``kroniek extract --workers 2`` and ``kroniek spark
--master local[2]`` on them, checks that the Parquet output equals the extract JSON document for
document, and prints both wall times (Spark's include starting its JVM and Python workers).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpora/dpgmedia2019-news/dpgMedia2019-articles-byarticle-all.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}; skipping (needs ../shared/corpora)")
        return
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "dpg.jsonl"
        n = 0
        with args.corpus.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
            for line in fh:
                rec = json.loads(line)
                if not (rec.get("text") or "").strip():
                    continue
                rec["published"] = rec.pop("published_at", None)
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
                if n >= args.limit:
                    break
        kroniek = [sys.executable, "-m", "kroniek"]
        t0 = time.perf_counter()
        ext = subprocess.run([*kroniek, "extract", str(src), "--workers", "2"], capture_output=True, text=True)
        t_extract = time.perf_counter() - t0
        want = [json.loads(x) for x in ext.stdout.splitlines()]
        t0 = time.perf_counter()
        res = subprocess.run([*kroniek, "spark", str(src), f"{tmp}/out", "--master", args.master],
                             capture_output=True, text=True)
        t_spark = time.perf_counter() - t0
        if res.returncode not in (0, 1):
            raise SystemExit(res.stderr[-3000:])
        got = pq.read_table(f"{tmp}/out").to_pylist()
        for r in got:
            r["stages"] = dict(r["stages"])
        same = sum(1 for a, b in zip(got, want, strict=False) if a == b)
        words = sum(len(d["text"].split()) for d in want)
        print(f"| articles | words | extract --workers 2 | spark {args.master} | identical documents |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        print(f"| {len(want)} | {words:,} | {t_extract:.1f} s | {t_spark:.1f} s | "
              f"{same} / {len(want)}{'' if len(got) == len(want) else f' (spark wrote {len(got)})'} |")


if __name__ == "__main__":
    main()

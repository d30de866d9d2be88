"""Score kroniek against the corrections people gave (web UI or POST /api/corrections).

    python bench/corrections.py --db kroniek.db               # the stored extraction
    python bench/corrections.py --db kroniek.db --reextract   # the current pipeline, run afresh
    python bench/corrections.py --db kroniek.db --failures    # list every fact still judged wrong

Each correction says of one fact (a quote's speaker, a figure, an entity link) that it was right,
or wrong (optionally with the right value). That is evaluation data: the fact at the same span
now should be what was judged right, should equal the right value when one was given, and should
at least differ from what was judged wrong. Facts are found by their span; after --reextract a
span may have moved, so the fact with the largest overlap is taken.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kroniek.queries.corrections import Correction, list_corrections  # noqa: E402
from kroniek.store.sqlite import SQLiteStore  # noqa: E402


def _spans(doc: dict[str, Any], target: str) -> list[tuple[int, int, Any]]:
    if target == "quote_speaker":
        return [(q["content"]["start"], q["content"]["end"], q.get("speaker_name"))
                for q in doc["quotes"]]
    if target == "figure":
        return [(f["start"], f["end"], {k: f.get(k) for k in ("value", "value_max", "qualifier", "unit",
                                                                "subject")}) for f in doc["figures"]]
    return [(e["start"], e["end"], e.get("entity")) for e in doc["entities"]]


def current(doc: dict[str, Any], c: Correction) -> Any:
    """What the document now says at the correction's span (None when nothing is there)."""
    best, most = None, 0
    for start, end, value in _spans(doc, c.target):
        overlap = min(end, c.end) - max(start, c.start)
        if overlap > most:
            best, most = value, overlap
    return best


def _same(target: str, now: Any, expected: Any) -> bool:
    if target != "figure":
        return (now or "").casefold() == (expected or "").casefold()
    if not isinstance(now, dict) or not isinstance(expected, dict):
        return False
    return all(now.get(k) == v for k, v in expected.items() if k in now)


def verdict_holds(c: Correction, now: Any) -> bool:
    """Whether the extraction ``now`` agrees with the person's verdict."""
    judged = c.extracted.get("speaker") if c.target == "quote_speaker" else (
        c.extracted.get("entity") if c.target == "entity" else c.extracted)
    if c.verdict == "right":
        return _same(c.target, now, judged)
    if c.value is not None:
        return _same(c.target, now, c.value)
    return now is not None and not _same(c.target, now, judged)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="kroniek.db")
    ap.add_argument("--reextract", action="store_true", help="run the current pipeline on the judged articles")
    ap.add_argument("--failures", action="store_true", help="list the corrections kroniek still disagrees with")
    args = ap.parse_args()
    store = SQLiteStore(args.db)
    judged = list_corrections(store.conn, limit=1_000_000)
    if not judged:
        sys.exit(f"no corrections in {args.db}; give some in the web UI (kroniek serve --token ...)")
    docs: dict[str, dict[str, Any]] = {}
    pipeline = None
    if args.reextract:
        from kroniek.pipeline.registry import DEFAULT_STAGES, Pipeline

        pipeline = Pipeline(DEFAULT_STAGES)
    for aid in sorted({c.article for c in judged}):
        doc = store.get(aid)
        if doc is None:
            continue
        if pipeline is not None:
            from kroniek.model import Document

            doc = pipeline(Document(article=doc.article))
        docs[aid] = doc.to_dict()
    store.close()
    totals, agree = Counter(), Counter()
    misses = []
    for c in judged:
        doc = docs.get(c.article)
        now = current(doc, c) if doc else None
        key = (c.target, c.verdict if c.value is None else f"{c.verdict}, value given")
        totals[key] += 1
        if verdict_holds(c, now):
            agree[key] += 1
        else:
            misses.append((c, now))
    source = "current pipeline (re-extracted)" if args.reextract else "stored extraction"
    print(f"{len(judged)} corrections in {args.db}, scored against the {source}\n")
    print(f"{'fact':<15} {'verdict':<20} {'n':>5} {'agrees':>7} {'share':>7}")
    for key in sorted(totals):
        print(f"{key[0]:<15} {key[1]:<20} {totals[key]:>5} {agree[key]:>7} {agree[key] / totals[key]:>7.1%}")
    n, a = sum(totals.values()), sum(agree.values())
    print(f"{'all':<15} {'':<20} {n:>5} {a:>7} {a / n:>7.1%}")
    if args.failures:
        print()
        for c, now in misses:
            print(f"#{c.id} {c.article} {c.target} {c.start}-{c.end} {c.verdict}"
                  f"{' -> ' + repr(c.value) if c.value is not None else ''}: kroniek now says {now!r}")


if __name__ == "__main__":
    main()

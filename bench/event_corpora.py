"""Check kroniek's event finder on two external corpora (neither has PLOVER types).

Usage: python bench/event_corpora.py [--limit-sentences N]

* OpenBoek events (Dutch literature, ``../shared/corpora/openboek-events``): every event verb has
  its AGENT and PATIENT spans. Given the gold verb, does kroniek's argument finder
  (``kroniek.extraction.events.arguments``, as the events stage runs it) find the same participants?
  A predicted argument is right when its head token lies inside the gold span (head match);
  P/R/F1 per role over all gold verbs of the sampled sentences.
* MEANTIME Dutch (``../shared/corpora/meantime-nl/factuality_conll_gold``, Wikinews translated):
  gold event mentions of every kind (benoemd, is, werkt, ...). kroniek codes only PLOVER actions,
  so its recall here is low by design; the table shows trigger detection P/R beside an
  every-verb baseline, as a comparison point for the trigger finder.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from kroniek.analysis.dutch_model import get_nlp
from kroniek.extraction.events.arguments import verb_arguments
from kroniek.extraction.events.triggers import Found, find_triggers
from kroniek.extraction.events.vocabulary import Trigger

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
OPENBOEK = CORPORA / "openboek-events" / "events"
MEANTIME = CORPORA / "meantime-nl" / "factuality_conll_gold"
_GENERIC = Trigger("-", "verb", "GENERIC", None, None, None)


def _openboek_sentences(path: Path) -> list[list[tuple[str, str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        parts = line.split("\t")
        if len(parts) >= 4:
            cur.append((parts[1], parts[2], parts[3]))
    if cur:
        sents.append(cur)
    return sents


def _spans(rows: list[tuple[str, str, str]], role: str) -> dict[int, list[tuple[int, int]]]:
    """event token index -> [(first, last) token index] of its ``role`` spans."""
    out: dict[int, list[tuple[int, int]]] = {}
    i = 0
    while i < len(rows):
        label, parent = rows[i][1], rows[i][2]
        if label == f"B-{role}" and parent.lstrip("-").isdigit():
            j = i
            while j + 1 < len(rows) and rows[j + 1][1] == f"I-{role}":
                j += 1
            out.setdefault(int(parent), []).append((i, j))
            i = j + 1
            continue
        i += 1
    return out


def openboek(limit: int) -> Counter[str]:
    nlp = get_nlp()
    c: Counter[str] = Counter()
    n = 0
    for path in sorted(OPENBOEK.glob("*.tsv")):
        for rows in _openboek_sentences(path):
            if n >= limit:
                return c
            events = [i for i, r in enumerate(rows) if r[1] in ("REALIS", "IRREALIS")]
            if not events:
                continue
            n += 1
            words = [r[0] for r in rows]
            doc = nlp(Doc(nlp.vocab, words=words))
            gold = {"AGENT": _spans(rows, "AGENT"), "PATIENT": _spans(rows, "PATIENT")}
            for ev in events:
                actor, target = verb_arguments(Found(doc[ev], _GENERIC, None))
                for role, pred in (("AGENT", actor), ("PATIENT", target)):
                    spans = gold[role].get(ev, [])
                    c[f"{role}_gold"] += len(spans)
                    if pred is None or pred.head is None:
                        continue
                    c[f"{role}_pred"] += 1
                    if any(a <= pred.head.i <= b for a, b in spans):
                        c[f"{role}_ok"] += 1
    return c


def meantime() -> dict[str, Counter[str]]:
    nlp = get_nlp()
    res = {"kroniek": Counter(), "every verb": Counter()}
    for path in sorted(MEANTIME.glob("*.conll")):
        words: list[str] = []
        gold: set[int] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            if parts[2].startswith(("B-E", "I-E")):
                gold.add(len(words))
            words.append(parts[1])
        if not words:
            continue
        doc = nlp(Doc(nlp.vocab, words=words))
        preds = {
            "kroniek": {f.token.i for f in find_triggers(doc)},
            "every verb": {t.i for t in doc if t.pos_ == "VERB"},
        }
        for name, pred in preds.items():
            res[name]["gold"] += len(gold)
            res[name]["pred"] += len(pred)
            res[name]["ok"] += len(pred & gold)
    return res


def _prf(ok: int, pred: int, gold: int) -> str:
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} | {r:.3f} | {f:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit-sentences", type=int, default=3000, help="OpenBoek sentences with events to score")
    args = ap.parse_args(argv)
    if not OPENBOEK.exists() or not MEANTIME.exists():
        print("corpora not found beside the repo (../shared/corpora); skipping")
        return 0
    c = openboek(args.limit_sentences)
    print(f"OpenBoek events, {args.limit_sentences} sentences: argument head match given the gold verb")
    print("| role | P | R | F1 | gold |\n| --- | --- | --- | --- | --- |")
    for role, name in (("AGENT", "agent (actor)"), ("PATIENT", "patient (target)")):
        print(f"| {name} | {_prf(c[role + '_ok'], c[role + '_pred'], c[role + '_gold'])} | {c[role + '_gold']} |")
    m = meantime()
    print("\nMEANTIME Dutch: event mention detection (token level; all event kinds, not only PLOVER)")
    print("| finder | P | R | F1 | predicted |\n| --- | --- | --- | --- | --- |")
    for name, r in m.items():
        print(f"| {name} | {_prf(r['ok'], r['pred'], r['gold'])} | {r['pred']} |")
    print(f"(gold mentions: {m['kroniek']['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark kroniek's SHIPPED Dutch pipeline (src/kroniek/data/nl_kroniek).

    python bench/model.py            # from the repo root; ~3 minutes on one core

Prints: NER exact-span P/R/F1 per label on CoNLL-2002 ned.testa; UPOS / tag / morph / lemma
accuracy, UAS and LAS on the UD dev split made by training/prepare.py; tokens/s on one core over
DPG Media news text with thinc's default (blis) ops and with numpy ops, peak RSS; Frog's speed
if ``frog`` is on PATH; and whether the seed entities get the right type.
Corpora are read from ../shared/corpora (or $KRONIEK_CORPORA); parts whose corpus is missing
are skipped with a message.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # one core, before numpy is imported

import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))
import prepare  # noqa: E402

MODEL = Path(os.environ.get("KRONIEK_BENCH_MODEL", REPO / "src" / "kroniek" / "data" / "nl_kroniek"))
CORPORA = prepare.CORPORA
SEEDS = Path(os.environ.get("KRONIEK_SEEDS", REPO.parent / "shared" / "seeds"))
SPEED_TOKENS = 200_000
EXPECTED = {
    "IS": "ORG",
    "Islamitische Staat": "ORG",
    "Reuters": "ORG",
    "Assad": "PER",
    "Lavrov": "PER",
    "Erdogan": "PER",
    "Jabhat al-Nusra": "ORG",
    "Al-Qaeda": "ORG",
    "Syrië": "LOC",
    "Irak": "LOC",
    "Verenigde Staten": "LOC",
    "Rusland": "LOC",
}


def load(fast_ops: bool = False):
    import spacy
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=not fast_ops))
    return spacy.load(MODEL)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bench_ner(nlp) -> None:
    from spacy.tokens import Doc

    path = CORPORA / "conll2002-ned" / "ned.testa"
    if not path.exists():
        print(f"[skip] NER: {path} not found")
        return
    gold = prepare.ner_docs(nlp.vocab, path, "doc")
    preds = nlp.pipe((Doc(nlp.vocab, words=[t.text for t in g]) for g in gold), batch_size=64)
    counts: dict[str, Counter] = {}
    for g, p in zip(gold, preds, strict=True):
        gs = {(e.start, e.end, e.label_) for e in g.ents}
        ps = {(e.start, e.end, e.label_) for e in p.ents}
        for label in {x[2] for x in gs | ps}:
            c = counts.setdefault(label, Counter())
            gl = {x for x in gs if x[2] == label}
            pl = {x for x in ps if x[2] == label}
            c["tp"] += len(gl & pl)
            c["fp"] += len(pl - gl)
            c["fn"] += len(gl - pl)
    total = sum(counts.values(), Counter())
    print("\nNER, CoNLL-2002 ned.testa, exact span (documents of <=10 sentences, gold tokens)")
    print(f"{'label':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label in sorted(counts) + ["ALL"]:
        c = total if label == "ALL" else counts[label]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{label:8} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp'] + c['fn']:6d}")


def bench_ud(nlp) -> None:
    from spacy.scorer import Scorer
    from spacy.tokens import Doc
    from spacy.training import Example

    missing = [f for f in prepare.UD_FILES if not (CORPORA / f).exists()]
    if missing:
        print(f"[skip] UD: {missing} not found")
        return
    _, dev = prepare.ud_sentences(CORPORA)
    gold = prepare.ud_docs(nlp.vocab, dev)
    preds = list(
        nlp.pipe(
            (
                Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
                for g in gold
            ),
            batch_size=64,
        )
    )
    n = las = uas = 0
    for g, p in zip(gold, preds, strict=True):
        for gt, pt in zip(g, p, strict=True):
            n += 1
            if gt.head.i == pt.head.i:
                uas += 1
                las += gt.dep_ == pt.dep_
    s = Scorer(nlp).score([Example(p, g) for p, g in zip(preds, gold, strict=True)])
    print(f"\nUD dev split ({len(dev)} sentences, {n} tokens; pooled LassySmall dev+test + Alpino dev)")
    rows = [
        ("UPOS", s["pos_acc"]),
        ("XPOS (tag)", s["tag_acc"]),
        ("morph", s["morph_acc"]),
        ("lemma", s["lemma_acc"]),
        ("UAS (excl. punct, spaCy)", s["dep_uas"]),
        ("LAS (excl. punct, spaCy)", s["dep_las"]),
        ("UAS (all tokens)", uas / n),
        ("LAS (all tokens)", las / n),
        ("sentence F1", s["sents_f"]),
    ]
    for name, value in rows:
        print(f"{name:26} {value:.3f}")


def speed_texts() -> list[str]:
    path = CORPORA / "dpgmedia2019-news" / "dpgMedia2019-articles-byarticle-all.jsonl"
    texts, n = [], 0
    with open(path, encoding="utf8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            texts.append(text)
            n += len(text.split())
            if n >= SPEED_TOKENS * 0.85:  # whitespace words -> ~1.15 spaCy tokens each
                break
    return texts


def speed_child(fast_ops: bool) -> None:
    """Runs in a fresh process: load, warm up, time nlp.pipe, report tokens/s and peak RSS."""
    texts = speed_texts()
    nlp = load(fast_ops)
    list(nlp.pipe(texts[:10]))
    start = time.perf_counter()
    n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    secs = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"tokens": n, "seconds": secs, "rss_mb": rss_mb}))


def bench_speed() -> float | None:
    src = CORPORA / "dpgmedia2019-news"
    if not src.exists():
        print(f"[skip] speed: {src} not found")
        return None
    print("\nSpeed, single process, one thread, nlp.pipe(batch_size=32), DPG Media articles")
    best = None
    for fast, name in ((False, "thinc default ops (blis)"), (True, "NumpyOps(use_blis=False)")):
        out = subprocess.run(
            [sys.executable, __file__, "--speed-child", str(int(fast))],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        tps = r["tokens"] / r["seconds"]
        best = max(best or 0, tps)
        print(
            f"{name:26} {tps:8.0f} tokens/s  ({r['tokens']} tokens, {r['seconds']:.1f}s, "
            f"peak RSS {r['rss_mb']:.0f} MB)"
        )
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file()) / 1e6
    print(f"{'model size on disk':26} {size:8.1f} MB")
    return best


def _run_frog(frog: str, texts: list[str], skip: str | None) -> tuple[int, float, float]:
    """Tokens, processing seconds (Frog's own timer) and wall seconds for one Frog run."""
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.txt"
        inp.write_text("\n\n".join(texts), encoding="utf8")
        args = [frog, "-t", str(inp), "-o", str(Path(tmp) / "out.tsv"), "--threads=1"]
        if skip:
            args.append(f"--skip={skip}")
        start = time.perf_counter()
        out = subprocess.run(args, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        n = sum(1 for line in open(Path(tmp) / "out.tsv", encoding="utf8") if line.strip())
    m = re.search(r"Frogging in total took:(.*)", out.stderr + out.stdout)
    secs = wall
    if m:
        units = {"minute": 60, "second": 1, "millisecond": 1e-3, "microsecond": 1e-6}
        secs = sum(
            float(v) * units[u]
            for v, u in re.findall(r"(\d+) (minute|second|millisecond|microsecond)", m.group(1))
        )
    return n, secs, wall


def bench_frog(spacy_tps: float | None) -> None:
    """Frog on the same news text, one thread: without its parser (tokenizer, tagger/lemmatizer,
    morphology, chunker, NER) and with it (the issue's comparison: kroniek also parses)."""
    frog = shutil.which("frog")
    if not frog:
        print("\n[skip] Frog: `frog` not on PATH (apt-get install frog frogdata)")
        return
    texts = speed_texts()[:40]
    print()
    for label, skip in (("parser skipped", "mp"), ("with parser", None)):
        n, secs, wall = _run_frog(frog, texts, skip)
        tps = n / secs
        ratio = f"; kroniek (best ops) is {spacy_tps / tps:.1f}x Frog's speed" if spacy_tps else ""
        print(
            f"Frog, 1 thread, {label}: {tps:.0f} tokens/s on {n} tokens "
            f"(processing only; {n / wall:.0f} tokens/s incl. start-up){ratio}"
        )


def bench_seeds(nlp) -> None:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    if not files:
        print(f"\n[skip] seed entities: no {SEEDS}/*.txt")
        return
    found: dict[str, Counter] = {k: Counter() for k in EXPECTED}
    for f in files:
        text = re.sub(r"^\s*date \d{4}(-\d\d){0,2}\s+", "", f.read_text(encoding="utf8"))
        for ent in nlp(text).ents:
            if ent.text in found:
                found[ent.text][ent.label_] += 1
    print("\nSeed entities (expected -> predicted labels, with counts)")
    ok = 0
    for name, want in EXPECTED.items():
        got = found[name]
        good = bool(got) and got.most_common(1)[0][0] == want
        ok += good
        labels = ", ".join(f"{lab}x{c}" for lab, c in got.most_common()) or "not found"
        print(f"{'OK ' if good else 'BAD'} {name:18} {want:4} -> {labels}")
    print(f"{ok}/{len(EXPECTED)} seed entities typed correctly")


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--speed-child":
        speed_child(bool(int(sys.argv[2])))
        return 0
    if not (MODEL / "meta.json").exists():
        print(f"no shipped model at {MODEL}; run `python training/train.py all`")
        return 1
    if not CORPORA.exists():
        print(f"[skip] corpora not found at {CORPORA}; only the seed check runs")
    nlp = load()
    meta = nlp.meta
    print(f"model {meta.get('name')} {meta.get('version')}  pipeline {nlp.pipe_names}")
    if CORPORA.exists():
        bench_ner(nlp)
        bench_ud(nlp)
        tps = bench_speed()
        bench_frog(tps)
    bench_seeds(nlp)
    # what users get: kroniek adds its sentence rules and gazetteer entity ruler to the model
    sys.path.insert(0, str(REPO / "src"))
    from kroniek.analysis.dutch_model import _load

    print("\n== as kroniek runs it (its sentence rules + gazetteer ruler around the model)")
    as_run = _load(str(MODEL))
    if CORPORA.exists():
        bench_ner(as_run)
    bench_seeds(as_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())

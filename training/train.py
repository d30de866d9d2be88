"""One command for kroniek's Dutch pipeline: prepare -> pretrain -> train UD + NER -> assemble.

    python training/train.py all [--pretrain]   # everything, fixed seeds (~40 min on 2 cores)
    python training/train.py train CFG OUT [--paths.train X ...]   # one training run
    python training/train.py assemble     # merge output/ud + output/ner into the shipped model

Why a Python launcher instead of ``spacy train``: thinc's default CPU ops multiply matrices with
``blis``, which on this hardware is ~3x slower than numpy's OpenBLAS for the widths we use. The
launcher switches to ``NumpyOps(use_blis=False)`` before training (same maths, float32), which
makes every experiment ~2x faster on the same core. Every run uses one thread (set the
``*_NUM_THREADS`` variables below) so two runs can share a 2-core machine.

The two pipelines are trained separately because their corpora annotate different things
(UD: tags/morphology/lemmas/dependencies; CoNLL-2002: entities) and are merged with
``nlp.add_pipe(name, source=...)`` after ``replace_listeners``, so each component keeps its own
tok2vec copy and neither training run has to know about the other's data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = HERE / "corpus"
OUTPUT = HERE / "output"
CONFIGS = HERE / "configs"
SHIPPED = REPO / "src" / "kroniek" / "data" / "nl_kroniek"
VERSION = "0.1.0"
SEED = 0

# Time limits (seconds) for the long steps; the best checkpoint so far is kept when one stops.
PRETRAIN_SECONDS = int(os.environ.get("KRONIEK_PRETRAIN_SECONDS", "900"))
TRAIN_SECONDS = int(os.environ.get("KRONIEK_TRAIN_SECONDS", "3600"))


def use_fast_ops() -> None:
    """Route thinc's matrix products through numpy/OpenBLAS instead of blis (see module doc)."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def train(config: str | Path, output: str | Path, overrides: dict | None = None) -> Path:
    """Train one pipeline from a config with spaCy's own training loop; returns model-best."""
    use_fast_ops()
    from spacy.cli.train import train as spacy_train

    overrides = {"system.seed": SEED, **(overrides or {})}
    spacy_train(Path(config), Path(output), overrides=overrides)
    return Path(output) / "model-best"


def _run_limited(args: list[str], seconds: int, log: Path) -> None:
    """Run a step in a child process; stop it after `seconds` (its best checkpoint survives)."""
    print(f"$ {' '.join(args)}  (limit {seconds}s, log {log})", flush=True)
    with open(log, "w") as fh:
        proc = subprocess.Popen(args, stdout=fh, stderr=subprocess.STDOUT)
        try:
            proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()


def pretrain(config: Path, output: Path, seconds: int = PRETRAIN_SECONDS) -> Path | None:
    """Pretrain the tok2vec of `config` on the unlabelled DPG articles; returns the last weights."""
    output.mkdir(parents=True, exist_ok=True)
    overrides = {"paths.raw_text": str(CORPUS / "pretrain.jsonl"), "system.seed": SEED,
                 "corpora.pretrain.max_length": 0}
    code = (
        "import sys; sys.path.insert(0, %r); import train; train.use_fast_ops();"
        "from spacy.training.pretrain import pretrain; from spacy.util import load_config;"
        "from pathlib import Path;"
        "cfg = load_config(Path(%r), overrides=%r, interpolate=False);"
        "pretrain(cfg.interpolate(), Path(%r), silent=False)"
        % (str(HERE), str(config), overrides, str(output))
    )
    _run_limited([sys.executable, "-c", code], seconds, output / "pretrain.log")
    weights = sorted(output.glob("model*.bin"), key=lambda p: p.stat().st_mtime)
    weights = [w for w in weights if w.name != "model-last.bin"] or weights
    return weights[-1] if weights else None


def train_limited(config: Path, output: Path, overrides: dict, seconds: int = TRAIN_SECONDS) -> Path:
    """`train` in a child process with a wall-clock limit."""
    output.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, str(Path(__file__)), "train", str(config), str(output)]
    for key, value in overrides.items():
        args += [f"--{key}", str(value)]
    _run_limited(args, seconds, output / "train.log")
    return output / "model-best"


def assemble(ud_dir: Path = OUTPUT / "ud" / "model-best",
             ner_dir: Path = OUTPUT / "ner" / "model-best", out: Path = SHIPPED) -> Path:
    """Merge the UD pipeline and the NER pipeline into one, each component with its own tok2vec."""
    import shutil

    import spacy

    ud = spacy.load(ud_dir)
    ner = spacy.load(ner_dir)
    # The NER's listener becomes an inline copy of the NER tok2vec, so it can move alone.
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    # Before the parser: the NER was trained without sentence boundaries, and spaCy's NER will
    # not let an entity cross one, so parser-made boundaries cost ~1.3 F1 when it runs after.
    ud.add_pipe("ner", source=ner, before="parser")
    ud.meta.update({
        "name": "kroniek", "version": VERSION,
        "description": "kroniek's Dutch pipeline: UD tagger/morphologizer/trainable lemmatizer/"
                       "parser (LassySmall+Alpino) + CoNLL-2002 NER, CPU, no vectors.",
        "license": "research-only (CoNLL-2002 NER data); UD parts CC BY-SA 4.0",
        "author": "kroniek", "url": "", "email": "",
        "sources": [
            {"name": "UD Dutch LassySmall (dev+test) + UD Dutch Alpino (dev)",
             "license": "CC BY-SA 4.0"},
            {"name": "CoNLL-2002 Dutch NER", "license": "research use only"},
            {"name": "DPG Media 2019 news (unlabelled, tok2vec pretraining)", "license": "see corpus"},
        ],
    })
    ud.meta["performance"] = {**ud.meta.get("performance", {}),
                              **{k: v for k, v in ner.meta.get("performance", {}).items()
                                 if k.startswith("ents")}}
    ud.meta["lang"] = "nl"
    if out.exists():
        shutil.rmtree(out)
    ud.to_disk(out)
    meta = json.loads((out / "meta.json").read_text())
    meta["name"] = "nl_kroniek"  # spaCy prefixes lang on package; to_disk keeps it as given
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    return out


def run_all(with_pretraining: bool = False) -> None:
    """The full recipe with fixed seeds: what produced the shipped model.

    Step limits live in the configs (max_steps/patience), so the run is reproducible; the
    wall-clock limit is only a guard. Pretraining is off by default: on this data it bought
    ~+0.2 NER F1 / +0.3 LAS for 10 minutes per tok2vec (see the model card), within noise.
    """
    from concurrent.futures import ThreadPoolExecutor

    subprocess.run([sys.executable, str(HERE / "prepare.py")], check=True)
    OUTPUT.mkdir(exist_ok=True)
    ner_cfg, ud_cfg = CONFIGS / "ner.cfg", CONFIGS / "ud.cfg"
    ner_over = {"paths.train": CORPUS / "ner-train-doc.spacy",
                "paths.dev": CORPUS / "ner-dev-doc.spacy"}
    ud_over = {"paths.train": CORPUS / "ud-train.spacy", "paths.dev": CORPUS / "ud-dev.spacy"}
    if with_pretraining:
        with ThreadPoolExecutor(2) as pool:  # one core each
            f_ner = pool.submit(pretrain, ner_cfg, OUTPUT / "pretrain-ner")
            f_ud = pool.submit(pretrain, ud_cfg, OUTPUT / "pretrain-ud")
            w_ner, w_ud = f_ner.result(), f_ud.result()
        if w_ner:
            ner_over["paths.init_tok2vec"] = w_ner
        if w_ud:
            ud_over["paths.init_tok2vec"] = w_ud
    with ThreadPoolExecutor(2) as pool:
        a = pool.submit(train_limited, ner_cfg, OUTPUT / "ner", ner_over)
        b = pool.submit(train_limited, ud_cfg, OUTPUT / "ud", ud_over)
        a.result(), b.result()
    print("assembled:", assemble())


def _value(text: str):
    """Command-line override values as JSON when they parse (numbers, booleans), else strings."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: list[str]) -> int:
    if not argv or argv[0] == "all":
        run_all(with_pretraining="--pretrain" in argv)
    elif argv[0] == "train":
        config, output, rest = argv[1], argv[2], argv[3:]
        overrides = {rest[i].lstrip("-"): _value(rest[i + 1]) for i in range(0, len(rest), 2)}
        train(config, output, overrides)
    elif argv[0] == "pretrain":
        print(pretrain(Path(argv[1]), Path(argv[2]), int(argv[3]) if len(argv) > 3 else PRETRAIN_SECONDS))
    elif argv[0] == "assemble":
        print(assemble(*[Path(a) for a in argv[1:]]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

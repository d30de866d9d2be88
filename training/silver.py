"""Silver UD tags for the tagger/morphologizer: Frog's CGN tags on unlabelled DPG news text.

    python training/silver.py frog          # tag the DPG articles with Frog (apt: frog frogdata)
    python training/silver.py convert [--with-upos]   # Frog TSV -> training/corpus/ud-silver.spacy

UD Dutch XPOS *are* CGN/Lassy tags, so Frog's ``N(soort,ev,basis,zijd,stan)`` is the XPOS
``N|soort|ev|basis|zijd|stan``. UPOS and features come from the gold UD train split's own
table: (XPOS, lemma) -> (UPOS, feats) when the gold data agrees on one reading for that pair
in >= AGREE of its cases, else XPOS -> (UPOS, feats) under the same condition, else the token's
annotation is left missing (spaCy then skips it in the loss). AUX vs VERB, which the XPOS alone
cannot tell, therefore comes from the lemma table or stays missing.

Frog tags every proper-name token ``SPEC(deeleigen)``; Lassy does that only inside multi-word
names and tags a one-word name ``N(eigen,...)``. One-word SPEC(deeleigen) tokens keep UPOS
PROPN but get no XPOS/features. Lemmas and dependencies are left missing (the lemma and parser
losses skip them): Frog's lemma conventions differ from UD Dutch for separable verbs.

``convert(tags_only=True)`` (the default, what the shipped model trains on) keeps only the XPOS:
the mapped UPOS/features cost 1.5 points of UPOS (the mapping disagrees with the gold data
where Frog and Lassy annotate differently), while the XPOS alone raised UPOS, XPOS and LAS —
the shared tok2vec learns from 4x more text (model card, UD table).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import prepare  # noqa: E402

FROG_DIR = HERE / "output" / "frog"
SILVER = prepare.OUT / "ud-silver.spacy"
MAX_WORDS = 1_000_000  # DPG words to tag: all ~496k of them (~9x the gold UD train split)
AGREE = 0.9


def frog_input(path: Path, max_words: int = MAX_WORDS) -> int:
    """The first `max_words` words of DPG article texts, articles separated by blank lines."""
    src = prepare.CORPORA / "dpgmedia2019-news" / "dpgMedia2019-articles-byarticle-all.jsonl"
    parts, n = [], 0
    with open(src, encoding="utf8") as fh:
        for line in fh:
            text = (json.loads(line).get("text") or "").strip()
            if not text:
                continue
            parts.append(text)
            n += len(text.split())
            if n > max_words:
                break
    path.write_text("\n\n".join(parts) + "\n", encoding="utf8")
    return n


def run_frog() -> Path:
    frog = shutil.which("frog")
    if not frog:
        raise SystemExit("frog not on PATH: apt-get install frog frogdata")
    FROG_DIR.mkdir(parents=True, exist_ok=True)
    inp, out = FROG_DIR / "dpg.txt", FROG_DIR / "dpg.tsv"
    frog_input(inp)
    # Tokenizer, tagger and lemmatizer only: skip MWU, parser, chunker, NER, morph analysis.
    subprocess.run(
        [frog, "-t", str(inp), "-o", str(out), "--skip=mpcna", "--threads=1"], check=True, cwd=FROG_DIR
    )
    return out


def frog_sentences(path: Path) -> Iterator[list[tuple[str, str, str]]]:
    """(word, lemma, CGN tag) per token, one list per sentence of Frog's TSV output."""
    sent: list[tuple[str, str, str]] = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or not cols[0].strip():
                if sent:
                    yield sent
                sent = []
                continue
            sent.append((cols[1], cols[2], cols[4]))
    if sent:
        yield sent


def cgn_to_xpos(tag: str) -> str:
    """``N(soort,ev)`` -> ``N|soort|ev``; ``LET()`` -> ``LET``."""
    head, _, rest = tag.partition("(")
    feats = [f for f in rest.rstrip(")").split(",") if f]
    return "|".join([head, *feats])


def reading_tables(gold: list) -> tuple[dict, dict]:
    """(XPOS, lemma) -> reading and XPOS -> reading, for readings the gold data agrees on."""
    by_lemma: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_xpos: dict[str, Counter] = defaultdict(Counter)
    for _, rows in gold:
        for c in rows:
            reading = (c[3], "" if c[5] == "_" else c[5])
            by_lemma[(c[4], c[2].lower())][reading] += 1
            by_xpos[c[4]][reading] += 1

    def agreed(table: dict) -> dict:
        out = {}
        for key, counts in table.items():
            reading, n = counts.most_common(1)[0]
            if n >= AGREE * sum(counts.values()):
                out[key] = reading
        return out

    return agreed(by_lemma), agreed(by_xpos)


def silver_sentence(sent: list[tuple[str, str, str]], lemma_table: dict, xpos_table: dict):
    """Per token (word, xpos, upos, feats); '' where the annotation is left missing."""
    out = []
    for i, (word, lemma, tag) in enumerate(sent):
        xpos = cgn_to_xpos(tag)
        if xpos == "SPEC|deeleigen":
            multi = any(0 <= j < len(sent) and sent[j][2] == tag for j in (i - 1, i + 1))
            if not multi:
                out.append((word, "", "PROPN", ""))
                continue
        reading = lemma_table.get((xpos, lemma.lower())) or xpos_table.get(xpos)
        if reading is None:
            out.append((word, xpos, "", ""))
        else:
            out.append((word, xpos, reading[0], reading[1]))
    return out


def silver_docs(
    vocab, frog_tsv: Path, gold: list, n_sents: int = prepare.N_SENTS, tags_only: bool = True
) -> list:
    from spacy.tokens import Doc

    lemma_table, xpos_table = reading_tables(gold)
    gold_xpos = {c[4] for _, rows in gold for c in rows}
    sents = list(frog_sentences(frog_tsv))
    docs = []
    for i in range(0, len(sents), n_sents):
        words, tags, pos, morphs = [], [], [], []
        for sent in sents[i : i + n_sents]:
            for word, xpos, upos, feats in silver_sentence(sent, lemma_table, xpos_table):
                words.append(word)
                tags.append(xpos if xpos in gold_xpos else "")
                pos.append(upos)
                morphs.append(feats if upos else "")
        if tags_only:
            docs.append(Doc(vocab, words=words, tags=tags))
        else:
            docs.append(Doc(vocab, words=words, tags=tags, pos=pos, morphs=morphs))
    return docs


def convert(frog_tsv: Path = FROG_DIR / "dpg.tsv", tags_only: bool = True) -> Path:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("nl")
    train, _ = prepare.ud_sentences()
    docs = silver_docs(nlp.vocab, frog_tsv, train, tags_only=tags_only)
    DocBin(docs=docs).to_disk(SILVER)
    n = sum(len(d) for d in docs)
    n_pos = sum(1 for d in docs for t in d if t.pos_)
    n_tag = sum(1 for d in docs for t in d if t.tag_)
    print(f"{SILVER.name}: {len(docs)} docs, {n} tokens, UPOS on {n_pos / n:.1%}, XPOS on {n_tag / n:.1%}")
    return SILVER


if __name__ == "__main__":
    if sys.argv[1:2] == ["frog"]:
        print(run_frog())
    elif sys.argv[1:2] == ["convert"]:
        paths = [Path(a) for a in sys.argv[2:] if not a.startswith("--")]
        convert(*paths[:1], tags_only="--with-upos" not in sys.argv)
    else:
        print(__doc__)

"""Convert the shared corpora into spaCy DocBins under training/corpus/.

Why a script and not committed data: the corpora have their own licences (CoNLL-2002 is
research-only), so the repository only holds the recipe; the text is read from
``../shared/corpora`` (or ``$KRONIEK_CORPORA``) every time the recipe runs.

Outputs (all deterministic):
  ner-train-sent.spacy / ner-dev-sent.spacy   one CoNLL-2002 sentence per Doc
  ner-train-doc.spacy  / ner-dev-doc.spacy    consecutive sentences of one -DOCSTART- document
                                              merged into Docs of up to N_SENTS sentences
  ud-train.spacy / ud-dev.spacy               pooled UD Dutch (LassySmall dev+test, Alpino dev),
                                              split ~90/10 by a salted hash of sent_id
  pretrain.jsonl                              unlabelled DPG Media article texts
  vectors.txt                                 unlabelled tokenized text for floret vectors: DPG
                                              articles, ned.train words, the UD train split,
                                              MEANTIME and OpenBoek tokens (never a dev set)
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPORA = Path(os.environ.get("KRONIEK_CORPORA", REPO.parent / "shared" / "corpora"))
OUT = HERE / "corpus"

UD_FILES = [
    "ud-dutch-lassysmall/nl_lassysmall-ud-dev.conllu",
    "ud-dutch-lassysmall/nl_lassysmall-ud-test.conllu",
    "ud-dutch-alpino/nl_alpino-ud-dev.conllu",
]
SPLIT_SALT = "kroniek-ud-split-v1"
DEV_PERCENT = 10
N_SENTS = 10


# ---------------------------------------------------------------- UD ----------


def is_ud_dev(sent_id: str) -> bool:
    """Deterministic dev membership: salted md5 of the sentence id, ~DEV_PERCENT % in dev."""
    h = hashlib.md5((SPLIT_SALT + sent_id).encode("utf8")).hexdigest()
    return int(h[:8], 16) % 100 < DEV_PERCENT


def read_conllu(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """Yield (sent_id, token rows) per sentence; multiword/empty-node lines are skipped."""
    sent_id, rows = "", []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield sent_id, rows
                sent_id, rows = "", []
            elif line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                rows.append(cols)
    if rows:
        yield sent_id, rows


def ud_sentences(corpora: Path = CORPORA) -> tuple[list, list]:
    """All pooled UD sentences as (train, dev) lists of (sent_id, rows)."""
    train, dev = [], []
    for rel in UD_FILES:
        for sent_id, rows in read_conllu(corpora / rel):
            key = f"{rel}:{sent_id}"
            (dev if is_ud_dev(key) else train).append((key, rows))
    return train, dev


def ud_doc(vocab, sents: list) -> object:
    """One spaCy Doc from several UD sentences (heads made doc-relative)."""
    from spacy.tokens import Doc

    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for _, rows in sents:
        offset = len(words)
        for i, c in enumerate(rows):
            words.append(c[1])
            spaces.append("SpaceAfter=No" not in c[9])
            lemmas.append(c[2])
            pos.append(c[3])
            tags.append(c[4])
            morphs.append("" if c[5] == "_" else c[5])
            head = int(c[6])
            heads.append(offset + i if head == 0 else offset + head - 1)
            deps.append(c[7])
            starts.append(i == 0)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def ud_docs(vocab, sents: list, n_sents: int = N_SENTS) -> list:
    return [ud_doc(vocab, sents[i : i + n_sents]) for i in range(0, len(sents), n_sents)]


# ---------------------------------------------------------------- CoNLL-2002 --


def read_conll2002(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (word, IOB tag): the same reader users' IOB files go through."""
    from kroniek.analysis.training import read_iob

    return read_iob(path)


def iob_doc(vocab, sents: list):
    """A Doc with gold entities from IOB tags: the same conversion `kroniek train ner` uses."""
    from kroniek.analysis.training import doc_from_iob_sentences

    return doc_from_iob_sentences(vocab, sents)


def ner_docs(vocab, path: Path, level: str, n_sents: int = N_SENTS) -> list:
    out = []
    for doc_sents in read_conll2002(path):
        if level == "sent":
            out.extend(iob_doc(vocab, [s]) for s in doc_sents)
        else:
            out.extend(iob_doc(vocab, doc_sents[i : i + n_sents]) for i in range(0, len(doc_sents), n_sents))
    return out


# ---------------------------------------------------------------- vectors ----


def vectors_lines(tokenizer, corpora: Path = CORPORA) -> Iterator[str]:
    """Space-separated tokens, one text unit per line, for training static word vectors.

    Only text that is no dev set of ours: DPG Media articles (re-tokenized with spaCy's Dutch
    tokenizer so the words match what the pipeline sees), CoNLL-2002 ``ned.train``, the UD
    train split, MEANTIME (factuality CoNLL files) and OpenBoek (event TSVs: novels).
    """
    dpg = corpora / "dpgmedia2019-news" / "dpgMedia2019-articles-byarticle-all.jsonl"
    if dpg.exists():
        with open(dpg, encoding="utf8") as fh:
            for line in fh:
                article = json.loads(line)
                for part in (article.get("title") or "", article.get("text") or ""):
                    for para in part.split("\n"):
                        words = [t.text for t in tokenizer(para) if not t.is_space]
                        if words:
                            yield " ".join(words)
    conll = corpora / "conll2002-ned" / "ned.train"
    if conll.exists():
        for doc_sents in read_conll2002(conll):
            for sent in doc_sents:
                yield " ".join(w for w, _ in sent)
    if (corpora / UD_FILES[0]).exists():
        for _, rows in ud_sentences(corpora)[0]:
            yield " ".join(c[1] for c in rows)
    for path in sorted((corpora / "meantime-nl" / "factuality_conll_gold").glob("*.conll")):
        yield from _column_sentences(path, 1, comment="#")
    for path in sorted((corpora / "openboek-events" / "events").glob("*.tsv")):
        yield from _column_sentences(path, 1, comment="#")


def _column_sentences(path: Path, col: int, comment: str) -> Iterator[str]:
    """Sentences of a one-token-per-line file (blank line between sentences), column `col`."""
    words: list[str] = []
    with open(path, encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith(comment):
                continue
            if not line.strip():
                if words:
                    yield " ".join(words)
                words = []
                continue
            cols = line.split("\t")
            if len(cols) > col and cols[col] and " " not in cols[col]:
                words.append(cols[col])
    if words:
        yield " ".join(words)


# ---------------------------------------------------------------- main -------


def main() -> int:
    import spacy
    from spacy.tokens import DocBin

    if not CORPORA.exists():
        print(f"corpora not found at {CORPORA}; set KRONIEK_CORPORA", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nl")
    conll = CORPORA / "conll2002-ned"
    for split, fname in (("train", "ned.train"), ("dev", "ned.testa")):
        for level in ("sent", "doc"):
            docs = ner_docs(nlp.vocab, conll / fname, level)
            DocBin(docs=docs, store_user_data=False).to_disk(OUT / f"ner-{split}-{level}.spacy")
            print(f"ner-{split}-{level}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")
    train, dev = ud_sentences()
    for split, sents in (("train", train), ("dev", dev)):
        docs = ud_docs(nlp.vocab, sents)
        DocBin(docs=docs).to_disk(OUT / f"ud-{split}.spacy")
        print(f"ud-{split}: {len(sents)} sentences, {sum(len(d) for d in docs)} tokens")
    n = 0
    with open(OUT / "pretrain.jsonl", "w", encoding="utf8") as out:
        src = CORPORA / "dpgmedia2019-news" / "dpgMedia2019-articles-byarticle-all.jsonl"
        with open(src, encoding="utf8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                    n += 1
    print(f"pretrain.jsonl: {n} texts")
    n_lines = n_tokens = 0
    with open(OUT / "vectors.txt", "w", encoding="utf8") as out:
        for line in vectors_lines(nlp.tokenizer):
            out.write(line + "\n")
            n_lines += 1
            n_tokens += line.count(" ") + 1
    print(f"vectors.txt: {n_lines} lines, {n_tokens} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())

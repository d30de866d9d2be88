"""Smoke tests for kroniek.analysis.training: a user's own IOB file -> a loadable spaCy NER pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy")

from kroniek.analysis.training import convert_iob, train_ner  # noqa: E402
from kroniek.errors import KroniekError  # noqa: E402

# Sentences written for this test (not taken from any corpus).
SENTENCES = [
    [("Jan", "B-PER"), ("Jansen", "I-PER"), ("woont", "O"), ("in", "O"), ("Utrecht", "B-LOC"), (".", "O")],
    [("Petra", "B-PER"), ("de", "I-PER"), ("Vries", "I-PER"), ("werkt", "O"), ("bij", "O"),
     ("Rijkswaterstaat", "B-ORG"), (".", "O")],
    [("Het", "O"), ("bedrijf", "O"), ("Zonnebloem", "B-ORG"), ("opent", "O"), ("een", "O"),
     ("kantoor", "O"), ("in", "O"), ("Groningen", "B-LOC"), (".", "O")],
    [("Gisteren", "O"), ("regende", "O"), ("het", "O"), ("in", "O"), ("Zwolle", "B-LOC"), (".", "O")],
]


def write_iob(path: Path, sentences=SENTENCES) -> Path:
    lines = ["-DOCSTART- -X- O", ""]
    for sent in sentences:
        lines += [f"{w} X {t}" for w, t in sent] + [""]
    path.write_text("\n".join(lines), encoding="utf8")
    return path


def test_convert_iob_reads_entities(tmp_path):
    db = convert_iob(write_iob(tmp_path / "a.iob"), n_sents=1)
    import spacy

    docs = list(db.get_docs(spacy.blank("nl").vocab))
    assert len(docs) == len(SENTENCES)
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Jan Jansen", "PER"), ("Utrecht", "LOC")]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_train_ner_smoke(tmp_path):
    import spacy

    train = write_iob(tmp_path / "train.iob")
    dev = write_iob(tmp_path / "dev.iob", SENTENCES[:2])
    model_dir = train_ner(train, dev, tmp_path / "model", max_steps=4, seed=0)
    assert (model_dir / "meta.json").exists()
    nlp = spacy.load(model_dir)
    doc = nlp("Jan Jansen woont in Utrecht.")
    assert isinstance(doc, spacy.tokens.Doc)
    assert "ner" in nlp.pipe_names


def test_malformed_iob_names_line(tmp_path):
    bad = tmp_path / "bad.iob"
    bad.write_text("Jan B-PER\nJansen\n\nUtrecht X Q-LOC\n", encoding="utf8")
    with pytest.raises(KroniekError, match=r"bad\.iob:2"):
        convert_iob(bad)
    bad.write_text("Jan B-PER\n\nUtrecht X Q-LOC\n", encoding="utf8")
    with pytest.raises(KroniekError, match=r"bad\.iob:3.*Q-LOC"):
        convert_iob(bad)

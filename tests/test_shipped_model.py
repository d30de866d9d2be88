"""The shipped Dutch pipeline (src/kroniek/data/nl_kroniek) on sentences written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL = Path(__file__).resolve().parent.parent / "src" / "kroniek" / "data" / "nl_kroniek"

pytestmark = pytest.mark.skipif(
    not (MODEL / "meta.json").exists(), reason="shipped model not built yet (training/train.py all)"
)

TEXT = (
    "Premier Mark Rutte sprak dinsdag in Amsterdam met de directie van Philips. "
    "Volgens het bedrijf worden er volgend jaar honderd banen geschrapt. "
    "De vakbond FNV noemt dat besluit onverstandig."
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


def test_meta(nlp):
    assert nlp.meta["name"] == "nl_kroniek"
    for name in ("tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names


def test_entities(nlp):
    ents = {e.text: e.label_ for e in nlp(TEXT).ents}
    assert ents.get("Mark Rutte") == "PER"
    assert ents.get("Amsterdam") == "LOC"
    assert ents.get("FNV") == "ORG"


@pytest.mark.xfail(reason="known weakness of the CoNLL-2002-trained NER (0.1.0 to 0.4.0): it types Philips as PER "
                   "in every context tried; see MODEL_CARD.md (kroniek's gazetteer ruler fixes it: next test)",
                   strict=False)
def test_company_is_org(nlp):
    ents = {e.text: e.label_ for e in nlp(TEXT).ents}
    assert ents.get("Philips") == "ORG"


def test_company_is_org_as_kroniek_runs_the_model():
    from kroniek.analysis.dutch_model import get_nlp

    ents = {e.text: e.label_ for e in get_nlp()(TEXT).ents}
    assert ents.get("Philips") == "ORG"


def test_syntax_and_sentences(nlp):
    doc = nlp(TEXT)
    assert all(tok.pos_ and tok.dep_ for tok in doc)
    # the bare parser (since 0.2.0) may split "Premier | Mark Rutte"; kroniek runs it behind its sentence
    # rules (only final punctuation ends a sentence), which is what users get
    from kroniek.analysis.dutch_model import get_nlp

    assert [s.text for s in get_nlp()(TEXT).sents] == [
        "Premier Mark Rutte sprak dinsdag in Amsterdam met de directie van Philips.",
        "Volgens het bedrijf worden er volgend jaar honderd banen geschrapt.",
        "De vakbond FNV noemt dat besluit onverstandig.",
    ]
    lemmas = {tok.text: tok.lemma_ for tok in doc}
    assert lemmas["worden"] == "worden"
    assert lemmas["banen"] == "baan"


def test_each_component_has_own_tok2vec(nlp):
    # UD components listen to the pipeline's tok2vec; the NER carries its own copy.
    ner = nlp.get_pipe("ner")
    assert "ner" not in getattr(nlp.get_pipe("tok2vec"), "listening_components", [])
    assert ner.model.get_ref("tok2vec") is not None

"""Analysis stage: tokens, sentences, POS, morphology, lemmas, dependencies and raw NER spans.

Runs kroniek's own Dutch spaCy pipeline, shipped inside the package (``kroniek/data/nl_kroniek``),
fully offline. ``KRONIEK_MODEL`` points at another spaCy pipeline directory (e.g. one made with
``kroniek train ner``). Without a shipped model it falls back to spaCy's rule-based Dutch
tokenizer and sentencizer, so the rest of the pipeline still works (without POS/NER).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.errors import PipelineError
from kroniek.model import Document, Sentence, Token
from kroniek.pipeline.registry import stage

SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "data" / "nl_kroniek"


def model_path() -> Path | None:
    """The spaCy pipeline directory to use, or None for the rule-based fallback."""
    override = os.environ.get("KRONIEK_MODEL")
    if override:
        path = Path(override)
        if not (path / "meta.json").exists():
            raise PipelineError(
                f"KRONIEK_MODEL={override!r} is not a spaCy pipeline directory (no meta.json); "
                "point it at the output folder of `kroniek train ner` or unset it"
            )
        return path
    return SHIPPED_MODEL if (SHIPPED_MODEL / "meta.json").exists() else None


def _use_fast_ops() -> None:
    """Run thinc's matrix products through numpy/OpenBLAS instead of blis.

    Measured with ``bench/model.py`` on the 2-core development machine: ~1.7x more tokens/s for
    the shipped CNN pipeline, same weights and outputs of the same kind.
    ``KRONIEK_BLIS=1`` keeps thinc's default.
    """
    if os.environ.get("KRONIEK_BLIS") == "1":
        return
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


@lru_cache(maxsize=4)
def _load(path: str | None) -> Any:
    import spacy

    _use_fast_ops()

    if path is None:
        nlp = spacy.blank("nl")
        nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.load(path)
    if "parser" in nlp.pipe_names:
        from .sentence_rules import COMPONENT

        nlp.add_pipe(COMPONENT, first=True)
    if os.environ.get("KRONIEK_GAZETTEER") != "0":
        from .gazetteer import add_to

        add_to(nlp)
    if not any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    return nlp


def get_nlp() -> Any:
    """The loaded spaCy pipeline (cached per process)."""
    path = model_path()
    return _load(str(path) if path else None)


def model_version() -> str:
    nlp = get_nlp()
    return f"{nlp.meta.get('name', 'blank')}-{nlp.meta.get('version', '0')}"


def tokens_from_spacy(sdoc: Any) -> list[Token]:
    out = []
    for tok in sdoc:
        out.append(
            Token(
                start=tok.idx,
                end=tok.idx + len(tok.text),
                text=tok.text,
                pos=tok.pos_,
                tag=tok.tag_,
                lemma=tok.lemma_,
                morph=str(tok.morph),
                head=tok.head.i,
                dep=tok.dep_,
            )
        )
    return out


def analyse(doc: Document, sdoc: Any) -> Document:
    """Copy a spaCy analysis onto the document (shared by the single and batched paths)."""
    doc.analysis = sdoc
    doc.tokens = tokens_from_spacy(sdoc)
    doc.sentences = [
        Sentence(s.start_char, s.start_char + len(s.text.rstrip())) for s in sdoc.sents if s.text.strip()
    ]
    return doc


def run_analysis_batch(docs: list[Document]) -> list[Document]:
    """The same analysis for many documents through ``nlp.pipe`` (much faster than one by one)."""
    nlp = get_nlp()
    return [analyse(d, s) for d, s in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True)]


@stage(
    "analysis",
    requires={"text"},
    provides={"tokens", "sentences", "pos", "lemmas", "dependencies", "ner"},
    version=9,  # 9: a capitalised word after a quotation that ended a sentence starts one; 8: an opening quote mark after a full stop starts a sentence; 4: nl_kroniek 0.2.0 (new tagger/parser); 5: 0.3.0 (name-list features); 6: 0.4.0 (NER from a teacher); 7: sentence rules know abbreviations, gazetteer grows
    batch=run_analysis_batch,
)
def run_analysis(doc: Document) -> Document:
    """Analyse the article body with the Dutch model."""
    return analyse(doc, get_nlp()(doc.text))

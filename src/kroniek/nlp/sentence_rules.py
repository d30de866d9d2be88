"""Sentence-boundary constraints that the statistical parser must respect.

The shipped parser learns sentence boundaries from ~60k UD tokens and splits news text in odd
places: inside a name ("minister van Financiën Marleen | Verhoef"), right after an opening quote
mark, across a paragraph break without a break. Every later stage (quotes, figures, timexes) works
per sentence, so these errors cost attribution. Written Dutch news marks its sentence ends, so we
pin what is certain before the parser runs and leave only real candidates to it:

* a paragraph break (a newline) always starts a sentence;
* after sentence-final punctuation (. ! ? … and a closing quote mark behind one) the parser
  decides (abbreviations, "o.a.", "2,5 mld." stay its call);
* everywhere else a sentence cannot start.

spaCy's parser never breaks where ``is_sent_start`` is False and always breaks where it is True.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

COMPONENT = "kroniek_sentence_rules"
_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "?'", "!'"})
_CLOSERS = frozenset({"'", '"', "’", "”", "''", "»", ")"})


def _may_end(tok: Any) -> bool:
    """Whether a sentence may end after ``tok`` (final punctuation, or a closing mark after it)."""
    text = tok.text
    if text in _FINAL or (len(text) > 1 and text.endswith(".")):
        return True
    if text in _CLOSERS and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        return prev.text in _FINAL and not prev.whitespace_
    return False


@Language.component(COMPONENT)
def sentence_rules(doc: Any) -> Any:
    """Set ``is_sent_start`` from paragraph breaks and final punctuation (see the module doc)."""
    if not len(doc):
        return doc
    prev_real = None if doc[0].is_space else doc[0]  # the last token that is not whitespace
    newline = False
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if before.is_space:
            newline = newline or "\n" in before.text
        elif "\n" in before.whitespace_:
            newline = True
        if tok.is_space:
            tok.is_sent_start = False
            continue
        if newline and prev_real is not None:
            tok.is_sent_start = True
        elif prev_real is None or not _may_end(prev_real):
            tok.is_sent_start = False
        elif tok.text in _CLOSERS and not before.whitespace_:
            tok.is_sent_start = False  # "komt.'": the closing mark belongs to its sentence
        # else: leave it to the parser (None)
        newline = False
        prev_real = tok
    return doc

"""Sentence-boundary constraints that the statistical parser must respect.

The shipped parser learns sentence boundaries from ~60k UD tokens and splits news text in odd
places: inside a name ("minister van Financiën Marleen | Verhoef"), right after an opening quote
mark, across a paragraph break without a break. Every later stage (quotes, figures, timexes) works
per sentence, so these errors cost attribution. Written Dutch news marks its sentence ends, so we
pin what is certain before the parser runs and leave only real candidates to it:

* a paragraph break (a newline) always starts a sentence;
* after sentence-final punctuation (. ! ? … and a closing quote mark behind one) the parser
  decides ("2,5 mld." stays its call);
* but never after a title ("dr. Jansen", "mr. De Vries"), and not before a lower-case word after
  an initial ("kocht V. van het geld") or a listed abbreviation ("o.a. de politie", "m.b.t.
  de zaak") — the parser split such sentences, and a quote's speaker went with the split;
* an opening quote mark after final punctuation and a space, before a capital, starts one
  ('in de cel. "En ik weet ...': the parser kept such pairs together), and so does a capitalised
  word after a quotation that ended with final punctuation ('"Het plan deugt niet." Ze meent');
* everywhere else a sentence cannot start.

spaCy's parser never breaks where ``is_sent_start`` is False and always breaks where it is True.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language

from kroniek.lexicon import ABBREVIATIONS

COMPONENT = "kroniek_sentence_rules"
_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "?'", "!'"})
_CLOSERS = frozenset({"'", '"', "’", "”", "''", "»", ")"})
_OPENERS = frozenset({'"', "“", "„", ",,", "'", "‘", "«"})


def _abbreviation(tok: Any) -> str | None:
    """'title' for "dr.", "mr."; 'abbreviation' for "o.a.", "m.b.t." and initials ("V.", "J.P.")."""
    low = tok.text.lower()
    kind = ABBREVIATIONS.get(low)
    if kind:
        return kind
    t = tok.text
    if len(t) >= 2 and t.endswith(".") and all(p[:1].isupper() and len(p) == 1 for p in t[:-1].split(".")):
        return "abbreviation"  # an initial or a run of them
    return None


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
    # one SENT_START array instead of the per-token setter: that setter rescans the whole Doc
    # for a parse each time (quadratic: 70 % of this component's time on news articles)
    starts = [1 if doc[0].is_sent_start else 0] + [0] * (len(doc) - 1)  # 1 start, -1 not, 0 parser
    before = doc[0]
    prev_real = None if before.is_space else before  # the last token that is not whitespace
    newline = False
    for tok in doc[1:]:
        prev, before = before, tok
        if prev.is_space:
            newline = newline or "\n" in prev.text
        elif "\n" in prev.whitespace_:
            newline = True
        if tok.is_space:
            starts[tok.i] = -1
            continue
        if newline and prev_real is not None:
            starts[tok.i] = 1
        elif prev_real is None or not _may_end(prev_real):
            starts[tok.i] = -1
        elif (kind := _abbreviation(prev_real)) and (kind == "title" or tok.text[:1].islower()):
            starts[tok.i] = -1  # "dr. Jansen", "kocht V. van het geld", "o.a. de politie"
        elif tok.text in _CLOSERS and not prev.whitespace_:
            starts[tok.i] = -1  # "komt.'": the closing mark belongs to its sentence
        elif (
            tok.text in _OPENERS
            and prev.whitespace_
            and not tok.whitespace_
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text[:1].isupper()
            and not _abbreviation(prev_real)
        ):
            starts[tok.i] = 1  # 'in de cel. "En ik weet ...': a quotation opens a new sentence
        elif prev_real.text in _CLOSERS and prev.whitespace_ and tok.text[:1].isupper() and tok.is_alpha:
            starts[tok.i] = 1  # 'zei: "Het plan deugt niet." Ze meent ...': the quote has ended
        # else: leave it to the parser (0)
        newline = False
        prev_real = tok
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc

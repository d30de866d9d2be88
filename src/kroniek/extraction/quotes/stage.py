"""The quotes stage: direct and indirect speech with speakers, source chains and topics.

Rule based over paragraphs and sentences (regexes and lexicon lookups, no per-token model calls)
so it adds little to pipeline time and works with or without the trained model. Precision is
preferred: scare quotes, titles and the author's own hedges are not quotes.

The steps, each in its own module: ``direct`` finds quoted passages and their attribution
(``attribution``), ``indirect`` finds reported clauses (``clauses``), views (``stances``, ``views``) and attributed statements
(``attributed``: volgens, aldus, colon forms), ``assemble`` merges them, ``naming`` (with
``dialogue`` and the ``speakers`` package) decides each speaker, and ``assemble`` builds the quotes.
"""

from __future__ import annotations

from kroniek.model import Document, Quote
from kroniek.pipeline.registry import stage

from .assemble import build, imagined, merge
from .context import Context
from .direct import find_direct
from .indirect import find_indirect
from .naming import name_speakers


def extract_quotes(doc: Document) -> list[Quote]:
    """All quotes of a document (the stage body, usable on its own)."""
    ctx = Context(doc)
    find_direct(ctx)
    find_indirect(ctx)
    items = imagined(ctx, merge(ctx))
    name_speakers(ctx, items)
    return build(ctx, items)


@stage("quotes", requires={"sentences", "entities"}, provides={"quotes"}, version=9)  # 9: plural pronouns speak for the group just named, te-infinitives the parse hangs elsewhere, passive calls with "door", "staat op het standpunt dat", research in mid-sentence; 8: labelling without marks, names cut by a cue made whole, subjects after "hoe"/"nadat"; 7: mixed quote marks, "naar eigen zeggen", the name in apposition speaks; 4: one role-noun list (lexicon); 5: kinds (issue 17); 6: "liet weten", "raadt aan", addressees of calls, title compounds, names glued to a club
def find_quotes(doc: Document) -> Document:
    """Fill ``doc.quotes`` with direct and indirect speech, speakers and source chains."""
    doc.quotes = extract_quotes(doc)
    return doc

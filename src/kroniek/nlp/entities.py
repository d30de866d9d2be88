"""Entities stage: named-entity mentions from the analysis, with in-article canonical names."""

from __future__ import annotations

from ..model import Document, Entity
from .pipeline import stage

LABELS = {"PER", "ORG", "LOC", "MISC"}


@stage("entities", requires={"ner"}, provides={"entities"}, version=1)
def find_entities(doc: Document) -> Document:
    """Turn the model's entity spans into Entity annotations."""
    sdoc = doc.analysis
    if sdoc is None:
        return doc
    doc.entities = [
        Entity(start=e.start_char, end=e.end_char, text=e.text, label=e.label_, entity=e.text)
        for e in sdoc.ents
        if e.label_ in LABELS
    ]
    return doc

"""The timexes stage: time expressions found and resolved (``find``), then each figure dated by
the time expression nearest to it in its sentence."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right

from kroniek.model import Document
from kroniek.pipeline.registry import stage

from .find import find_in_text
from .resolve.tense import tenses


def _figure_times(doc: Document) -> None:
    """Give each figure the DATE/TIME timex nearest to it in its sentence (one with a year)."""
    if not doc.figures or not doc.timexes:
        return
    sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    starts = [s for s, _ in sents]
    figures = []
    for f in doc.figures:
        if f.time is not None:
            figures.append(f)
            continue
        s, e = sents[max(0, bisect_right(starts, f.start) - 1)]
        near = [
            t
            for t in doc.timexes
            if s <= t.start < e
            and t.type in ("DATE", "TIME")
            and t.value not in ("PAST_REF", "FUTURE_REF")
            and not t.value.startswith("XXXX")  # 'in de nacht', 'de volgende dag': no date to give
        ]
        if not near:
            figures.append(f)
            continue
        t = min(near, key=lambda t: abs(t.start - f.start))
        value = t.value
        if value == "PRESENT_REF":
            value = doc.published.value if doc.published else value
        figures.append(dataclasses.replace(f, time=value))
    doc.figures = figures


@stage("timexes", requires={"sentences"}, provides={"timexes"}, version=8)  # 8: bare plurals after "na", "in", "stond" ("na jaren"), the adverb "recent"; Palmzondag and Witte Donderdag, a holiday in a present sentence is the nearest, years after "vóór" and "uit 18xx", "tot het verleden"; 7: vague counts back or ahead name no day, "N weken geleden" a week, "de volgende dag" with no time before from the publication day, "de afgelopen week" P1W, decades and centuries, "toen hij 11 jaar was" an age; 6: dates without a year near the publication, "per 1 mei", voorheen, "het afgelopen jaar" P1Y; 5: ranges as intervals, compound dates, clause tense
def find_timexes(doc: Document) -> Document:
    """Fill ``doc.timexes``; also date the figures found earlier in the same sentences."""
    sents = [(s.start, s.end) for s in doc.sentences]
    by_sentence, by_clause = tenses(doc)
    doc.timexes = find_in_text(doc.text, doc.published, sents, by_sentence, by_clause)
    _figure_times(doc)
    return doc

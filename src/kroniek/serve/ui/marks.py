"""An article's text cut into segments, each knowing which annotations cover it, so the page
can mark every quote, speaker, cue, figure, time expression, entity and event, even where
they overlap (a figure inside a quote, a speaker that is also an entity)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: kind -> (id prefix, Dutch name); the order is the order of the lists under the text.
KINDS = {"quote": ("q", "citaat"), "speaker": ("s", "spreker"), "cue": ("c", "citeerwerkwoord"),
         "figure": ("f", "cijfer"), "timex": ("t", "tijd"), "entity": ("e", "entiteit"),
         "event": ("v", "gebeurtenis")}


@dataclass(frozen=True)
class Mark:
    id: str  # "q3": kind prefix + index in its list
    kind: str
    start: int
    end: int
    data: dict[str, Any]  # the annotation as the contract has it
    index: int  # in its list (quotes[3])


@dataclass
class Segment:
    text: str
    marks: list[str] = field(default_factory=list)  # ids, innermost (shortest) first
    kinds: list[str] = field(default_factory=list)
    anchor: str | None = None  # "span-START-END" where an annotation starts here


def marks_of(doc: dict[str, Any]) -> list[Mark]:
    out: list[Mark] = []
    for i, q in enumerate(doc.get("quotes") or []):
        out.append(Mark(f"q{i}", "quote", q["content"]["start"], q["content"]["end"], q, i))
        if q.get("speaker"):
            out.append(Mark(f"s{i}", "speaker", q["speaker"]["start"], q["speaker"]["end"], q, i))
        if q.get("cue"):
            out.append(Mark(f"c{i}", "cue", q["cue"]["start"], q["cue"]["end"], q, i))
    for kind, key in (("figure", "figures"), ("timex", "timexes"), ("entity", "entities"),
                      ("event", "events")):
        prefix = KINDS[kind][0]
        for i, a in enumerate(doc.get(key) or []):
            if "start" in a and "end" in a:
                out.append(Mark(f"{prefix}{i}", kind, a["start"], a["end"], a, i))
    n = len(doc.get("text") or "")
    return [m for m in out if 0 <= m.start < m.end <= n]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Consecutive pieces of ``text``; a piece starts or ends wherever an annotation does."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    open_: list[Mark] = []
    out: list[Segment] = []
    anchored: set[tuple[int, int]] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        open_ = [m for m in open_ if m.end > a] + starting.get(a, [])
        inner = sorted(open_, key=lambda m: (m.end - m.start, m.id))
        anchor = None
        for m in starting.get(a, []):
            if (m.start, m.end) not in anchored:
                anchored.add((m.start, m.end))
                anchor = anchor or f"span-{m.start}-{m.end}"
        out.append(Segment(text[a:b], [m.id for m in inner], sorted({m.kind for m in inner}),
                           anchor))
    return out

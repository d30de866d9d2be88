"""An event's circumstances: negated or not, happened / future / hypothetical, when and where.

Status comes from the clause: "zal/gaat aanvallen", "wil sancties opleggen", "dreigt met", a
purpose "om ... te vernietigen" or a goal ("het doel is de vernietiging van X") look ahead
(future); "als/indien/mocht", modals of possibility or obligation and questions are hypothetical.
Time is a date or time expression in the trigger's clause, else the article's own date at its
precision (a month-only article never gets a day) for what happened, ``FUTURE_REF`` for what is
to come, nothing for what is hypothetical.
"""

from __future__ import annotations

from typing import Any

from kroniek.model import Document, Entity, Timex

_NEGATORS = frozenset("niet nooit geen niets nimmer".split())
_FUTURE_AUX = frozenset("zal zullen zult gaat gaan ga".split())
_FUTURE_GOVERNORS = frozenset(
    "willen wil wilde wilden dreigen plannen besluiten beloven overwegen voornemen van_plan proberen".split()
)
_HYPOTHETICAL_AUX = frozenset("kan kunnen kon konden zou zouden moet moeten moest moesten mag mogen".split())
_CONDITIONS = frozenset("als indien mocht mochten wanneer tenzij zodra".split())
_HEDGES = frozenset("mogelijk misschien eventueel wellicht mogelijkerwijs".split())
_GOALS = frozenset("doel plan voornemen streven opzet bedoeling".split())
_FUTURE_WORDS = frozenset("morgen overmorgen binnenkort straks volgende komende aanstaande".split())


def clause_verb(tok: Any) -> Any:
    """The verb whose clause holds the trigger (the trigger itself for a verb)."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    head = tok
    for _ in range(3):
        if head.head is head:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return tok


def negated(tok: Any) -> bool:
    verb = clause_verb(tok)
    for t in (tok, verb):
        for c in t.children:
            if c.lower_ in _NEGATORS and c.dep_ in ("advmod", "det", "obj", "nsubj", "amod"):
                if c.lower_ == "geen" and t is verb and verb is not tok and c.head is not tok:
                    continue  # "geen" on another noun of the clause
                return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].lower_ == "te" and doc[tok.i - 2].lower_ == "zonder"


def _ancestors(tok: Any, n: int = 4) -> list[Any]:
    out = []
    t = tok
    for _ in range(n):
        if t.head is t:
            break
        t = t.head
        out.append(t)
    return out


def status(tok: Any) -> str:
    verb = clause_verb(tok)
    sent = tok.sent
    chain = [tok, verb, *_ancestors(verb, 2)]
    # hypothetical: a condition over the clause, a hedge, a question, a modal of possibility
    for t in [verb, *_ancestors(verb, 3)]:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children):
            return "hypothetical"
        if t.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "obj", "obl", "nmod"):
            break
    if any(c.lower_ in _HEDGES for t in (tok, verb) for c in t.children):
        return "hypothetical"
    if sent.text.rstrip().endswith("?"):
        return "hypothetical"
    auxes = {c.lower_ for t in (verb, verb.head) for c in t.children if c.dep_ in ("aux", "aux:pass")}
    if verb.dep_ == "xcomp" and verb.head.lower_ in _HYPOTHETICAL_AUX:
        auxes.add(verb.head.lower_)
    if auxes & {"zal", "zullen", "zult"}:
        return "future"
    if auxes & _HYPOTHETICAL_AUX:
        return "hypothetical"
    # future: a governing verb of intent, a purpose clause, a goal, "gaan"
    for t in chain[1:]:
        lemma = t.lemma_.lower()
        if lemma in _FUTURE_GOVERNORS or t.lower_ in _FUTURE_GOVERNORS or (lemma == "gaan" and verb.dep_ == "xcomp"):
            return "future"
    if any(c.dep_ == "mark" and c.lower_ == "om" for c in verb.children):
        return "future"
    if auxes & _FUTURE_AUX and verb.tag_.startswith("WW|inf"):
        return "future"
    if tok.pos_ == "NOUN" and (
        any(c.dep_ == "nsubj" and c.lemma_.lower() in _GOALS for c in tok.children)
        or tok.head.lemma_.lower() in _GOALS
    ):
        return "future"  # "het doel is de vernietiging van X"
    if any(c.lemma_.lower() in _GOALS and c.dep_ in ("nsubj", "obj") for c in verb.children) and verb is not tok:
        return "future"
    if any(t.lower_ in _FUTURE_WORDS for t in verb.subtree if t.dep_ in ("advmod", "obl", "amod")):
        return "future"
    return "happened"


def clause_starts(tok: Any) -> frozenset[int]:
    """Character starts of the tokens in the trigger's own clause (embedded clauses and
    coordinated verbs left out)."""
    verb = clause_verb(tok)
    skip = {
        c.i
        for c in verb.children
        if c.dep_ in ("ccomp", "advcl", "acl:relcl", "parataxis") or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
    }
    return frozenset(t.idx for t in verb.subtree if not any(a.i in skip for a in [t, *t.ancestors]))


def event_time(tok: Any, doc: Document, timexes: list[Timex], status_: str) -> str | None:
    """A date or time in the trigger's clause (nearest first), else the article's date."""
    starts = clause_starts(tok)
    sent = tok.sent
    s_lo, s_hi = sent.start_char, sent.end_char
    inside = [t for t in timexes if t.start in starts and t.type in ("DATE", "TIME")]
    if not inside:
        inside = [
            t for t in timexes if s_lo <= t.start < s_hi and t.type in ("DATE", "TIME") and "REF" not in t.value
        ]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - tok.idx))
        if best.value == "PRESENT_REF" and doc.published is not None:
            return doc.published.value
        return best.value
    if status_ == "happened":
        return doc.published.value if doc.published is not None else None
    if status_ == "future":
        return "FUTURE_REF"
    return None


def event_places(tok: Any, entities: list[Entity], taken: list[tuple[int, int]]) -> tuple[str, ...]:
    """Places named in the trigger's clause that are not its actor or target."""
    starts = clause_starts(tok)
    out: list[str] = []
    for e in entities:
        if e.label != "LOC" or e.start not in starts or e.lat is None and e.country is None:
            continue
        if any(s <= e.start < t for s, t in taken):
            continue
        if e.entity not in out:
            out.append(e.entity)
    return tuple(out)

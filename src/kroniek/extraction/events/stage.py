"""The events stage: every PLOVER event mention of an article, with its evidence.

Lexicon and parse, the PETRARCH way, for Dutch: ``triggers`` finds the words that name an action
and their type and mode, ``arguments`` reads actor and target from the parse, ``names`` gives
them the canonical names the entities stage gave, ``modality`` decides negation, status, time and
place. An event inside a reported statement carries that statement's source chain ("Erdogan zegt
dat Assad ... vermoordde": the assault with Erdogan as its source). A sentence the stage cannot
read yields no event, never an error.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from kroniek.extraction.quotes import People
from kroniek.lexicon.people import COMPOUND_PEOPLE
from kroniek.model import Document, Event, Quote, TextSpan
from kroniek.pipeline.registry import stage

from .arguments import Argument, arguments
from .modality import event_places, event_time, negated, status
from .names import CALENDAR_WORDS, Namer, animate
from .triggers import Found, find_triggers
from .vocabulary import mode_words

#: Types whose content may embed another action that has not happened ("eist het vertrek van X").
_GOVERNING = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})


#: What a request or refusal is about, by the type of its content (PLOVER REQUEST/REJECT modes).
_CONTENT_MODES = {
    "RETREAT": "change", "CONCEDE": "yield", "CONSULT": "meet", "AID": "assist", "COOPERATE": "assist",
    "AGREE": "meet", "SUPPORT": "assist",
}  # fmt: skip


def _embedded(found: list[Found]) -> set[int]:
    """Triggers that are the content of a request, threat, refusal or promise (guide: only the
    governing act is coded): their token indices. The governing request or refusal takes its mode
    from the content ("roept op tot het vertrek van X": change)."""
    gov = {
        f.token.i: f
        for f in found
        if f.entry.type in _GOVERNING or (f.entry.type == "ACCUSE" and f.token.lower_.startswith(("eis", "geëist")))
    }  # (a prosecutor's demand governs the penalty it demands: "eiste twee jaar celstraf")
    out = set()
    for f in found:
        t = f.token
        for _ in range(3):
            if t.head is t:
                break
            dep = t.dep_
            t = t.head
            if t.i in gov and t.i != f.token.i and dep in ("obj", "obl", "obl:arg", "xcomp", "ccomp", "nmod"):
                if f.entry.type not in ("ACCUSE",):
                    out.add(f.token.i)
                    g = gov[t.i]
                    if g.mode is None and g.entry.type in ("REQUEST", "REJECT"):
                        g.mode = _CONTENT_MODES.get(f.entry.type)
                break
    return out


def _clause_mode(f: Found) -> str | None:
    """A weapon or tactic named in the trigger's sentence gives the mode ("met een mes")."""
    if f.mode or f.entry.type not in ("ASSAULT", "PROTEST"):
        return f.mode
    _, clause = mode_words()
    for t in f.token.sent:
        m = clause.get(t.lower_) or clause.get(t.lemma_.lower())
        if m is not None and m.type == f.entry.type and m.mode:
            return m.mode
    return None


def _source_chain(start: int, quotes: list[Quote], starts: list[int]) -> tuple[tuple[str, ...], Quote | None]:
    i = bisect.bisect_right(starts, start) - 1
    while i >= 0:
        q = quotes[i]
        if q.content.start <= start < q.content.end:
            return q.source_chain, q
        if q.content.end < start - 2000:
            break
        i -= 1
    return (), None


def _named(
    arg: Argument | None, namer: Namer, acting: bool = False
) -> tuple[TextSpan | None, str | None, tuple[str, ...]]:
    if arg is None or arg.head is None:
        return None, None, ()
    if not acting and arg.head.lower_ in CALENDAR_WORDS:
        return None, None, ()  # "Hij is dinsdag opgepakt": a day is no one's target
    if not animate(arg.head):
        if acting:
            return None, None, ()  # "De bedreigingen ...": a thing does not act
        owner = _owner(arg.head)
        if owner is not None:  # "eist het vertrek van Bashir", "steunen het plan van Guaidó": Bashir, Guaidó
            arg = Argument([owner])
    span = namer.span(arg.head)
    names = []
    for h in arg.heads:
        n = namer.name(h, namer.span(h), acting=acting)
        if n and n not in names:
            names.append(n)
    return span, (names[0] if names else None), tuple(names)


def _owner(tok: Any) -> Any:
    """The person or body a thing belongs to ("het vertrek [van Bashir]"), when it can act."""
    for c in tok.children:
        if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ == "van" for g in c.children) and animate(c):
            return c
        if c.dep_ == "nmod:poss" and c.pos_ == "PROPN":
            return c
    return None


def extract_events(doc: Document) -> list[Event]:
    """All event mentions of a parsed document (the stage body, usable on its own)."""
    sdoc = doc.analysis
    if sdoc is None or not sdoc.has_annotation("DEP"):
        return []
    found = find_triggers(sdoc)
    if not found:
        return []
    skip = _embedded(found)
    people = People(doc)
    namer = Namer(doc, people)
    quotes = sorted(doc.quotes, key=lambda q: q.content.start)
    qstarts = [q.content.start for q in quotes]
    timexes = sorted(doc.timexes, key=lambda t: t.start)
    out: list[Event] = []
    for f in found:
        if f.token.i in skip:
            continue
        try:
            ev = _event(doc, f, namer, quotes, qstarts, timexes)
        except Exception:  # noqa: BLE001 - a sentence the stage cannot read yields no event
            continue
        if ev is not None:
            out.append(ev)
    return _implicit(_inherit(out, {f.token.idx: f for f in found}), doc.text)


#: the doer of an arrest or an investigation the article names no one for, when it speaks of the police
_POLICE_MODES = frozenset({"arrest", "investigate"})
_POLICE = re.compile(r"(?i)\bpolitie\b")
#: who protests when a protest noun names no one: the group the article calls the protesters
_PROTESTERS = re.compile(r"(?i)\b(?:demonstranten|betogers|actievoerders|activisten|stakers)\b")


def _implicit(events: list[Event], text: str) -> list[Event]:
    """Actors the words imply (the events guide: the article makes clear who it is): the actor
    noun a compound trigger opens with ("politieonderzoek", "kabinetsberaad", "legeraanval"),
    the police for an arrest or investigation in an article that speaks of them, and the
    protesters the article names for a protest that names no one ("de demonstratie")."""
    police = None
    out = []
    for ev in events:
        if ev.actor_name is None:
            word = ev.text.lower().replace("-", "")
            head = next((n for n in COMPOUND_PEOPLE if word.startswith(n) and len(word) > len(n) + 3), None)
            if head is None and ev.mode in _POLICE_MODES:
                police = bool(_POLICE.search(text)) if police is None else police
                head = "politie" if police else None
            if head is None and ev.type == "PROTEST":
                protesters = _PROTESTERS.search(text)
                head = protesters.group().lower() if protesters else None
            if head is not None:
                ev = replace(ev, actor_name=head, actor_names=(head,))
        out.append(ev)
    return out


def _inherit(events: list[Event], found: dict[int, Found]) -> list[Event]:
    """A later mention of an event ("het akkoord", "de aanval") that names no participant takes
    those of the last earlier mention of the same event: the same type and trigger word, or an
    event noun of the same type in the sentence before."""
    out: list[Event] = []
    for ev in events:
        if ev.actor is None or ev.target is None:
            f = found.get(ev.start)
            lemma = f.entry.word if f is not None else ev.text.lower()
            prev = None
            for p in reversed(out):
                pf = found.get(p.start)
                same_word = pf is not None and pf.entry.word == lemma
                near_noun = f is not None and f.noun and p.sentence[1] >= ev.sentence[0] - 400
                if p.type == ev.type and (same_word or near_noun) and (p.actor_name or p.target_name):
                    prev = p
                    break
            if prev is not None:
                changes: dict[str, Any] = {}
                if ev.actor is None and ev.actor_name is None and prev.actor_name:
                    changes.update(actor_name=prev.actor_name, actor_names=prev.actor_names)
                if ev.target is None and ev.target_name is None and prev.target_name:
                    changes.update(target_name=prev.target_name, target_names=prev.target_names)
                if changes:
                    ev = replace(ev, **changes)
        out.append(ev)
    return out


def _event(
    doc: Document, f: Found, namer: Namer, quotes: list[Quote], qstarts: list[int], timexes: list[Any]
) -> Event | None:
    tok = f.token
    actor_arg, target_arg = arguments(f)
    if f.entry.condition == "actor" and (actor_arg is None or actor_arg.head.pos_ not in ("NOUN", "PROPN", "PRON", "X")):
        return None
    actor, actor_name, actor_names = _named(actor_arg, namer, acting=True)
    target, target_name, target_names = _named(target_arg, namer)
    if actor_name and actor_name == target_name:
        target, target_name, target_names = None, None, ()
    st = status(tok)
    start, end = tok.idx, tok.idx + len(tok.text)
    chain, quote = _source_chain(start, quotes, qstarts)
    if quote is not None and quote.cue is not None and quote.cue.start <= start < quote.cue.end:
        chain = ()  # the speech act itself: its actor speaks, no one reports it
    taken = [(s.start, s.end) for s in (actor, target) if s is not None]
    sent = tok.sent
    particle = f.particle
    return Event(
        start=start,
        end=end,
        text=tok.text,
        type=f.entry.type,
        mode=_clause_mode(f),
        actor=actor,
        actor_name=actor_name,
        target=target,
        target_name=target_name,
        negated=negated(tok),
        status=st,
        time=event_time(tok, doc, timexes, st),
        place=event_places(tok, doc.entities, taken),
        source_chain=tuple(chain),
        sentence=(sent.start_char, sent.end_char),
        particle=TextSpan(particle.idx, particle.idx + len(particle.text), particle.text) if particle is not None else None,
        actor_names=actor_names,
        target_names=target_names,
    )


@stage(
    "events",
    requires={"sentences", "entities", "quotes", "figures", "timexes"},
    provides={"events"},
    version=3,  # 3: a sentence the prosecution demands is ACCUSE allege against the accused, passive arrests of people ("De schutter is opgepakt", "zijn direct aangehouden"; not "de wedstrijd werd aangehouden"), bare "geweld", "uitstel" and "deal" need an actor (generic violence, a delay nobody granted, "de deal" as a thing); 2: things never act ("de bedreigingen"), a thing's owner is the target ("eist het vertrek van X"), no day is a target, "bedreiging" and "hij is opgepakt"; actors implied by a compound ("politieonderzoek"), the police for arrests, the protesters for a protest
)
def find_events(doc: Document) -> Document:
    """Fill ``doc.events`` with PLOVER-coded event mentions."""
    doc.events = extract_events(doc)
    return doc

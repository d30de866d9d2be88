"""From found statements to :class:`~kroniek.model.Quote`: an indirect statement absorbs the
quoted words inside it (kind ``mixed``), then each quote gets its source chain and what it is
about."""

from __future__ import annotations

import re

from kroniek.lexicon import ROLE_NOUNS
from kroniek.model import Quote, TextSpan

from .context import Context, Found


def merge(ctx: Context) -> list[Found]:
    """Indirect statements absorb unattributed or embedded direct quotes inside them (kind
    ``mixed``); a position, call or finding absorbs them too but keeps its kind."""
    direct = [f for f in ctx.found if f.kind == "direct" and f.how not in ("colon",)]
    indirect = [f for f in ctx.found if f not in direct]
    keep_direct = []
    for d in direct:
        host = next((i for i in indirect if i.start <= d.start and d.end <= i.end + 2), None)
        if host and d.how in ("", "embedded", "volgens", "continued"):
            if host.kind == "indirect" or len(ctx.text[d.start : d.end].split()) > 3:
                host.kind = "mixed"  # (a position, call or finding keeps its kind around quoted words)
            continue
        keep_direct.append(d)
    out = list(keep_direct)
    for i in indirect:
        clash = [d for d in keep_direct if d.start < i.end and i.start < d.end]
        if clash:
            # a 'Dat zegt X' claim or ', aldus X' that is itself a quote: attribute the quote
            if i.how in ("dat-zegt", "aldus"):
                for d in clash:
                    if not d.how or d.how == "continued":
                        d.cue, d.speaker, d.how, d.chain_origin = i.cue, i.speaker, i.how, i.chain_origin
            continue
        out.append(i)
    return sorted(out, key=lambda f: f.start)

def build(ctx: Context, items: list[Found]) -> list[Quote]:
    text = ctx.text
    out = []
    for f in items:
        about: list[str] = [f.labelled] if f.labelled else []
        spans = [(f.start, f.end)] + ([f.about_extra] if f.about_extra else [])
        for s, e in spans:
            for m in ctx.people.at(s, e):
                if m.start >= s and m.end <= e and m.label in ("PER", "ORG", "UNK"):
                    c = ctx.people.canonical(m.text)
                    if c != f.name and c not in about and c.lower() not in ("ik", "we", "wij"):
                        about.append(c)
            for dm in re.finditer(r"\b(?:de|het|een)\s+((?:[\w-]+\s+){0,2}[\w-]+)", text[s:e], re.I):
                ws = dm.group(1).split()
                for n in range(len(ws), 0, -1):
                    if ws[n - 1].lower() not in ROLE_NOUNS:
                        continue
                    c = ctx.people.describe(" ".join(ws[:n]), s + dm.start())
                    if c and c != f.name and c not in about:
                        about.append(c)
                    break
        chain: tuple[str, ...] = (f.name,) if f.name else ()
        speaker_span = f.speaker
        name = f.name
        if f.medium and name:
            outlet = ctx.people.resolve(*f.medium)
            if outlet and outlet != name:
                chain = (name, outlet)
        if f.chain_origin:
            origin = f.origin
            if origin and origin != name:
                chain = (origin,) + chain
                name = origin
                speaker_span = f.chain_origin
        out.append(
            Quote(
                content=TextSpan(f.start, f.end, text[f.start : f.end]),
                cue=TextSpan(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]]) if f.cue else None,
                speaker=TextSpan(
                    speaker_span[0], speaker_span[1], text[speaker_span[0] : speaker_span[1]]
                )
                if speaker_span
                else None,
                speaker_name=name,
                kind=f.kind,
                source_chain=chain,
                about=tuple(a for a in about if a != name),
            )
        )
    return out

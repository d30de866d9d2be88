"""From found statements to :class:`~kroniek.model.Quote`: an indirect statement absorbs the
quoted words inside it (kind ``mixed``), then each quote gets its source chain and what it is
about."""

from __future__ import annotations

import re

from kroniek.lexicon import ROLE_NOUNS
from kroniek.model import Quote, TextSpan

from .context import Context, Found

_WOULD = re.compile(r"(?i)\b(?:zou|zouden|zal|zullen)\b")
_PERFECT = re.compile(r"(?i)\b(?:hebben|heeft|hebt|gehad|zijn|later)\b")
_GENERIC_SPEAKER = re.compile(r"(?i)^(?:iemand|men|iedereen|die)$")


def imagined(ctx: Context, items: list[Found]) -> list[Found]:
    """Drop imagined speech: a quote whose attribution is conditional ("'O, mooi,' zou ik
    reageren", "Ik zou dan zeggen: '...'", not the alleged "zou hebben gezegd") or generic
    ("iemand ... die zegt: '...'"), and the bare turns of the dialogue that follow it."""
    text = ctx.text
    out: list[Found] = []
    last_dropped: Found | None = None
    for f in items:
        drop = False
        if f.kind == "direct" and f.cue is not None:
            a = min(f.cue[0], f.speaker[0]) if f.speaker else f.cue[0]
            b = max(f.cue[1], f.speaker[1]) if f.speaker else f.cue[1]
            left = max(0, a - 25)
            cut = max(text.rfind(c, left, a) for c in ".!?,\"”“'’")
            near = text[max(left, cut + 1) : b + 3]  # the attribution's own clause
            after = re.split(r"[.!?\"”“„:]", text[b : b + 30])[0]
            drop = bool(_WOULD.search(near)) and not _PERFECT.search(after)
            if f.speaker and _GENERIC_SPEAKER.match(text[f.speaker[0] : f.speaker[1]].strip()):
                lead = text[max(0, a - 60) : a]
                drop = drop or bool(re.search(r"(?i)\b(?:iemand|men)\b", lead[lead.rfind(".") + 1 :]))
        elif f.kind == "direct" and not f.cue and last_dropped is not None:
            gap = text[last_dropped.end : f.start]
            drop = len(gap.split()) <= 12  # the next turn of the imagined dialogue
        if drop:
            last_dropped = f
            continue
        if f.kind == "direct":
            last_dropped = None
        out.append(f)
    return out


def merge(ctx: Context) -> list[Found]:
    """Indirect statements absorb unattributed or embedded direct quotes inside them (kind
    ``mixed``); a position, call or finding absorbs them too but keeps its kind."""
    direct = [f for f in ctx.found if f.kind == "direct" and f.how not in ("colon",)]
    indirect = [f for f in ctx.found if f not in direct]
    keep_direct = []
    for d in direct:
        host = next((i for i in indirect if i.start <= d.start and d.end <= i.end + 2), None)
        if host and host.how in ("dat-zegt", "aldus") and (host.end - host.start) - (d.end - d.start) <= 6:
            host = None  # the claim "Dat zegt X" points back to is this quote itself: X speaks it
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

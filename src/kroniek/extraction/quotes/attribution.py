"""Where a direct quote's attribution is: a cue right after it (\", zegt X\"), an attribution
ending right before it (\"X zei:\", \"X:\") or a cue earlier in its own sentence (\"Volgens X is het
'...'\", \"X noemde het '...'\")."""

from __future__ import annotations

import re

from kroniek.lexicon import ROLE_NOUNS

from .context import Context
from .cues import NOT_SOURCE, SPEAKER_STOP
from .marks import MARK_RE
from .phrases import WORD_RE, np_after, np_before

#: "In het rapport staat: '...'", "Op de website valt te lezen: '...'"
_DOCUMENT_VERBS = frozenset("staat stond stonden staan luidt luidde lezen".split())


def cue_after(ctx: Context, pos: int, limit: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A cue right after a quote: '..., zegt X' / ', aldus X' / 'zei hij'."""
    text = ctx.text
    m = re.match(r"[\s,]*(?:[-–—]\s*)?(?:zo\s+)?(\w+)", text[pos:limit])
    if not m:
        return None
    w = m.group(1)
    lw = w.lower()
    cs, ce = pos + m.start(1), pos + m.end(1)
    if lw == "zoals" and "," in text[pos:cs]:
        # "'...', zoals wethouder X bij herhaling zei": the verb closes the clause
        sp = np_after(text, ce + 1, limit, ctx.lex, ctx.tags)
        if sp:
            for v in list(re.finditer(r"[\w'-]+|[.,;:!?]", text[sp[1] : limit]))[:6]:
                if not v.group()[0].isalnum():
                    break
                if ctx.lex.lemma(v.group().lower()):
                    return (sp[1] + v.start(), sp[1] + v.end()), sp
        return None
    # (a capitalised cue word starts a new sentence: "...'' Uitleggen" is a subheading)
    if not w[0].isupper() and (lw == "aldus" or ctx.lex.lemma(lw) or lw in ctx.lex.particles):
        if lw in ctx.lex.particles and not ctx.lex.lemma(lw):
            tail = text[ce:limit]
            comma = "," in text[pos:cs]  # "'...', merkt voorman X": the cue without its particle
            if not re.search(rf"\b{ctx.lex.particles[lw]}\b", tail[:80]) and not (
                comma and ctx.lex.particles[lw] == "op"
            ):
                return None
        return (cs, ce), np_after(text, ce + 1, limit, ctx.lex, ctx.tags)
    # "'...', Erdogan zei": subject before the verb — not after a quote that ended its
    # sentence ("'... rechtsomkeert.' Deskundige X spreekt van ..." is new narration)
    if re.search(r"[.!?…][\"'”’»]*\s*$", text[max(0, pos - 4) : pos]):
        return None
    sp = np_after(text, cs, limit, ctx.lex, ctx.tags)
    if sp:
        m2 = re.match(r"\s+(\w+)", text[sp[1] : limit])
        if m2 and ctx.lex.lemma(m2.group(1)):
            return (sp[1] + m2.start(1), sp[1] + m2.end(1)), sp
    return None

def cue_before(ctx: Context, ps: int, pos: int
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, str] | None:
    """Attribution ending right before a quote: 'X zei:', 'X:', 'zegt X:'."""
    text = ctx.text
    seg = text[ps:pos]
    if not seg.rstrip().endswith(":"):
        return None  # (cheap test first: the pattern below backtracks over long paragraphs)
    m = re.search(r"([^.!?:;\"“”„]*?)\s*:\s*$", seg)
    if not m:
        return None
    clause = m.group(1)
    cstart = ps + m.start(1)
    words = list(WORD_RE.finditer(clause))
    if len(words) > 12:
        # "..., en glimlachen en ik zeg tegen Hoyer:": the last coordinated clause
        cut = ctx.clause_start(cstart, cstart + len(clause))
        cut = max(cut, cstart + (clause.rfind(",") + 1 if "," in clause else 0))
        clause = text[cut : cstart + len(clause)]
        cstart = cut
        words = list(WORD_RE.finditer(clause))
    if not words or len(words) > 12:
        return None
    # cue verb inside the clause
    for w in reversed(words):
        if ctx.lex.lemma(w.group()) and not w.group()[0].isupper():
            cue = (cstart + w.start(), cstart + w.end())
            sp = np_before(text, cstart, cue[0]) or np_after(text, cue[1] + 1, pos, ctx.lex, ctx.tags)
            return cue, sp, "before"
    if words[0].group().lower() in SPEAKER_STOP and words[-1].group().lower() in _DOCUMENT_VERBS:
        return None, None, "document"  # "In dat arrest staat: '...'": a text speaks, no person
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+ende?", words[0].group()):
        return None  # "Lachend: ,,...''": a manner, no speaker (the turn is the last speaker's)
    if len(words) <= 5 and (words[0].group()[0].isupper()):
        return None, (cstart + words[0].start(), cstart + words[-1].end()), "colon"
    # "Minister Schouten wil hier nog niet op vooruitlopen: '...'": the clause's subject
    sp = np_after(text, cstart + words[0].start(), pos, ctx.lex, ctx.tags)
    if sp and sp[1] < cstart + len(clause):
        named = any(x.label in ("PER", "UNK") for x in ctx.people.at(*sp))
        roles = any(w in ROLE_NOUNS for w in text[sp[0] : sp[1]].lower().split())
        follows = re.match(r"\s+([a-z]\w*)", text[sp[1] : pos])
        if (named or roles) and follows and follows.group(1) not in SPEAKER_STOP:
            return None, sp, "before"
    return None

def embedded_cue(ctx: Context, us: int, qs: int) -> tuple[tuple[int, int], tuple[int, int] | None, str] | None:
    """A cue earlier in the quote's own sentence ("Volgens X is het doel '...'", "X noemde")."""
    text = ctx.text
    seg = text[us:qs]
    m = re.search(r"\b[Vv]olgens\s+", seg)
    if m:
        sp = np_after(text, us + m.end(), qs, ctx.lex, ctx.tags)
        if sp and text[sp[0] : sp[1]].split()[0].lower() not in NOT_SOURCE:
            return (us + m.start(), us + m.start() + 7), sp, "volgens"
    for w in WORD_RE.finditer(seg):
        lem = ctx.lex.lemma(w.group())
        if lem and not w.group()[0].isupper() or (lem and w.start() > 0):
            cue = (us + w.start(), us + w.end())
            sp = np_before(text, us, cue[0])
            if sp is None:
                sp = np_after(text, cue[1] + 1, qs, ctx.lex, ctx.tags)
            if sp:
                return cue, sp, "embedded"
    return None

def colon_paragraph_before(ctx: Context, pi: int):
    """'... of hij zeide: ¶ "Ik moet zeggen ..."': a paragraph ending in a colon introduces
    the quote that opens the next one."""
    if pi == 0:
        return None
    pps, ppe = ctx.paras[pi - 1]
    if ctx.text[ppe - 1 : ppe] != ":" or MARK_RE.search(ctx.text, max(pps, ppe - 200), ppe):
        return None
    return cue_before(ctx, pps, ppe)

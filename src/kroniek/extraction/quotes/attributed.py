"""Attributed statements without a that-clause: \"volgens X\", \"..., aldus X\", the news form
\"..., meldt X\", a heading \"Erdogan: Assad is een terrorist\", a claim pointing back (\"Dat
schrijft Reuters\": the claim is the previous sentence) and \"Uit onderzoek van X blijkt dat\"."""

from __future__ import annotations

import re

from kroniek.lexicon import ROLE_NOUNS

from .clauses import cue_that, held, late_report_cue
from .context import Context, Found
from .cues import NOT_SOURCE, VEHICLE_NOUNS, is_medium
from .evidence import document_source
from .marks import DASH_START, MARK_RE
from .phrases import np_after, np_before
from .text_units import trim

CHAIN_RE = re.compile(
    r"\b(?:op basis van|op gezag van|naar aanleiding van|op grond van|citerend|citeert|"
    r"baseert zich op|volgens)\s+(?:(?:een|de|het)\s+)?(?:(?:\w+\s+){0,2}?(?:"
    + "|".join(sorted(VEHICLE_NOUNS))
    + r")\s+(?:van|uit|bij)\s+)?",
    re.I,
)
MEDIUM_RE = re.compile(
    r"^\s+(?:\w+\s+)?tegen\s+(?:persbureau\s+|de krant\s+|het dagblad\s+|de omroep\s+|de\s+|het\s+)?(?=[A-Z])"
)
#: Subordinating conjunctions: a clause they open is no claim of its own.
_SUBORDINATE = re.compile(
    r"(?i)(?:als|wanneer|indien|zodra|omdat|hoewel|nadat|voordat|terwijl|doordat|zodat|"
    r"aangezien|mits|tenzij)\b"  # (not toen/nu/sinds: also adverbs and prepositions)
)


def aldus(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'…, aldus X.' and the news form without quote marks '…, meldt/zegt X (tegen Y).'"""
    found = list(re.finditer(r",\s*(?:zo\s+(?=\w+(?:de|te|den|ten|t)\s))?(\w+)\s+", ctx.text[us:ue]))
    if not found:
        return False
    # the last ", <verb> X" whose verb reports ("..., zegt X, maar ...", "..., ontdekten X, die ..."),
    # else the last comma (", zo jammerde X": any verb after "zo" attributes)
    m = next(
        (x for x in reversed(found) if x.group(1).lower() == "aldus" or ctx.lex.lemma(x.group(1).lower())),
        found[-1],
    )
    verb = m.group(1).lower()
    zo = ctx.text[us + m.start() : us + m.start(1)].strip(" ,").lower() == "zo"
    if verb != "aldus" and _SUBORDINATE.match(ctx.text, us) and "," not in ctx.text[us : us + m.start()]:
        return False  # "Als ik zeg dat ..., reageren ze anders": the comma ends a subordinate clause
    marks = list(MARK_RE.finditer(ctx.text, us, us + m.start())) if verb != "aldus" else []
    if marks and len(ctx.text[marks[-1].end() : us + m.start()].split()) >= 3:
        # a quote closed before this claim began ('... maken." Sociale media helpen mee,
        # zegt X.'): the claim starts after it
        us = marks[-1].end()
        while us < ue and ctx.text[us].isspace():
            us += 1
        for m in re.finditer(r",\s*(\w+)\s+", ctx.text[us:ue]):  # noqa: B007 - keep the last
            pass
    kind = ctx.lex.kind(verb) if verb != "aldus" else "indirect"
    particle = ctx.lex.particles.get(verb)
    if particle and verb not in ctx.lex.report_forms and re.search(
        rf"\b{particle}\s*[.!?]?\s*$", ctx.text[us + m.end() : ue]
    ):
        zo = True  # ", laat een kerkwoordvoerder weten.": the particle closes the attribution
    if verb != "aldus" and (
        (verb not in ctx.lex.report_forms and kind not in ("position", "evidence") and not zo)
        or MARK_RE.search(ctx.text, us, ue)
        or DASH_START.match(ctx.text, us)
    ):
        return False  # quotes and dialogue dashes are the direct-speech finder's
    sp = np_after(ctx.text, us + m.end(), ue, ctx.lex, ctx.tags)
    if not sp:
        return False
    rest = ctx.text[sp[1] : ue]
    relative = re.match(r"\s*(?:,\s*(?:die|dat|wie|maar|terwijl|want)\b|;)", rest)
    # (", ontdekten X, die de mieren ontleedden", ", zegt X, maar het is wel ...": another clause)
    if verb != "aldus" and not relative and (
        len(rest.split()) > (8 if zo or re.match(r"\s+(?:in|tegen|op|via|aan|bij)\s", rest) else 5)
        or re.search(r"\b(?:dat|of)\b|[,;:]", rest)
    ):
        return False  # narration goes on after the subject: no attribution
    cue = (us + m.start(1), us + m.end(1))
    if kind == "position" and not held(ctx, us, ue, cue, sp):
        return False  # ("..., vind ik": the writer's own view)
    if kind == "indirect" and is_medium(ctx.text[sp[0] : sp[1]]):
        kind = "evidence"  # "..., schrijft de Volkskrant"
    ctx.add_indirect(us, us + m.start(), cue, sp, "aldus", pi, kind=kind)
    return True

def colon_heading(ctx: Context, us: int, ue: int, pi: int, direct: list[tuple[int, int]]) -> int | None:
    """'Erdogan: Assad is een terrorist' (a heading or a sentence without quote marks)."""
    text = ctx.text
    m = re.match(r"([A-ZÀ-Þ][\w'’ .-]{0,40}?):\s+(?=\S)", text[us:ue])
    if not m or any(s < ue and us < e for s, e in direct):
        return None
    words = m.group(1).split()
    if len(words) > 4:
        return None
    sp = (us, us + m.end(1))
    ms = [x for x in ctx.people.at(*sp) if x.label in ("PER", "ORG", "MISC", "UNK")]
    if not ms and not any(w.lower() in ROLE_NOUNS for w in words):
        return None
    stop = re.search(r"[.!?](?:\s|$)", text[us + m.end() : ue])
    ce = us + m.end() + stop.end() if stop else ue
    ctx.add_indirect(us + m.end(), ce, None, sp, "colon", pi, kind="direct")
    return ce


def pointing_back(ctx: Context, ui: int, us: int, ue: int, seg: str) -> bool:
    """'Dat schrijft Reuters (op basis van ...)': the claim is the previous sentence."""
    text = ctx.text
    m = re.match(r"(?:(?:Tenminste|Althans|Maar|En|Ook|Nou),?\s+)?(?:[Dd]at|[Dd]it|Zo|[Dd]at alles|[Dd]it alles)\s+(\w+)\s+", seg)
    late = late_report_cue(ctx, seg, m) if m and ui > 0 else None
    if not (m and (m.group(1).lower() in ctx.lex.report_forms or late) and ui > 0):
        return object_dat(ctx, ui, us, ue, seg)
    cue = (us + m.start(1), us + m.end(1)) if late is None else (us + late[0], us + late[1])
    sp = np_after(text, us + m.end(), ue, ctx.lex, ctx.tags)
    if not sp:
        return False
    prev = ctx.units[ui - 1]
    ps_, pe_ = trim(text, prev[0], prev[1])
    while pe_ > ps_ and text[pe_ - 1] in ".;":
        pe_ -= 1
    kind = "evidence" if is_medium(text[sp[0] : sp[1]]) else "indirect"  # "Dat meldt de NOS"
    f = Found(ps_, pe_, kind, cue=cue, speaker=sp, how="dat-zegt")
    f.paragraph = prev[2]
    rest = text[sp[1] : ue]
    med = MEDIUM_RE.match(rest)
    ch = CHAIN_RE.search(rest)
    if ch:
        origin = np_after(text, sp[1] + ch.end(), ue, ctx.lex, ctx.tags)
        f.chain_origin = origin
    elif med:
        f.medium = np_after(text, sp[1] + med.end(), ue, ctx.lex, ctx.tags)
    ctx.found.append(f)
    return True


_OBJECT_DAT = re.compile(
    r"(?i)\s(?P<v>laat|liet|lieten|laten|zegt|zei|zeiden|meldt|meldde|schrijft|schreef|bevestigt|bevestigde|"
    r"verklaart|verklaarde)\s+(?:dat|dit)(?:\s+(?:ook\s+)?(?P<w>weten))?(?=\s*[.,;]|\s+(?:aan|tegen|in|op|via|bij)\b)"
)


def object_dat(ctx: Context, ui: int, us: int, ue: int, seg: str) -> bool:
    """'Minister X laat dat weten aan de Kamer.', 'De politie bevestigt dat.': 'dat' is the object
    pointing back, the claim the previous sentence."""
    if " dat" not in seg and " dit" not in seg:
        return False
    m = _OBJECT_DAT.search(seg)
    if not m or ui == 0 or (m.group("v").lower() in ("laat", "liet", "lieten", "laten") and not m.group("w")):
        return False
    cue = (us + m.start("v"), us + m.end("v"))
    sp = np_before(ctx.text, us, cue[0])
    if sp is None or not ctx.plausible(sp):
        return False
    prev = ctx.units[ui - 1]
    ps_, pe_ = trim(ctx.text, prev[0], prev[1])
    while pe_ > ps_ and ctx.text[pe_ - 1] in ".;":
        pe_ -= 1
    kind = "evidence" if is_medium(ctx.text[sp[0] : sp[1]]) else "indirect"
    f = Found(ps_, pe_, kind, cue=cue, speaker=sp, how="dat-zegt")
    f.paragraph = prev[2]
    ctx.found.append(f)
    return True


_SHOWS = re.compile(r"\b(?:wees|wijst|toonde|toont)\b")


def research_shows(ctx: Context, us: int, ue: int, pi: int, seg: str) -> bool:
    """'Uit onderzoek van X blijkt dat ...': X speaks through the research (kind evidence; without
    a named owner the research itself: 'Uit onderzoek blijkt dat'). Also 'Onderzoek wees uit dat'."""
    m = re.match(r"Uit\s+", seg)
    if m:
        src = document_source(ctx, us + m.end(), ue)
        if src is None:
            return False
        m2 = re.search(r"\b(blijkt|blijken|bleek|bleken)\s+(?:\w+\s+){0,3}?dat\s+", ctx.text[src[1] : ue])
        if not m2 or re.search(r"[,;]", ctx.text[src[1] : src[1] + m2.start()]):
            return False
        cs = src[1] + m2.end()
        cue = (src[1] + m2.start(1), src[1] + m2.end(1))
        ctx.add_indirect(cs, ue, cue, src[0], "uit", pi, kind="evidence")
        return True
    mid = re.search(r",\s+(blijkt|blijken|bleek|bleken)\s+(?:\w+\s+){0,2}?uit\s+", seg)
    if mid:
        # "Hoewel het verboden is ..., blijkt uit meerdere onderzoeken dat ..."
        src = document_source(ctx, us + mid.end(), ue)
        m2 = re.match(r"\s+dat\s+", ctx.text[src[1] : ue]) if src else None
        if src and m2:
            cue = (us + mid.start(1), us + mid.end(1))
            ctx.add_indirect(src[1] + m2.end(), ue, cue, src[0], "uit", pi, kind="evidence")
            return True
    if not _SHOWS.search(seg):
        return False
    src = document_source(ctx, us, ue)
    if src is None:
        return False
    m2 = re.match(r"\s+(?:\w+\s+){0,2}?(wees|wijst|toonde|toont)\s+(?:\w+\s+){0,2}?(?:uit|aan)\s+dat\s+", ctx.text[src[1] : ue])
    if not m2:
        return False
    cue = (src[1] + m2.start(1), src[1] + m2.end(1))
    ctx.add_indirect(src[1] + m2.end(), ue, cue, src[0], "uit", pi, kind="evidence")
    return True


def volgens(ctx: Context, us: int, ue: int, pi: int, seg: str) -> bool:
    """'Volgens X ...', '... volgens X': whether the sentence is settled (a statement added, or a
    that-cue before 'volgens' that makes it the other speaker's)."""
    text = ctx.text
    for m in re.finditer(r"\b[Vv]olgens\s+", seg):
        sp = np_after(text, us + m.end(), ue, ctx.lex, ctx.tags)
        obj = re.match(r"(hem|haar|hen|hun)\b", text[us + m.end() : ue])
        if obj and (sp is None or obj.group(1) in ("hen", "hun") and re.match(r"(?:hen|hun)\s+(?:de|het)\s", text[us + m.end() : ue])):
            # "volgens hem": a pronoun ("haar vereniging" is a phrase np_after already found;
            # "volgens hen de bedrijven op kosten jagen": the pronoun, then the claim)
            sp = (us + m.end(), us + m.end() + len(obj.group(1)))
        doc = document_source(ctx, us + m.end(), ue)
        if doc is not None:  # "volgens cijfers van het CBS", "volgens de eerste tellingen"
            sp = doc[0]
        if not sp or text[sp[0] : sp[1]].split()[0].lower() in NOT_SOURCE:
            continue
        if m.start() > 0 and cue_that(ctx, us, ue, pi, before=us + m.start()):
            return True  # "De minister wees erop dat ... volgens de doorrekeningen ...": the minister speaks
        cue = (us + m.start(), us + m.start() + 7)
        kind = "evidence" if doc is not None else "indirect"
        sp_end = max(doc[1], sp[1]) if doc is not None else sp[1]
        if m.start() == 0 or (m.group()[0] == "V" and not re.search(r"[,;:]\s*$", seg[: m.start()])):
            # (a capital "Volgens" inside the unit opens the sentence after a heading the text
            # glued to it: "Meer luchtvervuiling Volgens Van der Kuijl had ...")
            cs, ce = sp_end, ue
        elif re.match(r"\s*[.!?]?$", text[sp_end:ue]) and text[cue[0] - 2 : cue[0]].strip() == ",":
            cs, ce = us, cue[0]
        else:
            cs, ce = us, ue
        ctx.add_indirect(cs, ce, cue, sp, "volgens", pi, kind=kind)
        return True
    return False


#: "naar eigen zeggen": the clause holding it is the subject's own account
_OWN_ACCOUNT = re.compile(r"\bnaar\s+eigen\s+zeggen\b", re.I)
_SUBJECT_BEFORE = re.compile(r"\b(?:[Hh]ij|[Zz]ij|[Zz]e|[Ii]k|[Ww]ij|[Ww]e|[A-ZÀ-Þ][\w'’-]+)\s+$")


def own_account(ctx: Context, us: int, ue: int, pi: int, seg: str) -> bool:
    """'..., waarmee ze naar eigen zeggen goed samenwerkte', 'De man was naar eigen zeggen
    thuis': the clause holding "naar eigen zeggen" is a statement of its subject (the pronoun or
    name right before it, else the noun phrase that opens the clause)."""
    m = _OWN_ACCOUNT.search(seg)
    if m is None:
        return False
    text = ctx.text
    opened = max((k.end() for k in re.finditer(r"[,;:(]\s*", seg[: m.start()])), default=0)
    closed = re.search(r"\s*[,;:)]", seg[m.end() :])
    cs, ce = us + opened, us + m.end() + (closed.start() if closed else len(seg) - m.end())
    before = _SUBJECT_BEFORE.search(seg, opened, m.start())
    if before is not None and before.start() > opened:
        sp: tuple[int, int] | None = (us + before.start(), us + before.start() + len(before.group().rstrip()))
    else:
        sp = np_after(text, cs, us + m.start(), ctx.lex, ctx.tags)
    if sp is None or text[sp[0] : sp[1]].split()[0].lower() in NOT_SOURCE:
        return False
    ctx.add_indirect(cs, ce, (us + m.start(), us + m.end()), sp, "own", pi)
    return True

"""Direct speech: quoted passages and dialogue-dash paragraphs, with their attribution; scare
quotes, titles and names in quote marks are dropped."""

from __future__ import annotations

import re

from kroniek.lexicon import ORG_NOUNS, ROLE_NOUNS, words

from .attribution import colon_paragraph_before, cue_after, cue_before, embedded_cue
from .context import Context, Found
from .marks import DASH_START, OPENERS, direct_spans
from .phrases import np_after
from .text_units import trim

#: Nouns that announce a title or name in quote marks ("de officiële naam bekend: '...'").
_TITLE_BEFORE = re.compile(r"(?i)\b(?:naam|titel|motto|slogan|thema|werktitel|leus|kop)\b[^.!?]{0,40}$")
#: a work right before its quoted title ("het artikel 'X'", "de trilogie van 'X'")
_WORK_BEFORE = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(words('work_nouns.txt', __package__)))})"
    r"(?:\s+(?:van|getiteld|genaamd|met\s+de\s+titel))?\s*$"
)


def find_direct(ctx: Context) -> None:
    text = ctx.text
    prev_open_unclosed = False
    # a text writes its dialogue with quote marks or with dashes: where quote marks open
    # paragraphs far more often than dashes do, a dash paragraph is narration unless a cue
    # marks speech in it
    marked = sum(1 for ps, _ in ctx.paras if text[ps : ps + 2].lstrip()[:1] in OPENERS)
    dashed = sum(1 for ps, _ in ctx.paras if DASH_START.match(text, ps))
    dash_dialogue = marked < 3 * dashed or marked < 5
    for pi, (ps, pe) in enumerate(ctx.paras):
        spans = direct_spans(text, ps, pe)
        dash = DASH_START.match(text, ps)
        if dash:
            n = len(ctx.found)
            dash_paragraph(ctx, pi, dash.end(), pe)
            if not dash_dialogue and not any(f.how for f in ctx.found[n:]):
                del ctx.found[n:]
            prev_open_unclosed = False
            continue
        for k, (ms, cs, ce, me, closed) in enumerate(spans):
            s, e = trim(text, cs, ce)
            if e <= s:
                continue
            f = Found(s, e, "direct", paragraph=pi, unclosed=not closed)
            f.pure = not text[ps:ms].strip() and not text[me:pe].strip(" .")
            nxt = spans[k + 1][0] if k + 1 < len(spans) else pe
            after = cue_after(ctx, me, nxt) if closed else None
            if after:
                f.cue, f.speaker, f.how = after[0], after[1], "after"
                if text[after[0][0] : after[0][1]].lower() == "aldus":
                    f.how = "aldus"
            else:
                prevend = spans[k - 1][3] if k else ps
                bef = cue_before(ctx, prevend, ms)
                if not bef and k == 0 and not text[ps:ms].strip():
                    bef = colon_paragraph_before(ctx, pi)
                if bef:
                    f.cue, f.speaker, f.how = bef
                else:
                    us = max(ctx.unit_at(ms)[0], prevend)
                    emb = embedded_cue(ctx, us, ms)
                    if emb:
                        f.cue, f.speaker, f.how = emb
                        if emb[2] == "embedded" and f.speaker:
                            f.about_extra = (f.cue[1], ms)
                            f.labelled = labelled(ctx, f, ms)
            if f.cue and f.how in ("after", "before", "embedded"):
                f.speaker = ctx.parse_subject(f.cue, f.speaker)
            if k == 0 and ms == ps and prev_open_unclosed and not f.how:
                f.how = "continued"
            if not keep(ctx, f, ms, me):
                continue
            ctx.found.append(f)
        prev_open_unclosed = bool(spans) and not spans[-1][4]

def dash_paragraph(ctx: Context, pi: int, s: int, pe: int) -> None:
    """Dialogue dashes: '– Kom je? vroeg hij. – Ja.'"""
    text = ctx.text
    pos = s
    pieces: list[Found] = []
    for m in re.finditer(r"[,!?.…]\s+(?:[-–—]\s*)?(\w+)", text[s:pe]):
        w = m.group(1)
        lw = w.lower()
        if not (ctx.lex.lemma(lw) or lw == "aldus") or w[0].isupper() and lw not in ("aldus",):
            continue
        cue = (s + m.start(1), s + m.end(1))
        if cue[0] < pos:
            continue
        sp = np_after(text, cue[1] + 1, pe, ctx.lex, ctx.tags)
        if sp is None:
            continue
        cs, ce = trim(text, pos, s + m.start() + 1)
        if ce > cs:
            pieces.append(Found(cs, ce, "direct", cue=cue, speaker=sp, how="after", paragraph=pi))
        stop = re.search(r"[.!?:]|\s[-–—]\s", text[sp[1] : pe])
        if not stop:
            pos = pe
            break
        pos = sp[1] + stop.end()
        if stop.group().strip() in "-–—":
            continue
        rest = text[pos:pe]
        again = re.search(r"\s[-–—]\s", rest)
        if again:
            pos += again.end()
        elif len(rest.split()) > 15 or len(re.findall(r"[.!?]", rest.rstrip(".!?"))) > 0:
            pos = pe  # narration follows the attribution
            break
    cs, ce_ = trim(text, pos, pe)
    if ce_ > cs and re.search(r"\w", text[cs:ce_]):
        pieces.append(Found(cs, ce_, "direct", paragraph=pi))
    if pieces and not pieces[-1].how:
        done = [p for p in pieces if p.how]
        if done:
            pieces[-1].cue, pieces[-1].speaker, pieces[-1].how = done[-1].cue, done[-1].speaker, "same"
    for p in pieces:
        p.pure = len(pieces) == 1
        ctx.found.append(p)

def keep(ctx: Context, f: Found, ms: int, me: int) -> bool:
    """Drop scare quotes and titles: short unattributed quotes without sentence punctuation."""
    content = ctx.text[f.start : f.end]
    words = content.split()
    attributed = f.how in ("after", "before", "colon", "aldus")
    if (
        f.how == "embedded"
        and f.cue
        and ctx.lex.lemma(ctx.text[f.cue[0] : f.cue[1]])
        in (
            "noemen",
            "zeggen",
            "verklaren",
            "stellen",
            "schrijven",
            "waarschuwen",
        )
    ):
        attributed = True
    if (
        f.how == "embedded"
        and f.cue
        and f.speaker
        and ctx.lex.lemma(ctx.text[f.cue[0] : f.cue[1]]) == "spreken"
        and re.fullmatch(r"\s+(?:(?:zelfs|ook|nu|al|wel|openlijk)\s+)*van\s+(?:een\s+|de\s+|het\s+)?", ctx.text[f.cue[1] : ms])
    ):
        attributed = True  # "X spreekt van een 'ontluisterend' verhaal": X's own words
    if len(words) <= 3 and not re.search(r"[.!?…]$", content.rstrip()) and not attributed:
        return False
    if len(words) <= 6 and all(w[0].isupper() or not w[0].isalpha() for w in words) and not attributed:
        return False  # a title or a name
    if f.how in ("embedded", "volgens") and len(words) <= 3 and not attributed:
        return False
    if (
        len(words) <= 8
        and not re.search(r"[.!?…]$", content.rstrip())
        and not ctx.has_verb(f.start, f.end)
    ):
        # "Het prominentenwerk 'Nijmegen, de mensen, de stad'", "de naam: 'X'": a title
        # (a verbless turn of dialogue opens its sentence: "'Ja, zeker,' zei hij" stays)
        # a title stands in apposition to a noun ("Het schilderij 'X'"); a quoted phrase after
        # other words ("het doel is nu “de vernietiging van X”") is reported speech
        if (not attributed and ctx.after_noun(ms)) or _TITLE_BEFORE.search(
            ctx.text, max(0, ms - 60), ms
        ) or _WORK_BEFORE.search(ctx.text, max(0, ms - 40), ms):
            return False
    return True


#: verbs that label someone with the quoted words ("X noemde Y 'Z'", "omschreef Y als 'Z'")
_LABEL_VERBS = re.compile(r"(?i)(?:noem|noemt|noemen|noemde|noemden|genoemd|omschrijft|omschreef|omschreven|"
                          r"bestempelt|bestempelde|bestempelden|betitelt|betitelde|uitmaakte?|maakte)$")


def labelled(ctx: Context, f: Found, ms: int) -> str | None:
    """Who or what "X noemde Y 'Z'" labels: Y as the article names it (a pronoun resolved, a
    group by its noun: "hun demonstranten" -> "demonstranten"); None when Y is no entity."""
    text = ctx.text
    if not f.cue or not _LABEL_VERBS.search(text[f.cue[0] : f.cue[1]]):
        return None
    start = f.cue[1]
    if f.speaker and f.speaker[0] >= f.cue[1]:
        start = f.speaker[1]  # inverted: "noemde de minister het plan 'onzin'"
    seg = re.sub(r"\s+(?:als|een|de|het)?\s*$", "", text[start:ms])
    y = np_after(text, start + len(seg) - len(seg.lstrip()), start + len(seg), ctx.lex, ctx.tags)
    if y is None:
        m = re.search(r"([\w-]+)\s*$", seg)
        if not m or m.group(1).lower() in ("het", "dat", "dit", "dat", "hem", "haar", "hen", "ze", "zich"):
            return None
        y = (start + m.start(1), start + m.end(1))
    name = ctx.people.resolve(*y)
    if name and name[:1].isupper():
        return name
    head = text[y[0] : y[1]].split()[-1]
    low = head.lower()
    if low in ROLE_NOUNS or low in ORG_NOUNS or (ctx.tags.get(y[1] - len(head)) == "NOUN" and low.endswith(("en", "s"))):
        return low  # a person or group by its noun: "hun demonstranten", "zijn tegenstanders"
    return None  # a thing or a situation is no entity: "noemde de situatie 'onhoudbaar'"

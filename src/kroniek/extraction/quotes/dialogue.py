"""Turn-taking in dialogue: who speaks a bare quote — the person addressed by the last turn,
the other party, the subject of an action beat or of the narration before it."""

from __future__ import annotations

import re

from .context import Context, Found
from .marks import DASH_START, MARK_RE
from .speakers import FUNCTION_CAPS

_VOCATIVE_RE = re.compile(
    r"(?:^|[,!?.]\s*)(?:(?i:ach|o|och|nu|ja|neen|nee|kom|maar|zeg|hoor|wel|lieve|beste|mijn|"
    r"mijnheer|meneer|mevrouw|juffrouw|monsieur|madame|miss|mr\.?|mrs\.?)\s*,?\s*)*"
    r"([A-ZÀ-Þ][\w'’-]+)(?=\s*[,!?]|\s*\.{2,}|\s*$)"
)


def follows(ctx: Context, prev: Found, f: Found) -> bool:
    """Whether quote ``f`` opens right after ``prev``'s attribution, with no narration between
    ("Sociale media helpen mee, zegt woordvoerster X. ,,De plaatjes ...''")."""
    if not prev.name or prev.speaker is None or prev.paragraph != f.paragraph or prev.end > f.start:
        return False
    gap = ctx.text[max(prev.end, prev.speaker[1]) : f.start]
    return len(gap.split()) <= 6 and len(re.findall(r"[.!?]", gap)) <= 1

def addressed(ctx: Context, f: Found) -> set[str]:
    """Names a quote addresses ("Ach, Matjeff!", "Kom, Freddy, ..."): not its speaker when a
    pronoun ("zeide hij") was resolved to one of them."""
    content = ctx.text[f.start : f.end]
    words = set(_VOCATIVE_RE.findall(content))
    if not words:
        return set()
    out = set()
    known = {w for name in ctx.people.known_names() for w in name.split()}
    for w in words:
        if w in known:  # the vocative's own canonical name, not every run holding it
            out.add(ctx.people.canonical(w))
    return out

def closing_vocative(ctx: Context, f: Found) -> set[str]:
    """A known name closing a turn after a comma ("..., zit je in de weg, Theodor.")."""
    m = re.search(r",\s*([A-ZÀ-Þ][\w'’-]+)\s*[.!?]?\s*$", ctx.text[f.start : f.end])
    if m is None or m.group(1) not in ctx.people.known_names():
        return set()
    return {ctx.people.canonical(m.group(1))}

def other_than(ctx: Context, f: Found, name: str, history: list[tuple[int, str | None, bool]], same_gender: bool = False
) -> str | None:
    """The pronoun's other candidate: the latest other speaker (of the pronoun's gender when
    ``same_gender``), else ``name``."""
    phrase = ctx.text[f.speaker[0] : f.speaker[1]].strip().lower() if f.speaker else ""
    if f.speaker and phrase not in ("hij", "zij", "ze", "ie"):
        return name
    want = ("m" if phrase in ("hij", "ie") else "f") if same_gender else ""
    for _, n, _ in reversed(history[-8:]):
        if n and n != name and n.lower() not in ("ik", "we", "wij"):
            if want and ctx.people.gender(n) != want:
                continue
            return n
    return name

def beat(ctx: Context, f: Found, third: tuple[str, int] | None) -> str | None:
    """An action beat right after a bare quote names its speaker: '"Ja, ja." Hij zocht ...'."""
    text = ctx.text
    pe = ctx.paras[f.paragraph][1] if f.paragraph < len(ctx.paras) else len(text)
    m = re.match(
        r"[\"”“'’»]?\s*(?:[-–—]\s*)?([A-Za-zÀ-ÿ][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+([a-z]\w*)",
        text[f.end : pe],
    )
    if not m or f.end + m.start(1) >= pe:
        return None
    s, e = f.end + m.start(1), f.end + m.end(1)
    word = m.group(1).lower()
    if word in ("hij", "zij", "ze", "ie"):
        return ctx.people.resolve(s, e, third)
    if not m.group(1)[0].isupper():
        return None
    ms = [x for x in ctx.people.at(s, e) if x.start == s and x.label in ("PER", "UNK")]
    return ctx.people.canonical(ms[0].text) if ms else None

def inherit(ctx: Context, f: Found, history: list[tuple[int, str | None, bool]], last: str | None, last_para: int
) -> str | None:
    if f.kind != "direct":
        return None
    if f.how == "continued":
        return last
    if history and history[-1][0] == f.paragraph:
        prev = ctx.named[-1] if ctx.named else None
        gap_s = max(prev.end, prev.speaker[1] if prev.speaker else prev.end) if prev else f.start
        gap = ctx.text[gap_s : f.start].strip(" \t\n\"'“”„‘’«»,:-–—")  # without the marks
        if gap.endswith("?") and last and re.search(r"(?i)\b(?:je|jij|jou|u|jullie)\b", gap):
            # an interview: a question put to "je" between two answers is the interviewer's,
            # and a name in it ("En toen bedacht je dus Naesten?") is what it asks about, not
            # who answers; "Kon Verschuur dat uitrollen?" still names the answerer below
            return last
        if prev is not None and prev.speaker and prev.speaker[1] >= prev.end and re.fullmatch(r"[^.!?]*[.!?]", gap):
            # the rest of the attribution's own sentence ("..., schrijft de klager in een brief in
            # bajeskrant Bonjo. '<quote>'"): the speaker goes on
            return last
        if len(gap.split()) >= 5:
            # narration between the last quote and this one: its subject speaks
            # ("... zegt X. Y probeert het uit te leggen. ,,<quote>''" -> Y)
            who = ctx.people.last_person_before(f.start, lo=gap_s)
            if who:
                return who
        return last
    # alternating dialogue: pure quote paragraphs in a row
    # narration in the same paragraph before the quote names the speaker
    ps = ctx.paras[f.paragraph][0]
    if f.start - ps > 3:
        who = ctx.people.last_person_before(f.start, lo=ps)
        if who:
            return who
        m = re.search(r"\b(hij|zij|ze)\b", text_lower := ctx.text[ps : f.start].lower())
        if m and text_lower:
            return last or ctx.people.last_person_before(ps)
    if f.paragraph > 0 and not (ctx.named and ctx.named[-1].paragraph == f.paragraph - 1):
        # a dialogue opening after a narration paragraph: its last sentence's subject speaks
        pps = ctx.paras[f.paragraph - 1][0]
        if not MARK_RE.search(ctx.text, pps, f.start) and not DASH_START.match(ctx.text, pps):
            who = ctx.people.last_mention_before(f.start, lo=pps)
            if who is not None and who.text.lower() not in ("we", "wij"):
                return ctx.people.canonical(who.text)
    if f.paragraph - last_para <= 1:
        actor = closing_actor(ctx, f)
        if actor:
            return actor
        other = other_party(ctx, f)
        return other or last
    return None

def closing_actor(ctx: Context, f: Found) -> str | None:
    """'"Goed zoo." Fogg gaf zijn valies aan Passepartout. ¶ "Draag er zorg voor."': the
    person acting in the narration that closes the previous turn's paragraph speaks next."""
    if not ctx.named or ctx.named[-1].paragraph != f.paragraph - 1:
        return None
    prev = ctx.named[-1]
    pe = ctx.paras[prev.paragraph][1]
    tail = ctx.text[prev.end : pe]
    if MARK_RE.search(tail[2:]) or len(tail.split()) < 4:
        return None
    cut = [m.end() for m in re.finditer(r"[.!?][\"”’'»]*\s+(?=[A-Z'’])", tail)]
    if not cut and ctx.text[prev.end - 1 : prev.end] in (".", "!", "?"):
        # the quote's own sentence ended inside the marks: '"Goed zoo." Fogg gaf ...'
        lead = re.match(r"[\"”’'»]+\s+(?=[A-Z])", tail)
        cut = [lead.end()] if lead else []
    if not cut:
        return None  # only the attribution ("…," zei hij.) follows the quote
    ss = prev.end + cut[-1]
    who = ctx.people.last_mention_before(pe, lo=ss)
    if who is None:
        return None
    name = ctx.people.canonical(who.text)
    return None if name.lower() in ("we", "wij") else name

def other_party(ctx: Context, f: Found) -> str | None:
    """Turn-taking: a bare quote paragraph right after another speaker's turn answers it.

    The turns are the quote paragraphs before this one (quotes of one paragraph are one turn),
    back to the first gap. The answer comes from the person the previous turn addressed by
    name ("Ach, Matjeff!"), else from the latest turn by someone other than the previous
    speaker, else, in a first-person story, from the narrator ("ik")."""
    turns: list[tuple[int, str | None, Found]] = []
    same_par: list[str] = []  # other speakers earlier in the previous turn's paragraph
    for g in reversed(ctx.named):
        if g.kind != "direct" or g.paragraph >= f.paragraph:
            continue
        if turns and turns[-1][0] == g.paragraph:
            if len(turns) == 1 and g.name:
                same_par.append(g.name)
            continue  # the turn's last quote has already been taken
        if g.paragraph != (turns[-1][0] - 1 if turns else f.paragraph - 1):
            break
        turns.append((g.paragraph, g.name, g))
        if len(turns) > 8:
            break
    if not turns or not turns[0][1]:
        return None
    prev = turns[0][1]
    for who in sorted(addressed(ctx, turns[0][2])):
        if who != prev and who.lower() not in ("ik", "we", "wij"):
            return who
    for name in same_par + [t[1] for t in turns[1:] if t[1]]:
        if name != prev:
            return name
    # the dialogue began after narration: the person it was about
    first = turns[-1][2]
    lo = max(0, first.start - 1200)
    for m in ctx.people._backwards(first.start, lo):
        if m.label == "PRO" and m.text == "ik" and prev != "ik" and not ctx.people._in_quote(m.start):
            return "ik"  # the narrator acting before the dialogue takes part in it
        if m.label in ("PER", "UNK", "DESC", "PROm", "PROf") and not ctx.people._in_quote(m.start):
            who = ctx.people.canonical(m.text)
            if (
                who != prev
                and who.lower() not in ("ik", "we", "wij")
                and who.lower() not in FUNCTION_CAPS
            ):
                return who
    if prev != "ik" and ctx.people.narrator_before(f.start):
        return "ik"
    return None

"""Speaker naming: each statement's speaker phrase resolved to a canonical name; a quote without
one inherits it from its context (the same paragraph, the turn before, the narration)."""

from __future__ import annotations

import re

from .context import Context, Found
from .dialogue import addressed, beat, closing_vocative, follows, inherit, other_than
from .speakers.groups import group_antecedent, plural_subject


def name_speakers(ctx: Context, items: list[Found]) -> None:
    """Resolve speaker phrases; unattributed quotes inherit from context."""
    text = ctx.text
    ctx.people.quoted = sorted((f.start, f.end) for f in items if f.kind in ("direct", "mixed"))  # quoted words
    last: str | None = None
    last_para = -10
    third: tuple[str, int] | None = None  # last third-person speaker, end of their quote
    history: list[tuple[int, str | None, bool]] = []  # (paragraph, name, pure)
    ctx.named: list[Found] = []
    cues_seen: set[tuple[int, int]] = set()
    for f in items:
        if f.chain_origin:
            f.origin = ctx.people.resolve(*f.chain_origin)
        if f.speaker:
            f.name = ctx.people.resolve(f.speaker[0], f.speaker[1], third)
            if not f.name and _noun_phrase(ctx, f.speaker) and (
                f.kind != "direct"
                or f.cue is not None
                and ctx.lex.lemma(text[f.cue[0] : f.cue[1]].lower())
                and re.match(r"(?i)(?:de|het|een)\s+(?:[\w-]+\s+)?\w+$", text[f.speaker[0] : f.speaker[1]].strip())
            ):
                # a document with no named owner speaks itself ("onderzoek", "eerste tellingen"),
                # a group keeps its noun ("opsporingsdiensten"), so does an unnamed person quoted
                # directly ("een demonstrant scandeert:", "zei een 81-jarige man")
                f.name = re.sub(r"^(?:de|het|een)\s+", "", text[f.speaker[0] : f.speaker[1]].strip(), flags=re.I)
            if ctx.text[f.speaker[0] : f.speaker[1]].strip().lower() in ("zij", "ze") and (
                plural_subject(ctx.analysis, f.speaker[0])
                or f.name
                and f.cue
                and ctx.text[f.cue[0] : f.cue[1]].lower().endswith("en")
                and ctx.lex.lemma(ctx.text[f.cue[0] : f.cue[1]])
            ):
                # "riepen zij", "zeiden ze", "hebben zij beloofd": a group, not one woman --
                # the one the narration just named ("de lokale autoriteiten"), if any
                f.name = group_antecedent(ctx.analysis, f.speaker[0], ctx.people.quoted)
                if f.name is None:
                    f.how = "group"
            elif ctx.text[f.speaker[0] : f.speaker[1]].strip().lower() in ("hen", "hun"):
                f.name = group_antecedent(ctx.analysis, f.speaker[0], ctx.people.quoted)  # "volgens hen"
            if f.name and f.kind == "direct" and f.name in addressed(ctx, f):
                f.name, f.addressed = other_than(ctx, f, f.name, history), True
            elif (
                f.name
                and f.kind == "direct"
                and ctx.people.via_recent
                and history
                and history[-1][1] == f.name
                and history[-1][0] == f.paragraph - 1
                and f.cue not in cues_seen
                and len(ctx.text[ctx.named[-1].end : f.start].split()) <= 30
                and not ctx.named[-1].unclosed
            ):
                # "zei hij" opening a new turn right after his turn, with no narration about
                # him in between: the turn goes to the other man in the conversation
                f.name = other_than(ctx, f, f.name, history, same_gender=True)
            if (
                f.name
                and f.kind == "direct"
                and ctx.people.via_recent
                and ctx.named
                and ctx.named[-1].paragraph == f.paragraph - 1
                and f.cue not in cues_seen
                and not ctx.named[-1].unclosed
            ):
                # '"Gij zult mij excuseeren, Mr. Sholto," zeide Miss Morstan. ¶ "...,"
                # antwoordde hij': the person the previous turn addressed answers
                phrase = ctx.text[f.speaker[0] : f.speaker[1]].strip().lower()
                want = "m" if phrase in ("hij", "ie") else "f" if phrase in ("zij", "ze") else ""
                turn = [g for g in ctx.named if g.paragraph == f.paragraph - 1]
                fits = [
                    w
                    for w in sorted(set().union(*(addressed(ctx, g) for g in turn)))
                    if want
                    and w != ctx.named[-1].name
                    and ctx.people.gender(w) in ("", want)
                    and w.lower() not in ("ik", "we", "wij")
                ]
                if len(fits) == 1:
                    f.name = fits[0]
        if (
            not f.name
            and f.kind == "direct"
            and not f.how
            and ctx.named
            and follows(ctx, ctx.named[-1], f)
        ):
            f.name = ctx.named[-1].name  # "..., zegt X. ,,<this quote>'': X goes on
        if not f.name and f.kind == "direct" and not f.how:
            f.name = beat(ctx, f, third)
        if not f.name and f.how not in ("document", "group"):
            f.name = inherit(ctx, f, history, last, last_para)
            if f.name and f.kind == "direct" and f.name in addressed(ctx, f):
                f.name = other_than(ctx, f, f.name, history)
        if f.name:
            last, last_para = f.name, f.paragraph
            if f.name.lower() not in ("ik", "we", "wij"):
                third = (f.name, f.end)
        history.append((f.paragraph, f.name, f.pure))
        if f.cue:
            cues_seen.add(f.cue)
        ctx.named.append(f)
    # a dialogue turn nobody could be given: the person the narration last spoke of nearby --
    # unless that person is only named after a preposition ("kansloos tegen Bergkamp") in an
    # interview whose every named quote is one person's: then it is that person's
    named = [f.name for f in items if f.kind == "direct" and f.name and f.speaker is not None]
    voices = set(named)
    main_voice = named[0] if len(voices) == 1 and len(named) >= 2 else None
    for f in items:
        if not f.name and f.kind == "direct" and f.pure and f.how != "group":
            who = ctx.people.last_mention_before(f.start, lo=max(0, f.start - 1500))
            if who is not None and main_voice and _after_preposition(ctx.text, who.start):
                f.name = main_voice
            elif who is not None and who.text.lower() not in ("we", "wij"):
                f.name = ctx.people.canonical(who.text)
    # an interview's bare quote given to someone the narration only names after a preposition
    # ("die zijn kansloos tegen Bergkamp, Henry, Vieira. ,,<quote>''"): the interviewee's
    if main_voice:
        prev_end, replaced = 0, set()
        for f in items:
            if f.kind == "direct" and f.speaker is None and f.name and f.name not in voices:
                ms = [m for m in ctx.people.at(prev_end, f.start) if ctx.people.canonical(m.text) == f.name]
                if (ms and all(_after_preposition(ctx.text, m.start) for m in ms)) or (not ms and f.name in replaced):
                    replaced.add(f.name)  # (and the turns that inherited it)
                    f.name = main_voice
            prev_end = f.end
    # a quote split by its attribution ("'A', zei hij, 'B'") has one speaker: the name chosen
    # with the most evidence (a part that addresses the pronoun's candidate rules it out)
    by_cue: dict[tuple[int, int], list[Found]] = {}
    for f in items:
        if f.cue and f.kind == "direct":
            by_cue.setdefault(f.cue, []).append(f)
    for parts in by_cue.values():
        if len({p.name for p in parts}) > 1:
            name = next((p.name for p in parts if p.addressed), None) or next(
                (p.name for p in parts if p.name), None
            )
            for p in parts:
                p.name = name
    # a quote that runs on into the next paragraph shares the speaker named there
    for k in range(len(items) - 2, -1, -1):
        f, g = items[k], items[k + 1]
        if (
            f.unclosed
            and f.kind == "direct"
            and f.speaker is None
            and g.paragraph == f.paragraph + 1
            and g.name
        ):
            f.name = g.name
    # same paragraph, same speaker: "'A', zegt X. 'B.'"
    for k, f in enumerate(items):
        if f.speaker is None and f.kind == "direct":
            for g in items[max(0, k - 3) : k + 3]:
                if g is not f and g.paragraph == f.paragraph and g.speaker and g.kind == "direct":
                    # only across its attribution, not across narration about someone else
                    # (news paragraphs hold several voices: "De voorzitter vroeg: '...?' ...")
                    if g.start < f.start:
                        gs = max(g.end, g.speaker[1])
                        if len(ctx.text[gs : f.start].split()) > 12 or any(
                            m.label in ("PER", "UNK") and gs <= m.start
                            for m in ctx.people.at(gs, f.start)
                        ):
                            continue  # "... twitterde X. Politicus Y steunde dat. 'B'": Y's
                    elif g.how not in ("after", "dat-zegt") or len(ctx.text[f.end : g.start].split()) > 3:
                        continue  # "'A.' De rechter vroeg: 'B'": B's speaker is new, not A's
                    f.name = g.name
                    break
    _alternating_turns(ctx, items)
    del text


_SHORT_TURNS = re.compile(r"""(?:\s*["“”„][^"“”„\n]{1,40}?["“”„])+\s*""")


def _alternating_turns(ctx: Context, items: list[Found]) -> None:
    """A run of bare quotes with nothing between them is a conversation of two, turn by turn
    ("'... zit je in de weg, Theodor.' 'Mijn mannelijkheid?' 'Ja.' 'Ik? ...'"): a turn that
    addresses someone by name is answered by that person, and every other turn is theirs too.
    Short turns too brief to be quotes of their own ("'Bossy? Ik?' 'Ja. Nogal.'") still count."""
    runs: list[list[tuple[int, Found]]] = []  # (turn number in the conversation, quote)
    for f in items:
        if f.kind != "direct" or f.speaker is not None:
            runs.append([])
            continue
        prev = runs[-1][-1] if runs and runs[-1] else None
        gap = ctx.text[prev[1].end : f.start] if prev is not None else ""
        bare = gap.strip(" \t\n\"'“”„‘’«»,")
        if prev is not None and not bare:
            runs[-1].append((prev[0] + 1, f))
        elif prev is not None and _SHORT_TURNS.fullmatch(inner := re.sub(r"""^["”“']|["“„']\s*$""", "", gap)):
            turns = len(re.findall(r"""["“”„][^"“”„\n]{1,40}?["“”„]""", inner))
            runs[-1].append((prev[0] + 1 + turns, f))
        else:
            runs.append([(0, f)])
    for run in runs:
        if len(run) < 3 or any(f.name for _, f in run):
            continue
        for k, f in run:
            who = addressed(ctx, f) or closing_vocative(ctx, f)
            if len(who) != 1:
                continue
            name = next(iter(who))
            for j, g in run:
                if (j - k) % 2 == 1 and g.name is None:
                    g.name = name
            break


_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:tegen|van|met|voor|bij|aan|naar|over|op|om|zonder|dan|als)\s+$")


def _after_preposition(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` is a preposition (the mention is no subject)."""
    return _PREPOSITION_BEFORE.search(text, max(0, pos - 12), pos) is not None


def _noun_phrase(ctx: Context, sp: tuple[int, int]) -> bool:
    """Whether a speaker phrase ends in a noun (by the tagger; without a model, a lower-case word)."""
    words = ctx.text[sp[0] : sp[1]].split()
    if not words or len(words) > 5:
        return False
    last = sp[1] - len(words[-1])
    tag = ctx.tags.get(last)
    return tag in ("NOUN", "PROPN") if ctx.tags else words[-1].islower()

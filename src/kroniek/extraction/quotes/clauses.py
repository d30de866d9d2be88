"""Indirect speech in clauses: \"X zegt/stelt/ontkent (...) dat ...\", \"X laat weten dat ...\",
inverted \"Eerder verklaarde X dat ...\", a cue set off by commas (\"De reden, zegt X, is ...\"), and
a reporting verb that closes its sentence (\"Dat heeft de NCTV bekendgemaakt\")."""

from __future__ import annotations

import re

from .context import Context
from .cues import SPEAKER_STOP, is_medium
from .marks import DASH_START, MARK_RE
from .phrases import VERB_ENDS_NP, WORD_RE, np_after, np_before


def late_report_cue(ctx: Context, seg: str, m: re.Match[str]) -> tuple[int, int] | None:
    """'Dat heeft de NCTV gisteren bekendgemaakt.', 'Dit maakte de koepel dinsdag bekend.':
    the reporting verb (participle or particle) closes the sentence; its span in ``seg``."""
    verb = m.group(1).lower()
    last = re.search(r"(\w+)\W*$", seg)
    if last is None:
        return None
    tail = last.group(1).lower()
    if verb in ("heeft", "hebben", "had", "hadden", "is", "zijn", "werd", "wordt") and ctx.lex.lemma(
        tail
    ):
        return last.start(1), last.end(1)
    if ctx.lex.particles.get(verb) == tail:
        return m.start(1), m.end(1)
    return None

def parenthetical(ctx: Context, us: int, ue: int, pi: int) -> bool:
    """'De reden, zegt psycholoog X, is dat ...': a cue set off by commas inside the claim."""
    text = ctx.text
    if MARK_RE.search(text, us, ue) or DASH_START.match(text, us):
        return False  # quotes and dialogue dashes are the direct-speech finder's
    for m in re.finditer(r",\s*(\w+)\s+", text[us:ue]):
        if m.group(1).lower() not in ctx.lex.report_forms or m.start() < 8:
            continue
        sp = np_after(text, us + m.end(), ue, ctx.lex, ctx.tags)
        if sp and re.match(r"\s*,\s*\S", text[sp[1] : ue]):
            cue = (us + m.start(1), us + m.end(1))
            ctx.add_indirect(us, ue, cue, sp, "parenthetical", pi)
            return True
    return False

#: holders that report no one's view ("ik vind dat" outside quote marks is the writer's own text;
#: "men denkt", "iedereen vindt" are generic)
NO_HOLDER = frozenset("ik we wij je jij u men iedereen niemand menigeen velen sommigen mensen mens iemand anderen weinigen".split())
_HYPOTHETICAL = re.compile(r"(?i)\b(?:zou|zouden|zal|zullen)\b")


def held(ctx: Context, us: int, ue: int, cue: tuple[int, int], sp: tuple[int, int]) -> bool:
    """Whether a view or demand is one a source states: not the writer's own ("ik vind"), not a
    generic holder, not a question ("Vindt X dat ...?") and not a hypothetical ("zou vinden")."""
    text = ctx.text
    head = text[sp[0] : sp[1]].lower().split()
    if not head or head[-1] in NO_HOLDER or head[0] in NO_HOLDER or head[-1] in ("de", "het", "een"):
        return False
    if text[us:ue].rstrip().endswith("?"):
        return False
    near = text[max(us, min(cue[0], sp[0]) - 12) : cue[1] + 8]
    return not _HYPOTHETICAL.search(near)


_TIME_PHRASE = re.compile(
    r"(?i)(?:^|\s)(?:vorige|volgende|afgelopen|komende|deze|die|dit|vorig|volgend|elke|iedere)\s+"
    r"(?:\w+\s+)?(?:maand|week|jaar|dag|weekend|keer|eeuw|zomer|winter|herfst|lente|avond|ochtend|nacht)$"
    r"|^(?:vroeger|destijds|onlangs|recent|gisteravond|gistermiddag|vanochtend|vanavond|vannacht)$"
)


def subject(ctx: Context, us: int, cue: tuple[int, int], limit: int) -> tuple[int, int] | None:
    """The speaker phrase of a cue: the subject before it ("X zegt"), or after it when the clause
    is inverted ("Op de laatste zittingsdag deelde de rechtbank mee"); ``limit``: where the
    phrase after the cue must end (the particle or the conjunction)."""
    text = ctx.text
    cs = ctx.clause_start(us, cue[0])
    sp = np_before(text, cs, cue[0])
    if sp is None:
        # "Onwrikbare steun De Duitse minister ... Heiko Maas zei": a heading glued to the sentence
        det = [m for m in re.finditer(r"\s(?:De|Het|Een)\s", text[cs : cue[0]])]
        if det:
            sp = np_before(text, cs + det[-1].start() + 1, cue[0])
    rel = re.search(r"(?:^|\s)(?:die|wie)\s", text[sp[0] : sp[1]] + " ") if sp else None
    if sp and rel:
        # "Freek Vonk die recentelijk op televisie vertelde dat": the relative clause's antecedent
        at = sp[0] + rel.start()
        ante = [
            x
            for x in ctx.people.at(max(us, at - 60), at)
            if x.label in ("PER", "UNK", "ORG")
            and x.end <= at
            and re.fullmatch(r"\s*(?:\([^()]{1,40}\))?\s*,?\s*", text[x.end : at])
        ]  # (also "Lilianne Ploumen (PvdA), die twee jaar geleden aankondigde ...")
        if ante:
            sp = (ante[-1].start, ante[-1].end)
        elif rel.start() == 0 and (noun := re.search(r"(?:^|\s)(?:de|het)\s+((?:[\w-]+\s+)?[\w-]+)\s*,\s*$", text[max(us, at - 60) : at])):
            # "de regering-Trump, die eerder deze week zei ... te willen": the noun before the comma
            base = max(us, at - 60)
            sp = (base + noun.start(1), base + noun.end(1))
    lead = text[sp[0] : sp[1]].split()[0].lower() if sp else ""
    adverb = False
    surname = re.match(r"(?:Van|De|Ter|Ten|Den|Op|In)\s+(?:(?:de|der|den|het|ter)\s+)?[A-Z]", text[sp[0] : sp[1]]) if sp else None
    if surname and not re.search(r"\s(?!(?:van|de|der|den|het|ter)\b)[a-z]", text[sp[0] + surname.end() : sp[1]]):
        lead = ""  # "Van Lieshout denkt", "De Vries zegt": a surname, no preposition (not "In de Britse krant X")
    if sp and lead not in SPEAKER_STOP:
        # "Baby Jairo Op de laatste zittingsdag deelde ...": a heading glued to
        # a sentence that opens with an adverbial
        heads = text[sp[0] : sp[1]].split()[1:4]
        if any(h.istitle() and h.lower() in SPEAKER_STOP for h in heads):
            lead = next(h.lower() for h in heads if h.istitle() and h.lower() in SPEAKER_STOP)
            # (an acronym is a name: "Het OM gaat ervan uit", not the word "om")
    if sp and _TIME_PHRASE.search(text[sp[0] : sp[1]]):
        lead = "toen"  # "Vorige maand eiste het OM ...": a time phrase opens an inverted clause
    elif (
        sp
        and (word := text[sp[0] : sp[1]].strip()).isalpha()
        and len(word) > 3
        and word[1:].islower()
        and ctx.tags.get(sp[0]) in ("ADV", "ADJ")
        and not any(m.label in ("PER", "ORG") for m in ctx.people.at(sp[0], sp[1]))
    ):
        lead, adverb = "toen", True  # "Halsstarrig houdt premier May vol dat ...": an adverb opens an inverted clause
    elif sp and re.search(r"\s(?:op|tijdens|na|sinds)\s+(?:het|de)\s", text[sp[0] : sp[1]]):
        lead = "op"  # "Komende zondag op het congres doen de Jonge Democraten ...": an adverbial

    if (
        sp is None
        or lead in SPEAKER_STOP
        or text[sp[0] : sp[1]].lower() in ("dat", "het", "wat")
    ):
        # inverted: "Op de laatste zittingsdag deelde de rechtbank mee dat"
        after = np_after(text, cue[1] + 1, limit, ctx.lex, ctx.tags)
        sp = after or (sp if sp is not None and (lead not in SPEAKER_STOP or adverb) else None)
    bare_verb = sp is not None and text[sp[0] : sp[1]] in VERB_ENDS_NP  # "..., maar heeft nu al aangegeven"
    if (sp is None or bare_verb) and (
        re.search(r"(?:\ben|\bmaar|\bte|,)\s*$", text[max(us, cue[0] - 6) : cue[0]])
        or re.search(
            r"(?:\ben|\bmaar)\s+(?:heeft|hebben|had|hadden|is|zijn|was|waren|wil|willen|zal|zullen|kan|kunnen|moet|"
            r"moeten)\s+(?:(?:nu|al|ook|wel|toch|dus|inmiddels|nog|intussen|daarom)\s+)*$",
            text[max(us, cue[0] - 50) : cue[0]],
        )
    ):
        # "Het OM ging er niet op in en gaat ervan uit dat ...", "Zij bekeken ... en ontdekten
        # dat", "De bonden grijpen de cijfers aan om te pleiten voor": the first clause's subject
        first = ctx.ellipsis or np_after(text, us, cue[0], ctx.lex, ctx.tags)
        if first is not None and ctx.plausible(first) and text[first[0] : first[1]].lower() not in ("het", "dat", "er"):
            sp = first
    return sp


_QUESTION_WORDS = frozenset("of hoe waarom wat wie wanneer waar welke hoeveel".split())
#: what follows "vraagt" when no question is put: "vraag ik me af", "vroeg of laat"
_NO_QUESTION = re.compile(r"(?:\w+\s+)?(?:zich|me|mij|ons|je|jezelf|mezelf)\b|of laat\b")


def cue_that(ctx: Context, us: int, ue: int, pi: int, before: int | None = None) -> bool:
    """X zegt/stelt/ontkent (…) dat …; X laat weten dat …; inverted 'Eerder verklaarde X dat'.
    ``before``: only a cue that starts before this position counts."""
    text = ctx.text
    seg = text[us:ue]
    ws = list(WORD_RE.finditer(seg))
    for i, w in enumerate(ws):
        if before is not None and us + w.start() >= before:
            break
        lw = w.group().lower()
        finite_particle = lw in ctx.lex.particles
        participle = lw == "bekend" and i and ws[i - 1].group().lower() in ("heeft", "hebben", "had", "hadden")
        # an indirect question: "Een jongeman vraagt of ...", "Ze vragen hoe ..." (not "vraagt zich af")
        question = ctx.lex.lemma(lw) == "vragen" and not _NO_QUESTION.match(
            " ".join(x.group().lower() for x in ws[i + 1 : i + 4])
        )
        if lw not in ctx.lex.that_forms and not finite_particle and not participle and not question:
            continue  # ("Z. heeft bekend dat": bekennen; "bekend" alone is mostly "known")
        if i and ws[i - 1].group().lower() == "te":
            continue  # "hoeft niet te melden dat": an infinitive reports nothing
        if i and ws[i - 1].group().lower() in ("de", "het", "een", "zijn", "haar", "hun") and (
            ctx.lex.kind(lw) != "indirect"
        ):
            continue  # "de vrees is dat", "zijn eis dat": a noun, no verb
        if re.match(r"(?i)(?:als|wanneer|indien|zodra)\b", seg.lstrip()):
            return False  # "Als ik zeg dat ...": a condition, not a statement
        need = ctx.lex.particles.get(lw) if lw not in ctx.lex.that_forms and not participle else None
        particle_at, particle_j = None, 0
        for j in range(i + 1, min(i + 12, len(ws))):
            raw = seg[ws[j - 1].end() : ws[j].start()]
            if ":" in raw and re.search(r"[\"“”„'‘’]", raw):
                break  # "zei enkel: \"...\"": direct speech, the direct finder's
            between = raw.strip(" \t'‘’\"“”„")  # (quoted words may sit between cue and "dat")
            if between.strip() and between.strip() != ":":
                break
            lj = ws[j].group().lower()
            if need and lj == need:
                need = None
                particle_at, particle_j = us + ws[j].start(), j
                continue
            if particle_at is not None and j - particle_j > 2:
                break  # "hield ik vol totdat ik hoorde dat": the particle must close the cue
            if question and lj in _QUESTION_WORDS:
                cue = (us + w.start(), us + w.end())
                sp = subject(ctx, us, cue, us + ws[j].start())
                if sp is None:
                    break
                cs = us + (ws[j].end() if lj == "of" else ws[j].start())  # "vraagt hoe ...": the question word stays
                ctx.add_indirect(cs, ue, cue, sp, "that", pi, kind="indirect")
                return True
            if question:
                continue
            if (lj in ("dat", "of") or between.strip() == ":") and need is None:
                cs = us + (ws[j].end() if lj in ("dat", "of") else ws[j].start())
                if between.strip() == ":":
                    cs = us + ws[j].start()
                cue = (us + w.start(), us + w.end())
                sp = subject(ctx, us, cue, particle_at or us + ws[j].start())
                if sp is None:
                    break
                kind = ctx.lex.kind(w.group())
                if kind in ("position", "call") and not held(ctx, us, ue, cue, sp):
                    return False
                if kind == "indirect" and is_medium(text[sp[0] : sp[1]]):
                    kind = "evidence"  # "meldt de NOS dat": a medium reports
                ctx.add_indirect(cs, ue, cue, sp, "that", pi, kind=kind)
                return True
    return False

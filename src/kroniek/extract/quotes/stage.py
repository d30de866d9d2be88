"""Quotes stage: direct and indirect speech with speakers, source chains and what they are about.

Rule based over paragraphs and sentences (regexes and lexicon lookups, no per-token model calls)
so it adds little to pipeline time and works with or without the trained model. Precision is
preferred: scare quotes, titles and the author's own hedges are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kroniek.model import Document, Quote, TextSpan
from kroniek.pipeline.registry import stage

from .cues import NOT_SOURCE, ORG_NOUNS, ROLE_NOUNS, SPEAKER_STOP, VEHICLE_NOUNS, Lexicon, get_lexicon
from .speakers import _ADJ_RE as _ADJ
from .speakers import FUNCTION_CAPS as _FUNCTION_CAPS
from .speakers import People

OPENERS = {"„": "dq", "“": "dq", '"': "dq", "«": "guil", "‘": "sq", "'": "sq", ",,": "dq"}
MARK_RE = re.compile(r",,|''|[„“”\"«»‘’']")
WORD_RE = re.compile(r"[\w][\w'’.-]*\w|\w")
DASH_START = re.compile(r"[ \t]*[-–—]\s+")
LEAD_ADVERBS = frozenset(
    """ook maar en eerder later daarnaast bovendien intussen inmiddels vervolgens tevens
    verder zo toen daarop daarna nu dan al wel echter wel gisteren vandaag maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag onlangs recent recentelijk eveneens""".split()
)
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


_SPEAKER_ADVERBS = frozenset("nu toen dan ook echter weer daarop eindelijk plotseling opeens".split())
_VOCATIVE_RE = re.compile(
    r"(?:^|[,!?.]\s*)(?:(?i:ach|o|och|nu|ja|neen|nee|kom|maar|zeg|hoor|wel|lieve|beste|mijn|"
    r"mijnheer|meneer|mevrouw|juffrouw|monsieur|madame|miss|mr\.?|mrs\.?)\s*,?\s*)*"
    r"([A-ZÀ-Þ][\w'’-]+)(?=\s*[,!?]|\s*\.{2,}|\s*$)"
)


@dataclass
class Found:
    """A quote under construction (spans are offsets into the text)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    how: str = ""  # after | before | colon | embedded | dash | continued | ... | "" = none
    chain_origin: tuple[int, int] | None = None
    name: str | None = None
    origin: str | None = None
    medium: tuple[int, int] | None = None
    about_extra: tuple[int, int] | None = None
    paragraph: int = 0
    pure: bool = False  # the paragraph is nothing but this quote
    unclosed: bool = False  # runs on into the next paragraph
    addressed: bool = False  # the resolved name was the quote's addressee and was replaced


# ---------------------------------------------------------------- text structure


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines of text: news paragraphs and headings are separated by newlines."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def units(doc: Document, paras: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Sentences cut at paragraph ends: (start, end, paragraph index)."""
    out = []
    sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    si = 0
    for pi, (ps, pe) in enumerate(paras):
        cur = ps
        while si < len(sents) and sents[si][1] <= ps:
            si += 1
        j = si
        while j < len(sents) and sents[j][0] < pe:
            end = min(sents[j][1], pe)
            if end > cur:
                s = max(cur, sents[j][0], ps)
                t = doc.text
                while s < end and t[s].isspace():
                    s += 1
                e = end
                while e > s and t[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((s, e, pi))
                cur = end
            j += 1
        if cur < pe and doc.text[cur:pe].strip():
            out.append((cur + len(doc.text[cur:pe]) - len(doc.text[cur:pe].lstrip()), pe, pi))
    return out


# ---------------------------------------------------------------- quote marks


def _can_open(text: str, i: int, mark: str) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in ("„", "“", "«", ",,", "‘"):
        if mark == ",," and not (prev.isspace() or prev in "(:"):
            return False
        return not (mark == "‘" and prev.isalnum())
    if mark == '"':
        return not prev.isalnum() or prev.isspace()
    if mark == "'":
        if prev.isalnum():
            return False
        tail = text[i + 1 : i + 4]
        if re.match(r"(?:s|t|k|n|r|m)\b", tail):  # 's avonds, 't, zo'n
            return False
        return nxt.isalnum() or nxt in "…."
    return False


def _can_close(text: str, i: int, mark: str) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in ("”", "»", "''", "“", "„"):
        return True
    if mark == '"':
        return True
    if mark in ("'", "’"):
        return not prev.isspace() and not nxt.isalnum()
    return False


_CLOSES = {"dq": ('"', "”", "“", "''"), "guil": ("»",), "sq": ("'", "’")}


def direct_spans(text: str, ps: int, pe: int) -> list[tuple[int, int, int, int, bool]]:
    """(mark_start, content_start, content_end, mark_end, closed) for each quote in a paragraph."""
    out = []
    open_at: int | None = None
    family = ""
    for m in MARK_RE.finditer(text, ps, pe):
        mark, i = m.group(), m.start()
        if open_at is None:
            if mark in OPENERS and _can_open(text, i, mark):
                open_at, family = i, OPENERS[mark]
                open_len = len(mark)
        else:
            if mark in _CLOSES[family] and _can_close(text, i, mark) and i > open_at + open_len:
                out.append((open_at, open_at + open_len, i, m.end(), True))
                open_at = None
    if open_at is not None:
        out.append((open_at, open_at + open_len, pe, pe, False))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n,":
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e


# ---------------------------------------------------------------- speaker phrases


def np_after(text: str, pos: int, limit: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase starting at ``pos`` (a speaker after a cue: "zegt de Turkse president X")."""
    det = False
    det_at = pos
    if text.startswith("'t ", pos) or text.startswith("’t ", pos):
        pos, det = pos + 3, True  # "vroeg 't dichtertje"
    elif text.startswith("-ie", pos):
        pos += 1  # "zei -ie"
    words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, pos, limit)]
    if not words or text[pos : words[0][0]].strip(" \t"):
        return None
    first = words[0][2].lower()
    from .cues import PRONOUNS

    if first in _SPEAKER_ADVERBS and len(words) > 1 and not text[words[0][1] : words[1][0]].strip():
        # "zeide nu Miss Morstan", "vroeg toen de man": an adverb before the subject
        return np_after(text, words[1][0], limit, lex)

    if first in PRONOUNS:
        return (words[0][0], words[0][1])
    if first in SPEAKER_STOP and first not in ("van",):
        return None
    end = None
    seen_cap = False
    prev_end = words[0][0]
    for k, (s, e, w) in enumerate(words[:9]):
        gap = text[prev_end:s]
        if k and gap.strip():  # punctuation between words ends the phrase
            break
        lw = w.lower()
        if lw in _NP_DETERMINERS and k == 0:
            prev_end = e
            continue
        if k and (w[0].isdigit() or lw in _QUANTITY_WORDS):
            break  # "volgens de groep | bijna 300 kinderen"
        if (
            lw in ("van", "de", "der", "den", "ter", "ten", "von", "al", "bin", "el", "le", "la")
            and k + 1 < len(words)
            and words[k + 1][2][0].isupper()
        ):
            prev_end = e
            continue
        if (
            lw == "van"
            and k
            and words[k - 1][2].lower() in ROLE_NOUNS
            and k + 2 < len(words)
            and words[k + 1][2].lower() in ("de", "het")
            and words[k + 2][2][0].isupper()
            and not text[e : words[k + 2][0]].strip(" \t").replace(words[k + 1][2], "").strip()
        ):
            # "de woordvoerder van de NS": the body the role belongs to
            prev_end = words[k + 1][1]
            end = words[k + 2][1]
            seen_cap = True
            break
        if lw in ("en", "als") and seen_cap and k + 1 < len(words) and words[k + 1][2][0].isupper():
            prev_end = e
            continue
        if (lw in SPEAKER_STOP or lex.lemma(lw) or lw in lex.particles) and not (k and w[0].isupper()):
            break  # (a capital inside the phrase is a name: "het OM", not the word "om")
        if k and lw in VERB_ENDS_NP:
            break  # (right after a determiner: "volgens haar | is" has no noun phrase)
        if w[0].isupper() and not _ADJ.search(w) and lw not in ROLE_NOUNS:
            seen_cap = True
        elif seen_cap:
            break
        end = e
        prev_end = e
    if end is None:
        return None
    if first not in _NP_DETERMINERS and not det and not words[0][2][0].isupper():
        # a bare lowercase phrase is a speaker only when it names a role or a body
        phrase = text[words[0][0] : end].lower().split()
        if not seen_cap and not any(w in ROLE_NOUNS or w in ORG_NOUNS for w in phrase):
            return None  # (a lowercase noun before a name is its title: "ontwikkelaar Erwin Slot")
    return (det_at if det else words[0][0], end)


def np_before(text: str, clause_start: int, cue_start: int) -> tuple[int, int] | None:
    """The subject before a cue ("De Turkse president Recep Erdogan noemde ...")."""
    seg = text[clause_start:cue_start]
    words = [(m.start() + clause_start, m.end() + clause_start, m.group()) for m in WORD_RE.finditer(seg)]
    if not words:
        return None
    # the subject runs from the last comma-free stretch; drop leading adverbs
    cut = seg.rfind(",")
    if cut >= 0:
        # an apposition ("X, woordvoerder van Y, zegt"): use what precedes the first comma
        first = seg.find(",")
        head = seg[:first].strip()
        if head and len(head.split()) <= 5 and first != cut:
            words = [w for w in words if w[1] <= clause_start + first]
        else:
            words = [w for w in words if w[0] > clause_start + cut]
    while words and words[0][2].lower() in LEAD_ADVERBS:
        words = words[1:]
    while len(words) > 1 and (words[-1][2].lower() in LEAD_ADVERBS or words[-1][2].lower() in VERB_ENDS_NP):
        words = words[:-1]
    if not words or len(words) > 10:
        return None
    return (words[0][0], words[-1][1])


#: Nouns that announce a title or name in quote marks ("de officiële naam bekend: '...'").
_TITLE_BEFORE = re.compile(r"(?i)\b(?:naam|titel|motto|slogan|thema|werktitel|leus|kop)\b[^.!?]{0,40}$")

#: Subordinating conjunctions: a clause they open is no claim of its own.
_SUBORDINATE = re.compile(
    r"(?i)(?:als|wanneer|indien|zodra|omdat|hoewel|nadat|voordat|terwijl|doordat|zodat|"
    r"aangezien|mits|tenzij)\b"  # (not toen/nu/sinds: also adverbs and prepositions)
)

#: "In het rapport staat: '...'", "Op de website valt te lezen: '...'"
_DOCUMENT_VERBS = frozenset("staat stond stonden staan luidt luidde lezen".split())

#: Words that open a noun phrase ("volgens de groep", "volgens haar vereniging").
_NP_DETERMINERS = frozenset(("de", "het", "een", "zowel", "zijn", "haar", "hun"))
#: Words that start a quantity and so end the phrase before them.
_QUANTITY_WORDS = frozenset("bijna ruim ongeveer circa zo'n minstens ten minste hooguit maximaal".split())

#: Finite verbs that end a subject phrase ("volgens de premier | is het tarief ...",
#: "Coalitiepartijen hebben | al laten weten dat").
VERB_ENDS_NP = frozenset(
    """is zijn was waren wordt worden werd werden heeft hebben had hadden zal zullen zou zouden
    kan kunnen kon konden moet moeten moest moesten wil willen wilde wilden gaat gaan ging gingen
    blijft blijven bleef bleven komt komen kwam kwamen staat staan stond stonden ligt liggen lag
    lagen lijkt lijken leek leken laat laten liet lieten doet doen deed deden""".split()
)


# ---------------------------------------------------------------- the stage


class _Finder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = get_lexicon()
        self.people = People(doc)
        self.paras = paragraphs(self.text)
        self.units = units(doc, self.paras)
        self.found: list[Found] = []
        a = getattr(doc, "analysis", None)
        self.analysis = a if a is not None and a.has_annotation("DEP") else None

    # -- helpers
    def parse_subject(self, cue: tuple[int, int], sp: tuple[int, int] | None) -> tuple[int, int] | None:
        """The dependency parse's subject of the cue verb ("Heel stilletjes zeg ik", "zei de oude
        man") when the phrase found by word order does not contain it; else ``sp``."""
        a = self.analysis
        if a is None:
            return sp
        tok = a.char_span(cue[0], cue[1], alignment_mode="expand")
        if tok is None or len(tok) != 1:
            return sp
        subj = [c for c in tok[0].children if c.dep_ in ("nsubj", "nsubj:pass")]
        if len(subj) != 1:
            return sp
        t = subj[0]
        if sp and sp[0] <= t.idx < sp[1] and t.pos_ in ("PROPN", "NOUN", "PRON"):
            # "De keizer had 't nog onlangs weer gezegd:": the phrase is the whole clause before
            # the cue; keep only the subject when the parse says where it ends
            toks = [x for x in t.subtree if x.dep_ not in ("punct", "acl", "acl:relcl")]
            left = min(x.idx for x in toks)
            right = max(x.idx + len(x.text) for x in toks)
            rest = self.text[right : sp[1]]
            # (not when a name follows the subject noun: "zegt ontwikkelaar Erwin Slot")
            if (
                sp[0] <= left
                and right <= sp[1]
                and len(rest.split()) >= 2
                and not re.match(r"\s*[A-ZÀ-Þ]", rest)
            ):
                return (left, right)
            return sp
        if (
            sp
            and t.pos_ == "PRON"
            and t.lower_ in ("hij", "zij", "ze", "ik", "ie")
            and cue[1] <= t.idx <= cue[1] + 2
            and not any(m.label in ("PER", "UNK") for m in self.people.at(*sp))
        ):
            return (t.idx, t.idx + len(t.text))  # "Heel stilletjes zeg ik daar nu bij:"
        if sp and self._plausible(sp):
            return sp
        if t.pos_ == "PRON":
            if t.lower_ not in ("hij", "zij", "ze", "ik", "ie"):
                return sp
            return (t.idx, t.idx + len(t.text))
        if t.pos_ not in ("PROPN", "NOUN"):
            return sp
        toks = [x for x in t.subtree if x.dep_ not in ("punct", "acl", "acl:relcl", "appos")]
        left = min(x.idx for x in toks)
        right = max(x.idx + len(x.text) for x in toks)
        if right - left > 60 or re.search(r"[\"“”„«»]", self.text[left:right]):
            return sp
        return (left, right)

    def _plausible(self, sp: tuple[int, int]) -> bool:
        """Whether a word-order speaker phrase starts like a person: a name, pronoun or article."""
        first = self.text[sp[0] : sp[1]].split()[0] if self.text[sp[0] : sp[1]].split() else ""
        low = first.lower().lstrip("'’-")
        if any(m.label == "PER" for m in self.people.at(*sp)):
            return True  # holds a person's name: "Van Lieshout", "architect Dirk Peters"
        if low in ("de", "het", "een", "t", "den", "der", "zijn", "haar", "mijn", "onze", "hun"):
            return True
        if low in ("hij", "zij", "ze", "ik", "ie", "we", "wij", "u", "men"):
            return True
        return first[:1].isupper() and low not in LEAD_ADVERBS and low not in _FUNCTION_CAPS

    def unit_at(self, pos: int) -> tuple[int, int, int]:
        for u in self.units:
            if u[0] <= pos < u[1] or (u[0] <= pos <= u[1]):
                return u
        return (pos, pos, 0)

    def cue_after(self, pos: int, limit: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """A cue right after a quote: '..., zegt X' / ', aldus X' / 'zei hij'."""
        text = self.text
        m = re.match(r"[\s,]*(?:[-–—]\s*)?(?:zo\s+)?(\w+)", text[pos:limit])
        if not m:
            return None
        w = m.group(1)
        lw = w.lower()
        cs, ce = pos + m.start(1), pos + m.end(1)
        # (a capitalised cue word starts a new sentence: "...'' Uitleggen" is a subheading)
        if not w[0].isupper() and (lw == "aldus" or self.lex.lemma(lw) or lw in self.lex.particles):
            if lw in self.lex.particles and not self.lex.lemma(lw):
                tail = text[ce:limit]
                comma = "," in text[pos:cs]  # "'...', merkt voorman X": the cue without its particle
                if not re.search(rf"\b{self.lex.particles[lw]}\b", tail[:80]) and not (
                    comma and self.lex.particles[lw] == "op"
                ):
                    return None
            return (cs, ce), np_after(text, ce + 1, limit, self.lex)
        # "'...', Erdogan zei": subject before the verb — not after a quote that ended its
        # sentence ("'... rechtsomkeert.' Deskundige X spreekt van ..." is new narration)
        if re.search(r"[.!?…][\"'”’»]*\s*$", text[max(0, pos - 4) : pos]):
            return None
        sp = np_after(text, cs, limit, self.lex)
        if sp:
            m2 = re.match(r"\s+(\w+)", text[sp[1] : limit])
            if m2 and self.lex.lemma(m2.group(1)):
                return (sp[1] + m2.start(1), sp[1] + m2.end(1)), sp
        return None

    def cue_before(
        self, ps: int, pos: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int] | None, str] | None:
        """Attribution ending right before a quote: 'X zei:', 'X:', 'zegt X:'."""
        text = self.text
        seg = text[ps:pos]
        m = re.search(r"([^.!?:;\"“”„]*?)\s*:\s*$", seg)
        if not m:
            return None
        clause = m.group(1)
        cstart = ps + m.start(1)
        words = list(WORD_RE.finditer(clause))
        if len(words) > 12:
            # "..., en glimlachen en ik zeg tegen Hoyer:": the last coordinated clause
            cut = self._clause_start(cstart, cstart + len(clause))
            cut = max(cut, cstart + (clause.rfind(",") + 1 if "," in clause else 0))
            clause = text[cut : cstart + len(clause)]
            cstart = cut
            words = list(WORD_RE.finditer(clause))
        if not words or len(words) > 12:
            return None
        # cue verb inside the clause
        for w in reversed(words):
            if self.lex.lemma(w.group()) and not w.group()[0].isupper():
                cue = (cstart + w.start(), cstart + w.end())
                sp = np_before(text, cstart, cue[0]) or np_after(text, cue[1] + 1, pos, self.lex)
                return cue, sp, "before"
        if words[0].group().lower() in SPEAKER_STOP and words[-1].group().lower() in _DOCUMENT_VERBS:
            return None, None, "document"  # "In dat arrest staat: '...'": a text speaks, no person
        if len(words) <= 5 and (words[0].group()[0].isupper()):
            return None, (cstart + words[0].start(), cstart + words[-1].end()), "colon"
        # "Minister Schouten wil hier nog niet op vooruitlopen: '...'": the clause's subject
        sp = np_after(text, cstart + words[0].start(), pos, self.lex)
        if sp and sp[1] < cstart + len(clause):
            named = any(x.label in ("PER", "UNK") for x in self.people.at(*sp))
            roles = any(w in ROLE_NOUNS for w in text[sp[0] : sp[1]].lower().split())
            follows = re.match(r"\s+([a-z]\w*)", text[sp[1] : pos])
            if (named or roles) and follows and follows.group(1) not in SPEAKER_STOP:
                return None, sp, "before"
        return None

    def embedded_cue(self, us: int, qs: int) -> tuple[tuple[int, int], tuple[int, int] | None, str] | None:
        """A cue earlier in the quote's own sentence ("Volgens X is het doel '...'", "X noemde")."""
        text = self.text
        seg = text[us:qs]
        m = re.search(r"\b[Vv]olgens\s+", seg)
        if m:
            sp = np_after(text, us + m.end(), qs, self.lex)
            if sp and text[sp[0] : sp[1]].split()[0].lower() not in NOT_SOURCE:
                return (us + m.start(), us + m.start() + 7), sp, "volgens"
        for w in WORD_RE.finditer(seg):
            lem = self.lex.lemma(w.group())
            if lem and not w.group()[0].isupper() or (lem and w.start() > 0):
                cue = (us + w.start(), us + w.end())
                sp = np_before(text, us, cue[0])
                if sp is None:
                    sp = np_after(text, cue[1] + 1, qs, self.lex)
                if sp:
                    return cue, sp, "embedded"
        return None

    # -- direct quotes
    def find_direct(self) -> None:
        text = self.text
        prev_open_unclosed = False
        # a text writes its dialogue with quote marks or with dashes: where quote marks open
        # paragraphs far more often than dashes do, a dash paragraph is narration unless a cue
        # marks speech in it
        marked = sum(1 for ps, _ in self.paras if text[ps : ps + 2].lstrip()[:1] in OPENERS)
        dashed = sum(1 for ps, _ in self.paras if DASH_START.match(text, ps))
        dash_dialogue = marked < 3 * dashed or marked < 5
        for pi, (ps, pe) in enumerate(self.paras):
            spans = direct_spans(text, ps, pe)
            dash = DASH_START.match(text, ps)
            if dash:
                n = len(self.found)
                self._dash_paragraph(pi, dash.end(), pe)
                if not dash_dialogue and not any(f.how for f in self.found[n:]):
                    del self.found[n:]
                prev_open_unclosed = False
                continue
            for k, (ms, cs, ce, me, closed) in enumerate(spans):
                s, e = _trim(text, cs, ce)
                if e <= s:
                    continue
                f = Found(s, e, "direct", paragraph=pi, unclosed=not closed)
                f.pure = not text[ps:ms].strip() and not text[me:pe].strip(" .")
                nxt = spans[k + 1][0] if k + 1 < len(spans) else pe
                after = self.cue_after(me, nxt) if closed else None
                if after:
                    f.cue, f.speaker, f.how = after[0], after[1], "after"
                    if text[after[0][0] : after[0][1]].lower() == "aldus":
                        f.how = "aldus"
                else:
                    prevend = spans[k - 1][3] if k else ps
                    bef = self.cue_before(prevend, ms)
                    if not bef and k == 0 and not text[ps:ms].strip():
                        bef = self._colon_paragraph_before(pi)
                    if bef:
                        f.cue, f.speaker, f.how = bef
                    else:
                        us = max(self.unit_at(ms)[0], prevend)
                        emb = self.embedded_cue(us, ms)
                        if emb:
                            f.cue, f.speaker, f.how = emb
                            if emb[2] == "embedded" and f.speaker:
                                f.about_extra = (f.cue[1], ms)
                if f.cue and f.how in ("after", "before", "embedded"):
                    f.speaker = self.parse_subject(f.cue, f.speaker)
                if k == 0 and ms == ps and prev_open_unclosed and not f.how:
                    f.how = "continued"
                if not self._keep(f, ms, me):
                    continue
                self.found.append(f)
            prev_open_unclosed = bool(spans) and not spans[-1][4]

    def _colon_paragraph_before(self, pi: int):
        """'... of hij zeide: ¶ "Ik moet zeggen ..."': a paragraph ending in a colon introduces
        the quote that opens the next one."""
        if pi == 0:
            return None
        pps, ppe = self.paras[pi - 1]
        if self.text[ppe - 1 : ppe] != ":" or MARK_RE.search(self.text, max(pps, ppe - 200), ppe):
            return None
        return self.cue_before(pps, ppe)

    def _dash_paragraph(self, pi: int, s: int, pe: int) -> None:
        """Dialogue dashes: '– Kom je? vroeg hij. – Ja.'"""
        text = self.text
        pos = s
        pieces: list[Found] = []
        for m in re.finditer(r"[,!?.…]\s+(?:[-–—]\s*)?(\w+)", text[s:pe]):
            w = m.group(1)
            lw = w.lower()
            if not (self.lex.lemma(lw) or lw == "aldus") or w[0].isupper() and lw not in ("aldus",):
                continue
            cue = (s + m.start(1), s + m.end(1))
            if cue[0] < pos:
                continue
            sp = np_after(text, cue[1] + 1, pe, self.lex)
            if sp is None:
                continue
            cs, ce = _trim(text, pos, s + m.start() + 1)
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
        cs, ce_ = _trim(text, pos, pe)
        if ce_ > cs and re.search(r"\w", text[cs:ce_]):
            pieces.append(Found(cs, ce_, "direct", paragraph=pi))
        if pieces and not pieces[-1].how:
            done = [p for p in pieces if p.how]
            if done:
                pieces[-1].cue, pieces[-1].speaker, pieces[-1].how = done[-1].cue, done[-1].speaker, "same"
        for p in pieces:
            p.pure = len(pieces) == 1
            self.found.append(p)

    def _keep(self, f: Found, ms: int, me: int) -> bool:
        """Drop scare quotes and titles: short unattributed quotes without sentence punctuation."""
        content = self.text[f.start : f.end]
        words = content.split()
        attributed = f.how in ("after", "before", "colon", "aldus")
        if (
            f.how == "embedded"
            and f.cue
            and self.lex.lemma(self.text[f.cue[0] : f.cue[1]])
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
        if len(words) <= 3 and not re.search(r"[.!?…]$", content.rstrip()) and not attributed:
            return False
        if len(words) <= 6 and all(w[0].isupper() or not w[0].isalpha() for w in words) and not attributed:
            return False  # a title or a name
        if f.how in ("embedded", "volgens") and len(words) <= 3 and not attributed:
            return False
        if (
            len(words) <= 8
            and not re.search(r"[.!?…]$", content.rstrip())
            and not self._has_verb(f.start, f.end)
        ):
            # "Het prominentenwerk 'Nijmegen, de mensen, de stad'", "de naam: 'X'": a title
            # (a verbless turn of dialogue opens its sentence: "'Ja, zeker,' zei hij" stays)
            # a title stands in apposition to a noun ("Het schilderij 'X'"); a quoted phrase after
            # other words ("het doel is nu “de vernietiging van X”") is reported speech
            if (not attributed and self._after_noun(ms)) or _TITLE_BEFORE.search(
                self.text, max(0, ms - 60), ms
            ):
                return False
        return True

    def _after_noun(self, pos: int) -> bool:
        """Whether the word right before ``pos`` (an opening quote mark) is a noun."""
        a = self.analysis
        if a is None or not re.search(r"\w\s*$", self.text[max(0, pos - 3) : pos]):
            return False
        span = a.char_span(max(0, pos - 40), pos, alignment_mode="contract")
        toks = [t for t in span if not t.is_space and not t.is_punct] if span is not None else []
        return bool(toks) and toks[-1].pos_ in ("NOUN", "PROPN")

    def _has_verb(self, start: int, end: int) -> bool:
        """Whether the span holds a verb (True without a model: no evidence either way)."""
        a = self.analysis
        if a is None:
            return True
        span = a.char_span(start, end, alignment_mode="expand")
        return span is None or any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("WW") for t in span)

    # -- indirect speech
    def find_indirect(self) -> None:
        text = self.text
        direct = [(f.start, f.end) for f in self.found]
        heading_ends = {}
        for pi, (ps, pe) in enumerate(self.paras):
            end = self._colon_heading(ps, pe, pi, direct)
            if end:
                heading_ends[pi] = end
        for ui, (us, ue, pi) in enumerate(self.units):
            if pi in heading_ends and us < heading_ends[pi]:
                continue
            seg = text[us:ue]
            # Dat schrijft Reuters (op basis van ...): the claim is the previous sentence
            m = re.match(r"(?:Dat|Dit|Zo|Dat alles|Dit alles)\s+(\w+)\s+", seg)
            late = self._late_report_cue(seg, m) if m and ui > 0 else None
            if m and (m.group(1).lower() in self.lex.report_forms or late) and ui > 0:
                cue = (us + m.start(1), us + m.end(1)) if late is None else (us + late[0], us + late[1])
                sp = np_after(text, us + m.end(), ue, self.lex)
                if sp:
                    prev = self.units[ui - 1]
                    ps_, pe_ = _trim(text, prev[0], prev[1])
                    while pe_ > ps_ and text[pe_ - 1] in ".;":
                        pe_ -= 1
                    f = Found(ps_, pe_, "indirect", cue=cue, speaker=sp, how="dat-zegt")
                    f.paragraph = prev[2]
                    rest = text[sp[1] : ue]
                    med = MEDIUM_RE.match(rest)
                    ch = CHAIN_RE.search(rest)
                    if ch:
                        origin = np_after(text, sp[1] + ch.end(), ue, self.lex)
                        f.chain_origin = origin
                    elif med:
                        f.medium = np_after(text, sp[1] + med.end(), ue, self.lex)
                    self.found.append(f)
                    continue
            # Uit onderzoek van X blijkt dat ...
            m = re.match(
                r"Uit\s+(?:een\s+|het\s+|de\s+)?(?:\w+\s+){0,2}?(?:onderzoek|rapport|cijfers|gegevens|"
                r"studie|analyse|peiling|enquête|documenten|berekeningen)\s+(?:\w+\s+){0,3}?"
                r"(?:van|door|onder leiding van)\s+",
                seg,
            )
            if m:
                m2 = re.search(r"\b(blijkt|blijken|bleek|bleken)\s+(?:\w+\s+){0,3}?dat\s+", seg[m.end() :])
                if m2:
                    sp = np_after(text, us + m.end(), ue, self.lex)
                    cs = us + m.end() + m2.end()
                    cue = (us + m.end() + m2.start(1), us + m.end() + m2.end(1))
                    self._add_indirect(cs, ue, cue, sp, "uit", pi)
                    continue
            # volgens X
            for m in re.finditer(r"\b[Vv]olgens\s+", seg):
                sp = np_after(text, us + m.end(), ue, self.lex)
                obj = re.match(r"(hem|haar)\b", text[us + m.end() : ue])
                if sp is None and obj:  # ("haar vereniging" is a phrase np_after already found)
                    sp = (us + m.end(), us + m.end() + len(obj.group(1)))  # "volgens hem": a pronoun
                if not sp or text[sp[0] : sp[1]].split()[0].lower() in NOT_SOURCE:
                    continue
                if m.start() > 0 and self._cue_that(us, ue, pi, before=us + m.start()):
                    break  # "De minister wees erop dat ... volgens de doorrekeningen ...": the minister speaks
                cue = (us + m.start(), us + m.start() + 7)
                if m.start() == 0:
                    cs, ce = sp[1], ue
                elif re.match(r"\s*[.!?]?$", text[sp[1] : ue]) and text[cue[0] - 2 : cue[0]].strip() == ",":
                    cs, ce = us, cue[0]
                else:
                    cs, ce = us, ue
                self._add_indirect(cs, ce, cue, sp, "volgens", pi)
                break
            else:
                if self._aldus(us, ue, pi) or self._cue_that(us, ue, pi) or self._parenthetical(us, ue, pi):
                    continue

    def _late_report_cue(self, seg: str, m: re.Match[str]) -> tuple[int, int] | None:
        """'Dat heeft de NCTV gisteren bekendgemaakt.', 'Dit maakte de koepel dinsdag bekend.':
        the reporting verb (participle or particle) closes the sentence; its span in ``seg``."""
        verb = m.group(1).lower()
        last = re.search(r"(\w+)\W*$", seg)
        if last is None:
            return None
        tail = last.group(1).lower()
        if verb in ("heeft", "hebben", "had", "hadden", "is", "zijn", "werd", "wordt") and self.lex.lemma(
            tail
        ):
            return last.start(1), last.end(1)
        if self.lex.particles.get(verb) == tail:
            return m.start(1), m.end(1)
        return None

    def _parenthetical(self, us: int, ue: int, pi: int) -> bool:
        """'De reden, zegt psycholoog X, is dat ...': a cue set off by commas inside the claim."""
        text = self.text
        if MARK_RE.search(text, us, ue) or DASH_START.match(text, us):
            return False  # quotes and dialogue dashes are the direct-speech finder's
        for m in re.finditer(r",\s*(\w+)\s+", text[us:ue]):
            if m.group(1).lower() not in self.lex.report_forms or m.start() < 8:
                continue
            sp = np_after(text, us + m.end(), ue, self.lex)
            if sp and re.match(r"\s*,\s*\S", text[sp[1] : ue]):
                cue = (us + m.start(1), us + m.end(1))
                self._add_indirect(us, ue, cue, sp, "parenthetical", pi)
                return True
        return False

    def _aldus(self, us: int, ue: int, pi: int) -> bool:
        """'…, aldus X.' and the news form without quote marks '…, meldt/zegt X (tegen Y).'"""
        m = None
        for m in re.finditer(r",\s*(\w+)\s+", self.text[us:ue]):  # noqa: B007 - keep the last
            pass
        if not m:
            return False
        verb = m.group(1).lower()
        if verb != "aldus" and _SUBORDINATE.match(self.text, us):
            return False  # "Als ik zeg dat ..., reageren ze anders": the comma ends a subordinate clause
        marks = list(MARK_RE.finditer(self.text, us, us + m.start())) if verb != "aldus" else []
        if marks and len(self.text[marks[-1].end() : us + m.start()].split()) >= 3:
            # a quote closed before this claim began ('... maken." Sociale media helpen mee,
            # zegt X.'): the claim starts after it
            us = marks[-1].end()
            while us < ue and self.text[us].isspace():
                us += 1
            for m in re.finditer(r",\s*(\w+)\s+", self.text[us:ue]):  # noqa: B007 - keep the last
                pass
        if verb != "aldus" and (
            verb not in self.lex.report_forms
            or MARK_RE.search(self.text, us, ue)
            or DASH_START.match(self.text, us)
        ):
            return False  # quotes and dialogue dashes are the direct-speech finder's
        sp = np_after(self.text, us + m.end(), ue, self.lex)
        if not sp:
            return False
        rest = self.text[sp[1] : ue]
        if verb != "aldus" and (len(rest.split()) > 5 or re.search(r"\b(?:dat|of)\b|[,;:]", rest)):
            return False  # narration goes on after the subject: no attribution
        cue = (us + m.start(1), us + m.end(1))
        self._add_indirect(us, us + m.start(), cue, sp, "aldus", pi)
        return True

    def _cue_that(self, us: int, ue: int, pi: int, before: int | None = None) -> bool:
        """X zegt/stelt/ontkent (…) dat …; X laat weten dat …; inverted 'Eerder verklaarde X dat'.
        ``before``: only a cue that starts before this position counts."""
        text = self.text
        seg = text[us:ue]
        ws = list(WORD_RE.finditer(seg))
        for i, w in enumerate(ws):
            if before is not None and us + w.start() >= before:
                break
            lw = w.group().lower()
            finite_particle = lw in self.lex.particles
            if lw not in self.lex.that_forms and not finite_particle:
                continue
            if i and ws[i - 1].group().lower() == "te":
                continue  # "hoeft niet te melden dat": an infinitive reports nothing
            if re.match(r"(?i)(?:als|wanneer|indien|zodra)\b", seg.lstrip()):
                return False  # "Als ik zeg dat ...": a condition, not a statement
            need = self.lex.particles.get(lw) if lw not in self.lex.that_forms else None
            particle_at = None
            for j in range(i + 1, min(i + 8, len(ws))):
                between = seg[ws[j - 1].end() : ws[j].start()]
                if between.strip() and between.strip() != ":":
                    break
                lj = ws[j].group().lower()
                if need and lj == need:
                    need = None
                    particle_at = us + ws[j].start()
                    continue
                if (lj in ("dat", "of") or between.strip() == ":") and need is None:
                    cs = us + (ws[j].end() if lj in ("dat", "of") else ws[j].start())
                    if between.strip() == ":":
                        cs = us + ws[j].start()
                    cue = (us + w.start(), us + w.end())
                    sp = np_before(text, self._clause_start(us, cue[0]), cue[0])
                    lead = text[sp[0] : sp[1]].split()[0].lower() if sp else ""
                    if sp and lead not in SPEAKER_STOP:
                        # "Baby Jairo Op de laatste zittingsdag deelde ...": a heading glued to
                        # a sentence that opens with an adverbial
                        heads = text[sp[0] : sp[1]].split()[1:4]
                        if any(h[0].isupper() and h.lower() in SPEAKER_STOP for h in heads):
                            lead = next(
                                h.lower() for h in heads if h[0].isupper() and h.lower() in SPEAKER_STOP
                            )
                    if (
                        sp is None
                        or lead in SPEAKER_STOP
                        or text[sp[0] : sp[1]].lower() in ("dat", "het", "wat")
                    ):
                        # inverted: "Op de laatste zittingsdag deelde de rechtbank mee dat"
                        after = np_after(text, cue[1] + 1, particle_at or us + ws[j].start(), self.lex)
                        sp = after or (sp if sp is not None and lead not in SPEAKER_STOP else None)
                    if sp is None:
                        break
                    self._add_indirect(cs, ue, cue, sp, "that", pi)
                    return True
        return False

    def _clause_start(self, us: int, pos: int) -> int:
        seg = self.text[us:pos]
        last = None
        for last in re.finditer(r"[;:]\s*|\b(?:en|maar|want)\s+", seg):  # noqa: B007 - keep the last
            pass
        return us + last.end() if last else us

    def _colon_heading(self, us: int, ue: int, pi: int, direct: list[tuple[int, int]]) -> int | None:
        """'Erdogan: Assad is een terrorist' (a heading or a sentence without quote marks)."""
        text = self.text
        m = re.match(r"([A-ZÀ-Þ][\w'’ .-]{0,40}?):\s+(?=\S)", text[us:ue])
        if not m or any(s < ue and us < e for s, e in direct):
            return None
        words = m.group(1).split()
        if len(words) > 4:
            return None
        sp = (us, us + m.end(1))
        ms = [x for x in self.people.at(*sp) if x.label in ("PER", "ORG", "MISC", "UNK")]
        if not ms and not any(w.lower() in ROLE_NOUNS for w in words):
            return None
        stop = re.search(r"[.!?](?:\s|$)", text[us + m.end() : ue])
        ce = us + m.end() + stop.end() if stop else ue
        self._add_indirect(us + m.end(), ce, None, sp, "colon", pi, kind="direct")
        return ce

    def _add_indirect(
        self,
        cs: int,
        ce: int,
        cue: tuple[int, int] | None,
        sp: tuple[int, int] | None,
        how: str,
        pi: int,
        kind: str = "indirect",
    ) -> None:
        cs, ce = _trim(self.text, cs, ce)
        while ce > cs and self.text[ce - 1] in ".;":
            ce -= 1
        if ce - cs < 8:
            return
        self.found.append(Found(cs, ce, kind, cue=cue, speaker=sp, how=how, paragraph=pi))

    # -- merging and naming
    def merge(self) -> list[Found]:
        """Indirect statements absorb unattributed or embedded direct quotes inside them."""
        direct = [f for f in self.found if f.kind == "direct" and f.how not in ("colon",)]
        indirect = [f for f in self.found if f not in direct]
        keep_direct = []
        for d in direct:
            host = next((i for i in indirect if i.start <= d.start and d.end <= i.end + 2), None)
            if host and d.how in ("", "embedded", "volgens", "continued"):
                host.kind = "mixed"
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

    def name_speakers(self, items: list[Found]) -> None:
        """Resolve speaker phrases; unattributed quotes inherit from context."""
        text = self.text
        self.people.quoted = sorted((f.start, f.end) for f in items if f.kind != "indirect")
        last: str | None = None
        last_para = -10
        third: tuple[str, int] | None = None  # last third-person speaker, end of their quote
        history: list[tuple[int, str | None, bool]] = []  # (paragraph, name, pure)
        self._named: list[Found] = []
        cues_seen: set[tuple[int, int]] = set()
        for f in items:
            if f.chain_origin:
                f.origin = self.people.resolve(*f.chain_origin)
            if f.speaker:
                f.name = self.people.resolve(f.speaker[0], f.speaker[1], third)
                if (
                    f.name
                    and f.cue
                    and self.text[f.speaker[0] : f.speaker[1]].strip().lower() in ("zij", "ze")
                    and self.text[f.cue[0] : f.cue[1]].lower().endswith("en")
                    and self.lex.lemma(self.text[f.cue[0] : f.cue[1]])
                ):
                    f.name, f.how = None, "group"  # "riepen zij", "zeiden ze": a group, not one woman
                if f.name and f.kind == "direct" and f.name in self._addressed(f):
                    f.name, f.addressed = self._other_than(f, f.name, history), True
                elif (
                    f.name
                    and f.kind == "direct"
                    and self.people.via_recent
                    and history
                    and history[-1][1] == f.name
                    and history[-1][0] == f.paragraph - 1
                    and f.cue not in cues_seen
                    and len(self.text[self._named[-1].end : f.start].split()) <= 30
                    and not self._named[-1].unclosed
                ):
                    # "zei hij" opening a new turn right after his turn, with no narration about
                    # him in between: the turn goes to the other man in the conversation
                    f.name = self._other_than(f, f.name, history, same_gender=True)
                if (
                    f.name
                    and f.kind == "direct"
                    and self.people.via_recent
                    and self._named
                    and self._named[-1].paragraph == f.paragraph - 1
                    and f.cue not in cues_seen
                    and not self._named[-1].unclosed
                ):
                    # '"Gij zult mij excuseeren, Mr. Sholto," zeide Miss Morstan. ¶ "...,"
                    # antwoordde hij': the person the previous turn addressed answers
                    phrase = self.text[f.speaker[0] : f.speaker[1]].strip().lower()
                    want = "m" if phrase in ("hij", "ie") else "f" if phrase in ("zij", "ze") else ""
                    turn = [g for g in self._named if g.paragraph == f.paragraph - 1]
                    fits = [
                        w
                        for w in sorted(set().union(*(self._addressed(g) for g in turn)))
                        if want
                        and w != self._named[-1].name
                        and self.people.gender(w) in ("", want)
                        and w.lower() not in ("ik", "we", "wij")
                    ]
                    if len(fits) == 1:
                        f.name = fits[0]
            if (
                not f.name
                and f.kind == "direct"
                and not f.how
                and self._named
                and self._follows(self._named[-1], f)
            ):
                f.name = self._named[-1].name  # "..., zegt X. ,,<this quote>'': X goes on
            if not f.name and f.kind == "direct" and not f.how:
                f.name = self._beat(f, third)
            if not f.name and f.how not in ("document", "group"):
                f.name = self._inherit(f, history, last, last_para)
                if f.name and f.kind == "direct" and f.name in self._addressed(f):
                    f.name = self._other_than(f, f.name, history)
            if f.name:
                last, last_para = f.name, f.paragraph
                if f.name.lower() not in ("ik", "we", "wij"):
                    third = (f.name, f.end)
            history.append((f.paragraph, f.name, f.pure))
            if f.cue:
                cues_seen.add(f.cue)
            self._named.append(f)
        # a dialogue turn nobody could be given: the person the narration last spoke of nearby
        for f in items:
            if not f.name and f.kind == "direct" and f.pure and f.how != "group":
                who = self.people.last_mention_before(f.start, lo=max(0, f.start - 1500))
                if who is not None and who.text.lower() not in ("we", "wij"):
                    f.name = self.people.canonical(who.text)
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
                            if len(self.text[gs : f.start].split()) > 12 or any(
                                m.label in ("PER", "UNK") and gs <= m.start
                                for m in self.people.at(gs, f.start)
                            ):
                                continue  # "... twitterde X. Politicus Y steunde dat. 'B'": Y's
                        elif g.how != "after" or len(self.text[f.end : g.start].split()) > 3:
                            continue  # "'A.' De rechter vroeg: 'B'": B's speaker is new, not A's
                        f.name = g.name
                        break
        del text

    def _follows(self, prev: Found, f: Found) -> bool:
        """Whether quote ``f`` opens right after ``prev``'s attribution, with no narration between
        ("Sociale media helpen mee, zegt woordvoerster X. ,,De plaatjes ...''")."""
        if not prev.name or prev.speaker is None or prev.paragraph != f.paragraph or prev.end > f.start:
            return False
        gap = self.text[max(prev.end, prev.speaker[1]) : f.start]
        return len(gap.split()) <= 6 and len(re.findall(r"[.!?]", gap)) <= 1

    def _addressed(self, f: Found) -> set[str]:
        """Names a quote addresses ("Ach, Matjeff!", "Kom, Freddy, ..."): not its speaker when a
        pronoun ("zeide hij") was resolved to one of them."""
        content = self.text[f.start : f.end]
        words = set(_VOCATIVE_RE.findall(content))
        if not words:
            return set()
        out = set()
        known = {w for name in self.people._canon for w in name.split()}
        for w in words:
            if w in known:  # the vocative's own canonical name, not every run holding it
                out.add(self.people.canonical(w))
        return out

    def _other_than(
        self, f: Found, name: str, history: list[tuple[int, str | None, bool]], same_gender: bool = False
    ) -> str | None:
        """The pronoun's other candidate: the latest other speaker (of the pronoun's gender when
        ``same_gender``), else ``name``."""
        phrase = self.text[f.speaker[0] : f.speaker[1]].strip().lower() if f.speaker else ""
        if f.speaker and phrase not in ("hij", "zij", "ze", "ie"):
            return name
        want = ("m" if phrase in ("hij", "ie") else "f") if same_gender else ""
        for _, n, _ in reversed(history[-8:]):
            if n and n != name and n.lower() not in ("ik", "we", "wij"):
                if want and self.people.gender(n) != want:
                    continue
                return n
        return name

    def _beat(self, f: Found, third: tuple[str, int] | None) -> str | None:
        """An action beat right after a bare quote names its speaker: '"Ja, ja." Hij zocht ...'."""
        text = self.text
        pe = self.paras[f.paragraph][1] if f.paragraph < len(self.paras) else len(text)
        m = re.match(
            r"[\"”“'’»]?\s*(?:[-–—]\s*)?([A-Za-zÀ-ÿ][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+([a-z]\w*)",
            text[f.end : pe],
        )
        if not m or f.end + m.start(1) >= pe:
            return None
        s, e = f.end + m.start(1), f.end + m.end(1)
        word = m.group(1).lower()
        if word in ("hij", "zij", "ze", "ie"):
            return self.people.resolve(s, e, third)
        if not m.group(1)[0].isupper():
            return None
        ms = [x for x in self.people.at(s, e) if x.start == s and x.label in ("PER", "UNK")]
        return self.people.canonical(ms[0].text) if ms else None

    def _inherit(
        self, f: Found, history: list[tuple[int, str | None, bool]], last: str | None, last_para: int
    ) -> str | None:
        if f.kind != "direct":
            return None
        if f.how == "continued":
            return last
        if history and history[-1][0] == f.paragraph:
            prev = self._named[-1] if self._named else None
            gap_s = max(prev.end, prev.speaker[1] if prev.speaker else prev.end) if prev else f.start
            gap = self.text[gap_s : f.start].strip(" \t\n\"'“”„‘’«»,:-–—")  # without the marks
            if gap.endswith("?") and last and re.search(r"(?i)\b(?:je|jij|jou|u|jullie)\b", gap):
                # an interview: a question put to "je" between two answers is the interviewer's,
                # and a name in it ("En toen bedacht je dus Naesten?") is what it asks about, not
                # who answers; "Kon Verschuur dat uitrollen?" still names the answerer below
                return last
            if len(gap.split()) >= 5:
                # narration between the last quote and this one: its subject speaks
                # ("... zegt X. Y probeert het uit te leggen. ,,<quote>''" -> Y)
                who = self.people.last_person_before(f.start, lo=gap_s)
                if who:
                    return who
            return last
        # alternating dialogue: pure quote paragraphs in a row
        # narration in the same paragraph before the quote names the speaker
        ps = self.paras[f.paragraph][0]
        if f.start - ps > 3:
            who = self.people.last_person_before(f.start, lo=ps)
            if who:
                return who
            m = re.search(r"\b(hij|zij|ze)\b", text_lower := self.text[ps : f.start].lower())
            if m and text_lower:
                return last or self.people.last_person_before(ps)
        if f.paragraph > 0 and not (self._named and self._named[-1].paragraph == f.paragraph - 1):
            # a dialogue opening after a narration paragraph: its last sentence's subject speaks
            pps = self.paras[f.paragraph - 1][0]
            if not MARK_RE.search(self.text, pps, f.start) and not DASH_START.match(self.text, pps):
                who = self.people.last_mention_before(f.start, lo=pps)
                if who is not None and who.text.lower() not in ("we", "wij"):
                    return self.people.canonical(who.text)
        if f.paragraph - last_para <= 1:
            actor = self._closing_actor(f)
            if actor:
                return actor
            other = self._other_party(f)
            return other or last
        return None

    def _closing_actor(self, f: Found) -> str | None:
        """'"Goed zoo." Fogg gaf zijn valies aan Passepartout. ¶ "Draag er zorg voor."': the
        person acting in the narration that closes the previous turn's paragraph speaks next."""
        if not self._named or self._named[-1].paragraph != f.paragraph - 1:
            return None
        prev = self._named[-1]
        pe = self.paras[prev.paragraph][1]
        tail = self.text[prev.end : pe]
        if MARK_RE.search(tail[2:]) or len(tail.split()) < 4:
            return None
        cut = [m.end() for m in re.finditer(r"[.!?][\"”’'»]*\s+(?=[A-Z'’])", tail)]
        if not cut and self.text[prev.end - 1 : prev.end] in (".", "!", "?"):
            # the quote's own sentence ended inside the marks: '"Goed zoo." Fogg gaf ...'
            lead = re.match(r"[\"”’'»]+\s+(?=[A-Z])", tail)
            cut = [lead.end()] if lead else []
        if not cut:
            return None  # only the attribution ("…," zei hij.) follows the quote
        ss = prev.end + cut[-1]
        who = self.people.last_mention_before(pe, lo=ss)
        if who is None:
            return None
        name = self.people.canonical(who.text)
        return None if name.lower() in ("we", "wij") else name

    def _other_party(self, f: Found) -> str | None:
        """Turn-taking: a bare quote paragraph right after another speaker's turn answers it.

        The turns are the quote paragraphs before this one (quotes of one paragraph are one turn),
        back to the first gap. The answer comes from the person the previous turn addressed by
        name ("Ach, Matjeff!"), else from the latest turn by someone other than the previous
        speaker, else, in a first-person story, from the narrator ("ik")."""
        turns: list[tuple[int, str | None, Found]] = []
        same_par: list[str] = []  # other speakers earlier in the previous turn's paragraph
        for g in reversed(self._named):
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
        for who in sorted(self._addressed(turns[0][2])):
            if who != prev and who.lower() not in ("ik", "we", "wij"):
                return who
        for name in same_par + [t[1] for t in turns[1:] if t[1]]:
            if name != prev:
                return name
        # the dialogue began after narration: the person it was about
        first = turns[-1][2]
        lo = max(0, first.start - 1200)
        for m in self.people._backwards(first.start, lo):
            if m.label == "PRO" and m.text == "ik" and prev != "ik" and not self.people._in_quote(m.start):
                return "ik"  # the narrator acting before the dialogue takes part in it
            if m.label in ("PER", "UNK", "DESC", "PROm", "PROf") and not self.people._in_quote(m.start):
                who = self.people.canonical(m.text)
                if (
                    who != prev
                    and who.lower() not in ("ik", "we", "wij")
                    and who.lower() not in _FUNCTION_CAPS
                ):
                    return who
        if prev != "ik" and self.people.narrator_before(f.start):
            return "ik"
        return None

    def build(self, items: list[Found]) -> list[Quote]:
        text = self.text
        out = []
        for f in items:
            about: list[str] = []
            spans = [(f.start, f.end)] + ([f.about_extra] if f.about_extra else [])
            for s, e in spans:
                for m in self.people.at(s, e):
                    if m.start >= s and m.end <= e and m.label in ("PER", "ORG", "UNK"):
                        c = self.people.canonical(m.text)
                        if c != f.name and c not in about and c.lower() not in ("ik", "we", "wij"):
                            about.append(c)
                for dm in re.finditer(r"\b(?:de|het|een)\s+((?:[\w-]+\s+){0,2}[\w-]+)", text[s:e], re.I):
                    ws = dm.group(1).split()
                    for n in range(len(ws), 0, -1):
                        if ws[n - 1].lower() not in ROLE_NOUNS:
                            continue
                        c = self.people.describe(" ".join(ws[:n]), s + dm.start())
                        if c and c != f.name and c not in about:
                            about.append(c)
                        break
            chain: tuple[str, ...] = (f.name,) if f.name else ()
            speaker_span = f.speaker
            name = f.name
            if f.medium and name:
                outlet = self.people.resolve(*f.medium)
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


def extract_quotes(doc: Document) -> list[Quote]:
    """All quotes of a document (the stage body, usable on its own)."""
    finder = _Finder(doc)
    finder.find_direct()
    finder.find_indirect()
    items = finder.merge()
    finder.name_speakers(items)
    return finder.build(items)


@stage("quotes", requires={"sentences", "entities"}, provides={"quotes"}, version=3)
def find_quotes(doc: Document) -> Document:
    """Fill ``doc.quotes`` with direct and indirect speech, speakers and source chains."""
    doc.quotes = extract_quotes(doc)
    return doc


__all__ = ["extract_quotes", "find_quotes", "replace"]

"""The state the quote finders share for one article: its text, paragraphs and sentence units,
the people in it, the cue lexicon, the parse, and the statements found so far."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kroniek.lexicon import words
from kroniek.lexicon.reporting import get_lexicon
from kroniek.model import Document

from .phrases import LEAD_ADVERBS
from .speakers import FUNCTION_CAPS, People
from .text_units import paragraphs, trim, units

#: words of exclamation, never a speaker ("Ah, daar was ze weer")
INTERJECTIONS = words("interjections.txt", __package__)


def _apposed_name(t: Any) -> tuple[int, int] | None:
    """The proper name in apposition to a subject noun ("woordvoerder Lotte Nijland"), if any."""
    if t.pos_ != "NOUN":
        return None
    for c in t.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            toks = [x for x in c.subtree if x.dep_ != "punct" and x.i >= c.i]
            return toks[0].idx, max(x.idx + len(x.text) for x in toks)
    return None


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
    labelled: str | None = None  # "X noemde Y 'Z'": Y, what the quote is about first
    paragraph: int = 0
    pure: bool = False  # the paragraph is nothing but this quote
    unclosed: bool = False  # runs on into the next paragraph
    addressed: bool = False  # the resolved name was the quote's addressee and was replaced


class Context:
    """One article as the finders see it; ``found`` collects :class:`Found` statements."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = get_lexicon()
        self.people = People(doc)
        self.paras = paragraphs(self.text)
        self.units = units(doc, self.paras)
        self.found: list[Found] = []
        #: the subject of the first of two coordinated clauses, while the second is read
        #: ("Hij erkent dat ..., maar blijft van mening dat ...")
        self.ellipsis: tuple[int, int] | None = None
        self.named: list[Found] = []  # statements in reading order once speakers are named
        a = getattr(doc, "analysis", None)
        self.analysis = a if a is not None and a.has_annotation("DEP") else None
        #: the tagger's part of speech by token start (empty without a model)
        self.tags: dict[int, str] = {t.start: t.pos for t in doc.tokens} if self.analysis is not None else {}

    def parse_subject(self, cue: tuple[int, int], sp: tuple[int, int] | None) -> tuple[int, int] | None:
        """The dependency parse's subject of the cue verb ("Heel stilletjes zeg ik", "zei de oude
        man") when the phrase found by word order does not contain it; else ``sp``. An
        interjection opening the clause ("Ah, daar was ze weer en riep: ...") is nobody."""
        if sp and self.text[sp[0] : sp[1]].strip().lower() in INTERJECTIONS:
            sp = None
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
        named = _apposed_name(t)
        if named is not None and (sp is None or not sp[0] <= named[0] < sp[1]):
            # "Bij La Place zegt woordvoerder Lotte Nijland:", "De voorzitter van de bond, Peter
            # Glas, riep op:": the name in apposition to the subject noun speaks
            return named
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
        if sp and self.plausible(sp):
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

    def plausible(self, sp: tuple[int, int]) -> bool:
        """Whether a word-order speaker phrase starts like a person: a name, pronoun or article."""
        first = self.text[sp[0] : sp[1]].split()[0] if self.text[sp[0] : sp[1]].split() else ""
        low = first.lower().lstrip("'’-")
        if any(m.label == "PER" for m in self.people.at(*sp)):
            return True  # holds a person's name: "Van Lieshout", "architect Dirk Peters"
        if low in ("de", "het", "een", "t", "den", "der", "zijn", "haar", "mijn", "onze", "hun"):
            return True
        if low in ("hij", "zij", "ze", "ik", "ie", "we", "wij", "u", "men"):
            return True
        return first[:1].isupper() and low not in LEAD_ADVERBS and low not in FUNCTION_CAPS

    def unit_at(self, pos: int) -> tuple[int, int, int]:
        for u in self.units:
            if u[0] <= pos < u[1] or (u[0] <= pos <= u[1]):
                return u
        return (pos, pos, 0)

    def after_noun(self, pos: int) -> bool:
        """Whether the word right before ``pos`` (an opening quote mark) is a noun."""
        a = self.analysis
        if a is None or not re.search(r"\w\s*$", self.text[max(0, pos - 3) : pos]):
            return False
        span = a.char_span(max(0, pos - 40), pos, alignment_mode="contract")
        toks = [t for t in span if not t.is_space and not t.is_punct] if span is not None else []
        return bool(toks) and toks[-1].pos_ in ("NOUN", "PROPN")

    def has_verb(self, start: int, end: int) -> bool:
        """Whether the span holds a verb (True without a model: no evidence either way)."""
        a = self.analysis
        if a is None:
            return True
        span = a.char_span(start, end, alignment_mode="expand")
        return span is None or any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("WW") for t in span)

    def clause_start(self, us: int, pos: int) -> int:
        seg = self.text[us:pos]
        last = None
        for last in re.finditer(r"[;:]\s*|\b(?:en|maar|want)\s+", seg):  # noqa: B007 - keep the last
            pass
        return us + last.end() if last else us

    def add_indirect(
        self,
        cs: int,
        ce: int,
        cue: tuple[int, int] | None,
        sp: tuple[int, int] | None,
        how: str,
        pi: int,
        kind: str = "indirect",
    ) -> None:
        cs, ce = trim(self.text, cs, ce)
        while ce > cs and self.text[ce - 1] in ".;":
            ce -= 1
        if ce - cs < 8:
            return
        if kind not in ("indirect", "direct") and cue and any(
            f.kind == "direct" and f.start <= cue[0] < f.end for f in self.found
        ):
            return  # a view or demand inside quoted speech is part of that quote ("'Ik geloof dat ...'")
        self.found.append(Found(cs, ce, kind, cue=cue, speaker=sp, how=how, paragraph=pi))

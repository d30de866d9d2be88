"""Who is speaking: names, descriptions and pronouns resolved to a person within one article.

Works from ``doc.entities`` when the model found them and falls back to capitalised-word
heuristics otherwise (the blank analysis has no NER). ``speaker_name`` is always the fullest
name the article uses for that person ("Recep Erdogan" even where the cue says "Erdogan").

:class:`People` is the article's index of person-like mentions (this module); what it infers
from them lives beside it: ``narration`` (descriptions and pronouns as antecedents),
``genders`` and ``resolution`` (a speaker phrase to a canonical name).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import KeysView

from kroniek.lexicon import ROLE_NOUNS
from kroniek.model import Document, Entity

from .genders import Genders
from .names import (
    ADJECTIVE_RE,
    FUNCTION_CAPS,
    INITIAL_RE,
    NAME_TAIL_RE,
    ORG_TAILS,
    PARTICLES,
    PORTFOLIO_RE,
    POSSESSIVES,
    ROMAN_RE,
    TITLES,
    Mention,
    fuller,
    heuristic_names,
    person_texts,
    portfolio_glued,
    split_glued,
    strip_role,
)
from .narration import Narration
from .resolution import Resolution


def _genitive(e: Entity) -> bool:
    """A person's genitive the entities stage linked to them ("Trumps" for Donald Trump)."""
    text = e.text.replace("’", "'")
    if e.label != "PER" or not text.endswith("s") or text == e.entity:
        return False
    return text[:-2 if text.endswith("'s") else -1] == e.entity.split()[-1]


class People(Narration, Genders, Resolution):
    """Name mentions of one article with canonical (fullest) names and known descriptions."""

    def __init__(self, doc: Document) -> None:
        text = doc.text
        self.text = text
        # role phrases the entities stage resolved ("de premier") are read as descriptions here,
        # and a genitive ("Trumps beslissing") names no one who speaks or is spoken of
        names = [e for e in doc.entities if not e.reference and not _genitive(e)]
        a = getattr(doc, "analysis", None)
        self.analysis = a if a is not None and a.has_annotation("DEP") else None
        # nationality adjectives come as MISC entities with a country: never a speaker; a name the
        # model typed LOC/ORG/MISC somewhere is a person when the article treats it as one
        persons = person_texts(text, names)
        people = [
            e
            for e in names
            if (e.label != "LOC" or e.text in persons) and not (e.label == "MISC" and e.country)
        ]
        ents = [strip_role(text, e.start, e.end, "PER" if e.text in persons else e.label) for e in people]
        self.has_ner = bool(names)
        self._lower = set(re.findall(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*", text))
        # places the gazetteer knows (a LOC-typed "Fogg" of one mention is no place)
        self._place_mentions = [
            Mention(e.start, e.end, e.text, "LOC") for e in names if e.label == "LOC" and e.lat is not None
        ]
        self._places = {m.text for m in self._place_mentions}
        # organisations the article names on their own ("van Vitesse"): no name's tail
        self._orgs = {e.text for e in names if e.label == "ORG" and " " not in e.text}
        ents = [self._clean(self._extend(e)) for e in ents if e is not None]
        ents = [e for e in ents if e is not None]
        heur = [h for h in (self._clean(h) for h in heuristic_names(text)) if h is not None]
        places = [
            (e.start, e.end) for e in names if e.label == "LOC" and " " in e.text and e.text not in persons
        ]  # a place of several words the model found ("Place de la Grande-Poste") is no name run
        heur = [h for h in heur if not any(s < h.end and h.start < e for s, e in places)]
        if ents:
            # a run the model typed PER elsewhere ("Darja Alexandrowna") stays a person where it
            # typed only a part of it LOC; the part gives way
            per_texts = {e.text for e in ents if e.label == "PER"}
            known = [
                h
                for h in heur
                if h.text in per_texts
                and " " in h.text
                and not any(e.label == "PER" and e.start < h.end and h.start < e.end for e in names)
            ]
            ents = [e for e in ents if not any(h.start <= e.start and e.end <= h.end for h in known)]
            heur = [Mention(h.start, h.end, h.text, "PER") if h in known else h for h in heur]
            # heuristic runs give way to the model's people and organisations and to known places
            covered = [(e.start, e.end) for e in ents] + [
                (e.start, e.end) for e in names if e.label == "LOC" and e.lat is not None
            ]
            heur = [
                h for h in heur if h.label == "PER" or not any(s < h.end and h.start < e for s, e in covered)
            ]
            # heuristic names only help where NER is silent: keep multi-word ones and words
            # that end a name the model found ("Assad" after "president Assad")
            lasts = {e.text.split()[-1] for e in ents if e.label == "PER"}
            heur = [h for h in heur if " " in h.text or h.text in lasts]
        counts: dict[str, int] = {}
        for e in names:
            counts[e.text] = counts.get(e.text, 0) + 1
        self.mentions = split_glued(sorted(ents + heur, key=lambda m: m.start), counts)
        self._starts = [m.start for m in self.mentions]
        self._freq: dict[str, int] = {}
        strong: set[str] = set()  # texts the model found or that occur away from a sentence start
        for m in self.mentions:
            self._freq[m.text] = self._freq.get(m.text, 0) + 1
            if m.label != "UNK" or not INITIAL_RE.search(text[max(0, m.start - 4) : m.start]):
                strong.add(m.text)
        # with a model, a capitalised run it did not find, seen only at sentence or quote starts
        # ("Zeg Japi", an imperative before a vocative), is no fuller name
        self._weak = {t for t in self._freq if t not in strong} if self.has_ner else set()
        self._canon: dict[str, str] = {}
        for name in sorted(self._freq):
            self.canonical(name)
        self.quoted: list[tuple[int, int]] = []  # quote contents: names there are addressees
        self._events: list[Mention] = []  # narration subjects that are no names (DESC, PRO)
        self._ev_starts: list[int] = []
        self._events_for: list[tuple[int, int]] | None = None
        self._desc_genders: dict[str, str] = {}
        self.via_recent = False  # the last pronoun resolved to the recent speaker, no narration
        self._titled: set[str] = set()  # names whose gender a title or noun states ("mevrouw X")
        self._genders: dict[str, str] | None = None
        self.described: dict[str, str] = {}  # lowercased description -> as first written
        self.roles: list[tuple[int, str, str]] = []  # (position, description lower, canonical)
        self.portfolios: dict[str, str] = {}  # "financiën" -> the minister named for it
        self._find_descriptions()

    def _extend(self, m: Mention) -> Mention:
        """A person entity the model cut short keeps the capitalised words that follow it in the
        same run ("Stipan" + "Arkadiewitsch" when only the first name was tagged); a place or an
        organisation the article names on its own ends the run ("Tim Matavz | Vitesse op 3-2")."""
        if m.label != "PER":
            return m
        run = NAME_TAIL_RE.match(self.text, m.end)
        if not run:
            return m
        words = run.group().split()
        keep = 0
        for k, w in enumerate(words):
            if w.lower() in FUNCTION_CAPS or w in self._places or w in self._orgs:
                break
            if w.lower() not in PARTICLES:
                keep = k + 1
        if not keep:
            return m
        end = m.end
        for w in words[:keep]:
            end = self.text.index(w, end) + len(w)
        return Mention(m.start, end, self.text[m.start : end], m.label)

    def _clean(self, m: Mention) -> Mention | None:
        """Trim what a name run picked up around a name: a sentence-initial ordinary word
        ("Waarachtig", "Alleen Hoyer"), a chapter numeral ("V. Stipan"), words after the name
        ("Japi voor 't", "Phileas Fogg Londen" where Londen is a place)."""
        first = m.text.split()[0] if m.text.split() else ""
        if m.label in ("MISC", "ORG") and first.lower().rstrip(".") in TITLES and " " in m.text:
            m = Mention(m.start, m.end, m.text, "PER")  # "Tante Mien Verhoef" is a person
        if m.label not in ("PER", "UNK"):
            return portfolio_glued(self.text, m) or m
        text = self.text
        words = [
            (w.start() + m.start, w.end() + m.start, w.group())
            for w in re.finditer(r"[\w'’][\w'’.-]*", m.text)
        ]
        initial = m.start == 0 or bool(INITIAL_RE.search(text[max(0, m.start - 4) : m.start]))
        while words and (
            ROMAN_RE.fullmatch(words[0][2])
            or words[0][2].lower() in POSSESSIVES
            or (words[0][2] in ORG_TAILS and len(words) > 1)  # "Justitie Karin Dekker"
            or (words[0][2].lower().rstrip(".") in TITLES and len(words) > 1)  # "Tante Mien"
            or (
                initial
                and words[0][2].lower() in self._lower
                and words[0][2].lower() not in PARTICLES
                and (len(words) > 1 or words[0][2].lower() in FUNCTION_CAPS or len(words[0][2]) > 2)
            )
        ):
            words = words[1:]
            initial = False
        for k, (_, _, w) in enumerate(words):
            if k and not w[0].isupper() and w.lower() not in PARTICLES:
                words = words[:k]
                break
        while len(words) > 1 and words[-1][2] in self._places:
            words = words[:-1]
        while words and words[-1][2].lower() in PARTICLES:
            words = words[:-1]
        if not words or not words[0][2][0].isupper():
            return None
        if len(words) == 1 and (words[0][2].lower() in FUNCTION_CAPS or ROMAN_RE.fullmatch(words[0][2])):
            return None
        s, e = words[0][0], words[-1][1]
        return Mention(s, e, text[s:e], m.label)

    def _find_descriptions(self) -> None:
        """Appositions like "de Turkse president Recep Erdogan" or "premier Rutte"."""
        text = self.text
        for m in self.mentions:
            if m.label not in ("PER", "UNK"):
                continue
            before = text[max(0, m.start - 80) : m.start]
            words = before.split()
            desc: list[str] = []
            for w in reversed(words):
                lw = w.lower()
                if not re.fullmatch(r"[\w-]+", w) or lw in ("de", "het", "een"):
                    break
                if w[0].isupper() and not ADJECTIVE_RE.search(w) and lw not in ROLE_NOUNS:
                    if not desc or "van" not in [lw] + desc:
                        if desc:
                            break
                desc.insert(0, w)
                if len(desc) > 6:
                    break
            roles = [k for k, d in enumerate(desc) if d.lower() in ROLE_NOUNS]
            if not roles:
                continue
            r = roles[-1]
            tail = desc[r + 1 :]
            if tail and not (tail[0] == "van" and all(t[0].isupper() for t in tail[1:])):
                continue
            k = r
            while k > 0 and ADJECTIVE_RE.search(desc[k - 1].lower()) and desc[k - 1].lower() not in ROLE_NOUNS:
                k -= 1
            desc = [d.lower() for d in desc[k:]]
            if not desc:
                continue
            canon = self.canonical(m.text)
            self.roles.append((m.start, " ".join(desc), canon))
            # the portfolio: "minister van Financiën X", "minister X van Financiën", "X (Financiën)"
            dept = " ".join(desc[desc.index("van") + 1 :]) if "van" in desc else ""
            after = PORTFOLIO_RE.match(text, m.end)
            if not dept and after:
                dept = (after.group(1) or after.group(2)).lower()
                self.roles.append((m.start, " ".join(desc) + " van " + dept, canon))
            if dept:
                self.portfolios.setdefault(dept, canon)

    def known_names(self) -> KeysView[str]:
        """Every name, as written, that the index has given a canonical name so far (a live view)."""
        return self._canon.keys()

    def canonical(self, name: str) -> str:
        """The fullest name used for ``name``: of the longer names containing it the most frequent
        one (then the longest), so a one-off glued run ("Fogg Passepartout") loses to "Phileas
        Fogg"; a genitive ("Fogg's", "Lewins") is the name itself."""
        name = name.strip()
        if name in self._canon:
            return self._canon[name]
        base = re.sub(r"['’]s$", "", name)
        if base == name and name.endswith("s") and name[:-1] in self._freq and name not in self._freq:
            base = name[:-1]
        if base != name:
            self._canon[name] = self.canonical(base)
            return self._canon[name]
        toks = name.split()
        best, key = name, (0, 0)
        for other, n in self._freq.items():
            ow = other.split()
            if (
                len(other) > len(name)
                and fuller(ow, toks)
                and (n, len(other)) > key
                and other not in self._weak
            ):
                best, key = other, (n, len(other))
        if best != name:
            best = re.sub(r"['’]s$", "", best)
        self._canon[name] = best
        return best

    def at(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping [start, end)."""
        i = bisect.bisect_left(self._starts, start - 200)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end > start:
                out.append(m)
            i += 1
        return out

    def last_person_before(self, pos: int, *, lo: int = 0) -> str | None:
        m = self.last_mention_before(pos, lo=lo)
        return self.canonical(m.text) if m else None

    def _backwards(self, pos: int, lo: int):
        """Name mentions and narration subjects (descriptions, resolved pronouns) starting before
        ``pos`` and at or after ``lo``, closest first."""
        i = bisect.bisect_left(self._starts, pos) - 1
        j = bisect.bisect_left(self._ev_starts, pos) - 1
        while True:
            mi = self.mentions[i] if i >= 0 and self.mentions[i].start >= lo else None
            ej = self._events[j] if j >= 0 and self._events[j].start >= lo else None
            if mi is None and ej is None:
                return
            if ej is None or (mi is not None and mi.start > ej.start):
                yield mi
                i -= 1
            else:
                yield ej
                j -= 1

    def last_mention_before(
        self, pos: int, *, lo: int = 0, gender: str = "", strict: bool = False
    ) -> Mention | None:
        """The closest person-like mention ending before ``pos``: in the closest sentence that has
        one, the first (subject-most). Narration subjects count too once the quotes are known:
        "de oude man" and a "hij" resolved in its own sentence carry their referent on."""
        if self._events_for != self.quoted:
            self._subject_events()
        found = None
        for m in self._backwards(pos, lo):
            if (
                m.end <= pos
                and m.label in ("PER", "UNK", "DESC", "PRO", "PROm", "PROf")
                and not (gender and m.label in ("PROm", "PROf") and m.label[3] != gender)
                and (m.text.lower() not in FUNCTION_CAPS or m.label == "PRO")
                and not self._in_quote(m.start)
                and not (gender and m.text == "ik")
                and not self._in_parens(m.start)
                and (
                    not gender
                    or self.gender(self.canonical(m.text)) in ((gender,) if strict else ("", gender))
                )
                and (not strict or (self.canonical(m.text) in self._titled and not m.label.startswith("PRO")))
            ):
                if found is not None and re.search(r"[.!?:]\s", self.text[m.end : found.start]):
                    break  # earlier sentence: keep the subject-most mention of the closest one
                found = m
        return found

    def _in_parens(self, pos: int) -> bool:
        """Whether ``pos`` lies in a parenthesis ("(Voetnoot: ... bij N. J. Boon.)"): a name there
        is an aside, no antecedent."""
        left = self.text.rfind("(", max(0, pos - 200), pos)
        return left >= 0 and ")" not in self.text[left:pos] and ")" in self.text[pos : pos + 200]

    def narrator_before(self, pos: int, window: int = 3000) -> bool:
        """Whether a first-person narrator acts in the narration shortly before ``pos``."""
        if self._events_for != self.quoted:
            self._subject_events()
        j = bisect.bisect_left(self._ev_starts, pos) - 1
        seen = 0
        while j >= 0 and self._events[j].start >= pos - window:
            seen += self._events[j].text == "ik"
            j -= 1
        if seen:
            j = bisect.bisect_left(self._ev_starts, pos) - 1
            seen = sum(e.text == "ik" for e in self._events[: j + 1])
        return seen >= 3  # one stray "ik" may be a quote the finder missed

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, 1 << 60)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

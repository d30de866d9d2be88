"""Who is speaking: names, descriptions and pronouns resolved to a person within one article.

Works from ``doc.entities`` when the model found them and falls back to capitalised-word
heuristics otherwise (the blank analysis has no NER). ``speaker_name`` is always the fullest
name the article uses for that person ("Recep Erdogan" even where the cue says "Erdogan").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kroniek.model import Document

from .cues import ORG_NOUNS, ORGANISATION_KIND_NOUNS, PRONOUNS, ROLE_NOUNS, names_organisation_kind

_PARTICLE = r"(?:van|de|der|den|het|ter|ten|te|von|da|di|du|le|la|al|bin|ibn|el|'t)"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*\w|[A-ZÀ-ÖØ-Þ]"
#: "(Financiën)" or "van Buitenlandse Zaken" right after a minister's name: the portfolio
_PORTFOLIO_RE = re.compile(
    r"\s*(?:\(([A-ZÀ-Þ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]*){0,2})\)|,?\s+van\s+([A-ZÀ-Þ][\w-]*(?:\s+(?:en\s+)?[A-ZÀ-Þ][\w-]*){0,3}))"
)
#: role nouns that stand for others in a later mention ("de bewindsman" for the minister)
_ROLE_SYNONYMS = {
    w: ("minister", "staatssecretaris", "minister-president", "premier", w)
    for w in ("bewindsman", "bewindsvrouw", "bewindspersoon")
}
_NAME_TAIL_RE = re.compile(rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)*(?:{_CAP}))+")
NAME_RE = re.compile(rf"(?:{_CAP})(?:\s+(?:{_PARTICLE}\s+)*(?:{_CAP}))*")

#: Capitalised words that are not names when they start a sentence or a name.
FUNCTION_CAPS = frozenset(
    """de het een dat dit die deze daar daarom daarmee daarna dan ook maar en of als toen nu
    in op aan bij met van voor na over uit om tot door tegen volgens zo er hij zij ze ik we wij
    u jij je hun hen zijn haar ons onze mijn wat wie waar hoe waarom welke geen niet wel al
    nog eerder later bovendien daarnaast intussen inmiddels vooral ondanks sinds tijdens
    toch want maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart
    april mei juni juli augustus september oktober november december ja nee o ach neen
    mijnheer mevrouw meneer heer gij ge zoo te naar onder boven achter zonder hier toen terwijl
    hoewel zodra nadat eindelijk plotseling dadelijk hoofdstuk ieder iedereen onderwijl
    october""".split()
)
ORG_TAILS = frozenset(
    "Zaken Defensie Financiën Justitie Volksgezondheid Onderwijs Landbouw Staten Unie Naties "
    "Kamer Koninkrijk Republiek Bank Partij Raad Commissie Ministerie Waterstaat Klimaat Asiel "
    "Migratie Cultuur Wetenschap Welzijn Sport Economie Infrastructuur Veiligheid Verkeer Wonen "
    "Milieu Zorg Jeugd Ontwikkelingssamenwerking Energie Natuur Mobiliteit Gezondheidszorg Gezondheid "
    "Visserij Emancipatie Integratie Arbeid Werkgelegenheid Ordening Toerisme Media".split()
)
_INITIAL_RE = re.compile(r"(?:^|[.!?:;\"'„“”‘’«»\n(–—-])\s*$")
_MALE_WORDS = frozenset(
    """mr mijnheer meneer heer hr sir monsieur m graaf baron prins koning vader oom broer zoon
    monseigneur lord abbé pater broeder kapitein majoor kolonel generaal
    jan piet kees klaas henk paul jacques jean pierre frits hendrik willem karel frans otto
    john james charles thomas""".split()
)
_FEMALE_WORDS = frozenset(
    """mevrouw mevr mw juffrouw mejuffrouw jufvrouw freule miss mrs mme madame mademoiselle mlle
    gravin barones prinses koningin moeder tante zuster dochter
    marie maria anna anne betsy eline dora jeanne louise sophie emma frédérique freddy lili clara
    coba riek""".split()
)
#: forms of address before a name, no part of it ("Mevrouw Verstraeten", "Tante Mien")
_TITLES = frozenset(
    """mevrouw mevr mw mijnheer meneer heer hr tante oom juffrouw mejuffrouw freule miss mrs mr
    dr monsieur madame mademoiselle mlle mme sir lady lord""".split()
)
#: Common first names in Dutch news (our own list): a person's gender for "hij"/"zij" when no
#: title states it. Only a name's FIRST word is looked up.
_MALE_NAMES = frozenset(
    """aad adriaan ahmed ad albert alexander ali andré arie arjen arnold bart bas ben bert bram
    bruno cees chris christiaan coen cor daan daniel danny david dennis dick diederik dirk donald
    edwin emmanuel erik ernst erwin ferdinand frank fred gerard gerrit geert gert gijs guido hakan
    hans harm harry hein henri herman hubert hugo jaap jacob jasper jeroen jesse joe johan johannes
    jonas joop joost jorge joris jos jozef justin kamal karim kevin klaas koen lars leo lodewijk
    luc luuk maarten marc marcel mark marnix martijn martin mathijs matthijs maurice max menno
    michael michel mohamed mohammed nicolas niels nick olaf oscar paul peter pieter pim quinten
    recep remco rené richard rick rik rob robert robin roel roland ronald ruben rudi rutger ruud
    sander sebastiaan sergej sjoerd stef stefan steven sven theo thierry thijs tim tjeerd tom
    ton vincent vladimir walter wiebe wim wopke wouter xi""".split()
)
_FEMALE_NAMES = frozenset(
    """agnes agnès alexandra angela anja anke ankie annemarie annet annette astrid barbara bianca
    carla carola caroline cathy chantal charlotte claudia corinne daphne diana dilan ellen els
    elise ellie esther eva evelien fatima femke fenna fleur hanna hannah hanneke hayarpi helen
    hillary ilse ineke inge ingrid iris jacqueline janine jeanine jolanda judith julia karin
    kajsa kamala kim kirsten lara laura lieke lilian linda lisa lotte loes lucia maartje madeleine
    malika manon margriet marieke mariëlle marine marjan marleen martine mieke miriam mona monique
    nadia nancy natasja nicole nina noor petra renate renske rianne rita sandra sanne saskia
    sharon sigrid sophia stella suzanne sylvana tamara theresa tineke ursula valérie vera wendy
    yvonne""".split()
)
_THIRD_POSSESSIVES = frozenset("zijn haar hun z'n d'r zijne hare".split())
_POSSESSIVES = frozenset("jouw uw hun haar zijn mijn onze ons je z'n m'n d'r".split())
_DETERMINERS = frozenset("de het een 't den der deze die dat zijn haar mijn onze ons hun uw jouw je".split())
_NOT_NAME_START = FUNCTION_CAPS | _DETERMINERS | frozenset("jouw uw hun".split())
#: person nouns that make a bare description a speaker ("vroeg de oude man")
_PERSON_NOUNS = frozenset(
    """man vrouw heer dame jongen meisje kind vader moeder oom tante broer zuster zoon dochter
    knecht meid dienstmeid bediende kamerdienaar portier koetsier dokter juffrouw mevrouw mijnheer
    meneer vriend vriendin baas jongeheer oude vreemdeling officier kapitein agent consul
    secretaris directeur pastoor bisschop priester kinderjuffrouw hospita weduwe vrouwtje
    mannetje heertje""".split()
)
_MALE_NOUNS = frozenset(
    """man heer jongen vader oom broer zoon knecht koetsier kamerdienaar portier jongeheer
    heertje mannetje vreemdeling grijsaard baas koning prins graaf""".split()
)
_FEMALE_NOUNS = frozenset(
    """vrouw dame meisje moeder tante zuster dochter meid dienstmeid juffrouw mevrouw weduwe
    vrouwtje hospita kinderjuffrouw vriendin koningin prinses gravin""".split()
)
#: heads that are no person: adjectives/adverbs and verb forms ("'t prettig", "de heer knikt")
_NOT_DESC_RE = re.compile(r"(?:ig|lijk|isch|baar|zaam|loos|end|en|t|d)$")
_ROMAN_RE = re.compile(r"[IVXLC]+\.?")
_PARTICLES = frozenset("van de der den het ter ten te von da di du le la al bin ibn el 't".split())
_ADJ_RE = re.compile(r"(?:s|isch|ees|aans|ns)e$|sche$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | MISC | UNK (heuristic)


def _heuristic_names(text: str) -> list[Mention]:
    """Capitalised word runs, minus sentence-initial function words and nationality adjectives."""
    out: list[Mention] = []
    initial: list[bool] = []
    for m in NAME_RE.finditer(text):
        words = m.group().split()
        start = m.start()
        # drop leading function words / adjectives ("De Turkse" president ...)
        while words and (
            words[0].lower() in FUNCTION_CAPS or _ADJ_RE.search(words[0]) or words[0].lower() in ROLE_NOUNS
        ):
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
            while start < len(text) and text[start].isspace():
                start += 1
        while words and (words[-1].lower() in FUNCTION_CAPS or _ADJ_RE.search(words[-1])):
            words = words[:-1]
        if not words:
            continue
        # "Karin Dekker van Justitie": the portfolio is no part of the name
        for k in range(1, len(words) - 1):
            if words[k] == "van" and words[k + 1] in ORG_TAILS:
                words = words[:k]
                break
        # "Buitenlandse Zaken Sergej Lavrov": an organisation name glued to a person name
        cut = max((k + 1 for k, w in enumerate(words[:-1]) if w in ORG_TAILS), default=0)
        if cut:
            for w in words[:cut]:
                start = text.index(w, start) + len(w)
            words = words[cut:]
            start = text.index(words[0], start)
        end = start
        for w in words:
            end = text.index(w, end) + len(w)
        out.append(Mention(start, end, text[start:end], "UNK"))
        initial.append(bool(_INITIAL_RE.search(text[max(0, start - 4) : start])) or start == 0)
    # a lone capitalised word at a sentence start is a name only if it is capitalised elsewhere too
    mid = {m.text for m, ini in zip(out, initial, strict=False) if not ini}
    mid |= {m.text.split()[-1] for m in out if " " in m.text}
    return [m for m, ini in zip(out, initial, strict=False) if not ini or " " in m.text or m.text in mid]


class People:
    """Name mentions of one article with canonical (fullest) names and known descriptions."""

    def __init__(self, doc: Document) -> None:
        text = doc.text
        self.text = text
        a = getattr(doc, "analysis", None)
        self.analysis = a if a is not None and a.has_annotation("DEP") else None
        # nationality adjectives come as MISC entities with a country: never a speaker; a name the
        # model typed LOC/ORG/MISC somewhere is a person when the article treats it as one
        persons = _person_texts(text, doc.entities)
        people = [
            e
            for e in doc.entities
            if (e.label != "LOC" or e.text in persons) and not (e.label == "MISC" and e.country)
        ]
        ents = [_strip_role(text, e.start, e.end, "PER" if e.text in persons else e.label) for e in people]
        self.has_ner = bool(doc.entities)
        self._lower = set(re.findall(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*", text))
        # places the gazetteer knows (a LOC-typed "Fogg" of one mention is no place)
        self._place_mentions = [
            Mention(e.start, e.end, e.text, "LOC") for e in doc.entities if e.label == "LOC" and e.lat is not None
        ]
        self._places = {m.text for m in self._place_mentions}
        ents = [self._clean(self._extend(e)) for e in ents if e is not None]
        ents = [e for e in ents if e is not None]
        heur = [h for h in (self._clean(h) for h in _heuristic_names(text)) if h is not None]
        if ents:
            # a run the model typed PER elsewhere ("Darja Alexandrowna") stays a person where it
            # typed only a part of it LOC; the part gives way
            per_texts = {e.text for e in ents if e.label == "PER"}
            known = [
                h
                for h in heur
                if h.text in per_texts
                and " " in h.text
                and not any(e.label == "PER" and e.start < h.end and h.start < e.end for e in doc.entities)
            ]
            ents = [e for e in ents if not any(h.start <= e.start and e.end <= h.end for h in known)]
            heur = [Mention(h.start, h.end, h.text, "PER") if h in known else h for h in heur]
            # heuristic runs give way to the model's people and organisations and to known places
            covered = [(e.start, e.end) for e in ents] + [
                (e.start, e.end) for e in doc.entities if e.label == "LOC" and e.lat is not None
            ]
            heur = [
                h for h in heur if h.label == "PER" or not any(s < h.end and h.start < e for s, e in covered)
            ]
            # heuristic names only help where NER is silent: keep multi-word ones and words
            # that end a name the model found ("Assad" after "president Assad")
            lasts = {e.text.split()[-1] for e in ents if e.label == "PER"}
            heur = [h for h in heur if " " in h.text or h.text in lasts]
        counts: dict[str, int] = {}
        for e in doc.entities:
            counts[e.text] = counts.get(e.text, 0) + 1
        self.mentions = _split_glued(sorted(ents + heur, key=lambda m: m.start), counts)
        self._starts = [m.start for m in self.mentions]
        self._freq: dict[str, int] = {}
        strong: set[str] = set()  # texts the model found or that occur away from a sentence start
        for m in self.mentions:
            self._freq[m.text] = self._freq.get(m.text, 0) + 1
            if m.label != "UNK" or not _INITIAL_RE.search(text[max(0, m.start - 4) : m.start]):
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
        same run ("Stipan" + "Arkadiewitsch" when only the first name was tagged)."""
        if m.label != "PER":
            return m
        run = _NAME_TAIL_RE.match(self.text, m.end)
        if not run:
            return m
        words = run.group().split()
        keep = 0
        for k, w in enumerate(words):
            if w.lower() in FUNCTION_CAPS or w in self._places:
                break
            if w.lower() not in _PARTICLES:
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
        if m.label in ("MISC", "ORG") and first.lower().rstrip(".") in _TITLES and " " in m.text:
            m = Mention(m.start, m.end, m.text, "PER")  # "Tante Mien Verhoef" is a person
        if m.label not in ("PER", "UNK"):
            return _portfolio_glued(self.text, m) or m
        text = self.text
        words = [
            (w.start() + m.start, w.end() + m.start, w.group())
            for w in re.finditer(r"[\w'’][\w'’.-]*", m.text)
        ]
        initial = m.start == 0 or bool(_INITIAL_RE.search(text[max(0, m.start - 4) : m.start]))
        while words and (
            _ROMAN_RE.fullmatch(words[0][2])
            or words[0][2].lower() in _POSSESSIVES
            or (words[0][2] in ORG_TAILS and len(words) > 1)  # "Justitie Karin Dekker"
            or (words[0][2].lower().rstrip(".") in _TITLES and len(words) > 1)  # "Tante Mien"
            or (
                initial
                and words[0][2].lower() in self._lower
                and words[0][2].lower() not in _PARTICLES
                and (len(words) > 1 or words[0][2].lower() in FUNCTION_CAPS or len(words[0][2]) > 2)
            )
        ):
            words = words[1:]
            initial = False
        for k, (_, _, w) in enumerate(words):
            if k and not w[0].isupper() and w.lower() not in _PARTICLES:
                words = words[:k]
                break
        while len(words) > 1 and words[-1][2] in self._places:
            words = words[:-1]
        while words and words[-1][2].lower() in _PARTICLES:
            words = words[:-1]
        if not words or not words[0][2][0].isupper():
            return None
        if len(words) == 1 and (words[0][2].lower() in FUNCTION_CAPS or _ROMAN_RE.fullmatch(words[0][2])):
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
                if w[0].isupper() and not _ADJ_RE.search(w) and lw not in ROLE_NOUNS:
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
            while k > 0 and _ADJ_RE.search(desc[k - 1].lower()) and desc[k - 1].lower() not in ROLE_NOUNS:
                k -= 1
            desc = [d.lower() for d in desc[k:]]
            if not desc:
                continue
            canon = self.canonical(m.text)
            self.roles.append((m.start, " ".join(desc), canon))
            # the portfolio: "minister van Financiën X", "minister X van Financiën", "X (Financiën)"
            dept = " ".join(desc[desc.index("van") + 1 :]) if "van" in desc else ""
            after = _PORTFOLIO_RE.match(text, m.end)
            if not dept and after:
                dept = (after.group(1) or after.group(2)).lower()
                self.roles.append((m.start, " ".join(desc) + " van " + dept, canon))
            if dept:
                self.portfolios.setdefault(dept, canon)

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
                and _fuller(ow, toks)
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

    def _subject_events(self) -> None:
        """Subjects of narration sentences that are no names, from the dependency parse: person
        descriptions ("een klein, levendig man", "de bisschop") and third-person pronouns, each
        resolved in reading order so a chain of "hij ... hij" keeps its referent."""
        self._events, self._ev_starts = [], []
        self._events_for = list(self.quoted)
        a = self.analysis
        if a is None:
            return
        global _SPEECH_FORMS
        if _SPEECH_FORMS is None:
            from .cues import get_lexicon

            _SPEECH_FORMS = frozenset(get_lexicon().form_lemma)
        # nouns this text makes speak ("vroeg 't dichtertje", "zei de duivel") are persons here
        speakers = {
            t.lower_
            for t in a
            if t.dep_ == "nsubj"
            and t.pos_ == "NOUN"
            and t.head.lower_ in _SPEECH_FORMS
            and not self._in_quote(t.idx)
        }
        for tok in a:
            if self._in_quote(tok.idx):
                continue
            low = tok.lower_
            if tok.dep_ not in ("nsubj", "nsubj:pass"):
                # a person noun in another role ("en onze hospita binnentrad", misparsed; "gaf
                # het aan de vrouw") is an antecedent too, after the subjects of its sentence
                if not (
                    tok.pos_ == "NOUN"
                    and (low in _MALE_NOUNS or low in _FEMALE_NOUNS or low in ROLE_NOUNS)  # no "een kind"
                    and any(
                        c.lower_ in ("de", "het", "een", "'t", "den", "der", "die", "deze", "onze")
                        for c in tok.children
                    )
                    # ...but not one turned to: "zich tot de rechter wendde" (an addressee)
                    and not (
                        any(c.dep_ == "case" and c.lower_ == "tot" for c in tok.children)
                        and any(c.lower_ == "zich" for c in tok.head.children)
                    )
                ):
                    continue
            if low == "ik":  # the narrator acting in the narration
                ev = Mention(tok.idx, tok.idx + 2, "ik", "PRO")
            elif tok.pos_ == "PRON" and low in ("hij", "zij", "ze", "ie"):
                if low != "hij" and "Plur" in tok.head.morph.get("Number"):
                    continue
                m = self.last_mention_before(tok.idx, gender="m" if low in ("hij", "ie") else "f")
                if m is not None and m.label.startswith("PRO") and m.text == "ik":
                    continue
                if m is None:
                    continue
                g = "m" if low in ("hij", "ie") else "f"
                ev = Mention(tok.idx, tok.idx + len(tok.text), self.canonical(m.text), "PRO" + g)
            elif (
                tok.pos_ == "NOUN"
                and (low in _PERSON_NOUNS or low in ROLE_NOUNS or low in speakers)
                and not any(
                    c.dep_ in ("det", "nmod:poss") and c.lower_ in _THIRD_POSSESSIVES for c in tok.children
                )
            ):  # "zijn vader" is relational: who it is depends on whose
                left = tok.i
                # the noun with the words right before it ("levendig man" of "een klein, donker
                # uitziend, levendig man"): a description short enough to name someone by
                while left > 0 and left - 1 >= tok.left_edge.i and a[left - 1].dep_ in ("amod", "det"):
                    left -= 1
                s = a[left].idx
                after = self.at(tok.idx + len(tok.text), tok.idx + len(tok.text) + 2)
                if any(m.start > tok.idx and m.label in ("PER", "UNK") for m in after):
                    continue  # "Tante Mien Verhoef", "de schilder Bavink": the name is the subject
                name = self.resolve(s, tok.idx + len(tok.text))
                if not name:
                    continue
                ev = Mention(s, tok.idx + len(tok.text), name, "DESC")
                g = "m" if low in _MALE_NOUNS else "f" if low in _FEMALE_NOUNS else ""
                if g:
                    self._titled.add(name)
                if g and self._genders is not None:
                    self._genders.setdefault(name, g)
                elif g:
                    self._desc_genders[name] = g
            else:
                continue
            self._events.append(ev)
            self._ev_starts.append(ev.start)

    def gender(self, name: str) -> str:
        """'f', 'm' or '' for a canonical name: from titles before its mentions ("mevrouw X",
        "Mr. X"), a short first-name list, and the pronouns that follow its mentions when no
        other name intervenes ("Eline ... haar ..."). Used only to skip clear mismatches."""
        if self._genders is None:
            self._genders = self._infer_genders()
            for k, v in self._desc_genders.items():
                self._genders.setdefault(k, v)
        return self._genders.get(name, "")

    def _infer_genders(self) -> dict[str, str]:
        text = self.text
        votes: dict[str, list[int]] = {}
        stated: dict[str, set[str]] = {}
        persons = [m for m in self.mentions if m.label in ("PER", "UNK")]
        for k, m in enumerate(persons):
            c = self.canonical(m.text)
            v = votes.setdefault(c, [0, 0])
            first = m.text.split()[0].lower().rstrip(".")
            title = re.search(r"([\w.]+)\s*$", text[max(0, m.start - 20) : m.start])
            t = title.group(1).lower().rstrip(".") if title else ""
            for w in (t, first):
                if w in _MALE_WORDS or (w == first and w in _MALE_NAMES):
                    v[0] += 3
                    self._titled.add(c)
                    stated.setdefault(c, set()).add("m")
                elif w in _FEMALE_WORDS or (w == first and w in _FEMALE_NAMES):
                    v[1] += 3
                    self._titled.add(c)
                    stated.setdefault(c, set()).add("f")
            if self._in_quote(m.start):
                continue
            # pronouns up to the next name, within this sentence and the next one
            stop = persons[k + 1].start if k + 1 < len(persons) else len(text)
            window = text[m.end : min(stop, m.end + 160)]
            cut = [x.end() for x in re.finditer(r"[.!?]\s", window)]
            if len(cut) > 1:
                window = window[: cut[1]]
            window = re.sub(r"[\"“”„«»].*?[\"“”„«»]", " ", window)
            low = window.lower()
            v[0] += len(re.findall(r"\b(?:hij|zijn|zijne|hem|-ie)\b", low))
            v[1] += len(re.findall(r"\b(?:zij|haar|hare)\b", low))
        out: dict[str, str] = {}
        for c, (mv, fv) in votes.items():
            if len(stated.get(c, ())) == 1:  # a title or first name outweighs nearby pronouns
                out[c] = next(iter(stated[c]))
            elif mv >= 2 * fv + 1 and mv >= 2:
                out[c] = "m"
            elif fv >= 2 * mv + 1 and fv >= 2:
                out[c] = "f"
        return out

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, 1 << 60)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def organisation_named(self, head: str, pos: int) -> str | None:
        """'de groep', 'haar vereniging': the closest earlier organisation whose name has that noun
        as a word or as the head of a compound ("Syrische Waarnemingsgroep", "Vereniging X")."""
        if len(head) < 4 or head in ROLE_NOUNS or head in _PERSON_NOUNS:
            return None
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.end <= pos:
                ws = [w.lower() for w in re.findall(r"[\w-]+", m.text)]
                if len(ws) > 1 or ws and ws[0] != head:
                    # (a name typed LOC or PER that holds the noun still is the organisation:
                    # "Vereniging X"; a compound head only counts for organisation-like labels)
                    compound = m.label in ("ORG", "UNK", "MISC") and any(
                        w.endswith(head) and len(w) > len(head) + 2 for w in ws
                    )
                    if head in ws or compound:
                        return self.canonical(m.text)
            i -= 1
        if head in ORGANISATION_KIND_NOUNS:
            # "het bedrijf" after "Sportwinkelketen Decathlon ...": the closest organisation
            i = bisect.bisect_left(self._starts, pos) - 1
            while i >= 0 and pos - self.mentions[i].end <= 600:
                m = self.mentions[i]
                kind = [w.lower() for w in m.text.split()]
                org_like = m.label == "ORG" or any(
                    names_organisation_kind(w, compound_only=True) for w in kind
                )  # ("Sportwinkelketen Decathlon", whatever type the NER gave it)
                if org_like and m.end <= pos:
                    return self.canonical(m.text)
                i -= 1
        return None

    def describe(self, desc: str, pos: int) -> str | None:
        """Resolve a description ("turkse president") to the person it was introduced for."""
        words = desc.lower().split()
        while words and words[0] in ("de", "het", "een", "deze", "die"):
            words = words[1:]
        if not words:
            return None
        phrase = " ".join(words)
        best = None
        for p, d, canon in self.roles:
            if d == phrase or d.endswith(" " + phrase) or phrase.endswith(" " + d):
                if p < pos or best is None:
                    best = canon
        if best:
            return best
        head = words[-1] if words[-1] in ROLE_NOUNS else next((w for w in words if w in ROLE_NOUNS), None)
        if head is None:
            return None
        heads = _ROLE_SYNONYMS.get(head, (head,))
        # same role noun, compatible adjectives: a described person must not contradict
        for p, d, canon in reversed(self.roles):
            if (
                p < pos
                and d.split()[0 if " van " in d else -1] in heads
                and (len(words) == 1 or head != words[-1])
            ):
                return canon
        return None

    def resolve(self, start: int, end: int, recent_speaker: tuple[str, int] | None = None) -> str | None:
        """``recent_speaker``: the last third-person speaker and where their statement ended."""
        """Canonical speaker name for the phrase text[start:end]."""
        phrase = self.text[start:end].strip(" ,.:;-")
        if not phrase:
            return None
        low = phrase.lower()
        # "ze kleurt en vraagt:", "en hij zei:": a pronoun subject with what follows it
        lead = re.match(r"(?:(?:en|maar|toen|dan|nu|want|of)\s+)*(hij|zij|ze|ie|ik)\b", low)
        if lead and low not in PRONOUNS:
            start = start + self.text[start:end].lower().index(lead.group(1), lead.start(1))
            low = lead.group(1)
        if low in ("hem", "haar"):
            # "volgens hem": an object pronoun is not the subject of its own sentence ("het feit
            # dat de jongen dronk deed er volgens hem niet toe"): look before that sentence
            low = "hij" if low == "hem" else "zij"
            cut = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start))
            start = cut + 1 if cut >= 0 else start
        if low in PRONOUNS:
            if low == "ik":
                return "ik"
            if low in ("hij", "zij", "ze", "ie"):
                want = "m" if low in ("hij", "ie") else "f"
                m = self.last_mention_before(start, gender=want)
                if m is not None and self.gender(self.canonical(m.text)) != want:
                    # a name of unknown gender loses to a nearby one known to fit ("zij" after
                    # "Monseigneur X en onze hospita")
                    sure = self.last_mention_before(start, lo=max(0, start - 400), gender=want, strict=True)
                    m = sure or m
                if recent_speaker and self.gender(recent_speaker[0]) not in ("", want):
                    recent_speaker = None
                self.via_recent = False
                if recent_speaker and (m is None or m.start < recent_speaker[1]):
                    self.via_recent = True
                    return recent_speaker[0]
                return self.canonical(m.text) if m else None
            return None
        role_words = [w for w in low.split() if w not in ("de", "het", "een", "deze", "die")]
        if role_words and all(w in ROLE_NOUNS for w in role_words):
            # a bare role ("Minister: ...", "zegt de woordvoerder") is the person introduced with it
            described = self.describe(phrase, start)
            if described:
                return described
        body_place = re.match(r"(?:de|het)\s+(\w+)\s+([A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)*)$", phrase)
        if body_place and body_place.group(1).lower() in ORG_NOUNS:
            return f"{body_place.group(1)} {body_place.group(2)}"  # "het gerechtshof Amsterdam", "de gemeente Ede"
        ms = [m for m in self.at(start, end) if m.start >= start and m.end <= end]
        bare = re.sub(r"^(?:de|het|een)\s+", "", low)
        if bare in self.portfolios:  # "Financiën: ..." where the article named its minister
            return self.portfolios[bare]
        if (
            ms
            and bare.split()[0] in ROLE_NOUNS
            and (" van " in bare or all(m.label not in ("PER", "UNK") for m in ms))
        ):
            # "de minister van Financiën": the person introduced with that role and portfolio
            described = self.describe(phrase, start)
            if described:
                return described
        if re.search(r"\b(?:en|als|&)\b", phrase) and not any(m.label == "PER" for m in ms):
            # "zowel Bagdad als Damascus": a capital typed ORG is a mention, one typed LOC is not
            # (places never speak alone), but as a conjunct of an actor it is one of the speakers,
            # and so is each of two or more places that make up the whole phrase
            places = [
                p
                for p in self._place_mentions
                if start <= p.start
                and p.end <= end
                and not any(m.start < p.end and p.start < m.end for m in ms)
            ]
            rest = phrase
            for p in places:
                rest = rest.replace(p.text, " ")
            only_places = len(places) > 1 and not re.sub(r"\b(?:zowel|als|en|de|het|&)\b|[\s,]", "", rest)
            if ms or only_places:
                ms = sorted(ms + places, key=lambda m: m.start)
        if ms:
            strong = [m for m in ms if m.label == "PER"]
            if strong and not re.search(r"\b(?:en|als|&)\b", phrase):
                # "voorzitter Anke Mulder van de Vereniging X": the person, not what follows "van"
                return self.canonical(strong[0].text)
            persons = [m for m in ms if m.label in ("PER", "UNK")] or ms
            names = []
            if len(ms) > 1 and re.search(r"\b(?:en|als|&)\b", phrase):
                persons = ms
            for m in persons:
                c = self.canonical(m.text)
                if c not in names:
                    names.append(c)
            if len(names) > 1 and re.search(r"\b(?:en|als|&)\b", phrase):
                return " en ".join(names)
            return names[-1]
        described = self.describe(phrase, start)
        if described:
            return described
        if re.match(r"(?i)(?:de|het|een)?\s*\d+-jarige\s+\w+$", phrase):
            # "de 82-jarige politicus": news names its subject first, then by age
            m = self.last_mention_before(start)
            if m is not None and m.label in ("PER", "UNK"):
                return self.canonical(m.text)
        words = [w for w in re.findall(r"[\w-]+", phrase)]
        lead_det = bool(words) and words[0].lower() in _DETERMINERS | {"t"}
        while words and words[0].lower() in ("de", "het", "een", "deze", "die", "zowel", "t"):
            words = words[1:]
        if not words:
            return None
        if words[-1].lower() in ROLE_NOUNS and len(words) <= 2:
            # a role never introduced for a name ("hernam de directeur") is its own speaker: the
            # last speaker or name is usually someone else (bench/quotes.py)
            return " ".join(words)
        if words[0][0].isupper() and len(words) <= 4 and words[0].lower() not in _NOT_NAME_START:
            if all(w[0].isupper() or w.lower() in _PARTICLES for w in words):
                return self.canonical(" ".join(words))
        head = words[-1].lower()
        if (
            head in ORG_NOUNS
            or head in ROLE_NOUNS
            or (
                len(words) <= 4
                and (lead_det and not _NOT_DESC_RE.search(head) or head in _PERSON_NOUNS)
                and all(not w[0].isupper() or w.lower() in _NOT_NAME_START for w in words)
            )
        ):
            org = self.organisation_named(head, start)
            if org:
                return org
            desc = " ".join(words)
            for known in self.described:
                if known.endswith(" " + desc.lower()):
                    return self.described[known]
            self.described.setdefault(desc.lower(), desc)
            return desc
        return None


#: titles that make the next name a person ("mijnheer Fogg", "Miss Morstan", "tante Betsy")
_PERSON_TITLES = _MALE_WORDS | _FEMALE_WORDS | frozenset("mr. mrs. dr dr. dokter kapitein majoor".split())
_SPEECH_FORMS: frozenset[str] | None = None


def _person_texts(text: str, entities: list) -> set[str]:
    """Entity texts that name a person although the model typed (some of) their mentions
    LOC/ORG/MISC: texts it also typed PER at least a third of the time, texts that are the subject
    right next to a speech verb ("zei Stipan", "Passepartout antwoordde") or follow a title
    ("mijnheer Fogg"). Known places (coordinates, countries) are never persons."""
    global _SPEECH_FORMS
    if _SPEECH_FORMS is None:
        from .cues import get_lexicon

        _SPEECH_FORMS = frozenset(get_lexicon().form_lemma)
    votes: dict[str, list[int]] = {}
    for e in entities:
        if e.lat is not None or e.country:
            votes.setdefault(e.text, [0, 0, 0])[2] += 1
            continue
        v = votes.setdefault(e.text, [0, 0, 0])
        if e.label == "PER":
            v[0] += 1
            continue
        v[1] += 1
        if e.label == "ORG":
            continue  # organisations speak too ("meldt ANP"): only the model's PER votes count
        before = re.search(r"([\w.'’-]+)[ \t]*$", text[max(0, e.start - 25) : e.start])
        after = re.match(r"[ \t]*([\w'’-]+)", text[e.end : e.end + 25])
        b = before.group(1).lower() if before else ""
        a = after.group(1).lower() if after else ""
        if (
            (b in _SPEECH_FORMS and not text[e.end : e.end + 1].isalnum())
            or a in _SPEECH_FORMS
            or b in _PERSON_TITLES
        ):
            v[0] += 1
    return {t for t, (per, other, place) in votes.items() if not place and (3 * per >= other > 0 or per >= 3)}


def _strip_role(text: str, start: int, end: int, label: str) -> Mention | None:
    """'Syrische president Assad' (an NER span with its description) -> 'Assad' as a person."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for k in range(len(words) - 1, -1, -1):
        if words[k].group().lower() in ROLE_NOUNS:
            if k + 1 < len(words):
                s = start + words[k + 1].start()
                return Mention(s, end, text[s:end], "PER")
            return None
    if len(words) == 1 and _ADJ_RE.search(words[0].group()) and label == "MISC":
        return None  # nationality adjectives are not names
    return Mention(start, end, text[start:end], label)


def _fuller(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``longer`` is a fuller name for ``shorter``: contains it and is itself name-like
    (capitalised words and particles), so a mistyped entity span such as "Japi z'n pet" never
    becomes the canonical name of every "Japi"."""
    return _contains(longer, shorter) and all(w[:1].isupper() or w.lower() in _PARTICLES for w in longer)


_ROLE_VAN_RE = re.compile(r"(?i)\b(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\s+van\s+$")


def _portfolio_glued(text: str, m: Mention) -> Mention | None:
    """'minister van Verkeer Ingrid Hofstede' tagged as ONE organisation: the person after the
    portfolio word (the portfolio itself is read by ``_find_descriptions``)."""
    words = list(re.finditer(r"\S+", m.text))
    if len(words) < 2 or words[0].group() not in ORG_TAILS or not words[1].group()[0].isupper():
        return None
    if not _ROLE_VAN_RE.search(text[max(0, m.start - 40) : m.start]):
        return None
    cut = max(k for k, w in enumerate(words) if w.group() in ORG_TAILS) + 1
    if cut >= len(words):
        return None
    s = m.start + words[cut].start()
    return Mention(s, m.end, text[s : m.end], "PER")


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` is a contiguous token run of ``longer`` (Erdogan ⊂ Recep Erdogan)."""
    n = len(shorter)
    if any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1)):
        return True
    # "De Jonge" in "Hugo de Jonge": a particle is capitalised when the surname starts a sentence
    low_l = [w.lower() if w.lower() in _PARTICLES else w for w in longer]
    low_s = [w.lower() if w.lower() in _PARTICLES else w for w in shorter]
    return any(low_l[i : i + n] == low_s for i in range(len(low_l) - n + 1))


def _split_glued(mentions: list[Mention], typed: dict[str, int] | None = None) -> list[Mention]:
    """'liet Fogg Passepartout twee kaartjes': a one-off run of two names that each occur on their
    own at least twice (``typed``: entity texts counted whatever their type) is two mentions, not
    a fuller name."""
    count: dict[str, int] = dict(typed or {})
    for m in mentions:
        count[m.text] = count.get(m.text, 0) + (0 if typed and m.text in typed else 1)
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.label != "LOC" and len(words) >= 2 and count[m.text] == 1:
            for k in range(1, len(words)):
                a, b = " ".join(words[:k]), " ".join(words[k:])
                if count.get(a, 0) >= 2 and count.get(b, 0) >= 2:
                    cut = m.start + m.text.index(b, len(a))
                    out.append(Mention(m.start, m.start + len(a), a, m.label))
                    out.append(Mention(cut, m.end, b, m.label))
                    break
            else:
                out.append(m)
        else:
            out.append(m)
    return out

"""Who a speaker phrase is: a pronoun, a name, a description ("de Turkse president"), a role
("zegt de woordvoerder"), an organisation noun ("het bedrijf") or a group ("demonstranten"),
resolved to the canonical name the article uses."""

from __future__ import annotations

import bisect
import re

from kroniek.lexicon import ORG_NOUNS, ORGANISATION_KIND_NOUNS, PRONOUNS, ROLE_NOUNS, names_organisation_kind
from kroniek.lexicon.people import plural_people_noun

from .names import DETERMINERS, NOT_DESC_RE, NOT_NAME_START, PARTICLES, PERSON_NOUNS, ROLE_SYNONYMS


class Resolution:
    """Mixin of :class:`~kroniek.extraction.quotes.speakers.people.People`; see the module docstring."""

    def organisation_named(self, head: str, pos: int) -> str | None:
        """'de groep', 'haar vereniging': the closest earlier organisation whose name has that noun
        as a word or as the head of a compound ("Syrische Waarnemingsgroep", "Vereniging X")."""
        if len(head) < 4 or head in ROLE_NOUNS or head in PERSON_NOUNS:
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

    def _titled_genders(self, name: str) -> tuple[str, ...]:
        """The genders a title or noun in the text states for ``name`` (none when only guessed)."""
        return (self.gender(name),) if name in self._titled else ()

    def same_role(self, word: str, pos: int) -> str | None:
        """'zegt de politiechef' after 'Als districtschef van Tilburg had Verschuur': a compound
        role ("politiechef") is the person named beside an earlier role of the same head ("chef")."""
        head = max((r for r in ROLE_NOUNS if word.endswith(r) and len(word) > len(r) + 2), key=len, default=None)
        if head is None:
            return None
        for m in reversed(list(re.finditer(rf"(?i)\b\w*{re.escape(head)}\b", self.text[:pos]))):
            if m.group().lower() == word:
                continue  # the same role word is ``describe``'s: here only another compound counts
            near = [
                x for x in self.at(m.end(), m.end() + 40)
                if x.label == "PER" and 0 <= x.start - m.end() <= 40
            ]
            if near:
                return self.canonical(min(near, key=lambda x: abs(x.start - m.end())).text)
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
        heads = ROLE_SYNONYMS.get(head, (head,))
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
        if re.search(r"(?:^|\s)[A-ZÀ-Þ]$", phrase) and self.text[end : end + 1] == ".":
            phrase, end = phrase + ".", end + 1  # "R. bekende": the initial keeps its stop ("Onno R.")
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
                fallback = recent_speaker
                if recent_speaker and self.gender(recent_speaker[0]) not in ("", want):
                    recent_speaker = None
                self.via_recent = False
                if recent_speaker and (m is None or m.start < recent_speaker[1]):
                    self.via_recent = True
                    return recent_speaker[0]
                if m is None and fallback and self.gender(fallback[0]) not in self._titled_genders(fallback[0]):
                    # no one of that gender before: the last speaker, whose gender was only guessed
                    # from a first name ("Jitte Groothuis ... benadrukt hij")
                    return fallback[0]
                return self.canonical(m.text) if m else None
            return None
        part = re.fullmatch(
            r"(?i)(?:een|de|het)?\s*(?:derde|kwart|helft|vijfde|tiende|deel|groot\s+deel|meerderheid|minderheid|"
            r"merendeel|\d+(?:,\d+)?\s+procent)\s+van\s+(?:de|het|alle)\s+((?:[\w-]+\s+){0,2}[\w-]+)",
            phrase,
        )
        if part:  # "een derde van de ondervraagde leraren": the group a part of it speaks for
            inner = self.resolve(start + part.start(1), start + part.end(1), recent_speaker)
            return inner or part.group(1).split()[-1]
        owned = re.fullmatch(r"[A-ZÀ-Þ][\w-]+(?:'s|’s|s)\s+([a-zà-ÿ][\w-]+)", phrase)
        if owned and plural_people_noun(owned.group(1)):
            return owned.group(1)  # "bezweren Baudets kiezers": the group, not its owner
        role_words = [w for w in low.split() if w not in ("de", "het", "een", "deze", "die")]
        if role_words and all(w in ROLE_NOUNS for w in role_words):
            # a bare role ("Minister: ...", "zegt de woordvoerder") is the person introduced with it
            described = self.describe(phrase, start)
            if described:
                return described
        if len(role_words) == 1:
            same = self.same_role(role_words[0], start)
            if same:
                return same
        body_place = re.match(r"(?:de|het)\s+(\w+)\s+([A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)*)$", phrase)
        if body_place and body_place.group(1).lower() in ORG_NOUNS:
            return f"{body_place.group(1)} {body_place.group(2)}"  # "het gerechtshof Amsterdam", "de gemeente Ede"
        over = [m for m in self.at(start, end) if start <= m.start < end < m.end <= end + 40]
        if over and over[-1].label != "LOC" and not re.search(r"[.;:!?]", self.text[end : over[-1].end]):
            # "cijfers van het Centraal Bureau voor de Statistiek", "volgens I&O Research": a cue
            # cut inside a name ("voor", "&") still names the whole of it
            end = over[-1].end
            phrase = self.text[start:end].strip(" ,.:;-")
        ms = [m for m in self.at(start, end) if m.start >= start and m.end <= end]
        last = re.search(r"\s([a-zà-ÿ]+)$", phrase)
        if ms and last and last.group(1) in ROLE_NOUNS | ORG_NOUNS and all(
            m.label == "MISC" and m.end <= start + last.start() for m in ms
        ):
            # "de Nationale ombudsman": a capitalised adjective before a lowercase role is part of
            # a description, not the speaker
            ms = []
        origin = re.search(r"\s(?:uit|in|te)\s+(?:(?:het|de)\s+(?:[a-z]+\s+)?)?[A-ZÀ-Þ]", phrase)
        if origin and any(m.start < start + origin.start() for m in ms):
            # "Het bedrijf Ten Brinke Slot uit Varsseveld": where a source comes from is no source
            ms = [m for m in ms if m.start < start + origin.start()]
        elif origin:
            # "Een ziekenhuis in het stadje Opelika": the body speaks, not its town
            body = re.fullmatch(r"(?:(?:[Dd]e|[Hh]et|[Ee]en)\s+)?((?:[a-zà-ÿ-]+\s+){0,2}[a-zà-ÿ-]+)", phrase[: origin.start()])
            if body:
                return body.group(1)
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
            core = phrase
            if strong:
                # "minister Ferdinand Grapperhaus van Justitie en Veiligheid": a portfolio or body
                # after the person's name is no second speaker
                cut = re.search(r"\s(?:van|bij)\s", self.text[strong[0].end : end])
                if cut:
                    core = self.text[start : strong[0].end + cut.start()]
            if strong and not re.search(r"\b(?:en|als|&)\b", core):
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
        lead_det = bool(words) and words[0].lower() in DETERMINERS | {"t"}
        while words and words[0].lower() in ("de", "het", "een", "deze", "die", "zowel", "t"):
            words = words[1:]
        if not words:
            return None
        if words[-1].lower() in ROLE_NOUNS and len(words) <= 2:
            # a role never introduced for a name ("hernam de directeur") is its own speaker: the
            # last speaker or name is usually someone else (bench/quotes.py)
            return " ".join(words)
        if words[0][0].isupper() and len(words) <= 4 and words[0].lower() not in NOT_NAME_START:
            if all(w[0].isupper() or w.lower() in PARTICLES for w in words):
                return self.canonical(" ".join(words))
        head = words[-1].lower()
        if (
            head in ORG_NOUNS
            or head in ROLE_NOUNS
            or (
                len(words) <= 4
                and (lead_det and not NOT_DESC_RE.search(head) or head in PERSON_NOUNS)
                and all(not w[0].isupper() or w.lower() in NOT_NAME_START for w in words)
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

"""Narration subjects that are no names: person descriptions ("de oude man") and third-person
pronouns, resolved in reading order from the dependency parse so a chain "hij ... hij" keeps its
referent; they are antecedents like names."""

from __future__ import annotations

from kroniek.lexicon import ROLE_NOUNS

from .names import FEMALE_NOUNS, MALE_NOUNS, PERSON_NOUNS, THIRD_POSSESSIVES, Mention, speech_forms

#: cue forms that do not make their subject a speaker ("De functie weten de wetenschappers nog
#: niet": knowing; "X vindt": a view)
_NOT_SPEECH = frozenset("weet weten wist wisten vindt vinden vond vonden denkt denken dacht dachten".split())


class Narration:
    """Mixin of :class:`~kroniek.extraction.quotes.speakers.people.People`; see the module docstring."""

    def _subject_events(self) -> None:
        """Subjects of narration sentences that are no names, from the dependency parse: person
        descriptions ("een klein, levendig man", "de bisschop") and third-person pronouns, each
        resolved in reading order so a chain of "hij ... hij" keeps its referent."""
        self._events, self._ev_starts = [], []
        self._events_for = list(self.quoted)
        a = self.analysis
        if a is None:
            return
        # nouns this text makes speak ("vroeg 't dichtertje", "zei de duivel") are persons here
        speakers = {
            t.lower_
            for t in a
            if t.dep_ == "nsubj"
            and t.pos_ == "NOUN"
            and t.head.lower_ in speech_forms()
            and t.head.lower_ not in _NOT_SPEECH
            and not self._in_quote(t.idx)
            # "De nieuwe kennis zegt niets over ...": a thing that indicates, no speaker
            and not any(c.lower_ in ("iets", "niets", "veel", "weinig", "alles", "genoeg") for c in t.head.children)
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
                    and (low in MALE_NOUNS or low in FEMALE_NOUNS or low in ROLE_NOUNS)  # no "een kind"
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
                and (low in PERSON_NOUNS or low in ROLE_NOUNS or low in speakers)
                and not any(
                    c.dep_ in ("det", "nmod:poss") and c.lower_ in THIRD_POSSESSIVES for c in tok.children
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
                g = "m" if low in MALE_NOUNS else "f" if low in FEMALE_NOUNS else ""
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

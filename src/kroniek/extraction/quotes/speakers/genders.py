"""A person's gender, only to rule out clear mismatches when a pronoun is resolved: from titles
("mevrouw X"), a short first-name list, and the pronouns that follow a name."""

from __future__ import annotations

import re

from .names import FEMALE_NAMES, FEMALE_WORDS, MALE_NAMES, MALE_WORDS


class Genders:
    """Mixin of :class:`~kroniek.extraction.quotes.speakers.people.People`; see the module docstring."""

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
                if w in MALE_WORDS or (w == first and w in MALE_NAMES):
                    v[0] += 3
                    self._titled.add(c)
                    stated.setdefault(c, set()).add("m")
                elif w in FEMALE_WORDS or (w == first and w in FEMALE_NAMES):
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

"""Dutch reporting cues: the verbs that introduce or attribute a statement, read from
``reporting_verbs.tsv`` and ``reporting_particles.tsv``.

Verbs are listed by lemma with their inflected forms, because the blank fallback analysis has no
lemmas and even a trained model lemmatises rare forms badly; matching is a set lookup on the
lowercased surface word. Separable particle verbs ("laat ... weten", "voegt ... toe") are listed
as (finite form, particle) so the particle can be looked for later in the clause. A lemma's
flags say whether it may introduce a that-clause (``that``: literary-only verbs may not, so
"hij lachte dat ..." is no reported speech) and whether it reports in the inverted "Dat zegt X"
construction (``report``); the other flags give the kind of statement a cue makes: ``inf`` (it
reports a te-infinitive), ``position`` (a stated view), ``call`` (a call or demand), ``evidence`` (a
finding).

Users extend the lexicon with ``KRONIEK_CUES=/path/to/file``:

* plain text, one cue per line (``#`` starts a comment): a single word is a reporting verb form
  (``twitterde``); two words are a finite form plus its particle (``deelde mee``);
* or JSON: a list of such strings, or ``{"verbs": {"lemma": ["form", ...]},
  "particles": {"finite form": "particle"}}``.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from . import mapping, table

_ROWS = table("reporting_verbs.tsv")
#: lemma -> inflected forms (lemma itself included automatically).
VERBS: dict[str, str] = {lemma: forms for lemma, _, forms in _ROWS}
#: Finite forms of separable verbs -> the particle that completes them.
PARTICLES: dict[str, str] = mapping("reporting_particles.tsv")
#: Cues that may introduce a *that*-clause ("X zegt dat ...").
THAT_LEMMAS = frozenset(lemma for lemma, flags, _ in _ROWS if "that" in flags.split(","))
#: Verbs used in the inverted "Dat zegt X" construction (claim = previous sentence).
REPORT_LEMMAS = frozenset(lemma for lemma, flags, _ in _ROWS if "report" in flags.split(","))
#: Verbs that report a te-infinitive ("zei geen reden te zien", "belooft niet mee te werken").
INF_LEMMAS = frozenset(lemma for lemma, flags, _ in _ROWS if "inf" in flags.split(","))
#: Verbs of a stated view ("vindt dat", "denkt te beginnen"): quotes of kind ``position``.
POSITION_LEMMAS = frozenset(lemma for lemma, flags, _ in _ROWS if "position" in flags.split(","))
#: Verbs of a call or demand ("eist dat", "pleit voor"): quotes of kind ``call``.
CALL_LEMMAS = frozenset(lemma for lemma, flags, _ in _ROWS if "call" in flags.split(","))
#: Verbs of a finding ("ontdekten dat"): quotes of kind ``evidence``.
EVIDENCE_LEMMAS = frozenset(lemma for lemma, flags, _ in _ROWS if "evidence" in flags.split(","))


def _split(words: str) -> list[str]:
    return [w for w in words.split() if w]


@lru_cache(maxsize=8)
def _load_user(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """Read a KRONIEK_CUES file into (form -> lemma, finite -> particle)."""
    raw = Path(path).read_text(encoding="utf-8")
    forms: dict[str, str] = {}
    particles: dict[str, str] = {}

    def add(entry: str) -> None:
        parts = entry.lower().split()
        if len(parts) == 1:
            forms[parts[0]] = parts[0]
        elif len(parts) == 2:
            particles[parts[0]] = parts[1]

    stripped = raw.lstrip()
    if stripped.startswith(("[", "{")):
        data = json.loads(raw)
        if isinstance(data, list):
            for entry in data:
                add(str(entry))
        else:
            for lemma, fs in (data.get("verbs") or {}).items():
                forms[lemma.lower()] = lemma.lower()
                for f in fs:
                    forms[str(f).lower()] = lemma.lower()
            for finite, particle in (data.get("particles") or {}).items():
                particles[finite.lower()] = str(particle).lower()
    else:
        for line in raw.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                add(line)
    return forms, particles


class Lexicon:
    """Lookup tables built once per process (and per KRONIEK_CUES value)."""

    def __init__(self, user_file: str | None = None) -> None:
        self.form_lemma: dict[str, str] = {}
        for lemma, forms in VERBS.items():
            self.form_lemma[lemma] = lemma
            for f in _split(forms):
                self.form_lemma.setdefault(f, lemma)
        self.particles: dict[str, str] = dict(PARTICLES)
        self.user_forms: set[str] = set()
        if user_file:
            forms, particles = _load_user(user_file)
            self.form_lemma.update(forms)
            self.user_forms = set(forms)
            self.particles.update(particles)
        self.that_forms = frozenset(
            f for f, lem in self.form_lemma.items() if lem in THAT_LEMMAS or f in self.user_forms
        )
        self.report_forms = frozenset(
            f for f, lem in self.form_lemma.items() if lem in REPORT_LEMMAS or f in self.user_forms
        )

    def kind(self, word: str) -> str:
        """The kind of statement a cue word makes: position, call, evidence or indirect."""
        lem = self.form_lemma.get(word.lower())
        if lem in POSITION_LEMMAS:
            return "position"
        if lem in CALL_LEMMAS:
            return "call"
        if lem in EVIDENCE_LEMMAS:
            return "evidence"
        return "indirect"

    def lemma(self, word: str) -> str | None:
        """The reporting lemma of a word form, or None when it is not a cue."""
        return self.form_lemma.get(word.lower())

    def is_cue(self, word: str) -> bool:
        w = word.lower()
        return w in self.form_lemma or w in self.particles


@lru_cache(maxsize=4)
def _lexicon(user_file: str | None) -> Lexicon:
    return Lexicon(user_file)


def get_lexicon() -> Lexicon:
    """The lexicon, including cues from the file named by ``KRONIEK_CUES`` when set."""
    return _lexicon(os.environ.get("KRONIEK_CUES") or None)

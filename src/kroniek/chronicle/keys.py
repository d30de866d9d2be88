"""Name keys: what makes two written names the same name across articles.

* ``name_key`` — case, diacritics, dots, hyphens and spacing do not count: "Erdoğan" = "Erdogan",
  "Rutte-III" = "Rutte III" = "kabinet-Rutte III", "M.  Rutte" = "m rutte".
* ``sound_key`` — Dutch and English transliterations of the same name meet: "Poetin" = "Putin",
  "Zelenski" = "Zelensky", "Lavrov" = "Lawrow", "Tsjechov" = "Chekhov"-like spellings.
* ``person_parts`` — a person's name as (given names, surname), particles kept with the surname:
  "Hugo de Jonge" -> (["hugo"], "de jonge").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kroniek.lexicon import NAME_PARTICLES

_PARTICLES = frozenset(NAME_PARTICLES)
_SPACES = re.compile(r"[\s\-‐‑–—_/.]+")
#: Transliteration pairs, applied in order to a name key (Dutch spelling -> one shared form).
_SOUNDS = (
    ("tsj", "ch"), ("dzj", "j"), ("sj", "sh"), ("oe", "u"), ("kh", "h"), ("ch", "h"), ("ij", "i"),
    ("y", "i"), ("w", "v"), ("ou", "u"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("z", "s"),
    ("ee", "e"), ("aa", "a"), ("oo", "o"), ("uu", "u"),
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: 'Erdoğan' -> 'erdogan', 'Guaidó' -> 'guaido'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("ı", "i")


#: "kabinet-Rutte III" is the cabinet "Rutte III" ("kabinet-Rutte" alone names the premier)
_CABINET = re.compile(r"^kabinet (?=.+ (?:i|ii|iii|iv|v|vi)$)")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparable form of a name: folded, punctuation and spacing made uniform, a genitive
    -'s dropped ("Trump's")."""
    key = _SPACES.sub(" ", fold(name).replace("’", "'")).strip()
    key = _CABINET.sub("", key)
    return re.sub(r"'s$", "", key).strip()


@lru_cache(maxsize=65536)
def sound_key(name: str) -> str:
    """A coarser key on which transliterations meet; only used for names of five letters or more."""
    key = name_key(name).replace("'", "").replace(" ", "")
    for a, b in _SOUNDS:
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", key)


def person_parts(name: str) -> tuple[list[str], str]:
    """(given names or initials, surname with its particles) of a person's name key."""
    words = name_key(name).split()
    if not words:
        return [], ""
    i = len(words) - 1
    while i > 0 and words[i - 1] in _PARTICLES:
        i -= 1
    return words[:i], " ".join(words[i:])


def given_names_agree(a: list[str], b: list[str]) -> bool:
    """'mark' ~ 'm' ~ 'mark' ; 'donald' !~ 'ivanka'; no given name agrees with any."""
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if len(x) == 1 and y.startswith(x) or len(y) == 1 and x.startswith(y):
            continue
        return False
    return True

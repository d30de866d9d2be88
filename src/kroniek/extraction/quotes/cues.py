"""The quote finders' own word lists (``lexicon/`` beside this module); the shared ones —
reporting verbs, role and organisation nouns, pronouns, weekdays — come from
:mod:`kroniek.lexicon`."""

from __future__ import annotations

import re

from kroniek.analysis.gazetteer import MEDIA
from kroniek.lexicon import WEEKDAY_NAMES, words

#: Words that end a speaker phrase after a cue ("zegt Erdogan woensdag tegen ...").
SPEAKER_STOP = (
    words("speaker_stop.txt", __package__)
    | frozenset(WEEKDAY_NAMES)
    | frozenset(d + "avond" for d in WEEKDAY_NAMES)
)
#: Things after "volgens" that are not sources ("volgens plan").
NOT_SOURCE = words("not_source.txt", __package__)
#: Nouns that name a document a source speaks through ("op basis van een verklaring van X").
VEHICLE_NOUNS = words("vehicle_nouns.txt", __package__)
#: Nouns for a news medium ("schrijft de krant"); with the media's names, a medium as a source.
MEDIA_NOUNS = words("media_nouns.txt", __package__)
#: Nouns that judge ("X vindt het onzin": a stated view).
VERDICT_NOUNS = words("verdict_nouns.txt", __package__)
_MEDIA = frozenset(re.sub(r"^(?:de|het|the)\s+", "", m.lower()) for m in MEDIA)


def is_medium(text: str) -> bool:
    """Whether a speaker phrase names a news medium ("de NOS", "de Volkskrant", "de krant")."""
    low = re.sub(r"^(?:de|het|the)\s+", "", text.strip().lower())
    if low in _MEDIA:
        return True
    words = low.split()
    return bool(words) and (words[-1] in MEDIA_NOUNS or words[0] in MEDIA_NOUNS)

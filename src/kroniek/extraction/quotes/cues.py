"""The quote finders' own word lists (``lexicon/`` beside this module); the shared ones —
reporting verbs, role and organisation nouns, pronouns, weekdays — come from
:mod:`kroniek.lexicon`."""

from __future__ import annotations

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

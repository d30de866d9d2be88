"""Where "N jaar" is an age, not a stretch of time: one pair of patterns for the figures stage
(an age is a figure with unit ``jaar``) and the timexes stage (an age is never a duration)."""

from __future__ import annotations

import re

#: what follows "N" in an age: "21 jaar oud", "45 jaar en ouder", "toen hij 11 jaar was,"
AGE_YEARS_AFTER = re.compile(
    r"(?i)\s*(?:jaar\s+)?(?:oud\b|(?:en|of)\s+(?:ouder|jonger)\b|(?:was|is|werd|wordt)\b(?=\s*[,.;:)!?]))"
)
#: what comes before an age in years: "ouder dan 65 jaar", "hij is 30 jaar", "jongeren tussen de 18
#: en 25 jaar", "een vrouw van 21 jaar"
AGE_YEARS_BEFORE = re.compile(
    r"(?i)(?:\b(?:ouder|jonger)\s+dan|\b(?:boven|onder)\s+de|\bleeftijd\s+(?:van|tussen)(?:\s+de)?|"
    r"\b(?:hij|zij|ze)\s+(?:is|was|werd|wordt)(?:\s+(?:nu|pas|al|inmiddels))?|"
    r"(?:\b(?:mensen|jongeren|kinderen|vrouwen|mannen|volwassenen|ouderen|jongens|meisjes|leerlingen|"
    r"studenten|deelnemers|respondenten|inwoners|werknemers|consumenten|patiënten|millennials|"
    r"man|vrouw|jongen|meisje|kind|jongeman|baby|tiener|verdachte|zoon|dochter)|"
    r"(?-i:\b[A-Z][a-zë]+(?:en|ers|s)))\s+(?:van|tussen)(?:\s+de)?)"
    r"\s+(?:\d+\s+(?:en|tot)\s+(?:de\s+)?)?$"
)

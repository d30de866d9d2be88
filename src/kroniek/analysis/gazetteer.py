"""Entity gazetteer in front of the statistical NER: names whose type never changes.

The shipped NER was trained on Belgian news from 2000 and mistypes names that matter in today's
news (countries read as persons, "Al-Qaeda" as MISC). An ``entity_ruler`` before ``ner`` fixes
those spans; the NER keeps them and labels everything else. Country names come from babel's Dutch
territory names (the same source as ``kb.places``); organisations from ``lexicon/organisations.txt`` and ``lexicon/media.txt``
(international bodies, media, Dutch state bodies and ministries, parties, unions, companies and
clubs: names whose type never changes, so "Philips" is never a person).
"""

from __future__ import annotations

from typing import Any

from kroniek.lexicon import ordered

#: Organisations that news mentions constantly and whose type is not in doubt (``lexicon/``).
ORGANISATIONS = ordered("organisations.txt", __package__)
#: News media and agencies (ORG too; the quotes stage reads a report they carry as evidence).
MEDIA = ordered("media.txt", __package__)

#: Country names the NER should never type otherwise; babel's Dutch names plus common forms.
EXTRA_COUNTRIES = ("Amerika", "VS", "Groot-Brittannië", "Engeland", "Holland", "Rusland", "Syrië")


def patterns() -> list[dict[str, Any]]:
    """entity_ruler patterns: countries as LOC, the organisations above as ORG."""
    from kroniek.kb.places import _dutch_country_names

    countries = set(_dutch_country_names().values()) | set(EXTRA_COUNTRIES)
    out = [{"label": "LOC", "pattern": name} for name in sorted(countries) if len(name) > 2]
    out += [{"label": "ORG", "pattern": name} for name in ORGANISATIONS + MEDIA]
    return out


def add_to(nlp: Any) -> None:
    """Put the gazetteer in front of ``ner`` (no-op for pipelines without NER)."""
    if "ner" not in nlp.pipe_names or "entity_ruler" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": False})
    ruler.add_patterns(patterns())

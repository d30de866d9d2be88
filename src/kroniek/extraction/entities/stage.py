"""Entities stage: the model's entity mentions, canonicalised within the article.

What one article says about an entity is spread over several mentions: "Islamitische Staat (IS)"
then "IS"; "Recep Erdogan" then "Erdogan"; "de Turkse president Recep Erdogan". This stage links
them so every mention carries the same canonical name (``entity``), the article's other names for
it (``aliases``) and the role the article gives a person (``role``). Places get an ISO country
code and coordinates from :mod:`kroniek.kb.places`; a place resolving to a country is named by
its Dutch country name, so "Amerika" and "VS" both count for "Verenigde Staten".

Nationality adjectives ("Syrische", "Russische") are added as extra ``MISC`` entities whose
``entity`` is the country's Dutch name and ``country`` its code, so "de Syrische president"
counts for Syrië. They are the only mentions not taken from the model; an adjective inside a
longer model entity ("Syrische Democratische Strijdkrachten") is left alone, and a model MISC
span that is exactly the adjective is enriched instead of duplicated.

Every step is a dictionary lookup per mention or per token, so the stage is linear in the
article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kroniek.kb.places import country_name, lookup_place
from kroniek.lexicon import ROLE_NOUNS
from kroniek.model import Document, Entity
from kroniek.pipeline.registry import stage

from .organisations import organisations_by_kind, organisations_by_name
from .people import full_names, glued_names, link_people, places_typed_as_people

LABELS = {"PER", "ORG", "LOC", "MISC"}

#: Common acronyms whose long form an article may never spell out.
KNOWN_ACRONYMS: dict[str, str] = {
    "VS": "Verenigde Staten", "VN": "Verenigde Naties", "EU": "Europese Unie",
    "NAVO": "Noord-Atlantische Verdragsorganisatie", "VK": "Verenigd Koninkrijk",
    "IS": "Islamitische Staat", "ISIS": "Islamitische Staat", "EC": "Europese Commissie",
    "EP": "Europees Parlement", "WHO": "Wereldgezondheidsorganisatie",
    "IMF": "Internationaal Monetair Fonds", "OM": "Openbaar Ministerie",
    "OVSE": "Organisatie voor Veiligheid en Samenwerking in Europa",
    "OPCW": "Organisatie voor het Verbod op Chemische Wapens", "ICC": "Internationaal Strafhof",
    "IAEA": "Internationaal Atoomenergieagentschap", "EK": "Eerste Kamer", "TK": "Tweede Kamer",
}

#: A token ending in a role noun is a role ("oud-premier", "VN-gezant", "legerleider").
_ROLE_RE = re.compile("(?:{})$".format("|".join(sorted(ROLE_NOUNS, key=len, reverse=True))))
_DETERMINERS = frozenset({"de", "het", "een", "die", "deze", "dat", "zijn", "haar", "hun"})
_UNINFLECTED_ADJ = frozenset({"voormalig", "huidig", "nieuw", "interim", "waarnemend"})
_COMPLEMENT_HEADS = frozenset({"van", "voor"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "'", "‘", "\n", "\n\n"})

#: Nationality adjective (inflected) -> ISO country code. The uninflected stem ("Syrisch") is
#: only read as the first part of a compound ("Syrisch-Russische"): alone it is mostly a language.
NATIONALITIES: dict[str, str] = {
    "Syrische": "SY", "Russische": "RU", "Turkse": "TR", "Amerikaanse": "US", "Iraakse": "IQ",
    "Iraanse": "IR", "Britse": "GB", "Engelse": "GB", "Franse": "FR", "Duitse": "DE",
    "Nederlandse": "NL", "Belgische": "BE", "Chinese": "CN", "Japanse": "JP",
    "Israëlische": "IL", "Palestijnse": "PS", "Egyptische": "EG", "Saudische": "SA",
    "Saoedische": "SA", "Afghaanse": "AF", "Pakistaanse": "PK", "Indiase": "IN",
    "Italiaanse": "IT", "Spaanse": "ES", "Portugese": "PT", "Griekse": "GR", "Poolse": "PL",
    "Oekraïense": "UA", "Libische": "LY", "Libanese": "LB", "Jordaanse": "JO",
    "Jemenitische": "YE", "Qatarese": "QA", "Koeweitse": "KW", "Marokkaanse": "MA",
    "Tunesische": "TN", "Algerijnse": "DZ", "Nigeriaanse": "NG", "Keniaanse": "KE",
    "Zuid-Afrikaanse": "ZA", "Canadese": "CA", "Mexicaanse": "MX", "Braziliaanse": "BR",
    "Argentijnse": "AR", "Venezolaanse": "VE", "Colombiaanse": "CO", "Cubaanse": "CU",
    "Australische": "AU", "Noord-Koreaanse": "KP", "Zuid-Koreaanse": "KR", "Zweedse": "SE",
    "Noorse": "NO", "Deense": "DK", "Finse": "FI", "Oostenrijkse": "AT", "Zwitserse": "CH",
    "Hongaarse": "HU", "Tsjechische": "CZ", "Roemeense": "RO", "Bulgaarse": "BG",
    "Servische": "RS", "Kroatische": "HR", "Bosnische": "BA", "Albanese": "AL", "Ierse": "IE",
    "Schotse": "GB", "Wit-Russische": "BY", "Georgische": "GE", "Armeense": "AM",
    "Azerbeidzjaanse": "AZ", "Kazachse": "KZ", "Oezbeekse": "UZ", "Indonesische": "ID",
    "Filipijnse": "PH", "Thaise": "TH", "Vietnamese": "VN", "Maleisische": "MY",
    "Somalische": "SO", "Ethiopische": "ET", "Soedanese": "SD", "Eritrese": "ER",
    "Malinese": "ML", "Congolese": "CD", "Ghanese": "GH", "Surinaamse": "SR",
    "Luxemburgse": "LU", "Emiraatse": "AE", "Omaanse": "OM", "Bahreinse": "BH",
    "Koeweitisch": "KW", "Tsjetsjeense": "RU", "Birmese": "MM", "Cypriotische": "CY",
}
_NATIONALITY_STEMS: dict[str, str] = {adj[:-1]: code for adj, code in NATIONALITIES.items()}

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&]{0,9}$")
_PAREN_AFTER = re.compile(r"\s*\(\s*([^()]{1,80}?)\s*\)")
_PAREN_INSIDE = re.compile(r"^(.+?)\s*\(\s*([^()]{1,80}?)\s*\)$")
_LONG_BEFORE = re.compile(
    r"((?:[A-Z][\w'-]*\s+(?:(?:van|voor|de|het|en|der|op)\s+)*)*[A-Z][\w'-]*)\s*\(\s*$"
)
_SMALL_WORDS = frozenset({"van", "voor", "de", "het", "en", "der", "op", "in", "tot", "of"})


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    entity: str
    span: Any = None  # spaCy Span, or None for added nationality mentions
    role: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    nationality: bool = False


_LEAD_PUNCT = "\"'“”„‘’«»,;:!?()[]-–—/*•·"
_TRAIL_PUNCT = "\"'“”„‘’«»,;:!?([]-–—/*•·"


#: a sentence's full stop after a name's last word ("De Vries."), not an initial's ("V.", "B.V.")
_SENTENCE_STOP = re.compile(r"(?<![.\s])[a-zà-ÿ]{2}\.$")


def _trimmed(text: str, e: Any) -> _Mention | None:
    """The model's span without quote marks and punctuation at its edges; None when nothing but
    punctuation is left (the model typed a closing quote mark PER)."""
    s, t = e.start_char, e.end_char
    while s < t and text[s] in _LEAD_PUNCT:
        s += 1
    while t > s and (
        text[t - 1] in _TRAIL_PUNCT
        or (text[t - 1] == ")" and "(" not in text[s:t])
        or (text[t - 1] == "." and _SENTENCE_STOP.search(text, s, t))
    ):
        t -= 1
    if not any(c.isalnum() for c in text[s:t]):
        return None
    span = e
    if (s, t) != (e.start_char, e.end_char):
        span = e.doc.char_span(s, t, label=e.label_, alignment_mode="contract") or e
    return _Mention(s, t, text[s:t], e.label_, text[s:t], span=span)


def _initials(phrase: str) -> set[str]:
    """Initials a long form may be abbreviated to: every word, or only the capitalised ones."""
    words = [w for part in phrase.split() for w in part.split("-") if w]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
    return {every, content}


def _acronym_definitions(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """Acronym -> long form, from "Long Form (ACR)", "ACR (Long Form)", the table and initials."""
    defs: dict[str, str] = {}
    for m in mentions:
        inside = _PAREN_INSIDE.match(m.text)
        after = _PAREN_AFTER.match(text, m.end)
        pairs = []
        if inside:
            pairs.append((inside.group(1), inside.group(2)))
        elif after:
            pairs.append((m.text, after.group(1)))
        if _ACRONYM.match(m.text):
            before = _LONG_BEFORE.search(text, max(0, m.start - 100), m.start)
            if before and m.text.upper() in _initials(before.group(1)):
                pairs.append((before.group(1), m.text))
        for first, second in pairs:
            if _ACRONYM.match(second) and not _ACRONYM.match(first):
                defs.setdefault(second, first)
            elif _ACRONYM.match(first) and not _ACRONYM.match(second) and " " in second:
                defs.setdefault(first, second)
    by_initials: dict[str, str] = {}
    for m in mentions:
        if " " in m.text and not _ACRONYM.match(m.text) and m.label != "PER":
            for ini in _initials(m.text):
                if len(ini) >= 2:
                    by_initials.setdefault(ini, m.text)
    for m in mentions:
        acr = m.text
        if acr in defs or m.label == "PER" or not _ACRONYM.match(acr):
            continue
        long = KNOWN_ACRONYMS.get(acr) or by_initials.get(acr.upper())
        if long:
            defs[acr] = long
    return defs


def _is_role_noun(tok: Any) -> bool:
    low = tok.lower_
    return (tok.is_alpha or "-" in low) and bool(_ROLE_RE.search(low))


def _is_adjective(tok: Any) -> bool:
    if tok.pos_:
        return tok.pos_ == "ADJ"
    low = tok.lower_
    return low in _UNINFLECTED_ADJ or (
        len(low) > 3 and low.endswith("e") and low not in _DETERMINERS and not tok.is_punct
    )


def _role_text(sdoc: Any, first: int, last: int) -> str:
    """The role as written, minus a capital that only marks the start of a sentence."""
    text = sdoc[first:last + 1].text
    tok = sdoc[first]
    starts = first == 0 or tok.is_sent_start or sdoc[first - 1].text in _SENTENCE_OPENERS
    if starts and _is_role_noun(tok) and tok.text[:1].isupper() and tok.text[1:].islower():
        text = text[0].lower() + text[1:]
    return text


def _role_before(sdoc: Any, start: int) -> str | None:
    """ "[de] [Turkse] president [van X] <name>": the role phrase just before a name."""
    i = start - 1
    noun = None
    if i >= 0 and _is_role_noun(sdoc[i]):
        noun = i
    else:  # a complement: "minister van Buitenlandse Zaken Sergej Lavrov"
        for j in range(i, max(-1, i - 6), -1):
            tok = sdoc[j]
            if tok.is_punct or tok.is_sent_start and j > 0:
                break
            if tok.lower_ in _COMPLEMENT_HEADS and j > 0 and _is_role_noun(sdoc[j - 1]):
                noun = j - 1
                break
    if noun is None:
        return None
    first = noun
    while first - 1 >= 0 and noun - first < 3 and _is_adjective(sdoc[first - 1]):
        first -= 1
    return _role_text(sdoc, first, i)


def _role_after(sdoc: Any, end: int) -> str | None:
    """ "<name>, de Russische minister van Buitenlandse Zaken, ...": an apposition."""
    n = len(sdoc)
    if end >= n or sdoc[end].text != ",":
        return None
    i = end + 1
    if i < n and sdoc[i].lower_ in _DETERMINERS:
        i += 1
    first = i
    while i < n and i - first < 3 and not _is_role_noun(sdoc[i]) and _is_adjective(sdoc[i]):
        i += 1
    if i >= n or not _is_role_noun(sdoc[i]):
        return None
    last = i
    if i + 1 < n and sdoc[i + 1].lower_ in _COMPLEMENT_HEADS:
        j = i + 2
        while j < n and j - i <= 6 and not sdoc[j].is_punct:
            j += 1
        if j - 1 > i + 1:
            last = j - 1
    if last + 1 < n and not sdoc[last + 1].is_punct:
        return None
    return _role_text(sdoc, first, last)


def _nationalities(sdoc: Any, covered: dict[int, _Mention]) -> list[_Mention]:
    """MISC mentions for nationality adjectives outside the model's entities."""
    out = []
    for tok in sdoc:
        parts = tok.text.split("-") if "-" in tok.text else [tok.text]
        if tok.text in NATIONALITIES:
            parts = [tok.text]
        offset = tok.idx
        for k, part in enumerate(parts):
            code = NATIONALITIES.get(part)
            if code is None and k < len(parts) - 1:
                code = _NATIONALITY_STEMS.get(part)
            start, end = offset, offset + len(part)
            offset = end + 1
            if code is None:
                continue
            owner = covered.get(tok.i)
            if owner is not None:
                if owner.label == "MISC" and owner.start == start and owner.end == end:
                    owner.nationality, owner.country = True, code
                    owner.entity = country_name(code) or owner.entity
                continue
            name = country_name(code) or part
            out.append(_Mention(start, end, part, "MISC", name, country=code, nationality=True))
    return out


def _split_role_prefix(sdoc: Any, m: _Mention) -> None:
    """A model span "Syrische president Assad" becomes PER "Assad" with that role."""
    span = m.span
    k = 0
    while k < len(span) - 1 and k < 3 and not _is_role_noun(span[k]) and _is_adjective(span[k]):
        k += 1
    if k >= len(span) - 1 or not _is_role_noun(span[k]) or not span[k + 1].text[:1].isupper():
        return
    name = sdoc[span.start + k + 1:span.end]
    m.role = _role_text(sdoc, span.start, span.start + k)
    m.span = name
    m.start, m.end, m.text, m.entity, m.label = (
        name.start_char, name.end_char, name.text, name.text, "PER"
    )


def _people_by_surname(mentions: list[_Mention]) -> None:
    """One sense per article: a one-word mention the model typed MISC, ORG or LOC that is the
    surname of a person named in full elsewhere in the article ("Erdogan: Assad is een
    terrorist" as a heading, "de Turkse president Recep Erdogan" below) is that person. Known
    places and acronyms keep their type."""
    tails = {words[-1].casefold() for words in full_names(mentions) if words[-1][:1].isupper()}
    for m in mentions:
        if (
            m.label in ("MISC", "ORG", "LOC")
            and " " not in m.text
            and m.text.casefold() in tails
            and not _ACRONYM.match(m.text)
            and lookup_place(m.text) is None
        ):
            m.label = "PER"


def canonicalise(doc: Document, sdoc: Any) -> list[Entity]:
    """The article's entity mentions, linked to canonical names, roles and places."""
    text = doc.text
    mentions = [m for e in sdoc.ents if e.label_ in LABELS and (m := _trimmed(text, e)) is not None]
    for m in mentions:  # the tokenizer keeps a sentence's full stop on "VN." as if an abbreviation
        if m.text.endswith(".") and _ACRONYM.match(m.text[:-1]):
            m.text = m.entity = m.text[:-1]
            m.end -= 1
        elif len(m.span) > 1:
            _split_role_prefix(sdoc, m)
    covered = {i: m for m in mentions for i in range(m.span.start, m.span.end)}

    # 1. acronyms and their long forms
    defs = _acronym_definitions(text, mentions)
    longs = {long: acr for acr, long in defs.items()}
    extra_aliases: dict[str, list[str]] = {}
    for m in mentions:
        inside = _PAREN_INSIDE.match(m.text)
        if inside and (inside.group(2) in defs or inside.group(1) in defs):
            a, b = inside.group(1), inside.group(2)
            m.entity = defs.get(b) or defs.get(a) or m.entity
        elif m.text in defs:
            m.entity = defs[m.text]
        elif "-" in m.text:  # the model tagged "IS" inside the token "IS-strijders"
            head, _, rest = m.text.partition("-")
            long = defs.get(head) or KNOWN_ACRONYMS.get(head)
            if long and rest[:1].islower():
                m.entity = long
        if m.entity in longs:
            extra_aliases.setdefault(m.entity, []).append(longs[m.entity])

    # 2. types the context settles, then people: short forms to the fullest name
    organisations_by_kind(sdoc, mentions)
    organisations_by_name(sdoc, mentions)
    places_typed_as_people(mentions)
    glued_names(text, mentions)
    _people_by_surname(mentions)
    link_people([m for m in mentions if m.label == "PER"])

    # 3. roles, spread to every mention of the same person
    roles: dict[str, str] = {}
    for m in mentions:
        if m.label == "PER":
            m.role = m.role or _role_before(sdoc, m.span.start) or _role_after(sdoc, m.span.end)
            if m.role:
                roles.setdefault(m.entity, m.role)
    for m in mentions:
        if m.label == "PER" and m.role is None:
            m.role = roles.get(m.entity)

    # 4. places
    for m in mentions:
        if m.label != "LOC":
            continue
        place = lookup_place(m.entity) or lookup_place(m.text)
        if place is not None:
            m.country, m.lat, m.lon = place.country, place.lat, place.lon
            if place.kind == "country":
                m.entity = place.name

    # 5. nationality adjectives
    mentions.extend(_nationalities(sdoc, covered))
    mentions.sort(key=lambda m: (m.start, m.end))

    aliases: dict[str, list[str]] = {}
    for m in mentions:
        if not m.nationality:
            names = aliases.setdefault(m.entity, [])
            for name in (m.text, *extra_aliases.get(m.entity, ())):
                if name != m.entity and name not in names and not _PAREN_INSIDE.match(name):
                    names.append(name)
    return [
        Entity(
            start=m.start, end=m.end, text=m.text, label=m.label, entity=m.entity,
            aliases=() if m.nationality else tuple(aliases.get(m.entity, ())),
            role=m.role, country=m.country, lat=m.lat, lon=m.lon,
        )
        for m in mentions
    ]


@stage("entities", requires={"ner"}, provides={"entities"}, version=7)  # 7: a name glued to its club is cut; 3: surname mentions typed PER; 4: kind nouns, places typed PER; 5: one role-noun list; 6: no punctuation entities, organisation names
def find_entities(doc: Document) -> Document:
    """Turn the model's entity spans into canonicalised Entity annotations."""
    sdoc = doc.analysis
    if sdoc is None:
        return doc
    doc.entities = canonicalise(doc, sdoc)
    return doc


def _role_keys(role: str) -> list[str]:
    """The full phrase, then shorter ways to refer back to it: without adjectives, without
    the complement, the bare noun ("russische minister van buitenlandse zaken" ... "minister")."""
    words = role.lower().split()
    head = next((i for i, w in enumerate(words) if _ROLE_RE.search(w)), None)
    keys = [" ".join(words)]
    if head is None:
        return keys
    keys += [" ".join(words[head:]), " ".join(words[: head + 1]), words[head]]
    return list(dict.fromkeys(keys))


def role_index(doc: Document) -> dict[str, str]:
    """Role phrase (lowercased) -> canonical person name, for resolving "de Turkse president".

    Keys are the role as written and its shorter forms; a key that two different people share
    in the article is left out rather than guessed.
    """
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for e in doc.entities:
        if e.label != "PER" or not e.role:
            continue
        for key in _role_keys(e.role):
            if index.get(key, e.entity) != e.entity:
                ambiguous.add(key)
            index.setdefault(key, e.entity)
    return {k: v for k, v in index.items() if k not in ambiguous}

"""Organisation types the context settles, whatever type the statistical NER gave a name: a name
after a noun for a kind of organisation ("sportwinkelketen Holtmann"), a name opened by an
institution noun ("Gemeente Utrecht", "Rechtbank Rotterdam", "Stichting X") or closed by a
company's legal form ("Holtmann B.V.", "Ten Brinke Groep"). ORG was the model's weakest label
(recall 0.69 on CoNLL-2002 ned.testa); these rules and the gazetteer ruler in front of the model
(``kroniek/analysis/lexicon/organisations.txt``) are kroniek's repairs without retraining."""

from __future__ import annotations

from typing import Any

from kroniek.lexicon import names_organisation_kind, words

#: nouns that open an organisation's proper name (lower-cased)
ORGANISATION_HEADS = words("organisation_heads.txt", __package__)
#: legal forms and words that close a company's name, as written
COMPANY_FORMS = words("company_forms.txt", __package__)


def organisations_by_kind(sdoc: Any, mentions: list[Any]) -> None:
    """A name right after a noun for a kind of organisation is one ("sportwinkelketen
    Holtmann", "stichting Jansen"), whatever person or MISC type the model gave it; so is a
    person's name after "het" ("het Cornelius Haga": people take no neuter article)."""
    for m in mentions:
        if m.label not in ("PER", "MISC") or m.span.start == 0:
            continue
        tok = sdoc[m.span.start - 1]
        before = tok.text.lower()  # lower-case, or capitalised only as a sentence's first word
        common = tok.is_lower or (tok.is_title and (tok.i == 0 or tok.is_sent_start))
        if tok.is_alpha and common and names_organisation_kind(before):
            m.label = "ORG"
        elif m.label == "PER" and before == "het" and " " in m.text:
            m.label = "ORG"  # "het Cornelius Haga": a school, hospital or stadium named after someone


def organisations_by_name(sdoc: Any, mentions: list[Any]) -> None:
    """A name opened by a capitalised institution noun or closed by a legal form is an
    organisation ("Gemeente Utrecht" where the model found only "Utrecht", "Ten Brinke Groep"
    typed PER); the mention grows to the whole name."""
    for m in mentions:
        span = m.span
        if span is None:
            continue
        first, last = span.start, span.end
        if first > 0 and _head(sdoc[first - 1]) and not _head(sdoc[first]):
            first -= 1
        if last < len(sdoc) and sdoc[last].text in COMPANY_FORMS:
            last += 1
        ws = sdoc[first:last]
        if not (_head(ws[0]) and len(ws) > 1) and ws[-1].text not in COMPANY_FORMS:
            continue
        if ws[-1].text in COMPANY_FORMS and len(ws) < 2:
            continue
        if (first, last) != (span.start, span.end):
            m.span = ws
            m.start, m.end, m.text = ws.start_char, ws.end_char, ws.text
            m.entity = ws.text
        m.label = "ORG"


def _head(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.text.lower() in ORGANISATION_HEADS


#: countries that close an organisation's name as its national branch ("Greenpeace Nederland")
BRANCH_COUNTRIES = frozenset({"Nederland", "België", "Vlaanderen"})


def national_branches(sdoc: Any, mentions: list[Any]) -> list[Any]:
    """An organisation named with its country right after it is one name ("Koninklijke Horeca
    Nederland", "Amnesty International Nederland"): the organisation's mention takes the
    country's token, and the country's own mention, if the model made one, goes."""
    by_start = {m.span.start: m for m in mentions if m.span is not None}
    dropped: set[int] = set()
    for m in mentions:
        span = m.span
        if m.label != "ORG" or span is None or span.end >= len(sdoc):
            continue
        tok = sdoc[span.end]
        if tok.text not in BRANCH_COUNTRIES or tok.idx != span.end_char + 1 or not sdoc.text[span.end_char].isspace():
            continue
        other = by_start.get(span.end)
        if other is not None and (other.span.end != span.end + 1 or other.label != "LOC"):
            continue
        ws = sdoc[span.start : span.end + 1]
        m.span, m.start, m.end, m.text, m.entity = ws, ws.start_char, ws.end_char, ws.text, ws.text
        if other is not None:
            dropped.add(id(other))
    return [m for m in mentions if id(m) not in dropped]


#: the words that tie a person to the body they speak for ("Jelle Wils van Alliander")
_OF = frozenset({"van", "uit", "bij"})


def people_of_organisations(sdoc: Any, mentions: list[Any]) -> list[tuple[Any, str]]:
    """A person's mention that the model ran on into the body the person works for ("Jelle Wils
    van Alliander", where "nutsbedrijf Alliander" is an organisation elsewhere in the article)
    ends before "van": Dutch name particles follow the given name ("Jan van Dijk"), so after a
    full name of two capitalised words a "van" with a known organisation or place after it is
    the preposition. Returns the bodies cut off, (span, label), to be mentions of their own."""
    bodies = {m.text: m.label for m in mentions if m.label in ("ORG", "LOC")}
    cut = []
    for m in mentions:
        span = m.span
        if m.label != "PER" or span is None or len(span) < 4:
            continue
        for k in range(2, len(span) - 1):
            if span[k].text not in _OF:
                continue
            head, tail = span[:k], span[k + 1 :]
            if all(t.text[:1].isupper() for t in head) and tail.text in bodies:
                m.span, m.start, m.end, m.text, m.entity = head, head.start_char, head.end_char, head.text, head.text
                cut.append((tail, bodies[tail.text]))
            break
    return cut

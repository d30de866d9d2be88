"""A plural pronoun's group: "Terwijl de lokale autoriteiten alles ontkennen, hebben zij beloofd
een onderzoek in te stellen", "Er kwamen reacties van bedrijven en particulieren. Zij stelden dat
...": "zij" is a group of people the narration just named, not a woman."""

from __future__ import annotations

from typing import Any

from kroniek.lexicon.people import people_noun

_PLURAL_PRONOUNS = frozenset(("zij", "ze"))


def plural_subject(analysis: Any, start: int) -> bool:
    """Whether the pronoun at ``start`` is the subject of a plural verb ("zij stelden", "hebben zij")."""
    tok = _token_at(analysis, start)
    if tok is None or tok.lower_ not in _PLURAL_PRONOUNS or tok.dep_ != "nsubj":
        return False
    verbs = [tok.head] + [c for c in tok.head.children if c.dep_ in ("aux", "cop")]
    return any("Plur" in v.morph.get("Number") for v in verbs if "Fin" in v.morph.get("VerbForm"))


def group_antecedent(analysis: Any, start: int, quoted: list[tuple[int, int]]) -> str | None:
    """The plural people noun the pronoun at ``start`` points back to: the closest one before it
    in its own sentence, else in the sentence before (further back while those sentences speak of
    "ze" too), outside quotes, with its coordinated nouns ("bedrijven en particulieren")."""
    tok = _token_at(analysis, start)
    if tok is None:
        return None
    sent = tok.sent
    spans = [(sent.start, tok.i)]
    for _ in range(3):  # the sentences before, while they go on about "ze" ("Ze aanvaarden ... Ze eisen dat")
        if sent.start == 0:
            break
        sent = analysis[sent.start - 1].sent
        spans.append((sent.start, sent.end))
        if not any(t.lower_ in _PLURAL_PRONOUNS and t.dep_ == "nsubj" for t in sent):
            break
    for lo, hi in spans:
        for i in range(hi - 1, lo - 1, -1):
            t = analysis[i]
            if (
                (
                    t.pos_ == "NOUN"
                    and "Plur" in t.morph.get("Number")
                    or t.pos_ == "ADJ" and t.dep_ != "amod" and t.lower_.endswith("en")  # "jongeren", "ouderen"
                )
                and people_noun(t.text, t.lemma_)
                and not any(s <= t.idx < e for s, e in quoted)
            ):
                head = t
                while head.dep_ == "conj" and head.head.pos_ == "NOUN" and head.head.i < head.i:
                    head = head.head
                nouns = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
                return " en ".join(n.text.lower() for n in sorted(nouns, key=lambda n: n.i))
    return None


def _token_at(analysis: Any, start: int) -> Any:
    if analysis is None:
        return None
    span = analysis.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None

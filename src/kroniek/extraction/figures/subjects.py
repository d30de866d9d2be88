"""What a figure counts: the noun phrase after a number ("300 | boze boeren | van de coöperatie"),
from the dependency parse when there is one, else from the words; what a fraction is of."""

from __future__ import annotations

import re
from typing import Any

from .tables import DEMONYM, STOP, TOKEN_RE

#: "van de kleine winkels": what a fraction or percentage is of.
_OF_PHRASE = r"van\s+((?:de|het|alle)\s+(?:[\w'’-]+e\s+)?[\w'’-]+)"
#: right after the fraction ("een derde van de ..."), or after one word ("30 procent van de ...")
FRACTION_OF_RE = re.compile(rf"(?i)\s*{_OF_PHRASE}")
OF_AFTER_WORD_RE = re.compile(rf"(?i)\s*(?:\w+\s+)?{_OF_PHRASE}")


def noun_phrase(text: str, pos: int, limit: int) -> tuple[str | None, str | None]:
    """POS-free guess at the counted noun phrase after ``pos``: adjectives (-e) then a noun,
    then an optional ``van X`` complement; returns (unit, subject)."""
    words = [(m.start() + pos, m.end() + pos, m.group()) for m in TOKEN_RE.finditer(text[pos:limit])]
    np: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words) and len(np) < 4:
        w = words[i][2]
        if not w[0].isalpha() or w.lower() in STOP or (w[0].isupper() and not np and not DEMONYM.search(w)):
            break
        np.append(words[i])
        i += 1
        if not (w.endswith("e") and i < len(words) and words[i][2][:1].isalpha()):
            break
    if not np:
        return None, None
    unit = np[-1][2]
    end = np[-1][1]
    if i + 1 < len(words) and words[i][2] == "van":
        j = i + 1
        comp: list[tuple[int, int, str]] = []
        while j < len(words) and len(comp) < 5:
            w = words[j][2]
            if not w[0].isalpha() or (w.lower() in STOP and w.lower() not in ("de", "het")):
                break
            comp.append(words[j])
            j += 1
        if comp and comp[-1][2].lower() not in ("de", "het"):
            end = comp[-1][1]
    return unit, text[np[0][0] : end]


def dep_noun_phrase(sdoc: Any, start: int, end: int) -> tuple[str | None, str | None] | None:
    """With a dependency parse: the noun the number modifies and its phrase after the number."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span[-1].head
    if head.i <= span[-1].i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    right = head
    for tok in head.rights:
        if tok.dep_ in ("nmod", "amod", "compound", "flat", "appos") and tok.i <= head.sent.end:
            right = tok.right_edge if tok.right_edge.dep_ != "punct" else tok
    last = head
    for tok in sdoc[head.i : right.i + 1]:
        if tok.is_punct or tok.dep_ in ("acl", "acl:relcl", "relcl"):
            break
        last = tok
    # a name right after a common noun is its apposition ("terreurgroep Islamitische Staat"),
    # whatever the parser attached it to
    nxt = last.i + 1
    if last.pos_ == "NOUN" and nxt < len(sdoc) and sdoc[nxt].ent_iob_ == "B":
        ent = next((e for e in sdoc.ents if e.start == nxt), None)
        if ent is not None and ent.end <= head.sent.end:
            last = sdoc[ent.end - 1]
    stop = last.idx + len(last.text)
    return head.text, sdoc.text[span[-1].idx + len(span[-1].text) : stop].strip() or None


def is_noun(sdoc: Any, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` is a noun: by its tag when the text is tagged, else by list."""
    if word.lower() in STOP or word.lower() == "van":
        return False
    if sdoc is None or not sdoc.has_annotation("POS"):
        return True
    span = sdoc.char_span(start, start + len(word), alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in ("NOUN", "PROPN")

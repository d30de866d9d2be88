"""The text cut into the pieces the quote finders walk: paragraphs (lines) and sentence units
(sentences cut at paragraph ends)."""

from __future__ import annotations

from kroniek.model import Document


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Lines of text: news paragraphs and headings are separated by newlines."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def units(doc: Document, paras: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Sentences cut at paragraph ends: (start, end, paragraph index)."""
    out = []
    sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
    si = 0
    for pi, (ps, pe) in enumerate(paras):
        cur = ps
        while si < len(sents) and sents[si][1] <= ps:
            si += 1
        j = si
        while j < len(sents) and sents[j][0] < pe:
            end = min(sents[j][1], pe)
            if end > cur:
                s = max(cur, sents[j][0], ps)
                t = doc.text
                while s < end and t[s].isspace():
                    s += 1
                e = end
                while e > s and t[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((s, e, pi))
                cur = end
            j += 1
        if cur < pe and doc.text[cur:pe].strip():
            out.append((cur + len(doc.text[cur:pe]) - len(doc.text[cur:pe].lstrip()), pe, pi))
    return out


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n,":
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e

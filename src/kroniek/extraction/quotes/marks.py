"""Quote marks: which mark may open or close a quotation, and the quoted spans of a paragraph.

Dutch news uses „…”, ,,…'' and "…"; literature also ‘…’, '…' and «…». An apostrophe in
"'s avonds", "zo'n" or "'t" is no quote mark.
"""

from __future__ import annotations

import re

OPENERS = {"„": "dq", "“": "dq", '"': "dq", "«": "guil", "‘": "sq", "'": "sq", ",,": "dq"}
MARK_RE = re.compile(r",,|''|[„“”\"«»‘’']")
#: A paragraph opening with a dialogue dash ("– Kom je? vroeg hij.").
DASH_START = re.compile(r"[ \t]*[-–—]\s+")


def _can_open(text: str, i: int, mark: str) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in ("„", "“", "«", ",,", "‘"):
        if mark == ",," and not (prev.isspace() or prev in "(:"):
            return False
        return not (mark == "‘" and prev.isalnum())
    if mark == '"':
        return not prev.isalnum() or prev.isspace()
    if mark == "'":
        if prev.isalnum():
            return False
        tail = text[i + 1 : i + 4]
        if re.match(r"(?:s|t|k|n|r|m)\b", tail):  # 's avonds, 't, zo'n
            return False
        return nxt.isalnum() or nxt in "…."
    return False


def _can_close(text: str, i: int, mark: str) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in ("”", "»", "''", "“", "„"):
        return True
    if mark == '"':
        return True
    if mark in ("'", "’"):
        return not prev.isspace() and not nxt.isalnum()
    return False


def _mistyped_close(text: str, i: int, mark: str, opener: str) -> bool:
    """A quotation opened with one kind of mark and closed with the other, as typed in many
    papers ('Kom je?" "Ja.", "Onze harten gaan uit,' schreef ze): a mark of the other kind right
    after the end of a sentence or clause closes it (a nested quotation opens after a space)."""
    if i == 0 or text[i - 1] not in ".!?…,":
        return False
    nxt = text[i + 1 : i + 2]
    if opener == "'" and mark == '"':
        return not nxt.isalnum()
    return opener in ('"', "“", "„", ",,") and mark == "'" and not nxt.isalnum()


_CLOSES = {"dq": ('"', "”", "“", "''"), "guil": ("»",), "sq": ("'", "’")}


def direct_spans(text: str, ps: int, pe: int) -> list[tuple[int, int, int, int, bool]]:
    """(mark_start, content_start, content_end, mark_end, closed) for each quote in a paragraph."""
    out = []
    open_at: int | None = None
    family = ""
    for m in MARK_RE.finditer(text, ps, pe):
        mark, i = m.group(), m.start()
        if open_at is None:
            if mark in OPENERS and _can_open(text, i, mark):
                open_at, family = i, OPENERS[mark]
                open_len = len(mark)
        else:
            before = text[open_at + open_len : i].rstrip()
            if mark in (",,", "„") and family == "dq" and before[-1:] in (".", "!", "?", "…") and _can_open(text, i, mark):
                # a second opening mark after a finished sentence: the writer left the first
                # quotation unclosed (",,Natuurlijk ... horen we meer. ,,Een noodlanding ...")
                out.append((open_at, open_at + open_len, open_at + open_len + len(before), i, False))
                open_at, open_len = i, len(mark)
                continue
            if (mark in _CLOSES[family] or _mistyped_close(text, i, mark, text[open_at : open_at + open_len])) \
                    and _can_close(text, i, mark) and i > open_at + open_len:
                out.append((open_at, open_at + open_len, i, m.end(), True))
                open_at = None
    if open_at is not None:
        out.append((open_at, open_at + open_len, pe, pe, False))
    return out

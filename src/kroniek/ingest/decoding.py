"""Bytes to text, shared by every format reader (they sit above it; the dispatcher in
``readers`` sits above them).

UTF-8 (with or without BOM) and UTF-16 with BOM are read as such, anything else as cp1252;
files that are not text at all (NUL bytes, many control characters) are told apart here.
"""

from __future__ import annotations

from kroniek.errors import RecordError

from .records import FORMATS, record_error

SNIFF_BYTES = 8192


def decode(data: bytes) -> str | None:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; None if binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if looks_binary(data[:SNIFF_BYTES]):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def decode_line(data: bytes) -> str:
    """One line of a line format: UTF-8, else cp1252 (undefined cp1252 bytes become U+FFFD)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: an image, archive or other non-text file."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def binary_error(source: str, head: bytes) -> RecordError:
    return record_error(
        "the file is binary or in an unknown encoding, not text", source=source,
        hint="give UTF-8 or cp1252 text in a supported format: " + ", ".join(FORMATS),
        raw=head[:200].hex(" "),
    )

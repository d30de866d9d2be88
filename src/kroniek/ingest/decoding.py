"""Bytes to text, shared by every format reader (they sit above it; the dispatcher in
``readers`` sits above them).

Decoding is per record, not per file: one damaged line in a 2 GB export costs that line only.

- A file is rejected whole only when it is clearly not text: a known binary signature (PNG,
  gzip, ZIP, PDF, ...), or 40 % of its first 64 KiB undecodable (random bytes: over 50 %), or a
  quarter of them NUL.
- UTF-16/UTF-32 with a byte-order mark, and UTF-16 without one (told by where its NUL bytes
  sit), are read as such.
- Otherwise a file is UTF-8, or cp1252 when its non-ASCII lines read as Western European text
  and none as UTF-8 (decided on the first 64 KiB, then on the first telling line). A line that
  does not decode in the file's encoding, or holds a NUL byte, is reported with its byte offset
  (counted from 0, as ``xxd`` and Python do) so the reader can quarantine just that record.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from kroniek.errors import RecordError

from .records import FORMATS, record_error

SNIFF_BYTES = 8192  # what the format sniffer looks at
SAMPLE_BYTES = 65536  # what the text/binary and encoding decisions look at

_UNPACK = "; decompress it first ({})"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document; unpack it or export the articles as CSV"),
    (b"\x1f\x8b", "gzip-compressed" + _UNPACK.format("gunzip FILE")),
    (b"\xfd7zXZ\x00", "xz-compressed" + _UNPACK.format("unxz FILE")),
    (b"BZh91AY&SY", "bzip2-compressed" + _UNPACK.format("bunzip2 FILE")),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed" + _UNPACK.format("unzstd FILE")),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"PAR1", "a Parquet file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document"),
    (b"\x00asm", "a WebAssembly module"), (b"OggS", "an Ogg media file"),
)
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: Non-ASCII characters that Western European text in cp1252 is made of. Bytes outside it
#: (Ã, Â, þ, ÿ, ¤, ...) are what UTF-8 lead bytes and random damage look like in cp1252.
_CP1252_TEXT = frozenset(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÀÁÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖØÙÚÛÜÝßšŠžŽœŒ‘’‚“”„–—…•€£§°«»·½¼¾²³×±µ"
    "\xa0\xad´¨©®™¿¡ºª"
)
_CP1252_LETTERS = frozenset(
    b for b in range(0x80, 0x100)
    if b not in _CP1252_UNDEFINED and bytes([b]).decode("cp1252") in _CP1252_TEXT
)


def not_text(sample: bytes) -> str | None:
    """Why a file whose first bytes are ``sample`` is clearly not text; None if it may be."""
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            return f"the file is binary, not text: {what}"
    if not sample or bom_encoding(sample) or _utf16_without_bom(sample):
        return None
    nul = sample.count(0)
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    replaced = sample.decode("utf-8", "replace").count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    bad = controls + replaced
    if bad * 5 >= len(sample) * 2 or nul * 4 >= len(sample):
        return (f"the file is binary, not text: {max(bad, nul) / len(sample):.0%} of its first "
                f"{len(sample):,} bytes are NUL, control or undecodable bytes")
    return None


def not_text_error(source: str, reason: str, head: bytes) -> RecordError:
    return record_error(
        reason, source=source,
        hint="give UTF-8 (or UTF-16, cp1252) text in a supported format: " + ", ".join(FORMATS)
        + "; convert other encodings first, e.g. iconv -f LATIN2 -t UTF-8",
        raw=head[:200].hex(" "),
    )


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16/32 encoding a byte-order mark at the start of ``data`` names."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: its ASCII characters put a NUL in every pair."""
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.4 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _wide(sample: bytes) -> tuple[str, int] | None:
    """(encoding, length of its byte-order mark) for UTF-16/32 text."""
    enc = bom_encoding(sample)
    if enc:
        return enc, 4 if "32" in enc else 2
    enc = _utf16_without_bom(sample)
    return (enc, 0) if enc else None


# --- line by line ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of a text file. With a ``problem`` (what is wrong, with its byte offset),
    ``text`` is a stand-in with U+FFFD for the bad bytes that keeps the line's structure
    (quotes, delimiters) so a CSV parser stays in step; ``raw`` shows bad bytes as ``\\xNN``."""

    number: int
    text: str
    problem: str | None = None
    raw: str = ""


def _shown(data: bytes) -> str:
    return "".join(f"\\x{b:02x}" for b in data)


def _plausible_cp1252(data: bytes) -> bool:
    """Western European text in cp1252: non-ASCII bytes alone or in pairs between ASCII ones,
    each a letter or sign such text uses (no NUL, no byte cp1252 leaves undefined)."""
    if b"\x00" in data:
        return False
    run = 0
    for b in data:
        if b < 0x80:
            run = 0
        elif b not in _CP1252_LETTERS or run == 2:
            return False
        else:
            run += 1
    return True


def _nul_problem(at: int) -> str:
    return f"a NUL byte at byte {at} of the line, which text never holds"


class _EightBit:
    """Decides between UTF-8 and cp1252 for a file and decodes its lines one by one."""

    def __init__(self, sample_lines: Iterable[bytes]) -> None:
        utf8 = cp1252 = 0
        for data in sample_lines:
            if data.isascii():
                continue
            try:
                data.decode("utf-8")
                utf8 += 1
            except UnicodeDecodeError:
                cp1252 += _plausible_cp1252(data)
        self.encoding = "utf-8" if utf8 and utf8 >= cp1252 else "cp1252" if cp1252 else None

    def line(self, number: int, data: bytes) -> Line:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self._not_utf8(number, data, exc)
        if self.encoding is None and not data.isascii():
            self.encoding = "utf-8"  # the first telling line decides
        if "\x00" in text:
            return Line(number, text.replace("\x00", "\ufffd"), _nul_problem(text.index("\x00")),
                        text.replace("\x00", "\\x00"))
        return Line(number, text)

    def _not_utf8(self, number: int, data: bytes, exc: UnicodeDecodeError) -> Line:
        if self.encoding is None and _plausible_cp1252(data):
            self.encoding = "cp1252"
        nul = data.find(b"\x00")
        undefined = next((i for i, b in enumerate(data) if b in _CP1252_UNDEFINED), -1)
        if self.encoding == "cp1252":
            if nul < 0 and undefined < 0:
                return Line(number, data.decode("cp1252"))
            problem = (_nul_problem(nul) if nul >= 0 else f"neither UTF-8 nor cp1252 at byte "
                       f"{undefined} of the line ({_shown(data[undefined:undefined + 1])})")
        else:
            problem = (f"invalid UTF-8 at byte {exc.start} of the line "
                       f"({_shown(data[exc.start:exc.end])})")
            if nul >= 0:
                problem += " and " + _nul_problem(nul)
        stand_in = data.decode("utf-8", "replace").replace("\x00", "\ufffd")
        raw = data.decode("utf-8", "backslashreplace").replace("\x00", "\\x00")
        return Line(number, stand_in, problem, raw)


def _sample_lines(head: bytes) -> list[bytes]:
    lines = head.split(b"\n")
    return lines[:-1] if len(head) >= SAMPLE_BYTES and len(lines) > 1 else lines


def _byte_lines(head: bytes, fh: BinaryIO) -> Iterator[bytes]:
    """The lines (ending in ``\\n`` where they do) of ``head`` followed by the rest of ``fh``."""
    parts = head.split(b"\n")
    for part in parts[:-1]:
        yield part + b"\n"
    rest = parts[-1] + fh.readline() if parts[-1] else b""
    if rest:
        yield rest
    yield from fh


def _wide_lines(head: bytes, fh: BinaryIO, encoding: str, skip: int) -> Iterator[Line]:
    """UTF-16/32 lines, split on the encoded newline at a code-unit boundary."""
    unit = 4 if "32" in encoding else 2
    newline = "\n".encode(encoding)
    buf, pos, number, more = head, skip, 0, True
    while pos < len(buf) or more:
        at = buf.find(newline, pos)
        while at >= 0 and (at - pos) % unit:
            at = buf.find(newline, at + 1)
        if at < 0 and more:
            chunk = fh.read(SAMPLE_BYTES)
            more = bool(chunk)
            buf, pos = buf[pos:] + chunk, 0
            continue
        end = len(buf) if at < 0 else at + unit
        data, pos, number = buf[pos:end], end, number + 1
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            yield Line(number, data.decode(encoding, "replace"),
                       f"invalid {encoding[:6].upper()} at byte {exc.start} of the line "
                       f"({_shown(data[exc.start:exc.end])})",
                       data.decode(encoding, "backslashreplace"))
            continue
        if "\x00" in text:
            yield Line(number, text.replace("\x00", "\ufffd"),
                       f"a NUL character at character {text.index(chr(0))} of the line, which "
                       "text never holds", text.replace("\x00", "\\x00"))
            continue
        yield Line(number, text)


def text_lines(fh: BinaryIO) -> Iterator[Line]:
    """Every line of a text stream, decoded one by one (see the module doc); a byte-order mark
    is dropped from the first line."""
    head = fh.read(SAMPLE_BYTES)
    wide = _wide(head)
    if wide:
        yield from _wide_lines(head, fh, *wide)
        return
    decoder = _EightBit(_sample_lines(head))
    for number, data in enumerate(_byte_lines(head, fh), start=1):
        if number == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        yield decoder.line(number, data)


# --- whole documents -------------------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    """A whole record's text, or the first line that cannot be decoded and why."""

    text: str
    problem: str | None = None
    line: int | None = None
    raw: str = ""


def decode_document(data: bytes) -> Decoded:
    """One record's bytes (a seed file, a JSON array): every line must decode."""
    lines = list(text_lines(io.BytesIO(data)))
    text = "".join(line.text for line in lines)
    bad = next((line for line in lines if line.problem), None)
    if bad is None:
        return Decoded(text)
    return Decoded(text, bad.problem, bad.number, bad.raw)


def decode_lenient(data: bytes, charset: str | None = None) -> str:
    """A web page: its declared charset, else as :func:`text_lines` would read it, with stray
    bad bytes and NULs as U+FFFD (browsers show such pages; the extractor needs only the text)."""
    if charset:
        try:
            return data.decode(charset).replace("\x00", "\ufffd")
        except (LookupError, UnicodeDecodeError):
            pass
    wide = _wide(data[:SAMPLE_BYTES])
    if wide:
        text = data[wide[1]:].decode(wide[0], "replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            cp1252 = _EightBit(_sample_lines(data[:SAMPLE_BYTES])).encoding == "cp1252"
            text = data.decode("cp1252" if cp1252 else "utf-8", "replace")
    return text.replace("\x00", "\ufffd")

"""Read articles from files, folders and stdin in any supported format.

Never raises for bad input: each unusable record or file becomes a ``RecordError`` in the stream,
so one broken line does not stop a batch of thousands.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kroniek.errors import RecordError

from .decoding import SAMPLE_BYTES, SNIFF_BYTES, decode_lenient, not_text, not_text_error
from .records import ReadOptions, Record, record_error

_EXTENSIONS = {
    ".txt": "seed", ".seed": "seed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}

Items = Iterator[Record | RecordError]


def sniff(name: str, head: bytes) -> str | None:
    """Guess the format from the extension, then from the first bytes."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    suffix = Path(lower).suffix
    if suffix in _EXTENSIONS and suffix not in (".txt", ".xml", ".json"):
        return _EXTENSIONS[suffix]
    if head.startswith(b"WARC/") or _gzipped_warc(head):
        return "warc"
    text = decode_lenient(head[:SNIFF_BYTES]).lstrip("\ufeff \t\r\n").lower()
    if text.startswith("date "):
        return "seed"
    if text.startswith(("{", "[")):
        return "jsonl"
    start = text[:2000]
    if "<rss" in start or "<feed" in start or "<rdf:rdf" in start:
        return "feed"
    if "<html" in start or "<!doctype html" in start:
        return "html"
    return _EXTENSIONS.get(suffix)


def _gzipped_warc(head: bytes) -> bool:
    """A gzip stream whose content starts like a WARC record (a ``.warc.gz`` by another name)."""
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _reader(fmt: str) -> Callable[[str, BinaryIO, ReadOptions], Items]:
    # Imported on use: trafilatura/feedparser/warcio cost import time a JSONL run need not pay.
    if fmt == "seed":
        from .seed import read_seed

        return read_seed
    if fmt in ("jsonl", "csv", "tsv"):
        from . import tabular

        return {"jsonl": tabular.read_jsonl, "csv": tabular.read_csv, "tsv": tabular.read_tsv}[fmt]
    from . import web

    return {"html": web.read_html, "feed": web.read_feed, "warc": web.read_warc}[fmt]


def read_file(path: Path, options: ReadOptions) -> Items:
    """All records of one file; unreadable or unrecognisable files give one error."""
    source = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(SAMPLE_BYTES)
    except OSError as exc:
        yield record_error(f"cannot read the file: {exc.strerror or exc}", source=source,
                           hint="check the path and its permissions")
        return
    fmt = options.format or sniff(path.name, head)
    reason = None if fmt == "warc" else not_text(head)
    if reason is not None:  # clearly not text: one error for the file, not one per line
        yield not_text_error(source, reason, head)
        return
    if fmt is None:
        yield record_error(
            "cannot tell the file's format from its name or content", source=source,
            hint="use one of the extensions .txt .jsonl .csv .tsv .html .rss .atom .warc "
            "or set the format explicitly", raw=head[:500],
        )
        return
    try:
        with path.open("rb") as fh:
            yield from _reader(fmt)(source, fh, options)
    except OSError as exc:
        yield record_error(f"reading the file failed: {exc}", source=source,
                           hint="check the file is complete and readable")


#: Documentation that sits beside articles in a folder (README.md, LICENSE): not articles.
_DOC_SUFFIXES = (".md", ".rst")
_DOC_NAMES = ("readme", "license", "licence", "source.txt", "notice")


def _is_documentation(path: Path) -> bool:
    lower = path.name.lower()
    return lower.endswith(_DOC_SUFFIXES) or lower.startswith(_DOC_NAMES)


def iter_files(path: Path, *, top: bool = True) -> Iterator[Path]:
    """A file itself, or every non-hidden article file below a folder in sorted order.

    Inside folders, documentation files (README.md, LICENSE, SOURCE.txt) are skipped; a file
    named explicitly is always read.
    """
    if not path.is_dir():
        if top or not _is_documentation(path):
            yield path
        return
    for child in sorted(path.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        yield from iter_files(child, top=False)


def read_paths(paths: Iterable[str | Path], options: ReadOptions) -> Items:
    """Records and errors from every path, in order; ``-`` reads JSONL from stdin."""
    for item in paths:
        if str(item) == "-":
            from .tabular import read_jsonl

            yield from read_jsonl("<stdin>", sys.stdin.buffer, options)
            continue
        path = Path(item)
        if not path.exists():
            yield record_error("no such file or folder", source=str(path),
                               hint="check the path")
            continue
        for file in iter_files(path):
            yield from read_file(file, options)

"""Seed files: ``date YYYY-MM[-DD]`` then the article body; the id is the file stem.

Short lines inside the body are subheadings; they stay in the text as their own paragraphs so
sentence splitting does not glue them onto the next sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kroniek.errors import DateError, RecordError

from .decoding import decode_document
from .records import ReadOptions, Record, build_article, parse_date, record_error

_HEAD = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(?:\r?\n)?(.*)\Z", re.DOTALL | re.IGNORECASE)
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def read_seed(source: str, fh: BinaryIO, options: ReadOptions) -> Iterator[Record | RecordError]:
    decoded = decode_document(fh.read(options.max_chars * 4 + 1024))
    stem = Path(source).stem
    if decoded.problem:  # the file is one article: a line that cannot be decoded rejects it
        yield record_error(
            decoded.problem, source=source, line=decoded.line, record_id=stem, field="text",
            raw=decoded.raw, hint="the file is damaged or in another encoding; save it as UTF-8",
        )
        return
    text = decoded.text
    m = _HEAD.match(text)
    if not m:
        yield record_error(
            "the seed file does not start with a date", source=source, line=1, record_id=stem,
            field="date", hint="start the file with `date YYYY-MM[-DD]` followed by the text",
            raw=text[:500],
        )
        return
    try:
        published = parse_date(m[1])
    except DateError as exc:
        yield record_error(str(exc), source=source, line=1, record_id=stem, field="date",
                           hint="write the date as `date YYYY-MM` or `date YYYY-MM-DD`",
                           raw=text[:500])
        return
    body = _BLANKS.sub("\n\n", m[2].replace("\r\n", "\n"))
    yield build_article(
        options=options, source_file=source, line=1, raw=text, id=stem, text=body,
        published=published, date_field="date", date_hint="", text_field="text",
    )

"""JSONL and CSV/TSV: one article per line or row, fields named by ``ReadOptions.field_map``.

Here every article must carry its own id and date: a batch export without them cannot be
re-ingested idempotently, so a missing one is an error rather than something we invent.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from kroniek.errors import DateError, RecordError

from .decoding import Line, decode_document, text_lines
from .records import ReadOptions, Record, build_article, parse_date, record_error

Items = Iterator[Record | RecordError]

_CSV_LIMIT = 2**31 - 1  # the csv module's own cap (128 KiB) would hide our clearer size error


def from_mapping(
    obj: Mapping[str, Any], options: ReadOptions, source: str, line: int | None, raw: Any
) -> Record | RecordError:
    """An article from one JSON object or CSV row, or the error that explains what is wrong."""
    id_name, date_name = options.name("id"), options.name("published")
    text_name = options.name("text")
    raw_id = obj.get(id_name)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        what = "missing" if raw_id in (None, "") else f"not usable ({raw_id!r})"
        return record_error(
            f"the article id is {what}", source=source, line=line, field=id_name, raw=raw,
            hint=f"add a unique string `{id_name}` to every record, or map your id column with "
            "field_map",
        )
    rid = str(raw_id).strip()
    date_hint = f"add a `{date_name}` field in ISO 8601, e.g. 2019-03-05 or 2019-03"
    published = None
    value = obj.get(date_name)
    if value not in (None, ""):
        try:
            published = parse_date(value)
        except DateError as exc:
            return record_error(str(exc), source=source, line=line, record_id=rid,
                                field=date_name, hint=date_hint, raw=raw)
    extra = {ours: obj.get(options.name(ours)) for ours in ("title", "url", "source", "author",
                                                          "language")}
    return build_article(
        options=options, source_file=source, line=line, raw=raw, id=rid,
        text=obj.get(text_name), published=published, date_field=date_name, date_hint=date_hint,
        text_field=text_name, **extra,
    )


def _json_error(exc: json.JSONDecodeError, source: str, line: int, raw: str) -> RecordError:
    return record_error(
        f"malformed JSON: {exc.msg} at column {exc.colno}", source=source, line=line, raw=raw,
        hint="each line must be one complete JSON object; check quotes, commas and braces",
    )


def _undecodable(line: Line, source: str) -> RecordError:
    return record_error(
        line.problem or "", source=source, line=line.number, raw=line.raw,
        hint="the line is damaged or in another encoding; fix or re-export it; the file's other "
        "records were read",
    )


def read_jsonl(source: str, fh: BinaryIO, options: ReadOptions) -> Items:
    """One JSON object per line (a ``.json`` file holding one array also works); a line that
    cannot be decoded is one error, its neighbours still go in."""
    first = fh.peek(64)[:64] if hasattr(fh, "peek") else b""
    if first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from _read_json_array(source, fh, options)
        return
    for line in text_lines(fh):
        number, text = line.number, line.text
        if not text.strip():
            continue
        if line.problem:
            yield _undecodable(line, source)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield _json_error(exc, source, number, text)
            continue
        except RecursionError:
            yield record_error("JSON nested too deeply", source=source, line=number, raw=text,
                               hint="give one flat JSON object per line")
            continue
        if not isinstance(obj, dict):
            yield record_error(
                f"expected a JSON object, got {type(obj).__name__}", source=source, line=number,
                raw=text, hint='write one object per line: {"id": ..., "published": ..., '
                '"text": ...}',
            )
            continue
        yield from_mapping(obj, options, source, number, text)


def _read_json_array(source: str, fh: BinaryIO, options: ReadOptions) -> Items:
    decoded = decode_document(fh.read())
    if decoded.problem:  # one array is one document: say where it breaks
        yield record_error(
            decoded.problem, source=source, line=decoded.line, raw=decoded.raw,
            hint="the file is damaged or in another encoding; fix that line, or write the "
            "articles as JSON Lines so one bad record costs only itself",
        )
        return
    text = decoded.text
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        yield _json_error(exc, source, exc.lineno, lines[exc.lineno - 1] if lines else "")
        return
    for index, obj in enumerate(items, start=1):
        raw = json.dumps(obj, ensure_ascii=False)
        if not isinstance(obj, dict):
            yield record_error(f"expected a JSON object, got {type(obj).__name__}",
                               source=source, line=index, raw=raw,
                               hint="the array must hold one object per article")
            continue
        yield from_mapping(obj, options, source, index, raw)


def read_csv(
    source: str, fh: BinaryIO, options: ReadOptions, delimiter: str | None = None
) -> Items:
    """CSV with a header row; ``line`` is the line where the row starts."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_LIMIT))
    pending: list[Line] = []  # the lines of the row being read

    def lines() -> Iterator[str]:
        for line in text_lines(fh):
            pending.append(line)
            yield line.text

    stream = lines()
    header_line = next(stream, None)
    if header_line is None or not header_line.strip():
        yield record_error("the CSV file is empty or has no header row", source=source, line=1,
                           hint="put column names (id, published, text, ...) on the first line")
        return
    if delimiter is None:
        delimiter = max((";", ",", "\t"), key=header_line.count) if header_line.strip() else ","
    if pending[0].problem:
        yield _undecodable(pending[0], source)
        return
    header = [h.strip() for h in next(csv.reader([header_line], delimiter=delimiter))]
    pending.clear()
    for ours in ("id", "published", "text"):
        name = options.name(ours)
        if name not in header:
            yield record_error(
                f"the header has no `{name}` column (columns: {', '.join(header)})",
                source=source, line=1, field=name, raw=header_line,
                hint=f"add a `{name}` column or map yours with field_map ({ours}=<column>)",
            )
            return
    reader = csv.reader(stream, delimiter=delimiter)
    line = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield record_error(f"malformed CSV: {exc}", source=source, line=line,
                               raw="".join(p.text for p in pending),
                               hint="check the quoting of this row")
            line = reader.line_num + 2
            pending.clear()
            continue
        raw = "".join(p.raw or p.text for p in pending)
        bad = next((p for p in pending if p.problem), None)
        pending.clear()
        start, line = line, reader.line_num + 2
        if bad is not None:  # the row holds a line that cannot be decoded: only it is lost
            yield _undecodable(Line(bad.number, bad.text, bad.problem, raw), source)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield record_error(
                f"the row has {len(row)} fields but the header has {len(header)}",
                source=source, line=start, raw=raw,
                hint="quote fields that contain the delimiter or line breaks",
            )
            continue
        obj = {k: (v if v.strip() else None) for k, v in zip(header, row, strict=False)}
        yield from_mapping(obj, options, source, start, raw)


def read_tsv(source: str, fh: BinaryIO, options: ReadOptions) -> Items:
    return read_csv(source, fh, options, delimiter="\t")

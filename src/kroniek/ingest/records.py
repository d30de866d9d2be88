"""What the readers hand to the ingest runner: an article plus where it came from.

Also holds the checks every format shares (size limit, empty text, date), so each reader reports
the same problem with the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kroniek.errors import DateError, RecordError, UsageError
from kroniek.model import ARTICLE_FIELDS, Article, PublishedDate

#: Our article field names; ``ReadOptions.field_map`` maps them to the input's names.
FIELDS = ARTICLE_FIELDS

#: Accepted spellings of ``ReadOptions.format``.
FORMAT_ALIASES = {
    "seed": "seed", "txt": "seed", "jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl",
    "csv": "csv", "tsv": "tsv", "html": "html", "htm": "html", "feed": "feed", "rss": "feed",
    "atom": "feed", "xml": "feed", "warc": "warc",
}

#: How much of an offending record an error keeps (enough to fix it, not a whole 10 MB page).
RAW_LIMIT = 10_000


#: The input formats kroniek reads, by the name ``--format`` takes.
FORMATS = ("seed", "jsonl", "csv", "tsv", "html", "feed", "warc")


@dataclass(frozen=True)
class Record:
    """One readable article; ``line`` is the 1-based line (line formats) or record index."""

    article: Article
    source_file: str
    line: int | None


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs; ``format=None`` guesses from the extension, then the content."""

    format: str | None = None
    field_map: dict[str, str] = field(default_factory=dict)
    default_source: str | None = None
    max_chars: int = 2_000_000

    def __post_init__(self) -> None:
        # Wrong options are the caller's mistake, not a bad record: fail at once, clearly.
        if self.format is not None:
            fmt = FORMAT_ALIASES.get(self.format.strip().lower())
            if fmt is None:
                raise UsageError(f"unknown format {self.format!r}; choose one of "
                                 + ", ".join(sorted(set(FORMAT_ALIASES.values()))))
            object.__setattr__(self, "format", fmt)
        unknown = sorted(set(self.field_map) - set(FIELDS))
        if unknown:
            raise UsageError(
                f"unknown field(s) {', '.join(map(repr, unknown))} in the field map; map our "
                f"names ({', '.join(FIELDS)}) to yours, e.g. text=body"
            )
        if self.max_chars < 1:
            raise UsageError(f"max_chars must be positive, not {self.max_chars}")

    def name(self, ours: str) -> str:
        """The input's name for one of our fields (itself unless mapped)."""
        return self.field_map.get(ours, ours)


def clip(raw: Any) -> str | None:
    """The offending input as text, cut to ``RAW_LIMIT`` characters."""
    if raw is None:
        return None
    if isinstance(raw, bytes):
        raw = raw[: RAW_LIMIT * 4].decode("utf-8", errors="replace")
    text = storable(str(raw))
    return text if len(text) <= RAW_LIMIT else text[:RAW_LIMIT] + "…"


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with lone UTF-16 surrogates (which no encoding can write) shown as ``\\udXXX``."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-8", errors="backslashreplace").decode("utf-8")


def record_error(
    message: str,
    *,
    source: str,
    line: int | None = None,
    record_id: str | None = None,
    field: str | None = None,
    hint: str = "",
    raw: Any = None,
) -> RecordError:
    return RecordError(
        storable(message), source=storable(source), line=line,
        record_id=None if record_id is None else storable(record_id), field=field, hint=hint,
        raw=clip(raw),
    )


def parse_date(value: Any) -> PublishedDate:
    """A date from a string or number at its own precision; raises ``DateError``."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DateError(f"cannot read date {value!r}; expected an ISO 8601 string")
    return PublishedDate.parse(str(value))


def build_article(
    *,
    options: ReadOptions,
    source_file: str,
    line: int | None,
    raw: Any,
    id: str,
    text: Any,
    published: PublishedDate | None,
    date_field: str,
    date_hint: str,
    text_field: str = "text",
    **extra: Any,
) -> Record | RecordError:
    """Check what every format must have (text within the limit, a date) and make the record."""
    where = {"source": source_file, "line": line, "record_id": id or None, "raw": raw}
    if text is None or (isinstance(text, str) and not text.strip()):
        return record_error(
            "the article text is empty", field=text_field,
            hint=f"give each article its text in `{text_field}` or drop the record", **where,
        )
    if not isinstance(text, str):
        return record_error(
            f"the article text must be a string, not {type(text).__name__}", field=text_field,
            hint=f"put the plain article text in `{text_field}`", **where,
        )
    for name, value in (("id", id), ("text", text), *extra.items()):
        lone = _SURROGATE.search(value) if isinstance(value, str) else None
        if lone is not None:  # e.g. "\ud800" inside a JSON string: half of a character
            return record_error(
                f"the {name} holds a lone UTF-16 surrogate (\\u{ord(lone.group()):04x}) at character "
                f"{lone.start()}: half of a character, which no text can hold",
                field=text_field if name == "text" else options.name(name),
                hint="the record is damaged (a \\uD8xx escape without its pair); fix or remove it",
                **where,
            )
        if isinstance(value, str) and "\x00" in value:  # e.g. "\u0000" inside a JSON string
            return record_error(
                f"the {name} holds a NUL character at character {value.index(chr(0))}, which "
                "text never does", field=text_field if name == "text" else options.name(name),
                hint="the record is damaged; remove the NUL characters and ingest it again",
                **where,
            )
    if len(text) > options.max_chars:
        return record_error(
            f"the article text has {len(text):,} characters, over the limit of "
            f"{options.max_chars:,}", field=text_field,
            hint="split the article, or raise max_chars if it really is one article", **where,
        )
    if published is None:
        return record_error("the publication date is missing", field=date_field, hint=date_hint,
                            **where)
    values = {k: (None if v is None else str(v).strip() or None) for k, v in extra.items()}
    if values.get("language"):  # "nl-NL", "NL", "nl_BE" -> "nl", as the language stage uses
        values["language"] = values["language"].replace("_", "-").split("-")[0].lower() or None
    if values.get("source") is None:
        values["source"] = options.default_source
    article = Article(id=id, text=text.strip(), published=published, **values)
    return Record(article, source_file, line)

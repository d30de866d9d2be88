"""The document data model: an article, its annotations, and their one JSON form.

Every annotation is character offsets into ``Article.text`` (Python ``str`` indices) plus typed
fields. ``Document.to_dict`` is the JSON contract used by ``kroniek extract``, the store and the API.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from .errors import DateError

Precision = Literal["year", "month", "day", "datetime"]

_DATE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)


@dataclass(frozen=True, order=True)
class PublishedDate:
    """A publication date that keeps its precision: ``2017-12`` stays a month, never a day."""

    value: str
    precision: Precision

    @classmethod
    def parse(cls, raw: str) -> PublishedDate:
        """Read an ISO 8601 date at year, month, day or datetime precision."""
        text = (raw or "").strip()
        m = _DATE_RE.match(text)
        if not m:
            # Fall back to full ISO datetimes with odd separators/time zones (RFC 3339 etc.).
            try:
                parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                raise DateError(
                    f"cannot read date {raw!r}; use ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD "
                    "or YYYY-MM-DDTHH:MM[:SS][+HH:MM]"
                ) from None
            return cls(parsed.isoformat(), "datetime")
        year = int(m["y"])
        if not 1000 <= year <= 2999:
            raise DateError(f"year {year} in {raw!r} is out of range")
        if m["m"] is None:
            return cls(f"{year:04d}", "year")
        month = int(m["m"])
        if not 1 <= month <= 12:
            raise DateError(f"month {month} in {raw!r} is out of range (1-12)")
        if m["d"] is None:
            return cls(f"{year:04d}-{month:02d}", "month")
        day = int(m["d"])
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise DateError(f"day {day} in {raw!r} does not exist in {year:04d}-{month:02d}")
        if m["time"] is None:
            return cls(f"{year:04d}-{month:02d}-{day:02d}", "day")
        try:
            parsed = dt.datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            raise DateError(f"cannot read the time in {raw!r}") from None
        return cls(parsed.isoformat(), "datetime")

    @classmethod
    def from_datetime(cls, value: dt.datetime | dt.date) -> PublishedDate:
        if isinstance(value, dt.datetime):
            return cls(value.isoformat(), "datetime")
        return cls(value.isoformat(), "day")

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if self.precision != "year" else None

    @property
    def day(self) -> int | None:
        return int(self.value[8:10]) if self.precision in ("day", "datetime") else None

    def start(self) -> dt.date:
        """First day the date can mean (for range filters and sorting)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def end(self) -> dt.date:
        """Last day the date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Article:
    """One dated news article as read by ingest: the unit of provenance."""

    id: str
    text: str
    published: PublishedDate | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    author: str | None = None


#: The article's own fields, as ingest reads them and the store keeps them.
ARTICLE_FIELDS: tuple[str, ...] = ("id", "published", "title", "text", "url", "source", "language", "author")


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the article text: evidence for an annotation."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> TextSpan | None:
        return None if d is None else cls(d["start"], d["end"], d["text"])


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    """One token with its analysis; ``head`` indexes the document's token list (root: itself)."""

    start: int
    end: int
    text: str
    pos: str = ""
    tag: str = ""
    lemma: str = ""
    morph: str = ""
    head: int = 0
    dep: str = ""


@dataclass(frozen=True)
class Entity:
    """A named-entity mention with its in-article canonical name."""

    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | MISC
    entity: str  # canonical name within the article
    aliases: tuple[str, ...] = ()
    role: str | None = None  # e.g. "Turkse president" when stated
    country: str | None = None  # ISO 3166-1 alpha-2 for places/nationalities
    lat: float | None = None
    lon: float | None = None
    #: a role phrase standing for a person the article names ("de premier" for Mark Rutte)
    reference: bool = False


@dataclass(frozen=True)
class Quote:
    """A statement with its speaker, cue and chain of sources (innermost first)."""

    content: TextSpan
    cue: TextSpan | None = None
    speaker: TextSpan | None = None
    speaker_name: str | None = None
    kind: str = "direct"  # direct | indirect | mixed | infinitival | position | evidence | call
    source_chain: tuple[str, ...] = ()
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A reported number with what it counts, its qualifier and who reported it."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    kind: str = "count"
    subject: str | None = None
    place: tuple[str, ...] = ()
    time: str | None = None
    source_chain: tuple[str, ...] = ()
    #: with qualifier "change" ("steeg van 6 naar 9 procent"): the old value; ``value`` is the new
    value_from: float | None = None


@dataclass(frozen=True)
class Timex:
    """A time expression normalised to a TIMEX3 value against the publication date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass(frozen=True)
class Event:
    """A PLOVER-coded event mention: the trigger words, who did what to whom, when and where.

    ``start``/``end``/``text`` are the trigger (a verb, the finite part of a split verb, or an
    event noun); ``particle`` the separated particle of a split verb ("viel ... aan").
    ``actor_name``/``target_name`` are the first participants' canonical names, ``actor_names``/
    ``target_names`` all of them when coordinated. ``time`` is a TIMEX3 value."""

    start: int
    end: int
    text: str
    type: str = ""
    mode: str | None = None
    actor: TextSpan | None = None
    actor_name: str | None = None
    target: TextSpan | None = None
    target_name: str | None = None
    negated: bool = False
    status: str = "happened"  # happened | future | hypothetical
    time: str | None = None
    place: tuple[str, ...] = ()
    source_chain: tuple[str, ...] = ()
    sentence: tuple[int, int] = (0, 0)
    particle: TextSpan | None = None
    actor_names: tuple[str, ...] = ()
    target_names: tuple[str, ...] = ()


_LIST_TYPES: dict[str, type] = {
    "entities": Entity,
    "figures": Figure,
    "timexes": Timex,
    "events": Event,
}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _annotation_to_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, Quote):
        return {
            "content": item.content.to_dict(),
            "cue": item.cue.to_dict() if item.cue else None,
            "speaker": item.speaker.to_dict() if item.speaker else None,
            "speaker_name": item.speaker_name,
            "kind": item.kind,
            "source_chain": list(item.source_chain),
            "about": list(item.about),
        }
    return {
        f.name: (getattr(item, f.name).to_dict() if isinstance(getattr(item, f.name), TextSpan)
                 else _plain(getattr(item, f.name)))
        for f in fields(item)
    }


_SPAN_FIELDS = frozenset({"actor", "target", "particle"})


def _annotation_from_dict(cls: type, d: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    kwargs = {
        k: (TextSpan.from_dict(v) if k in _SPAN_FIELDS and cls is Event else tuple(v) if isinstance(v, list) else v)
        for k, v in d.items()
        if k in names
    }
    return cls(**kwargs)


def quote_from_dict(d: dict[str, Any]) -> Quote:
    content = TextSpan.from_dict(d.get("content"))
    if content is None:
        raise ValueError("a quote needs a 'content' span")
    return Quote(
        content=content,
        cue=TextSpan.from_dict(d.get("cue")),
        speaker=TextSpan.from_dict(d.get("speaker")),
        speaker_name=d.get("speaker_name"),
        kind=d.get("kind", "direct"),
        source_chain=tuple(d.get("source_chain") or ()),
        about=tuple(d.get("about") or ()),
    )


@dataclass
class Document:
    """An article travelling through the pipeline, collecting annotations.

    ``analysis`` holds the transient spaCy ``Doc`` made by the analysis stage; it is never
    serialised: the JSON form carries only plain offsets and fields.
    """

    article: Article
    language: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stages: dict[str, int] = field(default_factory=dict)
    analysis: Any = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> PublishedDate | None:
        return self.article.published

    def to_dict(self, *, tokens: bool = False) -> dict[str, Any]:
        """The ``extract`` JSON contract (see README): offsets index into ``text``."""
        a = self.article
        out: dict[str, Any] = {
            "id": a.id,
            "published": a.published.value if a.published else None,
            "precision": a.published.precision if a.published else None,
            "title": a.title,
            "text": a.text,
            "url": a.url,
            "source": a.source,
            "author": a.author,
            "language": self.language or a.language,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": [_annotation_to_dict(e) for e in self.entities],
            "quotes": [_annotation_to_dict(q) for q in self.quotes],
            "figures": [_annotation_to_dict(f) for f in self.figures],
            "timexes": [_annotation_to_dict(t) for t in self.timexes],
            "events": [_annotation_to_dict(e) for e in self.events],
            "stages": dict(self.stages),
        }
        if tokens:
            out["tokens"] = [_annotation_to_dict(t) for t in self.tokens]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        published = None
        if d.get("published"):
            published = PublishedDate.parse(d["published"])
        article = Article(
            id=d["id"],
            text=d["text"],
            published=published,
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source"),
            language=d.get("language"),
            author=d.get("author"),
        )
        doc = cls(article=article, language=d.get("language"))
        doc.sentences = [Sentence(s, e) for s, e in d.get("sentences") or []]
        doc.tokens = [_annotation_from_dict(Token, t) for t in d.get("tokens") or []]
        for name, kind in _LIST_TYPES.items():
            setattr(doc, name, [_annotation_from_dict(kind, x) for x in d.get(name) or []])
        doc.quotes = [quote_from_dict(q) for q in d.get("quotes") or []]
        doc.stages = dict(d.get("stages") or {})
        return doc

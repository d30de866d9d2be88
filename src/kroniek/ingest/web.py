"""Web formats: saved HTML pages (trafilatura), RSS/Atom feeds (feedparser) and WARC crawls.

These formats rarely carry our ids, so ids come from the page's canonical URL, the feed entry's
guid or the WARC target URI; dates keep the precision the source states.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html as htmllib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kroniek.errors import DateError, RecordError
from kroniek.model import PublishedDate

from .decoding import decode_lenient
from .records import ReadOptions, Record, build_article, record_error

Item = Record | RecordError
Items = Iterator[Item]

_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "table", "tr", "section", "article", "pre", "figure", "figcaption", "header", "footer"}
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_MANY_NEWLINES = re.compile(r"\n\s*\n+")
#: Where the extractor's fallback text comes from when a page has no article body.
_NOT_ARTICLE = {"nav", "header", "footer", "aside", "menu"}
_HTML_HINT = ('the page needs a date in its metadata (e.g. <meta property="article:published_time">'
              "); otherwise convert it to JSONL with a `published` field")


def strip_html(markup: str | None) -> str:
    """Plain text of an HTML fragment, keeping paragraph breaks (feed summaries/content)."""
    if not markup or not markup.strip():
        return ""
    if "<" not in markup:
        return _tidy(htmllib.unescape(markup))
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return _tidy(htmllib.unescape(re.sub(r"<[^>]+>", " ", markup)))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCKS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        # No extensive search: it guesses from years in the body ("klaar in 2021" -> 2021-01-01),
        # and a wrong date is worse than the clear "missing date" error.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _page_record(
    html: str, *, source: str, line: int, fallback_id: str, url: str | None,
    fallback_date: PublishedDate | None, options: ReadOptions,
) -> Record | RecordError:
    if len(html) > options.max_chars * 4:
        return record_error(
            f"the page has {len(html):,} characters, far over the article limit of "
            f"{options.max_chars:,}", source=source, line=line, record_id=fallback_id,
            field="text", raw=html, hint="split the page, or raise max_chars",
        )
    meta = _extract(html, url) or {}
    body = meta.get("body")
    if not (meta.get("text") or "").strip() or getattr(body, "tag", None) in _NOT_ARTICLE:
        return record_error(
            "no article text found in the page", source=source, line=line,
            record_id=url or meta.get("url") or fallback_id, field="text", raw=html,
            hint="the page holds no article body the extractor recognises (an index page, a "
            "page built by JavaScript, or navigation only); save the article page itself, or "
            "give its text as JSONL",
        )
    published = fallback_date
    if meta.get("date"):
        try:
            published = PublishedDate.parse(meta["date"])
        except DateError:
            pass
    page_url = url or meta.get("url")
    return build_article(
        options=options, source_file=source, line=line, raw=html,
        id=(url or meta.get("url") or fallback_id), text=meta.get("text"),
        published=published, date_field="published", date_hint=_HTML_HINT,
        title=meta.get("title"), url=page_url, author=meta.get("author"),
        source=meta.get("sitename"),
    )


def read_html(source: str, fh: BinaryIO, options: ReadOptions) -> Items:
    text = decode_lenient(fh.read(options.max_chars * 4 + 1))
    yield _page_record(text, source=source, line=1, fallback_id=Path(source).stem, url=None,
                       fallback_date=None, options=options)


# --- feeds -----------------------------------------------------------------------------------


def _entry_date(entry: Any) -> PublishedDate | None:
    """Publication (else update) date at the precision the feed wrote it."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return PublishedDate.parse(raw)  # ISO 8601 (Atom): keeps year/month/day precision
        except DateError:
            pass
        try:
            return PublishedDate.from_datetime(email.utils.parsedate_to_datetime(raw))  # RSS
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(key + "_parsed")
        if parsed:
            when = dt.datetime(*parsed[:6], tzinfo=dt.UTC)
            return PublishedDate.from_datetime(when if ":" in raw else when.date())
    return None


def _entry_text(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return strip_html(best if len(best) >= len(summary) else summary)


def read_feed(source: str, fh: BinaryIO, options: ReadOptions) -> Items:
    """Each RSS/Atom entry is one article; ``line`` is the entry's 1-based position."""
    import feedparser

    data = fh.read()
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield record_error(
            f"no feed entries found{f': {problem}' if problem else ''}", source=source,
            raw=data[:2000], hint="give an RSS 2.0 or Atom feed with <item>/<entry> elements",
        )
        return
    feed = parsed.feed
    feed_lang = (feed.get("language") or "").split("-")[0].lower() or None
    for index, entry in enumerate(parsed.entries, start=1):
        eid = entry.get("id") or entry.get("link") or f"{Path(source).stem}#{index}"
        raw = _entry_raw(entry)
        lang = (entry.get("language") or "").split("-")[0].lower() or feed_lang
        yield build_article(
            options=options, source_file=source, line=index, raw=raw, id=eid,
            text=_entry_text(entry), published=_entry_date(entry), date_field="published",
            date_hint="give the entry a <pubDate> (RSS) or <published>/<updated> (Atom)",
            title=strip_html(entry.get("title")) or None, url=entry.get("link"),
            author=entry.get("author"), source=feed.get("title"), language=lang,
        )


def _entry_raw(entry: Any) -> str:
    keys = ("id", "title", "link", "published", "updated", "summary")
    return "\n".join(f"{k}: {entry.get(k)}" for k in keys if entry.get(k))


# --- WARC ------------------------------------------------------------------------------------


def read_warc(source: str, fh: BinaryIO, options: ReadOptions) -> Items:
    """HTML response records through trafilatura; ``line`` is the WARC record's 1-based index."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = 0
    try:
        for rec in ArchiveIterator(fh):
            index += 1
            item = _warc_item(rec, source, index, options)
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        first = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        yield record_error(
            "not a readable WARC record: " + first.encode("ascii", "replace").decode(),
            source=source, raw=str(exc)[:2000],
            line=index + 1, hint="check the file is a complete (optionally gzipped) WARC",
        )
    except (OSError, EOFError, ValueError) as exc:
        yield record_error(
            f"the WARC file is damaged: {exc}", source=source, line=index + 1,
            hint="check the file is complete; records before this one were read",
        )


def _warc_item(rec: Any, source: str, index: int, options: ReadOptions) -> Item | None:
    if rec.rec_type is None:  # what warcio makes of a cut-off gzip member
        return record_error("incomplete WARC record; the file looks truncated", source=source,
                            line=index, hint="re-download or re-crawl; earlier records were read")
    if rec.rec_type not in ("response", "resource"):
        return None
    headers = rec.http_headers if rec.rec_type == "response" else rec.rec_headers
    if headers is None:
        return None
    ctype = (headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    if rec.rec_type == "response":
        status = (rec.http_headers.get_statuscode() or "")
        if not status.startswith("2"):
            return None
    uri = rec.rec_headers.get_header("WARC-Target-URI")
    rid = uri or rec.rec_headers.get_header("WARC-Record-ID") or f"{Path(source).stem}#{index}"
    fallback = None
    warc_date = rec.rec_headers.get_header("WARC-Date")
    if warc_date:
        try:
            fallback = PublishedDate.parse(warc_date)
        except DateError:
            pass
    data = rec.content_stream().read(options.max_chars * 4 + 1)
    m = re.search(r"charset=([\w.-]+)", ctype)
    text = decode_lenient(data, m[1] if m else None)
    return _page_record(text, source=source, line=index, fallback_id=rid, url=uri,
                        fallback_date=fallback, options=options)


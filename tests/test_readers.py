"""Readers: every format, and every kind of bad input named by file, line and field.

All article texts here were written for these tests.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kroniek.errors import RecordError
from kroniek.ingest.readers import read_paths
from kroniek.ingest.records import ReadOptions, Record

BODY = (
    "De gemeenteraad van Zwolle heeft dinsdagavond ingestemd met de bouw van een nieuwe brug "
    "over de IJssel. Wethouder Petra de Vries sprak van een historisch besluit voor de stad. "
    "De bouw begint volgend jaar en moet in 2021 klaar zijn; de kosten worden geraamd op "
    "veertig miljoen euro."
)
BODY2 = (
    "Bij een brand in een loods in Deventer is woensdagnacht niemand gewond geraakt. De "
    "brandweer was met vijf wagens ter plaatse en had het vuur na twee uur onder controle. "
    "Volgens een woordvoerder van de veiligheidsregio is de oorzaak nog onbekend."
)


def read(paths, **kw) -> list:
    return list(read_paths([str(p) for p in paths], ReadOptions(**kw)))


def only_records(items) -> list[Record]:
    bad = [str(i) for i in items if isinstance(i, RecordError)]
    assert not bad, bad
    return items


def one_error(items) -> RecordError:
    errors = [i for i in items if isinstance(i, RecordError)]
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


# --- seed -------------------------------------------------------------------------------------


def test_seed_keeps_month_precision_and_uses_stem(tmp_path: Path) -> None:
    p = tmp_path / "001_brug.txt"
    p.write_text(f" date 2017-12 {BODY}\n\nNieuwe brug\n\n{BODY2}\n", encoding="utf-8")
    (rec,) = only_records(read([p]))
    assert rec.article.id == "001_brug"
    assert (rec.article.published.value, rec.article.published.precision) == ("2017-12", "month")
    assert rec.article.text.startswith("De gemeenteraad")
    assert "\n\nNieuwe brug\n\n" in rec.article.text
    assert rec.line == 1 and rec.source_file == str(p)


def test_seed_day_precision(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(f"date 2019-03-05\n{BODY}", encoding="utf-8")
    (rec,) = only_records(read([p]))
    assert rec.article.published.precision == "day"


def test_seed_without_date_names_field(tmp_path: Path) -> None:
    p = tmp_path / "nodate.txt"
    p.write_text(BODY, encoding="utf-8")
    err = one_error(read([p], format="seed"))
    assert err.source == str(p) and err.line == 1 and err.field == "date"
    assert "date" in str(err) and str(p) in str(err)


def test_seed_bad_date(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_text(f"date 2017-13 {BODY}", encoding="utf-8")
    err = one_error(read([p]))
    assert err.field == "date" and "2017-13" in str(err)


# --- JSONL ------------------------------------------------------------------------------------


def write_jsonl(path: Path, rows: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_all_fields(tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "a.jsonl", [
        {"id": 7, "published": "2019-03-05T10:00:00+01:00", "title": "Brug", "text": BODY,
         "url": "https://example.nl/7", "author": "Jan", "language": "nl"},
        {"id": "b", "published": "2019", "text": BODY2},
    ])
    a, b = only_records(read([p], default_source="krant"))
    assert a.article.id == "7" and a.line == 1 and a.article.published.precision == "datetime"
    assert a.article.title == "Brug" and a.article.source == "krant"
    assert b.line == 2 and b.article.published.precision == "year"


def test_jsonl_field_map(tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "a.jsonl", [{"doc": "x1", "date": "2019-03", "body": BODY}])
    (rec,) = only_records(read([p], field_map={"id": "doc", "published": "date", "text": "body"}))
    assert rec.article.id == "x1" and rec.article.published.value == "2019-03"


def test_jsonl_bad_records_named_and_rest_kept(tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "ok1", "published": "2019-03-05", "text": BODY},
        '{"id": "broken", "published": "2019-03-05", "text": "no closing brace"',
        {"id": "nodate", "text": BODY},
        {"id": "baddate", "published": "5 maart", "text": BODY},
        {"id": "empty", "published": "2019-03-05", "text": "   "},
        {"published": "2019-03-05", "text": BODY},
        "[1, 2]",
        {"id": "ok2", "published": "2019-03-06", "text": BODY2},
    ])
    items = read([p])
    assert [i.article.id for i in items if isinstance(i, Record)] == ["ok1", "ok2"]
    errors = {e.line: e for e in items if isinstance(e, RecordError)}
    assert set(errors) == {2, 3, 4, 5, 6, 7}
    assert all(e.source == str(p) and f"{p}:{e.line}" in str(e) for e in errors.values())
    assert "malformed JSON" in errors[2].message and errors[2].raw.startswith('{"id": "broken"')
    assert errors[3].field == "published" and "add a `published` field in ISO 8601" in str(errors[3])
    assert errors[4].field == "published" and "5 maart" in str(errors[4])
    assert errors[5].field == "text" and "empty" in str(errors[5])
    assert errors[6].field == "id" and "missing" in str(errors[6])
    assert "JSON object" in errors[7].message


def test_mapped_date_field_named_in_error(tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": BODY}])
    err = one_error(read([p], field_map={"published": "published_at"}))
    assert err.field == "published_at" and "`published_at`" in err.hint


def test_huge_article_rejected_with_size_and_limit(tmp_path: Path) -> None:
    big = "woord " * (10_000_000 // 6)
    p = write_jsonl(tmp_path / "big.jsonl", [{"id": "big", "published": "2019-01-01", "text": big}])
    err = one_error(read([p]))
    assert err.field == "text" and err.line == 1 and err.record_id == "big"
    assert f"{len(big):,}" in err.message and "2,000,000" in err.message
    assert len(err.raw) <= 10_001


def test_cp1252_file_is_read(tmp_path: Path) -> None:
    p = tmp_path / "oud.jsonl"
    row = {"id": "c", "published": "2019-03-05", "text": "Café “De Brug” sloot – na 40 jaar."}
    p.write_bytes((json.dumps(row, ensure_ascii=False) + "\n").encode("cp1252"))
    (rec,) = only_records(read([p]))
    assert rec.article.text == row["text"]


def test_utf8_bom_file_is_read(tmp_path: Path) -> None:
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "x", "published": "2019", "text": BODY}).encode())
    only_records(read([p]))


def test_binary_junk_is_one_error(tmp_path: Path) -> None:
    p = tmp_path / "junk.jsonl"
    p.write_bytes(bytes(range(256)) * 40)
    err = one_error(read([p]))
    assert err.source == str(p) and "binary" in err.message


def test_stdin_is_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "s", "published": "2019-03-05", "text": BODY}) + "\nnot json\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data.encode()))))
    rec, err = read(["-"])
    assert rec.article.id == "s" and rec.source_file == "<stdin>"
    assert isinstance(err, RecordError) and err.line == 2 and err.source == "<stdin>"


def test_json_array_file(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"id": "a", "published": "2019", "text": BODY}, {"id": "b"}]))
    rec, err = read([p])
    assert rec.article.id == "a" and rec.line == 1
    assert isinstance(err, RecordError) and err.line == 2 and err.record_id == "b"


# --- CSV --------------------------------------------------------------------------------------


def test_csv_with_field_map_and_multiline_row(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(
        "nr;datum;kop;tekst\n"
        f'1;2019-03-05;Brug;"{BODY}\n\nTweede alinea; met puntkomma."\n'
        f"2;2019-03;Brand;{BODY2}\n"
        f"3;;Zonder datum;{BODY2}\n"
        f";2019-03-05;Zonder id;{BODY2}\n",
        encoding="utf-8",
    )
    fm = {"id": "nr", "published": "datum", "title": "kop", "text": "tekst"}
    items = read([p], field_map=fm)
    a, b = items[0], items[1]
    assert a.article.id == "1" and a.line == 2 and "Tweede alinea; met puntkomma." in a.article.text
    assert b.article.id == "2" and b.line == 5 and b.article.published.precision == "month"
    e3, e4 = items[2], items[3]
    assert isinstance(e3, RecordError) and e3.line == 6 and e3.field == "datum"
    assert isinstance(e4, RecordError) and e4.line == 7 and e4.field == "nr"
    assert f"{p}:6" in str(e3) and "'datum'" in str(e3)


def test_csv_missing_column_is_one_error(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(f"id,text\n1,{BODY}\n", encoding="utf-8")
    err = one_error(read([p]))
    assert err.line == 1 and err.field == "published"


def test_tsv(tmp_path: Path) -> None:
    p = tmp_path / "a.tsv"
    p.write_text(f"id\tpublished\ttext\nt1\t2019-03-05\t{BODY}\n", encoding="utf-8")
    (rec,) = only_records(read([p]))
    assert rec.article.id == "t1"


# --- folders ----------------------------------------------------------------------------------


def test_folder_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(f"date 2019-01 {BODY}", encoding="utf-8")
    (tmp_path / "1.txt").write_text(f"date 2019-02 {BODY2}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("rubbish", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("rubbish", encoding="utf-8")
    ids = [r.article.id for r in only_records(read([tmp_path]))]
    assert ids == ["1", "2"]


def test_missing_path_and_unknown_format(tmp_path: Path) -> None:
    p = tmp_path / "notes.md"
    p.write_text("just some notes", encoding="utf-8")
    items = read([tmp_path / "nope.jsonl", p])
    assert all(isinstance(i, RecordError) for i in items) and len(items) == 2
    assert "no such file" in items[0].message and "format" in items[1].message


# --- HTML, feeds, WARC ------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>Nieuwe brug over de IJssel | De Testkrant</title>
<meta property="og:title" content="Nieuwe brug over de IJssel">
<meta property="article:published_time" content="2019-03-05T10:00:00+01:00">
<meta name="author" content="Jan Jansen">
<link rel="canonical" href="https://testkrant.example/brug">
</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Nieuwe brug over de IJssel</h1><p>{BODY}</p><p>{BODY2}</p></article>
<footer>Copyright De Testkrant</footer></body></html>"""


def test_html_page(tmp_path: Path) -> None:
    p = tmp_path / "brug.html"
    p.write_text(PAGE, encoding="utf-8")
    (rec,) = only_records(read([p]))
    a = rec.article
    assert a.id == "https://testkrant.example/brug" == a.url
    assert a.published.value == "2019-03-05" and a.published.precision == "day"
    assert a.title == "Nieuwe brug over de IJssel" and a.author == "Jan Jansen"
    assert "De gemeenteraad van Zwolle" in a.text and "Copyright" not in a.text


def test_html_without_date_names_published(tmp_path: Path) -> None:
    p = tmp_path / "zonder.html"
    p.write_text(f"<html><body><article><p>{BODY}</p><p>{BODY2}</p></article></body></html>",
                 encoding="utf-8")
    err = one_error(read([p]))
    assert err.field == "published" and err.source == str(p) and err.line == 1
    assert err.record_id == "zonder"


def test_html_cp1252(tmp_path: Path) -> None:
    p = tmp_path / "oud.htm"
    p.write_bytes(PAGE.replace('<meta charset="utf-8">', "").replace(
        "historisch besluit", "“historisch” besluit – café").encode("cp1252"))
    (rec,) = only_records(read([p]))
    assert "“historisch” besluit – café" in rec.article.text


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Testkrant</title><language>nl-nl</language>
<item><title>Brug</title><link>https://testkrant.example/brug</link><guid>brug-1</guid>
<pubDate>Tue, 05 Mar 2019 10:00:00 +0100</pubDate>
<description>&lt;p&gt;{BODY}&lt;/p&gt;&lt;p&gt;{BODY2}&lt;/p&gt;</description>
<author>jan@testkrant.example (Jan Jansen)</author></item>
<item><title>Geen datum</title><link>https://testkrant.example/x</link>
<description>{BODY2}</description></item>
<item><title>Leeg</title><link>https://testkrant.example/leeg</link>
<pubDate>Wed, 06 Mar 2019 08:00:00 GMT</pubDate><description></description></item>
</channel></rss>"""


def test_rss(tmp_path: Path) -> None:
    p = tmp_path / "feed.rss"
    p.write_text(RSS, encoding="utf-8")
    rec, nodate, empty = read([p])
    a = rec.article
    assert a.id == "brug-1" and a.url == "https://testkrant.example/brug" and rec.line == 1
    assert a.published.precision == "datetime" and a.published.value == "2019-03-05T10:00:00+01:00"
    assert a.source == "Testkrant" and a.language == "nl" and "<p>" not in a.text
    assert "\n\nBij een brand" in a.text
    assert isinstance(nodate, RecordError) and nodate.line == 2 and nodate.field == "published"
    assert nodate.record_id == "https://testkrant.example/x"
    assert isinstance(empty, RecordError) and empty.line == 3 and empty.field == "text"


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Testkrant Atom</title>
<id>urn:testkrant</id><updated>2019-03-06T00:00:00Z</updated>
<entry><id>urn:testkrant:1</id><title>Brug</title><published>2019-03</published>
<updated>2019-03-06T09:30:00Z</updated><link href="https://testkrant.example/brug"/>
<summary>Kort.</summary>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
<entry><id>urn:testkrant:2</id><title>Brand</title><updated>2019-03-06</updated>
<content type="text">{BODY2}</content></entry>
</feed>"""


def test_atom_keeps_precision(tmp_path: Path) -> None:
    p = tmp_path / "feed.xml"
    p.write_text(ATOM, encoding="utf-8")
    a, b = only_records(read([p]))
    assert a.article.id == "urn:testkrant:1" and a.article.published.value == "2019-03"
    assert a.article.published.precision == "month" and a.article.text == BODY
    assert b.article.published.precision == "day" and b.line == 2


def test_broken_feed_is_one_error(tmp_path: Path) -> None:
    p = tmp_path / "kapot.rss"
    p.write_text("dit is geen feed <<< & >>>", encoding="utf-8")
    err = one_error(read([p]))
    assert err.source == str(p) and "feed" in err.message


def test_cut_off_feed_keeps_what_it_can(tmp_path: Path) -> None:
    p = tmp_path / "half.rss"
    p.write_text(RSS[: RSS.index("<item><title>Geen datum")] + "<item><title>half", encoding="utf-8")
    rec, err = read([p])
    assert rec.article.id == "brug-1"
    assert isinstance(err, RecordError) and err.line == 2 and err.field == "text"


def write_warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        nodate_page = f"<html><body><article><p>{BODY2}</p><p>{BODY}</p></article></body></html>"
        pages = [
            ("https://testkrant.example/brug", PAGE, "text/html; charset=utf-8", "200 OK"),
            ("https://testkrant.example/brand", nodate_page, "text/html", "200 OK"),
            ("https://testkrant.example/logo.png", "\x89PNG", "image/png", "200 OK"),
            ("https://testkrant.example/oud", "", "text/html", "301 Moved Permanently"),
        ]
        for uri, body, ctype, status in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2019-03-07T12:00:00Z"},
            ))
    return path


def test_warc(tmp_path: Path) -> None:
    p = write_warc(tmp_path / "crawl.warc.gz")
    a, b = only_records(read([p]))
    assert a.line == 2 and a.article.id == "https://testkrant.example/brug"
    assert a.article.published.value == "2019-03-05"
    assert b.line == 3 and b.article.id == b.article.url == "https://testkrant.example/brand"
    assert b.article.published.precision == "datetime"  # WARC-Date fallback
    assert b.article.published.value.startswith("2019-03-07T12:00:00")


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    p = write_warc(tmp_path / "crawl.warc.gz")
    raw = p.read_bytes()
    bad = tmp_path / "kapot.warc.gz"
    bad.write_bytes(raw[: len(raw) // 2] + b"\x00garbage" * 50)
    items = read([bad])
    assert [i.article.id for i in items if isinstance(i, Record)][:1] == [
        "https://testkrant.example/brug"]
    err = one_error(items)
    assert err.source == str(bad) and "WARC" in err.message


def test_cut_off_warc(tmp_path: Path) -> None:
    p = write_warc(tmp_path / "crawl.warc.gz")
    raw = p.read_bytes()
    p.write_bytes(raw[: len(raw) // 2])
    items = read([p])
    assert isinstance(items[0], Record)
    err = one_error(items)
    assert "truncated" in err.message and err.line == 3


# --- options ----------------------------------------------------------------------------------


def test_options_are_checked_at_once() -> None:
    from kroniek.errors import UsageError

    assert ReadOptions(format="RSS").format == "feed"
    with pytest.raises(UsageError, match="unknown format"):
        ReadOptions(format="docx")
    with pytest.raises(UsageError, match="'body'"):
        ReadOptions(field_map={"body": "text"})


def test_language_tag_is_normalised(tmp_path: Path) -> None:
    p = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "published": "2019", "text": BODY,
                                             "language": "nl-NL"}])
    (rec,) = only_records(read([p]))
    assert rec.article.language == "nl"

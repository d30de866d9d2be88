"""Decoding per record: a line that cannot be decoded costs that line, never its neighbours;
only files that are clearly not text are rejected whole."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from kroniek.errors import RecordError
from kroniek.ingest.readers import read_paths
from kroniek.ingest.records import ReadOptions, Record

TEXT = "De gemeente Utrecht besloot gisteren dat de nieuwe brug over de Vecht er komt (meldt de NOS)."


def row(rid: str, text: str = TEXT, **extra: str) -> bytes:
    obj = {"id": rid, "published": "2019-03-05", "text": text, **extra}
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def read(path: Path) -> tuple[list[Record], list[RecordError]]:
    items = list(read_paths([path], ReadOptions()))
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, RecordError)])


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_corrupt_jsonl_lines_cost_only_themselves(tmp_path: Path) -> None:
    lines = [
        row("a1", "Café in België: " + TEXT),  # real UTF-8 elsewhere in the file
        b'{"id": "bad1", "published": "2019-03-05", "text": "kapot \xff\xfe\x00 hier"}',
        row("a2"),
        b'{"id": "bad2", "published": "2019-03-05", "text": "\xc3\x28 half teken"}',
        row("a3"),
        b"\x00\x00\x00\x00",
        row("a4"),
    ]
    p = write(tmp_path / "export.jsonl", b"\n".join(lines) + b"\n")
    records, errors = read(p)
    assert [r.article.id for r in records] == ["a1", "a2", "a3", "a4"]
    assert [(e.line, e.source) for e in errors] == [(2, str(p)), (4, str(p)), (6, str(p))]
    first = errors[0].describe()
    ff, nul = lines[1].index(b"\xff"), lines[1].index(b"\x00")
    assert first.startswith(f"{p}:2: invalid UTF-8 at byte {ff} of the line")
    assert "\\xff" in first and f"NUL byte at byte {nul}" in first
    assert f"invalid UTF-8 at byte {lines[3].index(b'(') - 1} of the line (\\xc3)" in errors[1].message
    assert errors[2].message.startswith("a NUL byte at byte 0")
    assert "\\xff" in errors[0].raw  # the bad bytes are kept, visibly, for the quarantine


def test_nul_inside_a_json_string_rejects_that_record(tmp_path: Path) -> None:
    lines = [row("a1"), row("nul", "voor\u0000na"), row("a2"), row("t", TEXT, title="ti\u0000tel")]
    records, errors = read(write(tmp_path / "n.jsonl", b"\n".join(lines)))
    assert [r.article.id for r in records] == ["a1", "a2"]
    assert [(e.line, e.record_id, e.field) for e in errors] == [(2, "nul", "text"), (4, "t", "title")]
    assert "NUL character at character 4" in errors[0].message


def test_csv_row_with_bad_bytes_is_quarantined_at_its_line(tmp_path: Path) -> None:
    data = (
        b"id,published,text\n"
        + f"c1,2019-02-01,{TEXT}\n".encode()
        + b'c2,2019-02-01,"een rij over\ntwee regels \xff\xfe kapot"\n'
        + f"c3,2019-02-01,\"{TEXT}\nover twee regels\"\n".encode()
        + b"c4,2019-02-01,nul\x00hier\n"
        + f"c5,2019-02-01,{TEXT}\n".encode()
    )
    records, errors = read(write(tmp_path / "rows.csv", data))
    assert [r.article.id for r in records] == ["c1", "c3", "c5"]
    assert [e.line for e in errors] == [4, 7]  # the damaged line itself, inside a 2-line row
    assert "invalid UTF-8 at byte 12" in errors[0].message and "NUL byte" in errors[1].message


def test_tsv_row_with_bad_bytes(tmp_path: Path) -> None:
    data = (b"id\tpublished\ttext\n" + f"t1\t2019-02-01\t{TEXT}\n".encode()
            + b"t2\t2019-02-01\tkapot \x80\x81\n" + f"t3\t2019-02-01\t{TEXT}\n".encode())
    records, errors = read(write(tmp_path / "rows.tsv", data))
    assert [r.article.id for r in records] == ["t1", "t3"]
    assert errors[0].line == 3 and "invalid UTF-8 at byte 20" in errors[0].message


def test_seed_file_with_bad_bytes_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path / "stuk.txt", b"date 2019-03\n" + TEXT.encode() + b"\nregel \xff\xfe\x00 kapot\n")
    records, errors = read(p)
    assert not records
    (err,) = errors
    assert err.line == 3 and err.record_id == "stuk" and "invalid UTF-8 at byte 6" in err.message


def test_cp1252_files_are_read_whole(tmp_path: Path) -> None:
    oud = "Café “De Brug” sloot – na 40 jaar – in België."
    lines = [row("ascii", "Alleen ASCII hier, zoals " + TEXT), row("oud", oud), row("ook", TEXT)]
    jsonl = write(tmp_path / "oud.jsonl", b"\n".join(line.decode().encode("cp1252") for line in lines))
    records, errors = read(jsonl)
    assert not errors and records[1].article.text == oud
    seed = write(tmp_path / "oud.txt", ("date 2019-03\n" + oud + "\n").encode("cp1252"))
    (rec,), errors = read(seed)
    assert not errors and rec.article.text == oud
    csv = write(tmp_path / "oud.csv", f"id;published;text\nx;2019-03;{oud}\n".encode("cp1252"))
    (rec,), errors = read(csv)
    assert not errors and rec.article.text == oud


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files(tmp_path: Path, encoding: str) -> None:
    text = "Café in België: " + TEXT
    lines = [row("u1", text).decode(), row("u2").decode()]
    records, errors = read(write(tmp_path / "wide.jsonl", "\n".join(lines).encode(encoding)))
    assert not errors and [r.article.text for r in records] == [text, TEXT]
    csv = f"id,published,text\nc1,2019-02-01,\"{text}\nregel twee\"\nc2,2019-02-01,{TEXT}\n"
    records, errors = read(write(tmp_path / "wide.csv", csv.encode(encoding)))
    assert not errors and [r.article.id for r in records] == ["c1", "c2"]
    seed = write(tmp_path / "wide.txt", f"date 2019-03\n{text}\n".encode(encoding))
    (rec,), errors = read(seed)
    assert not errors and rec.article.text == text


def test_damaged_utf16_line_costs_only_itself(tmp_path: Path) -> None:
    good = [(row(f"u{i}").decode() + "\n").encode("utf-16-le") for i in range(3)]
    bad = '{"id": "x", "text": "'.encode("utf-16-le") + b"\x00\xd8" + '"}\n'.encode("utf-16-le")
    p = write(tmp_path / "wide.jsonl", b"\xff\xfe" + good[0] + bad + good[1] + good[2])
    records, errors = read(p)
    assert [r.article.id for r in records] == ["u0", "u1", "u2"]
    assert errors[0].line == 2 and "invalid UTF-16" in errors[0].message


BINARIES = {  # name -> (bytes, what the message says)
    "plaatje.jsonl": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "a PNG image"),
    "export.jsonl": (lambda: gzip.compress(b"\n".join([row("a"), row("b")])), "gunzip"),
    "export.jsonl.gz": (lambda: gzip.compress(b"\n".join([row("a"), row("b")])), "gunzip"),
    "foto.jpg": (lambda: b"\xff\xd8\xff\xe0" + os.urandom(2000), "a JPEG image"),
    "ruis.jsonl": (lambda: os.urandom(3000), "of its first 3,000 bytes"),
    "ruis.csv": (lambda: bytes(range(256)) * 40, "bytes are NUL, control or undecodable"),
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_a_binary_file_is_one_error_that_says_so(tmp_path: Path, name: str) -> None:
    make, what = BINARIES[name]
    records, errors = read(write(tmp_path / name, make()))
    assert not records and len(errors) == 1
    assert "binary, not text" in errors[0].message and what in errors[0].message


def test_gzipped_warc_under_another_name_is_still_a_warc(tmp_path: Path) -> None:
    from kroniek.ingest.readers import sniff

    assert sniff("crawl.bin", gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")) == "warc"
    assert sniff("data.bin", gzip.compress(b'{"id": 1}\n')) is None


def test_html_page_without_article_text_says_so(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><head><title>Overzicht</title>"
            '<meta property="article:published_time" content="2019-03-05"></head>'
            "<body><nav><a href='/a'>Home</a> <a href='/b'>Over ons</a></nav>"
            "<script>var x = 1;</script></body></html>")
    for name, markup in (("nav.html", page), ("leeg.html", page.replace("<nav>", "<nav hidden>")
                                                .replace("Home", "").replace("Over ons", ""))):
        records, errors = read(write(tmp_path / name, markup.encode()))
        assert not records and errors[0].message == "no article text found in the page"


def test_ingest_keeps_the_good_lines_and_quarantines_each_bad_one(run, tmp_path: Path) -> None:
    good = [row(f"g{i}", f"Bericht {i}: " + TEXT) for i in range(6)]
    bad = [b'{"id": "x1", "published": "2019-03-05", "text": "kapot \xff\xfe\x00"}',
           b'{"id": "x2", "published": "2019-03-05", "text": "\xe9\xc3\x28\x80\x81"}']
    lines = [good[0], good[1], bad[0], good[2], good[3], bad[1], good[4], good[5]]
    p = write(tmp_path / "export.jsonl", b"\n".join(lines) + b"\n")
    db = str(tmp_path / "k.db")
    res = run("ingest", str(p), "--db", db, "--stages", "language", "-w", "1")
    assert res.code == 1 and "Traceback" not in res.stderr
    assert "6 ingested" in res.stderr and "2 quarantined" in res.stderr
    assert f"Error: {p}:3: invalid UTF-8 at byte" in res.stderr
    assert f"Error: {p}:6: invalid UTF-8 at byte" in res.stderr
    rows = json.loads(run("quarantine", "--db", db, "--json").stdout)
    assert sorted(r["line"] for r in rows) == [3, 6]
    assert all(r["source_file"] == str(p) for r in rows)
    assert json.loads(run("stats", "--db", db).stdout)["articles"] == 6

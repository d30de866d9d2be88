"""``kroniek spark`` on local[2]: the same documents as ``kroniek extract`` on the same articles,
from JSON Lines and from Parquet, nested annotations as structs, rejected records set apart, and
the documents written into a PostgreSQL store as ``kroniek ingest`` writes them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES

pytest.importorskip("pyspark")  # the test extra installs it; CI runs these with Java 17


def _fixture_articles() -> list[dict[str, Any]]:
    """Our examples as JSON records: the JSON Lines ones, the seeds (date from the file), and
    repeats under other ids so there are more articles than one chunk of eight per partition."""
    rows = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    for f in sorted((EXAMPLES / "seed").glob("*.txt")):
        first, _, body = f.read_text(encoding="utf-8").partition("\n")
        rows.append({"id": f.stem, "published": first.split()[1], "text": body.strip()})
    rows += [{**r, "id": r["id"] + "-again"} for r in rows[:8]]
    return rows


def _kroniek(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True,
                          timeout=900, env={**os.environ, "KRONIEK_TOKEN": ""})


def _read_parquet(folder: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows = pq.read_table(folder).to_pylist()
    for r in rows:  # a Parquet map comes back as (key, value) pairs
        r["stages"] = dict(r["stages"])
    return rows


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path_factory.mktemp("spark")
    rows = _fixture_articles()
    jsonl = folder / "articles.jsonl"
    bad = ['{"id": "no-text", "published": "2019-01-01", "text": ""}', "{not json"]
    jsonl.write_text("\n".join([json.dumps(r, ensure_ascii=False) for r in rows[:10]] + bad
                               + [json.dumps(r, ensure_ascii=False) for r in rows[10:]]) + "\n",
                     encoding="utf-8")
    parquet = folder / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet)
    good = folder / "good.jsonl"
    good.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    extracted = _kroniek("extract", str(good), "--workers", "1")
    assert extracted.returncode == 0, extracted.stderr
    (folder / "extract.jsonl").write_text(extracted.stdout, encoding="utf-8")
    return {"jsonl": jsonl, "parquet": parquet, "extract": folder / "extract.jsonl", "folder": folder}


def test_spark_output_equals_kroniek_extract(inputs: dict[str, Path], pg_url: str) -> None:
    want = [json.loads(line) for line in inputs["extract"].read_text(encoding="utf-8").splitlines()]
    assert len(want) > 16 and any(d["quotes"] for d in want) and any(d["events"] for d in want)
    out = inputs["folder"] / "out-jsonl"
    res = _kroniek("spark", str(inputs["jsonl"]), str(out), "--master", "local[2]", "--partitions", "3",
                   "--store", pg_url)
    assert res.returncode == 1, res.stderr  # the two bad lines
    got = _read_parquet(out)
    assert [d["id"] for d in got] == [d["id"] for d in want]  # input order
    assert got == want
    rejected = _read_parquet_messages(out / "_rejected")
    assert len(rejected) == 2 and any("article text is empty" in m for m in rejected)
    counts = json.loads(res.stderr.strip().splitlines()[-2])
    assert counts["articles"] == len(want) and counts["store_ingested"] + counts["store_duplicates"] == len(want)
    from kroniek.store.open import open_store

    store = open_store(pg_url)  # the store took them as ingest would: repeats are copies
    try:
        n = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        copies = store.conn.execute("SELECT count(*) FROM copies").fetchone()[0]
        assert n + copies == len(want) and copies == 8
        by_id = {d["id"]: d for d in want}
        for (aid,) in store.conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 5").fetchall():
            assert store.get(aid).to_dict() == by_id[aid]
    finally:
        store.close()


def test_spark_reads_parquet_with_the_same_result(inputs: dict[str, Path]) -> None:
    want = [json.loads(line) for line in inputs["extract"].read_text(encoding="utf-8").splitlines()]
    out = inputs["folder"] / "out-parquet"
    res = _kroniek("spark", str(inputs["parquet"]), str(out), "--master", "local[2]")
    assert res.returncode == 0, res.stderr
    assert _read_parquet(out) == want


def _read_parquet_messages(folder: Path) -> list[str]:
    import pyarrow.parquet as pq

    return [r["message"] for r in pq.read_table(folder).to_pylist()]


def test_the_schema_is_the_contract_with_structs() -> None:
    from pyspark.sql import types as T

    from kroniek.spark.schema import contract_schema

    schema = contract_schema()
    quotes = schema["quotes"].dataType.elementType
    assert isinstance(quotes["speaker"].dataType, T.StructType)
    assert [f.name for f in schema.fields][:3] == ["id", "published", "precision"]
    assert "tokens" in contract_schema(tokens=True).fieldNames()

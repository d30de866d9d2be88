"""Export stored articles with annotations: JSON Lines (the extract form), CSV, Parquet.

Each article also carries the ``corrections`` people gave on its facts (see
:mod:`kroniek.queries.corrections`), an empty list when there are none.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from kroniek.store.sqlite import SQLiteStore

from .corrections import corrections_by_article

CSV_COLUMNS = ("id", "published", "precision", "title", "source", "url", "language", "story", "duplicate_of",
               "text", "entities", "quotes", "figures", "timexes", "events", "corrections")


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    """One row per article: annotation lists as JSON strings, so CSV/Parquet stay rectangular."""
    row = {k: (str(d[k]) if k == "story" and d.get(k) is not None else d.get(k)) for k in CSV_COLUMNS}
    for k in ("entities", "quotes", "figures", "timexes", "events", "corrections"):
        row[k] = json.dumps(d.get(k) or [], ensure_ascii=False)
    return row


def _records(store: SQLiteStore, tokens: bool):  # type: ignore[no-untyped-def]
    """Every stored article with its story and near-duplicate link, then every exact copy (the
    same article printed under another id) as a record of its own pointing at its original."""
    judged = corrections_by_article(store.conn)
    for row in store.rows():  # a page at a time: memory stays flat at any store size
        d = store.document_of(row)
        data = d.to_dict(tokens=tokens)
        data["story"], data["duplicate_of"] = row["story"], row["duplicate_of"]
        data["corrections"] = judged.get(d.id, [])
        yield data
    for row in store.conn.execute(
        "SELECT c.*, a.story FROM copies c LEFT JOIN articles a ON a.id = c.duplicate_of ORDER BY c.ingested_at, c.id"
    ):
        yield {
            "id": row["id"], "published": row["published"], "title": row["title"], "source": row["source"],
            "url": row["url"], "author": row["author"], "duplicate_of": row["duplicate_of"], "story": row["story"],
            "copy": True,
        }  # fmt: skip


def export_documents(store: SQLiteStore, fmt: str, output: Path, *, tokens: bool = False) -> int:
    docs = _records(store, tokens)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.string()) for c in CSV_COLUMNS])
        n = 0
        with pq.ParquetWriter(output, schema) as writer:
            batch: list[dict[str, Any]] = []
            for d in docs:
                batch.append(_flat(d))
                if len(batch) >= 1000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n, batch = n + len(batch), []
            if batch or not n:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
        return n
    fh = sys.stdout if str(output) == "-" else open(output, "w", encoding="utf-8", newline="")
    n = 0
    try:
        if fmt == "csv":
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for d in docs:
                writer.writerow(_flat(d))
                n += 1
        else:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    return n

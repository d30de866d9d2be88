"""``kroniek spark INPUT OUTPUT``: the extraction over a dataset of articles with Apache Spark.

INPUT is JSON Lines or Parquet (a file, a folder, a glob, any URI Spark reads: ``s3a://``,
``hdfs://``, ``gs://``), with the fields ``kroniek ingest`` takes (``id``, ``published``, ``text``
and optional ``title``, ``url``, ``source``, ``author``, ``language``). OUTPUT is a Parquet
dataset with the ``extract`` contract's fields, nested annotations as structs
(:mod:`.schema`), in input order; records that cannot be read go to ``OUTPUT/_rejected``
(Spark skips ``_`` folders when it reads OUTPUT back).

How it runs: each record is read with the same rules as ``kroniek extract`` (``from_mapping``);
the valid articles are numbered and cut into the chunks of eight consecutive articles that
``kroniek extract`` analyses together, so the batches the model sees — and so the output — are
the same; executors annotate the chunks of a partition with one pipeline per Python worker (the
Dutch model loads once per executor process, not per record). With ``--store`` each partition
also writes its documents into a store (PostgreSQL for a cluster), with the same duplicate
checks and chronicle as ``kroniek ingest``, in batches under the store's write lock.

Also runnable as ``spark-submit .../kroniek/spark/job.py INPUT OUTPUT [options]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kroniek.pipeline.registry import DEFAULT_STAGES
from kroniek.pipeline.workers import CHUNK

#: One pipeline per Python worker process, per stage list: the model loads once.
_PIPELINES: dict[tuple[str, ...], Any] = {}


def _pipeline(stages: tuple[str, ...]) -> Any:
    if stages not in _PIPELINES:
        from kroniek.pipeline.registry import Pipeline

        _PIPELINES[stages] = Pipeline(stages)
    return _PIPELINES[stages]


@dataclass(frozen=True)
class Options:
    input: str
    output: str
    format: str | None = None  # jsonl | parquet; None: by the input's name
    stages: tuple[str, ...] = DEFAULT_STAGES
    tokens: bool = False
    store: str | None = None
    master: str | None = None
    partitions: int | None = None
    mode: str = "errorifexists"


# -- on the executors ---------------------------------------------------------------------------


def _read_record(raw: Any, source: str, number: int) -> tuple[str, Any]:
    """("ok", article as a dict) or ("error", message) for one input record, by ``extract``'s rules."""
    from kroniek.errors import RecordError
    from kroniek.ingest.records import ReadOptions, Record
    from kroniek.ingest.tabular import from_mapping

    if isinstance(raw, str):  # a JSON line
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as exc:
            return "error", f"{source}:{number}: malformed JSON: {exc}"
        if not isinstance(obj, dict):
            return "error", f"{source}:{number}: expected a JSON object, got {type(obj).__name__}"
        text = raw
    else:
        obj = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in raw.items()}
        text = json.dumps(obj, ensure_ascii=False, default=str)
    result = from_mapping(obj, ReadOptions(), source, number, text)
    if isinstance(result, RecordError):
        return "error", result.describe()
    assert isinstance(result, Record)
    a = result.article
    return "ok", {"id": a.id, "text": a.text, "title": a.title, "url": a.url, "source": a.source,
                  "author": a.author, "language": a.language,
                  "published": a.published.value if a.published else None}


def _article(d: dict[str, Any]) -> Any:
    from kroniek.model import Article, PublishedDate

    return Article(id=d["id"], text=d["text"], title=d["title"], url=d["url"], source=d["source"],
                   author=d["author"], language=d["language"],
                   published=PublishedDate.parse(d["published"]) if d["published"] else None)


def annotate_chunks(stages: tuple[str, ...], tokens: bool,
                    chunks: Iterable[tuple[int, Iterable[tuple[int, dict[str, Any]]]]]) -> Iterator[tuple[int, str, Any]]:
    """(index, "ok", contract dict) or (index, "error", message) for every article of the
    partition's chunks, each chunk analysed as one batch as ``kroniek extract`` does."""
    from kroniek.model import Document
    from kroniek.pipeline.registry import PipelineFailure

    pipeline = _pipeline(stages)
    for _, members in chunks:
        ordered = sorted(members, key=lambda m: m[0])
        results = pipeline.run_batch([Document(article=_article(d)) for _, d in ordered])
        for (index, d), result in zip(ordered, results, strict=True):
            if isinstance(result, PipelineFailure):
                yield index, "error", f"article {d['id']!r}: {result.message}"
            else:
                yield index, "ok", result.to_dict(tokens=tokens)


def store_partition(target: str, source: str, rows: Iterable[Any]) -> Iterator[tuple[str, int]]:
    """Write one partition's documents into the store, as ``kroniek ingest`` would."""
    from kroniek.ingest.records import Record
    from kroniek.ingest.runner import Ingester
    from kroniek.model import Document
    from kroniek.store.open import open_store

    store = open_store(target)
    try:
        ingester = Ingester(store, stages=("language",), on_error=lambda m: None)
        batch: list[Any] = []
        docs: dict[str, Any] = {}

        def flush() -> None:
            if batch:
                ingester.ingest_batch(list(batch), processed=dict(docs))
                batch.clear()
                docs.clear()

        for index, data in rows:
            doc = Document.from_dict(json.loads(data))
            batch.append(Record(doc.article, source, index + 1))
            docs[doc.id] = doc
            if len(batch) >= 64:
                flush()
        flush()
        s = ingester.summary
        yield from (("ingested", s.ingested), ("unchanged", s.unchanged),
                    ("duplicates", s.duplicates), ("near_duplicates", s.near_duplicates),
                    ("quarantined", s.quarantined))
    finally:
        store.close()


# -- on the driver ------------------------------------------------------------------------------


def _format(opts: Options) -> str:
    if opts.format:
        return {"json": "jsonl", "ndjson": "jsonl"}.get(opts.format, opts.format)
    name = opts.input.rstrip("/").lower()
    return "parquet" if name.endswith(".parquet") or "parquet" in name.rsplit("/", 1)[-1] else "jsonl"


def session(master: str | None = None) -> Any:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("kroniek")
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    builder = builder.config("spark.pyspark.python", sys.executable)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(opts: Options, spark: Any = None) -> dict[str, int]:
    """Extract every article of ``opts.input`` into ``opts.output``; returns counts."""
    from pyspark import StorageLevel
    from pyspark.sql import types as T

    from .schema import conform, contract_schema

    own = spark is None
    spark = spark or session(opts.master)
    try:
        fmt = _format(opts)
        if fmt == "parquet":
            df = spark.read.parquet(opts.input)
            source = opts.input
            records = df.rdd.zipWithIndex().map(lambda r: _read_record(r[0].asDict(), source, r[1] + 1))
        elif fmt == "jsonl":
            source = opts.input
            lines = spark.sparkContext.textFile(opts.input, minPartitions=opts.partitions or 2)
            records = (lines.zipWithIndex().filter(lambda r: r[0].strip())
                       .map(lambda r: _read_record(r[0], source, r[1] + 1)))
        else:
            from kroniek.errors import UsageError

            raise UsageError(f"--format {opts.format!r}: use jsonl or parquet")
        records.persist(StorageLevel.MEMORY_AND_DISK)
        rejected = records.filter(lambda r: r[0] == "error").map(lambda r: (r[1],))
        valid = records.filter(lambda r: r[0] == "ok").map(lambda r: r[1]).zipWithIndex()
        parts = opts.partitions or max(2, spark.sparkContext.defaultParallelism)
        stages, tokens = tuple(opts.stages), opts.tokens
        chunks = valid.map(lambda r: (r[1] // CHUNK, (r[1], r[0]))).groupByKey(parts)
        annotated = chunks.mapPartitions(lambda it: annotate_chunks(stages, tokens, it))
        annotated.persist(StorageLevel.MEMORY_AND_DISK)
        schema = contract_schema(tokens)
        indexed = T.StructType([T.StructField("_index", T.LongType()), *schema.fields])
        good = annotated.filter(lambda r: r[1] == "ok").map(lambda r: (r[0], *conform(r[2], schema)))
        df_out = spark.createDataFrame(good, indexed).orderBy("_index").drop("_index")
        df_out.write.mode(opts.mode).parquet(opts.output)
        failed = annotated.filter(lambda r: r[1] == "error").map(lambda r: (r[2],))
        errors = rejected.union(failed)
        n_errors = errors.count()
        if n_errors:
            errors_schema = T.StructType([T.StructField("message", T.StringType())])
            spark.createDataFrame(errors, errors_schema).write.mode("overwrite").parquet(
                opts.output.rstrip("/") + "/_rejected")
        counts = {"articles": annotated.filter(lambda r: r[1] == "ok").count(), "rejected": n_errors}
        if opts.store:
            target = opts.store
            docs = (annotated.filter(lambda r: r[1] == "ok")
                    .map(lambda r: (r[0], json.dumps(r[2], ensure_ascii=False)))
                    .sortBy(lambda r: r[0], numPartitions=parts))
            for key, n in docs.mapPartitions(lambda it: store_partition(target, source, it)).reduceByKey(
                    lambda a, b: a + b).collect():
                counts[f"store_{key}"] = n
        records.unpersist()
        annotated.unpersist()
        return counts
    finally:
        if own:
            spark.stop()


def parse_args(argv: Sequence[str]) -> Options:
    p = argparse.ArgumentParser(prog="kroniek-spark", description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--format", choices=["jsonl", "parquet"])
    p.add_argument("--stages", help="comma-separated pipeline stages (default: all)")
    p.add_argument("--tokens", action="store_true")
    p.add_argument("--store", help="also write into this store (postgresql://user@host/dbname)")
    p.add_argument("--master", help="Spark master, e.g. local[4] (default: spark-submit's)")
    p.add_argument("--partitions", type=int)
    p.add_argument("--overwrite", action="store_true")
    a = p.parse_args(list(argv))
    stages = tuple(s.strip() for s in a.stages.split(",") if s.strip()) if a.stages else DEFAULT_STAGES
    return Options(a.input, a.output, a.format, stages, a.tokens, a.store, a.master, a.partitions,
                   "overwrite" if a.overwrite else "errorifexists")


def main(argv: Sequence[str] | None = None) -> int:
    counts = run(parse_args(sys.argv[1:] if argv is None else argv))
    print(json.dumps(counts), file=sys.stderr)
    return 1 if counts.get("rejected") else 0


if __name__ == "__main__":  # spark-submit .../kroniek/spark/job.py INPUT OUTPUT
    sys.exit(main())

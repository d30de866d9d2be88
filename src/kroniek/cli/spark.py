"""``kroniek spark``: the extraction over a dataset with Apache Spark."""

from __future__ import annotations

import sys

import typer

from .app import app


@app.command()
def spark(
    input_: str = typer.Argument(..., metavar="INPUT", help="JSON Lines or Parquet: a file, folder, glob or any URI Spark reads (s3a://, hdfs://...)."),
    output: str = typer.Argument(..., help="Where the Parquet dataset goes (any URI Spark writes)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="jsonl or parquet (default: by the input's name)."),
    master: str | None = typer.Option(None, "--master", help="Spark master, e.g. local[4] or spark://host:7077 (default: local[*], or spark-submit's)."),
    partitions: int | None = typer.Option(None, "--partitions", help="Partitions to annotate in (default: Spark's parallelism)."),
    store: str | None = typer.Option(None, "--store", help="Also write the documents into this store (postgresql://user@host/dbname), with ingest's duplicate checks and chronicle."),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated pipeline stages (default: all)."),
    tokens: bool = typer.Option(False, "--tokens", help="Also write the token analysis."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace OUTPUT if it exists."),
) -> None:
    """Annotate a dataset of articles on Spark: Parquet with the extract contract's fields (nested
    annotations as structs), identical to `kroniek extract` on the same articles."""
    import json

    from kroniek.errors import UsageError
    from kroniek.pipeline.registry import DEFAULT_STAGES

    try:
        from kroniek.spark.job import Options, run
    except ImportError:
        raise UsageError("kroniek spark needs pyspark (and Java 17): pip install 'kroniek[spark]'") from None
    names = tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else DEFAULT_STAGES
    counts = run(Options(input_, output, fmt, names, tokens, store, master or "local[*]", partitions,
                         "overwrite" if overwrite else "errorifexists"))
    print(json.dumps(counts), file=sys.stderr)
    if counts.get("rejected"):
        print(f"{counts['rejected']} records could not be read or annotated: see {output.rstrip('/')}/_rejected",
              file=sys.stderr)
        raise typer.Exit(1)

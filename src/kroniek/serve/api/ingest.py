"""Ingest over HTTP (needs the token): the same formats and rules as ``kroniek ingest``."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel

from kroniek.ingest.records import ReadOptions
from kroniek.ingest.runner import IngestSummary, ingest_paths

from ..errors import WRITE_ERRORS
from ..security import require_token
from .common import json_response, stores

router = APIRouter(tags=["ingest"], dependencies=[Depends(require_token)])

#: The largest body one ingest request may send.
MAX_BYTES = 32 * 2**20
_SUFFIX = {"seed": ".txt", "jsonl": ".jsonl", "csv": ".csv", "tsv": ".tsv", "html": ".html",
           "feed": ".xml", "warc": ".warc"}
Format = Literal["seed", "jsonl", "csv", "tsv", "html", "feed", "warc"]


class IngestOut(BaseModel):
    read: int
    ingested: int
    unchanged: int
    duplicates: int
    near_duplicates: int
    quarantined: int
    non_dutch: int
    errors: list[str]


BODY = {"requestBody": {"required": True, "description": "The file's bytes, as `curl "
        "--data-binary @FILE` sends them", "content": {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}


@router.post("/ingest", response_model=IngestOut, responses=WRITE_ERRORS, openapi_extra=BODY,
             summary="Ingest articles")
async def ingest(
    request: Request,
    handle: Annotated[Any, Depends(stores)],
    fmt: Annotated[Format | None, Query(alias="format", description=(
        "seed, jsonl, csv, tsv, html, feed or warc; default: guessed from filename and content"))] = None,
    filename: Annotated[str | None, Query(max_length=200, description=(
        "The file's name, kept as the records' origin and used to guess the format"))] = None,
    source: Annotated[str | None, Query(max_length=200, description=(
        "Source for records that name none"))] = None,
) -> Response:
    """Read, annotate and store the body's articles (exact duplicates skipped, near-duplicates
    marked, bad records quarantined and listed in ``errors``), as ``kroniek ingest`` does."""
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BYTES:
            raise HTTPException(413, f"the body is over {MAX_BYTES // 2**20} MiB; send it in parts")
    if not data:
        raise HTTPException(400, "empty body: send the file's bytes (curl --data-binary @FILE)")
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename or "").name)[:100].lstrip(".")
    name = name or "upload" + _SUFFIX.get(fmt or "", "")
    options = ReadOptions(format=fmt, default_source=source)

    def work() -> IngestSummary:
        with tempfile.TemporaryDirectory(prefix="kroniek-ingest-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(bytes(data))
            with handle.write() as store:
                summary = ingest_paths(store, [str(path)], options=options, workers=1,
                                       on_error=lambda _msg: None)
            summary.errors = [e.replace(str(path), name) for e in summary.errors]
            return summary

    summary = await run_in_threadpool(work)
    errors = summary.errors
    return json_response(IngestOut(
        read=summary.read, ingested=summary.ingested, unchanged=summary.unchanged,
        duplicates=summary.duplicates, near_duplicates=summary.near_duplicates,
        quarantined=summary.quarantined, non_dutch=summary.non_dutch, errors=errors))

"""Run the pipeline over many articles, in worker processes, keeping input order.

Results are identical with 1 or N workers: every worker builds the same pipeline from the same
stage names, and ``imap`` returns documents in input order.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator, Sequence

from threadpoolctl import threadpool_limits

from kroniek.model import Article, Document

from .registry import DEFAULT_STAGES, Pipeline, PipelineFailure

_worker_pipeline: Pipeline | None = None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _init_worker(names: Sequence[str], blas_threads: int | None = None) -> None:
    global _worker_pipeline
    if blas_threads is not None:
        # N workers each running a BLAS with one thread per core oversubscribe the CPU;
        # share the cores out instead, so that more workers means more throughput.
        threadpool_limits(limits=blas_threads, user_api="blas")
    _worker_pipeline = Pipeline(names)


#: Articles analysed together; fixed so that results never depend on the number of workers.
CHUNK = 8


def _run_chunk(articles: list[Article]) -> list[Document | PipelineFailure]:
    if _worker_pipeline is None:  # pragma: no cover - initializer always runs first
        raise RuntimeError("worker pipeline not initialised")
    return _worker_pipeline.run_batch([Document(article=a) for a in articles])


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_one(article: Article) -> Document | PipelineFailure:
    if _worker_pipeline is None:  # pragma: no cover - initializer always runs first
        raise RuntimeError("worker pipeline not initialised")
    try:
        return _worker_pipeline(Document(article=article))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return PipelineFailure(article.id, f"{type(exc).__name__}: {exc}")


class Processor:
    """A pipeline with its worker pool, kept alive across batches (models load once per worker)."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, workers: int = 1) -> None:
        self.stages = tuple(stages)
        Pipeline(self.stages)  # validate in the parent so a bad configuration fails fast
        self.workers = max(1, workers)
        self._pool = None
        if self.workers > 1:
            methods = mp.get_all_start_methods()
            ctx = mp.get_context("fork" if "fork" in methods else methods[0])
            blas_threads = max(1, default_workers() // self.workers)
            self._pool = ctx.Pool(
                self.workers, initializer=_init_worker, initargs=(self.stages, blas_threads)
            )
        else:
            _init_worker(self.stages)

    def map(self, articles: Iterable[Article]) -> Iterator[Document | PipelineFailure]:
        """Annotate ``articles`` in input order; failures come back as PipelineFailure."""
        if self._pool is None:
            for chunk in _chunks(articles):
                yield from _run_chunk(chunk)
        else:
            for results in self._pool.imap(_run_chunk, _chunks(articles)):
                yield from results

    def submit(self, articles: Iterable[Article]) -> Iterator[Document | PipelineFailure]:
        """Like :meth:`map`, but worker processes start on ``articles`` at once, so the caller can
        do other work (store the batch before) while they annotate. Without workers it is ``map``."""
        if self._pool is None:
            return self.map(articles)
        started = self._pool.imap(_run_chunk, list(_chunks(articles)))
        return (doc for results in started for doc in results)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Processor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def process(
    articles: Iterable[Article],
    *,
    stages: Sequence[str] = DEFAULT_STAGES,
    workers: int = 1,
) -> Iterator[Document | PipelineFailure]:
    """Annotate ``articles`` in order with a throw-away Processor."""
    with Processor(stages, workers) as proc:
        yield from proc.map(articles)

"""The store as a server uses it: a pool of read-only connections for requests, and one
writer at a time for the token-holding writes (ingest, corrections).

Each request borrows a read-only store (``PRAGMA query_only``) for its whole life, so no two
requests share a connection; a write opens its own store under a lock and, when done, tells the
pooled readers to reload the tantivy index so the next search sees the new articles.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kroniek.errors import KroniekError, StoreError
from kroniek.store.open import exists, is_url, open_store, store_target
from kroniek.store.sqlite import SQLiteStore


class Busy(KroniekError):
    """Every read connection stayed in use for too long (HTTP 503)."""


class Stores:
    def __init__(self, path: str | Path, *, size: int = 8, wait_s: float = 10.0) -> None:
        self.path = store_target(path)
        if not exists(self.path) or not (is_url(self.path) or Path(self.path).is_file()):
            raise StoreError(f"no store at {self.path!r}; ingest articles first "
                             f"(`kroniek ingest PATH --db {self.path}`)")
        open_store(self.path).close()  # migrate once, before any reader opens it
        self.size = size
        self.wait_s = wait_s
        self._idle: queue.LifoQueue[tuple[SQLiteStore, int]] = queue.LifoQueue()
        self._made = 0
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.generation = 0  # bumped after every write

    @contextmanager
    def read(self) -> Iterator[SQLiteStore]:
        """A read-only store for the caller alone until the block ends."""
        store, seen = self._take()
        try:
            if seen != self.generation:
                index = store.text_index
                if index is not None:
                    index.index.reload()
                seen = self.generation
            yield store
        finally:
            self._idle.put((store, seen))

    def _take(self) -> tuple[SQLiteStore, int]:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._made < self.size:
                self._made += 1
                return open_store(self.path, read_only=True), self.generation  # type: ignore[return-value]
        try:
            return self._idle.get(timeout=self.wait_s)
        except queue.Empty:
            raise Busy(f"all {self.size} store connections stayed busy for {self.wait_s:.0f} s; "
                       "try again") from None

    @contextmanager
    def write(self) -> Iterator[SQLiteStore]:
        """A writable store, one writer at a time, opened and closed in the caller's thread."""
        with self._write_lock:
            store = open_store(self.path)
            try:
                yield store
            finally:
                store.close()
                self.generation += 1

    def close(self) -> None:
        while True:
            try:
                store, _ = self._idle.get_nowait()
            except queue.Empty:
                return
            store.close()

"""Several processes on one store: how long to wait for a lock, and what to say when it stays taken.

SQLite lets many readers and one writer work at once (WAL). A writer takes the write lock at the
start of its transaction (``BEGIN IMMEDIATE``), so a reader that turns writer cannot deadlock;
SQLite itself waits ``BUSY_TIMEOUT_S`` for the lock (``busy_timeout``), and :func:`retry_busy`
tries again with growing, jittered pauses until ``WRITE_WAIT_S`` have passed. Write
transactions are kept short (one batch of articles), so the wait is normally a fraction of a
second; "database is locked" never reaches the user, a clear :class:`StoreError` does.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from kroniek.errors import StoreError

T = TypeVar("T")

#: SQLite's own wait for a lock within one attempt (the connection's ``busy_timeout``).
BUSY_TIMEOUT_S = 10.0
#: The whole wait for a lock (several attempts) before giving up with a StoreError.
WRITE_WAIT_S = 120.0


def is_busy(exc: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED as the sqlite3 module reports them."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def retry_busy(
    action: Callable[[], T],
    *,
    what: str,
    path: str,
    busy: Callable[[BaseException], bool] = is_busy,
    wait_s: float | None = None,
) -> T:
    """``action()``, tried again with backoff while ``busy(error)``; a StoreError after ``wait_s``
    (default :data:`WRITE_WAIT_S`)."""
    wait_s = WRITE_WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait_s
    pause = 0.02
    while True:
        try:
            return action()
        except Exception as exc:
            if not busy(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise StoreError(
                    f"the store {path!r} stayed locked for {wait_s:.0f} s while {what}: another "
                    "process is writing to it; try again when it has finished"
                ) from None
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 1.0)

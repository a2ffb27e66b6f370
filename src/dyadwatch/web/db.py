"""Store access for the dashboard: one short-lived connection per request, and a small result cache.

DuckDB lets one process write a file; while another process (`dyadwatch ingest --db same.duckdb`) holds the
write lock, opening the file fails. The dashboard never keeps a connection open between requests, so it never
blocks a writer for long; when the file is locked it retries for a moment and then raises `StoreBusy`, which the
app answers with a 503 ("the store is being written by another process; try again in a moment").

Read-only connections are used unless the app was started with ingest allowed: then its own ingest jobs write
from a thread of the same process, and DuckDB refuses a read-only connection to a file that the process has open
for writing, so every request connects read-write as well (and only reads).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..errors import NotAStore, StoreLocked
from ..store import Store

BUSY_MESSAGE = "the store is being written by another process; try again in a moment"
T = TypeVar("T")


class StoreBusy(Exception):
    """The store file is locked by a writer and stayed locked while we waited."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)
        self.message = message


def _is_busy(exc: Exception) -> bool:
    if isinstance(exc, StoreLocked):
        return True
    # the same process holds the file with another configuration (a read-write connection of an ingest job)
    return isinstance(exc, NotAStore) and "different configuration" in exc.message


@contextmanager
def open_store(path: Path, *, read_only: bool = True, wait: float = 1.0) -> Iterator[Store]:
    """A connection to the store for the length of one request; retries while the file is locked, for up to
    `wait` seconds, then raises StoreBusy."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            store = Store.open(path, read_only=read_only, lock_wait=0)  # this loop waits, for `wait` at most
            break
        except (StoreLocked, NotAStore) as exc:
            if not _is_busy(exc):
                raise
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise StoreBusy() from None
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 0.25)
    try:
        yield store
    finally:
        store.con.close()


def store_version(path: Path) -> tuple[int, ...]:
    """Changes whenever the store file or its write-ahead log changes: the key of cached results."""
    parts: list[int] = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
        except OSError:
            parts += [0, 0]
        else:
            parts += [st.st_mtime_ns, st.st_size]
    return tuple(parts)


class ResultCache:
    """Results computed from the store, kept while the store's files are unchanged (a few entries per name)."""

    def __init__(self, path: Path, size: int = 64) -> None:
        self.path = path
        self.size = size
        self._lock = threading.Lock()
        self._entries: dict[tuple[Any, ...], tuple[tuple[int, ...], Any]] = {}

    def get(self, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        version = store_version(self.path)
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[0] == version:
                return hit[1]
        value = build()
        if store_version(self.path) == version:  # not written meanwhile: the value is of this version
            with self._lock:
                if len(self._entries) >= self.size:
                    self._entries.pop(next(iter(self._entries)))
                self._entries[key] = (version, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

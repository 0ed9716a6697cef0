"""What every request shares: the database it reads, opened for the request's own thread."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from fastapi import Request

from marsad.app import Marsad
from marsad.config import Settings


@contextmanager
def opened(request: Request) -> Iterator[Marsad]:
    """The app's database, opened for this request and closed after it. A SQLite connection
    belongs to one thread; a request's handler runs in one, so each opens its own (WAL lets
    readers go on while an ingest writes)."""
    settings: Settings = request.app.state.settings
    # One worker: the engine forks process pools, which a threaded server must not do.
    marsad = Marsad(settings=replace(settings, workers=1), create=False)
    try:
        yield marsad
    finally:
        marsad.close()


def store_version(request: Request) -> tuple[int | bytes, ...]:
    """What changes whenever anything is written to the database: the modification times and
    sizes of its file and of its write-ahead log (every commit appends to the log; a
    checkpoint writes the file), and the header of the log's index (``-shm``), which SQLite
    rewrites as each commit becomes visible (its change counter, last frame and salts; file
    times alone can miss two commits in one clock tick, and a log restarted after a checkpoint
    keeps its size). A page that is the same for every reader is kept per version."""
    db = request.app.state.settings.db
    found: list[int | bytes] = [hash(db)]
    for path in (db, f"{db}-wal"):
        try:
            stat = os.stat(path)
        except OSError:
            found += [0, 0]
        else:
            found += [stat.st_mtime_ns, stat.st_size]
    try:
        with open(f"{db}-shm", "rb") as index:
            found.append(index.read(_WAL_INDEX_HEADER))
    except OSError:
        found.append(b"")
    return tuple(found)


_WAL_INDEX_HEADER = 48
"""Bytes of the first copy of the WAL-index header (SQLite's file format, "The WAL-Index
Format"): version, change counter, page size, last valid frame, pages, checksums, salts."""

T = TypeVar("T")
_Key = tuple[Hashable, tuple[int | bytes, ...]]


@dataclass
class PerVersion(Generic[T]):
    """What is the same for every reader of one store version (``store_version``): computed
    once per key and version (the readers of that key wait for the one computing it; other
    keys do not), kept until the database changes, at most ``size`` keys, the least recently
    read dropped first."""

    size: int = 64
    _kept: OrderedDict[_Key, T] = field(default_factory=OrderedDict)
    _busy: dict[_Key, threading.Lock] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, request: Request, key: Hashable, compute: Callable[[], T]) -> T:
        version = store_version(request)
        versioned = (key, version)
        while True:
            with self._lock:
                found = self._kept.get(versioned)
                if found is not None:
                    self._kept.move_to_end(versioned)
                    return found
                busy = self._busy.setdefault(versioned, threading.Lock())
            with busy:  # one thread computes a key's version; its other readers wait for it
                with self._lock:
                    found = self._kept.get(versioned)
                    if found is not None:
                        return found
                    if self._busy.get(versioned) is not busy:
                        continue  # the one waited for failed and let go: wait on the next
                try:
                    found = compute()
                except BaseException:
                    self._release(versioned, busy)
                    raise
                current = store_version(request)  # a write meanwhile (this one's or another's)
                with self._lock:  # kept before its lock goes: a reader finds one or the other
                    if current == version:  # the other versions are read by nobody now
                        for old in [k for k in self._kept if k[1] != version]:
                            del self._kept[old]
                    self._kept[versioned] = found
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
                    if self._busy.get(versioned) is busy:
                        del self._busy[versioned]
                return found

    def _release(self, versioned: _Key, busy: threading.Lock) -> None:
        with self._lock:
            if self._busy.get(versioned) is busy:  # not a lock a later reader made
                del self._busy[versioned]

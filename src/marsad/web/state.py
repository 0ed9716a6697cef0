"""What every request shares: the database it reads, opened for the request's own thread."""

from __future__ import annotations

import os
import threading
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


def store_version(request: Request) -> tuple[int, ...]:
    """What changes whenever anything is written to the database: the modification times and
    sizes of its file and of its write-ahead log (every commit appends to the log; a
    checkpoint writes the file). A page that is the same for every reader is kept per version."""
    db = request.app.state.settings.db
    found: list[int] = [hash(db)]
    for path in (db, f"{db}-wal"):
        try:
            stat = os.stat(path)
        except OSError:
            found += [0, 0]
        else:
            found += [stat.st_mtime_ns, stat.st_size]
    return tuple(found)


T = TypeVar("T")


@dataclass
class PerVersion(Generic[T]):
    """What is the same for every reader of one store version (``store_version``): computed by
    one thread (the others wait for it) and kept until the database changes, at most ``size``
    keys at once."""

    size: int = 64
    _kept: dict[tuple[Hashable, tuple[int, ...]], T] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, request: Request, key: Hashable, compute: Callable[[], T]) -> T:
        versioned = (key, store_version(request))
        found = self._kept.get(versioned)
        if found is None:
            with self._lock:
                found = self._kept.get(versioned)
                if found is None:
                    found = compute()
                    if len(self._kept) >= self.size:
                        self._kept.clear()
                    self._kept[versioned] = found
        return found

"""What every request shares: the database it reads, opened for the request's own thread."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from fastapi import Request

from marsad.app import Marsad
from marsad.config import Settings
from marsad.errors import StoreError
from marsad.store.changes import Changes, Domain, file_identity


@contextmanager
def opened(request: Request) -> Iterator[Marsad]:
    """The app's database for this request. A SQLite connection belongs to one thread; a
    request's handler runs in one of the server's worker threads, and each thread keeps its
    connection open for its next requests (opening one, with its pragmas, and closing it, which
    may checkpoint the log, cost a third of a search's time). It is opened again when the file
    at the path is another one than it was opened on (the old one is closed), or when another
    Marsad moved the file to a newer schema; it is closed, not kept, after an error of the
    database or with a transaction left open. WAL lets these readers go on while an ingest
    writes."""
    settings: Settings = request.app.state.settings
    # One worker: the engine forks process pools, which a threaded server must not do.
    wanted = replace(settings, workers=1, cache_mb=min(settings.cache_mb, SERVER_CACHE_MB))
    kept: OrderedDict[Settings, tuple[tuple[int, int], Marsad]] = _THREAD.__dict__.setdefault(
        "kept", OrderedDict()
    )
    identity = _identity(wanted.db)
    held = kept.pop(wanted, None)
    marsad: Marsad | None = None
    if held is not None:
        if held[0] == identity and held[1].store.current():
            marsad = held[1]
        else:  # the file was replaced, removed or upgraded: its connection goes
            held[1].close()
    if marsad is None:
        marsad = Marsad(settings=wanted, create=False)
        identity = _identity(wanted.db)  # the file opened (a write may have made it)
    try:
        yield marsad
    except (StoreError, sqlite3.Error):
        marsad.close()
        raise
    except BaseException:  # the caller's (an unknown id, a bad cursor): the connection is sound
        _keep(kept, wanted, identity, marsad)
        raise
    _keep(kept, wanted, identity, marsad)


@contextmanager
def writing(request: Request) -> Iterator[Marsad]:
    """The app's database for one write (an ingest, an update of the links and events): a
    connection of its own with the configured page cache, closed after it."""
    settings: Settings = request.app.state.settings
    marsad = Marsad(settings=replace(settings, workers=1), create=False)
    try:
        yield marsad
    finally:
        marsad.close()


SERVER_CACHE_MB = 8
"""The page cache of each connection a server's thread keeps (the server has dozens)."""
_KEPT_PER_THREAD = 4  # databases a thread keeps a connection to (one, but in tests)
_THREAD = threading.local()


def _identity(db: str) -> tuple[int, int] | None:
    """The file the path names now (None when there is none)."""
    try:
        return file_identity(db)
    except OSError:
        return None


def _keep(
    kept: OrderedDict[Settings, tuple[tuple[int, int], Marsad]],
    settings: Settings,
    identity: tuple[int, int] | None,
    marsad: Marsad,
) -> None:
    """Keep ``marsad``, opened on the file ``identity``, for the thread's next request on
    ``settings`` when its connection is idle and the path still names that file, closing the
    least recent past ``_KEPT_PER_THREAD``; else close it."""
    if identity is None or identity != _identity(settings.db) or not marsad.store.idle():
        marsad.close()
        return
    old = kept.pop(settings, None)
    if old is not None and old[1] is not marsad:
        old[1].close()
    kept[settings] = (identity, marsad)
    while len(kept) > _KEPT_PER_THREAD:
        kept.popitem(last=False)[1][1].close()


def store_version(request: Request, domains: tuple[Domain, ...] = ()) -> tuple[int | bytes, ...]:
    """What changes whenever what a page shows changes: with ``domains``, the change counters
    of those parts of the store (``store.changes``; an ingest beside does not change the
    events' counter), else, or when the store has no counters, whenever anything is written
    to the database: the modification times and
    sizes of its file and of its write-ahead log (every commit appends to the log; a
    checkpoint writes the file), and the header of the log's index (``-shm``), which SQLite
    rewrites as each commit becomes visible (its change counter, last frame and salts; file
    times alone can miss two commits in one clock tick, and a log restarted after a checkpoint
    keeps its size). A page that is the same for every reader is kept per version."""
    db = request.app.state.settings.db
    changes: Changes | None = getattr(request.app.state, "changes", None)
    counted = changes.of(domains) if changes is not None and domains else None
    if counted is not None:
        return (hash(db), *counted)
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
    """What is the same for every reader of one store version (``store_version`` of
    ``domains``, the parts of the store it shows): computed once per key and version (the
    readers of that key wait for the one computing it; other keys do not), kept until those
    parts change, at most ``size`` keys, the least recently read dropped first."""

    size: int = 64
    domains: tuple[Domain, ...] = ()
    _kept: OrderedDict[_Key, T] = field(default_factory=OrderedDict)
    _busy: dict[_Key, threading.Lock] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, request: Request, key: Hashable, compute: Callable[[], T]) -> T:
        version = store_version(request, self.domains)
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
                # a write meanwhile (this one's or another's)
                current = store_version(request, self.domains)
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

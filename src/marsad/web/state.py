"""What every request shares: the database it reads, opened for the request's own thread."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from fastapi import Request

from marsad.app import Marsad
from marsad.config import Settings


@contextmanager
def opened(request: Request) -> Iterator[Marsad]:
    """The app's database, opened once for each thread that handles requests and kept for the
    next request that thread handles. A SQLite connection belongs to one thread; a request's
    handler runs in one (WAL lets readers go on while an ingest writes). Kept open, the
    connection keeps its page cache (valid until another connection writes) and saves an
    open, schema check and close per request. A request that fails closes it (nothing it left
    half done reaches the next); the connections go with the app (its ``threading.local``)."""
    kept: threading.local = request.app.state.connections
    settings: Settings = request.app.state.settings
    marsad: Marsad | None = getattr(kept, "marsad", None)
    file = _file_id(settings.db)
    if marsad is not None and getattr(kept, "file", None) != file:
        marsad.close()  # the file was replaced (removed and made again): open the new one
        marsad = kept.marsad = None
    if marsad is None:
        # One worker: the engine forks process pools, which a threaded server must not do.
        marsad = Marsad(settings=replace(settings, workers=1), create=False)
        kept.marsad, kept.file = marsad, file
    try:
        yield marsad
    except BaseException:
        kept.marsad = None  # whatever it left half done goes with it
        marsad.close()
        raise


def _file_id(path: str) -> tuple[int, int] | None:
    """Which file ``path`` names now (device and inode), None when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


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

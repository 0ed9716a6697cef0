"""What every request shares: the database it reads, opened for the request's own thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from marsad.app import Marsad
from marsad.config import Settings


@contextmanager
def opened(request: Request) -> Iterator[Marsad]:
    """The app's database, opened for this request and closed after it. A SQLite connection
    belongs to one thread; a request's handler runs in one, so each opens its own (WAL lets
    readers go on while an ingest writes)."""
    settings: Settings = request.app.state.settings
    marsad = Marsad(settings=settings, create=False)
    try:
        yield marsad
    finally:
        marsad.close()

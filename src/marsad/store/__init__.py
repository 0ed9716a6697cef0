"""Storage: SQLite by default (WAL, migrations, FTS5), behind the ``Store`` interface."""

from pathlib import Path

from marsad.config import BUSY_TIMEOUT
from marsad.store.protocol import Store
from marsad.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path, busy_timeout: float = BUSY_TIMEOUT, cache_mb: int = 64) -> Store:
    """Open (or create) the store at ``path``: one SQLite file (``cache_mb``: its page cache)."""
    return SQLiteStore(path, busy_timeout, cache_mb)

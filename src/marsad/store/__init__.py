"""Storage: SQLite by default (WAL, migrations, FTS5)."""

from marsad.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore"]

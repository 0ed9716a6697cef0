"""The page size: a new database gets Marsad's, an existing one keeps its own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad.store import SQLiteStore
from marsad.store.connection import PAGE_SIZE


def _page_size(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA page_size").fetchone()[0])


def test_store_new_database_has_large_pages(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    assert PAGE_SIZE > 4096
    assert _page_size(path) == PAGE_SIZE


def test_store_existing_database_keeps_its_page_size(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:  # as an earlier release created it
        db.execute("PRAGMA page_size=4096")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE kept (x)")
    db.close()
    store = SQLiteStore(path)
    store.close()
    assert _page_size(path) == 4096
    with sqlite3.connect(path) as db:  # migrated in place, its table still there
        assert db.execute("SELECT count(*) FROM kept").fetchone()[0] == 0

"""One write transaction on a connection opened with ``isolation_level=None``."""

from __future__ import annotations

import sqlite3


class Transaction:
    """``with Transaction(db):`` — BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")

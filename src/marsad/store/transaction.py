"""One write transaction on a connection opened with ``isolation_level=None``."""

from __future__ import annotations

import contextlib
import sqlite3

from marsad.errors import StoreError
from marsad.store.connection import execute_waiting


class Transaction:
    """``with Transaction(db):`` — BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error.

    BEGIN IMMEDIATE takes the write lock before anything is written, so the body never meets a
    lock half-way; when another process holds it, BEGIN (and COMMIT) wait and retry with backoff
    up to the connection's busy timeout (``marsad.store.connection.execute_waiting``).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        execute_waiting(self.db, "BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            self._rollback()
            return
        try:
            execute_waiting(self.db, "COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Undo what is left of the transaction. SQLite may have rolled it back already (a full
        disk, an I/O error), and a failing ROLLBACK must not hide the error that led here."""
        if not self.db.in_transaction:
            return
        with contextlib.suppress(sqlite3.Error, StoreError):
            self.db.execute("ROLLBACK")

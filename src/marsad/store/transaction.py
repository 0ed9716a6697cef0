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
    up to the connection's busy timeout (``marsad.store.connection.execute_waiting``). With
    ``wait=False`` they do not wait: a lock held elsewhere is a ``StoreLockedError`` at once
    (for a reader's optional write, which a later call can make).
    """

    def __init__(self, db: sqlite3.Connection, wait: bool = True) -> None:
        self.db = db
        self.wait = wait
        self._waits = 0.0

    def __enter__(self) -> None:
        if not self.wait:
            self._waits = float(getattr(self.db, "busy_timeout", 0.0))
            self._set_timeout(0.0)
        try:
            execute_waiting(self.db, "BEGIN IMMEDIATE")
        except BaseException:
            self._restore()
            raise

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is not None:
                self._rollback()
                return
            try:
                execute_waiting(self.db, "COMMIT")
            except BaseException:
                self._rollback()
                raise
        finally:
            self._restore()

    def _set_timeout(self, seconds: float) -> None:
        setattr(self.db, "busy_timeout", seconds)  # noqa: B010 - a plain sqlite3 connection has none
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def _restore(self) -> None:
        if not self.wait:
            self._set_timeout(self._waits)

    def _rollback(self) -> None:
        """Undo what is left of the transaction. SQLite may have rolled it back already (a full
        disk, an I/O error), and a failing ROLLBACK must not hide the error that led here."""
        if not self.db.in_transaction:
            return
        with contextlib.suppress(sqlite3.Error, StoreError):
            self.db.execute("ROLLBACK")


class Snapshot:
    """``with Snapshot(db):`` — reads that all see one state of the database: a deferred BEGIN
    (in WAL mode the first read fixes what the others see, and no lock is taken), then COMMIT.
    Inside a transaction already, it adds nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._opened = False

    def __enter__(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self._opened = True

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._opened and self.db.in_transaction:
            with contextlib.suppress(sqlite3.Error, StoreError):
                self.db.execute("COMMIT")
        self._opened = False

"""Opening Marsad's SQLite file: pragmas, the busy timeout, and SQLite's errors as StoreErrors.

Every statement of the store runs through ``Connection`` and ``Cursor`` below, so a database
that is locked, read-only, full or damaged surfaces as a ``StoreError`` subclass that names the
file and says what to do, wherever in the store it happens. Errors that are the caller's (a bad
full-text query, a constraint) pass through unchanged.

Waiting for another writer: SQLite's busy handler waits up to ``busy_timeout`` seconds for each
statement; ``execute_waiting`` (used for BEGIN IMMEDIATE and COMMIT) also retries, with
exponential backoff and jitter, the attempts that SQLite gives up on early, until
``busy_timeout`` seconds have passed since the first attempt. Readers never wait: in WAL mode
they read the last committed state while a writer works.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path
from typing import Any, NoReturn, Self

from marsad.config import BUSY_TIMEOUT
from marsad.errors import (
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreReadOnlyError,
)

_PRAGMAS = ("PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON")
PAGE_SIZE = 16_384
"""Bytes per page of a database this creates (an existing file keeps its own). An article is a
few kilobytes of text, twice (as written and normalized): on SQLite's default 4,096-byte pages
most spill onto chains of overflow pages, and each page is one write to the log and another to
the file (``docs/ingest.md`` has the measurement)."""
_FIRST_DELAY, _MAX_DELAY = 0.05, 1.0  # seconds between attempts: doubling, with jitter

# SQLite's primary result codes (https://sqlite.org/rescode.html) that are about the file.
_PERM, _BUSY, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 5, 8, 10, 11, 13, 14, 26
_BY_MESSAGE = (  # for errors raised without a code (by Python code, or by tests)
    ("database is locked", _BUSY),
    ("readonly database", _READONLY),
    ("disk is full", _FULL),
    ("malformed", _CORRUPT),
    ("not a database", _NOTADB),
    ("disk i/o error", _IOERR),
    ("unable to open database", _CANTOPEN),
)


class Connection(sqlite3.Connection):
    """A connection that knows its file and busy timeout, and whose errors say what to do."""

    path: Path
    busy_timeout: float

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
        return self.cursor(Cursor).execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> Cursor:
        return self.cursor(Cursor).executemany(sql, parameters)


class Cursor(sqlite3.Cursor):
    """A cursor whose errors about the database file become ``StoreError`` subclasses."""

    def execute(self, sql: str, parameters: Any = (), /) -> Self:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            _reraise(exc, self.connection)

    def executemany(self, sql: str, parameters: Any, /) -> Self:
        try:
            return super().executemany(sql, parameters)
        except sqlite3.Error as exc:
            _reraise(exc, self.connection)

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            _reraise(exc, self.connection)

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size)
        except sqlite3.Error as exc:
            _reraise(exc, self.connection)

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            _reraise(exc, self.connection)

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as exc:
            _reraise(exc, self.connection)


def connect(path: Path, busy_timeout: float = BUSY_TIMEOUT, cache_mb: int = 64) -> Connection:
    """Open (creating it if needed) the database at ``path`` in WAL mode, with a page cache of
    at most ``cache_mb`` MiB.

    >>> import tempfile
    >>> db = connect(Path(tempfile.mkdtemp()) / "news.db", busy_timeout=5)
    >>> db.execute("PRAGMA journal_mode").fetchone()[0], db.busy_timeout
    ('wal', 5)
    """
    _check_location(path)
    try:
        db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, factory=Connection)
    except sqlite3.Error as exc:
        error = store_error(exc, path, busy_timeout)
        if error is None:
            raise
        raise error from exc
    db.path, db.busy_timeout = path, busy_timeout
    try:
        db.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before the first write; else no effect
        execute_waiting(db, "PRAGMA journal_mode=WAL")  # takes the lock when it converts a file
        for pragma in (*_PRAGMAS, f"PRAGMA cache_size=-{int(cache_mb) * 1024}"):
            db.execute(pragma)
    except StoreCorruptError as exc:  # the first read of the file: its header is not SQLite's
        db.close()
        raise StoreCorruptError(corrupt_message(path, exc.__cause__, opening=True)) from exc
    except BaseException:
        db.close()
        raise
    return db


def execute_waiting(db: sqlite3.Connection, sql: str) -> None:
    """Run ``sql``; while another process holds the lock, retry with backoff until the
    connection's busy timeout has passed since the first attempt, then raise
    ``StoreLockedError``."""
    path = getattr(db, "path", Path("the database"))
    timeout = float(getattr(db, "busy_timeout", BUSY_TIMEOUT))
    start = time.monotonic()
    delay = _FIRST_DELAY
    shortened = False
    try:
        while True:
            try:
                db.execute(sql)
                return
            except (StoreLockedError, sqlite3.OperationalError) as exc:
                if not isinstance(exc, StoreLockedError) and _primary_code(exc) != _BUSY:
                    raise
                waited = time.monotonic() - start
                if waited >= timeout:
                    raise StoreLockedError(locked_message(path, waited)) from exc
                time.sleep(min(delay * random.uniform(0.5, 1.0), timeout - waited))
                delay = min(delay * 2, _MAX_DELAY)
                # The next attempt's busy handler waits no longer than what is left.
                left = max(timeout - (time.monotonic() - start), 0.0)
                db.execute(f"PRAGMA busy_timeout = {int(left * 1000)}")
                shortened = True
    finally:
        if shortened:
            db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


def store_error(exc: sqlite3.Error, path: Path, busy_timeout: float) -> StoreError | None:
    """The ``StoreError`` saying what ``exc`` means for the database at ``path`` and what to do,
    or None when the error is not about the database file (a bad query, a constraint)."""
    code = _primary_code(exc)
    folder = _folder(path)
    if code == _BUSY:
        return StoreLockedError(locked_message(path, busy_timeout))
    if code in (_READONLY, _PERM):
        return StoreReadOnlyError(
            f"database {path} is read-only ({exc}): make the file and its folder {folder} "
            f"writable (SQLite writes {path.name}-wal and {path.name}-shm beside it), "
            "or pass another --db"
        )
    if code == _FULL:
        return StoreFullError(
            f"no room left to write database {path} ({exc}): free space on its disk and run "
            "the command again; what was stored before is kept"
        )
    if code in (_CORRUPT, _NOTADB):
        return StoreCorruptError(corrupt_message(path, exc))
    if code == _IOERR:
        return StoreError(
            f"disk I/O error on database {path} ({exc}): check that its disk is healthy and has "
            "free space, then run the command again"
        )
    if code == _CANTOPEN:
        return StoreError(
            f"cannot open database {path} ({exc}): check that the file and its folder {folder} "
            "exist and that you may read and write them"
        )
    return None


def locked_message(path: Path, waited: float) -> str:
    return (
        f"database {path} is locked by another process (waited {waited:.1f} s for its write "
        "lock): run the command again when that process is done, or wait longer with "
        "MARSAD_BUSY_TIMEOUT=SECONDS"
    )


def corrupt_message(path: Path, cause: BaseException | None, opening: bool = False) -> str:
    what = f"cannot open database {path}: it is" if opening else f"database {path} is"
    return (
        f"{what} damaged or is not a SQLite file ({cause}): pass another --db to start a new "
        f"one, or restore it from a backup ('sqlite3 {path} .recover' saves what is still "
        "readable)"
    )


def _reraise(exc: sqlite3.Error, db: sqlite3.Connection) -> NoReturn:
    path = getattr(db, "path", Path("the database"))
    error = store_error(exc, path, float(getattr(db, "busy_timeout", BUSY_TIMEOUT)))
    if error is None:
        raise exc
    raise error from exc


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # extended codes keep the primary code in their low byte
    text = str(exc).lower()
    return next((value for needle, value in _BY_MESSAGE if needle in text), None)


def _check_location(path: Path) -> None:
    """Say which folder is missing, where SQLite would only say 'unable to open database file'."""
    folder = _folder(path)
    if not folder.exists():
        raise StoreError(
            f"cannot create database {path}: the folder {folder} does not exist; create it "
            f"(mkdir -p {folder}) or pass another --db"
        )
    if not folder.is_dir():
        raise StoreError(f"cannot create database {path}: {folder} is a file, not a folder")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file: pass a file name with --db")


def _folder(path: Path) -> Path:
    return Path(os.path.abspath(path)).parent

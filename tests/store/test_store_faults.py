"""Issue 10, item 4 at the store: a locked, read-only, full, damaged or misplaced database is a
``StoreError`` subclass that names the file and says what to do, within the stated busy timeout."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from marsad.errors import (
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreLockedError,
    StoreReadOnlyError,
)
from marsad.models import Rejection, RejectReason
from marsad.store import SQLiteStore
from marsad.store.connection import store_error
from tests.store.faults import (
    corrupt_header,
    corrupt_table,
    documents,
    run_unprivileged,
    write_lock_held,
)


def _store(path: Path, busy_timeout: float = 30.0) -> SQLiteStore:
    store = SQLiteStore(path, busy_timeout)
    store.add_documents(documents(3))
    return store


def _reject(store: SQLiteStore, origin: str) -> None:
    store.add_rejections([Rejection(origin, RejectReason.EMPTY, "test", 0)])


# -- locked -----------------------------------------------------------------------------------


def test_store_writer_waits_for_the_lock_then_writes(tmp_path: Path) -> None:
    store = _store(tmp_path / "wait.db", busy_timeout=30)
    with write_lock_held(store.path, seconds=1.0) as holder:
        started = time.monotonic()
        _reject(store, "after the holder")
        waited = time.monotonic() - started
        assert holder.wait(timeout=30) == 0
    assert 0.5 < waited < 20
    assert {r.origin for r in store.rejections()} == {"holder", "after the holder"}


def test_store_writer_gives_up_after_the_busy_timeout(tmp_path: Path) -> None:
    store = _store(tmp_path / "locked.db", busy_timeout=0.5)
    with write_lock_held(store.path, seconds=60):
        started = time.monotonic()
        with pytest.raises(StoreLockedError) as caught:
            _reject(store, "never")
        waited = time.monotonic() - started
    assert 0.4 < waited < 5
    message = str(caught.value)
    assert "is locked by another process" in message and "MARSAD_BUSY_TIMEOUT" in message
    assert str(store.path) in message and "\n" not in message
    assert not store.db.in_transaction
    _reject(store, "once the holder is gone")  # the store is still usable


def test_store_retries_with_backoff_when_sqlite_gives_up_early(tmp_path: Path) -> None:
    store = _store(tmp_path / "retry.db", busy_timeout=20)
    store.db.execute("PRAGMA busy_timeout = 0")  # SQLite reports "locked" at once: we retry
    with write_lock_held(store.path, seconds=1.0) as holder:
        _reject(store, "retried")
        assert holder.wait(timeout=30) == 0
    assert "retried" in {r.origin for r in store.rejections()}
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 20_000  # restored


def test_store_readers_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "read.db"
    _store(path).close()
    with write_lock_held(path, seconds=60):
        started = time.monotonic()
        reader = SQLiteStore(path, busy_timeout=30)
        assert reader.counts()["documents"] == 3
        assert len(list(reader.pending_documents())) == 1
        assert time.monotonic() - started < 3


def test_store_connections_creating_one_database_at_once_all_succeed(tmp_path: Path) -> None:
    """Each opener reads the schema version again once it holds the lock: a second migration
    of a fresh file failed with 'table documents already exists'."""
    path = tmp_path / "race.db"
    start = threading.Barrier(6)
    failures: list[StoreError] = []

    def open_and_write(n: int) -> None:
        start.wait(timeout=30)
        try:
            store = SQLiteStore(path)
            store.add_documents(documents(5, start=10 * n))
            store.close()
        except StoreError as exc:
            failures.append(exc)

    threads = [threading.Thread(target=open_and_write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert SQLiteStore(path).counts()["documents"] == 30


# -- read-only, full, damaged, misplaced ------------------------------------------------------

_WRITE = (
    "import sys; from marsad.errors import StoreError; from marsad.models import Rejection, "
    "RejectReason; from marsad.store import SQLiteStore\n"
    "try:\n"
    "    s = SQLiteStore(sys.argv[1]); print('read', s.counts()['documents'])\n"
    "    s.add_rejections([Rejection('x', RejectReason.EMPTY, 'd', 0)])\n"
    "except StoreError as e:\n"
    "    print(type(e).__name__, e)\n"
)


@pytest.mark.parametrize("locked_down", ["file", "folder"])
def test_store_read_only_database_says_so(tmp_path: Path, locked_down: str) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "news.db"
    _store(path).close()
    (path.chmod if locked_down == "file" else folder.chmod)(0o555)
    try:
        result = run_unprivileged(_WRITE, str(path), cwd=tmp_path)
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    if locked_down == "file":
        assert lines[0] == "read 3"  # reading still works
    assert lines[-1].startswith("StoreReadOnlyError database ")
    assert "is read-only" in lines[-1] and str(folder) in lines[-1]


def test_store_query_only_connection_is_a_read_only_error(tmp_path: Path) -> None:
    store = _store(tmp_path / "q.db")
    store.db.execute("PRAGMA query_only = 1")
    with pytest.raises(StoreReadOnlyError, match="is read-only"):
        store.add_documents(documents(1, start=100))
    assert not store.db.in_transaction


def test_store_full_disk_keeps_what_was_stored(tmp_path: Path) -> None:
    store = _store(tmp_path / "full.db")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(StoreFullError, match=r"no room left to write database .*free space"):
        store.add_documents(documents(30, start=10, words=2000))
    assert not store.db.in_transaction
    assert store.counts()["documents"] == 3  # the failed batch left nothing half-written
    store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    store.add_documents(documents(30, start=10, words=2000))
    assert store.counts()["documents"] == 33


def test_store_damaged_page_is_a_corrupt_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    _store(path).close()
    corrupt_table(path, "documents")
    store = SQLiteStore(path)  # the header and schema are intact: it opens
    with pytest.raises(StoreCorruptError, match=r"is damaged .*backup"):
        store.document(documents(1)[0].doc_id)
    with pytest.raises(StoreCorruptError):
        store.add_documents(documents(1, start=50))
    assert not store.db.in_transaction


def test_store_damaged_header_fails_to_open_with_a_corrupt_error(tmp_path: Path) -> None:
    path = tmp_path / "header.db"
    _store(path).close()
    corrupt_header(path)
    with pytest.raises(StoreCorruptError, match="not a SQLite file"):
        SQLiteStore(path)


def test_store_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "news.db"
    with pytest.raises(StoreError, match=f"the folder {tmp_path / 'no' / 'such'} does not exist"):
        SQLiteStore(path)
    assert not (tmp_path / "no").exists()


def test_store_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a database file"):
        SQLiteStore(tmp_path)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.OperationalError("database or disk is full"), StoreFullError),
        (sqlite3.OperationalError("database is locked"), StoreLockedError),
        (sqlite3.OperationalError("attempt to write a readonly database"), StoreReadOnlyError),
        (sqlite3.DatabaseError("database disk image is malformed"), StoreCorruptError),
        (sqlite3.DatabaseError("file is not a database"), StoreCorruptError),
        (sqlite3.OperationalError("disk I/O error"), StoreError),
        (sqlite3.OperationalError("unable to open database file"), StoreError),
    ],
)
def test_store_error_translates_sqlite_errors_without_a_code(
    error: sqlite3.Error, expected: type[StoreError]
) -> None:
    translated = store_error(error, Path("/data/news.db"), 30)
    assert type(translated) is expected
    assert "/data/news.db" in str(translated)


def test_store_error_leaves_the_callers_errors_alone() -> None:
    assert store_error(sqlite3.OperationalError("fts5: syntax error"), Path("x.db"), 30) is None
    assert store_error(sqlite3.IntegrityError("UNIQUE constraint failed"), Path("x.db"), 30) is None

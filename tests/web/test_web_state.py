"""Pages kept per store version (``web/state.py``): a write makes a new version, keys do not
wait for one another, and old versions are dropped."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from marsad.web.state import PerVersion, store_version


def _request(db: Path) -> Any:
    return SimpleNamespace(
        app=SimpleNamespace(state=SimpleNamespace(settings=SimpleNamespace(db=str(db))))
    )


def _store(tmp_path: Path) -> tuple[Path, sqlite3.Connection]:
    db = tmp_path / "v.db"
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x)")
    return db, con


def test_every_commit_makes_a_new_version(tmp_path: Path) -> None:
    db, con = _store(tmp_path)
    request = _request(db)
    seen = {store_version(request)}
    for n in range(50):  # commits in quick succession, some in one clock tick
        con.execute("INSERT INTO t VALUES (?)", (n,))
        seen.add(store_version(request))
    assert len(seen) == 51
    assert store_version(request) == store_version(request)  # no write, no new version


def test_a_value_is_computed_once_per_version_and_dropped_after_a_write(tmp_path: Path) -> None:
    db, con = _store(tmp_path)
    request = _request(db)
    kept: PerVersion[int] = PerVersion()
    calls: list[str] = []

    def compute(name: str) -> int:
        calls.append(name)
        return len(calls)

    assert kept.get(request, "a", lambda: compute("a")) == 1
    assert kept.get(request, "a", lambda: compute("a")) == 1
    con.execute("INSERT INTO t VALUES (1)")
    assert kept.get(request, "a", lambda: compute("a")) == 2
    assert len(kept._kept) == 1  # the first version is gone


def test_a_slow_key_does_not_hold_up_another(tmp_path: Path) -> None:
    db, _ = _store(tmp_path)
    request = _request(db)
    kept: PerVersion[str] = PerVersion()
    started = threading.Event()

    def slow() -> str:
        started.set()
        time.sleep(1.0)
        return "slow"

    worker = threading.Thread(target=lambda: kept.get(request, "slow", slow))
    worker.start()
    started.wait(5)
    begun = time.perf_counter()
    assert kept.get(request, "fast", lambda: "fast") == "fast"
    assert time.perf_counter() - begun < 0.5
    worker.join()
    assert kept.get(request, "slow", lambda: "again") == "slow"


def test_at_most_size_keys_are_kept(tmp_path: Path) -> None:
    db, _ = _store(tmp_path)
    request = _request(db)
    kept: PerVersion[int] = PerVersion(size=3)
    for n in range(5):
        kept.get(request, n, lambda n=n: n)
    assert [k[0] for k in kept._kept] == [2, 3, 4]


def test_a_failed_computation_is_not_kept_and_the_next_reader_computes(tmp_path: Path) -> None:
    db, _ = _store(tmp_path)
    request = _request(db)
    kept: PerVersion[str] = PerVersion()

    def fail() -> str:
        raise RuntimeError("the store went away")

    try:
        kept.get(request, "page", fail)
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the error was swallowed")
    assert kept.get(request, "page", lambda: "page") == "page"
    assert not kept._busy

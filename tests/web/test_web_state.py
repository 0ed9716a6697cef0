"""Pages kept per store version (``web/state.py``): a write makes a new version, keys do not
wait for one another, and old versions are dropped."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.app import Marsad
from marsad.config import load_settings
from marsad.web import create_app, pages
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


def test_a_storyline_page_stays_kept_while_an_ingest_adds_articles(
    web_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows events, links and names: an ingest beside writes none of them, so the
    page is not made again at every commit of the ingest, only once the events change."""
    db = tmp_path / "copy.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    made: list[str] = []
    make = pages._story

    def counted(request: Any, story_id: str) -> bytes:
        made.append(story_id)
        return make(request, story_id)

    monkeypatch.setattr(pages, "_story", counted)
    with TestClient(create_app(load_settings(db=str(db))), base_url="http://127.0.0.1") as client:
        story = client.get("/api/stories?limit=1").json()["items"][0]["id"]
        first = client.get(f"/stories/{story}")
        assert first.status_code == 200 and made == [story]
        counted_before = _articles_shown(client.get("/").text)
        new = tmp_path / "new.txt"
        new.write_text(
            "معرض الكتاب\n\n" + "افتتح معرض الكتاب في الرياض يوم الأحد بحضور الناشرين.\n\n" * 3,
            encoding="utf-8",
        )
        with Marsad(db) as marsad:
            marsad.ingest([new])
            assert client.get(f"/stories/{story}").content == first.content
            assert made == [story]  # kept: the ingest wrote no event
            # the front page counts the articles: made again with the new count
            assert _articles_shown(client.get("/").text) == counted_before + 1
            marsad.update_events()
        client.get(f"/stories/{story}")
        assert made == [story, story]  # the events were written again: made again


def _articles_shown(page: str) -> int:
    return int(re.search(r'class="counts">(\d+) تقرير', page).group(1))  # type: ignore[union-attr]


def test_a_thread_keeps_its_connection_and_closes_what_it_cannot_keep(
    web_db: Path, tmp_path: Path
) -> None:
    """A worker thread keeps its connection between requests; it closes the one a database
    error happened on, and the one to a file that was replaced, and opens another."""
    from marsad.errors import NotFoundError, StoreError
    from marsad.web.state import opened

    db = tmp_path / "kept.db"
    with sqlite3.connect(web_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    settings = load_settings(db=str(db))
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(settings=settings)))
    closed: list[object] = []
    seen: list[object] = []

    def requests() -> None:  # in a thread of its own, as a server's worker runs them
        with opened(request) as first:  # type: ignore[arg-type]
            seen.append(first)
        with opened(request) as second:  # type: ignore[arg-type]
            seen.append(second)
        with pytest.raises(NotFoundError), opened(request) as third:  # type: ignore[arg-type]
            seen.append(third)
            third.storyline("no-such-storyline")
        with pytest.raises(StoreError), opened(request) as failing:  # type: ignore[arg-type]
            seen.append(failing)
            failing.close = lambda: closed.append(failing) or Marsad.close(failing)  # type: ignore[method-assign]
            raise StoreError("the database failed")
        with opened(request) as after:  # type: ignore[arg-type]
            seen.append(after)
            after.close = lambda: closed.append(after) or Marsad.close(after)  # type: ignore[method-assign]
        replacement = tmp_path / "other.db"
        with sqlite3.connect(web_db) as source, sqlite3.connect(replacement) as target:
            source.backup(target)
        replacement.replace(db)
        with opened(request) as replaced:  # type: ignore[arg-type]
            seen.append(replaced)
            during = tmp_path / "during.db"  # the file replaced while a request reads it
            with sqlite3.connect(web_db) as source, sqlite3.connect(during) as target:
                source.backup(target)
            during.replace(db)
        with opened(request) as after_swap:  # type: ignore[arg-type]
            seen.append(after_swap)
            after_swap.store.db.execute("BEGIN")  # type: ignore[attr-defined]
        with opened(request) as fresh:  # type: ignore[arg-type]
            seen.append(fresh)
            assert fresh.store.idle()
        fresh.close()

    thread = threading.Thread(target=requests)
    thread.start()
    thread.join()
    first, second, third, failing, after, replaced, after_swap, fresh = seen
    assert first is second is third  # kept, also after an unknown id (the caller's error)
    assert failing is first and after is not failing  # a database error: not kept
    assert replaced is not after and closed == [failing, after]  # the replaced file's closed
    assert after_swap is not replaced  # the file was replaced under it: not kept
    assert fresh is not after_swap  # a transaction was left open: not kept

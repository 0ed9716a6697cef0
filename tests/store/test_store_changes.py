"""The change counters of a store's parts (``store/changes.py``): an ingest moves the
articles' counter and no other; organizing moves the events' and the links'; reading names
moves the mentions' and the entities'; a file without counters gives None, so that a reader
falls back to the file's own version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.app import Marsad
from marsad.store.changes import DOMAINS, Changes
from tests.conftest import SEEDS, require

_NEW = "افتتح معرض الكتاب في الرياض يوم الأحد بحضور عدد من الناشرين العرب والأجانب.\n\n" * 3


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(SEEDS)
    db = tmp_path_factory.mktemp("changes") / "c.db"
    with Marsad(db) as marsad:
        marsad.ingest([SEEDS])
    return db


def _copy(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as old, sqlite3.connect(target) as new:
        old.backup(new)
    return target


def _counters(changes: Changes) -> dict[str, int]:
    found = changes.of(DOMAINS)
    assert found is not None
    return dict(zip(DOMAINS, found[2:], strict=True))  # after the file's identity


def test_each_stage_moves_the_counters_of_what_it_writes(seeded: Path, tmp_path: Path) -> None:
    db = _copy(seeded, tmp_path / "copy.db")
    changes = Changes(db)
    start = _counters(changes)
    assert start["articles"] > 0
    with Marsad(db) as marsad:
        marsad.update_events()
        organized = _counters(changes)
        moved = {d for d in DOMAINS if organized[d] != start[d]}
        assert {"events", "links", "groups"} <= moved and "mentions" not in moved
        marsad.update_entities()
        named = _counters(changes)
        assert {d for d in DOMAINS if named[d] != organized[d]} == {"mentions", "entities"}
        marsad.store.entities.recount()  # nothing moved: no change counted
        assert _counters(changes) == named
        new = tmp_path / "new.txt"
        new.write_text(f"معرض الكتاب\n\n{_NEW}", encoding="utf-8")
        marsad.ingest([new])
        ingested = _counters(changes)
        assert {d for d in DOMAINS if ingested[d] != named[d]} == {"articles"}
    assert changes.of(("events",)) == (*changes.of(())[:2], ingested["events"])  # type: ignore[index]


def test_a_file_without_counters_or_without_a_file_gives_none(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as con:
        con.execute("CREATE TABLE articles (id TEXT)")
    assert Changes(plain).of(("articles",)) is None
    assert Changes(tmp_path / "missing.db").of(("articles",)) is None


def test_a_store_replaced_in_place_is_another_version(seeded: Path, tmp_path: Path) -> None:
    """Two files can count the same changes: the version names the file too."""
    db = _copy(seeded, tmp_path / "swap.db")
    changes = Changes(db)
    before = changes.of(DOMAINS)
    replacement = _copy(seeded, tmp_path / "other.db")
    replacement.replace(db)
    after = changes.of(DOMAINS)
    assert before is not None and after is not None
    assert before[2:] == after[2:] and before != after

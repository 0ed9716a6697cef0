"""Issue 12: the reuse index's postings are read a list at a time, and a value found held by
more than ``max_df`` articles is recorded and not read again (counts only grow while the
index is kept), with the same answer as reading each value's postings alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from marsad.store import SQLiteStore
from marsad.store.records import IndexedText


def _index(store: SQLiteStore, postings: dict[str, list[int]]) -> None:
    store.reuse.save(
        [
            IndexedText(i, np.array(v, dtype=np.uint64), np.array(v, dtype=np.uint64))
            for i, v in postings.items()
        ],
        [],
    )


def _alone(db: sqlite3.Connection, values: list[int], max_df: int) -> dict[str, int]:
    """Each value's postings read alone (at most ``max_df + 1``): what the lookup must equal."""
    found: dict[str, int] = {}
    for value in values:
        rows = db.execute(
            "SELECT article_id FROM reuse_fingerprints WHERE fp = ? LIMIT ?", (value, max_df + 1)
        ).fetchall()
        if len(rows) <= max_df:
            for (article_id,) in rows:
                found[article_id] = found.get(article_id, 0) + 1
    return found


def test_common_values_are_left_out_recorded_and_not_read_again(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "p.db")
    # value 7 is held by 6 articles, 8 by 2, 9 by 1; values past 2**63 are stored signed
    big = 2**64 - 5
    _index(store, {f"a{k}": [7] for k in range(4)} | {"b0": [7, 8, big], "b1": [7, 8]})
    asked = np.array([7, 8, big, 11], dtype=np.uint64)
    signed = np.unique(asked).view(np.int64).tolist()
    found = store.reuse.matches(asked, max_df=3)
    assert found == {"b0": 2, "b1": 1} == _alone(store.db, signed, 3)
    recorded = store.db.execute("SELECT tab, fp, postings FROM reuse_common").fetchall()
    assert recorded == [("reuse_fingerprints", 7, 6)]

    # a recorded value is not read again: its postings are never fetched
    trace: list[str] = []
    store.db.set_trace_callback(trace.append)
    assert store.reuse.matches(asked, max_df=3) == found
    store.db.set_trace_callback(None)
    reads = [sql for sql in trace if "FROM reuse_fingerprints" in sql]  # values bound
    assert reads == ["SELECT fp, article_id FROM reuse_fingerprints WHERE fp IN (8, 11, -5)"]
    # a larger max_df than the recorded count reads it again
    assert store.reuse.matches(asked, max_df=10) == _alone(store.db, signed, 10)
    assert store.reuse.matches(asked, max_df=10)["a0"] == 1

    # the record survives a new connection, and goes with the index: another connection's
    # rebuild is seen at once (nothing is kept in memory between lookups)
    again = SQLiteStore(tmp_path / "p.db")
    assert again.reuse.matches(asked, max_df=3) == found
    again.reuse.clear()
    assert again.db.execute("SELECT count(*) FROM reuse_common").fetchone()[0] == 0
    _index(again, {"c0": [7], "c1": [7]})
    assert store.reuse.matches(asked, max_df=3) == {"c0": 1, "c1": 1}

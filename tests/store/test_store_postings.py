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


def test_a_store_of_schema_17_keeps_its_postings_in_the_keyed_table(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = SQLiteStore(path)
    _index(store, {"a": [3, 5], "b": [5, 2**64 - 1]})
    before = sorted(store.db.execute("SELECT fp, article_id FROM reuse_fingerprints"))
    store.close()
    con = sqlite3.connect(path)  # the table as schema 17 had it: rows, and an index on fp
    con.executescript(
        "CREATE TABLE old (fp INTEGER NOT NULL, article_id TEXT NOT NULL);"
        "INSERT INTO old SELECT fp, article_id FROM reuse_fingerprints;"
        "DROP TABLE reuse_fingerprints; ALTER TABLE old RENAME TO reuse_fingerprints;"
        "CREATE INDEX reuse_fingerprints_fp ON reuse_fingerprints(fp);"
        "DROP INDEX articles_provenance; PRAGMA user_version = 17;"
    )
    con.close()
    store = SQLiteStore(path)
    assert sorted(store.db.execute("SELECT fp, article_id FROM reuse_fingerprints")) == before
    plan = store.db.execute(
        "EXPLAIN QUERY PLAN SELECT fp, article_id FROM reuse_fingerprints WHERE fp IN (3, 5)"
    ).fetchall()
    assert "PRIMARY KEY" in plan[0][3]  # from the keyed b-tree alone, no row beside it
    assert store.reuse.matches(np.array([5], dtype=np.uint64), max_df=5) == {"a": 1, "b": 1}


def test_outlet_reads_stay_in_the_covering_index(tmp_path: Path) -> None:
    """An article's outlet comes after its body in the table: the reads that want only the
    outlet must not touch the table's rows."""
    store = SQLiteStore(tmp_path / "p.db")
    _index(store, {"a": [1], "b": [1]})
    trace: list[str] = []
    store.db.set_trace_callback(trace.append)
    store.reuse.outlets(["x", "y"])
    store.reuse.common_fingerprints([1, 2], 2)
    list(store.reuse.stream())
    store.db.set_trace_callback(None)
    reads = [sql for sql in trace if "articles" in sql and sql.startswith("SELECT")]
    assert len(reads) == 3
    for sql in reads:
        plan = " | ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX articles_provenance" in plan, plan

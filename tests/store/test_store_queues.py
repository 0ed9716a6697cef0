"""Issue 12: what is new is found through queues (documents not yet processed, articles not
yet in the reuse index), not by testing everything stored; a store of the previous schema
gets its queues filled from what it holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad import Marsad
from marsad.config import Settings
from marsad.store import SQLiteStore
from marsad.store.schema import MIGRATIONS
from tests.store.faults import documents


def _plan(store: SQLiteStore, sql: str) -> str:
    return " | ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql))


def test_store_queues_drain_and_refill(tmp_path: Path, seeds: Path) -> None:
    with Marsad(tmp_path / "q.db", Settings(workers=1)) as m:
        m.ingest([str(seeds)])
        queued = {a.id for a in m.articles()}
        assert {x.id for x in m.store.reuse.unlinked()} == queued
        assert list(m.store.pending_documents()) == []  # all processed
        m.update_reuse()
        assert m.store.reuse.unlinked() == []
        assert m.store.db.execute("SELECT count(*) FROM reuse_queue").fetchone()[0] == 0
        m.store.reuse.clear()  # rebuild: every article is new to the index again
        assert {x.id for x in m.store.reuse.unlinked()} == queued
        m.update_reuse()
        assert m.store.reuse.unlinked() == []


def test_store_queues_are_read_first(tmp_path: Path) -> None:
    """The queries that find new work start from the queue (its size), not from the stored
    articles or documents (theirs)."""
    store = SQLiteStore(tmp_path / "plan.db")
    trace: list[str] = []
    store.db.set_trace_callback(trace.append)
    store.reuse.unlinked()
    list(store.pending_documents())
    store.db.set_trace_callback(None)
    assert len(trace) == 2
    for sql in trace:
        first = _plan(store, sql).split(" | ")[0]
        assert first.startswith(("SCAN q", "SEARCH q")), (sql, first)


def test_store_queues_filled_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    for script in MIGRATIONS[:8]:  # a store of schema 8: no queues yet
        con.executescript(script)
    con.execute("PRAGMA user_version = 8")
    rows = [(f"d{k}", "text", f"f{k}", None, "{}", b"x", 1, "") for k in range(3)]
    con.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("INSERT INTO processed VALUES ('d0', 'done')")
    con.execute("INSERT INTO processed VALUES ('d1', 'done')")
    columns = [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    for k in (0, 1):
        values = {c: "" for c in columns} | {"id": f"a{k}", "document_id": f"d{k}", "seq": 0}
        values |= {"notes": "[]", "lang": "ar", "norm_body": f"نص {k}", "body": f"نص {k}"}
        con.execute(
            f"INSERT INTO articles ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
    con.execute("INSERT INTO reuse_shingles VALUES ('a0', x'')")  # a0 is indexed, a1 is not
    con.commit()
    con.close()
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS)
    assert [x.id for x in store.reuse.unlinked()] == ["a1"]
    assert [[d.id for d in batch] for batch in store.pending_documents()] == [["d2"]]
    store.add_documents(documents(1, start=7))
    assert len([d for batch in store.pending_documents() for d in batch]) == 2


def test_store_events_queue_after_the_migration_and_the_next_update_consolidates(
    tmp_path: Path, seeds: Path
) -> None:
    """A store whose events were made before schema 10 keeps them; its articles not in
    events are queued; as it keeps no counts yet, the next update with new articles
    consolidates (and fills them), and the one after goes online."""
    path = tmp_path / "old.db"
    with Marsad(path, Settings(workers=1)) as m:
        m.ingest([str(seeds)])
        m.update_events()
        first = sorted(e.id for e in m.events())
    con = sqlite3.connect(path)
    con.executescript(
        "DROP TABLE event_lexicon; DROP TABLE event_casing; DROP TABLE event_centroids;"
        "DROP TABLE events_queue; DROP TRIGGER events_queue_new_article;"
        "DROP INDEX event_articles_event; DELETE FROM event_state WHERE key = 'lexicon_docs';"
        "DROP INDEX articles_norm_head;"  # migration 11
        "DROP TABLE reuse_group_members; DROP TABLE reuse_group_sizes;"  # migration 12
        "DROP TABLE reuse_groups_dirty; DROP TRIGGER reuse_groups_new_link;"
        "DROP TRIGGER reuse_groups_link_kind; DROP INDEX storylines_largest;"
        "DROP TABLE reuse_templates; DROP TABLE reuse_template_state;"  # migration 13
        "DROP INDEX articles_outlet; DROP INDEX storylines_recent;"  # migration 14
        "DROP TABLE entity_mentions; DROP TABLE entities; DROP TABLE entity_keys;"  # 15
        "DROP TABLE entity_state; DROP TABLE entities_queue; DROP TABLE quotes;"
        "DROP TRIGGER entities_queue_new_article;"
        "PRAGMA user_version = 9;"
    )
    one = con.execute("SELECT article_id FROM event_articles ORDER BY article_id").fetchone()[0]
    con.execute("DELETE FROM event_articles WHERE article_id = ?", (one,))  # not in events
    con.commit()
    con.close()
    with Marsad(path, Settings(workers=1)) as m:
        assert m.store.schema_version == len(MIGRATIONS)
        assert [r.id for r in m.store.event_index.queued()] == [one]
        assert m.store.event_index.docs() is None
        assert sorted(e.id for e in m.events()) == first  # kept until the next update
        assert m.update_events().mode == "consolidated"
        assert m.store.event_index.docs() == len(m.articles())
        assert m.store.event_index.queued_count() == 0
        extra = tmp_path / "extra.txt"
        extra.write_text("خبر جديد\n\nأعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة.", "utf-8")
        m.ingest([str(extra)])
        assert m.store.event_index.queued_count() == 1
        assert m.update_events().mode == "online"


def test_store_events_window_is_a_range_query(tmp_path: Path) -> None:
    """An online events update finds the reports near its new ones through the indexes on
    their days, not by scanning every stored report."""
    store = SQLiteStore(tmp_path / "plan.db")
    trace: list[str] = []
    store.db.set_trace_callback(trace.append)
    store.event_index.near(735800, 735810, 1)
    store.db.set_trace_callback(None)
    plan = _plan(store, trace[0])
    assert "SCAN" not in plan, plan
    assert "event_terms_day" in plan and "event_terms_text_day" in plan, plan

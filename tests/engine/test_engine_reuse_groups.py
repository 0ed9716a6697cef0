"""Issue 12: reuse groups are kept in the store and updated from what new links touch, so
listing the largest does not read every link; the kept groups are the groups of every link
grouped at once (``link.groups.group_links``), in the same order, with the same relations."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from marsad import Marsad
from marsad.config import Settings
from marsad.engine.grouping import largest_groups, update_groups
from marsad.link.groups import Member, group_links
from marsad.models import ReuseGroup
from marsad.store.records import KindChange
from tests.engine.test_engine_reuse_blocks import _store, _text


def _records() -> list[dict[str, str]]:
    """Six texts, each with an exact copy and a copy under a short intro (one group of three),
    and a text that quotes its first half after its own lead, itself copied (a group of two
    that the quotation relates)."""
    rng = random.Random(5)
    out = []
    for k in range(6):
        body = _text(rng, 160)
        host = f"{_text(rng, 120)}\n\n{' '.join(body.split()[:80])}"
        for n, text in enumerate((body, body, f"{_text(rng, 8)}\n\n{body}", host, host)):
            out.append({"title": f"خبر {k} {n}", "content": text, "source": f"outlet{n}"})
    return out


def _member(m: Marsad) -> object:
    def member(article_id: str) -> Member:
        article = m.store.article(article_id)
        return Member(article.published.value, article.body)

    return member


def _regrouped(m: Marsad) -> list[ReuseGroup]:
    return group_links(m.reuse_links(), _member(m))  # type: ignore[arg-type]


def test_engine_reuse_groups_kept_as_they_arrive_equal_the_groups_of_every_link(
    tmp_path: Path,
) -> None:
    records = _records()
    db = tmp_path / "s.db"
    for start in range(0, len(records), 11):  # three arrivals, each linked before the next
        _store(db, records[start : start + 11])
        with Marsad(db, Settings(workers=1)) as m:
            m.update_reuse()
            assert m.store.reuse_groups.changed() == []
            whole = _regrouped(m)
            kept = largest_groups(m.store, 1000, _member(m))  # type: ignore[arg-type]
            assert kept == whole
            assert m.reuse_groups(limit=2) == whole[:2]
            assert m.reuse_group_count() == len(whole)
    assert sorted(len(g.articles) for g in whole) == [2] * 6 + [3] * 6
    assert all(g.related_groups for g in whole)  # each quotation relates two groups


def test_engine_reuse_groups_follow_a_link_that_changes_kind(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", _records())
    with Marsad(db, Settings(workers=1)) as m:
        m.update_reuse()
        before = _regrouped(m)
        link = next(k for k in m.reuse_links() if k.kind == "exact")
        m.store.reuse.set_kinds([KindChange(link.a, link.b, "template")])  # no longer a copy
        assert set(m.store.reuse_groups.changed()) == {link.a, link.b}
        touched = next(g for g in before if link.a in g.articles)
        assert update_groups(m.store) == len(touched.articles)  # only that group regrouped
        after = _regrouped(m)
        assert after != before
        assert m.reuse_groups(limit=100) == after


def test_engine_reuse_groups_of_a_store_from_before_them(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", _records())
    with Marsad(db, Settings(workers=1)) as m:
        m.update_reuse()
        whole = _regrouped(m)
        m.store.db.executescript(  # as the migration leaves a store linked before it
            "DELETE FROM reuse_group_members; DELETE FROM reuse_group_sizes;"
            "INSERT OR IGNORE INTO reuse_groups_dirty SELECT a FROM reuse_links;"
            "INSERT OR IGNORE INTO reuse_groups_dirty SELECT b FROM reuse_links;"
        )
        assert m.reuse_groups(limit=100) == whole


def test_engine_reuse_groups_paged_are_the_listing_in_order(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", _records())
    with Marsad(db, Settings(workers=1)) as m:
        m.update_reuse()
        whole = _regrouped(m)
        for size in (1, 5, 7):
            pages = [m.reuse_groups(limit=size, skip=k) for k in range(0, len(whole), size)]
            assert [g for page in pages for g in page] == whole, size
        assert m.reuse_groups(limit=5, skip=len(whole)) == []


def test_engine_reuse_groups_a_reader_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """Listing while an ingest holds the write lock: the groups as last kept, at once, and the
    changed articles stay marked for the next listing (no wait, no "database is locked")."""
    db = _store(tmp_path / "s.db", _records())
    with Marsad(db, Settings(workers=1)) as m:
        m.update_reuse()
        whole = _regrouped(m)
        link = next(k for k in m.reuse_links() if k.kind == "exact")
        m.store.reuse.set_kinds([KindChange(link.a, link.b, "template")])  # marks two articles
        writer = sqlite3.connect(db, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            started = time.perf_counter()
            stale = m.reuse_groups(limit=100)  # as kept before the change, with today's links
            assert time.perf_counter() - started < 2.0
            untouched = [g for g in whole if link.a not in g.articles]
            assert [g for g in stale if link.a not in g.articles] == untouched
            assert set(m.store.reuse_groups.changed()) == {link.a, link.b}
            assert m.store.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0  # restored
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert m.reuse_groups(limit=100) == _regrouped(m) != whole  # regrouped once free
        assert m.store.reuse_groups.changed() == []

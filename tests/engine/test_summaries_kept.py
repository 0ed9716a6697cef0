"""Summaries are kept once made: read back the same, made again when their event changes, and
never waited for while another process writes."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.engine.summaries import event_summaries, summary_key
from marsad.organize.summaries import summarize
from marsad.store.records import SummaryRow


@pytest.fixture
def seeded(tmp_path: Path, seeds: Path) -> Marsad:
    marsad = Marsad(tmp_path / "m.db")
    marsad.ingest(sorted(str(p) for p in seeds.glob("0*.txt")))
    marsad.update_events()
    return marsad


def kept(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT event_id, key FROM event_summaries").fetchall())


def test_a_kept_summary_reads_back_as_made(seeded: Marsad) -> None:
    events = seeded.events()
    made = {e.id: summarize(seeded.summary_reports(e)) for e in events}
    first = event_summaries(seeded.store, events, seeded.article)
    assert first == made and any(made.values())
    assert set(kept(seeded.store.path)) == {e.id for e in events}
    assert event_summaries(seeded.store, events, seeded.article) == made  # read, not made
    digest = seeded.story_digest(events[0].storyline or "")
    assert all(line == (made[e.id][0] if made[e.id] else None) for e, line in digest)


def test_a_summary_is_made_again_when_its_event_changes(seeded: Marsad) -> None:
    event = max(seeded.events(), key=lambda e: len(e.articles))
    event_summaries(seeded.store, [event], seeded.article)
    smaller = replace(event, articles=event.articles[:1])
    assert summary_key(smaller, "") != summary_key(event, "")
    again = event_summaries(seeded.store, [smaller], seeded.article)[event.id]
    assert again == summarize(seeded.summary_reports(smaller))
    assert kept(seeded.store.path)[event.id] == summary_key(smaller, "")


def test_a_reader_does_not_wait_for_a_writer_to_keep_a_summary(seeded: Marsad) -> None:
    other = sqlite3.connect(seeded.store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        started = time.monotonic()
        assert not seeded.store.events.keep_summaries([SummaryRow("e", "k", "[]")])
        assert time.monotonic() - started < 1.0
        found = event_summaries(seeded.store, seeded.events(), seeded.article)
        assert found and time.monotonic() - started < 5.0
    finally:
        other.rollback()
        other.close()
    assert seeded.store.events.keep_summaries([SummaryRow("e", "k", "[]")])

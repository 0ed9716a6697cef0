"""Summaries are kept once made: read back the same, made again when their event changes, and
never waited for while another process writes."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.engine.summaries import _Readings, event_summaries, summary_key
from marsad.organize.summaries import summarize
from marsad.store.records import SummaryRow


@pytest.fixture
def seeded(tmp_path: Path, seeds: Path) -> Marsad:
    marsad = Marsad(tmp_path / "m.db")
    marsad.ingest(sorted(str(p) for p in seeds.glob("0*.txt")))
    marsad.update_events()
    return marsad


def _never(*_: object) -> object:
    raise AssertionError("a kept summary was made again")


def kept(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT event_id, key FROM event_summaries").fetchall())


def test_a_kept_summary_reads_back_as_made(seeded: Marsad) -> None:
    events = seeded.events()
    made = event_summaries(seeded.store, events)
    chosen = {e.id: summarize(seeded.summary_reports(e)) for e in events}
    assert [len(s) for s in made.values()] == [len(s) for s in chosen.values()]
    assert any(made.values())
    assert set(kept(seeded.store.path)) == {e.id for e in events}
    with pytest.MonkeyPatch.context() as patch:  # read, not made again
        patch.setattr("marsad.engine.summaries.summarize", _never)
        assert event_summaries(seeded.store, events) == made
    digest = seeded.story_digest(events[0].storyline or "")
    assert all(line == (made[e.id][0] if made[e.id] else None) for e, line in digest)


def test_a_summary_is_made_again_when_its_event_changes(seeded: Marsad) -> None:
    event = max(seeded.events(), key=lambda e: len(e.articles))
    event_summaries(seeded.store, [event])
    smaller = replace(event, articles=event.articles[:1])
    assert summary_key(smaller, "") != summary_key(event, "")
    again = event_summaries(seeded.store, [smaller])[event.id]
    assert again == summarize(seeded.summary_reports(smaller))
    assert kept(seeded.store.path)[event.id] == summary_key(smaller, "")


def test_a_reader_does_not_wait_for_a_writer_to_keep_a_summary(seeded: Marsad) -> None:
    other = sqlite3.connect(seeded.store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        started = time.monotonic()
        assert not seeded.store.events.keep_summaries([SummaryRow("e", "k", "[]")])
        assert time.monotonic() - started < 1.0
        found = event_summaries(seeded.store, seeded.events())
        assert found and time.monotonic() - started < 5.0
        with pytest.MonkeyPatch.context() as patch:  # not kept, but remembered by the process
            patch.setattr("marsad.engine.summaries.summarize", _never)
            assert event_summaries(seeded.store, seeded.events()) == found
    finally:
        other.rollback()
        other.close()
    assert seeded.store.events.keep_summaries([SummaryRow("e", "k", "[]")])
    db = seeded.store.db
    waits = db.execute("PRAGMA busy_timeout").fetchone()[0]
    assert waits == int(db.busy_timeout * 1000) > 0  # both restored


def test_summaries_wait_for_names_and_links_still_to_come(seeded: Marsad) -> None:
    events = seeded.events()
    event_summaries(seeded.store, events)
    before = kept(seeded.store.path)
    seeded.update_entities()  # names read: every summary's key changes
    event_summaries(seeded.store, events)
    after = kept(seeded.store.path)
    assert set(after) == set(before) and all(after[e] != before[e] for e in after)
    event = max(events, key=lambda e: len(e.articles))
    with sqlite3.connect(seeded.store.path) as con:  # one report waits for reuse links again
        con.execute("INSERT INTO reuse_queue (article_id) VALUES (?)", (event.articles[0],))
        con.execute("DELETE FROM event_summaries")
    found = event_summaries(seeded.store, events)
    assert found[event.id] and event.id not in kept(seeded.store.path)
    assert len(kept(seeded.store.path)) == len(events) - 1


def test_many_events_are_summarized_with_a_few_reads(seeded: Marsad) -> None:
    """The reports, copy links and names of every event to summarize are read at once, not
    article by article (a storyline page summarizes tens of events on its first view)."""
    events = seeded.events()
    statements: list[str] = []
    seeded.store.db.set_trace_callback(statements.append)
    try:
        found = event_summaries(seeded.store, events)
    finally:
        seeded.store.db.set_trace_callback(None)
    chosen = {e.id: summarize(seeded.summary_reports(e)) for e in events}
    assert {k: len(v) for k, v in found.items()} == {k: len(v) for k, v in chosen.items()}
    articles = sum(len(e.articles) for e in events)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert articles >= 5 and len(reads) <= 8, reads


def test_of_two_reports_one_mostly_inside_the_other_the_shorter_is_read_once(
    seeded: Marsad,
) -> None:
    """Seed 001 stands almost whole inside seed 000: their event's summary reads 000 and
    marks 001 a copy, whether the event is summarized alone or with the others."""
    events = seeded.events()
    pairs = [
        (link.a, link.b)
        for link in seeded.store.reuse.copy_candidates(0.8)
        if any({link.a, link.b} <= set(e.articles) for e in events)
    ]
    assert pairs, "the seeds hold a copy inside one event"
    for a, b in pairs:
        event = next(e for e in events if {a, b} <= set(e.articles))
        marked = {r.id for r in seeded.summary_reports(event) if r.copy}
        shorter = min((a, b), key=lambda i: (len(seeded.article(i).body), i))
        assert shorter in marked and len(marked & {a, b}) == 1
        found = event_summaries(seeded.store, events)[event.id]
        read = summarize(seeded.summary_reports(event))
        assert shorter not in {s.article_id for s in read}  # read once: the longer text
        for sentence in found:  # then credited where the text came from, spans kept true
            body = seeded.article(sentence.article_id).body
            assert body[sentence.start : sentence.end] == sentence.text
        assert len({s.text for s in found}) == len(found)


def test_a_sentence_a_copy_took_from_its_origin_is_credited_to_the_origin(
    seeded: Marsad,
) -> None:
    (link,) = seeded.reuse_links()  # seed 000 (الوطن) holds Sputnik's 001, without credit
    origin = seeded.article(str(link.origin))
    event = next(e for e in seeded.events() if origin.id in e.articles)
    chosen = summarize(seeded.summary_reports(event))
    assert {s.outlet for s in chosen} == {"الوطن"}  # the longer text is the one read
    made = event_summaries(seeded.store, [event])[event.id]
    assert {s.outlet for s in made} == {origin.outlet} == {"Sputnik"}
    for sentence in made:
        assert origin.body[sentence.start : sentence.end] == sentence.text
    assert any("اليوم الاثنين" in s.text for s in made)  # Sputnik's words, not «أمس»


def test_a_sentence_is_never_credited_to_a_report_of_another_event(seeded: Marsad) -> None:
    (link,) = seeded.reuse_links()
    origin = str(link.origin)
    copy = link.b if origin == link.a else link.a
    readings = _Readings(seeded.store, [link.a, link.b])
    chosen = summarize(readings.reports([copy]))  # the copy as if its event held it alone
    assert chosen and readings.credited(chosen, [copy]) == chosen
    moved = readings.credited(chosen, [copy, origin])
    assert {s.article_id for s in moved} == {origin}

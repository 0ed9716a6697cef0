"""Issue 12: a consolidation of a store larger than ``WHOLE_MAX`` holds a bounded number of
articles at once (the earliest grouped together, the rest by date a segment at a time, each
grouped with the stored events or placed online) and finds the events a whole consolidation
finds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.config import Settings
from marsad.engine.organizing import update_events
from marsad.store.event_index import EventIndexTables
from marsad.store.records import EventInput
from tests.engine.test_engine_events_window import BLAST, CALL, FLOOD, _record

FIRE = "حريق في مستودع للأخشاب في المنطقة الصناعية بجدة ولا إصابات"

RECORDS = [
    _record("اتصال هاتفي", CALL, "2015-06-01", "a"),
    _record("اتصال الملك وهولاند", CALL + " اليوم", "2015-06-01", "b"),
    _record("سيول جازان", FLOOD, "2015-06-02", "c"),
    _record("أمطار جازان", FLOOD + " والدفاع المدني يحذر", "2015-06-03", "a"),
    _record("حريق جدة", FIRE, "2015-07-10", "b"),
    _record("حريق مستودع", FIRE + " وفرق الإطفاء تسيطر", "2015-07-10", "c"),
    _record("انفجار أبها", BLAST, "2015-08-06", "a"),
    _record("ضحايا انفجار أبها", BLAST + " وأعلنت الداخلية", "2015-08-06", "c"),
    _record("تفجير مسجد الطوارئ", BLAST + " وتبنى التنظيم", "2015-08-07", "b"),
]


def _groups(db: Path) -> set[frozenset[str]]:
    with Marsad(db) as m:
        return {frozenset(e.articles) for e in m.events()}


@pytest.fixture
def store_db(tmp_path: Path) -> Path:
    db = tmp_path / "bounded.db"
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS)
    (tmp_path / "in.jsonl").write_text(lines, "utf-8")
    with Marsad(db, Settings(workers=1)) as m:
        m.ingest([str(tmp_path / "in.jsonl")])
        m.update_reuse()
    return db


@pytest.mark.parametrize("stitched", [True, False], ids=["stitched", "online"])
def test_engine_events_bounded_consolidation_finds_what_a_whole_one_finds(
    store_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stitched: bool
) -> None:
    whole = tmp_path / "whole.db"
    shutil.copy(store_db, whole)
    with Marsad(whole, Settings(workers=1)) as m:
        assert update_events(m.store).mode == "consolidated"
    read: list[int] = []
    inputs = EventIndexTables.inputs

    def counted(self: EventIndexTables, ids: list[str], bodies: bool = False) -> list[EventInput]:
        if bodies:
            read.append(len(ids))
        return inputs(self, ids, bodies)

    def everything(self: EventIndexTables) -> list[EventInput]:
        raise AssertionError("a bounded consolidation never reads every article at once")

    with monkeypatch.context() as patch:
        patch.setattr(EventIndexTables, "inputs", counted)
        patch.setattr(EventIndexTables, "all_inputs", everything)
        with Marsad(store_db, Settings(workers=1)) as m:
            report = update_events(m.store, whole_max=3, segment=2, stitched=stitched)
            assert m.store.event_index.queued_count() == 0
            assert m.store.event_index.docs() == len(RECORDS)  # every report counted once
    assert report.mode == "consolidated" and report.articles == len(RECORDS)
    assert read and max(read) <= 3  # bodies read a segment at a time
    groups = _groups(store_db)
    assert sorted(map(len, groups)) == [2, 2, 2, 3]  # the four happenings
    assert groups == _groups(whole)


def test_engine_events_bounded_consolidation_starts_over_and_online_follows(
    store_db: Path, tmp_path: Path
) -> None:
    with Marsad(store_db, Settings(workers=1)) as m:
        update_events(m.store)  # a whole consolidation first: then one in segments redoes it
        first = {e.id for e in m.events()}
        again = update_events(m.store, consolidate=True, whole_max=4, segment=3)
        assert again.mode == "consolidated" and again.articles == len(RECORDS)
        assert {e.id for e in m.events()} == first
        assert sum(len(e.articles) for e in m.events()) == len(RECORDS)  # each once
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps(_record("حريق جديد", FIRE, "2015-07-11", "a"), ensure_ascii=False))
    with Marsad(store_db, Settings(workers=1)) as m:
        m.ingest([str(late)])
        report = update_events(m.store)
        assert report.mode == "online"
        assert sorted(len(e.articles) for e in m.events()) == [2, 2, 3, 3]

"""Issue 12: an online events update reads what its new articles can touch (the reports near
them in time and their events, stored counts and centroids), not the store, and places them
as an update that reads everything does."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from marsad import Marsad
from marsad.config import Settings
from marsad.engine import events_online
from marsad.models import Event, Storyline
from marsad.store.event_index import EventIndexTables
from marsad.store.records import EventInput
from tests.conftest import SAUDINEWSNET, require

CALL = "اتصال هاتفي بين الملك سلمان والرئيس الفرنسي هولاند بحث العلاقات الثنائية"
BLAST = "انفجار في مسجد قوات الطوارئ في أبها وسقوط ضحايا من رجال الأمن"
FLOOD = "أمطار غزيرة وسيول في جازان واحتجاز مركبات في الأودية"


def _record(title: str, text: str, day: str, outlet: str) -> dict[str, str]:
    body = f"{text}. وقال مصدر إن {text} وأضاف أن التحقيقات مستمرة في {text}."
    return {"title": title, "content": body, "date": day, "source": outlet}


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return path


def _state(db: Path) -> tuple[list[Event], list[Storyline]]:
    with Marsad(db) as m:
        return sorted(m.events(), key=lambda e: e.id), sorted(m.storylines(), key=lambda s: s.id)


def _read_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make online updates read every stored report, as they did before the window."""
    monkeypatch.setattr(events_online, "_near", lambda tables, spans, params: tables.everything())


def test_engine_events_online_reads_only_reports_near_the_new_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = [
        _record("اتصال هاتفي", CALL, "2015-06-01", "a"),
        _record("اتصال الملك وهولاند", CALL + " اليوم", "2015-06-01", "b"),
        _record("سيول جازان", FLOOD, "2015-06-02", "c"),
        _record("انفجار أبها", BLAST, "2015-08-06", "a"),
        _record("ضحايا انفجار أبها", BLAST + " وأعلنت الداخلية", "2015-08-06", "c"),
    ]
    new = [_record("تفجير مسجد الطوارئ", BLAST + " وتبنى التنظيم", "2015-08-07", "b")]
    db = tmp_path / "window.db"
    with Marsad(db, Settings(workers=1)) as m:
        m.ingest([str(_write(tmp_path / "old.jsonl", old))])
        assert m.update_events().mode == "consolidated"
        june = {a.id for a in m.articles() if (a.published.value or "").startswith("2015-06")}
        assert len(june) == 3
        m.ingest([str(_write(tmp_path / "new.jsonl", new))])
        (added,) = {a.id for a in m.articles()} - june - {i for e in m.events() for i in e.articles}
    everything = tmp_path / "everything.db"
    shutil.copy(db, everything)
    read: list[str] = []
    inputs = EventIndexTables.inputs

    def recording(self: EventIndexTables, ids: list[str], bodies: bool = False) -> list[EventInput]:
        read.extend(ids)
        return inputs(self, ids, bodies)

    with monkeypatch.context() as patch:
        patch.setattr(EventIndexTables, "inputs", recording)
        with Marsad(db, Settings(workers=1)) as m:
            report = m.update_events()
    assert report.mode == "online" and report.new_articles == 1
    assert read and not set(read) & june  # two months away: never read
    with monkeypatch.context() as patch:
        _read_everything(patch)
        with Marsad(everything, Settings(workers=1)) as m:
            assert m.update_events().mode == "online"
    assert _state(db) == _state(everything)
    events, _ = _state(db)
    joined = next(e for e in events if added in e.articles)
    assert len(joined.articles) == 3  # the blast's two stored reports and the new one


@pytest.mark.slow
def test_engine_events_online_window_places_a_crawl_day_as_reading_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two July days and one August day stored; 200 reports of the next August day arrive:
    the window reads the August reports, and the events and storylines it stores are those
    an update that reads all three days stores."""
    data = require(SAUDINEWSNET)
    db = tmp_path / "window.db"
    with Marsad(db, Settings(workers=1)) as m:
        m.ingest([str(data / day) for day in ("2015-07-21.zip", "2015-07-22.zip")])
        m.ingest([str(data / "2015-08-06.zip")])
        m.update_reuse()
        assert m.update_events().mode == "consolidated"
        stored = m.store.event_index.organized_count()
    with zipfile.ZipFile(data / "2015-08-07.zip") as z:
        records = [r for r in json.loads(z.read(z.namelist()[0])) if r.get("content")][:200]
    batch = _write(tmp_path / "batch.jsonl", records)
    with Marsad(db, Settings(workers=1)) as m:
        m.ingest([str(batch)])
        m.update_reuse()
    everything = tmp_path / "everything.db"
    shutil.copy(db, everything)
    read: list[str] = []
    near = events_online._near

    def recording(tables: EventIndexTables, spans: object, params: object) -> set[str]:
        found = near(tables, spans, params)  # type: ignore[arg-type]
        read.extend(found)
        return found

    with monkeypatch.context() as patch:
        patch.setattr(events_online, "_near", recording)
        with Marsad(db, Settings(workers=1)) as m:
            assert m.update_events().mode == "online"
    assert 0 < len(read) < stored / 2  # the July days are not read
    with monkeypatch.context() as patch:
        _read_everything(patch)
        with Marsad(everything, Settings(workers=1)) as m:
            assert m.update_events().mode == "online"
    windowed, full = _state(db), _state(everything)
    assert [e.articles for e in windowed[0]] == [e.articles for e in full[0]]
    assert windowed == full

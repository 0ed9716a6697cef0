"""An article the entities stage fails on is set aside with a recorded rejection: the others
are read, the queue empties, and the next update does not stumble on it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad.engine.entities as stage
from marsad import Marsad
from marsad.models import RejectReason
from marsad.store.records import TitledText

GOOD = "قال وزير الخارجية فؤاد حسين في بغداد إن العراق يرحب بالحوار."
BAD = "نص يحمل علامة FAIL-HERE لا يقرأها الوسم."


@pytest.fixture
def failing_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    real = stage._read_batch

    def read_batch(texts: list[TitledText]) -> stage.Read:
        if any("FAIL-HERE" in item.body for item in texts):
            raise RuntimeError("tagger broke")
        return real(texts)

    monkeypatch.setattr(stage, "_read_batch", read_batch)


def test_read_texts_sets_one_failing_article_aside(failing_tagger: None) -> None:
    texts = [
        TitledText("a", "عنوان", GOOD),
        TitledText("b", None, BAD),
        TitledText("c", None, GOOD),
    ]
    found = stage.read_texts(texts)
    assert [article for article, _ in found.failed] == ["b"]
    assert "RuntimeError: tagger broke" in found.failed[0][1]
    assert {m.article_id for m in found.mentions} == {"a", "c"}


def test_update_entities_records_the_failure_and_empties_the_queue(
    tmp_path: Path, failing_tagger: None
) -> None:
    records = [
        {"title": "العراق", "text": GOOD * 3, "url": "https://a.example/1"},
        {"title": "خبر", "text": (BAD + " " + GOOD) * 3, "url": "https://a.example/2"},
    ]
    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    with Marsad(tmp_path / "m.db") as marsad:
        assert marsad.ingest([source]).articles == 2
        report = marsad.update_entities()
        assert report.failed == 1 and report.read == 2
        rejected = [r for r in marsad.rejected() if r.reason == RejectReason.NO_ENTITIES]
        assert len(rejected) == 1 and "tagger broke" in rejected[0].detail
        assert marsad.store.entities.queued_count() == 0
        assert marsad.entity_count() > 0  # the readable article still gave its names
        again = marsad.update_entities()
        assert again.read == 0 and again.failed == 0
        marsad.store.entities.restart()  # a new model reads everything again, failures too
        assert not [r for r in marsad.rejected() if r.reason == RejectReason.NO_ENTITIES]


def test_a_batch_where_every_article_fails_is_the_stages_error(failing_tagger: None) -> None:
    texts = [TitledText("a", None, BAD), TitledText("b", None, BAD)]
    with pytest.raises(RuntimeError, match="all 2 articles"):
        stage.read_texts(texts)
    assert stage.read_texts(texts[:1]).failed[0][0] == "a"  # one article alone: set aside

"""Event summaries: sentences chosen across reports, copies once, no near repeats, sourced."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.app import Marsad
from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import tokens
from marsad.organize.summaries import Report, sentence_spans, summarize, word_jaccard

WIRE = (
    "وقعت المملكة اتفاقية جديدة مع الشركة الكورية لبناء محطة تحلية في مدينة جدة اليوم. "
    "وقال وزير المياه إن المحطة ستنتج مليون متر مكعب يوميا عند اكتمالها بعد ثلاث سنوات. "
    "وتأتي الاتفاقية ضمن خطة لزيادة إنتاج المياه المحلاة في المنطقة الغربية من البلاد."
)
OTHER = (
    "أعلنت وزارة المياه توقيع اتفاقية لبناء محطة تحلية كبرى في جدة مع شركة كورية اليوم. "
    "وأوضح المتحدث باسم الوزارة أن تكلفة المشروع تبلغ ملياري ريال تدفع على خمس سنوات. "
    "ويعاني سكان بعض أحياء جدة من انقطاع المياه في أشهر الصيف منذ سنوات طويلة."
)


def words(text: str) -> set[str]:
    return set(tokens(normalize(text)))


def test_sentences_come_from_several_reports_and_keep_their_spans() -> None:
    reports = [Report("a", "عكاظ", WIRE), Report("b", "المدينة", OTHER)]
    summary = summarize(reports, size=4)
    assert {s.article_id for s in summary} == {"a", "b"}
    body = {"a": WIRE, "b": OTHER}
    for s in summary:
        assert body[s.article_id][s.start : s.end] == s.text
    for x in summary:
        for y in summary:
            assert x is y or word_jaccard(words(x.text), words(y.text)) <= 0.5


def test_a_copy_is_read_once() -> None:
    reports = [Report("a", "واس", WIRE), Report("b", "سبق", WIRE, copy=True)]
    assert {s.article_id for s in summarize(reports)} == {"a"}


def test_the_sentence_the_reports_share_comes_first() -> None:
    summary = summarize([Report("a", "عكاظ", WIRE), Report("b", "المدينة", OTHER)])
    assert "اتفاقية" in summary[0].text and "تحلية" in summary[0].text


def test_no_sentences_no_summary() -> None:
    assert summarize([Report("a", None, "قصير جدا.")]) == []
    assert summarize([]) == []
    assert sentence_spans("  \n ") == []


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Marsad:
    from tests.conftest import SEEDS, require

    require(SEEDS)
    marsad = Marsad(tmp_path_factory.mktemp("summaries") / "seeds.db")
    marsad.ingest(sorted(str(p) for p in SEEDS.glob("0*.txt")))
    marsad.update_events()
    marsad.update_entities()
    return marsad


def test_seed_summaries_hold_no_chrome_no_appended_report_no_repeats(seeded: Marsad) -> None:
    articles = seeded.articles()
    removed = {normalize(r.text) for a in articles for r in a.removed}
    appended = {a.id for a in articles if a.parent_id is not None}  # the Qaani report
    assert appended
    for event in seeded.events():
        summary = seeded.event_summary(event)
        assert 1 <= len(summary) <= 5
        own = set(event.articles)
        for s in summary:
            assert s.article_id in own
            assert normalize(s.text) not in removed
            if not own & appended:
                assert s.article_id not in appended
            assert seeded.article(s.article_id).body[s.start : s.end] == s.text
        for x in summary:
            for y in summary:
                assert x is y or word_jaccard(words(x.text), words(y.text)) <= 0.5


def test_seed_digest_is_one_line_per_event_in_date_order(seeded: Marsad) -> None:
    (storyline, *_) = seeded.storylines()
    digest = seeded.story_digest(storyline.id)
    assert [e.id for e, _ in digest] == [e.id for e in seeded.events(storyline=storyline.id)]
    assert all(s is not None for _, s in digest)


def test_event_and_story_commands_show_them(seeded: Marsad, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from marsad.cli.main import cli

    db = str(seeded.settings.db)
    event = seeded.events()[0]
    out = CliRunner().invoke(cli, ["--db", db, "event", event.id, "--json"]).stdout
    assert [s["article_id"] for s in json.loads(out)["summary"]]
    (storyline, *_) = seeded.storylines()
    out = CliRunner().invoke(cli, ["--db", db, "story", storyline.id, "--json"]).stdout
    assert len(json.loads(out)["digest"]) == len(seeded.events(storyline=storyline.id))

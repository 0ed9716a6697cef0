"""Origin from ordered evidence (credits, then publication times, then text), and "reuse
without credit": on constructed pairs, then end to end on SaudiNewsNet-shaped records."""

from __future__ import annotations

import json
from pathlib import Path

from marsad import Marsad
from marsad.arabic import normalize
from marsad.link.origin import decide
from marsad.models import Article, PubDate

LEAD = (
    "أعلنت وزارة الصحة السعودية اليوم عن تسجيل ثلاث حالات إصابة جديدة بفيروس كورونا المسبب "
    "لمتلازمة الشرق الأوسط التنفسية في منطقة الرياض، مشيرة إلى أن الحالات تتلقى العلاج اللازم "
    "في مستشفيات المنطقة وأن حالتها الصحية مستقرة."
)
MIDDLE = (
    "وأوضحت الوزارة في بيان صحفي أن فرق الطب الوقائي باشرت على الفور تقصي المخالطين للحالات "
    "المسجلة في المنازل ومقار العمل، وأخذت العينات اللازمة منهم لفحصها في المختبرات المرجعية "
    "التابعة للوزارة في الرياض وجدة والدمام."
)
TAIL = (
    "ودعت الوزارة المواطنين والمقيمين إلى اتباع الإرشادات الصحية وغسل اليدين بانتظام وتجنب "
    "الاحتكاك المباشر بالإبل، والمسارعة إلى مراجعة أقرب مركز صحي عند ظهور أعراض الحمى والسعال "
    "وضيق التنفس، مؤكدة أن الوضع الوبائي تحت السيطرة."
)
TEXT = f"{LEAD}\n\n{MIDDLE}\n\n{TAIL}"


def make(
    article_id: str,
    body: str,
    outlet: str | None = None,
    source: str | None = None,
    published: str | None = None,
    attributions: tuple[str, ...] = (),
) -> Article:
    return Article(
        id=article_id,
        document_id=article_id,
        seq=0,
        title="تسجيل ثلاث حالات كورونا جديدة في الرياض",
        body=body,
        paragraphs=(),
        norm_title="",
        norm_body=normalize(body),
        lang="ar",
        lang_score=1.0,
        source=source,
        outlet=outlet,
        outlet_provenance="metadata" if outlet else None,
        url=None,
        author=None,
        published=PubDate(published, "metadata" if published else "unknown"),
        crawled=None,
        attributions=attributions,
    )


def test_link_origin_wire_report_is_origin_and_the_copy_dropped_its_credit() -> None:
    wire = make("w", f"الرياض - واس\n\n{TEXT}", outlet="was", source="was")
    copy = make("o", TEXT, outlet="okaz", source="okaz")
    found = decide(wire, copy, 1.0, 1.0)
    assert (found.origin, found.copy) == ("w", "o")
    assert found.uncredited and found.dropped == ("واس",)
    assert any("واس" in reason for reason in found.reasons)


def test_link_origin_report_keeping_the_agency_credit_stands_for_the_agency() -> None:
    # Sabq credits SPA in its dateline; Alyaum carries the same text without a credit: the
    # text is SPA's (not in the corpus), Sabq kept the credit, Alyaum dropped it.
    sabq = make("s", f"واس- الرياض: {TEXT}", outlet="sabq", source="sabq")
    alyaum = make("y", TEXT, outlet="alyaum", source="alyaum")
    for a, b in ((sabq, alyaum), (alyaum, sabq)):
        found = decide(a, b, 0.95, 0.97)
        assert (found.origin, found.copy, found.origin_credit) == ("s", "y", "واس")
        assert found.uncredited and found.dropped == ("واس",)


def test_link_origin_bracket_and_phrase_credits_count() -> None:
    bracketed = make("b", f"{TEXT} (واس)", outlet="الاقتصادية")
    phrased = make("p", f"وبحسب وكالة الأنباء السعودية، {TEXT}", outlet="المدينة")
    bare = make("n", TEXT, outlet="البلاد")
    assert decide(bracketed, bare).origin_credit == "واس"
    assert decide(bare, phrased).origin == "p"
    both = decide(bracketed, phrased)  # both credit SPA: neither copied the other's credit
    assert both.origin is None and both.origin_credit == "واس" and not both.uncredited
    assert "both credit واس" in both.reasons[0]


def test_link_origin_copy_crediting_the_other_outlet() -> None:
    original = make("s", TEXT, outlet="sabq", source="sabq")
    copy = make("w", f"{TEXT}\n\nنقلاً عن صحيفة سبق", outlet="alweeam", source="alweeam")
    found = decide(copy, original)
    assert (found.origin, found.copy) == ("s", "w")
    assert not found.uncredited and found.dropped == ()


def test_link_origin_lead_rewrite_is_not_origin_for_being_contained() -> None:
    # The copy is the original's first paragraph: 100% of it stands inside the original. That
    # is no evidence it came first (a cut copy is contained too): nothing decides.
    original = make("full", TEXT, outlet="okaz", source="okaz")
    lead = make("lead", LEAD, outlet="alyaum", source="alyaum")
    found = decide(original, lead, 0.35, 1.0)
    assert found.origin is None and found.copy is None and not found.uncredited
    assert found.reasons and "no evidence" in found.reasons[0]
    assert decide(lead, original, 1.0, 0.35).origin is None


def test_link_origin_publication_times_decide_when_no_credit_does() -> None:
    first = make("one", TEXT, outlet="okaz", published="2015-08-10")
    lead = make("two", LEAD, outlet="alyaum", published="2015-08-11")
    found = decide(lead, first, 1.0, 0.35)
    assert (found.origin, found.copy) == ("one", "two")
    assert found.reasons == ("published earlier (2015-08-10 before 2015-08-11)",)
    assert found.uncredited and found.dropped == ("عكاظ",)
    # The same day: hours decide when both have one; midnight is a date without a time.
    timed = decide(
        make("early", TEXT, outlet="okaz", published="2015-08-10T08:00:00"),
        make("late", TEXT, outlet="alyaum", published="2015-08-10T09:30:00"),
    )
    assert timed.origin == "early"
    midnight = decide(
        make("m", TEXT, outlet="okaz", published="2015-08-10T00:00:00"),
        make("n", TEXT, outlet="alyaum", published="2015-08-10T09:30:00"),
    )
    assert midnight.origin is None


def test_link_origin_city_named_like_a_paper_is_not_its_credit() -> None:
    # The original credits the daily «الرياض» (an ambiguous name: also the capital). The copy
    # drops the credit but names the city, which must not count as crediting the paper.
    credited = make(
        "x", TEXT, outlet="3alyoum", published="2015-08-10", attributions=("المصدر: الرياض",)
    )
    copy = make("y", TEXT, outlet="alwatan", published="2015-08-11")
    assert "الرياض" in copy.title  # the city, in the title and the text
    found = decide(credited, copy)
    assert (found.origin, found.copy) == ("x", "y")
    assert found.uncredited and found.dropped


def test_link_origin_generic_agencies_credit_does_not_outrank_dates() -> None:
    # «(وكالات)» names no source: a later report that adds it is not the origin.
    first = make("y", TEXT, outlet="okaz", published="2015-08-10")
    later = make(
        "x", f"{LEAD} (وكالات)\n\n{MIDDLE}\n\n{TAIL}", outlet="sabq", published="2015-08-11"
    )
    found = decide(later, first)
    assert (found.origin, found.copy) == ("y", "x")
    assert found.origin_credit is None and "وكالات" not in found.dropped


def test_link_origin_credit_outranks_dates() -> None:
    wire = make("w", f"الرياض - واس\n\n{TEXT}", outlet="was", published="2015-08-11")
    copy = make("o", TEXT, outlet="okaz", published="2015-08-10")  # dated earlier, still a copy
    assert decide(wire, copy).origin == "w"


def test_link_origin_same_outlet_is_never_uncredited() -> None:
    # Two reports of one outlet (one with its agency dateline, one without): one outlet does
    # not "copy without credit" from itself, and an agency's own text is not flagged either.
    for outlet in ("was", "okaz"):
        a = make("a", f"الرياض - واس\n\n{TEXT}", outlet=outlet, published="2015-08-10")
        b = make("b", TEXT, outlet=outlet, published="2015-08-11")
        found = decide(a, b)
        assert not found.uncredited and found.dropped == (), outlet
    # «was» in the metadata and «واس» in a credit line are one outlet
    c = make("c", TEXT, outlet="واس", attributions=("(واس)",))
    d = make("d", TEXT, source="was")
    assert not decide(c, d).uncredited


def test_link_origin_copy_that_is_the_credited_agency_is_not_flagged() -> None:
    sabq = make("s", f"واس- الرياض: {TEXT}", outlet="sabq", published="2015-08-09")
    wire = make("w", TEXT, outlet="was", published="2015-08-10")
    found = decide(sabq, wire)
    assert found.origin == "w" and not found.uncredited  # SPA's own report, credited by Sabq


# -- end to end: records shaped like SaudiNewsNet's, through ingest and linking ------------


def _record(source: str, title: str, content: str, n: int) -> dict[str, str]:
    return {
        "source": source,
        "url": f"http://example.com/{source}/{n}",
        "date_extracted": "2015-08-10 12:00:00",
        "title": title,
        "author": "",
        "content": content,
    }


def test_link_origin_end_to_end_on_saudinewsnet_shaped_records(tmp_path: Path) -> None:
    records = [
        _record(
            "was",
            "الصحة: 3 حالات كورونا",
            f"الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n{TEXT}",
            1,
        ),
        _record("okaz", "ثلاث إصابات جديدة بكورونا في الرياض", TEXT, 2),
        _record("okaz", "تسجيل إصابات كورونا في الرياض", f"{LEAD}\n{MIDDLE}", 3),
    ]
    path = tmp_path / "2015-08-10.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with Marsad(tmp_path / "m.db") as m:
        m.ingest([path])
        m.update_reuse()
        by_source = {a.id: a.source for a in m.articles()}
        links = m.reuse_links()
        wire_links = [x for x in links if "was" in (by_source[x.a], by_source[x.b])]
        assert len(wire_links) == 2
        for link in wire_links:
            assert link.origin is not None and by_source[link.origin] == "was"
            assert link.uncredited and link.dropped == ("واس",)
        (okaz_pair,) = [x for x in links if by_source[x.a] == by_source[x.b] == "okaz"]
        assert okaz_pair.origin is None and not okaz_pair.uncredited  # one outlet's reports
        assert all(x.origin_credit is None for x in links)


def test_link_origin_credited_agency_is_stored_with_the_link(tmp_path: Path) -> None:
    records = [
        _record("sabq", "الصحة: 3 حالات كورونا", f"واس- الرياض: {TEXT}", 1),
        _record("alyaum", "ثلاث إصابات جديدة بكورونا", TEXT, 2),
    ]
    path = tmp_path / "2015-08-10.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with Marsad(tmp_path / "m.db") as m:
        m.ingest([path])
        m.update_reuse()
        source = {a.id: a.source for a in m.articles()}
        (link,) = m.reuse_links()
        assert link.origin and link.copy
        assert (source[link.origin], source[link.copy]) == ("sabq", "alyaum")
        assert link.uncredited and link.dropped == ("واس",)
        assert link.origin_credit == "واس"  # stored with the link, read back


def test_link_origin_credit_outside_the_shared_text_does_not_count() -> None:
    # An intro the other report does not carry credits SPA for the intro, not for the shared
    # text: no evidence of who took the shared text from whom.
    intro = "وفي سياق متصل، افتتح أمير المنطقة مركزاً صحياً جديداً في حي النسيم (واس)."
    host = make("h", f"{intro}\n\n{TEXT}", outlet="okaz", source="okaz")
    plain = make("p", TEXT, outlet="alyaum", source="alyaum")
    found = decide(host, plain, 0.8, 1.0)
    assert found.origin is None and found.origin_credit is None and not found.uncredited
    # the same credit next to the shared text counts
    tagged = make("t", f"{TEXT} (واس)", outlet="okaz", source="okaz")
    assert decide(tagged, plain).origin == "t"

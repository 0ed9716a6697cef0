"""Whole HTML pages through extraction and cleaning: what is kept, what is cut off, and why.

The pages in ``pages/`` are hand-written on the pattern of real news pages: an Arabic site with
«اقرأ أيضاً» teasers inside the report (as two paragraphs, as a box with a heading, inline, as a
list) and CNN Arabic's comment notices; an English site (the Postmedia layout) with a "Related"
list, "See also:" and "Read more:" lines between paragraphs; an Arabic aggregator that appends
a whole second report after the first one's source and tag lines.
"""

from __future__ import annotations

from pathlib import Path

from marsad.clean import Segment, split_segments
from marsad.ingest import ReadOptions, extract, read_bytes
from marsad.models import Extracted, RawDocument

PAGES = Path(__file__).resolve().parent / "pages"


def _clean(name: str) -> tuple[Extracted, list[Segment]]:
    (doc,) = read_bytes((PAGES / name).read_bytes(), name, ReadOptions())
    assert isinstance(doc, RawDocument)
    extracted = extract(doc)
    assert isinstance(extracted, Extracted)
    return extracted, split_segments(extracted.text, known_title=extracted.title)


def _openings(segment: Segment) -> list[str]:
    return [" ".join(p.split()[:3]) for p in segment.paragraphs]


def test_clean_page_arabic_teasers_inside_a_report_leave_it_whole() -> None:
    _, segments = _clean("ar_teaser_inside.html")
    assert len(segments) == 1  # trafilatura keeps it whole, and so must cleaning
    (report,) = segments
    assert report.title == "الأردن والعراق يتفقان على تمديد خط النفط عبر العقبة"
    assert _openings(report) == [
        "اتفق الأردن والعراق،",
        "وقال وزير الطاقة",
        "وأضاف الوزير أن",
        "من جهته، قال",
        "وتقدر كلفة المشروع",
        "وأوضح البيان أن",
        "وكان المشروع قد",
    ]
    teasers = [(r.text, r.reason) for r in report.removed if r.reason != "comment-policy"]
    assert teasers == [
        ("اقرأ أيضاً", "related-marker"),
        ("العراق يرفع صادراته النفطية إلى أعلى مستوى منذ عامين", "related-teaser"),
        ("اقرأ أيضا", "related-marker"),
        ("مصر والأردن والعراق يبحثون مشروع الربط الكهربائي الثلاثي", "related-teaser"),
        ("اقرأ أيضاً: ميناء العقبة يسجل رقماً قياسياً في حركة الحاويات", "related-teaser"),
        ("طالع أيضاً", "related-marker"),
        ("- الأردن يوقع اتفاقية لاستيراد الغاز الطبيعي من مصر", "related-teaser"),
        ("- العراق يعلن خطة لزيادة طاقة التكرير في مصفاة البصرة", "related-teaser"),
    ]
    notices = [r.text for r in report.removed if r.reason == "comment-policy"]
    assert [" ".join(n.split()[:3]) for n in notices] == ["ترحب شبكة CNN", "الآراء الواردة أدناه"]


def test_clean_page_english_related_lines_inside_a_report_leave_it_whole() -> None:
    _, segments = _clean("en_related_inside.html")
    (report,) = segments
    assert report.title == "B.C. ports brace for longer delays as rail blockades enter second week"
    assert _openings(report) == [
        "Shippers say dozens",  # the standfirst, which trafilatura keeps
        "Port operators on",
        "The Vancouver Fraser",
        "“Every day the",
        "The announcement came",
        "Importers of perishable",
        "He said the",
        "Economists at two",
        "Federal ministers are",
    ]
    assert [(r.text, r.reason) for r in report.removed] == [
        ("Related", "related-marker"),
        (
            "See also: Trucking firms say they cannot pick up the slack from idle trains",
            "related-teaser",
        ),
        (
            "Read more: Bank economists trim growth forecasts for the first quarter",
            "related-teaser",
        ),
    ]


def test_clean_page_report_appended_after_source_and_tags_is_its_own_article() -> None:
    extracted, segments = _clean("ar_appended_report.html")
    main, second = segments
    assert main.title == extracted.title
    assert _openings(main) == [
        "أعلن العراق توصله",
        "وأوضحت وزارة الخارجية",
        "وأكد البيان التزام",
        "وكانت مصادر عراقية",
    ]
    assert (main.outlet, main.attributions) == ("الاتحاد", ["المصدر: صحيفة الاتحاد"])
    assert second.title == "انسحاب الفصائل المسلحة العراقية بالتزامن مع زيارة قاآني إلى بغداد"
    assert _openings(second) == ["بدأت العديد من", "وذكرت وسائل إعلام", "تأتي الزيارة بالتزامن"]

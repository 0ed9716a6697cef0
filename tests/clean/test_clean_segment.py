"""Cleaning behaviour on small constructed inputs: teasers, appended reports, dates, credits."""

from __future__ import annotations

from marsad.clean import split_segments
from marsad.clean.boilerplate import LineKind, classify, split_inline_related
from marsad.clean.pubdate import find_date

PARA = (
    "أعلنت الحكومة اليوم عن خطة جديدة لإصلاح قطاع الكهرباء تشمل بناء محطات جديدة "
    "وتحديث الشبكة القديمة في عدد من المحافظات خلال السنوات المقبلة."
)


def test_clean_teaser_list_after_read_also_is_removed_not_split() -> None:
    text = "\n".join(
        ["عنوان الخبر الرئيسي", PARA, PARA, "اقرأ أيضا", "عنوان خبر آخر", "مقتطف قصير من خبر …"]
    )
    segments = split_segments(text)
    assert len(segments) == 1
    assert [r.reason for r in segments[0].removed].count("related-teaser") == 2


def test_clean_appended_report_becomes_its_own_segment() -> None:
    appended = ["إقرأ أيضاً:", "عنوان الخبر الثاني", PARA, PARA, PARA]
    main, second = split_segments("\n".join(["عنوان الخبر الرئيسي", PARA, *appended]))
    assert main.title == "عنوان الخبر الرئيسي"
    assert second.title == "عنوان الخبر الثاني"
    assert len(second.paragraphs) == 3


def test_clean_classify_recognizes_chrome_in_spelling_variants() -> None:
    assert classify("اقرأ ايضا") is LineKind.RELATED
    assert classify("إقرأ أيضاً:") is LineKind.RELATED
    assert classify("كلمات دلالية: العراق") is LineKind.TAGS
    assert classify("الرئيسية / أخبار / العراق") is LineKind.BREADCRUMB
    assert classify("جميع الحقوق محفوظة © 2024") is LineKind.FOOTER
    assert classify(PARA) is None


def test_clean_inline_related_box_is_cut_at_the_glue_point() -> None:
    line = "أخبار ذات صلة عنوان أول عن غزة عنوان «ثان»أعلن العراق توصله لاتفاق."
    teaser, rest = split_inline_related(line) or ("", "")
    assert rest == "أعلن العراق توصله لاتفاق."
    assert teaser.endswith("«ثان»")


def test_clean_find_date_reads_explicit_dates_only() -> None:
    assert find_date("تاريخ النشر: 26th, January 2024 GMT") == ("2024-01-26", "26th, january 2024")
    assert find_date("نشر في ١٢ أيار ٢٠٢٠")[0] == "2020-05-12"  # type: ignore[index]
    assert find_date("في 7 أيار/ مايو على التشكيلة") is None
    assert find_date("2021-02-23")[0] == "2021-02-23"  # type: ignore[index]
    assert find_date("31/02/2021") is None


def test_clean_broken_paragraph_is_rejoined() -> None:
    broken = ["وقال المتحدث باسم الوزارة لافتاً إلى أن", "الوضع مستقر تماماً الآن."]
    (seg,) = split_segments("\n".join(["عنوان", PARA, *broken]))
    assert seg.paragraphs[1] == "وقال المتحدث باسم الوزارة لافتاً إلى أن الوضع مستقر تماماً الآن."


def test_clean_report_lines_that_look_like_chrome_are_kept() -> None:
    # Seen in SaudiNewsNet: dates and ratings written with slashes and bars, words that only
    # look like cues, a city dateline that is also a newspaper's name.
    assert classify("الأربعاء 16 / 8 / 1436هـ، الموافق 3 / 6 / 2015م") is None
    assert classify("(*1): لا يستحق | (*2): وسط | (*3): جيد") is None
    assert classify("أخبار › العراق › سياسة") is LineKind.BREADCRUMB
    assert classify("أخبار » العراق » سياسة") is LineKind.BREADCRUMB
    assert classify("توفي ” نصف تاريخ القصايد ” في بني مالك") is None
    assert classify("معرض « فناني القرية » ضمن « مهرجان أبها »") is None
    assert classify("http: / / www.hrp.org.uk / HamptonCourtPalace / stories") is None
    assert classify("وشدد على احترام حقوق النشر والملكية الفكرية في كل الأحوال.") is None
    lines = [
        "عنوان",
        PARA,
        "نشرت مجلة أمريكان إنترست في 4 يناير 2015 مقالا عن القوى العظمى في العالم اليوم.",
        "- الرياض",
        "موقع مناسب",
    ]
    (seg,) = split_segments("\n".join(lines))
    assert seg.published.value is None
    assert seg.outlet is None
    assert len(seg.paragraphs) == 4


def test_clean_credit_lines_name_the_outlet() -> None:
    for line, outlet in (
        ("موقع العربية", "العربية"),
        ("(واس)", "واس"),
        ("نقلا عن الجزيرة", "الجزيرة"),
    ):
        (seg,) = split_segments("\n".join(["عنوان", PARA, line]))
        assert (seg.outlet, seg.attributions) == (outlet, [line])

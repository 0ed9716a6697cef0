"""Cleaning behaviour on small constructed inputs: teasers, appended reports, dates, credits,
gallery controls, tag lists and datelines."""

from __future__ import annotations

from marsad.clean import split_segments
from marsad.clean.appended import opens_as_continuation, opens_with_dateline
from marsad.clean.boilerplate import LineKind, classify, split_inline_related
from marsad.clean.credits import Credit, dateline, split_dateline
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


def test_clean_appended_report_after_end_matter_becomes_its_own_segment() -> None:
    appended = ["إقرأ أيضاً:", "عنوان الخبر الثاني", PARA, PARA, PARA]
    text = "\n".join(["عنوان الخبر الرئيسي", PARA, "المصدر: وكالة الأنباء العراقية", *appended])
    main, second = split_segments(text)
    assert main.title == "عنوان الخبر الرئيسي"
    assert main.paragraphs == [PARA]
    assert second.title == "عنوان الخبر الثاني"
    assert len(second.paragraphs) == 3
    assert ("إقرأ أيضاً:", "appended-article-marker") in [(r.text, r.reason) for r in main.removed]


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


# Paragraphs that go on with a report, as real reports do after an inline teaser.
GOES_ON = (
    "وأضاف البيان أن التحالف الدولي سيواصل دعم القوات العراقية في مطاردة فلول التنظيم في "
    "المناطق الصحراوية الممتدة على الحدود مع سوريا خلال الأشهر المقبلة.",
    "من جهته، رحب المتحدث باسم الحكومة بالخطوة، مؤكداً أن العراق يسعى إلى علاقات متوازنة مع "
    "جميع الدول وفق مبدأ السيادة الوطنية والمصالح المشتركة.",
    "وتأتي هذه المفاوضات بعد أشهر من التوتر بين البلدين على خلفية الهجمات التي استهدفت "
    "القواعد العسكرية في العراق، وما تبعها من غارات أمريكية.",
)


def test_clean_teaser_inside_a_report_is_removed_and_the_report_goes_on() -> None:
    # Issue 10: «اقرأ أيضاً» and a headline as two paragraphs after the second paragraph cut the
    # report there (it kept 30% of its text); the rest is the same report.
    text = "\n".join(
        ["عنوان الخبر", PARA, PARA, "اقرأ أيضاً", "الكاظمي يستقبل وفداً أمريكياً", *GOES_ON]
    )
    (seg,) = split_segments(text)
    assert seg.paragraphs == [PARA, PARA, *GOES_ON]
    assert [(r.text, r.reason) for r in seg.removed][1:] == [
        ("اقرأ أيضاً", "related-marker"),
        ("الكاظمي يستقبل وفداً أمريكياً", "related-teaser"),
    ]


def test_clean_marker_whose_headline_was_a_dropped_link_does_not_cut() -> None:
    # trafilatura drops a teaser headline that is only a link and keeps the marker line.
    (seg,) = split_segments("\n".join(["عنوان الخبر", PARA, PARA, "اقرأ أيضاً", *GOES_ON]))
    assert seg.paragraphs == [PARA, PARA, *GOES_ON]


def test_clean_report_shaped_text_after_a_mid_report_marker_stays_in_the_report() -> None:
    # Nothing closed the report (no source, tags or comment form): the marker is a teaser even
    # when what follows opens like a lead.
    lead = PARA.replace("أعلنت الحكومة", "أعلنت الوزارة")
    text = "\n".join(["عنوان الخبر", PARA, "اقرأ أيضاً", "عنوان خبر آخر", lead, *GOES_ON])
    (seg,) = split_segments(text)
    assert seg.paragraphs == [PARA, lead, *GOES_ON]


def test_clean_appended_report_opening_with_a_dateline_is_split_off() -> None:
    lead = "بغداد (رويترز) - " + PARA
    text = "\n".join(["عنوان الخبر", PARA, "إقرأ أيضاً:", "عنوان الخبر الثاني", lead, PARA, PARA])
    main, second = split_segments(text)
    assert main.paragraphs == [PARA]
    assert (second.title, second.paragraphs) == ("عنوان الخبر الثاني", [PARA, PARA, PARA])
    assert ("بغداد (رويترز) -", "dateline") in [(r.text, r.reason) for r in second.removed]
    assert second.attributions == ["بغداد (رويترز) -"]  # the wire it comes from


def test_clean_text_that_goes_on_after_end_matter_is_not_a_new_report() -> None:
    # A credit line closes the report, but «وأضاف…» continues a text: a teaser box, not a report.
    text = "\n".join(["عنوان الخبر", PARA, "المصدر: واس", "اقرأ أيضاً", "عنوان آخر", *GOES_ON])
    assert len(split_segments(text)) == 1


def test_clean_english_related_lines_inside_a_report_are_teasers() -> None:
    paragraphs = [
        "Port operators on the B.C. coast warned Monday that delays at their terminals will "
        "grow longer as rail blockades entered their second week.",
        "The Vancouver Fraser Port Authority said 42 vessels were anchored in English Bay "
        "waiting for berths, roughly twice the usual number.",
        "The announcement came as Canadian National Railway said it had begun temporary "
        "layoffs of about 450 workers in Eastern Canada.",
        "He said the company was now routing some shipments through Seattle and Tacoma, at a "
        "cost of several thousand dollars more per container.",
    ]
    text = "\n".join(
        [
            "B.C. ports brace for longer delays",
            *paragraphs[:2],
            "Related",
            "Rail blockade: What we know about the protests",
            "Prairie grain farmers count the cost of stalled shipments",
            paragraphs[2],
            "See also: Trucking firms say they cannot pick up the slack",
            paragraphs[3],
            "READ MORE: Bank economists trim growth forecasts",
        ]
    )
    (seg,) = split_segments(text)
    assert seg.paragraphs == paragraphs
    assert [r.reason for r in seg.removed].count("related-teaser") == 4


def test_clean_comment_policy_lines_never_cut_a_body() -> None:
    welcome = (
        "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر في موقع CNN بالعربية إلى مراجعة "
        "التعليقات قبل نشرها. ننصحك بمراجعة إرشادات الاستخدام للتعرف إليها جيداً."
    )
    views = "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط."
    for lines in (
        [PARA, welcome, views, *GOES_ON],
        [PARA, *GOES_ON, welcome, views],
        [PARA, views, "اقرأ أيضاً", "عنوان آخر", *GOES_ON],
    ):
        (seg,) = split_segments("\n".join(["عنوان الخبر", *lines]))
        assert seg.paragraphs == [PARA, *GOES_ON]
        assert {r.text for r in seg.removed if r.reason == "comment-policy"} <= {welcome, views}
    assert classify(welcome) is LineKind.COMMENT_POLICY


def test_clean_continuation_and_dateline_openings() -> None:
    for text in ("وقال الوزير إن", "من جهته، أكد", "كما أشار", "«نحن ملتزمون»", "He added that"):
        assert opens_as_continuation(text), text
    for text in ("أعلنت الوزارة", "وصل الوزير إلى", "بدأت الفصائل", "Port operators said"):
        assert not opens_as_continuation(text), text
    assert opens_with_dateline("الرياض (واس) - أعلنت الوزارة")
    assert opens_with_dateline("بغداد - رويترز أعلنت الوزارة")
    assert opens_with_dateline("LONDON — The bank said")
    assert opens_with_dateline("(CNN) -- The bank said")
    assert not opens_with_dateline("أعلنت الوزارة - في بيان - أن")
    assert not opens_with_dateline("The bank — in a statement — said")


def test_clean_gallery_controls_and_glued_tags_are_cut_off() -> None:
    # The shape of Ain Alyoum (3alyoum) pages in SaudiNewsNet.
    text = "\n".join(
        [
            " صورة الوفد صورة الاجتماع Next Previous عين اليوم – واس",
            PARA,
            PARA + " سمات العراق الحكومة الكهرباء ",
        ]
    )
    (seg,) = split_segments(text, known_title="عنوان الخبر")
    assert seg.paragraphs == [PARA, PARA]
    assert [(r.text, r.reason) for r in seg.removed] == [
        ("صورة الوفد صورة الاجتماع", "gallery"),
        ("Next Previous", "gallery"),
        ("عين اليوم – واس", "dateline"),
        ("سمات العراق الحكومة الكهرباء", "tag-line"),
    ]
    assert seg.attributions == ["عين اليوم – واس"]


def test_clean_words_that_only_look_like_gallery_or_tags_stay() -> None:
    ending = PARA[:-1] + " وهي من أبرز سمات المجتمع العراقي"
    (seg,) = split_segments(
        "\n".join(["عنوان", PARA, "فاز الفريق بالمباراة التالية بعد أن خسر السابقة.", ending])
    )
    assert seg.paragraphs[-1] == ending
    assert len(seg.paragraphs) == 3


def test_clean_datelines_and_bylines_joined_by_dashes() -> None:
    for line in (
        "عين اليوم – الرياض",
        "نايف عبدالله – عين اليوم",
        "رصد وتصوير: أحمد حجازي – عين اليوم",
        "صقر خالد – رغد عشميل – جدة",
        "حنان الحامدي – جدة (تصوير: علي الزهراني)",
        "سلوى المدني ـ عين اليوم",
        "مكة المكرمة –",
        "عين اليوم – رام الله",
    ):
        assert dateline(line) is not None, line
    for line in (
        "- كوب سكر",
        "الملك عبدالعزيز - رحمه الله -",
        "دفعت خمسة اندية سعودية (الاتحاد –",
        "العراق – أمريكا: اتفاق",
        "أعلنت الحكومة اليوم – في بيان رسمي – أن الخطة ستبدأ.",
    ):
        assert dateline(line) is None, line
    assert split_dateline("عين اليوم – متابعات أزاحت شركة سامسونج الستار") == (
        "عين اليوم – متابعات",
        "أزاحت شركة سامسونج الستار",
        Credit("عين اليوم", "dateline"),
    )


def test_clean_an_outlets_link_line_at_the_end_is_its_signature_not_text() -> None:
    text = (
        "عقد مجلس الشؤون السياسية والأمنية اجتماعاً في جدة استعرض فيه عدداً من الموضوعات.\n"
        "واطلع المجلس على تطورات الأحداث الإقليمية، واتخذ بشأنها التوصيات اللازمة. "
        "رابط الخبر بصحيفة الوئام: مجلس الشؤون السياسية والأمنية يعقد اجتماعاً في جدة"
    )
    (segment,) = split_segments(text, known_title="مجلس الشؤون السياسية يعقد اجتماعاً")
    assert segment.paragraphs[-1].endswith("واتخذ بشأنها التوصيات اللازمة.")
    (footer,) = [r for r in segment.removed if r.reason == "link-footer"]
    assert footer.text.startswith("رابط الخبر بصحيفة الوئام:")
    assert segment.outlet == "الوئام"
    inside = "وقال إن رابط الخبر بصحيفة الوئام: كذا ثم أكمل حديثه عن المشروع. وأضاف أن العمل مستمر."
    (kept,) = split_segments(inside, known_title="عنوان")  # not at the end: text
    assert "رابط الخبر" in kept.paragraphs[-1]

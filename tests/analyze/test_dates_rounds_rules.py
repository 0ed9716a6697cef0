"""The rules of the later dates rounds, each with the readings it must not take."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.analyze import find_temporal

REF = dt.date(2017, 5, 5)


ROUND3 = [
    # an event's edition: the year alone
    ("التصفيات المؤهلة لنهائيات كأس الأمم الإفريقية 2019 .", [("2019", "2019")]),
    ("في تصفيات مونديال روسيا 2018.", [("2018", "2018")]),
    ("مشاركة في كأس العالم للأندية اليابان 2007 كما", [("2007", "2007")]),
    # a count after an event word is not a year
    ("حضر مهرجان الربيع 2000 مشجع", []),
    ("معرض الكتاب يستقبل 1500 زائر", []),
    # years joined by «و», each its own; «بين» keeps the range
    ("توج سنتي 2007 و 2016 بلقب", [("سنتي 2007", "2007"), ("2016", "2016")]),
    (
        "مسابقة الكأس 2012 و 2014 و 2015 إضافة",
        [("2012", "2012"), ("2014", "2014"), ("2015", "2015")],
    ),
    ("بين سنتي 2011 و2013 لوضعهم", [("سنتي 2011 و2013", "2011/2013")]),
    ("سنتي 2010 و2011", [("سنتي 2010 و2011", "2010/2011")]),
    # a season written backwards
    ("لبطولة الرابطة لموسم 2017/2016 والتي", [("2017/2016", "2016/2017")]),
    # a range «إلى غاية»
    (
        "ابتداء من 30 جانفي الى غاية 3 فيفري 2017 ،",
        [("30 جانفي الى غاية 3 فيفري 2017", "2017-01-30/2017-02-03")],
    ),
    # «الليلة» is tonight; not when a word describes it
    ("و سيجري المنتخب الليلة حصته التدريبية", [("الليلة", "2017-05-05")]),
    ("في الليلة الأولى من المهرجان", []),
    # «اليوم» before «إلى» is a date
    ("زيارة عمل يؤديها اليوم إلى صفاقس", [("اليوم", "2017-05-05")]),
]


HIJRI_REF = dt.date(2015, 7, 26)  # nine days after Eid al-Fitr 1436 (2015-07-17)


ROUND3_HIJRI = [
    # "العيد" alone, as a time: the Eid nearest the reference
    ("الحادثة التي وقعت يوم العيد على الكورنيش", [("يوم العيد", "2015-07-17")]),
    ("وصل في ثاني أيام العيد ،", [("ثاني أيام العيد", "2015-07-18")]),
    ("تأجيلها الى ما بعد العيد حتى يتمكنوا", [("العيد", "2015-07-17")]),
    ("ازدانت طوال أيام العيد بألوان", [("أيام العيد", "2015-07-17/2015-07-19")]),
    # not a time: a greeting, the national day
    ("لتهنئة بعضهم بعضاً بالعيد المبارك", []),
    ("احتفالات العيد الوطني", []),
    # Ramadan by its epithets; its last ten days
    ("ثمرة عملهم طوال الشهر الفضيل تكشف", [("الشهر الفضيل", "2015-06-18/2015-07-16")]),
    (
        "بعد توقفها في العشر الأواخر من شهر رمضان وتفضيل",
        [("العشر الأواخر من شهر رمضان", "2015-07-08/2015-07-16")],
    ),
    # a month named again is the month named, Hijri too
    (
        "خلال شهر رمضان المبارك عشرون عملية كما استقبل خلال نفس الشهر 7092 مراجعا",
        [
            ("شهر رمضان المبارك", "2015-06-18/2015-07-16"),
            ("نفس الشهر", "2015-06-18/2015-07-16"),
        ],
    ),
]


R4_REF = dt.date(2017, 1, 12)  # a Thursday


ROUND4 = [
    # a part of "the year" alone is this year's
    ("في مطلع العام حسب", REF, [("مطلع العام", "2017-01-01/2017-04-30")]),
    ("نهاية العام الدراسي", REF, []),  # a school year's end: not the calendar year's
    # a date naming a street or a square
    ("مقرها بشارع 9 أفريل بالعاصمة", REF, []),
    ("تجمع بساحة 14 جانفي", REF, []),
    # a night between two days
    ("ليلة الأربعاء - الخميس", R4_REF, [("ليلة الأربعاء - الخميس", "2017-01-11/2017-01-12")]),
    # a season with a direction
    ("خلال الموسم القادم", dt.date(2017, 6, 17), [("الموسم القادم", "2017/2018")]),
    # the eve of Eid, «أول أيام» a Hijri month, a Hijri year without «هـ» near the reference
    ("ليلة عيد الفطر المبارك", HIJRI_REF, [("ليلة عيد الفطر المبارك", "2015-07-16")]),
    ("أول أيام شهر رمضان المبارك", HIJRI_REF, [("أول أيام شهر رمضان المبارك", "2015-06-18")]),
    ("خلال عام 1435 الماضي", HIJRI_REF, [("عام 1435", "2013-11-04/2014-10-24")]),
    ("فتح القسطنطينية عام 1453", HIJRI_REF, []),
]


ROUND5 = [
    # a list of years in brackets: each its own
    ("توج في ( 1965 1967 1968 )", REF, [("1965", "1965"), ("1967", "1967"), ("1968", "1968")]),
    ("(2015)", REF, [("2015", "2015")]),
    # a range written backwards
    ("المخطط 2020/2016", REF, [("2020/2016", "2016/2020")]),
    # Tunisian «الفارطة», and tonight
    ("اندلع الليلة الفارطة", REF, [("الليلة الفارطة", "2017-05-04")]),
    ("تنطلق الليلة القادمة", REF, [("الليلة القادمة", "2017-05-05")]),
]


AFTER_READING = [
    # between two seasons (summer) the last one is just over, the next about to begin
    ("لقب الدوري في الموسم الماضي", dt.date(2015, 8, 1), [("الموسم الماضي", "2014/2015")]),
    ("لمنافسات الموسم المقبل", dt.date(2015, 7, 20), [("الموسم المقبل", "2015/2016")]),
    ("في الموسم الماضي", dt.date(2015, 11, 1), [("الموسم الماضي", "2014/2015")]),
    # a night's name is not tonight
    ("ضمن فعاليات الليلة الشعبية التي", HIJRI_REF, []),
    # an ordinal day whose article is fused into «ل»
    (
        "الموافق للسادس والعشرين من مارس 2015م",
        HIJRI_REF,
        [("لسادس والعشرين من مارس 2015م", "2015-03-26")],
    ),
]


AFTER_FIFTH = [
    # a Gregorian date a day off its weekday: a slip, the written date stands (ant-r5-123,
    # ant-r4-060); further off, the two cannot be told apart and there is no value
    (
        "يوم الخميس 12 ماي 2017 انطلقت",
        dt.date(2017, 5, 13),
        [("يوم الخميس 12 ماي 2017", "2017-05-12")],
    ),
    ("أمس السبت 04 مارس 2016 في", dt.date(2016, 3, 5), [("أمس السبت 04 مارس 2016", "2016-03-04")]),
    ("الاثنين 18 ماي 2017", dt.date(2017, 5, 20), [("الاثنين 18 ماي 2017", None)]),
    ("الخميس 11 ماي 2017", dt.date(2017, 5, 13), [("الخميس 11 ماي 2017", "2017-05-11")]),
]


CASES = [
    *((text, REF, expected) for text, expected in ROUND3),
    *((text, HIJRI_REF, expected) for text, expected in ROUND3_HIJRI),
    *ROUND4,
    *ROUND5,
    *AFTER_READING,
    *AFTER_FIFTH,
]


@pytest.mark.parametrize(("text", "reference", "expected"), CASES)
def test_rules_of_the_later_rounds(
    text: str, reference: dt.date, expected: list[tuple[str, str | None]]
) -> None:
    assert [(e.text, e.value) for e in find_temporal(text, reference)] == expected

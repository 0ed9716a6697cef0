"""find_temporal on Hijri dates (Umm al-Qura), the tense of the sentence, and the Maghrebi forms
(two months, ranges across months, «غرة», «الليلة الماضية», numbers written against a word)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.analyze import find_temporal
from marsad.analyze.temporal import hijri
from marsad.analyze.temporal.fold import fold
from marsad.analyze.temporal.tense import tense

SHAWWAL_5 = dt.date(2015, 7, 21)  # 5 Shawwal 1436, a Tuesday


def values(text: str, reference: dt.date | None = SHAWWAL_5) -> list[tuple[str, str | None, str]]:
    return [(e.text, e.value, e.granularity) for e in find_temporal(text, reference)]


# -- Hijri dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("في 25 شوال 1436هـ", ("25 شوال 1436هـ", "2015-08-10", "day")),
        ("بتاريخ 1 / 11 / 1436 هـ", ("1 / 11 / 1436 هـ", "2015-08-16", "day")),
        ("التاريخ: 1436/11/01", ("1436/11/01", "2015-08-16", "day")),
        ("تنتهي الأربعاء27/10/1436هـ، وذلك", ("الأربعاء27/10/1436هـ", "2015-08-12", "day")),
        ("يوم الخميس 12 من ذي القعدة", ("يوم الخميس 12 من ذي القعدة", "2015-08-27", "day")),
        (
            "السبت التاسع من شهر شوال عام 1436ه",
            ("السبت التاسع من شهر شوال عام 1436ه", "2015-07-25", "day"),
        ),
        ("في غرة ذي القعدة", ("غرة ذي القعدة", "2015-08-16", "day")),
        ("خلال شهر رمضان المبارك", ("شهر رمضان المبارك", "2015-06-18/2015-07-16", "month")),
        ("عن العام 1434ه", ("العام 1434ه", "2012-11-15/2013-11-03", "year")),
        ("منتصف ذي القعدة", ("منتصف ذي القعدة", "2015-08-26/2015-09-04", "month-part")),
        ("من 10 إلى 12 شوال الجاري", ("10 إلى 12 شوال الجاري", "2015-07-26/2015-07-28", "day")),
        ("من 19 إلى 21 / 10 / 1436هـ", ("19 إلى 21 / 10 / 1436هـ", "2015-08-04/2015-08-06", "day")),
        ("في 16 من رجب الماضي", ("16 من رجب الماضي", "2015-05-05", "day")),
        (
            "من 28 رمضان إلى 2 شوال 1436هـ",
            ("28 رمضان إلى 2 شوال 1436هـ", "2015-07-15/2015-07-18", "day"),
        ),
        (
            "نهاية شهر ربيع الآخر من العام المنصرم",
            ("نهاية شهر ربيع الآخر من العام المنصرم", "2014-02-21/2014-03-01", "month-part"),
        ),
    ],
)
def test_dates_hijri_dates_become_their_gregorian_days(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert values(text) == [expected]


def test_dates_hijri_date_with_its_gregorian_equivalent_gives_both() -> None:
    text = "قد اعتمدت الجمعة 16 رمضان 1436هـ الموافق 3 يوليو 2015م في"
    assert [value for _, value, _ in values(text, dt.date(2015, 7, 27))] == [
        "2015-07-03",
        "2015-07-03",
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("الذي عرض في رمضان وحقق نجاحا", "2015-06-18/2015-07-16"),  # past: the one just ended
        ("سيقام المؤتمر في شهر محرم", "2015-10-14/2015-11-12"),  # future: the coming one
        ("في شهر ذي القعدة", "2015-08-16/2015-09-13"),  # no tense: the one ahead, within 3 months
    ],
)
def test_dates_hijri_month_without_a_year_follows_the_tense(text: str, value: str) -> None:
    assert [v for _, v, _ in values(text)] == [value]


def test_dates_hijri_weekday_a_day_off_its_date_is_the_weekday() -> None:
    # 16 Ramadan 1436 is Friday 3 July by Umm al-Qura; a Thursday beside it is 2 July.
    assert values("يوم الخميس 16 رمضان 1436هـ")[0][1] == "2015-07-02"


def test_dates_hijri_outside_the_tables_has_no_value_and_no_error() -> None:
    found = find_temporal("في 5 شوال 1320هـ وفي العام 1301هـ", SHAWWAL_5)
    assert [(e.text, e.value) for e in found] == [("5 شوال 1320هـ", None), ("العام 1301هـ", None)]
    assert find_temporal("في رمضان الماضي", dt.date(1900, 1, 1))[0].value is None


def test_dates_hijri_month_without_a_reference_is_unresolved() -> None:
    (expression,) = find_temporal("في رمضان الماضي", None)
    assert (expression.value, expression.relative) == (None, True)


@pytest.mark.parametrize(
    "text",
    ["وقال أحمد رمضان إن", "فيلم للفنان محمد رمضان", "أمام ضيفه صفر - 1", "وجود المحرم أو"],
)
def test_dates_hijri_names_that_are_not_months(text: str) -> None:
    assert find_temporal(text, SHAWWAL_5) == []


def test_dates_hijri_calendar_periods() -> None:
    month = hijri.month(1436, 10)
    assert month is not None
    assert (month.earliest, month.latest) == (dt.date(2015, 7, 17), dt.date(2015, 8, 15))
    assert hijri.day(1436, 9, 30) is None  # Ramadan 1436 has 29 days
    assert hijri.today(SHAWWAL_5) == (1436, 10, 5)
    assert hijri.month_year(SHAWWAL_5, 9, -1, None) == 1436
    assert hijri.month_year(SHAWWAL_5, 10, -1, None) == 1435
    assert hijri.month_year(SHAWWAL_5, 10, 1, None) == 1437


# -- the tense of the sentence ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reference, value",
    [
        ("وأعلن أنه سيتقدم يوم الاثنين بقضية", dt.date(2015, 8, 8), "2015-08-10"),
        ("التي ستدور نهار الأربعاء القادم", dt.date(2015, 8, 8), "2015-08-12"),
        ("ينتظم المهرجان يوم الأربعاء بالعاصمة", dt.date(2015, 8, 8), "2015-08-12"),
        ("ومن المقرر أن تنتهي ظهر السبت", dt.date(2016, 12, 7), "2016-12-10"),
        ("فإن نهار الأربعاء سيكون الأطول", dt.date(2017, 6, 20), "2017-06-21"),
        ("وانطلق المهرجان يوم الأربعاء بالعاصمة", dt.date(2015, 8, 8), "2015-08-05"),
        ("أعلنت الوزيرة الاثنين أنها ستطلب", dt.date(2017, 3, 14), "2017-03-13"),
    ],
)
def test_dates_bare_weekday_follows_the_tense_of_its_verb(
    text: str, reference: dt.date, value: str
) -> None:
    assert [v for _, v, _ in values(text, reference)] == [value]


@pytest.mark.parametrize(
    "text, reference, value",
    [
        ("وفتح فيسبوك البرنامج في أفريل في مسعى", dt.date(2017, 2, 22), "2016-04"),
        ("والتي وصلت إلى العاصمة في مارس بموافقة", dt.date(2016, 12, 2), "2016-03"),
        ("وكشف أنه سيعود إلى المنطقة في شهر فيفري", dt.date(2016, 12, 27), "2017-02"),
        ("الذي يتحرك فيه منذ آذار (مارس)", dt.date(2015, 8, 8), "2015-03"),
        ("في أفريل", dt.date(2017, 2, 22), "2017-04"),  # no tense: within three months ahead
    ],
)
def test_dates_month_without_a_year_follows_the_tense(
    text: str, reference: dt.date, value: str
) -> None:
    assert [v for _, v, _ in values(text, reference)] == [value]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال ان المجلس سيعقد يوم الاربعاء", 1),
        ("ومن المقرر ان تنتهي ظهر السبت", 1),
        ("كان من المقرر ان تلعب في مارس", 1),
        ("والتي وصلت الي العاصمه في مارس", -1),
        ("منذ مارس", -1),
        ("ذروه مشاهدتها في مارس", None),
    ],
)
def test_dates_tense_of_the_clause(text: str, expected: int | None) -> None:
    folded = fold(text).text
    start = folded.rindex(" ") + 1
    assert tense(folded, start) == expected


def test_dates_tense_reads_the_present_as_future_only_when_asked() -> None:
    text = "يلتقي الوزير الاربعاء"
    assert tense(text, 13) is None
    assert tense(text, 13, present=True) == 1


# -- Maghrebi forms, ranges -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        (
            "في شهري جانفي وفيفري الماضيين",
            dt.date(2016, 3, 15),
            ("شهري جانفي وفيفري الماضيين", "2016-01/2016-02", "month"),
        ),
        (
            "خلال شهري جويلية و أوت المقبلين",
            dt.date(2017, 2, 16),
            ("شهري جويلية و أوت المقبلين", "2017-07/2017-08", "month"),
        ),
        (
            "من ديسمبر إلى فيفري 2016",
            dt.date(2016, 5, 1),
            ("ديسمبر إلى فيفري 2016", "2015-12/2016-02", "month"),
        ),
        (
            "المنعقد يومي 31 مارس و1 أفريل الماضيين",
            dt.date(2017, 5, 15),
            ("31 مارس و1 أفريل الماضيين", "2017-03-31/2017-04-01", "day"),
        ),
        (
            "من 29 أوت إلى 14 سبتمبر 2017",
            dt.date(2017, 6, 20),
            ("29 أوت إلى 14 سبتمبر 2017", "2017-08-29/2017-09-14", "day"),
        ),
        (
            "بين 28 ديسمبر و3 جانفي 2016",
            dt.date(2016, 1, 5),
            ("28 ديسمبر و3 جانفي 2016", "2015-12-28/2016-01-03", "day"),
        ),
        (
            "الذي يمتد من 27 ماي الى 27 جوان",
            dt.date(2017, 6, 5),
            ("27 ماي الى 27 جوان", "2017-05-27/2017-06-27", "day"),
        ),
        ("التفاوضية بين 1950 و1952.", dt.date(2016, 1, 31), ("1950 و1952", "1950/1952", "year")),
        ("من 2012 إلى 2015", dt.date(2016, 1, 31), ("2012 إلى 2015", "2012/2015", "year")),
        ("خلال الليلة الماضية وإثر", dt.date(2016, 3, 24), ("الليلة الماضية", "2016-03-23", "day")),
        ("إلى غاية غرة أكتوبر", dt.date(2016, 9, 17), ("غرة أكتوبر", "2016-10-01", "day")),
        ("المؤرخ في23 جويلية 2002", dt.date(2016, 10, 12), ("23 جويلية 2002", "2002-07-23", "day")),
        ("هجوم في17 يناير", dt.date(2016, 2, 1), ("17 يناير", "2016-01-17", "day")),
        ("في شهر سبتمبر الفارط", dt.date(2017, 6, 1), ("شهر سبتمبر الفارط", "2016-09", "month")),
        ("سيجري الفريق عشية الجمعة حصة", dt.date(2017, 4, 6), ("عشية الجمعة", "2017-04-07", "day")),
    ],
)
def test_dates_maghrebi_forms_and_ranges(
    text: str, reference: dt.date, expected: tuple[str, str, str]
) -> None:
    assert values(text, reference) == [expected]

"""find_temporal: the second round of rules (Eids, Hijri month lists, school years, year spans,
weeks of a month, "آخر يوم من", "موفى", "للسنة", "نفس/ذاته", "اليوم" before a noun)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.analyze import find_temporal

RAMADAN_1436_END = dt.date(2015, 7, 21)  # a Tuesday in Shawwal 1436
TUNIS = dt.date(2017, 3, 13)  # a Monday


def values(text: str, reference: dt.date) -> list[tuple[str, str | None, str | None]]:
    return [(e.text, e.value, e.granularity) for e in find_temporal(text, reference)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وهنأهم بعيد الفطر المبارك", [("عيد الفطر المبارك", "2015-07-17", "day")]),
        ("وقع الحادث أول أيام عيد الفطر", [("أول أيام عيد الفطر", "2015-07-17", "day")]),
        ("خلال أيام عيد الفطر", [("أيام عيد الفطر", "2015-07-17/2015-07-19", "day")]),
        ("تعود بعد عيد الأضحى المبارك", [("عيد الأضحى المبارك", "2015-09-23", "day")]),
        (
            "احتفالات عيد الفطر لهذا العام 1436هـ",
            [("عيد الفطر لهذا العام 1436هـ", "2015-07-17", "day")],
        ),
        ("شنت الوزارة خلال إجازة عيد الفطر جولات", []),
        ("في هذه الفترة من كل عام للفرحة بعيد الفطر", []),
        ("وصل بعيد منتصف الليل", []),
    ],
)
def test_dates_eids_are_hijri_days(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text, RAMADAN_1436_END) == expected


def test_dates_hijri_month_lists_and_month_ends() -> None:
    text = "صرف مكافآت لأشهر ربيع أول وربيع ثان وجماد الاخر ورجب لعام 1436ه."
    assert values(text, RAMADAN_1436_END) == [
        ("ربيع أول وربيع ثان وجماد الاخر ورجب لعام 1436ه", "2014-12-23/2015-05-18", "month")
    ]
    text = "تستقبل المشاركات حتى آخر يوم من شهر ذي القعدة المقبل"
    assert values(text, RAMADAN_1436_END)[0][1:] == ("2015-09-13", "day")
    assert values("حتى آخر يوم من شهر فيفري 2016", TUNIS)[0][1] == "2016-02-29"


@pytest.mark.parametrize(
    "text, value, granularity",
    [
        ("الجديد بالنسبة للسنة الدراسية المقبلة هو", "2017/2018", "year"),
        ("مع السنة الدراسية 2018-2019 في", "2018/2019", "year"),
        ("منذ السنة البرلمانية المنقضية", "2015/2016", "year"),
        ("في إطار المخطط الخماسي 2016-2020،", "2016/2020", "year"),
        ("بالنسبة للسنة القادمة.", "2018", "year"),
        ("جاهزة في موفى جوان على", "2017-06-21/2017-06-30", "month-part"),
        ("خلال الأسبوع الأول من شهر مارس 2017 على", "2017-03-01/2017-03-07", "week"),
        ("كما تجرى اليوم الدفعة الأولى", "2017-03-13", "day"),
        ('وقال في برنامج "بوليتيكا" اليوم إن', "2017-03-13", "day"),
    ],
)
def test_dates_second_round_rules(text: str, value: str, granularity: str) -> None:
    (found,) = find_temporal(text, TUNIS)
    assert (found.value, found.granularity) == (value, granularity)


def test_dates_session_year_begins_in_september() -> None:
    (found,) = find_temporal("السنة الدراسية المقبلة", dt.date(2016, 11, 10))
    assert found.value == "2017/2018"


def test_dates_today_before_an_adjective_is_not_a_date() -> None:
    for text in ("في إطار اليوم العالمي للرياضة", "في اليوم الآخر", "اليوم الذي وصل فيه"):
        assert values(text, TUNIS) == [], text


def test_dates_a_unit_named_again_takes_the_date_before_it() -> None:
    text = "وقع الهجوم يوم 19 ديسمبر 2016 وفي اليوم ذاته أعلن، وأجل الحكم إلى يوم 15 من الشهر ذاته"
    assert [e.value for e in find_temporal(text, TUNIS)] == [
        "2016-12-19",
        "2016-12-19",
        "2016-12-15",
    ]
    assert values("وفي نفس الليلة غادر", TUNIS) == [("نفس الليلة", None, "day")]
    text = "بلغت 4.2 في المائة في يونيو مقارنة بالشهر نفسه من العام الماضي"
    assert [e.value for e in find_temporal(text, dt.date(2015, 8, 1))] == ["2015-06", "2014"]

"""MONTHS, WEEKDAYS, month_number: every naming system, keyed by normalized form."""

from __future__ import annotations

import pytest

from marsad.arabic import MONTHS, WEEKDAYS, month_number, normalize
from marsad.arabic.months import weekday_number

EGYPTIAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
LEVANTINE = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@pytest.mark.parametrize("names", [EGYPTIAN, LEVANTINE, ENGLISH])
def test_months_every_system_numbers_all_twelve(names: list[str]) -> None:
    assert [month_number(name) for name in names] == list(range(1, 13))


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("اغسطس", 8),
        ("ابريل", 4),
        ("إبريل", 4),
        ("يونيه", 6),
        ("يوليه", 7),
        ("فبرير", 2),
        ("كانون ثاني", 1),
        ("تشرين  أول", 10),
        ("Sept", 9),
        ("DEC", 12),
        ("jan", 1),
        ("أفريل", 4),
        ("جويلية", 7),
        ("أوت", 8),
    ],
)
def test_months_common_variants(name: str, number: int) -> None:
    assert month_number(name) == number


def test_months_unknown_word_is_none() -> None:
    assert month_number("غدا") is None
    assert month_number("") is None


def test_months_keys_are_normalized() -> None:
    for table in (MONTHS, WEEKDAYS):
        for key in table:
            assert normalize(key) == key


def test_months_seed_date_phrases() -> None:
    # "7 أيار/ مايو" and "أواخر مارس/آذار" name the same month twice.
    assert month_number("أيار") == month_number("مايو") == 5
    assert month_number("مارس") == month_number("آذار") == 3


def test_weekdays_start_on_monday() -> None:
    arabic = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    assert [weekday_number(name) for name in arabic] == list(range(7))
    assert weekday_number("الإثنين") == 0
    assert [WEEKDAYS[name] for name in ("monday", "tue", "sun")] == [0, 1, 6]
    assert weekday_number("أمس") is None

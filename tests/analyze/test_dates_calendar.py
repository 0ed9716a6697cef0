"""The pieces under find_temporal: folding with offsets, calendar arithmetic, value formats."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.fold import fold
from marsad.arabic import normalize


def test_dates_fold_keeps_length_except_for_removed_marks() -> None:
    folded = fold("أُعلِن «اليوم» ٢٠٢٤ في إبريل، وFEB")
    assert folded.text == "اعلن «اليوم» 2024 في ابريل, وfeb"
    assert folded.span(0, 4) == (0, 6)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="أإآاىةؤئبتثجحخ ً ٌ ٍ َ ُ ِ ّ ْـ\u200f٠١٢abcAB،", max_size=60))
def test_dates_fold_spans_map_back_to_the_same_letters(text: str) -> None:
    folded = fold(text)
    for start in range(len(folded.text)):
        for end in range(start + 1, min(len(folded.text), start + 6) + 1):
            first, last = folded.span(start, end)
            assert 0 <= first < last <= len(text)
            assert fold(text[first:last]).text == folded.text[start:end]


def test_dates_fold_agrees_with_normalize_on_letters_and_digits() -> None:
    text = "الأمريكي إلى مسؤولة ٢٠١٥ ۲۰۱۵ جديدة"
    assert fold(text).text == normalize(text)


@pytest.mark.parametrize(
    "period, value, earliest, latest",
    [
        (cal.day(dt.date(2024, 1, 26)), "2024-01-26", (2024, 1, 26), (2024, 1, 26)),
        (cal.week(dt.date(2021, 1, 1)), "2020-W53", (2020, 12, 28), (2021, 1, 3)),
        (cal.month_part(2024, 2, "end"), "2024-02-21/2024-02-29", (2024, 2, 21), (2024, 2, 29)),
        (cal.month_part(2015, 6, "middle"), "2015-06-11/2015-06-20", (2015, 6, 11), (2015, 6, 20)),
        (cal.month(2020, 5), "2020-05", (2020, 5, 1), (2020, 5, 31)),
        (cal.quarter(2014, 1), "2014-Q1", (2014, 1, 1), (2014, 3, 31)),
        (cal.half(2015, 2), "2015-07-01/2015-12-31", (2015, 7, 1), (2015, 12, 31)),
        (cal.year_part(2015, "start"), "2015-01-01/2015-04-30", (2015, 1, 1), (2015, 4, 30)),
        (cal.year(2021), "2021", (2021, 1, 1), (2021, 12, 31)),
        (cal.years(2014, 2017), "2014/2017", (2014, 1, 1), (2017, 12, 31)),
    ],
)
def test_dates_values_and_bounds(
    period: cal.Period, value: str, earliest: tuple[int, int, int], latest: tuple[int, int, int]
) -> None:
    assert (period.value, period.earliest, period.latest) == (
        value,
        dt.date(*earliest),
        dt.date(*latest),
    )


@pytest.mark.parametrize(
    "month, direction, year",
    [(3, -1, 2020), (5, -1, 2019), (6, -1, 2019), (6, 1, 2020), (5, 1, 2021), (5, 0, 2020)],
)
def test_dates_month_year_with_a_direction(month: int, direction: int, year: int) -> None:
    assert cal.month_year(dt.date(2020, 5, 12), month, direction) == year


@pytest.mark.parametrize(
    "month, year",
    [(1, 2020), (5, 2020), (8, 2020), (9, 2019), (12, 2019)],
)
def test_dates_month_year_without_a_direction_allows_three_months_ahead(
    month: int, year: int
) -> None:
    assert cal.month_year(dt.date(2020, 5, 12), month, None) == year


@pytest.mark.parametrize(
    "weekday, direction, expected",
    [(3, None, 23), (3, -1, 16), (3, 1, 30), (0, None, 20), (4, None, 17), (4, 1, 24)],
)
def test_dates_weekday_date_from_a_thursday(
    weekday: int, direction: int | None, expected: int
) -> None:
    assert cal.weekday_date(dt.date(2015, 7, 23), weekday, direction) == dt.date(2015, 7, expected)


@given(st.dates(dt.date(2, 1, 1), dt.date(9998, 12, 31)), st.integers(0, 6))
def test_dates_snap_lands_on_the_weekday_within_three_days(date: dt.date, weekday: int) -> None:
    snapped = cal.snap(date, weekday)
    assert snapped.weekday() == weekday
    assert abs((snapped - date).days) <= 3


def test_dates_day_date_skips_dates_that_do_not_exist() -> None:
    assert cal.day_date(dt.date(2015, 3, 1), month=2, day=30, direction=None) is None
    assert cal.day_date(dt.date(2015, 3, 1), month=2, day=29, direction=-1) == dt.date(2012, 2, 29)


def test_dates_months_and_spans() -> None:
    months = cal.months((2015, 12), (2016, 2))
    assert (months.value, months.earliest, months.latest) == (
        "2015-12/2016-02",
        dt.date(2015, 12, 1),
        dt.date(2016, 2, 29),
    )
    hijri_month = cal.span(dt.date(2015, 6, 18), dt.date(2015, 7, 16), "month")
    assert (hijri_month.value, hijri_month.granularity) == ("2015-06-18/2015-07-16", "month")


@pytest.mark.parametrize(
    "month, tense, year",
    [(5, -1, 2020), (6, -1, 2019), (5, 1, 2020), (4, 1, 2021), (8, None, 2020), (9, None, 2019)],
)
def test_dates_month_year_by_the_tense(month: int, tense: int | None, year: int) -> None:
    assert cal.month_year(dt.date(2020, 5, 12), month, None, tense) == year


@pytest.mark.parametrize("tense, expected", [(None, 16), (-1, 16), (1, 23)])
def test_dates_weekday_date_by_the_tense(tense: int | None, expected: int) -> None:
    # From Wednesday 22 July 2015, "الخميس": last Thursday, or the coming one when announced.
    assert cal.weekday_date(dt.date(2015, 7, 22), 3, None, tense) == dt.date(2015, 7, expected)


def test_dates_day_date_announced_is_on_or_after_the_reference() -> None:
    reference = dt.date(2017, 6, 5)
    assert cal.day_date(reference, month=6, day=1, direction=None, tense=1) == dt.date(2018, 6, 1)
    assert cal.day_date(reference, month=6, day=1, direction=None) == dt.date(2017, 6, 1)

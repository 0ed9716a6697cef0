"""parse_meta_date: the machine-written date forms of feeds, headers and records."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest.dates import parse_meta_date


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),
        ("2015-07-21", "2015-07-21"),
        ("2015-07-21T02:51:32Z", "2015-07-21T02:51:32"),
        ("2015-07-21T02:51:32.123+03:00", "2015-07-21T02:51:32"),
        ("2015/07/21", "2015-07-21"),
        ("Tue, 21 Jul 2015 02:51:32 +0300", "2015-07-21T02:51:32"),
        ("Tue, 21 Jul 2015 02:51:32 GMT", "2015-07-21T02:51:32"),
        ("21/07/2015", "2015-07-21"),
        ("21-07-2015 14:05", "2015-07-21T14:05:00"),
        ("07/21/2015", "2015-07-21"),
        ("٢١/٠٧/٢٠١٥", "2015-07-21"),
        ("21 July 2015", "2015-07-21"),
        ("July 21, 2015", "2015-07-21"),
        ("26th January 2024", "2024-01-26"),
        ("20150721", "2015-07-21"),
        ("1437447092", "2015-07-21T02:51:32"),
        ("Tue, 21 Jul 2015", "2015-07-21"),
        ("Jul 21, 2015 10:30 PM", "2015-07-21T22:30:00"),
        ("Jul 21, 2015 12:05 am", "2015-07-21T00:05:00"),
        ("11 مايو 2020", "2020-05-11"),
        ("١١ مايو ٢٠٢٠", "2020-05-11"),
        ("الاثنين، 11 أيار/مايو 2020 م", "2020-05-11"),
        ("الخميس 12 جوان 2017 10:30", "2017-06-12T10:30:00"),
        ("3 كانون الثاني 2021", "2021-01-03"),
    ],
)
def test_ingest_dates_parsed(given_text: str, expected: str) -> None:
    assert parse_meta_date(given_text) == expected


@pytest.mark.parametrize(
    "given_text",
    [
        "",
        "   ",
        "أمس",
        "yesterday",
        "2015-02-30",
        "31/31/2015",
        "0000-00-00",
        "12:30",
        "30 فبراير 2020",  # no such day
        "11 أيار/يونيو 2020",  # two months that disagree
        "غدا 11 مايو 2020",  # not a weekday before the day
    ],
)
def test_ingest_dates_unreadable_is_none(given_text: str) -> None:
    assert parse_meta_date(given_text) is None


@given(st.text(max_size=60))
def test_ingest_dates_never_raises(text: str) -> None:
    result = parse_meta_date(text)
    assert result is None or result[:4].isdigit()

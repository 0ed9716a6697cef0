"""Calendar arithmetic for temporal expressions: periods, their values, and the resolution rules.

A ``Period`` is what an expression names once its year is known: a day, a range of days, an ISO
week, a third of a month, a month, a quarter, a third or half of a year, a year or a range of
years, with its TimeML-style value and its first and last day. The ``*_year``/``*_date``
functions decide which year or day a partial expression means, relative to a reference date.

>>> month_part(2020, 3, "end").value
'2020-03-21/2020-03-31'
>>> day_date(dt.date(2021, 2, 24), month=1, day=28, direction=None)
datetime.date(2021, 1, 28)
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Final

from marsad.analyze.temporal.lexicon import Part
from marsad.models import TemporalGranularity as Granularity

__all__ = [
    "HORIZON",
    "NEAREST",
    "Granularity",
    "Period",
    "bounds",
    "day",
    "day_date",
    "days",
    "half",
    "month",
    "month_part",
    "month_year",
    "months",
    "quarter",
    "shift_month",
    "snap",
    "span",
    "week",
    "weekday_date",
    "year",
    "year_part",
    "years",
]

NEAREST: Final = 0
"""A ``tense`` that points neither way: the occurrence nearest the reference, before or after
it (a date something is put off to, «تأجيل المباراة إلى 3 ماي», is announced or looked back
on)."""

HORIZON: Final = dt.timedelta(days=91)
"""How far after the reference an expression with no year may lie: "في 28 يناير" read on 24
February is last January; "يوم 26 يونيو" read on 6 April is this June (announced schedules),
"في ديسمبر" read in July is last December."""
_THIRDS: Final[dict[Part, tuple[int, int]]] = {
    "start": (1, 10),
    "middle": (11, 20),
    "end": (21, 31),
    "first-half": (1, 15),
    "second-half": (16, 31),
}
_YEAR_THIRDS: Final[dict[Part, tuple[int, int]]] = {
    "start": (1, 4),
    "middle": (5, 8),
    "end": (9, 12),
    "first-half": (1, 6),
    "second-half": (7, 12),
}


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved period: its value, first and last day, and granularity."""

    value: str
    earliest: dt.date
    latest: dt.date
    granularity: Granularity


def _last_day(year_: int, month_: int) -> int:
    return calendar.monthrange(year_, month_)[1]


def day(date: dt.date) -> Period:
    """One day: ``2024-01-26``."""
    return Period(date.isoformat(), date, date, "day")


def days(first: dt.date, last: dt.date) -> Period:
    """A range of days: ``2015-08-07/2015-08-13``."""
    return Period(f"{first.isoformat()}/{last.isoformat()}", first, last, "day")


def week(date: dt.date) -> Period:
    """The ISO week (Monday to Sunday) that holds ``date``: ``2021-W13``."""
    iso = date.isocalendar()
    monday = date - dt.timedelta(days=date.weekday())
    return Period(f"{iso.year}-W{iso.week:02d}", monday, monday + dt.timedelta(days=6), "week")


def month(year_: int, month_: int) -> Period:
    """A month: ``2020-05``."""
    last = dt.date(year_, month_, _last_day(year_, month_))
    return Period(f"{year_:04d}-{month_:02d}", dt.date(year_, month_, 1), last, "month")


def month_part(year_: int, month_: int, part: Part) -> Period:
    """A third of a month (days 1-10, 11-20, 21-end) or a half (1-15, 16-end):
    ``2020-03-21/2020-03-31``."""
    first, last = _THIRDS[part]
    start = dt.date(year_, month_, first)
    end = dt.date(year_, month_, min(last, _last_day(year_, month_)))
    return Period(f"{start.isoformat()}/{end.isoformat()}", start, end, "month-part")


def quarter(year_: int, number: int) -> Period:
    """A quarter: ``2014-Q1``."""
    first = dt.date(year_, 3 * number - 2, 1)
    last = dt.date(year_, 3 * number, _last_day(year_, 3 * number))
    return Period(f"{year_:04d}-Q{number}", first, last, "quarter")


def half(year_: int, number: int) -> Period:
    """A half year as a range: ``2015-01-01/2015-06-30``."""
    first = dt.date(year_, 6 * number - 5, 1)
    last = dt.date(year_, 6 * number, _last_day(year_, 6 * number))
    return Period(f"{first.isoformat()}/{last.isoformat()}", first, last, "year-part")


def summer(year_: int) -> Period:
    """June to August: ``2016-06-01/2016-08-31`` [year-part]."""
    return span(dt.date(year_, 6, 1), dt.date(year_, 8, 31), "year-part")


def year_part(year_: int, part: Part) -> Period:
    """A third of a year (Jan-Apr, May-Aug, Sep-Dec) or a half: ``2014-09-01/2014-12-31``."""
    first_month, last_month = _YEAR_THIRDS[part]
    first = dt.date(year_, first_month, 1)
    last = dt.date(year_, last_month, _last_day(year_, last_month))
    return Period(f"{first.isoformat()}/{last.isoformat()}", first, last, "year-part")


def year(year_: int) -> Period:
    """A year: ``2021``."""
    return Period(f"{year_:04d}", dt.date(year_, 1, 1), dt.date(year_, 12, 31), "year")


def months(first: tuple[int, int], last: tuple[int, int]) -> Period:
    """A range of months (year, month): ``2016-01/2016-02``."""
    start = month(*first)
    end = month(*last)
    return Period(f"{start.value}/{end.value}", start.earliest, end.latest, "month")


def span(first: dt.date, last: dt.date, granularity: Granularity) -> Period:
    """The days from ``first`` to ``last`` as a range with the named granularity (a Hijri month is
    ``2015-06-18/2015-07-16`` [month]); a single day is written as a day."""
    if first == last:
        return Period(first.isoformat(), first, last, granularity)
    return Period(f"{first.isoformat()}/{last.isoformat()}", first, last, granularity)


def years(first: int, last: int) -> Period:
    """A range of years: ``2014/2017``."""
    return Period(f"{first:04d}/{last:04d}", dt.date(first, 1, 1), dt.date(last, 12, 31), "year")


def bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a value as periods write it (2024-01-26, 2021-W13, 2020-05,
    2014-Q1, 2021, and ranges A/B of these): "2016-Q4" and "2016-10/2016-12" are one period.

    >>> bounds("2016-Q4") == bounds("2016-10/2016-12")
    True
    """
    if "/" in value:
        first, last = value.split("/")
        return bounds(first)[0], bounds(last)[1]
    if "-W" in value:
        year_, week_ = value.split("-W")
        monday = dt.date.fromisocalendar(int(year_), int(week_), 1)
        return monday, monday + dt.timedelta(days=6)
    if "-Q" in value:
        first_year, number = (int(part) for part in value.split("-Q"))
        return dt.date(first_year, 3 * number - 2, 1), bounds(f"{first_year}-{3 * number:02d}")[1]
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts), dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], _last_day(*parts))
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def shift_month(year_: int, month_: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after (or before, if negative) the given one."""
    index = year_ * 12 + month_ - 1 + months
    return index // 12, index % 12 + 1


def month_year(
    reference: dt.date, month_: int, direction: int | None, tense: int | None = None
) -> int:
    """The year of the month ``month_`` named relative to ``reference``.

    ``direction`` -1 ("الماضي"): the last such month before the reference's month; +1
    ("المقبل"): the next one after it; 0 ("الجاري"): the reference's year; None (no word): by
    the ``tense`` of the sentence, the last one up to the reference's month (-1) or the next one
    from it on (+1); with no clear tense, the latest one that starts no more than ``HORIZON``
    after the reference.
    """
    if direction == 0:
        return reference.year
    if direction == -1 or (direction is None and tense == -1):
        before = month_ < reference.month or (direction is None and month_ == reference.month)
        return reference.year if before else reference.year - 1
    if direction == 1 or (direction is None and tense == 1):
        after = month_ > reference.month or (direction is None and month_ == reference.month)
        return reference.year if after else reference.year + 1
    if direction is None and tense == NEAREST:
        return min(
            range(reference.year - 1, reference.year + 2),
            key=lambda y: abs((dt.date(y, month_, 15) - reference).days),
        )
    limit = reference + HORIZON
    return max(
        y for y in range(reference.year - 1, reference.year + 2) if dt.date(y, month_, 1) <= limit
    )


def day_date(
    reference: dt.date, *, month: int, day: int, direction: int | None, tense: int | None = None
) -> dt.date | None:
    """The date with this month and day named relative to ``reference``, or None if none exists.

    ``direction`` as in ``month_year``, but by date: -1 the last one before the reference, +1
    the next one after it, 0 the one in the reference's year; with no direction, the first one
    on or after the reference when the sentence announces (``tense`` +1), otherwise the latest
    one no more than ``HORIZON`` after the reference. A past tense does not move a day: a
    report in the past often names a date to come ("حددت ... المقابلات حتى يوم 19 شوال").
    """
    if direction == 0:
        return _date(reference.year, month, day)
    found = [
        date
        for y in range(reference.year - 4, reference.year + 5)
        if (date := _date(y, month, day)) is not None
    ]
    if direction == -1:
        return max((d for d in found if d < reference), default=None)
    if direction == 1:
        return min((d for d in found if d > reference), default=None)
    if tense == 1:
        return min((d for d in found if d >= reference), default=None)
    if tense == NEAREST:
        return min(found, key=lambda d: abs((d - reference).days), default=None)
    return max((d for d in found if d <= reference + HORIZON), default=None)


def _date(year_: int, month_: int, day_: int) -> dt.date | None:
    try:
        return dt.date(year_, month_, day_)
    except ValueError:
        return None


def weekday_date(
    reference: dt.date, weekday: int, direction: int | None, tense: int | None = None
) -> dt.date:
    """The day with ``weekday`` (Monday = 0) near ``reference``.

    -1 ("الماضي"): the last one strictly before the reference; +1 ("المقبل"): the first one
    strictly after it; with no direction, the first one on or after the reference when the
    sentence speaks of the future (``tense`` +1, "سيقام يوم الأربعاء"), otherwise the last one
    on or before it (news reports the past).
    """
    if direction == 1:
        return reference + dt.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    if direction is None and tense in (1, NEAREST):  # "أرجئت الجلسة إلى الاثنين": the next
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    back = (reference.weekday() - weekday) % 7
    if direction == -1 and back == 0:
        back = 7
    return reference - dt.timedelta(days=back)


def snap(date: dt.date, weekday: int) -> dt.date:
    """The day with ``weekday`` within three days of ``date``.

    "اليوم (الاثنين)" in a report crawled on Tuesday is Monday: the weekday a writer names is
    more reliable than the date a crawler or a later edition gives the text.
    """
    offset = (weekday - date.weekday()) % 7
    return date + dt.timedelta(days=offset - 7 if offset > 3 else offset)

"""The Umm al-Qura calendar through ``hijridate``: Hijri days, months and years as Gregorian days.

Saudi outlets date by Umm al-Qura, the Saudi civil calendar ("25 شوال 1436هـ", "1 / 11 / 1436
هـ"). ``hijridate`` ships its month tables for 1343-1500 AH (1924-2077), so nothing is computed
by hand or fetched. A Hijri day becomes its Gregorian day; a Hijri month, a third of one or a
year becomes the range of Gregorian days it covers, with the granularity of what was named.
Outside the tables, or for a day a month does not have, there is no period (None), never a guess.

>>> day(1436, 10, 25).value
'2015-08-10'
>>> month(1436, 9).value
'2015-06-18/2015-07-16'
>>> year(1600) is None
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from hijridate import Gregorian, Hijri

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.calendar import HORIZON, Period
from marsad.analyze.temporal.lexicon import Part

__all__ = [
    "day",
    "day_year",
    "days",
    "month",
    "month_part",
    "month_year",
    "today",
    "year",
    "years",
]

_THIRDS: dict[Part, tuple[int, int]] = {
    "start": (1, 10),
    "middle": (11, 20),
    "end": (21, 30),
    "first-half": (1, 15),
    "second-half": (16, 30),
}


@lru_cache(maxsize=4096)  # news names the same few months over and over
def _gregorian(year_: int, month_: int, day_: int) -> dt.date | None:
    try:
        found = Hijri(year_, month_, day_).to_gregorian()
    except (ValueError, OverflowError):  # no such day, or outside the tables
        return None
    return dt.date(found.year, found.month, found.day)


@lru_cache(maxsize=4096)
def _length(year_: int, month_: int) -> int | None:
    try:
        return Hijri(year_, month_, 1).month_length()
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def today(date: dt.date) -> tuple[int, int, int] | None:
    """The Hijri (year, month, day) of a Gregorian date, or None outside the tables."""
    try:
        return Gregorian(date.year, date.month, date.day).to_hijri().datetuple()
    except (ValueError, OverflowError):
        return None


def day(year_: int, month_: int, day_: int) -> Period | None:
    """A Hijri day as its Gregorian day: ``2015-08-10``."""
    found = _gregorian(year_, month_, day_)
    return None if found is None else cal.day(found)


def days(first: tuple[int, int, int], last: tuple[int, int, int]) -> Period | None:
    """Hijri days from ``first`` to ``last`` (year, month, day) as Gregorian days."""
    start, end = _gregorian(*first), _gregorian(*last)
    if start is None or end is None or end < start:
        return None
    return cal.span(start, end, "day")


def month(year_: int, month_: int) -> Period | None:
    """A Hijri month as the range of its days: ``2015-06-18/2015-07-16`` [month]."""
    return _within(year_, month_, 1, 30, "month")


def month_part(year_: int, month_: int, part: Part) -> Period | None:
    """A third of a Hijri month (days 1-10, 11-20, 21-end) or a half [month-part]."""
    return _within(year_, month_, *_THIRDS[part], "month-part")


def _within(
    year_: int, month_: int, first: int, last: int, granularity: cal.Granularity
) -> Period | None:
    length = _length(year_, month_)
    if length is None:
        return None
    start, end = _gregorian(year_, month_, first), _gregorian(year_, month_, min(last, length))
    return None if start is None or end is None else cal.span(start, end, granularity)


def year(year_: int) -> Period | None:
    """A Hijri year as the range of its days: ``2014-10-25/2015-10-13`` [year]."""
    return years(year_, year_)


def years(first: int, last: int) -> Period | None:
    """Hijri years from ``first`` to ``last`` as the range of their days [year]."""
    length = _length(last, 12)
    start = _gregorian(first, 1, 1)
    end = None if length is None else _gregorian(last, 12, length)
    if start is None or end is None or end < start:
        return None
    return cal.span(start, end, "year")


def month_year(
    reference: dt.date, month_: int, direction: int | None, tense: int | None
) -> int | None:
    """The Hijri year of the month ``month_`` named relative to ``reference``, by the rules of
    ``calendar.month_year``: -1 the last one before the reference's month, +1 the next one, 0
    the reference's year; with no direction, by tense the last one that began by the reference
    (-1) or the first one not yet over (+1), else the latest one that begins within ``HORIZON``.
    """
    now = today(reference)
    if now is None:
        return None
    if direction == 0:
        return now[0]

    def bounds(year_: int) -> tuple[dt.date, dt.date] | None:
        found = month(year_, month_)
        return None if found is None else (found.earliest, found.latest)

    return _pick(now[0], bounds, reference, _order((month_,), now[1:2]), direction, tense)


def day_year(
    reference: dt.date, month_: int, day_: int, direction: int | None, tense: int | None
) -> int | None:
    """The Hijri year of the day ``day_`` of ``month_`` named relative to ``reference``, as
    ``calendar.day_date`` decides it for Gregorian dates (a past tense does not move a day)."""
    now = today(reference)
    if now is None:
        return None
    if direction == 0:
        return now[0]

    def bounds(year_: int) -> tuple[dt.date, dt.date] | None:
        found = _gregorian(year_, month_, day_)
        return None if found is None else (found, found)

    order = _order((month_, day_), now[1:])
    return _pick(now[0], bounds, reference, order, direction, tense if tense == 1 else None)


def _order(named: tuple[int, ...], now: tuple[int, ...]) -> int:
    """Where a named (month,) or (month, day) falls in the reference's Hijri year: -1 before the
    reference's, 0 on it, +1 after it."""
    return int(named > now) - int(named < now)


def _pick(
    current: int,
    bounds: Callable[[int], tuple[dt.date, dt.date] | None],
    reference: dt.date,
    order: int,
    direction: int | None,
    tense: int | None,
) -> int | None:
    if direction == -1:
        return current if order < 0 else current - 1
    if direction == 1:
        return current if order > 0 else current + 1
    options = [
        (year_, found) for year_ in (current - 1, current, current + 1) if (found := bounds(year_))
    ]
    if tense == -1:
        began = [year_ for year_, (first, _) in options if first <= reference]
        return max(began, default=None)
    if tense == 1:
        open_ = [year_ for year_, (_, last) in options if last >= reference]
        return min(open_, default=None)
    soon = [year_ for year_, (first, _) in options if first <= reference + HORIZON]
    return max(soon, default=None)

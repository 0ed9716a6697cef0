"""What an interpreter returns for one match, and the helpers every interpreter shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.calendar import Granularity, Period
from marsad.analyze.temporal.lexicon import Unit

__all__ = ["Build", "Candidate", "date_or_none", "make", "shift"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An expression found at folded offsets ``start``-``end``, before offsets are mapped back.

    ``weekday`` is set for weekday expressions, which a following explicit date may fix
    ("الأحد 26 يوليو"); ``cued`` says a day word or a direction already fixed it ("أمس الأحد").
    ``hijri`` marks a date written in the Hijri calendar. ``anaphor`` is set for "نفس الليلة",
    "الشهر ذاته", "يوم 15 من الشهر نفسه": the unit (day, week, month, year) of the expression
    before it that it names again, and ``anaphor_day`` the day of that month.
    """

    start: int
    end: int
    granularity: Granularity
    relative: bool
    period: Period | None
    weekday: int | None = None
    cued: bool = False
    hijri: bool = False
    anaphor: Unit | None = None
    anaphor_day: int | None = None


Build = Callable[[dt.date], Period | None]
"""Resolves an expression against a reference date; None when the date does not exist."""


def make(
    span: tuple[int, int],
    granularity: Granularity,
    reference: dt.date | None,
    build: Build | Period,
    weekday: int | None = None,
    cued: bool = False,
) -> Candidate | None:
    """A candidate fixed by the text (``build`` is a Period) or resolved against ``reference``.

    ``granularity`` is the unresolved one; a resolved period carries its own.
    """
    if isinstance(build, Period):
        return Candidate(*span, build.granularity, False, build, weekday, cued)
    if reference is None:
        return Candidate(*span, granularity, True, None, weekday, cued)
    try:
        period = build(reference)
    except (ValueError, OverflowError):  # the period would fall outside years 1-9999
        return None
    if period is None:
        return None
    return Candidate(*span, period.granularity, True, period, weekday, cued)


def shift(reference: dt.date, unit: Unit, count: int) -> Period | None:
    """The ``unit`` that is ``count`` units after (before, if negative) the reference's."""
    if unit == "day":
        return cal.day(reference + dt.timedelta(days=count))
    if unit == "week":
        return cal.week(reference + dt.timedelta(weeks=count))
    if unit == "month":
        return cal.month(*cal.shift_month(reference.year, reference.month, count))
    return cal.year(reference.year + count) if reference.year + count >= 1 else None


def date_or_none(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist ("31 فبراير")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

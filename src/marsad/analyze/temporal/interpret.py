"""One grammar match → a candidate expression: check its context, then resolve its period.

Each rule of ``grammar.RULES`` has an interpreter here. It returns None when the context says
the words are not a date (a bare "مارس" is the verb "practised"; "روسيا اليوم" is a channel),
and a ``Candidate`` otherwise, whose ``period`` is None when the expression needs a reference
date and there is none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.calendar import Period
from marsad.analyze.temporal.candidate import Candidate, date_or_none, make
from marsad.analyze.temporal.days import dayref, holiday, weekday_pair
from marsad.analyze.temporal.interpret_hijri import (
    hijri_day,
    hijri_feast,
    hijri_month,
    hijri_months,
    hijri_numeric,
    hijri_part,
    hijri_year,
    holy_month,
)
from marsad.analyze.temporal.interpret_years import (
    FIRST_TO_FOURTH,
    ago_period,
    century_period,
    decade,
    decade_period,
    month_span,
    named_year,
    quarter_period,
    season_period,
    session_period,
    summer_period,
    unit_period,
    year_period,
)
from marsad.analyze.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    DIRECTIONS,
    MONTHS,
    PARTS,
    Unit,
    ordinal,
    spaced,
)
from marsad.analyze.temporal.named import named_day
from marsad.analyze.temporal.tense import tense

__all__ = ["Candidate", "interpret"]


def interpret(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """The candidate that ``match`` (of ``patterns.PATTERN`` in folded ``text``) stands for."""
    return _INTERPRETERS[match.lastgroup or ""](match, text, reference)


def _month(match: re.Match[str], rule: str, key: str = "m") -> int | None:
    name = match.group(f"{rule}_{key}")
    if name is not None:
        return MONTHS[spaced(name).rstrip(".")]
    number = match.groupdict().get(f"{rule}_k")
    return int(number) if number else None


def _glossed(match: re.Match[str], rule: str) -> bool:
    """Two month names ("آب (أغسطس)") make even an ambiguous name a month."""
    return any(match.group(f"{rule}_{key}") for key in ("m2", "m3", "m4"))


@dataclass(frozen=True, slots=True)
class _Tail:
    """What follows a month: an explicit year, a year direction ("من العام الماضي"), "من هذا
    العام" (a year direction of 0) or a month direction ("الماضي")."""

    year: int | None = None
    year_direction: int | None = None
    direction: int | None = None

    @property
    def present(self) -> bool:
        return (self.year, self.year_direction, self.direction) != (None, None, None)

    def year_of(self, reference: dt.date, month: int, tense: int | None = None) -> int:
        if self.year is not None:
            return self.year
        if self.year_direction is not None:
            return reference.year + self.year_direction
        return cal.month_year(reference, month, self.direction, tense)


def _tail(match: re.Match[str], rule: str) -> _Tail:
    groups = match.groupdict()
    if groups.get(f"{rule}_y"):
        return _Tail(year=int(groups[f"{rule}_y"]))
    if groups.get(f"{rule}_yd"):
        return _Tail(year_direction=DIRECTIONS[groups[f"{rule}_yd"]])
    if groups.get(f"{rule}_yh"):
        return _Tail(year_direction=0)
    if groups.get(f"{rule}_dir"):
        return _Tail(direction=DIRECTIONS[groups[f"{rule}_dir"]])
    return _Tail()


def _numeric(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    if g("numeric_iy"):
        found = date_or_none(int(g("numeric_iy")), int(g("numeric_im")), int(g("numeric_id")))
    else:
        day_, month_ = int(g("numeric_d")), int(g("numeric_m"))
        if month_ > 12 >= day_:  # month/day/year, as in US dates
            day_, month_ = month_, day_
        found = date_or_none(int(g("numeric_y")), month_, day_)
    if found is None:
        return None
    period = cal.day(found)
    if g("numeric_d0"):
        first = date_or_none(found.year, int(g("numeric_m0")), int(g("numeric_d0")))
        if first is not None and first < found:
            period = cal.days(first, found)
    return make(match.span("numeric"), "day", reference, period)


_OR: Final = re.compile(r"(?<!\w)او(?!\w)")

_LISTED: Final = re.compile(r"(?:[\s,،و]|\d)*")
"""What lies between the first and last days of a list: numbers, commas and «و» (no «إلى»)."""


def _daymonth(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    if g("daymonth_g") or g("daymonth_l"):
        day_ = 1  # "غرة أكتوبر", "أول يوم من"; "آخر يوم من" is moved to the month's end below
    else:
        day_ = ordinal(g("daymonth_o")) if g("daymonth_o") else int(g("daymonth_d"))
    last = int(g("daymonth_e")) if g("daymonth_e") else None
    if last is not None and g("daymonth_d"):
        if _OR.search(text, match.end("daymonth_d"), match.start("daymonth_e")):
            # "يوم 16 أو 17 فيفري": both days, when they follow each other
            day_, last = sorted((day_, last))
            if last != day_ + 1:
                return None  # a reader cannot choose between "20 أو 30 مارس"
        elif _LISTED.fullmatch(text, match.end("daymonth_d"), match.start("daymonth_e")):
            # a list, maybe out of order: "أيام 15،14 و16 اكتوبر" (14-16)
            span_text = text[match.start("daymonth_d") : match.end("daymonth_e")]
            listed = [int(n) for n in re.findall(r"\d+", span_text)]
            day_, last = min(listed), max(listed)
    month_ = _month(match, "daymonth")
    second = _month(match, "daymonth", "n")
    end = (second, int(g("daymonth_d2"))) if second else None  # "31 مارس و1 أفريل"
    tail = _tail(match, "daymonth")
    this_month = DIRECTIONS[g("daymonth_md")] if g("daymonth_md") else 0
    span = match.span("daymonth")
    if g("daymonth_same"):  # "يوم 15 من الشهر ذاته": of the month named before
        return Candidate(*span, "day", True, None, anaphor="month", anaphor_day=day_)

    def build(ref: dt.date) -> Period | None:
        if month_ is None:  # "27 من الشهر الجاري"
            found = date_or_none(*cal.shift_month(ref.year, ref.month, this_month), day_)
        elif tail.year is None and tail.year_direction is None:
            # A range is placed by its last day: "يمتد من 27 ماي الى 27 جوان" read on 5 June.
            month_last, day_last = end or (month_, last or day_)
            time = tense(text, *span) if tail.direction is None else None
            anchor = cal.day_date(
                ref, month=month_last, day=day_last, direction=tail.direction, tense=time
            )
            if anchor is None:
                return None
            found = date_or_none(anchor.year - (month_last < month_), month_, day_)
        else:
            found = date_or_none(tail.year_of(ref, month_), month_, day_)
        return _days(found, last, end)

    if g("daymonth_l") == "اخر" and month_ is not None:
        return _month_end(span, reference, build, fixed=tail.year is not None)
    one_day = tail.year is None and tail.direction is None and last is None and end is None
    if one_day and month_ is not None:  # «ثورة 14 جانفي»: of 2011
        named = named_day(text, span, month_, day_, reference)
        if named is not None:
            return named
    if tail.year is not None and month_ is not None:
        year_ = tail.year - 1 if end is not None and end[0] < month_ else tail.year
        period = _days(date_or_none(year_, month_, day_), last, end)
        return None if period is None else make(span, "day", reference, period)
    return make(span, "day", reference, build)


def _month_end(
    span: tuple[int, int],
    reference: dt.date | None,
    build: Callable[[dt.date], Period | None],
    fixed: bool,
) -> Candidate | None:
    """ "آخر يوم من شهر ديسمبر": the last day of the month whose first day ``build`` places;
    with the year written (``fixed``) the reference plays no part."""

    def last_day(ref: dt.date) -> Period | None:
        first = build(ref)
        if first is None:
            return None
        return cal.day(cal.month(first.earliest.year, first.earliest.month).latest)

    if fixed:
        period = last_day(dt.date.min)
        return None if period is None else make(span, "day", reference, period)
    return make(span, "day", reference, last_day)


def _days(
    first: dt.date | None, last_day: int | None, end: tuple[int, int] | None = None
) -> Period | None:
    """The day ``first``, or the days from it to ``last_day`` of its month or to ``end``
    (month, day) of the same or the next year."""
    if first is None:
        return None
    if end is not None:
        last = date_or_none(first.year, *end)
        if last is not None and last < first:
            last = date_or_none(first.year + 1, *end)
    else:
        last = date_or_none(first.year, first.month, last_day) if last_day else None
    return cal.days(first, last) if last is not None and last > first else cal.day(first)


def _mdy(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    month_ = _month(match, "mdy")
    found = date_or_none(int(match.group("mdy_y")), month_ or 0, int(match.group("mdy_d")))
    return None if found is None else make(match.span("mdy"), "day", reference, cal.day(found))


def _part(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    part = PARTS[g("part_w")]
    span = match.span("part")
    if g("part_dn"):  # "أواخر الأربعينات"
        return make(span, "year", reference, decade(match, "part", part))
    if g("part_yy"):
        return make(span, "year-part", reference, cal.year_part(int(g("part_yy")), part))
    if g("part_u") or g("part_h") or g("part_n"):  # "مطلع العام": this year's
        direction = DIRECTIONS[g("part_ud")] if g("part_ud") else 0
        if (g("part_u") or g("part_h") or g("part_n")).endswith("شهر"):
            return make(
                span,
                "month-part",
                reference,
                lambda ref: cal.month_part(*cal.shift_month(ref.year, ref.month, direction), part),
            )
        return make(
            span, "year-part", reference, lambda ref: cal.year_part(ref.year + direction, part)
        )
    month_ = _month(match, "part")
    tail = _tail(match, "part")
    if month_ is None or (g("part_k") and tail.year is None and tail.year_direction is None):
        return None
    if tail.year is not None:
        return make(span, "month-part", reference, cal.month_part(tail.year, month_, part))
    time = tense(text, *span) if not tail.present else None
    return make(
        span,
        "month-part",
        reference,
        lambda ref: cal.month_part(tail.year_of(ref, month_, time), month_, part),
    )


def _same(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """ "نفس الليلة", "الشهر ذاته": the unit of an expression before it, resolved in
    ``marsad.analyze.dates`` (a night is the day it belongs to)."""
    word = match.group("same_a") or match.group("same_b")
    unit: Unit = "week" if word == "الاسبوع" else "month" if word == "الشهر" else "year"
    if word in ("اليوم", "الليله"):
        unit = "day"
    return Candidate(*match.span("same"), unit, True, None, anaphor=unit)


def _month_week(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """The first, second, third, fourth or last seven days of a month [week]."""
    month_ = _month(match, "mweek")
    if month_ is None:
        return None
    number = FIRST_TO_FOURTH.get(match.group("mweek_n"))
    tail = _tail(match, "mweek")
    span = match.span("mweek")

    def days_of(year_: int) -> Period:
        whole = cal.month(year_, month_)
        if number is None:  # the last week
            return cal.span(whole.latest - dt.timedelta(days=6), whole.latest, "week")
        first = whole.earliest + dt.timedelta(weeks=number - 1)
        return cal.span(first, first + dt.timedelta(days=6), "week")

    if tail.year is not None:
        return make(span, "week", reference, days_of(tail.year))
    time = tense(text, *span) if not tail.present else None
    return make(span, "week", reference, lambda ref: days_of(tail.year_of(ref, month_, time)))


def _month_rule(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    month_ = _month(match, "month")
    tail = _tail(match, "month")
    if month_ is None:
        return None
    if g("month_k") and tail.year is None and tail.year_direction is None:
        return None  # "شهر 5" alone is as likely a duration
    if not tail.present:
        named = bool(g("month_s"))
        if not (named or g("month_p")):
            return None
        if g("month_m") in AMBIGUOUS_MONTHS and not named and not _glossed(match, "month"):
            return None
    span = match.span("month_x")
    last = MONTHS[spaced(g("month_m2")).rstrip(".")] if g("month_m2") else month_
    if last != month_ and _syriac(g("month_m")) == _syriac(g("month_m2")):
        # "اكتوبر/ديسمبر", "فبراير-مارس": not a gloss («مارس/آذار»), a range of months
        return _month_range(span, month_, last, tail, text, reference)
    if tail.year is not None:
        return make(span, "month", reference, cal.month(tail.year, month_))
    time = tense(text, *span) if not tail.present else None
    return make(
        span, "month", reference, lambda ref: cal.month(tail.year_of(ref, month_, time), month_)
    )


_SYRIAC: Final = frozenset(
    ("كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين")
)


def _syriac(name: str) -> bool:
    """Whether a month's name is of the Levant's (Syriac) names: a name glossed by one of the
    other family is the same month («تشرين الثاني/نوفمبر»), even when the gloss is wrong."""
    first = spaced(name).split()[0] if name.split() else ""
    return first in _SYRIAC


def _months(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """Months from first to last: "شهري جانفي وفيفري الماضيين", "من جانفي إلى ماي 2017";
    the year (or relative word) after the last month places it, the first goes before it."""
    first, last = _month(match, "months", "a"), _month(match, "months", "z")
    if first is None or last is None or first == last:
        return None
    tail = _tail(match, "months")
    span = match.span("months")
    if match.group("months_b"):  # "من/بين" is left out, as for a single month
        span = (match.start("months_a"), span[1])
    return _month_range(span, first, last, tail, text, reference)


def _month_range(
    span: tuple[int, int],
    first: int,
    last: int,
    tail: _Tail,
    text: str,
    reference: dt.date | None,
) -> Candidate | None:
    """Months ``first`` to ``last``, placed by the year (or relative word) after the last;
    the first goes into the year before when it comes later in the calendar."""

    def both(year_: int) -> Period:
        return cal.months((year_ - (first > last), first), (year_, last))

    if tail.year is not None:
        return make(span, "month", reference, both(tail.year))
    time = tense(text, *span) if not tail.present else None
    return make(span, "month", reference, lambda ref: both(tail.year_of(ref, last, time)))


_INTERPRETERS: Final[
    dict[str, Callable[[re.Match[str], str, dt.date | None], Candidate | None]]
] = {
    "numeric": _numeric,
    "daymonth": _daymonth,
    "mdy": _mdy,
    "part": _part,
    "quarter": quarter_period,
    "nmonths": month_span,
    "same": _same,
    "mweek": _month_week,
    "session": session_period,
    "summer": summer_period,
    "season": season_period,
    "decade": decade_period,
    "century": century_period,
    "unit": unit_period,
    "year": year_period,
    "named_year": named_year,
    "month": _month_rule,
    "months": _months,
    "ago": ago_period,
    "feast": hijri_feast,
    "holy": holy_month,
    "holiday": holiday,
    "wdays": weekday_pair,
    "dayref": dayref,
    "hnum": hijri_numeric,
    "hday": hijri_day,
    "hpart": hijri_part,
    "hmonth": hijri_month,
    "hmonths": hijri_months,
    "hyear": hijri_year,
}

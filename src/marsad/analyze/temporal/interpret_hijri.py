"""Hijri grammar matches → candidates, converted by the Umm al-Qura calendar (``hijri``).

"25 شوال 1436هـ" and "1 / 11 / 1436 هـ" are days, "15-26 شوال" a range of days, "منتصف ذي القعدة"
a third of a month, "شهر رمضان" a month, "العام 1436هـ" a year, each as the Gregorian days it
covers. A month or day with no year is placed like a Gregorian one: by its relative word
("شوال الجاري", "رجب الماضي"), else by the tense of the sentence, else the latest one that
begins within three months of the reference. A date outside the calendar's tables has no value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Final

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal import hijri
from marsad.analyze.temporal.calendar import Granularity, Period
from marsad.analyze.temporal.candidate import Candidate
from marsad.analyze.temporal.lexicon import (
    AMBIGUOUS_HIJRI_MONTHS,
    DIRECTIONS,
    HIJRI_MONTHS,
    PARTS,
    ordinal,
    spaced,
)
from marsad.analyze.temporal.tense import tense

__all__ = [
    "hijri_day",
    "hijri_feast",
    "hijri_month",
    "hijri_months",
    "hijri_numeric",
    "hijri_part",
    "hijri_year",
]


def hijri_numeric(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A numeric date: "1 / 11 / 1436 هـ", "1436/11/01", "من 19 إلى 21 / 10 / 1436هـ"."""
    g = match.group
    if g("hnum_iy"):
        year_, month_, day_ = int(g("hnum_iy")), int(g("hnum_im")), int(g("hnum_id"))
    else:
        year_, month_, day_ = int(g("hnum_y")), int(g("hnum_m")), int(g("hnum_d"))
    if not (1 <= month_ <= 12 and 1 <= day_ <= 30):
        return None
    period = hijri.day(year_, month_, day_)
    if g("hnum_d0"):
        first = (year_, int(g("hnum_m0") or month_), int(g("hnum_d0")))
        period = hijri.days(first, (year_, month_, day_)) or period
    return _fixed(match.span("hnum"), "day", period)


def hijri_day(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A day or a range of days: "25 شوال 1436هـ", "غرة ذي القعدة", "التاسع من شهر شوال", "10
    إلى 12 شوال الجاري", "من 4 شوال إلى 6 ذي القعدة"; a range is placed by its last day."""
    g = match.group
    if g("hday_g") or g("hday_l") or g("hday_f"):
        day_ = 1  # "غرة", "أول يوم من", "أول أيام"; "آخر يوم من" is moved to the end below
    elif g("hday_o"):
        day_ = ordinal(g("hday_o"))
    else:
        day_ = int(g("hday_d"))
    month_ = HIJRI_MONTHS[spaced(g("hday_m"))]
    last = int(g("hday_d2") or g("hday_e") or day_)
    month_last = HIJRI_MONTHS[spaced(g("hday_n"))] if g("hday_n") else month_
    if not 1 <= day_ <= 30 or not 1 <= last <= 30 or (month_last, last) < (month_, day_):
        return None

    def days_in(year_: int | None) -> Period | None:
        if year_ is None:
            return None
        if g("hday_l") == "اخر":
            whole = hijri.month(year_, month_)
            return None if whole is None else cal.day(whole.latest)
        return hijri.days((year_, month_, day_), (year_, month_last, last))

    span = match.span("hday")
    if g("hday_y"):
        return _fixed(span, "day", days_in(int(g("hday_y"))))
    return _resolved(
        span,
        "day",
        reference,
        lambda ref: days_in(_year(match, "hday", text, ref, month_last, last)),
    )


def hijri_part(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A third of a month, days 1-10, 11-20 or 21-end: "منتصف ذي القعدة", "نهاية شهر رمضان
    الماضي"."""
    g = match.group
    month_ = HIJRI_MONTHS[spaced(g("hpart_m"))]
    if _ambiguous(g("hpart_m")) and not _cued(match, "hpart"):
        return None
    part = PARTS[g("hpart_w")]
    span = match.span("hpart")
    if g("hpart_y"):
        return _fixed(span, "month-part", hijri.month_part(int(g("hpart_y")), month_, part))

    def build(ref: dt.date) -> Period | None:
        year_ = _year(match, "hpart", text, ref, month_)
        return None if year_ is None else hijri.month_part(year_, month_, part)

    return _resolved(span, "month-part", reference, build)


def hijri_month(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A month, as its days: "شهر رمضان", "في رمضان", "رجب الماضي", "رمضان 1436". A name alone
    is a person ("أحمد رمضان"); صفر and محرم after a preposition are "zero" and "forbidden"."""
    g = match.group
    month_ = HIJRI_MONTHS[spaced(g("hmonth_m"))]
    if not _cued(match, "hmonth") and (not g("hmonth_p") or _ambiguous(g("hmonth_m"))):
        return None
    span = match.span("hmonth_x")
    if g("hmonth_y"):
        return _fixed(span, "month", hijri.month(int(g("hmonth_y")), month_))

    def build(ref: dt.date) -> Period | None:
        year_ = _year(match, "hmonth", text, ref, month_)
        return None if year_ is None else hijri.month(year_, month_)

    return _resolved(span, "month", reference, build)


def holy_month(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """«هذا الشهر الكريم/الفضيل/المبارك»: the Ramadan nearest the reference, as
    ``hijri.month_year`` places a month with no direction and no tense."""

    def build(ref: dt.date) -> Period | None:
        year_ = hijri.month_year(ref, _RAMADAN, None, None)
        return None if year_ is None else hijri.month(year_, _RAMADAN)

    return _resolved(match.span("holy"), "month", reference, build)


_RAMADAN: Final = HIJRI_MONTHS["رمضان"]


def hijri_months(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """Hijri months from the first to the last named, as their days; the year (or relative
    word, or tense) places the last month and the first goes before it."""
    g = match.group
    first, last = HIJRI_MONTHS[spaced(g("hmonths_a"))], HIJRI_MONTHS[spaced(g("hmonths_z"))]
    if first == last:
        return None

    def both(year_: int | None) -> Period | None:
        start = None if year_ is None else hijri.month(year_ - (first > last), first)
        end = None if year_ is None else hijri.month(year_, last)
        return (
            None if start is None or end is None else cal.span(start.earliest, end.latest, "month")
        )

    span = (match.start("hmonths_a"), match.end("hmonths"))
    if g("hmonths_y"):
        return _fixed(span, "month", both(int(g("hmonths_y"))))

    def build(ref: dt.date) -> Period | None:
        direction = DIRECTIONS[g("hmonths_dir")] if g("hmonths_dir") else None
        time = tense(text, *span) if direction is None else None
        return both(hijri.month_year(ref, last, direction, time))

    return _resolved(span, "month", reference, build)


def hijri_year(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A year or years, as their days: "العام 1436هـ", "1435هـ", "1436/1437هـ"; "عام 1435"
    without "هـ" only within ``_NEAR_YEARS`` of the reference's Hijri year (a Gregorian year
    in the 1400s, "عام 1453", is history)."""
    if match.group("hyear_n"):
        now = None if reference is None else hijri.today(reference)
        year_ = int(match.group("hyear_n"))
        if now is None or abs(year_ - now[0]) > _NEAR_YEARS:
            return None
        return _fixed(match.span("hyear"), "year", hijri.years(year_, year_))
    first = int(match.group("hyear_y"))
    last = int(match.group("hyear_z") or first)
    if last < first:
        return None
    return _fixed(match.span("hyear"), "year", hijri.years(first, last))


_NEAR_YEARS: Final = 10
"""How far from the reference's Hijri year a year written without "هـ" is still read as Hijri."""
_FEASTS: Final = {"الفطر": (10, 1, 3), "الاضحي": (12, 10, 4)}
"""Each Eid: its Hijri month, first day, and how many days it lasts (al-Adha with the days of
Tashriq)."""
_FEAST_DAYS: Final = {"اول": 0, "ثاني": 1, "ثالث": 2, "رابع": 3}
_BEFORE_EID: Final = frozenset(("قبل", "بعد", "خلال", "في", "طوال", "منذ", "حتي", "عشيه", "ليله"))
"""Words after which "العيد" alone names the day of the Eid nearest the reference."""
_LAST_WORD: Final = re.compile(r"(\w+)\W*$")
_NOT_THE_DAY: Final = re.compile(r"(?:اجاز|عطل)(?:ه|ات)\W*$|(?<!\w)كل\W+(?:عام|سنه)(?!\w)[^.\n]*$")
"""Before an Eid, words that make it not a day: a holiday break of unstated length ("إجازة عيد
الفطر"), or "every year" in the sentence ("من كل عام للفرحة بعيد الفطر")."""


def hijri_feast(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """Eid al-Fitr (1 Shawwal) or Eid al-Adha (10 Dhu al-Hijjah), a day of it ("أول أيام عيد
    الفطر") or all its days ("أيام عيد الفطر"), placed like a Hijri date with no year."""
    g = match.group
    if _NOT_THE_DAY.search(text, max(0, match.start("feast") - 80), match.start("feast")):
        return None
    bare = g("feast_b") is not None
    if bare and not (g("feast_n") or g("feast_all") or g("feast_day") or g("feast_eve")):
        before = _LAST_WORD.search(text, max(0, match.start("feast") - 20), match.start("feast"))
        if before is None or before.group(1) not in _BEFORE_EID:
            return None  # "العيد" alone is a time only after "قبل", "بعد", "في"…
    span = match.span("feast")
    kinds = list(_FEASTS) if bare else [g("feast_k")]

    def days_in(kind: str, year_: int | None) -> Period | None:
        month_, first, length = _FEASTS[kind]
        if g("feast_n"):
            first += min(_FEAST_DAYS.get(g("feast_n"), length - 1), length - 1)
        last = first + length - 1 if g("feast_all") else first
        if year_ is None:
            return None
        found = hijri.days((year_, month_, first), (year_, month_, last))
        if found is not None and g("feast_eve"):  # "ليلة العيد": the evening before it
            return cal.day(found.earliest - dt.timedelta(days=1))
        return found

    if g("feast_y"):
        return _fixed(span, "day", days_in(kinds[0], int(g("feast_y"))))

    def build(ref: dt.date) -> Period | None:
        time = tense(text, *span)
        found = [
            days_in(kind, hijri.day_year(ref, _FEASTS[kind][0], _FEASTS[kind][1], None, time))
            for kind in kinds
        ]
        placed = [p for p in found if p is not None]
        return min(placed, key=lambda p: abs((p.earliest - ref).days), default=None)

    return _resolved(span, "day", reference, build)


def _ambiguous(name: str) -> bool:
    return name in AMBIGUOUS_HIJRI_MONTHS


def _cued(match: re.Match[str], rule: str) -> bool:
    """Whether "شهر", praise, a year or a relative word makes the name a month."""
    return any(match.group(f"{rule}_{key}") for key in ("s", "ep", "y", "yd", "dir"))


def _year(
    match: re.Match[str],
    rule: str,
    text: str,
    reference: dt.date,
    month_: int,
    day_: int | None = None,
) -> int | None:
    """The Hijri year of a month or day with no year: "من العام المنصرم" shifts the reference's
    year; "الماضي/المقبل/الجاري" or the tense place it as ``hijri.month_year`` does."""
    g = match.group
    if g(f"{rule}_yd"):
        now = hijri.today(reference)
        return None if now is None else now[0] + DIRECTIONS[g(f"{rule}_yd")]
    direction = DIRECTIONS[g(f"{rule}_dir")] if g(f"{rule}_dir") else None
    time = tense(text, match.start(rule), match.end(rule)) if direction is None else None
    if day_ is None:
        return hijri.month_year(reference, month_, direction, time)
    return hijri.day_year(reference, month_, day_, direction, time)


def _fixed(span: tuple[int, int], granularity: Granularity, period: Period | None) -> Candidate:
    """A Hijri date the text fixes; no value outside the calendar's tables."""
    return Candidate(
        *span, period.granularity if period else granularity, False, period, hijri=True
    )


def _resolved(
    span: tuple[int, int],
    granularity: Granularity,
    reference: dt.date | None,
    build: Callable[[dt.date], Period | None],
) -> Candidate:
    """A Hijri date placed against ``reference``; no value without one or outside the tables."""
    period = None if reference is None else build(reference)
    return Candidate(*span, period.granularity if period else granularity, True, period, hijri=True)

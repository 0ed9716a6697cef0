"""What joins or resolves temporal expressions once the rules have matched them (``dates``):

- a weekday followed by the date it names is one expression (``merge_weekdays``), with the
  weekday or the date deciding when they disagree by a day;
- a night between two days is both days (``nights``);
- an Eid followed by the date it falls on takes that date (``feasts_as_dated``);
- the first or last days of a month are those days (``days_of_month``);
- "نفس الليلة", "الشهر ذاته" name again the day, week, month or year before them
  (``resolve_anaphors``), and "بنفس الفترة من سنة 2015" the stretch of months before it in the
  year it names (``same_period``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace
from typing import Final

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.candidate import Candidate
from marsad.analyze.temporal.lexicon import NUMBERS, WEEKDAYS, spaced
from marsad.analyze.temporal.regex import OPT, SP, words

__all__ = [
    "days_of_month",
    "feasts_as_dated",
    "merge_weekdays",
    "nights",
    "resolve_anaphors",
    "same_period",
]

_GAP: Final = re.compile(r"[\s(),]*(?:(?:و?الموافق|بتاريخ)[\s(]*(?:ل\s*)?)?")


def nights(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A night between two days is both days: "ليلة الأربعاء - الخميس", "ليلة السبت إلى
    الأحد"."""
    out: list[Candidate] = []
    for candidate in candidates:
        last = out[-1] if out else None
        if (
            last is not None
            and last.period is not None
            and candidate.period is not None
            and text.startswith("ليله", last.start)
            and last.period.earliest == last.period.latest
            and candidate.period.earliest == candidate.period.latest
            and candidate.period.earliest - last.period.earliest == dt.timedelta(days=1)
            and _NIGHT_JOIN.fullmatch(text, last.end, candidate.start) is not None
            and text[candidate.start : candidate.end] in WEEKDAYS  # a day alone, not "صباح…"
        ):
            period = cal.days(last.period.earliest, candidate.period.earliest)
            out[-1] = Candidate(last.start, candidate.end, "day", last.relative, period)
            continue
        out.append(candidate)
    return out


def feasts_as_dated(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """An Eid followed by the date it falls on ("عيد الأضحى، الذي يوافق يوم الاثنين 12 سبتمبر
    2016", "أول أيام عيد الفطر سيكون يوم الاثنين الموافق 26 جوان") takes that date when it is a
    day from the calendar's: the Eid begins by sighting, and countries differ by a day."""
    out = list(candidates)
    for k, (feast, date) in enumerate(itertools.pairwise(candidates)):
        if (
            feast.period is not None
            and date.period is not None
            and "عيد" in text[feast.start : feast.end]
            and feast.period.earliest == feast.period.latest
            and date.period.earliest == date.period.latest
            and abs((date.period.earliest - feast.period.earliest).days) == 1
            and _FALLS_ON.fullmatch(text, feast.end, date.start) is not None
        ):
            out[k] = replace(feast, period=date.period)
    return out


_DAYS_OF: Final = re.compile(
    rf"(?:(?:ال)?ايام{SP}(?:ال{OPT})?(?P<n>\d{{1,2}}|{words(NUMBERS)}){SP}(?P<e>الاولي|الاخيره)"
    rf"|(?P<ten>العشر){SP}(?P<te>الاواخر|الاوائل|الاولي|الاخيره))"
    rf"{SP}من{SP}(?:شهر{SP})?\Z"
)
""""الأيام N الأولى/الأخيرة من (شهر)" or "العشر الأواخر من" ending where a month starts."""


def days_of_month(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The first or last days of a month: "الأيام الخمسة الأولى من شهر رمضان" (its days 1-5,
    by the calendar the month is read in), "العشر الأواخر من رمضان" (its last ten)."""
    out: list[Candidate] = []
    for candidate in candidates:
        period = candidate.period
        if period is not None and candidate.granularity == "month":
            found = _days_before(text, candidate.start)
            if found is not None and (period.latest - period.earliest).days >= 27:
                begin, count, first = found
                span = dt.timedelta(days=count - 1)
                days = (
                    cal.days(period.earliest, period.earliest + span)
                    if first
                    else cal.days(period.latest - span, period.latest)
                )
                out.append(replace(candidate, start=begin, granularity="day", period=days))
                continue
        out.append(candidate)
    return out


def _days_before(text: str, start: int) -> tuple[int, int, bool] | None:
    """Where "الأيام N الأولى من (شهر)" ends right before ``start``: its start, N, and
    whether the first days are meant."""
    match = _DAYS_OF.search(text, max(0, start - 60), start)
    if match is None:
        return None
    if match.group("ten"):
        return match.start(), 10, match.group("te") in ("الاوائل", "الاولي")
    n = match.group("n")
    count = int(n) if n.isdigit() else NUMBERS[spaced(n)]
    if not 1 <= count <= 15:
        return None
    return match.start(), count, match.group("e") == "الاولي"


_FALLS_ON: Final = re.compile(
    r"[\s,،(]*(?:(?:الذي|التي)\s+)?(?:يوافق|الموافق|سيكون|يكون|سيوافق|يصادف|سيصادف)\s*(?:ل\s*)?"
)
_NIGHT_JOIN: Final = re.compile(r"[^\S\n]*(?:-|–|الي)[^\S\n]*")


def merge_weekdays(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A weekday followed by the date it names becomes one expression with that date
    ("الأحد 26 يوليو 2015", "الأربعاء27/10/1436هـ", "يوم الخميس الموافق 14 / 10 / 1436")."""
    merged: list[Candidate] = []
    index = 0
    while index < len(candidates):
        candidate = candidates[index]
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if (
            candidate.weekday is not None
            and following is not None
            and _names_date(text, candidate, following)
        ):
            merged.append(_merged(text, candidate, following))
            index += 2
            continue
        merged.append(candidate)
        index += 1
    return merged


def _merged(text: str, weekday: Candidate, date: Candidate) -> Candidate:
    """One expression for a weekday and the date after it. When the two disagree the date is in
    another calendar ("الاثنين الثامن عشر من الشهر الحالي" in Shawwal) and there is no value,
    unless they are a day apart: a Hijri month begins by sighting, so the weekday decides; a
    Gregorian date a day off its weekday is a slip of the pen, and the written date stands
    ("يوم الخميس 12 ماي 2017", a Friday), unless a day word agrees with the weekday and the
    date is the day after ("أمس الجمعة 29 أوت 2015" on Saturday 29 August: Friday the 28th).
    A date that is the weekday's own day and month in the year before or after is a slip of
    the year, and the weekday's day stands ("اليوم الإثنين 16 جانفي 2016" on Monday 16 January
    2017)."""
    end = date.end
    if text[end : end + 1] == ")" and "(" in text[weekday.end : date.start]:
        end += 1
    period = date.period
    if period is not None and period.earliest.weekday() != weekday.weekday:
        day = cal.snap(period.earliest, weekday.weekday or 0)
        if weekday.period is not None and _year_slip(weekday.period, period.earliest):
            return Candidate(weekday.start, end, "day", weekday.relative, weekday.period)
        later = period.earliest - day == dt.timedelta(days=1)
        agreed = weekday.period is not None and weekday.period.earliest == day
        if weekday.cued and agreed and later:
            # "أمس الجمعة 29 أوت 2015" on Saturday the 29th: the day word and the weekday
            # agree on the 28th, and the date is the day after (not "أمس السبت 04 مارس" on
            # Saturday the 5th, where «أمس» and the date agree and the weekday slipped)
            return Candidate(weekday.start, end, "day", weekday.relative, weekday.period)
        if abs((day - period.earliest).days) > 1:
            return Candidate(weekday.start, end, "day", False, None)
        if date.hijri:
            period = cal.day(day)
    return Candidate(weekday.start, end, date.granularity, date.relative, period, hijri=date.hijri)


def _year_slip(said: cal.Period, written: dt.date) -> bool:
    """Whether ``written`` is the day ``said`` (a weekday's resolved day) in a year next to it."""
    day = said.earliest
    if day != said.latest:
        return False
    same_day = (day.month, day.day) == (written.month, written.day)
    return same_day and abs(day.year - written.year) == 1


def _names_date(text: str, weekday: Candidate, following: Candidate) -> bool:
    """Whether ``following`` is a single day written right after ``weekday`` (maybe after
    "الموافق")."""
    if following.granularity != "day" or (
        following.period and following.period.earliest != following.period.latest
    ):
        return False
    return _GAP.fullmatch(text, weekday.end, following.start) is not None


_FINER: Final = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "week", "month-part", "month"),
    "year": ("day", "week", "month-part", "month", "quarter", "year-part", "year"),
}
"""The granularities an expression may have to be what "نفس اليوم/الأسبوع/الشهر/العام" names."""


_SAME_PERIOD: Final = re.compile(
    r"(?<!\w)[بل]?(?:ل)?(?:نفس[^\S\n]+الفتره|الفتره[^\S\n]+(?:نفسها|ذاتها|المماثله))[^\S\n]+من[^\S\n]+$"
)


def same_period(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "بنفس الفترة من سنة 2015" ("الفترة المماثلة من سنة 2015") after a part of another year
    ("الثلاثي الرابع من سنة 2016") is that part of the year it names: 2015-Q4. With no such
    part before it, the year stays."""
    out: list[Candidate] = []
    part: cal.Period | None = None  # the last stretch of months of one year before
    for candidate in candidates:
        period = candidate.period
        if part is not None and period is not None and period.granularity == "year":
            same = _SAME_PERIOD.search(text, max(0, candidate.start - 30), candidate.start)
            moved = _in_year(part, period.earliest.year) if same else None
            if same and moved is not None:
                candidate = replace(candidate, start=same.start(), period=moved)
        out.append(candidate)
        if _within_a_year(candidate.period):
            part = candidate.period
    return out


def _in_year(part: cal.Period, year: int) -> cal.Period | None:
    """``part`` moved to ``year`` (None for a 29 February the year lacks)."""
    try:
        first, last = part.earliest.replace(year=year), part.latest.replace(year=year)
    except ValueError:
        return None
    value = part.value.replace(str(part.earliest.year), str(year))
    return cal.Period(value, first, last, part.granularity)


def _within_a_year(period: cal.Period | None) -> bool:
    """Whether ``period`` is a stretch of months of one year: a quarter, a third or half, a
    range of months (not a month's end, which "حتى نهاية شهر يوليو" makes an end point)."""
    return (
        period is not None
        and period.earliest.year == period.latest.year
        and (
            period.granularity in ("quarter", "year-part")
            or (period.granularity == "month" and "/" in period.value)
        )
    )


def resolve_anaphors(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "نفس الليلة", "الشهر ذاته", "يوم 15 من الشهر نفسه" name again the day, week, month or year
    of the nearest expression before them that is that precise; with none, they have no value.
    One followed by «من» and a year ("نفس الشهر من سنة 2016" after "نهاية أفريل 2017") names
    it again in that year: April 2016."""
    resolved: list[Candidate] = []
    for candidate in candidates:
        unit = candidate.anaphor
        if unit is not None:
            yearless = _of_the_same_year(text, resolved, candidate)
            earlier = resolved[:-1] if yearless is not None else resolved
            before = next(
                (
                    c.period
                    for c in reversed(earlier)
                    if c.period is not None and c.period.granularity in _FINER[unit]
                ),
                None,
            )
            period = None if before is None else _same(before, unit, candidate)
            # "أكتوبر من نفس السنة" after "18 سبتمبر 1954": October 1954
            moved = (
                None
                if yearless is None or period is None
                else _in_year(yearless, period.earliest.year)
            )
            if moved is None:
                granularity = candidate.granularity if period is None else period.granularity
                candidate = Candidate(candidate.start, candidate.end, granularity, True, period)
        else:
            moved = _of_year(text, resolved[-1], candidate) if resolved else None
        if moved is not None:  # the expression before and this one name one period
            named = resolved.pop()
            candidate = Candidate(named.start, candidate.end, named.granularity, True, moved)
        resolved.append(candidate)
    return resolved


_OF: Final = re.compile(r"[^\S\n]*من[^\S\n]*\Z")


def _of_the_same_year(
    text: str, resolved: list[Candidate], anaphor: Candidate
) -> cal.Period | None:
    """The period of a day or month written without a year right before "من نفس السنة"
    (``anaphor``), whose year that anaphor gives; else None."""
    if anaphor.anaphor != "year" or not resolved:
        return None
    named = resolved[-1]
    period = named.period
    if (
        period is None
        or not named.relative
        or period.granularity not in ("day", "month", "month-part")
        or period.earliest.year != period.latest.year
        or _OF.match(text[named.end : anaphor.start]) is None
    ):
        return None
    return period


def _of_year(text: str, anaphor: Candidate, year: Candidate) -> cal.Period | None:
    """What the anaphor ``anaphor`` (resolved to a day or month) names in the single year
    ``year`` written «من» after it, or None when it is not so followed."""
    named, said = anaphor.period, year.period
    if (
        named is None
        or said is None
        or said.granularity != "year"
        or said.earliest.year != said.latest.year
        or named.granularity not in ("day", "month")
        or _ANAPHOR_WORD.search(text, anaphor.start, anaphor.end) is None
        or _OF.match(text[anaphor.end : year.start]) is None
    ):
        return None
    return _in_year(named, said.earliest.year)


_ANAPHOR_WORD: Final = re.compile(r"نفس|ذات")


def _same(before: cal.Period, unit: str, candidate: Candidate) -> cal.Period | None:
    """The ``unit`` of the period ``before`` names: itself when it is one (a Hijri month is
    named again whole), else the unit holding its first day."""
    day = before.earliest
    if candidate.anaphor_day is None and before.granularity == unit:
        return before
    if candidate.anaphor_day is not None:
        try:
            return cal.day(day.replace(day=candidate.anaphor_day))
        except ValueError:
            return None
    if unit == "day":
        return cal.day(day)
    if unit == "week":
        return cal.week(day)
    return cal.month(day.year, day.month) if unit == "month" else cal.year(day.year)

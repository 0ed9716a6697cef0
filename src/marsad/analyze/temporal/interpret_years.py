"""Grammar matches for periods counted in years, quarters and units → candidate expressions:
years and ranges of years ("بين 2012 و2015"), school and parliamentary years, quarters and
halves, the first or last months of a year, "الأسبوع/الشهر/العام الماضي", and "منذ ثلاثة
أيام"-style counts back (``interpret.interpret`` dispatches to them)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.calendar import Granularity, Period
from marsad.analyze.temporal.candidate import Candidate, make, shift
from marsad.analyze.temporal.lexicon import (
    CENTURIES,
    DECADES,
    DIRECTIONS,
    DUALS,
    ENGLISH_DIRECTIONS,
    MONTH_COUNTS,
    NUMBERS,
    UNITS,
    Part,
    Unit,
    spaced,
)

_SUMMER_START: Final = 6
"""From June to the start of a school year, between two seasons of play: "الموسم الماضي" is the
one just over, "الموسم المقبل" the one about to begin."""
_SUMMER_END: Final = 8  # a summer is June to August
_SESSION_START: Final = 9
"""The month school, university and parliamentary years begin in (Tunisia's parliament sits from
October, its schools from mid-September; the Gulf's schools from late August)."""
FIRST_TO_FOURTH: Final = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}
_FEMININE: Final = {
    "الاولي": "الاول",
    "الثانيه": "الثاني",
    "الثالثه": "الثالث",
    "الرابعه": "الرابع",
}
"""Feminine ordinals, after a feminine quarter or half ("الثلاثية الأولى")."""
"""The first to fourth quarter (or week of a month: ``interpret._month_week``)."""
_COUNTED: Final = re.compile(
    r"[^\S\n]*(?:%|دولار|دينار|ريال|يورو|جنيه|درهم|ليره|شخص|عنصر|متر|كلم|طن|نقطه|بالمائه)"
)
"""Words after "بين 1200 و1800" that make the numbers amounts, not years."""
_COUNTED_NAMES: Final = re.compile(r"[^\S\n]*(?:مشجع|متفرج|لاعب|رياضي|زائر|عارض|مشارك|فريق)")
"""Words after "مهرجان … 2000" that make the number a count of people, not the edition's year."""
DUAL_YEARS: Final = frozenset(("عامي", "العامين", "سنتي", "اعوام", "الاعوام", "سنوات", "السنوات"))
_NOT_A_NUMBER_END: Final = r"(?![\d%]|[.,،]\d)"  # "2014." ends a sentence; "2014.5" is a number
_AND_YEAR: Final = re.compile(rf"[^\S\n]*و[^\S\n]*((?:18|19|20)\d{{2}}){_NOT_A_NUMBER_END}")
_LISTED_YEAR: Final = re.compile(rf"[^\S\n]*[,،و]?[^\S\n]*((?:18|19|20)\d{{2}}){_NOT_A_NUMBER_END}")


def coordinated_years(text: str, end: int, listed: bool = False) -> list[Candidate]:
    """The years joined by «و» to a year expression that ends at ``end`` ("سنتي 2007 و 2016",
    "الكأس 2012 و 2014 و 2015"), or (``listed``: in brackets) by commas or spaces alone
    ("( 1965 1967 1968 )"): each one of its own."""
    found = []
    joiner = _LISTED_YEAR if listed else _AND_YEAR
    while (joined := joiner.match(text, end)) is not None and not _COUNTED.match(
        text, joined.end()
    ):
        year_ = cal.year(int(joined.group(1)))
        found.append(Candidate(*joined.span(1), year_.granularity, False, year_))
        end = joined.end()
    return found


def quarter_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    # Tunisian: "الثلاثي/السداسي الأول", "الثلاثية الأولى"
    halves = g("quarter_k") in ("النصف", "السداسي", "السداسيه")
    ordinal = _FEMININE.get(g("quarter_n"), g("quarter_n"))
    number = (2 if halves else 4) if ordinal.startswith("الاخير") else FIRST_TO_FOURTH[ordinal]
    if halves and number > 2:
        return None
    granularity: Granularity = "year-part" if halves else "quarter"

    def period(year_: int) -> Period:
        return cal.half(year_, number) if halves else cal.quarter(year_, number)

    span = match.span("quarter")
    this_year = g("quarter_z")  # "الثلاثي الأول من هذه السنة 2017"
    if this_year and reference is not None and abs(int(this_year) - reference.year) > 1:
        # not this year but a count: "الربع الأول من هذا العام 2000 وظيفة"
        span, this_year = (span[0], len(text[: match.start("quarter_z")].rstrip())), None
    if written := g("quarter_y") or this_year:
        return make(span, granularity, reference, period(int(written)))
    direction = DIRECTIONS[g("quarter_d")] if g("quarter_d") else 0
    return make(span, granularity, reference, lambda ref: period(ref.year + direction))


def month_span(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """The first or last months of a year ("الأشهر العشرة الأولى من سنة 2014": 2014-01/2014-10)."""
    g = match.group
    if g("nmonths_two"):  # "الشهرين الأولين من السنة الحالية"
        count = 2
    else:
        written = g("nmonths_w") or g("nmonths_c")
        count = int(g("nmonths_d")) if g("nmonths_d") else MONTH_COUNTS[spaced(written)]
    first_months = g("nmonths_e") == "الاولي" or g("nmonths_two") == "الاولين"
    first, last = (1, count) if first_months else (13 - count, 12)

    def period(year_: int) -> Period:
        return cal.months((year_, first), (year_, last))

    span = match.span("nmonths")
    if g("nmonths_y"):
        return make(span, "month", reference, period(int(g("nmonths_y"))))
    direction = DIRECTIONS[g("nmonths_r")] if g("nmonths_r") else 0
    return make(span, "month", reference, lambda ref: period(ref.year + direction))


def unit_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    span = match.span("unit")
    if g("unit_e"):
        word, direction = g("unit_eu"), ENGLISH_DIRECTIONS[g("unit_e")]
        unit: Unit = "week" if word == "week" else "month" if word == "month" else "year"
    else:
        word = g("unit_h") or g("unit_u")
        direction = DIRECTIONS[g("unit_d")] if g("unit_d") else 0
        unit = "week" if word.endswith("اسبوع") else "month" if word.endswith("شهر") else "year"
        if g("unit_y") and unit == "year":  # "العام الماضي 2014م": the stated year
            return make(span, "year", reference, cal.year(int(g("unit_y"))))
    return make(span, unit, reference, lambda ref: shift(ref, unit, direction))


def year_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    if g("year_r1"):  # "2016-2020", "موسم 2014/2015", written backwards "2017/2016"
        first, last = sorted((int(g("year_r1")), int(g("year_r2"))))
        if last <= first or _COUNTED.match(text, match.end("year")):
            return None
        return make(
            (match.start("year_r1"), match.end("year")), "year", reference, cal.years(first, last)
        )
    if g("year_f"):  # "بين 2012 و2015"
        first, last = int(g("year_f")), int(g("year_t"))
        if last <= first or _COUNTED.match(text, match.end("year")):
            return None
        span = (match.start("year_f"), match.end("year"))
        return make(span, "year", reference, cal.years(first, last))
    if g("year_a"):
        first, last = int(g("year_a")), int(g("year_b") or 0)
        named = re.findall(r"\d{4}", text[match.start("year_a") : match.end("year")])
        listed = len(named) > 2 and [int(y) for y in named] != list(range(first, last + 1))
        between = text[max(0, match.start("year_k") - 6) : match.start("year_k")].endswith("بين ")
        two_apart = len(named) == 2 and last > first + 1 and g("year_k") in DUAL_YEARS
        two_apart = two_apart and not between
        if listed or two_apart:  # years apart ("سنتي 2010 و2012", "أعوام 2008 و2011 و2014")
            return make(
                (match.start("year_k"), match.end("year_a")), "year", reference, cal.year(first)
            )
        period = cal.years(first, last) if last > first else cal.year(first)
        return make((match.start("year_k"), match.end("year")), "year", reference, period)
    if g("year_e"):  # "كأس الأمم الإفريقية 2019": the year names the event's edition
        if _COUNTED.match(text, match.end("year")) or _COUNTED_NAMES.match(text, match.end("year")):
            return None
        return make(match.span("year_e"), "year", reference, cal.year(int(g("year_e"))))
    if g("year_c"):
        if _COUNTED.match(text, match.end("year")):  # "إلى غاية 2000 دينار": an amount
            return None
        span = (match.start("year_c"), match.end("year"))
    elif g("year_q") or g("year_l"):
        span = match.span("year_q") if g("year_q") else match.span("year_l")
    else:
        span = match.span("year")
    digits = re.match(r"\d+", match.string[span[0] : span[1]])
    return None if digits is None else make(span, "year", reference, cal.year(int(digits.group())))


def named_year(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A year that ends a name ("دستور 2012"; ``grammar._NAMED_YEAR``): that year."""
    year = int(match.group("named_year"))
    return make(match.span("named_year"), "year", reference, cal.year(year))


def session_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A school, university or parliamentary year, as the two calendar years it spans: one
    that begins in the autumn (September), "2017/2018" [year]. It needs its years or a relative
    word ("السنة الدراسية المقبلة"); alone it is any such year ("معدل السنة الدراسية")."""
    g = match.group
    span = match.span("session")
    if g("session_a"):  # "2017/2018", or written backwards "2018/2017" (two years that follow)
        first, last = int(g("session_a")), int(g("session_b"))
        if first == last + 1:
            first, last = last, first
        return make(span, "year", reference, cal.years(first, last)) if last > first else None
    if not g("session_d") and not g("session_h") and not g("session_n"):
        return None  # "الجديدة": the one now begun
    direction = DIRECTIONS[g("session_d")] if g("session_d") else 0  # "هذا الموسم"
    season = g("session_m") is not None

    def build(ref: dt.date) -> Period:
        first = ref.year - (ref.month < _SESSION_START) + direction
        if season and _SUMMER_START <= ref.month < _SESSION_START:  # between two seasons: the
            first = ref.year - 1 if direction < 0 else ref.year  # last is over, the next near
        return cal.years(first, first + 1)

    return make(span, "year", reference, build)


_DECADE_PARTS: Final = {
    "start": (0, 2),
    "middle": (3, 6),
    "end": (7, 9),
    "first-half": (0, 4),
    "second-half": (5, 9),
}
"""The years of a decade a part of it names (the last third of the sixties: 1967-1969)."""


def decade_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A decade: "الأربعينات" = 1940/1949; not a temperature or an age named just before
    ("درجات الحرارة إلى الأربعينات", "عمره في الثلاثينات")."""
    if _NOT_YEARS.search(text, max(0, match.start("decade") - 40), match.start("decade")):
        return None
    return make(match.span("decade"), "year", reference, decade(match, "decade"))


_NOT_YEARS: Final = re.compile(r"(?<!\w)(?:ال)?(?:حراره|عمره|عمرها|العمر|سن|درجات)(?!\w)")


def decade(match: re.Match[str], p: str, part: Part | None = None) -> Period:
    """The decade ``grammar._decade(p)`` matched, of the century the text names (the last one
    when it names none), or the ``part`` of it ("أواخر الأربعينات": 1947/1949)."""
    g = match.group
    century = CENTURIES[spaced(g(f"{p}_dc"))] if g(f"{p}_dc") else -1
    # a century by its number («ستينيات القرن التاسع عشر»: 1860s), else this one or the last
    first = (century - 1) * 100 if century > 0 else 2000 + 100 * century
    first += DECADES[g(f"{p}_dn")]
    low, high = _DECADE_PARTS[part] if part else (0, 9)
    return cal.years(first + low, first + high)


def century_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A century: "القرن العشرين" = 1900/1999; "القرن الماضي" the one before the reference's."""
    number = CENTURIES[spaced(match.group("century_n"))]
    span = match.span("century")
    if number > 0:
        return make(span, "year", reference, cal.years((number - 1) * 100, number * 100 - 1))

    def build(ref: dt.date) -> Period:
        first = (ref.year // 100 + number) * 100
        return cal.years(first, first + 99)

    return make(span, "year", reference, build)


_SEASONS: Final = {"خريف": (9, 11), "ربيع": (3, 5)}


def season_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """An autumn or a spring of a year written after it: "خريف 1952" = 1952-09/1952-11."""
    g = match.group
    first, last = _SEASONS[g("season_w")]
    year_ = int(g("season_y"))
    months = cal.months((year_, first), (year_, last))
    season = Period(months.value, months.earliest, months.latest, "year-part")
    return make(match.span("season"), "year-part", reference, season)


def summer_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A summer with its year, a direction or "هذا/هذه": the next one ("المقبل") is this year's
    until June; the last one ("الماضي") this year's once August is over."""
    g = match.group
    span = match.span("summer")
    if g("summer_y"):
        return make(span, "year-part", reference, cal.summer(int(g("summer_y"))))
    if g("summer_th") or g("summer_yd"):  # "صائفة هذا العام", "صيف العام الماضي"
        shift = DIRECTIONS[g("summer_yd")] if g("summer_yd") else 0
        return make(span, "year-part", reference, lambda ref: cal.summer(ref.year + shift))
    if not g("summer_h") and not g("summer_d"):
        return None
    direction = DIRECTIONS[g("summer_d")] if g("summer_d") else 0

    def build(ref: dt.date) -> Period:
        if direction < 0:
            return cal.summer(ref.year if ref.month > _SUMMER_END else ref.year - 1)
        if direction > 0:
            return cal.summer(ref.year if ref.month < _SUMMER_START else ref.year + 1)
        return cal.summer(ref.year)

    return make(span, "year-part", reference, build)


def ago_period(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    g = match.group
    unit: Unit
    if g("ago_dual"):
        count, unit = 2, DUALS[g("ago_dual")]
    elif g("ago_n"):
        number = g("ago_n")
        count, unit = (int(number) if number.isdigit() else NUMBERS[number]), UNITS[g("ago_u")]
    else:
        count, unit = 1, UNITS[g("ago_one")]
    if count == 0:
        return None
    return make(match.span("ago"), unit, reference, lambda ref: shift(ref, unit, -count))

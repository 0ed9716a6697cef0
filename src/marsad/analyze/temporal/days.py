"""Day words and weekdays ("أمس", "اليوم (الاثنين)", "مساء الثلاثاء", "الخميس الماضي"), and the
context checks that keep "روسيا اليوم" and "عبدالعزيز الخميس" out."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.calendar import Period
from marsad.analyze.temporal.candidate import Candidate, make
from marsad.analyze.temporal.fold import fold_word
from marsad.analyze.temporal.lexicon import (
    AMBIGUOUS_WEEKDAYS,
    DIRECTIONS,
    FRIDAY_PRAYER,
    HOLIDAYS,
    ORDINALS,
    RELATIVE_DAYS,
    TODAY_NOT_AFTER,
    WEEKDAY_FOLLOWERS,
    WEEKDAYS,
    spaced,
)
from marsad.analyze.temporal.named import easter, easter_kind
from marsad.analyze.temporal.regex import OPT, words
from marsad.analyze.temporal.tense import tense

__all__ = ["dayref", "holiday", "weekday_pair"]

_QUOTES: Final = "\"'«“”"
_OPENING_QUOTES: Final = "«“"
_TODAY_NOT_BEFORE: Final = frozenset(("نفسه", "ذاته"))
_DAY_ADJECTIVES: Final = frozenset(
    (
        *ORDINALS,
        *DIRECTIONS,
        *(fold_word(word) for word in ("الأول", "الأخير", "السابق", "اللاحق", "التالي")),
        *(fold_word(word) for word in ("المفتوح", "الموعود", "المشهود", "المقبل", "التي")),
        *(fold_word(word) for word in ("الآخر", "الواحد", "الكامل", "الحاسم", "الطويل")),
    )
)
_LAST_WORD: Final = re.compile(r"(\w+)\W*$")
_FIRST_WORD: Final = re.compile(r"\W*?(\w+)")
_FOLLOWER: Final = re.compile(rf"\)?{OPT}(?:{words(WEEKDAY_FOLLOWERS)}(?!\w)|ب\w\w)")
_DATE_NEXT: Final = re.compile(
    rf"\)?{OPT}[(,]?{OPT}(?:و?الموافق{OPT})?\(?{OPT}(?:\d|{words(ORDINALS)}{OPT}من)"
)


_THIS_DAY_ELSEWHERE: Final = re.compile(r"(?<!\w)(?:مثل|قبل|بعد|منذ|حتي)[^\S\n]+$")


def dayref(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A day word, maybe with a weekday ("أمس الأحد"), or a weekday, maybe with a direction or
    a day word ("الخميس الماضي", "يوم الجمعة غداً"); None when the context says it is not one."""
    g = match.group
    span = match.span("dayref")
    context = bool(g("dayref_t") or g("dayref_y"))
    if g("dayref_r"):
        word = g("dayref_r")
        offset = RELATIVE_DAYS[spaced(word)]
        named = WEEKDAYS[g("dayref_w")] if g("dayref_w") else None
        if word in ("الغد", "غد") and not context and named is None:
            return None  # "الغد" alone is "the future", or a newspaper
        if word == "هذا اليوم" and _THIS_DAY_ELSEWHERE.search(text, max(0, span[0] - 8), span[0]):
            # «في مثل هذا اليوم»: a day of the calendar in another year; «قبل هذا اليوم»: the
            # day just named (an Eid), not today
            return Candidate(*span, "day", True, None)
        if word == "امس" and _MOST_IN_NEED.match(text, span[1]):
            return None  # «في أمسّ الحاجة»: in most need
        today = word in ("اليوم", "الليله")  # "الليلة" is tonight, as "اليوم" is today
        if today and not context and named is None and _today_is_a_name(text, *span):
            return None

        def on_day(ref: dt.date) -> Period:
            found = ref + dt.timedelta(days=offset)
            return cal.day(found if named is None else cal.snap(found, named))

        return make(span, "day", reference, on_day, weekday=named, cued=True)
    weekday = WEEKDAYS[g("dayref_v")]
    after = g("dayref_x")
    if g("dayref_v") == "الاحد" and text.startswith(" عشر", match.end("dayref_v")):
        return None  # "الأحد عشر": eleven
    if after is None and not context and g("dayref_v") in AMBIGUOUS_WEEKDAYS:
        start = match.start("dayref_v")
        previous = _LAST_WORD.search(text, max(0, start - 20), start)
        if previous is not None and previous.group(1) in FRIDAY_PRAYER:
            return None
        if g("dayref_v") == "الاثنين" and previous is not None and _the_two(previous.group(1)):
            return None  # «المرشحين الاثنين», «بين الاثنين»: the two
        if not _framed(text, start, match.end("dayref")):
            return None
    if after is None:  # "سيقام يوم الأربعاء": the coming one; otherwise the last one
        time = tense(text, *span, present=True) if reference is not None else None
        return make(
            span,
            "day",
            reference,
            lambda ref: cal.day(cal.weekday_date(ref, weekday, None, time)),
            weekday=weekday,
        )
    if after in DIRECTIONS:
        direction = DIRECTIONS[after] or None
        return make(
            span,
            "day",
            reference,
            lambda ref: cal.day(cal.weekday_date(ref, weekday, direction)),
            weekday=weekday,
            cued=True,
        )
    offset = RELATIVE_DAYS[after]  # "يوم الجمعة غداً"
    return make(
        span,
        "day",
        reference,
        lambda ref: cal.day(cal.snap(ref + dt.timedelta(days=offset), weekday)),
        weekday=weekday,
        cued=True,
    )


def weekday_pair(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """Two weekdays in a row, the night between them or both days ("الليلة الفاصلة بين السبت
    والأحد", "يومي السبت والأحد"), as the two days."""
    g = match.group
    first = WEEKDAYS[g("wdays_p").split("و", 1)[0].strip()]  # no weekday's name holds a «و»
    direction = DIRECTIONS[g("wdays_d")] or None if g("wdays_d") else None
    span = match.span("wdays")
    time = tense(text, *span, present=True) if reference is not None and direction is None else None

    def both(ref: dt.date) -> Period:
        day_ = cal.weekday_date(ref, first, direction, time)
        return cal.days(day_, day_ + dt.timedelta(days=1))

    return make(span, "day", reference, both, cued=direction is not None)


def holiday(match: re.Match[str], text: str, reference: dt.date | None) -> Candidate | None:
    """A holiday on a fixed day ("رأس السنة", "عيد الشغل"): of the year written after it, else
    placed like a day and month with no year ("1 ماي"): by the sentence's tense."""
    g = match.group
    key = spaced(g("holiday_k"))
    span = match.span("holiday")
    if _A_HOLIDAY_IN_GENERAL.search(text, max(0, span[0] - 80), span[0]):
        return None
    if key == _EASTER:
        kind = easter_kind(text, match.end("holiday_k"))
        if kind is None:
            return None  # «عيد الفصح اليهودي»: Passover
        return _easter(span, text, reference, int(g("holiday_y") or 0), kind == "orthodox")
    month, day = HOLIDAYS[key]
    eve = _EVE.search(text, max(0, span[0] - 8), span[0]) if month == 1 and day == 1 else None
    if eve is not None:  # "ليلة رأس السنة": the night of 31 December to 1 January
        span = (eve.start(), span[1])

    def on(found: dt.date) -> Period:
        return cal.days(found - dt.timedelta(days=1), found) if eve else cal.day(found)

    if g("holiday_y"):
        return make(span, "day", reference, on(dt.date(int(g("holiday_y")), month, day)))
    time = tense(text, *span) if reference is not None else None

    def build(ref: dt.date) -> Period | None:
        found = cal.day_date(ref, month=month, day=day, direction=None, tense=time)
        return None if found is None else on(found)

    return make(span, "day", reference, build)


_EVE: Final = re.compile(r"(?<!\w)ليله[^\S\n]+$")
_EASTER: Final = fold_word("عيد الفصح")


def _easter(
    span: tuple[int, int], text: str, reference: dt.date | None, year: int, orthodox: bool
) -> Candidate | None:
    """Easter Sunday: of the year written after it, else of the year the sentence's tense
    points to, as a day and month with no year is placed (``calendar.day_date``)."""
    if year:
        return make(span, "day", reference, cal.day(easter(year, orthodox)))
    time = tense(text, *span) if reference is not None else None

    def build(ref: dt.date) -> Period:
        sundays = [easter(y, orthodox) for y in range(ref.year - 1, ref.year + 2)]
        if time == 1:
            return cal.day(min(d for d in sundays if d >= ref))
        return cal.day(max(d for d in sundays if d <= ref + cal.HORIZON))

    return make(span, "day", reference, build)


_A_HOLIDAY_IN_GENERAL: Final = re.compile(
    r"(?:يسمي|تسمي|يعرف)\W*ب?$|(?<!\w)كل\W+(?:عام|سنه)(?!\w)[^.\n]*$"
)
"""Before a holiday, words that make it the holiday in general, not a day: "ما يسمى بعيد",
"every year" in the sentence ("في كل عام بمناسبة عيد الشغل")."""


_MOST_IN_NEED: Final = re.compile(r"[^\S\n]+ال(?:حاجه|احتياج)")


def _today_is_a_name(text: str, start: int, end: int) -> bool:
    """Whether "اليوم" here names something else: a title, "that day", "the national day"."""
    before = text[max(0, start - 40) : start]
    if before and (before[-1] in _QUOTES + "بكل" or before.rstrip(" ")[-1:] in _OPENING_QUOTES):
        return True  # «اليوم», "باليوم" (per day), "كاليوم"; not 'برنامج "بوليتيكا" اليوم'
    if before[-1:] == "(" and text[end : end + 1] == ")":
        return True  # "(اليوم)": the newspaper credited
    previous = _LAST_WORD.search(before)
    if previous is not None:
        word = previous.group(1)
        if word in TODAY_NOT_AFTER or (word[:1] in "وبلف" and word[1:] in TODAY_NOT_AFTER):
            return True
    following = _FIRST_WORD.match(text, end, min(len(text), end + 40))
    if following is None or "\n" in text[end : following.start(1)]:
        return False
    word = following.group(1)
    if text.startswith("الليله", start) and word.startswith("ال") and word.endswith("يه"):
        return True  # "الليلة الشعبية", "الليلة الختامية": a night's name
    return word in _TODAY_NOT_BEFORE or (word.startswith("ال") and _describes_a_day(word))


def _describes_a_day(word: str) -> bool:
    """Whether a word with the article after "اليوم" describes it ("اليوم الوطني", "اليوم
    التالي", "اليوم الأول", "اليوم الذي", "اليوم الآخر"): an adjective of relation (ending in
    ي), an ordinal, a relative word or a common adjective, or a relative pronoun; the subject
    of a verb before it ("تجرى اليوم الدفعة الأولى", "تستقبل اليوم المهنئين") does not."""
    return (word.endswith("ي") and word != "الي") or word in _DAY_ADJECTIVES  # not "إلى"


def _the_two(word: str) -> bool:
    """Whether «الاثنين» after ``word`` is "the two": after «بين», or after a plural or dual
    noun with the article («المرشحين», «الطرفين»)."""
    return word == "بين" or (word.startswith("ال") and word.endswith("ين") and len(word) > 5)


def _framed(text: str, start: int, end: int) -> bool:
    """Whether a bare ambiguous weekday reads as a date: after a comma or an opening
    parenthesis ("حذرت الولايات المتحدة، الاثنين من"), before punctuation ("بثت الخميس،"), a
    date, or a word that follows time adverbials ("توفي الخميس عن", "قال الاثنين إن").
    "عبدالعزيز الخميس قائلا" and "مزيج من الاثنين معا" are not dates."""
    left = text[max(0, start - 3) : start].rstrip(" ")
    right = text[end : end + 3].lstrip(" ")
    if left == "" or left[-1] in ",(\n" or right == "" or right[0] in ",.;:)\n":
        return True
    return bool(_FOLLOWER.match(text, end) or _DATE_NEXT.match(text, end))

"""Days that name a happening of one year: «ثورة 14 جانفي» (2011), «أحداث 11 سبتمبر» (2001);
and Easter, a holiday whose day moves.

A day and month with no year is placed near the reference («9 مارس» read in March 2017 is
2017-03-09); after «ثورة» or «أحداث/هجمات» it may be the name of one happening, and the year is
the happening's, from ``NAMED_DAYS``. A revolution the table does not hold gets no value: its
year is not the reference's, and a reader would need to know it; events and attacks the table
does not hold are mostly recent («أحداث 7 ماي بتطاوين») and are placed as any day is. Not the
holiday («عيد الثورة 14 جانفي» is this year's), nor a day with a direction («أحداث 7 ماي
الماضي»), a range or a list (the interpreter checks those).

>>> text = "شهداء ثوره 14 جانفي"
>>> span = (text.index("14"), len(text))
>>> named_day(text, span, 1, 14, None).period.value
'2011-01-14'
>>> named_day(text, span, 3, 8, None).period is None
True
>>> named_day("في 14 جانفي", (3, 11), 1, 14, None) is None
True
>>> easter(2017), easter(2016)
(datetime.date(2017, 4, 16), datetime.date(2016, 3, 27))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from marsad.analyze.temporal import calendar as cal
from marsad.analyze.temporal.candidate import Candidate, make

__all__ = ["NAMED_DAYS", "easter", "easter_kind", "named_day"]

NAMED_DAYS: Final[dict[str, dict[tuple[int, int], int]]] = {
    "ثوره": {
        (12, 17): 2010,  # Tunisia, «ثورة 17 ديسمبر»
        (1, 14): 2011,  # Tunisia, «ثورة 14 جانفي»
        (1, 25): 2011,  # Egypt, «ثورة 25 يناير»
        (2, 17): 2011,  # Libya, «ثورة 17 فبراير»
        (6, 30): 2013,  # Egypt, «ثورة 30 يونيو»
        (7, 23): 1952,  # Egypt, «ثورة 23 يوليو»
        (11, 1): 1954,  # Algeria, «ثورة أول نوفمبر»
        (9, 26): 1962,  # Yemen, «ثورة 26 سبتمبر»
        (10, 14): 1963,  # Yemen, «ثورة 14 أكتوبر»
    },
    "احداث": {(9, 11): 2001},
    "هجمات": {(9, 11): 2001},
}
"""(month, day) → year of the happening a word right before the day names (folded keys): not
after «يوم» («الاحتفال بالثورة يوم 14 جانفي» is this year's day)."""

_NAMING: Final = re.compile(r"(?<!\w)[وبل]{0,2}(?:ال)?(?P<word>ثوره|احداث|هجمات)[^\S\n]+$")


_HOLIDAY_BEFORE: Final = re.compile(r"(?<!\w)[وبل]{0,2}عيد[^\S\n]+$")


def named_day(
    text: str, span: tuple[int, int], month: int, day: int, reference: dt.date | None
) -> Candidate | None:
    """The day and month at ``span`` in folded ``text`` as a happening's name, when a naming
    word («ثوره», «احداث», «هجمات», not after «عيد») comes right before them: the happening's
    day from ``NAMED_DAYS``, a revolution the table lacks with no value; None when they name
    nothing (or an event the table lacks: a day placed as any other)."""
    start = span[0]
    found = _NAMING.search(text, max(0, start - 16), start)
    if found is None or _HOLIDAY_BEFORE.search(text, max(0, found.start() - 8), found.start()):
        return None
    year = NAMED_DAYS[found.group("word")].get((month, day))
    if year is not None:
        return make(span, "day", reference, cal.day(dt.date(year, month, day)))
    return Candidate(*span, "day", True, None) if found.group("word") == "ثوره" else None


def easter(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday of ``year``: the Western one (the Gregorian computus, Meeus/Jones/Butcher),
    or with ``orthodox`` the Eastern one that Copts and the Orthodox keep (Meeus's Julian
    computus, moved to the Gregorian calendar: 13 days from 1900 to 2099).

    >>> easter(2016, orthodox=True), easter(2017, orthodox=True)
    (datetime.date(2016, 5, 1), datetime.date(2017, 4, 16))
    """
    if orthodox:
        d = (19 * (year % 19) + 15) % 30
        e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=13)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_EASTER_AFTER: Final = re.compile(r"[^\S\n]+(?:ال)?(?P<kind>يهودي|شرقي|ارثوذكسي)(?!\w)")
_ORTHODOX_NEAR: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:اقباط|ارثوذكس|قبطي|قبطيه|ارثوذكسيه)(?!\w)"
)


def easter_kind(text: str, end: int) -> str | None:
    """Which Easter «عيد الفصح» ending at ``end`` in folded ``text`` is: "orthodox" when
    «الشرقي/الأرثوذكسي» follows or the Copts or the Orthodox are named in its sentence, None
    for «عيد الفصح اليهودي» (Passover, not computed here), else "western"."""
    after = _EASTER_AFTER.match(text, end)
    if after is not None:
        return None if after.group("kind") == "يهودي" else "orthodox"
    start, stop = max(0, end - 120), min(len(text), end + 120)
    return "orthodox" if _ORTHODOX_NEAR.search(text, start, stop) else "western"

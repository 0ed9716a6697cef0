"""Month and weekday names for date parsing, keyed by their normalized form.

Arabic news names Gregorian months in three systems, often two at once ("7 أيار/ مايو"):

- Egypt and the Gulf transliterate the English names: يناير فبراير مارس أبريل مايو يونيو يوليو
  أغسطس سبتمبر أكتوبر نوفمبر ديسمبر, with Egyptian يونيه and يوليه and the misspellings فبرير
  and سبتمر.
- The Levant and Iraq use the Syriac names: كانون الثاني شباط آذار نيسان أيار حزيران تموز آب
  أيلول تشرين الأول تشرين الثاني كانون الأول, the two-word ones also without the article.
- The Maghreb uses French-derived names (جانفي فيفري أفريل جوان جويلية أوت) in Algeria and
  Tunisia and its own in Morocco (ماي يوليوز غشت شتنبر نونبر دجنبر).

Saudi outlets also date by the Hijri (Umm al-Qura) calendar, whose months are محرم صفر ربيع
الأول ربيع الآخر جمادى الأولى جمادى الآخرة رجب شعبان رمضان شوال ذو القعدة ذو الحجة ("ذي
القعدة" after a preposition, "ربيع الثاني", "جمادى الثانية").

Keys are passed through ``normalize``, so أبريل/ابريل/إبريل need one entry each only for
readability. Some names are also ordinary words: آب is "father", ماي is Gulf "water",
"may"/"sun"/"sat" are English words, صفر is "zero", محرم "forbidden", رمضان, رجب and شعبان are
names of people. A parser must look for a day, a year or "شهر" next to them.
"""

from __future__ import annotations

from typing import Final

from marsad.arabic.normalize import normalize

__all__ = [
    "HIJRI_MONTHS",
    "MONTHS",
    "WEEKDAYS",
    "hijri_month_number",
    "month_number",
    "weekday_number",
]

_MONTH_NAMES: Final[dict[int, tuple[str, ...]]] = {
    1: ("يناير", "جانفي", "كانون الثاني", "كانون ثاني", "january", "jan"),
    2: ("فبراير", "فبرير", "فيفري", "شباط", "february", "feb"),
    3: ("مارس", "آذار", "march", "mar"),
    4: ("أبريل", "إبريل", "ابريل", "أفريل", "نيسان", "april", "apr"),
    5: ("مايو", "ماي", "أيار", "may"),
    6: ("يونيو", "يونيه", "جوان", "حزيران", "june", "jun"),
    7: ("يوليو", "يوليه", "يوليوز", "جويلية", "تموز", "july", "jul"),
    8: ("أغسطس", "اغسطس", "غشت", "أوت", "آب", "august", "aug"),
    9: ("سبتمبر", "سبتمر", "شتنبر", "أيلول", "september", "sept", "sep"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول", "october", "oct"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "november", "nov"),
    12: ("ديسمبر", "دجنبر", "كانون الأول", "كانون أول", "december", "dec"),
}

_HIJRI_MONTH_NAMES: Final[dict[int, tuple[str, ...]]] = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الأخر", "ربيع الثاني", "ربيع ثاني", "ربيع ثان"),
    5: ("جمادى الأولى", "جمادى الأول", "جماد الأول", "جماد الأولى"),
    6: (
        *("جمادى الآخرة", "جمادى الآخر", "جمادى الثانية", "جمادى الثاني"),
        *("جماد الآخر", "جماد الآخرة", "جماد الثاني"),
    ),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة", "ذوالقعدة", "ذيالقعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة", "ذوالحجة", "ذيالحجة"),
}

_WEEKDAY_NAMES: Final[dict[int, tuple[str, ...]]] = {
    0: ("الاثنين", "الإثنين", "monday", "mon"),
    1: ("الثلاثاء", "tuesday", "tue", "tues"),
    2: ("الأربعاء", "wednesday", "wed"),
    3: ("الخميس", "thursday", "thu", "thur", "thurs"),
    4: ("الجمعة", "friday", "fri"),
    5: ("السبت", "saturday", "sat"),
    6: ("الأحد", "sunday", "sun"),
}


def _by_normalized_name(names: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {normalize(name): number for number, spellings in names.items() for name in spellings}


MONTHS: Final[dict[str, int]] = _by_normalized_name(_MONTH_NAMES)
"""Normalized month name → month number (January = 1)."""

HIJRI_MONTHS: Final[dict[str, int]] = _by_normalized_name(_HIJRI_MONTH_NAMES)
"""Normalized Hijri month name → month number (Muharram = 1)."""

WEEKDAYS: Final[dict[str, int]] = _by_normalized_name(_WEEKDAY_NAMES)
"""Normalized weekday name → weekday number (Monday = 0, as ``datetime.date.weekday``)."""


def month_number(word: str) -> int | None:
    """The month ``word`` names, in any spelling ``normalize`` folds together, or None.

    >>> month_number("أيار"), month_number("إبريل"), month_number("Sept"), month_number("غدا")
    (5, 4, 9, None)
    """
    return MONTHS.get(normalize(word))


def hijri_month_number(word: str) -> int | None:
    """The Hijri month ``word`` names, or None.

    >>> [hijri_month_number(word) for word in ("ذي القعدة", "جمادى الآخرة", "مايو")]
    [11, 6, None]
    """
    return HIJRI_MONTHS.get(normalize(word))


def weekday_number(word: str) -> int | None:
    """The weekday ``word`` names (Monday = 0), or None: ``weekday_number("الاثنين") == 0``."""
    return WEEKDAYS.get(normalize(word))

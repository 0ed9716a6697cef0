"""The words of temporal expressions, as writers spell them; patterns fold them with ``fold_word``.

Each table maps a word to what it means for resolution: a day offset, a direction (-1 past,
0 current, +1 next), a part of a period, a number, a unit. Month and weekday names come from
``marsad.arabic.months``, so there is one list of them in the project.
"""

from __future__ import annotations

from typing import Final, Literal, TypeVar

from marsad.analyze.temporal.fold import fold_word
from marsad.arabic import MONTHS, WEEKDAYS
from marsad.arabic.months import HIJRI_MONTHS as _HIJRI_MONTHS

__all__ = [
    "AMBIGUOUS_HIJRI_MONTHS",
    "AMBIGUOUS_MONTHS",
    "AMBIGUOUS_WEEKDAYS",
    "CENTURIES",
    "DECADES",
    "DIRECTIONS",
    "DUALS",
    "ENGLISH_DIRECTIONS",
    "EPITHETS",
    "FRIDAY_PRAYER",
    "HIJRI_MONTHS",
    "HOLIDAYS",
    "MONTHS",
    "MONTH_COUNTS",
    "NUMBERS",
    "ORDINALS",
    "PARTS",
    "PREPOSITIONS",
    "QUANTIFIERS",
    "RELATIVE_DAYS",
    "TIMES_OF_DAY",
    "TODAY_NOT_AFTER",
    "UNITS",
    "WEEKDAYS",
    "WEEKDAY_FOLLOWERS",
    "YEAR_PREPOSITIONS",
    "Part",
    "Unit",
    "folded",
    "ordinal",
    "spaced",
]

Unit = Literal["day", "week", "month", "year"]
Part = Literal["start", "middle", "end", "first-half", "second-half"]


def spaced(words: str) -> str:
    """A matched phrase as a table key: patterns let any run of spaces stand for one."""
    return " ".join(words.split())


def folded(table: dict[str, int] | dict[str, str] | tuple[str, ...]) -> tuple[str, ...]:
    """The folded spellings of a table's words, longest first (so alternations prefer them)."""
    return tuple(sorted({fold_word(word) for word in table}, key=len, reverse=True))


_V = TypeVar("_V")


def _fold_keys(table: dict[str, _V]) -> dict[str, _V]:
    return {fold_word(word): value for word, value in table.items()}


AMBIGUOUS_MONTHS: Final = frozenset(
    name for name in MONTHS if name.isascii() or name in ("اب", "ماي")
)
"""Month names that are also common words: آب "father", ماي "water", and the English names
("may", "march", "sun"...). After a preposition alone ("في آب") they are not taken as months;
they need a day, a year, "شهر", a relative word or a second month name ("آب (أغسطس)")."""

AMBIGUOUS_WEEKDAYS: Final = frozenset(
    fold_word(name) for name in ("الاثنين", "الإثنين", "الجمعة", "الخميس")
)
"""الاثنين "the two", الجمعة "the (Friday) prayer" ("خطبة الجمعة"), الخميس a family name and a
town (خميس مشيط): alone they need date-like framing (see ``marsad.analyze.dates``). الأحد
"the one" and السبت "the Sabbath" are rare enough in news to count alone, except "الأحد عشر"."""

FRIDAY_PRAYER: Final = folded(("خطبة", "خطب", "خطيب", "خطباء", "منبر", "صلاة"))
"""Words before "الجمعة" that make it the Friday prayer in general ("خطبة الجمعة"), not a date,
unless a day word or direction fixes it ("صلاة الجمعة أمس")."""

WEEKDAY_FOLLOWERS: Final = folded(
    (
        *("في", "على", "عن", "إلى", "من", "مع", "أن", "إن", "أنه", "أنها", "بأن", "خلال", "عقب"),
        "إثر",
        *("حول", "لكن", "ولكن", "بينما", "فيما", "وسط", "حيث"),
    )
)
"""Words that follow a weekday used as a time adverbial ("توفي الخميس عن", "قال الاثنين إن");
a word starting with ب does too ("الخميس بأرباح")."""

DIRECTIONS: Final = _fold_keys(
    {
        "الماضي": -1,
        "الماضية": -1,
        "الفائت": -1,
        "الفائتة": -1,
        "المنصرم": -1,
        "المنصرمة": -1,
        "المنقضي": -1,
        "المنقضية": -1,
        "الفارط": -1,
        "الفارطة": -1,
        "الماضيين": -1,
        "الماضيتين": -1,
        "الفارطين": -1,
        "المقبلين": 1,
        "المقبلتين": 1,
        "القادمين": 1,
        "المقبل": 1,
        "المقبلة": 1,
        "القادم": 1,
        "القادمة": 1,
        "الجاري": 0,
        "الجارية": 0,
        "الحالي": 0,
        "الحالية": 0,
    }
)
"""Words after a month, weekday or unit: -1 the previous one, +1 the next one, 0 the current one."""

ENGLISH_DIRECTIONS: Final = {"last": -1, "next": 1, "this": 0}

RELATIVE_DAYS: Final = _fold_keys(
    {
        "أول من أمس": -2,
        "أول أمس": -2,
        "أمس الأول": -2,
        "أمس": -1,
        "الأمس": -1,
        "البارحة": -1,
        "الليلة الماضية": -1,
        "الليلة البارحة": -1,
        "الليلة الفارطة": -1,
        "الليلة المنقضية": -1,
        "الليلة القادمة": 0,
        "الليلة المقبلة": 0,
        "اليوم": 0,
        "هذا اليوم": 0,  # «يكون الطقس هذا اليوم»; not «في مثل هذا اليوم» (``days.dayref``)
        "هذا المساء": 0,
        "هذا الصباح": 0,
        "الليلة": 0,
        "غدا": 1,
        "غد": 1,
        "الغد": 1,
        "بعد غد": 2,
        "yesterday": -1,
        "tomorrow": 1,
    }
)
"""Day words → offset from the reference date in days."""

TIMES_OF_DAY: Final = folded(
    (
        "صباح",
        "صبيحة",
        "ضحى",
        "ظهر",
        "ظهيرة",
        "عصر",
        "عشية",
        "مساء",
        "ليل",
        "ليلة",
        "فجر",
        "منتصف ليل",
        "منتصف نهار",
        "نهار",
    )
)
"""Words that put a day word or weekday in context ("مساء الثلاثاء", "صباح أمس", Tunisian
"عشية الجمعة" and "نهار الأربعاء"); a night ("ليلة السبت") is given the date of the day it
names."""

PARTS: Final[dict[str, Part]] = _fold_keys(
    {
        "أوائل": "start",
        "مطلع": "start",
        "بداية": "start",
        "مستهل": "start",
        "منتصف": "middle",
        "أواسط": "middle",
        "أواخر": "end",
        "نهاية": "end",
        "آخر": "end",
        "موفى": "end",
        "ختام": "end",
        "العشر الأوائل من": "start",
        "العشر الأواسط من": "middle",
        "العشر الأواخر من": "end",
        "الأيام الأولى من": "start",
        "الأيام الأخيرة من": "end",
        "أخريات": "end",
        "النصف الأول من": "first-half",
        "النصف الثاني من": "second-half",
        "النصف الأخير من": "second-half",
    }
)
"""Words for a third of a month or year (start, middle, end) or a half ("النصف الأول من");
"موفى" is Tunisian "end of"."""

PREPOSITIONS: Final = folded(
    (
        *("في", "خلال", "منذ", "حتى", "بحلول", "قبل", "بعد", "طوال", "أثناء", "من", "إلى", "مع"),
        *("غاية", "غضون"),
    )
)
"""Words before a bare month that make it a date ("في مارس", "منذ آذار (مارس)", Tunisian "إلى
غاية 2016", "في غضون 2030")."""

_DECADE_STEMS: Final = {"عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60}
DECADES: Final = {
    f"{stem}{end}": number
    for stem, number in {**_DECADE_STEMS, "سبعين": 70, "ثمانين": 80, "تسعين": 90}.items()
    for end in ("ات", "يات")
}
"""Decades (folded, without the article) → their tens: "الأربعينات", "ستينيات"."""

CENTURIES: Final = {
    "الحادي والعشرين": 21,
    "الحادي و العشرين": 21,
    "الواحد والعشرين": 21,
    "الواحد و العشرين": 21,
    "العشرين": 20,
    "التاسع عشر": 19,
    "الثامن عشر": 18,
    "السابع عشر": 17,
    "السادس عشر": 16,
    "الخامس عشر": 15,
    "الماضي": -1,
    "المنصرم": -1,
    "الفارط": -1,
    "الحالي": 0,
    "الجاري": 0,
}
"""Centuries (folded) → their number, or the reference's century's offset (-1, 0)."""

YEAR_PREPOSITIONS: Final = tuple(word for word in PREPOSITIONS if word not in ("من", "مع"))
"""Words before a bare four-digit number that make it a year ("منذ 1957", "في 2004"); not
"من" or "مع", which mostly precede counts ("أكثر من 2000 عنصر")."""

QUANTIFIERS: Final = folded(
    (
        "نحو",
        "حوالي",
        "حوالى",
        "قرابة",
        "زهاء",
        "ما يقرب من",
        "ما يزيد عن",
        "ما يزيد على",
        "أكثر من",
        "أقل من",
        "ما لا يقل عن",
    )
)
"""Approximations inside "قبل نحو شهر"; the value stays the named period."""

UNITS: Final[dict[str, Unit]] = _fold_keys(
    {
        "يوم": "day",
        "يوما": "day",
        "أيام": "day",
        "أسبوع": "week",
        "أسبوعا": "week",
        "أسابيع": "week",
        "شهر": "month",
        "شهرا": "month",
        "أشهر": "month",
        "شهور": "month",
        "عام": "year",
        "عاما": "year",
        "أعوام": "year",
        "سنة": "year",
        "سنوات": "year",
        "سنين": "year",
    }
)

DUALS: Final[dict[str, Unit]] = _fold_keys(
    {"يومين": "day", "أسبوعين": "week", "شهرين": "month", "عامين": "year", "سنتين": "year"}
)

HOLIDAYS: Final = _fold_keys(
    {
        "رأس السنة": (1, 1),
        "عيد الشغل": (5, 1),
        "عيد العمال": (5, 1),
        "عيد الميلاد المجيد": (12, 25),
        "عيد المرأة": (8, 13),
        "عيد الحب": (2, 14),
        "يوم المرأة العالمي": (3, 8),
        "يوم الصحة العالمي": (4, 7),
    }
)
"""Holidays on a fixed Gregorian day: (month, day). "عيد المرأة" is Tunisia's Women's Day (13
August; the international day, "يوم المرأة العالمي", is 8 March). "اليوم العالمي للمرأة" is
not taken: the blind sets' readers mark its «اليوم» a trap, the day's name, not a date. Easter,
which moves, is ``named.easter``."""

MONTH_COUNTS: Final = _fold_keys(
    {
        "الثلاثة": 3,
        "الأربعة": 4,
        "الخمسة": 5,
        "الستة": 6,
        "السبعة": 7,
        "الثمانية": 8,
        "التسعة": 9,
        "العشرة": 10,
        "الأحد عشر": 11,
        "الإحدى عشر": 11,
    }
)
"""Counts of months with the article, in "الأشهر التسعة الأولى من 2016"."""

NUMBERS: Final = _fold_keys(
    {
        "ثلاثة": 3,
        "ثلاث": 3,
        "أربعة": 4,
        "أربع": 4,
        "خمسة": 5,
        "خمس": 5,
        "ستة": 6,
        "ست": 6,
        "سبعة": 7,
        "سبع": 7,
        "ثمانية": 8,
        "ثماني": 8,
        "ثمان": 8,
        "تسعة": 9,
        "تسع": 9,
        "عشرة": 10,
        "عشر": 10,
    }
)

_UNIT_ORDINALS: Final = (
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
)


def _ordinals() -> dict[str, int]:
    """الأول … العاشر, الحادي عشر … التاسع عشر, العشرين, الحادي والعشرين … الحادي والثلاثين."""
    table = {"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي عشر": 11}
    for number, word in enumerate(_UNIT_ORDINALS, start=1):
        table[word] = number
        compound = ("الحادي", "الواحد") if number == 1 else (word,)
        if number > 1:
            table[f"{word} عشر"] = 10 + number
        for tens, tens_word in ((20, "العشرين"), (30, "الثلاثين")):
            for first in compound if tens + number <= 31 else ():
                table[f"{first} و{tens_word}"] = tens + number
                table[f"{first} و {tens_word}"] = tens + number
    return _fold_keys(table)


ORDINALS: Final = _ordinals()
"""Ordinal day words → day of the month ("الثامن من مايو", "السادس والعشرين من شهر يونيو")."""


def ordinal(words_: str) -> int:
    """The day an ordinal names, its article written whole or fused into «ل» ("لسادس")."""
    key = spaced(words_)
    return ORDINALS[key if key.startswith("ال") else "ا" + key]


HIJRI_MONTHS: Final = _fold_keys(
    {
        **_HIJRI_MONTHS,
        **dict.fromkeys(("الشهر الفضيل", "الشهر الكريم", "شهر الصوم", "شهر الصيام"), 9),
    }
)
"""Hijri month names → month number (Muharram = 1), converted by the Umm al-Qura calendar;
Ramadan also by the names news gives it ("الشهر الفضيل", "الشهر الكريم", "شهر الصوم")."""

AMBIGUOUS_HIJRI_MONTHS: Final = frozenset(fold_word(word) for word in ("صفر", "محرم", "المحرم"))
"""صفر "zero" (a score "1 - صفر"), محرم "forbidden" and المحرم (a woman's guardian): alone or
after a preposition ("دعوة إلى محرم") they are not months; they need a day, a year, "شهر" or a
relative word. رمضان, رجب and شعبان, names of people too, need a preposition at least."""

EPITHETS: Final = folded(("المبارك", "الكريم", "المعظم", "الفضيل"))
"""Words of praise after "رمضان" ("شهر رمضان المبارك"), part of the expression."""

TODAY_NOT_AFTER: Final = frozenset(
    fold_word(word)
    for word in (
        "ذلك",
        "هذا",
        "نفس",
        "ذات",
        "طوال",
        "طيلة",
        "طول",
        "كل",
        "في",
        "روسيا",
        "المصري",
        "اليمن",
        "فلسطين",
        "عين",
        "صحيفة",
        "جريدة",
        "مجلة",
        "قناة",
        "شبكة",
        "موقع",
        "برنامج",
        "عدد",
        "حتى",
    )
)
"""Words after which "اليوم" is a name or "that day", not the reference date: "روسيا اليوم",
"عين اليوم", "جريدة اليوم", "في ذلك اليوم", "مرتين في اليوم". "حتى اليوم" ("to this day")
marks no event either."""

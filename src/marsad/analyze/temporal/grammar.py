"""The rules that find temporal expressions in folded text, one pattern each.

``RULES`` are tried at a word start in their order and the first that matches wins; they are
ordered so that a longer reading is tried before a shorter one that starts at the same word
("الأحد 26 يوليو" as a date before "الأحد", "العام الماضي" before "العام 2002"). Group names
inside a rule start with the rule's name. Word lists are compiled as tries (``words``). The
Hijri rules (``grammar_hijri.HIJRI_RULES``, "25 شوال 1436هـ") are a second list, of the
pieces made public here (``AH``, ``TO``, ...); the pieces of every pattern are in ``regex``.
``patterns`` joins each list into one alternation and says where they are tried; a rule's
match is still only a candidate: ``interpret`` checks its context and may drop it.
"""

from __future__ import annotations

from typing import Final

from marsad.analyze.temporal.lexicon import (
    CENTURIES,
    DECADES,
    DIRECTIONS,
    DUALS,
    HIJRI_MONTHS,
    MONTH_COUNTS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS,
    PREPOSITIONS,
    QUANTIFIERS,
    RELATIVE_DAYS,
    TIMES_OF_DAY,
    UNITS,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
    folded,
)
from marsad.analyze.temporal.regex import END, OPT, SP, WORD_END, words

__all__ = [
    "AH",
    "DIRECTION",
    "HIJRI_MONTH",
    "HIJRI_YEAR",
    "MONTH_NAMES",
    "OPT",
    "ORDINAL",
    "RULES",
    "SP",
    "TO",
    "YEAR_WORD",
    "words",
]

MONTH_NAMES: Final = {
    *MONTHS,
    *(f"{name}." for name in MONTHS if name.isascii() and len(name) <= 4),
}
_MONTH: Final = words(MONTH_NAMES) + WORD_END
_WEEKDAY: Final = words(name for name in WEEKDAYS if not name.isascii() or len(name) > 5) + WORD_END
DIRECTION: Final = words(folded(DIRECTIONS)) + END
_NOT_DECIMAL: Final = r"(?!\d)(?![.,]\d)"
_YEAR_WIDE: Final = r"(?:1\d{3}|20\d{2})" + _NOT_DECIMAL
_YEAR: Final = r"(?:18|19|20)\d{2}" + _NOT_DECIMAL + r"(?!" + OPT + r"ه" + END + ")"
_FAR_YEAR: Final = r"(?:18|19|20|21)\d{2}" + _NOT_DECIMAL + r"(?!" + OPT + r"ه" + END + ")"
"""A year up to 2199, after a year word or a preposition only ("بحلول العام 2117"); alone or in
brackets a number past 2099 is a count ("(2155) مشروعًا")."""
_AD: Final = "(?:" + OPT + "(?:ميلاديه|ميلادي|م)" + END + ")?"
YEAR_WORD: Final = "(?:ل?(?:العام|عام|السنه|سنه))"
_THE: Final = "(?:ال|(?<=ل)ل)"  # the article, or its ل after the preposition ل: "للسنة القادمة"
_UNIT_WORD: Final = rf"(?:{_THE}(?:اسبوع|شهر|عام|سنه))"


def _pair(p: str) -> str:
    """A month name, optionally glossed by another: "أيار/ مايو", "مارس (آذار)", "أغسطس آب"."""
    return (
        rf"(?P<{p}_m>{_MONTH})(?:{OPT}[/\\-]{OPT}(?P<{p}_m2>{_MONTH})"
        rf"|{OPT}\({OPT}(?P<{p}_m3>{_MONTH}){OPT}\)|{SP}(?P<{p}_m4>{_MONTH}))?"
    )


def _month_ref(p: str) -> str:
    """A month by name, or "شهر" and its number ("شهر ٥", which needs a year to count)."""
    return rf"(?:(?P<{p}_s>شهر){SP})?{_pair(p)}|شهر{SP}(?P<{p}_k>1[0-2]|0?[1-9])(?!\d)"


def _year_tail(p: str) -> str:
    """What may follow a month to fix its year: "2020", "عام 1957", "من العام الماضي"."""
    return (
        rf"(?:(?:{OPT},?{OPT}|{OPT}/{OPT})(?:من{SP})?(?:(?:هذا{SP})?{YEAR_WORD}{OPT})?"
        rf"(?P<{p}_y>{_YEAR_WIDE}){_AD}"
        rf"|{OPT},?{SP}(?:من{SP})?(?:العام|السنه){SP}(?P<{p}_yd>{DIRECTION})"
        rf"|{SP}من{SP}(?P<{p}_yh>هذا){SP}العام{END}"
        rf"|{SP}(?P<{p}_dir>{DIRECTION}))"
    )


_NUMERIC: Final = (
    r"(?P<numeric_iy>(?:19|20)\d{2})(?P<numeric_s>[-/.])(?P<numeric_im>[01]?\d)(?P=numeric_s)"
    r"(?P<numeric_id>[0-3]?\d)(?!\d)"
    rf"|(?:(?P<numeric_d0>[0-3]?\d){OPT}/{OPT}(?P<numeric_m0>[01]?\d){OPT}(?:الي|حتي|-){OPT})?"
    rf"(?P<numeric_d>[0-3]?\d){OPT}(?P<numeric_t>[-/.]){OPT}(?P<numeric_m>[01]?\d){OPT}"
    rf"(?P=numeric_t){OPT}(?P<numeric_y>(?:19|20)\d{{2}})(?!\d)(?!{OPT}ه{END}){_AD}"
)

ORDINAL: Final = rf"(?:ال|(?<=ل)ل)(?:{words(word[2:] for word in ORDINALS)})"
"""An ordinal day word, its article fused into a preposition «ل» too ("للسادس والعشرين من مارس")."""

TO: Final = rf"{OPT}(?:-|–|و|الي{SP}غايه|الي|حتي){OPT}"
"""What joins the two ends of a range: "7-13", "من 3 إلى 5", "يومي 28 و29", "من 30 جانفي إلى
غاية 3 فيفري"."""

_DAY_TO: Final = rf"{OPT}(?:-|–|و|او|الي{SP}غايه|الي|حتي){OPT}"
"""``TO`` between two days of a month, and «أو»: two days a text cannot choose between
("يوم 16 أو 17 فيفري") are both when they follow each other (``interpret._daymonth``)."""

_DAY_MONTH: Final = (
    rf"(?:(?P<daymonth_o>{ORDINAL}){SP}من|(?P<daymonth_g>غره|اول){SP}"
    rf"|(?P<daymonth_l>اخر|اول){SP}يوم{SP}"
    rf"|(?:ال{OPT})?(?P<daymonth_d>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?,?"
    rf"(?:(?:(?:{OPT}[,و]{OPT}|{SP})[0-3]?\d(?!\d))*?{_DAY_TO}(?P<daymonth_e>[0-3]?\d)(?!\d))?)"
    rf"{OPT}(?:من{SP}|/{OPT})?(?:(?:شهر{SP})?{_pair('daymonth')}"
    rf"(?:{TO}(?P<daymonth_d2>[0-3]?\d)(?!\d){OPT}(?:من{SP})?(?P<daymonth_n>{_MONTH}))?"
    rf"(?:{_year_tail('daymonth')})?"
    rf"|(?:(?P<daymonth_h>هذا){SP})?الشهر(?:{SP}(?P<daymonth_md>{DIRECTION})"
    rf"|{SP}(?P<daymonth_same>نفسه|ذاته))?{END})"
)

_MONTH_DAY_YEAR: Final = (
    rf"{_pair('mdy')}{SP}(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d){OPT},?{OPT}"
    rf"(?P<mdy_y>{_YEAR_WIDE})"
)


def _decade(p: str) -> str:
    """A decade and the century it says it is of: "الأربعينات", "ستينيات القرن الماضي"; not an
    age ("في الأربعينات من عمره") or a temperature ("الأربعينات المئوية")."""
    return (
        rf"(?:ال)?(?P<{p}_dn>{words(DECADES)}){END}"
        rf"(?:{SP}(?:من{SP})?القرن{SP}(?P<{p}_dc>{words(CENTURIES)}){END})?"
        rf"(?!{SP}(?:من{SP})?(?:ال)?(?:عمر|مئويه|درجه))"
    )


_PART: Final = (
    rf"(?P<part_w>{words(PARTS)}){SP}(?:"
    rf"(?:{_month_ref('part')})(?:{_year_tail('part')})?"
    rf"|(?P<part_u>{_THE}(?:شهر|عام|سنه)){SP}(?P<part_ud>{DIRECTION})"
    rf"|(?P<part_n>الشهر|العام|السنه){END}(?!{SP}(?:ال|\d))"
    rf"|هذا{SP}(?P<part_h>الشهر|العام){END}"
    rf"|{_decade('part')}"
    rf"|(?:{YEAR_WORD}{OPT})?(?P<part_yy>{_YEAR}){_AD})"
)

_MONTH_SPAN: Final = (
    rf"(?:(?:{_THE}?(?:اشهر|شهور){SP}(?:ال{OPT}(?P<nmonths_d>1[01]|[2-9])(?!\d)"
    rf"|(?P<nmonths_w>{words(MONTH_COUNTS)}){END})"
    rf"|(?P<nmonths_c>{words(MONTH_COUNTS)}){SP}(?:اشهر|شهور)){SP}(?P<nmonths_e>الاولي|الاخيره)"
    rf"|{_THE}شهرين{SP}(?P<nmonths_two>الاولين|الاخيرين)){SP}"
    rf"(?:من{SP})?(?:(?:{YEAR_WORD}{OPT})?(?P<nmonths_y>{_YEAR}){_AD}"
    rf"|(?:العام|السنه){SP}(?P<nmonths_r>{DIRECTION})|(?P<nmonths_h>هذا){SP}العام{END})"
)
"""The first or last months of a year: "الأشهر الـ10 الأولى من 2014", "الأشهر التسعة الأولى من
العام الجاري", "الأشهر الثلاثة الأخيرة من سنة 2016", the count first: "الخمسة أشهر الأولى لسنة
2017"."""

_MONTH_WEEK: Final = (
    rf"الاسبوع{SP}(?P<mweek_n>الاول|الثاني|الثالث|الرابع|الاخير){SP}من{SP}(?:شهر{SP})?"
    rf"{_pair('mweek')}(?:{_year_tail('mweek')})?"
)
"""A week of a month: "الأسبوع الأول من شهر مارس 2017" (days 1-7; the last: its last 7 days)."""

_QUARTER: Final = (
    rf"(?P<quarter_k>الربع|النصف|الثلاثيه|الثلاثي|السداسيه|السداسي){SP}"
    rf"(?P<quarter_n>الاولي|الاول|الثانيه|الثاني|الثالثه|الثالث|الرابعه|الرابع|الاخيره|الاخير)"
    rf"{SP}"
    rf"(?:من{SP})?(?:(?:{YEAR_WORD}{OPT})?(?P<quarter_y>{_YEAR}){_AD}"
    rf"|(?:العام|السنه){SP}(?P<quarter_d>{DIRECTION})"
    rf"|(?:هذا{SP}العام|هذه{SP}السنه){END}(?:{OPT}(?P<quarter_z>{_YEAR}){_AD})?)"
)

_HOLY_MONTH: Final = rf"هذا{SP}الشهر{SP}(?:الكريم|الفضيل|المبارك){END}"
"""«هذا الشهر الكريم»: the Ramadan of the moment (its name: «الشهر الكريم» alone is read in
general, as the ninth round found)."""

_UNIT: Final = (
    rf"(?:هذا|هذه){SP}(?P<unit_h>{_UNIT_WORD}){END}"
    rf"|(?P<unit_u>{_UNIT_WORD}){SP}(?P<unit_d>{DIRECTION})"
    rf"(?:{OPT}\(?{OPT}(?P<unit_y>{_YEAR}){_AD}{OPT}\)?)?"
    rf"|(?P<unit_e>last|next|this){SP}(?P<unit_eu>week|month|year){END}"
)

EVENT_WORDS: Final = (
    "كاس",
    "مونديال",
    "بطوله",
    "تصفيات",
    "اولمبياد",
    "الالعاب",
    "مهرجان",
    "معرض",
    "شان",
    "الكان",
    "موسم",
    "ثوره",
    "باكالوريا",
    "بكالوريا",
)
"""Words (folded) that name an event a year may follow with up to three words between: a cup,
a championship, its qualifiers, games, a festival or fair ("الكان", "شان": Africa's cups), a
season ("لموسم 2016"), a revolution ("ثورة 2011"), an exam session ("باكالوريا 2017")."""
_NOT_EVENT_NAME: Final = (*YEAR_PREPOSITIONS, "عام", "العام", "سنه", "السنه", "من", "مع")
"""Words that end an event's name: what follows them is a year of its own rule, or a count."""

_NOT_BEFORE_YEAR: Final = (
    *("رقم", "عدد", "عدده", "عددها", "عددهم", "مجموع", "اجمالي", "قدره", "قدرها", "بقيمه"),
    *("نحو", "حوالي", "قرابه", "زهاء", "بلغ", "بلغت"),
)  # the end of the word before: «عدد» is «والعدد» too
_AFTER_NAME: Final = (
    r"(?<=[^\W\d_][^\S\n])"  # after a word
    + "".join(f"(?<!{word}[^\\S\\n])" for word in _NOT_BEFORE_YEAR)
)
_PARTICLES_AFTER_YEAR: Final = "في|ضمن|على|علي|الى|عن|حيث|التي|الذي|و|او|خلال|حتي|بعد|قبل"
_NAME_YEAR_NEXT: Final = (
    rf"(?={OPT}(?:$|\n|[^\w\s])"  # the end of a sentence, a bracket, a quotation mark
    rf"|{SP}(?:{_PARTICLES_AFTER_YEAR}){END}(?!{SP}الما?يه{END})"
    rf"|{SP}و?ال(?!ف{END})[^\W\d])"  # a definite word: «دستور 2012 الأمر» (not «الف»)
)
_NAMED_YEAR: Final = (
    rf"{_AFTER_NAME}(?:19[5-9]|20[0-4])\d(?!\d|[.,/:-]\d|-|{OPT}%){_NAME_YEAR_NEXT}"
)
"""A year that ends a name ("دستور 2012", "يورو 2016", "تونس 2020", "كان 2017 :"), with no
year word or preposition before it: what follows it is not a counted noun ("2000 شخص") but
the end of a sentence, punctuation, a particle or a definite word; not after a word that
counts ("رقم", "نحو"), and not "في المائة" after it. Tried after ``_YEAR_RULE``."""

_YEAR_RULE: Final = (
    rf"(?:(?P<year_rp>{words(YEAR_PREPOSITIONS)}){SP})?"
    rf"(?P<year_r1>{_YEAR}){OPT}[-/]{OPT}(?P<year_r2>{_YEAR}){_AD}"
    rf"|ل?(?P<year_k>عامي|العامين|سنتي|العام|عام|السنه|سنه|اعوام|الاعوام|سنوات|السنوات)"
    rf"{OPT}(?P<year_a>{_FAR_YEAR}){_AD}(?!{OPT}[-/]{OPT}(?:18|19|20)\d\d)"
    rf"(?:{OPT}(?:[,،]{OPT}و?|و){OPT}(?:عام{SP})?(?P<year_b>{_YEAR}){_AD})*"
    rf"|(?P<year_w>بين|من){SP}(?:(?:عام|سنه){OPT})?(?P<year_f>{_YEAR}){_AD}{TO}"
    rf"(?:(?:عام|سنه){OPT})?(?P<year_t>{_YEAR}){_AD}"
    rf"|(?P<year_p>{words(YEAR_PREPOSITIONS)}){SP}(?P<year_c>{_FAR_YEAR}){_AD}(?!{OPT}%)"
    rf"|\({OPT}(?P<year_q>{_YEAR}){OPT}\)"
    rf"|\({OPT}(?P<year_l>{_YEAR})(?={OPT}[,،]?{OPT}(?:18|19|20)\d\d(?!\d))"
    rf"|(?P<year_s>{_YEAR}{OPT}(?:ميلاديه|ميلادي|م)){END}"
    rf"|[وبل]{{0,2}}(?:ال)?(?P<year_ev>{words(EVENT_WORDS)})"
    rf"(?:{SP}(?!(?:{words(_NOT_EVENT_NAME)}|{_MONTH})(?!\w))[^\W\d]+){{0,3}}"
    rf"{SP}(?P<year_e>{_YEAR}){END}(?!{OPT}[-/]{OPT}\d)"
)
"""Years: a range ("2016-2020"), after a year word ("سنة 2014", "سنتي 2010 و2011", "أعوام
2011 و2012 و2013"), between
two ("بين 2012 و2015", "من سنة 2017 إلى سنة 2019"), after a preposition ("منذ 1957"), in
brackets (alone or the first of a list, "( 1965 1967 1968 )"), with "م", or naming an event
("كأس الأمم الإفريقية 2019", "مونديال روسيا 2018": the year alone is the phrase; not through a
month: "البكالوريا دورة جوان 2016" is the month)."""


def _arabic_weekday(number: int) -> str:
    return words(name for name, day in WEEKDAYS.items() if day == number and not name.isascii())


_IN_A_ROW: Final = "|".join(
    rf"{_arabic_weekday(day)}{OPT}و{OPT}{_arabic_weekday((day + 1) % 7)}" for day in range(7)
)
_WEEKDAY_PAIR: Final = (
    rf"(?:(?:ال)?ليله{SP}(?:(?:ال)?فاصله{SP})?بين{SP}|يومي{SP})?"
    rf"(?P<wdays_p>{_IN_A_ROW}){WORD_END}"
    rf"(?:{SP}(?P<wdays_d>{DIRECTION}))?"
)
"""Two weekdays in a row, the night between them ("الليلة الفاصلة بين السبت والأحد"; "ليلة
الجمعة إلى السبت" is joined after matching, by ``joins.nights``) or both days ("يومي السبت
والأحد", "الثلاثاء والأربعاء القادمين"); "الاثنين والخميس" is two expressions."""

_SAME_UNIT: Final = "(?:اليوم|الليله|الاسبوع|الشهر|العام|السنه)"
_SAME: Final = (
    rf"(?:نفس{SP}(?P<same_a>{_SAME_UNIT})|(?P<same_b>{_SAME_UNIT}){SP}(?:نفسه|ذاته|نفسها|ذاتها))"
    rf"{END}(?!{SP}(?:من{SP})?(?:العام|السنه|قبل){END})"
)
"""A unit named again: "نفس الليلة", "في اليوم ذاته", "الشهر نفسه" (see ``Candidate.anaphor``);
not "الشهر نفسه من العام الماضي / قبل سنة", another year's."""

_SESSION: Final = (
    rf"(?:(?P<session_u>{_THE}(?:سنه|عام|دوره)){SP}"
    rf"(?:ال)?(?:دراسيه|دراسي|جامعيه|جامعي|برلمانيه|برلماني|نيابيه|نيابي|قضائيه|قضائي)"
    rf"|(?:(?P<session_h>هذا){SP})?(?P<session_m>{_THE}موسم)"
    rf"(?:{SP}(?:الرياضي|الكروي|الفلاحي|الزراعي))?)"
    rf"(?:{SP}(?:(?P<session_d>{DIRECTION})|(?P<session_n>الجديده){END}))?"
    rf"(?:{OPT}(?P<session_a>{_YEAR}){OPT}[-/]{OPT}(?P<session_b>{_YEAR}))?"
)
"""A school, university, parliamentary or judicial year: "السنة الدراسية المقبلة", "السنة
الدراسية 2018-2019", "السنة البرلمانية المنقضية"; a season ("الموسم القادم", "الموسم الفلاحي
المنقضي", "هذا الموسم") is one too, and a parliament's session ("الدورة البرلمانية الفارطة /
الجديدة")."""

_DECADE: Final = _decade("decade")
"""A decade, of the last century unless the text says this one: "الأربعينات"; a part of one is
a rule of ``_PART`` ("نهاية ستينيات القرن الماضي", its last third: 1967-1969)."""

_CENTURY: Final = rf"القرن{SP}(?P<century_n>{words(CENTURIES)}){END}"
"""A century: "القرن العشرين" (1900-1999), "القرن التاسع عشر", "القرن الماضي"."""

_SEASON_YEAR: Final = (
    rf"(?P<season_w>خريف|ربيع){OPT}(?:{YEAR_WORD}{OPT})?(?P<season_y>{_YEAR}){_AD}"
)
"""An autumn or a spring with its year, by the summer's convention (June-August): "خريف 1952"
(September-November), "ربيع 2011" (March-May); not "الربيع العربي", which names no year."""

_SUMMER: Final = (
    rf"(?:(?P<summer_h>هذا|هذه){SP})?(?:{_THE}|(?!ال))(?:صيف|صايفه){END}"
    rf"(?:{SP}(?P<summer_d>{DIRECTION})|{SP}(?P<summer_th>هذا){SP}(?:العام|السنه){END}"
    rf"|{SP}(?:العام|السنه){SP}(?P<summer_yd>{DIRECTION}))?"
    rf"(?:{OPT}(?:{YEAR_WORD}{OPT})?(?P<summer_y>{_YEAR}){_AD})?"
)
"""A summer, June to August: "هذا الصيف", "الصائفة الفارطة", "صائفة 2017", "صائفة سنة 2016",
"صائفة هذا العام", "صيف العام الماضي"; "الصيف" alone is any summer."""

_MONTHS: Final = (
    rf"(?:(?:شهري|اشهر|الاشهر|شهور){SP}|(?P<months_b>بين|من){SP}(?:شهر{SP})?)"
    rf"(?P<months_a>{_MONTH})(?:{OPT}[,و]{OPT}{_MONTH})*{TO}(?:شهر{SP})?(?P<months_z>{_MONTH})"
    rf"(?:{_year_tail('months')})?"
)
"""Two or more months: "شهري جانفي وفيفري", "أشهر جوان وجويلية وأوت", "من جانفي إلى ماي"."""

_MONTH_RULE: Final = (
    rf"(?:(?P<month_p>{words(PREPOSITIONS)}){SP})?"
    rf"(?P<month_x>(?:{_month_ref('month')})(?:{_year_tail('month')})?)"
)

_NUMBER: Final = r"\d{1,3}(?!\d)|" + words(NUMBERS)
_AGO: Final = (
    rf"قبل{SP}(?:{words(QUANTIFIERS)}{SP})?"
    rf"(?:(?P<ago_dual>{words(DUALS)})|(?P<ago_n>{_NUMBER}){SP}(?P<ago_u>{words(UNITS)})"
    rf"|(?P<ago_one>يوم|اسبوع|شهر|عام|سنه)(?!{SP}(?:\d|{_MONTH}|{_WEEKDAY}|{words(HIJRI_MONTHS)})))"
    rf"{END}(?!{SP}(?:من|علي|عن){END})"
)

_DAYREF: Final = (
    rf"(?:(?P<dayref_t>{words(TIMES_OF_DAY)}){SP})?(?:(?P<dayref_y>يوم){SP})?"
    rf"(?:(?P<dayref_r>{words(folded(RELATIVE_DAYS))}){END}"
    rf"(?:{OPT}\(?{OPT}(?P<dayref_w>{_WEEKDAY})(?:{OPT}\))?)?"
    rf"|\(?(?P<dayref_v>{_WEEKDAY})\)?(?:{SP}(?P<dayref_x>{DIRECTION}|(?:غدا|اليوم|امس){END}))?)"
)

# -- Hijri (Umm al-Qura) dates: "25 شوال 1436هـ", "1 / 11 / 1436 هـ", "منتصف ذي القعدة" --------

HIJRI_MONTH: Final = words(HIJRI_MONTHS) + WORD_END
HIJRI_YEAR: Final = r"1[34]\d\d(?!\d)"
AH: Final = rf"{OPT}(?:هجريه|هجري|للهجره|ه){END}"


_FEAST: Final = (
    rf"(?:(?P<feast_n>اول|ثاني|ثالث|رابع|اخر){SP}ايام{SP}|(?P<feast_all>ايام){SP}"
    rf"|(?P<feast_day>يوم|صلاه){SP}|(?P<feast_eve>(?:عشيه{SP})?ليله){SP})?"
    rf"(?:عيد{SP}(?P<feast_k>الفطر|الاضحي)|(?P<feast_b>العيد)(?!{SP}ال(?!مبارك|سعيد)))"
    rf"(?:{SP}(?:المبارك|السعيد){END})?"
    rf"(?:{OPT},?{OPT}(?:ل?(?:هذا{SP})?(?:العام|عام){OPT})?(?P<feast_y>{HIJRI_YEAR})(?:{AH})?)?"
)
"""The two Eids, days of the Hijri calendar: "عيد الفطر المبارك", "أول أيام عيد الأضحى", "أيام
عيد الفطر", "عيد الفطر لهذا العام 1436هـ"; "العيد" alone ("يوم العيد", "ثاني أيام العيد", "قبل
العيد") is the Eid nearest the reference."""

_HOLIDAY: Final = (
    rf"(?P<holiday_k>راس{SP}السنه(?!{SP}ال(?!ميلاديه|جديده|اداريه))"
    rf"|عيد{SP}(?:الشغل|العمال|المراه|الحب|الفصح)|عيد{SP}الميلاد{SP}المجيد"
    rf"|يوم{SP}(?:المراه|الصحه){SP}العالمي){END}"
    rf"(?:{SP}(?:الميلاديه|الجديده|الاداريه){END})?(?:{OPT}(?P<holiday_y>{_YEAR}))?"
)
"""A holiday on a fixed day of the Gregorian year (``lexicon.HOLIDAYS``): "رأس السنة الميلادية",
"عيد الشغل", "عيد المرأة 2016", "يوم الصحة العالمي"; not "رأس السنة الهجرية/الدراسية", "عيد
ميلاده". "ليلة رأس السنة" is the night from 31 December to 1 January, both days. "عيد الفصح"
(Easter) moves with the year."""

RULES: Final = (
    ("numeric", _NUMERIC),
    ("daymonth", _DAY_MONTH),
    ("mdy", _MONTH_DAY_YEAR),
    ("part", _PART),
    ("quarter", _QUARTER),
    ("nmonths", _MONTH_SPAN),
    ("same", _SAME),
    ("mweek", _MONTH_WEEK),
    ("session", _SESSION),
    ("summer", _SUMMER),
    ("holy", _HOLY_MONTH),
    ("unit", _UNIT),
    ("year", _YEAR_RULE),
    ("named_year", _NAMED_YEAR),
    ("months", _MONTHS),
    ("month", _MONTH_RULE),
    ("ago", _AGO),
    ("feast", _FEAST),
    ("holiday", _HOLIDAY),
    ("wdays", _WEEKDAY_PAIR),
    ("dayref", _DAYREF),
)
"""(name, pattern) in the order they are tried at one position."""

RARE_RULES: Final = (
    ("season", _SEASON_YEAR),
    ("decade", _DECADE),
    ("century", _CENTURY),
)
"""Rules whose expressions start with a core word of their own (``RARE_WORDS``): tried only at a
core word, where the other rules find nothing, so that other starts do not pay for them."""
RARE_WORDS: Final = ("خريف", "ربيع", "القرن", *DECADES, *(f"ال{decade}" for decade in DECADES))

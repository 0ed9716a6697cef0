"""Temporal expressions in Arabic and English news, resolved against the publication date.

``find_temporal(text, reference)`` returns every date or period the text names, with offsets
into the original text, a TimeML-style value and the days it covers. ``reference`` is the
article's publication date; without one, expressions that depend on it are returned with
``value=None`` rather than guessed.

>>> import datetime as dt
>>> published = dt.date(2020, 5, 12)
>>> [(e.text, e.value) for e in find_temporal("أعلنت الوزارة، أمس، أن", published)]
[('أمس', '2020-05-11')]
>>> [(e.text, e.value) for e in find_temporal("في بيانات أواخر مارس/آذار الماضي", published)]
[('أواخر مارس/آذار الماضي', '2020-03-21/2020-03-31')]
>>> [(e.text, e.value, e.relative) for e in find_temporal("غدا الاثنين", None)]
[('غدا الاثنين', None, True)]

What is found, and its value (granularity in brackets):

- days: "أمس", "البارحة", "الليلة الماضية", "أول من أمس", "أمس الأول", "اليوم", "غدا", "بعد
  غد", "yesterday", with a time of day ("مساء أمس", "صباح اليوم", Tunisian "عشية") and a
  weekday ("اليوم (الاثنين)", "أمس الأحد") → ``2020-05-11`` [day];
- weekdays: "الثلاثاء", "يوم الأحد", "مساء الثلاثاء", "نهار الأربعاء", "الخميس الماضي", "الأحد
  المقبل", "يوم الجمعة غداً" [day];
- dates: "7 أيار/ مايو", "في 28 يناير", "في17 يناير", "26 مايو (أيار) الماضي", "الثامن من مايو
  القادم", "غرة أكتوبر" (the 1st), "27 من الشهر الجاري", "26th, January 2024", "January 26,
  2024", "2024-01-26", "22/07/2015", and ranges "7-13 أغسطس المقبل", "من 3 إلى 5 نوفمبر",
  "يومي 28 و29 من تموز (يوليو)", "يومي 30 جوان و1 جويلية", "بين 20 ماي و4 جوان 2017"
  → ``2024-01-26`` or ``2015-08-07/2015-08-13`` [day];
- weeks: "الأسبوع الماضي", "هذا الأسبوع", "قبل أسبوعين" → ISO week ``2021-W13`` [week]; a week
  of a month, "الأسبوع الأول من شهر مارس 2017" → days 1-7 (the last: its last 7 days) [week];
- parts of a month: "أواخر مارس/آذار الماضي", "مطلع يوليو", "منتصف شهر أغسطس الجاري",
  "نهاية الشهر المقبل", Tunisian "موفى جوان" → first, second or last third:
  ``2020-03-21/2020-03-31`` [month-part]; "آخر يوم من شهر ديسمبر" and "أول يوم من" [day];
- months: "مايو 2020", "آذار (مارس) 2014", "في سبتمبر", "شهر مارس", "يونيو القادم", "سبتمبر
  الفارط", "الشهر الماضي", "قبل نحو شهر" → ``2020-05`` [month]; two or more: "شهري جانفي
  وفيفري", "أشهر جوان وجويلية وأوت", "من جانفي إلى ماي 2017" → ``2016-01/2016-02`` [month];
- quarters: "الربع الأول من عام 2014" → ``2014-Q1`` [quarter];
- parts of a year: "مطلع العام الحالي", "أواخر 2013" → Jan-Apr, May-Aug or Sep-Dec as a range;
  "النصف الأول من العام" → the half as a range [year-part];
- years: "عام 2014", "العام 1887", "2003م", "(1949)", "في 2004", "العام الماضي", "هذا العام",
  "قبل 14 عاماً", "للسنة القادمة" → ``2021`` [year]; "بين عامي 2014 و2017", "بين 2012 و2015",
  "من 2012 إلى 2015", "2016-2020", "موسم 2014/2015" → ``2014/2017`` [year];
- school, university and parliamentary years: "السنة الدراسية المقبلة", "العام الدراسي 2018-2019",
  "السنة البرلمانية المنقضية" → the two years it spans, ``2017/2018`` [year] (such a year begins
  in September);
- a unit named again: "نفس الليلة", "في اليوم ذاته", "الشهر نفسه", "يوم 15 من الشهر ذاته" → the
  day, week, month or year of the nearest expression before it that is that precise (none: no
  value); "الشهر نفسه من العام الماضي" is another year's and is left out;
- Hijri (Umm al-Qura, converted by ``hijridate``; see ``temporal.hijri``): a day "25 شوال
  1436هـ", "1 / 11 / 1436 هـ", "1436/11/01", "غرة ذي القعدة", "التاسع من شهر شوال" → its
  Gregorian day ``2015-08-10`` [day]; ranges "15-26 شوال", "من 19 إلى 21 / 10 / 1436هـ"
  [day]; a third of a month "منتصف ذي القعدة" [month-part], a month "شهر رمضان المبارك", "في
  رمضان", "رجب الماضي" [month] and a year "العام 1436هـ" [year], each as the range of its
  Gregorian days (``2015-06-18/2015-07-16``); several months, "أشهر ربيع أول وربيع ثان وجماد
  الآخر ورجب لعام 1436هـ", from the first to the last [month]; the two Eids, "عيد الفطر
  المبارك" (1 Shawwal), "عيد الأضحى" (10 Dhu al-Hijjah), "أول أيام عيد الفطر", "أيام عيد الفطر"
  (its three days; al-Adha's four) [day], placed like a Hijri date with no year, but not "إجازة
  عيد الفطر" (a break of unstated length) or an Eid "من كل عام"; outside the calendar's tables
  (1343-1500 AH) the value is None.

Digits may be Arabic-Indic (٠-٩) or Persian (۰-۹); months may be named in the Egyptian/Gulf,
Levantine/Iraqi, Maghrebi or English system, or in two at once ("أيار/ مايو", "مارس (آذار)",
"أغسطس آب").

How a missing year or day is decided (see ``temporal.calendar``, ``temporal.hijri`` and, for
the tense of a sentence, ``temporal.tense``):

- "الماضي/الفائت/الفارط/المنصرم" after a month or date: the last one before the reference;
  "المقبل/القادم": the next one after it; "الجاري/الحالي": the one in the reference's year or
  month. Hijri months and dates follow the same rules in the Hijri year.
- The tense of the clause, where it is clear: a future ("سـ", "سوف", "لن") or a schedule word
  ("من المقرر", "من المنتظر", "المرتقب", "المزمع") announces; a perfect ("أعلن", "وصلت",
  "كان", "تم") or "منذ" reports the past. The clause's first such word decides (Arabic puts
  the verb first); else the word right after ("نهار الأربعاء سيكون"); else the clause before.
- A month with no year and no such word: by the tense, the last one up to the reference's month
  or the next one from it; with no clear tense, the latest one that starts no more than 91 days
  after the reference (usually the reference's year; last year's if it would lie further ahead).
- A date with no year: the first one on or after the reference when the sentence announces,
  otherwise the latest one no more than 91 days after the reference (a report in the past often
  names a date to come); a range is placed by its last day ("يمتد من 27 ماي الى 27 جوان").
- A bare weekday: the last such day on or before the reference (news reports the past), the
  first on or after it when the sentence announces, here the present of announcements too
  ("تنطلق يوم الجمعة", "ينتظم ... يوم الأربعاء"); "الماضي" makes it strictly before,
  "المقبل/القادم" the next one after.
- A day word with a weekday ("اليوم (الاثنين)", "أمس الأحد"): the weekday wins when the
  reference is a day or two off (crawl or print dates), within three days of the day word.
- A weekday followed by an explicit date ("الأحد 26 يوليو 2015", "الأربعاء27/10/1436هـ", "يوم
  الخميس الموافق 14 / 10 / 1436") is one expression with that date; if they disagree there is
  no value, unless the date is Hijri and one day off (months begin by sighting): the weekday
  wins. A Gregorian date after "الموافق" is an expression of its own.

Ambiguous words, and what makes them count:

- "اليوم" is also "the day": not after "ذلك/هذا/نفس/كل/حتى", after a name it ends
  ("روسيا اليوم", "جريدة اليوم"), right after an opening quote («اليوم»), or before an
  adjective ("اليوم الوطني", "اليوم التالي", "اليوم الأول", "اليوم الآخر"); before a noun it
  is a date ("تجرى اليوم الدفعة الأولى"), and after a closing quote ('برنامج "بوليتيكا" اليوم').
  "الغد" counts only after "يوم" or a time of day ("صباح الغد").
- الاثنين "the two", الجمعة "(Friday) prayer" and الخميس (a family name, a town) alone count
  only after "يوم" or a time of day, with "الماضي/المقبل" or a day word, after a comma or "("
  ("، الاثنين"), before punctuation, a date or a word that follows time adverbials ("توفي
  الخميس عن", "قال الاثنين إن"); never after "خطبة/صلاة/منبر" ("خطبة الجمعة"). الأحد,
  الثلاثاء, الأربعاء and السبت count alone (not "الأحد عشر", eleven).
- A month name alone needs a preposition ("في مارس", "منذ آذار (مارس)") or "شهر"; "مارس" alone
  is the verb "practised". آب "father", ماي "water" and English names need more: a day, a
  year, "شهر", a relative word or a second month name ("في آب (أغسطس)").
- A bare four-digit number is a year only in 1800-2099, after "عام/سنة" or a preposition
  other than "من/مع" ("أكثر من 2000 عنصر"), in parentheses, or with "م" ("2003م"); not as a
  decimal ("2079.82"); "بين 1200 و1800 دولار" are amounts. A number 1300-1499 is a Hijri year
  only with "هـ/هجري" or in a Hijri date.
- Hijri month names are also words: صفر "zero" ("1 - صفر"), محرم "forbidden", and رمضان,
  رجب, شعبان are names ("أحمد رمضان"). A Hijri month needs a day, a year, "شهر", praise
  ("رمضان المبارك"), a relative word, or a preposition other than "من/مع" (not صفر or محرم).
- "قبل يومين من الانتخابات" is relative to another event, not to the reference: skipped.

Not handled: seasons, decades and centuries ("الخمسينيات", "القرن الماضي"), holidays other than
the two Eids ("عيد المرأة", "رأس السنة"), durations ("لمدة ثلاثة أيام"), times of day as values,
"بعد N عاماً", vague references ("مؤخراً", "قبل أيام"), anaphora other than "نفس/ذاته" ("اليوم
التالي", "موفاه"), "السنة القادمة" meaning the next school year, habits ("تتم غالبا في بداية
شهر رمضان"), a year after a noun ("بعنوان 2017"), "رجب ما بعد القادم", "الليلة" alone, two-digit
Hijri years ("9/10/36هـ"), Hijri year directions ("العام الهجري الماضي"), a tense shown only by
a participle ("الاتفاقية المعلنة في ديسمبر"), and two dates joined by "و" that are not a range
("يومي 20 نوفمبر و20 ديسمبر" is read as one range).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from marsad.analyze.temporal.fold import fold
from marsad.analyze.temporal.grammar import RULES
from marsad.analyze.temporal.interpret import Candidate, interpret
from marsad.analyze.temporal.interpret_years import coordinated_years
from marsad.analyze.temporal.joins import (
    days_of_month,
    feasts_as_dated,
    merge_weekdays,
    nights,
    resolve_anaphors,
    same_period,
)
from marsad.analyze.temporal.patterns import (
    CORE,
    GLUED_DIGIT,
    HIJRI_HINT,
    HIJRI_PATTERN,
    PATTERN,
    RARE_PATTERN,
    compile_rules,
)
from marsad.analyze.temporal.prefixes import Dispatch
from marsad.analyze.temporal.timetable import drop_timetables
from marsad.models import TemporalExpression

__all__ = ["find_temporal"]

_LOOK_BACK_CHARS: Final = 80
_LOOK_BACK_WORDS: Final = 4
_HINT_AHEAD: Final = 40
_TOKEN: Final = re.compile(r"\S+")
_OPENING: Final = frozenset("([«\"“'")  # "(من 2017 إلى 2019)": the word after one starts too


def find_temporal(text: str, reference: dt.date | None) -> list[TemporalExpression]:
    """The temporal expressions in ``text``, in order, resolved against ``reference``."""
    if isinstance(reference, dt.datetime):  # a datetime would leak its time into values
        reference = reference.date()
    folded = fold(text)
    candidates = merge_weekdays(folded.text, _candidates(folded.text, reference))
    candidates = drop_timetables(folded.text, candidates)
    candidates = feasts_as_dated(folded.text, nights(folded.text, candidates))
    candidates = resolve_anaphors(folded.text, candidates)
    candidates = same_period(folded.text, candidates)
    candidates = days_of_month(folded.text, candidates)
    found = []
    for candidate in candidates:
        start, end = folded.span(candidate.start, candidate.end)
        period = candidate.period
        found.append(
            TemporalExpression(
                text=text[start:end],
                start=start,
                end=end,
                value=None if period is None else period.value,
                earliest=None if period is None else period.earliest,
                latest=None if period is None else period.latest,
                granularity=candidate.granularity,
                relative=candidate.relative,
            )
        )
    return found


def _candidates(text: str, reference: dt.date | None) -> list[Candidate]:
    """Every rule match, left to right, without overlaps.

    Every expression holds a core word (a digit, a month, a weekday, a day word, a unit) within
    its first few words, so the grammar is only tried on the words just before each core word:
    the same matches as scanning every word start, at a fraction of the cost. The Hijri rules
    are tried only before a Hijri month, or a number a Hijri month or year follows closely.
    """
    found: list[Candidate] = []
    position = 0
    tried: dict[tuple[int, bool], re.Match[str] | None] = {}  # neighbouring cores share starts
    for core in CORE.finditer(text):
        at = core.start()
        hijri = core.lastgroup == "hijri" or (
            core.lastgroup == "lead" and HIJRI_HINT.search(text, at, at + _HINT_AHEAD) is not None
        )
        while at >= position:
            match = _first_match(text, at, position, hijri, tried)
            if match is None:  # a season, decade or century starts at its own core word
                match = RARE_PATTERN.match(text, at)
            if match is None:
                break
            position = match.end()
            candidate = interpret(match, text, reference)
            if candidate is not None and not _names_a_place(text, candidate.start):
                found.append(candidate)
                if _one_year(candidate):  # "سنتي 2007 و 2016", "الكأس 2012 و 2014"
                    listed = "year_l" in match.re.groupindex and match.group("year_l") is not None
                    found += coordinated_years(text, candidate.end, listed)
                    position = max(position, found[-1].end)
    return found


def _names_a_place(text: str, start: int) -> bool:
    """Whether a date here names a street, a square or a place ("شارع 9 أفريل", "ساحة 14
    جانفي", "واد الجمعة", "سوق الأحد", "حي 02 مارس")."""
    if _DAY_WORD.match(text, start):
        return False  # "زار المدرسة أمس الأربعاء": a day word names no place
    before = _PLACE_BEFORE.search(text, max(0, start - 12), start)
    # "معتمدية سوق الأحد" (a market town), not "يقام سوق يوم الأحد"
    return before is not None and not (before.group("market") and text.startswith("يوم", start))


_DISPATCH: Final = Dispatch(RULES, compile_rules, PATTERN)
_DAY_WORD: Final = re.compile(r"(?:امس|البارحه|اليوم|غدا)(?!\w)")
_PLACE_BEFORE: Final = re.compile(
    r"(?<!\w)[وبل]?(?:(?:ال)?(?:شارع|نهج|ساحه|مدرسه|معهد|واد|وادي|حي)|(?P<market>سوق))[^\S\n]+$"
)


def _one_year(candidate: Candidate) -> bool:
    period = candidate.period
    return period is not None and period.granularity == "year" and len(period.value) == 4


def _first_match(
    text: str,
    at: int,
    floor: int,
    hijri: bool,
    tried: dict[tuple[int, bool], re.Match[str] | None],
) -> re.Match[str] | None:
    """The earliest match starting at one of the few words before ``at`` (or at it); with
    ``hijri``, the Hijri rules are tried too, after the others at each word. ``tried`` keeps
    what each start gave (a match at a start depends on the start alone)."""
    low = max(floor, at - _LOOK_BACK_CHARS, text.rfind("\n", 0, at) + 1)
    starts = [token.start() for token in _TOKEN.finditer(text, low, at)][-_LOOK_BACK_WORDS:]
    if starts and GLUED_DIGIT.search(text, starts[0], at) is not None:
        # "في17 يناير": the number starts one too (not counted among the words: "الأشهر الـ10")
        glued = (found.start() + 1 for found in GLUED_DIGIT.finditer(text, starts[0], at))
        starts = sorted({*starts, *glued})
    opened = [start + 1 for start in starts if text[start] in _OPENING and start + 1 < at]
    if opened:
        starts = sorted({*starts, *opened})
    for start in (*starts, at):
        key = (start, hijri)
        if key in tried:
            match = tried[key]
        else:
            pattern = _DISPATCH.pattern_at(text, start)  # the rules that can start there
            match = None if pattern is None else pattern.match(text, start)
            if match is None and hijri:
                match = HIJRI_PATTERN.match(text, start)
            tried[key] = match
        if match is not None:
            return match
    return None

"""find_temporal: the gold table of real news phrases, offsets, digits, references, robustness.

The table (tests/data/temporal_phrases.jsonl) holds real phrases in their sentence, from the
seed reports, SaudiNewsNet (its July crawl days for the Hijri rows) and the TimeML test corpus,
and from ANT (Jawhara FM, Tunisia; articles outside the blind set), each with the reference date
and the value a careful reader gives it (written before the code ran on them). A row with a null
granularity is a trap: nothing there is a date ("روسيا اليوم", the verb "مارس"). The floor is
pinned with a digest of the table, so that changing either is a visible change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from marsad.analyze import find_temporal
from marsad.models import TemporalExpression
from tests.conftest import DATA

TABLE = DATA / "temporal_phrases.jsonl"
TABLE_SHA256 = "3f075d43b808c8abf7b7679d4a4245f23fedeeac918963e415a732eb37ec750d"
FLOOR = 0.95


@dataclass(frozen=True)
class Row:
    id: str
    source: str
    reference: dt.date | None
    text: str
    phrase: str
    start: int
    value: str | None
    granularity: str | None

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


def load_table() -> list[Row]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        reference = dt.date.fromisoformat(raw["reference"]) if raw["reference"] else None
        rows.append(
            Row(
                raw["id"],
                raw["source"],
                reference,
                raw["text"],
                raw["phrase"],
                raw["start"],
                raw["value"],
                raw["granularity"],
            )
        )
    return rows


def overlapping(row: Row) -> list[TemporalExpression]:
    found = find_temporal(row.text, row.reference)
    return [e for e in found if e.start < row.end and e.end > row.start]


def is_right(row: Row, found: list[TemporalExpression]) -> bool:
    """A trap is right when nothing overlaps it; a phrase when an expression over it has the
    expected value and granularity."""
    if row.granularity is None:
        return not found
    return any(e.value == row.value and e.granularity == row.granularity for e in found)


def test_dates_table_is_the_pinned_one() -> None:
    digest = hashlib.sha256(TABLE.read_bytes()).hexdigest()
    assert digest == TABLE_SHA256, "the gold table changed: review the rows, then update the digest"


def test_dates_table_rows_are_well_formed() -> None:
    rows = load_table()
    assert len(rows) >= 80
    assert len({row.id for row in rows}) == len(rows)
    kinds = Counter(row.id.split("-")[0] for row in rows)
    assert kinds["seed"] >= 20 and kinds["snn"] >= 40 and kinds["timeml"] >= 20
    assert kinds["hijri"] >= 40 and kinds["ant"] >= 40
    for row in rows:
        assert row.text[row.start : row.end] == row.phrase, row.id
        assert (row.value is None) or row.granularity is not None, row.id


def test_dates_table_accuracy_meets_the_floor() -> None:
    rows = load_table()
    failures = []
    for row in rows:
        found = overlapping(row)
        if not is_right(row, found):
            got = [(e.text, e.value, e.granularity) for e in found]
            failures.append(f"{row.id} {row.phrase!r} expected {row.value} got {got}")
    accuracy = 1 - len(failures) / len(rows)
    report = "\n".join(failures)
    assert accuracy >= FLOOR, f"exact match {accuracy:.1%} < {FLOOR:.0%}; failures:\n{report}"


def test_dates_table_spans_are_original_text() -> None:
    for row in load_table():
        for expression in find_temporal(row.text, row.reference):
            assert row.text[expression.start : expression.end] == expression.text


# -- offsets ----------------------------------------------------------------------------------


def test_dates_offsets_point_into_the_original_text_across_harakat_and_tatweel() -> None:
    text = "وصرّح المتحدث، غداً، بأن اللقاء سيُعقَد بعد غدٍ الأربعاء في «داعـش» مارس"
    found = find_temporal(text, dt.date(2025, 1, 6))
    assert [(e.text, e.value) for e in found] == [
        ("غداً", "2025-01-07"),
        ("بعد غدٍ الأربعاء", "2025-01-08"),
    ]
    for expression in found:
        assert text[expression.start : expression.end] == expression.text


def test_dates_offsets_leave_clitics_and_prepositions_out() -> None:
    text = "وبالأمس أعلن، وفي 28 يناير قال، ومنذ 1957 بدأ"
    found = find_temporal(text, dt.date(2021, 2, 24))
    assert [e.text for e in found] == ["الأمس", "28 يناير", "1957"]


def test_dates_invisible_controls_do_not_break_matching() -> None:
    text = "أعلن\u200f أمس\u200e الأحد أن"
    (expression,) = find_temporal(text, dt.date(2025, 1, 6))
    assert expression.value == "2025-01-05"
    assert text[expression.start : expression.end] == expression.text


# -- digits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("ولد 27 نوفمبر عام ١٩٥٧ في", "27 نوفمبر عام ١٩٥٧", "1957-11-27"),
        ("في ۲۸ يناير ۲۰۲۱", "۲۸ يناير ۲۰۲۱", "2021-01-28"),
        ("بتاريخ ١٧/٦/٢٠١٥ م", "١٧/٦/٢٠١٥ م", "2015-06-17"),
        ("العام الماضي ٢٠١٤م", "العام الماضي ٢٠١٤م", "2014"),
        ("قبل ٣ أيام", "قبل ٣ أيام", "2015-07-30"),
    ],
)
def test_dates_arabic_indic_and_persian_digits(text: str, phrase: str, value: str) -> None:
    (expression,) = find_temporal(text, dt.date(2015, 8, 2))
    assert (expression.text, expression.value) == (phrase, value)


# -- references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "أمس",
        "اليوم الاثنين",
        "مساء الثلاثاء",
        "أول من أمس",
        "الأسبوع الماضي",
        "الشهر المقبل",
        "العام الماضي",
        "قبل نحو شهر",
        "في 28 يناير",
        "أواخر مارس/آذار الماضي",
        "منذ مطلع العام الجاري",
    ],
)
def test_dates_relative_without_reference_is_unresolved(text: str) -> None:
    (expression,) = find_temporal(text, None)
    assert expression.relative
    assert (expression.value, expression.earliest, expression.latest) == (None, None, None)


@pytest.mark.parametrize(
    "text, value",
    [
        ("26th, January 2024", "2024-01-26"),
        ("January 26, 2024", "2024-01-26"),
        ("2024-01-26", "2024-01-26"),
        ("عام 2014", "2014"),
        ("مايو 2020", "2020-05"),
        ("أواخر آب/أغسطس 2013", "2013-08-21/2013-08-31"),
        ("بين عامي 2014 و2017", "2014/2017"),
    ],
)
def test_dates_absolute_without_reference_is_resolved(text: str, value: str) -> None:
    (expression,) = find_temporal(text, None)
    assert (expression.value, expression.relative) == (value, False)


def test_dates_weekday_named_with_a_day_word_wins_over_a_late_reference() -> None:
    # SaudiNewsNet crawled this Monday report on Tuesday 21 July 2015.
    (expression,) = find_temporal("حدد كاميرون، اليوم (الاثنين)، ملامح", dt.date(2015, 7, 21))
    assert expression.value == "2015-07-20"


@pytest.mark.parametrize(
    "text, value",
    [
        ("الخميس الماضي", "2015-07-16"),
        ("الخميس المقبل", "2015-07-30"),
        ("يوم الخميس", "2015-07-23"),
        ("الأربعاء", "2015-07-22"),
    ],
)
def test_dates_weekday_directions_from_a_thursday(text: str, value: str) -> None:
    (expression,) = find_temporal(text, dt.date(2015, 7, 23))
    assert expression.value == value


@pytest.mark.parametrize(
    "text, reference, value",
    [
        ("في 28 يناير", dt.date(2021, 2, 24), "2021-01-28"),
        ("يوم 26 يونيو", dt.date(2004, 4, 6), "2004-06-26"),
        ("في 15 ديسمبر", dt.date(2015, 7, 21), "2014-12-15"),
        ("في ديسمبر", dt.date(2015, 7, 21), "2014-12"),
        ("في يناير", dt.date(2015, 12, 10), "2016-01"),
        ("مارس الماضي", dt.date(2015, 3, 10), "2014-03"),
        ("أغسطس المقبل", dt.date(2015, 8, 2), "2016-08"),
        ("7-13 أغسطس المقبل", dt.date(2015, 8, 2), "2015-08-07/2015-08-13"),
        ("29 فبراير", dt.date(2015, 3, 1), "2012-02-29"),
    ],
)
def test_dates_missing_year_is_the_nearest_plausible_one(
    text: str, reference: dt.date, value: str
) -> None:
    (expression,) = find_temporal(text, reference)
    assert expression.value == value


def test_dates_weekday_before_an_explicit_date_is_one_expression() -> None:
    text = "تغلق يوم الأحد 26 يوليو 2015م، فيما"
    (expression,) = find_temporal(text, dt.date(2015, 7, 22))
    assert expression.text == "يوم الأحد 26 يوليو 2015م"
    assert (expression.value, expression.relative) == ("2015-07-26", False)


def test_dates_weekday_joins_its_hijri_date_and_the_gregorian_one_stands_alone() -> None:
    text = "تغلق يوم الأحد 10 شوال 1436هـ، الموافق 26 يوليو 2015م، فيما"
    found = find_temporal(text, dt.date(2015, 7, 22))
    assert [(e.text, e.value, e.relative) for e in found] == [
        ("يوم الأحد 10 شوال 1436هـ", "2015-07-26", False),
        ("26 يوليو 2015م", "2015-07-26", False),
    ]


def test_dates_weekday_tied_to_a_hijri_date_alone_takes_its_date() -> None:
    (expression,) = find_temporal("يوم الخميس الموافق 14 / 10 / 1436 ولمدة", dt.date(2015, 7, 31))
    assert (expression.text, expression.value) == (
        "يوم الخميس الموافق 14 / 10 / 1436",
        "2015-07-30",
    )


def test_dates_weekday_that_disagrees_with_its_date_gets_no_value() -> None:
    text = "اعتبارا من يوم الاثنين الثامن عشر من الشهر الحالي"
    (expression,) = find_temporal(text, dt.date(2015, 7, 26))
    assert expression.value is None


def test_dates_periods_cover_their_days() -> None:
    reference = dt.date(2021, 4, 7)
    found = {e.text: e for e in find_temporal("الأسبوع الماضي والشهر الماضي", reference)}
    week = found["الأسبوع الماضي"]
    assert (week.value, week.earliest, week.latest) == (
        "2021-W13",
        dt.date(2021, 3, 29),
        dt.date(2021, 4, 4),
    )
    month = found["الشهر الماضي"]
    assert (month.earliest, month.latest) == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))


# -- ambiguity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وبحسب شبكة روسيا اليوم فإن",
        "نشر قصيدته في جريدة اليوم، بعد",
        "بمناسبة ذكرى اليوم الوطني لبلاده",
        "وتعترف بأنها في ذلك اليوم لم تكن",
        "وقد مارس رسول الله السياسة",
        "احد شركاء اب الطفل",
        "وقال عبدالعزيز الخميس قائلا",
        "هو مزيج من الاثنين معا",
        "خطبة الجمعة التي ألقاها",
        "قتل أكثر من 2000 عنصر",
        "وصل المؤشر إلى 2079.82 نقطة",
        "عانى الفيفا من فوضى قبل يومين من الانتخابات",
        "اللاعبين الأحد عشر",
        "أوضح المعارض أحمد رمضان أن",
        "فاز على ضيفه 1 - صفر، وتعادل",
        "ليس فيه دعوة إلى محرم ولا",
        "تقاضوا بين 1200 و1800 دولار",
        "ما بين 1900 و2000 دينار",
    ],
)
def test_dates_ambiguous_words_are_not_dates(text: str) -> None:
    assert find_temporal(text, dt.date(2015, 8, 1)) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("وقالت الولايات المتحدة، الاثنين، إنها", "2015-07-27"),
        ("وقال الجيش الاثنين إن", "2015-07-27"),
        ("توفي الخميس عن 78 عاما", "2015-07-30"),
        ("في آب (أغسطس) الماضي", "2014-08"),
        ("في آب 2014", "2014-08"),
        ("في مارس", "2015-03"),
        ("صلاة الجمعة أمس", "2015-07-31"),
    ],
)
def test_dates_ambiguous_words_count_in_date_context(text: str, value: str) -> None:
    assert [e.value for e in find_temporal(text, dt.date(2015, 8, 1))] == [value]


# -- robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [dt.date.min, dt.date.max])
def test_dates_references_at_the_ends_of_the_calendar(reference: dt.date) -> None:
    text = "أمس وغدا والأسبوع المقبل والشهر الماضي والعام المقبل وقبل 14 عاما والخميس المقبل"
    for expression in find_temporal(text, reference):
        assert expression.value is None or expression.earliest is not None


def test_dates_datetime_reference_counts_as_its_day() -> None:
    (expression,) = find_temporal("أمس", dt.datetime(2020, 5, 12, 23, 59))
    assert expression.value == "2020-05-11"


WORDS = [
    "أمس",
    "اليوم",
    "غداً",
    "بعد",
    "غد",
    "الأحد",
    "الاثنين",
    "يوم",
    "مساء",
    "الماضي",
    "المقبل",
    "الجاري",
    "مارس",
    "آذار",
    "أيار/",
    "مايو",
    "(أغسطس)",
    "آب",
    "شهر",
    "أواخر",
    "مطلع",
    "العام",
    "عام",
    "عامي",
    "و",
    "من",
    "في",
    "قبل",
    "نحو",
    "يومين",
    "الربع",
    "الأول",
    "الثامن",
    "26th,",
    "January",
    "٢٠١٥",
    "2024",
    "1436هـ",
    "١٤٣٦",
    "شوال",
    "رمضان",
    "ذي",
    "القعدة",
    "غرة",
    "منتصف",
    "شهري",
    "جانفي",
    "بين",
    "سيقام",
    "منذ",
    "الليلة",
    "31",
    "0",
    "/",
    "-",
    "،",
    "(",
    ")",
    "الموافق",
    "\u064b",
    "\u0640",
    "\u200f",
    "\n",
    # the nineteenth round's words: decades, centuries, seasons, alternatives, timetables
    *("القرن", "الفارط", "الماضي", "ستينيات", "الأربعينات", "الحادي", "والعشرين", "خريف"),
    *("ربيع", "أو", "الخمسة", "أشهر", "الأولى", "الفترة", "المماثلة", "نفس", "سوق", "يوم"),
    *("حصة", "واحدة", "الساعة", "إلى", "الجمعة", "ليلة", "رأس", "الثلاثي", "هذه", "أواخر", ":"),
]


WORDY_TEXT = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "", "\t", "\u00a0"])), max_size=25
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), WORDY_TEXT),
    st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
)
@example("آمس  آلآول", None)  # a multi-word phrase with two spaces inside
def test_dates_never_raise_and_spans_are_consistent(text: str, reference: dt.date | None) -> None:
    found = find_temporal(text, reference)
    previous_end = 0
    for expression in found:
        assert previous_end <= expression.start < expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text
        previous_end = expression.end
        if expression.value is None:
            assert expression.earliest is None and expression.latest is None
        else:
            assert expression.earliest is not None and expression.latest is not None
            assert expression.earliest <= expression.latest
        if reference is None and expression.relative:
            assert expression.value is None

"""normalize: one concrete case per rule, the seed texts' variants, and its properties."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import normalize
from marsad.arabic.normalize import SPELLING_RULES


def _chars(*spans: tuple[int, int]) -> str:
    return "".join(chr(code) for first, last in spans for code in range(first, last + 1))


# Written out here rather than imported, so that the tests check the rules, not the tables.
REMOVED = _chars(
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x0640, 0x0640),
    (0x200B, 0x200F),
    (0x061C, 0x061C),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xFEFF, 0xFEFF),
)
FOLDED = "أإآٱٲٳٵىةؤئیېۍکھۀەۃ" + _chars((0x0660, 0x0669), (0x06F0, 0x06F9)) + "٫٬٪«»“”„‟″‹›‘’‚،؛؟"
UNICODE_SPACES = "\u00a0\u2002\u2003\u2009\u202f\u3000\u1680\t"
NEVER_IN_OUTPUT = REMOVED + FOLDED + UNICODE_SPACES + "\r"


# --- the equalities the seed texts need -------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("الأميركي", "الأمريكي"),
        ("الإستراتيجي", "الاستراتيجي"),
        ("الاستراتيجيّة", "الاستراتيجية"),
        ("مجدداً", "مجددا"),
        ("الخارجیة العراقی", "الخارجية العراقي"),
        ("داعـش", "داعش"),
        ("«داعش»", '"داعش"'),
        ("“داعش”", '"داعش"'),
        ("مُقدّمتها", "مقدمتها"),
    ],
)
def test_normalize_seed_variants_are_equal(one: str, other: str) -> None:
    assert normalize(one) == normalize(other)


def test_normalize_digits_become_ascii() -> None:
    assert normalize("٢٠٢٤") == "2024"
    assert normalize("۱۴۰۳") == "1403"
    assert normalize("٣٫٥٪") == "3.5%"
    assert normalize("١٬٠٠٠") == "1,000"


def test_normalize_three_quotation_styles_are_one() -> None:
    assert normalize("«x»") == normalize("“x”") == normalize('"x"') == '"x"'
    assert normalize("„x‟") == normalize("″x″") == '"x"'
    assert normalize("‹x›") == normalize("‘x’") == normalize("‚x‛") == "'x'"


# --- letters ------------------------------------------------------------------------------------


def test_normalize_folds_alef_variants() -> None:
    assert normalize("أ إ آ ٱ ٲ ٳ ٵ ا") == "ا ا ا ا ا ا ا ا"


def test_normalize_folds_yeh_teh_marbuta_and_hamza_seats() -> None:
    assert normalize("على") == "علي"
    assert normalize("الحكومة") == "الحكومه"
    assert normalize("مسؤول") == "مسوول"
    assert normalize("رئيس") == "رييس"


def test_normalize_folds_persian_and_urdu_letters() -> None:
    assert normalize("ی ې ۍ") == "ي ي ي"
    assert normalize("ک ڪ") == "ك ك"
    assert normalize("ھ ۀ ہ ۂ ە ۃ") == "ه ه ه ه ه ه"


def test_normalize_removes_harakat_shadda_and_quranic_marks() -> None:
    assert normalize("كَتَبَ") == "كتب"
    assert normalize("مُحَمَّدٌ") == "محمد"
    assert normalize("الرَّحْمَٰنِ") == "الرحمن"  # superscript alef U+0670
    assert normalize("ٱلْعَٰلَمِينَ ۝") == "العلمين"  # U+06DD end of ayah


def test_normalize_removes_tatweel() -> None:
    assert normalize("داعـــش") == "داعش"


def test_normalize_folds_presentation_forms() -> None:
    assert normalize("ﻻ ﻷ") == "لا لا"
    assert normalize("ﺍﻟﻌﺮﺍﻕ") == "العراق"
    assert normalize("ﷲ") == "الله"


def test_normalize_casefolds_latin() -> None:
    assert normalize("Sputnik GMT") == "sputnik gmt"
    assert normalize("ＡＦＰ") == "afp"
    assert normalize("Straße") == "strasse"


def test_normalize_removes_invisible_controls() -> None:
    invisible = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
    isolates = "\u2066\u2067\u2068\u2069\ufeff\u00ad"
    assert normalize(f"دا{invisible}عش{isolates}") == "داعش"


def test_normalize_maps_arabic_punctuation() -> None:
    assert normalize("قال، ثم؛ لماذا؟") == "قال, ثم; لماذا?"


# --- whitespace ---------------------------------------------------------------------------------


def test_normalize_collapses_spaces_but_keeps_lines() -> None:
    assert normalize("a\u00a0 \t\u2003b") == "a b"
    assert normalize("  first line  \n  second  ") == "first line\nsecond"


def test_normalize_keeps_paragraphs_and_caps_blank_lines() -> None:
    assert normalize("one\n\ntwo") == "one\n\ntwo"
    assert normalize("one\n \n\u00a0\n\n\ntwo") == "one\n\ntwo"
    assert normalize("one\r\ntwo\r\n\r\nthree\rfour") == "one\ntwo\n\nthree\nfour"
    assert normalize("one\u2028two\u2029three") == "one\ntwo\nthree"


def test_normalize_of_blank_text_is_empty() -> None:
    assert normalize("") == ""
    assert normalize(" \n\u200b\t\u00a0\n ") == ""


# --- spelling variants --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("أميركا", "أمريكا"),
        ("الأميركيون", "الأمريكيون"),
        ("الأميركان", "الأمريكان"),
        ("الديموقراطية", "الديمقراطية"),
        ("التليفزيون", "التلفزيون"),
        ("أوروبا", "أوربا"),
        ("الأوروبيين", "الأوربيين"),
        ("واشنطون", "واشنطن"),
        ("ترمب", "ترامب"),
        ("مليشيات", "ميليشيات"),
        ("ميلشيا", "ميليشيا"),
        ("الكونجرس", "الكونغرس"),
        ("التكنلوجيا", "التكنولوجيا"),
        ("مسئول", "مسؤول"),
        ("المسئولية", "المسؤولية"),
    ],
)
def test_normalize_folds_spelling_variants(one: str, other: str) -> None:
    assert normalize(one) == normalize(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("أميرك", "أمريك"),  # "your prince" is not America
        ("أمير", "أمر"),
        ("وربي", "وربا"),  # "and my Lord" is not Europe
    ],
)
def test_normalize_keeps_different_words_apart(one: str, other: str) -> None:
    assert normalize(one) != normalize(other)


def _can_create(replacement: str, pattern: str) -> bool:
    """Whether writing ``replacement`` into any text can make ``pattern`` appear there."""
    if pattern in replacement or replacement in pattern:
        return True
    overlaps = range(1, min(len(replacement), len(pattern)))
    return any(
        replacement.endswith(pattern[:k]) or replacement.startswith(pattern[-k:]) for k in overlaps
    )


def test_normalize_spelling_rules_cannot_recreate_an_earlier_pattern() -> None:
    # This is what makes one pass of the rules a fixed point, whatever surrounds a match.
    for j, (_, replacement) in enumerate(SPELLING_RULES):
        for pattern, _ in SPELLING_RULES[: j + 1]:
            assert not _can_create(replacement, pattern), (replacement, pattern)


def test_normalize_spelling_rules_are_written_in_folded_form() -> None:
    for pattern, replacement in SPELLING_RULES:
        spaced = " ".join(pattern)  # letter by letter, so that the rule itself does not fire
        assert normalize(spaced) == spaced
        assert normalize(replacement) == replacement


def test_normalize_spelling_rules_reach_a_fixed_point_on_adversarial_text() -> None:
    text = "اميركاميركاميركا وروبوروب ترمبترمب"
    once = normalize(text)
    assert normalize(once) == once
    assert "ميركا" not in once


# --- properties ---------------------------------------------------------------------------------

# Heavy on the characters the rules touch, and on letters and marks they could combine with.
_INTERESTING = st.sampled_from(
    NEVER_IN_OUTPUT
    + "اميركاوربتلفزيونمسشه \n\n\r\u0301\u0345\u030ceαjﹱﻷﷺ\u2033\u2026"
    + "".join(rule for pair in SPELLING_RULES for rule in pair)
)
_TEXT = st.one_of(st.text(), st.text(alphabet=_INTERESTING), st.text(st.characters(), max_size=5))


@settings(deadline=None, max_examples=300)
@given(_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(deadline=None, max_examples=300)
@given(_TEXT)
def test_normalize_output_has_no_folded_characters(text: str) -> None:
    result = normalize(text)
    assert not set(result) & set(NEVER_IN_OUTPUT)
    assert "  " not in result
    assert "\n\n\n" not in result
    assert result == result.strip(" \n")
    assert unicodedata.is_normalized("NFKC", result)


# --- the seed texts -----------------------------------------------------------------------------


def test_normalize_seed_texts_fold_tag_line_and_quotes(seeds: Path) -> None:
    texts = {path.name[:3]: path.read_text(encoding="utf-8") for path in seeds.glob("*.txt")}
    assert "الخارجيه العراقي" in normalize(texts["002"])
    joined = normalize("\n".join(texts.values()))
    assert not set(joined) & set("«»“”")
    assert joined.count('"داعش"') >= 4
    assert "الاميركي" not in joined
    assert joined.count("الامريكي") >= 4


@pytest.mark.slow
def test_normalize_is_fast_on_the_seed_texts(seeds: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    kilobytes = sum(len(text.encode()) for text in texts) / 1024
    rounds = 50
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            normalize(text)
    per_kb = (time.perf_counter() - start) / rounds / kilobytes * 1e6
    # About 13 µs per KB on a 2024 laptop core; the floor only catches an accidental slow path.
    assert per_kb < 100, f"normalize took {per_kb:.1f} µs per KB"

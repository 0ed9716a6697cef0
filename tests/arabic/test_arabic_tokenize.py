"""tokens and STOPWORDS: word runs of normalized text, and the stop list in normalized form."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import STOPWORDS, normalize, tokens
from marsad.arabic.stopwords import ARABIC_STOPWORDS, ENGLISH_STOPWORDS


def test_tokens_drop_punctuation() -> None:
    text = normalize("وقالت الوزارة، في بيان: «إن الحوار الاستراتيجي (الأول) بدأ».")
    assert tokens(text) == ["وقالت", "الوزاره", "في", "بيان", "ان", "الحوار", "الاستراتيجي",
                            "الاول", "بدا"]  # fmt: skip


def test_tokens_keep_latin_and_digits() -> None:
    assert tokens(normalize("Sputnik: 60% من قوات التحالف، ٢٠٢٤")) == [
        "sputnik",
        "60",
        "من",
        "قوات",
        "التحالف",
        "2024",
    ]


def test_tokens_split_on_every_separator() -> None:
    assert tokens("a-b/c_d.e,f'g\"h\n\ni…j—k") == list("abcdefghijk")


def test_tokens_of_text_without_words_are_empty() -> None:
    assert tokens("") == []
    assert tokens(" , . - \n") == []


_WORD = re.compile(r"[^\W_]+")


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from("ab ١٢ داعش.,-_\n«»™√²"))))
def test_tokens_are_the_alphanumeric_runs(text: str) -> None:
    # The fast path (replace and split) must agree with the regex it stands in for.
    assert tokens(text) == _WORD.findall(text)


@settings(deadline=None, max_examples=200)
@given(st.text())
def test_tokens_of_normalized_text_never_raise(text: str) -> None:
    assert all(word.isalnum() for word in tokens(normalize(text)))


def test_stopwords_are_normalized_single_tokens() -> None:
    for word in STOPWORDS:
        assert normalize(word) == word
        assert tokens(word) == [word]


def test_stopwords_cover_common_function_words() -> None:
    for word in ("في", "من", "علي", "الي", "ان", "عن", "مع", "هذا", "هذه", "التي", "الذي"):
        assert word in ARABIC_STOPWORDS
    for word in ("the", "of", "and", "to", "in"):
        assert word in ENGLISH_STOPWORDS
    assert normalize("إلى") in STOPWORDS
    assert normalize("على") in STOPWORDS


def test_stopwords_keep_topic_words_out() -> None:
    for word in ("العراق", "داعش", "الحكومه", "امريكا", "iraq"):
        assert word not in STOPWORDS


def test_stopwords_list_is_small() -> None:
    assert 100 <= len(STOPWORDS) <= 200

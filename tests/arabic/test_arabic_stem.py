"""stem_tokens and stems: one key for the forms of a word in Arabic and English."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import normalize, stem_tokens, stems, tokens


def test_stems_seed_spellings_of_american_are_equal() -> None:
    assert stems("والأمريكي") == stems("الأميركي") == ["امريك"]
    assert stems("الأمريكية") == stems("الأميركي")


@pytest.mark.parametrize(
    "word",
    ["والعراق", "فالعراق", "بالعراق", "كالعراق", "للعراق", "العراق"],
)
def test_stems_strip_conjunction_and_preposition_with_article(word: str) -> None:
    assert stems(word) == ["عراق"]


def test_stems_keep_short_words_whole() -> None:
    # "والي" (governor) and "بالغ" (adult) would lose their root with the prefix removed.
    assert stems("والي") == stem_tokens(["والي"])
    assert stem_tokens(["والي"]) != stem_tokens(["ي"])
    assert stem_tokens(["بالغ"]) != stem_tokens(["غ"])


def test_stems_match_feminine_and_masculine_adjectives() -> None:
    assert stems("العراقية") == stems("العراقي")
    assert stems("الخارجیة") == stems("الخارجية")
    assert stems("الاستراتيجيّة") == stems("الإستراتيجي")


def test_stems_use_english_stemmer_for_latin() -> None:
    assert stems("Talks continued, talking") == ["talk", "continu", "talk"]


def test_stem_tokens_leave_digits_alone_and_keep_positions() -> None:
    words = tokens(normalize("بدأت المفاوضات في 2024 talks"))
    stemmed = stem_tokens(words)
    assert len(stemmed) == len(words)
    assert stemmed[3] == "2024"
    assert stemmed[-1] == "talk"


def test_stem_tokens_of_nothing_is_nothing() -> None:
    assert stem_tokens([]) == []
    assert stems("، .") == []


def test_stem_tokens_reject_a_token_with_a_newline() -> None:
    with pytest.raises(ValueError, match="newline"):
        stem_tokens(["a\nb"])


def test_stem_tokens_work_in_other_threads() -> None:
    results: list[list[str]] = []
    thread = threading.Thread(target=lambda: results.append(stems("والأمريكي")))
    thread.start()
    thread.join()
    assert results == [["امريك"]]


@settings(deadline=None, max_examples=200)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from("والبكفلهةامريكي abs\n،"))))
def test_stems_never_raise_and_keep_one_stem_per_token(text: str) -> None:
    assert len(stems(text)) == len(tokens(normalize(text)))


def test_arabic_stem_cache_gives_what_stemming_gives() -> None:
    from marsad.arabic import stem as module

    words = ["والامريكي", "الامريكيه", "talks", "والامريكي", "بالعراق", "2024"]
    module._CACHE.clear()
    cold = stem_tokens(words)
    warm = stem_tokens(words)
    assert cold == warm == [module._stem_unique([w])[0] for w in words]

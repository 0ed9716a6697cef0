"""Shingles, winnowing and candidates: the guarantees the reuse stage relies on."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.link.reuse import ReuseParams, find_reuse
from marsad.link.shingles import shingle_batch, shingle_set, winnow

WORDS = [f"كلمة{k}" for k in range(400)]


def test_link_shingles_depend_on_words_not_on_spacing_or_batch() -> None:
    one = shingle_batch(["ا ب ت ث ج ح خ", "x"])[0]
    again = shingle_batch(["ا  ب، ت «ث» ج - ح … خ"])[0]
    assert len(one) == 3 and np.array_equal(one, again)


def test_link_winnowing_finds_every_long_enough_shared_passage() -> None:
    rng = np.random.default_rng(7)
    for _ in range(50):
        passage = list(rng.choice(WORDS, 10))  # w + n - 1 = 10 words
        a = " ".join([*rng.choice(WORDS, 30), *passage, *rng.choice(WORDS, 30)])
        b = " ".join([*rng.choice(WORDS, 50), *passage])
        fa, fb = (winnow(s, 6)[0] for s in shingle_batch([a, b]))
        assert np.intersect1d(fa, fb).size >= 1


def test_link_find_reuse_kinds() -> None:
    base = " ".join(WORDS[:120])
    docs = {
        "a": base,
        "b": base,
        "c": " ".join(WORDS[:115] + ["غير"] * 5),
        "d": " ".join(WORDS[200:300]) + " " + " ".join(WORDS[:60]),
        "e": " ".join(WORDS[300:400]),
    }
    kinds = {(p.a, p.b): p.kind for p in find_reuse(docs)}
    assert kinds[("a", "b")] == "exact"
    assert kinds[("a", "c")] == "near"
    assert kinds[("a", "d")] == "partial"
    assert not any("e" in pair for pair in kinds)


def test_link_params_are_checked() -> None:
    import pytest

    with pytest.raises(ValueError, match="near must be in"):
        ReuseParams(near=1.5)


@settings(deadline=None, max_examples=200)
@given(st.lists(st.text(max_size=200), max_size=6))
def test_link_shingle_batch_never_fails(texts: list[str]) -> None:
    out = shingle_batch(texts)
    assert len(out) == len(texts)
    for text, hashes in zip(texts, out, strict=True):
        assert np.array_equal(np.unique(hashes), shingle_set(text))

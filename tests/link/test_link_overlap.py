"""Exact overlaps and passage runs computed for many pairs at once agree with pair-by-pair."""

from __future__ import annotations

import itertools

import numpy as np

from marsad.link.overlap import overlaps
from marsad.link.reuse import find_reuse
from marsad.link.runs import longest_runs
from marsad.link.shingles import shingle_batch
from marsad.link.table import HASH_BITS, ShingleTable
from marsad.link.verify import Shingled, scores

WORDS = [f"كلمة{k}" for k in range(60)]


def _corpus(seed: int, docs: int = 40) -> list[str]:
    """Articles built from shared passages, so that pairs overlap in many ways."""
    rng = np.random.default_rng(seed)
    passages = [" ".join(rng.choice(WORDS, int(rng.integers(5, 40)))) for _ in range(12)]
    return [
        " ".join(passages[int(k)] for k in rng.choice(len(passages), int(rng.integers(1, 5))))
        for _ in range(docs)
    ]


def test_link_overlaps_equal_pairwise_set_intersections() -> None:
    for seed in range(5):
        texts = _corpus(seed)
        table = ShingleTable.build(texts, 5)
        ov = overlaps(table, max_df=10_000)
        sets = [set((s >> np.uint64(64 - HASH_BITS)).tolist()) for s in shingle_batch(texts)]
        expected = {
            (i, j): len(sets[i] & sets[j])
            for i, j in itertools.combinations(range(len(texts)), 2)
            if sets[i] & sets[j]
        }
        got = dict(
            zip(zip(ov.a.tolist(), ov.b.tolist(), strict=True), ov.shared.tolist(), strict=True)
        )
        assert got == expected
        assert ov.sizes.tolist() == [len(s) for s in sets]


def test_link_common_shingles_count_in_shares_but_make_no_pairs() -> None:
    texts = _corpus(11, docs=60)
    table = ShingleTable.build(texts, 5)
    everything = overlaps(table, max_df=10_000)
    capped = overlaps(table, max_df=3)
    full = dict(
        zip(
            zip(everything.a.tolist(), everything.b.tolist(), strict=True),
            everything.shared.tolist(),
            strict=True,
        )
    )
    for i, j, shared in zip(
        capped.a.tolist(), capped.b.tolist(), capped.shared.tolist(), strict=True
    ):
        assert full[i, j] == shared  # exact, common shingles included
    assert len(capped.a) < len(everything.a)  # pairs sharing only common shingles are gone


def test_link_runs_equal_pairwise_longest_passage() -> None:
    for seed in range(5):
        texts = _corpus(seed)
        table = ShingleTable.build(texts, 5)
        ov = overlaps(table, max_df=10_000)
        runs = longest_runs(table, ov, np.arange(len(ov.a)), 5)
        seqs = shingle_batch(texts)
        for k, (i, j) in enumerate(zip(ov.a.tolist(), ov.b.tolist(), strict=True)):
            exact = scores(Shingled.of(seqs[i]), Shingled.of(seqs[j]), 5).longest
            assert runs[k] == exact, (i, j)


def test_link_threads_give_the_same_answer() -> None:
    texts = _corpus(3, docs=80)
    one = find_reuse({str(k): t for k, t in enumerate(texts)})
    two = find_reuse({str(k): t for k, t in enumerate(texts)}, workers=2)
    assert one == two and one


def test_link_shingles_differing_in_one_character_differ_in_the_top_bits() -> None:
    five, six = (shingle_batch([f"الفقار مذكرات فاتن حمامه {d}"])[0][0] for d in "56")
    assert five >> np.uint64(64 - HASH_BITS) != six >> np.uint64(64 - HASH_BITS)


def test_link_a_set_phrase_in_many_articles_is_not_a_copied_passage() -> None:
    from marsad.link.reuse import ReuseParams

    rng = np.random.default_rng(5)
    vocabulary = [f"لفظ{k}" for k in range(5000)]
    prayer = " ".join(WORDS[:40])
    docs = {
        str(k): " ".join(rng.choice(vocabulary, 150))
        + " "
        + prayer
        + " "
        + " ".join(rng.choice(vocabulary, 150))
        for k in range(6)
    }
    assert all(p.kind == "partial" for p in find_reuse(docs)) and find_reuse(docs)
    assert find_reuse(docs, ReuseParams(max_df=3)) == []

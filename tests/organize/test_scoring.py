"""Clustering scores: hand-computed examples, edge cases, and properties checked by brute force."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.organize.scoring import (
    adjusted_rand_index,
    bcubed,
    contingency,
    pairwise,
    score,
)

# Manning, Raghavan & Schütze, "Introduction to Information Retrieval" (2008), section 16.3:
# 17 items, gold classes x (8), o (5), d (4), predicted clusters
#   c1 = x x x x x o      c2 = x o o o o d      c3 = x x d d d
CELLS = {("x", "c1"): 5, ("o", "c1"): 1, ("x", "c2"): 1, ("o", "c2"): 4, ("d", "c2"): 1}
CELLS |= {("x", "c3"): 2, ("d", "c3"): 3}


def _book() -> tuple[dict[str, str], dict[str, str]]:
    gold, predicted = {}, {}
    for (cls, cluster), count in CELLS.items():
        for k in range(count):
            item = f"{cls}{cluster}{k}"
            gold[item], predicted[item] = cls, cluster
    return gold, predicted


def test_scoring_pairwise_by_hand() -> None:
    # together in both: C(5)+C(4)+C(2)+C(3) = 10+6+1+3 = 20
    # predicted pairs: C(6)+C(6)+C(5) = 15+15+10 = 40 -> precision 20/40 = 0.5
    # gold pairs: C(8)+C(5)+C(4) = 28+10+6 = 44     -> recall 20/44 = 5/11
    # F1 = 2 (1/2)(5/11) / (1/2 + 5/11) = (5/11) / (21/22) = 10/21
    result = pairwise(*_book())
    assert result.precision == pytest.approx(0.5)
    assert result.recall == pytest.approx(5 / 11)
    assert result.f1 == pytest.approx(10 / 21)


def test_scoring_bcubed_by_hand() -> None:
    # precision sums n_ij^2 / b_j: c1 (25 + 1) / 6, c2 (1 + 16 + 1) / 6, c3 (4 + 9) / 5
    #   = 26/6 + 18/6 + 13/5 = 22/3 + 13/5 = 149/15, over 17 items -> 149/255
    # recall sums n_ij^2 / a_i: x (25 + 1 + 4) / 8, o (1 + 16) / 5, d (1 + 9) / 4
    #   = 30/8 + 17/5 + 10/4 = 193/20, over 17 items -> 193/340
    result = bcubed(*_book())
    p, r = 149 / 255, 193 / 340
    assert result.precision == pytest.approx(p)
    assert result.recall == pytest.approx(r)
    assert result.f1 == pytest.approx(2 * p * r / (p + r))


def test_scoring_ari_by_hand() -> None:
    # index 20 (pairs together in both), expected 44 * 40 / C(17) = 1760/136 = 220/17,
    # max (44 + 40) / 2 = 42: (20 - 220/17) / (42 - 220/17) = (340 - 220) / (714 - 220) = 60/247
    assert adjusted_rand_index(*_book()) == pytest.approx(60 / 247)


def test_scoring_score_gathers_everything() -> None:
    s = score(*_book())
    assert (s.items, s.missing, s.gold_clusters, s.predicted_clusters) == (17, 0, 3, 3)
    assert s.pairwise_f1 == pytest.approx(10 / 21)
    assert s.bcubed_precision == pytest.approx(149 / 255)
    assert s.ari == pytest.approx(60 / 247)


def test_scoring_identical_partitions_score_one_whatever_the_labels() -> None:
    gold = {f"i{k}": f"e{k % 7}" for k in range(50)}
    renamed = {item: label.upper() + "!" for item, label in gold.items()}
    s = score(gold, renamed)
    assert (s.pairwise_f1, s.bcubed_f1, s.ari) == (1.0, 1.0, 1.0)


def test_scoring_all_singletons_against_one_cluster() -> None:
    items = [f"i{k}" for k in range(10)]
    one = dict.fromkeys(items, "all")
    alone = {item: item for item in items}
    # gold all singletons, prediction one cluster: none of the C(10) = 45 predicted pairs is a
    # gold pair -> pairwise P 0, R 1 (gold has no pair to miss), F1 0;
    # B-cubed: 1 of the 10 items of each item's predicted cluster shares its gold -> P 1/10, R 1
    s = score(alone, one)
    assert (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1) == (0.0, 1.0, 0.0)
    assert s.bcubed_precision == pytest.approx(0.1) and s.bcubed_recall == 1.0
    assert s.bcubed_f1 == pytest.approx(2 * 0.1 / 1.1)
    assert s.ari == 0.0
    # and the other way round: precision and recall swap
    t = score(one, alone)
    assert (t.pairwise_precision, t.pairwise_recall) == (1.0, 0.0)
    assert t.bcubed_precision == 1.0 and t.bcubed_recall == pytest.approx(0.1)
    assert t.ari == 0.0
    # both all singletons, or both one cluster: nothing to disagree on
    assert score(alone, alone).ari == score(one, one).ari == 1.0
    assert score(alone, alone).pairwise_f1 == 1.0


def test_scoring_missing_items_are_singletons_and_extra_items_ignored() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    partial = {"a": "1", "b": "1", "zz": "1"}  # c and d unlabelled; zz unknown to gold
    explicit = {"a": "1", "b": "1", "c": "c-alone", "d": "d-alone"}
    assert score(gold, partial) == replace(score(gold, explicit), missing=2)
    assert score(gold, partial).predicted_clusters == 3


def test_scoring_empty_gold_is_refused() -> None:
    with pytest.raises(ValueError, match="gold partition is empty"):
        score({}, {"a": "1"})


def test_scoring_single_item() -> None:
    s = score({"a": "x"}, {"a": "y"})
    assert (s.pairwise_f1, s.bcubed_f1, s.ari) == (1.0, 1.0, 1.0)


def test_scoring_random_labellings_have_ari_near_zero() -> None:
    rng = np.random.default_rng(3)
    items = [f"i{k}" for k in range(5000)]
    gold = dict(zip(items, rng.integers(0, 20, len(items)).astype(str), strict=True))
    values = []
    for _ in range(5):
        guess = dict(zip(items, rng.integers(0, 30, len(items)).astype(str), strict=True))
        values.append(adjusted_rand_index(gold, guess))
    assert max(abs(v) for v in values) < 0.01


def test_scoring_thirty_thousand_items() -> None:
    # 3,000 gold events of 10; the prediction splits each in two halves of 5:
    # every predicted pair is right, 2 C(5) = 20 of C(10) = 45 gold pairs are found
    gold = {f"i{k}": f"e{k // 10}" for k in range(30_000)}
    predicted = {f"i{k}": f"p{k // 5}" for k in range(30_000)}
    s = score(gold, predicted)
    assert s.pairwise_precision == 1.0 and s.pairwise_recall == pytest.approx(20 / 45)
    assert s.bcubed_precision == 1.0 and s.bcubed_recall == pytest.approx(0.5)


def test_scoring_agrees_with_sklearn_ari() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(11)
    for n, k in [(2, 2), (10, 3), (200, 5), (1000, 40)]:
        gold, guess = rng.integers(0, k, n), rng.integers(0, k + 2, n)
        ours = adjusted_rand_index(
            {str(i): str(g) for i, g in enumerate(gold)},
            {str(i): str(p) for i, p in enumerate(guess)},
        )
        assert ours == pytest.approx(metrics.adjusted_rand_score(gold, guess))


# Properties, checked against brute force over pairs and items on small partitions

Case = tuple[list[int], list[int], list[bool]]  # gold labels, predicted labels, which are labelled
partitions = st.integers(1, 30).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 6), min_size=n, max_size=n),
        st.lists(st.integers(0, 6), min_size=n, max_size=n),
        st.lists(st.booleans(), min_size=n, max_size=n),
    )
)


def _maps(case: Case) -> tuple[dict[str, str], dict[str, str]]:
    """Gold over every item; the prediction leaves out the items not ``labelled``."""
    gold_labels, guess_labels, labelled = case
    gold = {f"i{k}": f"g{label}" for k, label in enumerate(gold_labels)}
    guess = {f"i{k}": f"p{label}" for k, label in enumerate(guess_labels) if labelled[k]}
    return gold, guess


@settings(max_examples=300, deadline=None)
@given(partitions)
def test_scoring_scores_stay_in_range_and_f1_between_p_and_r(case: Case) -> None:
    s = score(*_maps(case))
    for value in (s.pairwise_precision, s.pairwise_recall, s.bcubed_precision, s.bcubed_recall):
        assert 0.0 <= value <= 1.0
    for p, r, f in [
        (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1),
        (s.bcubed_precision, s.bcubed_recall, s.bcubed_f1),
    ]:
        assert min(p, r) - 1e-12 <= f <= max(p, r) + 1e-12
    assert -1.0 <= s.ari <= 1.0


@settings(max_examples=300, deadline=None)
@given(partitions)
def test_scoring_matches_brute_force(case: Case) -> None:
    gold, guess = _maps(case)
    full = {item: guess.get(item, f"alone-{item}") for item in gold}
    pairs = list(combinations(gold, 2))
    in_gold = {(a, b) for a, b in pairs if gold[a] == gold[b]}
    in_guess = {(a, b) for a, b in pairs if full[a] == full[b]}
    both = len(in_gold & in_guess)
    result = pairwise(gold, guess)
    assert result.precision == pytest.approx(both / len(in_guess) if in_guess else 1.0)
    assert result.recall == pytest.approx(both / len(in_gold) if in_gold else 1.0)
    precision = recall = 0.0
    for item in gold:
        same_guess = [o for o in gold if full[o] == full[item]]
        same_gold = [o for o in gold if gold[o] == gold[item]]
        precision += sum(gold[o] == gold[item] for o in same_guess) / len(same_guess)
        recall += sum(full[o] == full[item] for o in same_gold) / len(same_gold)
    b3 = bcubed(gold, guess)
    assert b3.precision == pytest.approx(precision / len(gold))
    assert b3.recall == pytest.approx(recall / len(gold))
    assert contingency(gold, guess).items == len(gold)


@settings(max_examples=200, deadline=None)
@given(partitions)
def test_scoring_swapping_gold_and_prediction_swaps_precision_and_recall(case: Case) -> None:
    gold_labels, guess_labels, _ = case
    gold = {f"i{k}": str(v) for k, v in enumerate(gold_labels)}
    guess = {f"i{k}": str(v) for k, v in enumerate(guess_labels)}
    s, t = score(gold, guess), score(guess, gold)
    assert (s.pairwise_precision, s.pairwise_recall) == (t.pairwise_recall, t.pairwise_precision)
    assert s.bcubed_precision == pytest.approx(t.bcubed_recall)
    assert s.bcubed_recall == pytest.approx(t.bcubed_precision)
    assert s.pairwise_f1 == pytest.approx(t.pairwise_f1)
    assert s.bcubed_f1 == pytest.approx(t.bcubed_f1)
    assert s.ari == pytest.approx(t.ari)

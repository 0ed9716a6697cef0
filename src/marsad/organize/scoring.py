"""Clustering scores of a predicted partition against a gold one: pairwise, B-cubed and ARI.

A partition is a mapping from item id to cluster label; labels are only compared for equality,
so any strings do. Scores are taken over the items of ``gold``. An item of ``gold`` that the
prediction does not label counts as a predicted cluster of its own (a singleton): the clusterer
said nothing about it, so it linked it to nothing. Items that only the prediction labels are
ignored. Every score is read off the contingency table (gold cluster x predicted cluster ->
number of shared items), never by enumerating pairs, so 30,000 items take milliseconds.

Pairwise: a pair of items is positive when both sit in one cluster. Precision is the share of
predicted pairs that are gold pairs, recall the share of gold pairs that are predicted; with
``C(x) = x (x - 1) / 2`` and ``n_ij`` the cells, ``a_i`` the gold sizes and ``b_j`` the
predicted sizes, true positives are ``sum C(n_ij)``, predicted pairs ``sum C(b_j)`` and gold
pairs ``sum C(a_i)``. When there are no predicted pairs (all singletons), precision is 1.0 (no
pair was claimed wrongly); when gold has no pairs, recall is 1.0 (no pair was missed).

B-cubed (Bagga & Baldwin 1998), averaged over items: an item's precision is the share of its
predicted cluster that shares its gold cluster, its recall the share of its gold cluster that
shares its predicted cluster; summed over a cell that is ``n_ij^2 / b_j`` and ``n_ij^2 / a_i``.

Adjusted Rand index (Hubert & Arabie 1985): the Rand index corrected for chance, 0 for random
labellings in expectation and 1 for identical partitions. When both partitions put every pair
the same way (both all singletons, or both one cluster) it is 1.0, as scikit-learn defines it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Counts = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and their harmonic mean F1 (0.0 when both are 0)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total > 0 else 0.0)


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Every score of a predicted partition against gold, over the items of gold.

    >>> s = score({"a": "x", "b": "x", "c": "y"}, {"a": "1", "b": "2", "c": "2"})
    >>> (s.pairwise_precision, s.pairwise_recall, round(s.bcubed_f1, 3), s.ari)
    (0.0, 0.0, 0.667, -0.5)
    """

    items: int  # items of gold, the ones scored
    missing: int  # items of gold the prediction does not label (each scored as a singleton)
    gold_clusters: int
    predicted_clusters: int  # over the items of gold, missing ones included as singletons
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    ari: float


@dataclass(frozen=True, slots=True)
class Contingency:
    """The non-zero cells of the contingency table and the cluster sizes on both sides."""

    cells: Counts  # n_ij for every (gold, predicted) cluster pair sharing at least one item
    cell_gold: Counts  # a_i of the gold cluster of each cell
    cell_predicted: Counts  # b_j of the predicted cluster of each cell
    gold_sizes: Counts  # a_i
    predicted_sizes: Counts  # b_j
    missing: int

    @property
    def items(self) -> int:
        return int(self.cells.sum())


def contingency(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Contingency:
    """The contingency table of ``predicted`` against ``gold`` over the items of ``gold``."""
    if not gold:
        raise ValueError("gold partition is empty: there is nothing to score against")
    gold_codes: dict[str, int] = {}
    predicted_codes: dict[str, int] = {}
    g = np.empty(len(gold), np.int64)
    p = np.empty(len(gold), np.int64)
    missing = 0
    for k, (item, label) in enumerate(gold.items()):
        g[k] = gold_codes.setdefault(label, len(gold_codes))
        guess = predicted.get(item)
        if guess is None:
            missing += 1
            p[k] = -missing  # a fresh singleton; negative codes never collide with real ones
        else:
            p[k] = predicted_codes.setdefault(guess, len(predicted_codes))
    p += missing  # codes now run 0 .. missing + len(predicted_codes) - 1
    gold_sizes = np.bincount(g)
    predicted_sizes = np.bincount(p)
    keys, cells = np.unique(g * len(predicted_sizes) + p, return_counts=True)
    rows, cols = np.divmod(keys, len(predicted_sizes))
    return Contingency(
        cells=cells.astype(np.int64),
        cell_gold=gold_sizes[rows],
        cell_predicted=predicted_sizes[cols],
        gold_sizes=gold_sizes[gold_sizes > 0],
        predicted_sizes=predicted_sizes[predicted_sizes > 0],
        missing=missing,
    )


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> PRF:
    """Pairwise precision, recall and F1 (pairs of items put in one cluster)."""
    return _pairwise(contingency(gold, predicted))


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> PRF:
    """B-cubed precision, recall and F1, averaged over the items of ``gold``."""
    return _bcubed(contingency(gold, predicted))


def adjusted_rand_index(gold: Mapping[str, str], predicted: Mapping[str, str]) -> float:
    """Adjusted Rand index of ``predicted`` against ``gold``, in [-1, 1]."""
    return _ari(contingency(gold, predicted))


def score(gold: Mapping[str, str], predicted: Mapping[str, str]) -> ClusterScores:
    """Pairwise, B-cubed and ARI of ``predicted`` against ``gold`` from one contingency table."""
    table = contingency(gold, predicted)
    pairs, b3 = _pairwise(table), _bcubed(table)
    return ClusterScores(
        items=table.items,
        missing=table.missing,
        gold_clusters=len(table.gold_sizes),
        predicted_clusters=len(table.predicted_sizes),
        pairwise_precision=pairs.precision,
        pairwise_recall=pairs.recall,
        pairwise_f1=pairs.f1,
        bcubed_precision=b3.precision,
        bcubed_recall=b3.recall,
        bcubed_f1=b3.f1,
        ari=_ari(table),
    )


def _pairs(sizes: Counts) -> int:
    """``sum C(x, 2)`` as a Python int (products of these overflow int64 past ~10^6 items)."""
    return int((sizes * (sizes - 1) // 2).sum())


def _pairwise(table: Contingency) -> PRF:
    together = _pairs(table.cells)
    predicted, gold = _pairs(table.predicted_sizes), _pairs(table.gold_sizes)
    return PRF.of(together / predicted if predicted else 1.0, together / gold if gold else 1.0)


def _bcubed(table: Contingency) -> PRF:
    square = table.cells.astype(np.float64) ** 2
    n = table.items
    precision = float((square / table.cell_predicted).sum()) / n
    recall = float((square / table.cell_gold).sum()) / n
    return PRF.of(min(precision, 1.0), min(recall, 1.0))  # min: float rounding only


def _ari(table: Contingency) -> float:
    """``(index - expected) / (max - expected)``, written over the pair confusion counts.

    With ``tp`` pairs together in both, ``fp`` together only in the prediction, ``fn`` only in
    gold and ``tn`` apart in both, this is ``2 (tp tn - fn fp) / ((tp + fn)(fn + tn) +
    (tp + fp)(fp + tn))``; the denominator is 0 only when ``fn = fp = 0``, where it is 1.0.
    """
    n = table.items
    tp = _pairs(table.cells)
    fp = _pairs(table.predicted_sizes) - tp
    fn = _pairs(table.gold_sizes) - tp
    tn = n * (n - 1) // 2 - tp - fp - fn
    if fn == 0 and fp == 0:
        return 1.0
    return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))

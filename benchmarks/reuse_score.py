"""Recall and precision of reported pairs against the brute-force truth, and the misses.

A pair counts as reported "at Jaccard 0.8" when the method claims it is that similar: kind
``exact`` or ``near`` for Marsad, every verified pair for the MinHash baselines. Containment is
scored on recall only, over pairs reported in any kind: the baselines are not built to find
partial copies, and the point of the column is to show how much of that reuse they miss.
Containment is also scored over pairs whose smaller article has at least 30 words: SaudiNewsNet
holds a few "articles" that are only a name or a caption (five or six words), and one of those
is "contained" in every report that mentions the name.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from reuse_methods import Found
from reuse_truth import Floats, Ints, Truth, pair_keys

Bools = npt.NDArray[np.bool_]
Objects = npt.NDArray[np.object_]

AT = 0.8  # the threshold every column is reported at
MIN_SHINGLES = 26  # 30 words: a contained article shorter than this is a caption or a name
CLOSE = 1e-3  # reported and true Jaccard may differ by rounding only
EXAMPLES = 5


def score(found: Sequence[Found], truth: Truth) -> dict[str, object]:
    """Counts, recall and precision of ``found`` at Jaccard 0.8, containment 0.8 and exact."""
    keys, kinds, claimed = _reported(found, truth)
    similar = np.isin(kinds, ["exact", "near"])
    true_j = truth.keys()[truth.jaccard >= AT]
    true_c = truth.keys()[truth.contain_max >= AT]
    partial = truth.keys()[(truth.contain_max >= AT) & (truth.jaccard < AT)]
    substantial = truth.keys()[(truth.contain_max >= AT) & (truth.smaller >= MIN_SHINGLES)]
    exact = truth.exact_keys()
    labelled = keys[kinds == "exact"]
    return {
        "reported": len(keys),
        "reported_at_j80": int(similar.sum()),
        "recall_j80": _share(true_j, keys[similar]),
        "precision_j80": _share(keys[similar], np.union1d(true_j, exact)),
        "recall_c80": _share(true_c, keys),
        "recall_c80_j_below": _share(partial, keys),
        "recall_c80_30_words": _share(substantial, keys),
        "recall_exact": _share(exact, keys[similar]),
        "precision_exact_kind": _share(labelled, exact) if len(labelled) else None,
        "recall_exact_kind": _share(exact, labelled) if len(labelled) else None,
        "jaccard_mismatches": _mismatches(keys, claimed, truth),
        "examples": _examples(keys, similar, truth),
    }


def _reported(found: Sequence[Found], truth: Truth) -> tuple[Ints, Objects, Floats]:
    """Pair keys, kinds and claimed Jaccard of the reported pairs."""
    index = {doc_id: k for k, doc_id in enumerate(truth.ids)}
    a = np.fromiter((index[f[0]] for f in found), dtype=np.int64, count=len(found))
    b = np.fromiter((index[f[1]] for f in found), dtype=np.int64, count=len(found))
    kinds = np.array([f[2] for f in found], dtype=object)
    claimed = np.fromiter((f[3] for f in found), dtype=np.float64, count=len(found))
    return pair_keys(a, b, len(truth.ids)), kinds, claimed


def _share(these: Ints, within: Ints) -> float | None:
    """The share of ``these`` found in ``within`` (None when there is nothing to share)."""
    if len(these) == 0:
        return None
    return round(float(np.isin(these, within).mean()), 4)


def _mismatches(keys: Ints, claimed: Floats, truth: Truth) -> int:
    """Reported pairs whose Jaccard disagrees with the truth (kept pairs only; exact pairs
    without shingles have no Jaccard to compare)."""
    order = np.argsort(truth.keys())
    sorted_keys = truth.keys()[order]
    at = np.searchsorted(sorted_keys, keys)
    known = (at < len(sorted_keys)) & (sorted_keys[np.minimum(at, len(sorted_keys) - 1)] == keys)
    true_j = truth.jaccard[order][at[known]]
    wrong = int((np.abs(true_j - claimed[known]) > CLOSE).sum())
    # a pair missing from the kept set has true Jaccard < 0.5: claiming >= 0.5 is wrong too
    return wrong + int((claimed[~known] >= 0.5 + CLOSE).sum())


def _examples(keys: Ints, similar: Bools, truth: Truth) -> dict[str, list[dict[str, object]]]:
    """A few missed and wrongly reported pairs, with their true overlap, to look at by hand."""
    all_keys = truth.keys()
    jaccard, contain = truth.jaccard, truth.contain_max
    missed_j = (jaccard >= AT) & ~np.isin(all_keys, keys[similar])
    missed_c = (contain >= AT) & (jaccard < AT) & ~np.isin(all_keys, keys)
    wrong = keys[similar & ~np.isin(keys, np.union1d(all_keys[jaccard >= AT], truth.exact_keys()))]
    return {
        "missed_j80": [_describe(truth, k) for k in np.flatnonzero(missed_j)[:EXAMPLES]],
        "missed_c80": [_describe(truth, k) for k in np.flatnonzero(missed_c)[:EXAMPLES]],
        "false_j80": [_describe_key(truth, int(key)) for key in wrong[:EXAMPLES]],
    }


def _describe(truth: Truth, row: int) -> dict[str, object]:
    a, b = truth.ids[truth.i[row]], truth.ids[truth.j[row]]
    return {
        "a": a,
        "b": b,
        "jaccard": round(float(truth.jaccard[row]), 4),
        "contain_a": round(float(truth.contain_a[row]), 4),
        "contain_b": round(float(truth.contain_b[row]), 4),
        "shingles": [int(truth.sizes[truth.i[row]]), int(truth.sizes[truth.j[row]])],
    }


def _describe_key(truth: Truth, key: int) -> dict[str, object]:
    rows = np.flatnonzero(truth.keys() == key)
    if len(rows):
        return _describe(truth, int(rows[0]))
    n = len(truth.ids)
    return {"a": truth.ids[key // n], "b": truth.ids[key % n], "jaccard": "< 0.5"}

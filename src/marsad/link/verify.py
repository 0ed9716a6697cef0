"""Exact scores of a candidate pair: Jaccard, containment both ways, longest shared passage."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from marsad.link.shingles import Hashes


@dataclass(frozen=True, slots=True)
class Shingled:
    """An article's shingles: in text order (for passages) and as a sorted set (for scores)."""

    seq: Hashes
    set: Hashes

    @classmethod
    def of(cls, seq: Hashes) -> Shingled:
        return cls(seq, np.unique(seq))


@dataclass(frozen=True, slots=True)
class Scores:
    """How much two articles share; ``contain_a`` is the share of a's shingles found in b."""

    jaccard: float
    contain_a: float
    contain_b: float
    longest: int  # words in the longest run of shared shingles (0 when none)
    shared: int = 0  # distinct shingles the two share


def scores(a: Shingled, b: Shingled, n: int, runs: bool = True) -> Scores:
    """Exact scores over full shingle sets (not the winnowed sample).

    ``runs=False`` skips the longest-passage measure (reported as 0) when the shares alone
    already decide the pair.
    """
    if len(a.set) == 0 or len(b.set) == 0:
        return Scores(0.0, 0.0, 0.0, 0)
    small, large = (a.set, b.set) if len(a.set) <= len(b.set) else (b.set, a.set)
    inter = int(np.count_nonzero(_member(small, large)))
    union = len(a.set) + len(b.set) - inter
    longest = 0
    if runs and inter:
        shorter, other = (a, b) if len(a.seq) <= len(b.seq) else (b, a)
        longest = longest_run(_member(shorter.seq, other.set), n)
    return Scores(inter / union, inter / len(a.set), inter / len(b.set), longest, inter)


def _member(values: Hashes, sorted_set: Hashes) -> npt.NDArray[np.bool_]:
    """For each value, whether it is in ``sorted_set`` (binary search; no re-sorting)."""
    idx = np.searchsorted(sorted_set, values)
    idx[idx == len(sorted_set)] = 0
    found: npt.NDArray[np.bool_] = sorted_set[idx] == values
    return found


def longest_run(shared: npt.NDArray[np.bool_], n: int) -> int:
    """Words covered by the longest run of consecutive shared shingles."""
    if not shared.any():
        return 0
    padded = np.concatenate(([0], shared.view(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    runs = edges[1::2] - edges[::2]
    return int(runs.max()) + n - 1

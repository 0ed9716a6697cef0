"""Ground truth for the reuse benchmark: exact shingle overlap of every pair, by brute force.

No sampling and no sketch: articles become rows of a binary sparse matrix over 5-word shingle
ids, and the matrix times its transpose gives, for every pair sharing at least one shingle, how
many shingles it shares. That is all Jaccard and both containments need. The product is taken
a block of rows at a time so memory stays bounded, and only pairs that could be positives at
the reported thresholds (Jaccard >= 0.5 or a containment >= 0.5) are kept.

Shingles that occur in one article only cannot be shared, so their columns are dropped before
the product; the set sizes used for the scores still count them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from reuse_data import SHINGLE_N, Hashes, corpus_digest
from scipy import sparse

from marsad.link.shingles import shingle_set

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

KEEP_AT = 0.5  # pairs below this Jaccard and containment cannot be positives at 0.8
BLOCK_ROWS = 1000


@dataclass(frozen=True)
class Truth:
    """Exact overlap of the kept pairs (row indexes into the sorted ids, ``i < j``)."""

    digest: str
    ids: list[str]
    sizes: Ints  # distinct shingles per article
    i: Ints
    j: Ints
    inter: Ints  # shingles the pair shares
    exact: Ints  # (k, 2) pairs with identical non-empty normalized bodies
    sharing: int  # pairs sharing at least one shingle, kept or not
    seconds: float

    @property
    def jaccard(self) -> Floats:
        union = self.sizes[self.i] + self.sizes[self.j] - self.inter
        return _ratio(self.inter, union)

    @property
    def contain_a(self) -> Floats:
        return _ratio(self.inter, self.sizes[self.i])

    @property
    def contain_b(self) -> Floats:
        return _ratio(self.inter, self.sizes[self.j])

    @property
    def contain_max(self) -> Floats:
        return np.maximum(self.contain_a, self.contain_b)

    @property
    def smaller(self) -> Ints:
        """Shingles of the smaller article of each pair: what a containment is a share of."""
        return np.minimum(self.sizes[self.i], self.sizes[self.j])

    def keys(self) -> Ints:
        """One int64 per kept pair, ``i * n + j``, for set operations with reported pairs."""
        return pair_keys(self.i, self.j, len(self.ids))

    def exact_keys(self) -> Ints:
        return pair_keys(self.exact[:, 0], self.exact[:, 1], len(self.ids))


def _ratio(part: Ints, whole: Ints) -> Floats:
    """``part / whole`` elementwise, 0 where ``whole`` is 0 (an article without shingles)."""
    return np.divide(part, whole, out=np.zeros(len(part)), where=whole > 0)


def pair_keys(i: Ints, j: Ints, n: int) -> Ints:
    """``min * n + max`` for each pair: order-free integer keys."""
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    return (lo.astype(np.int64) * n + hi).astype(np.int64)


def compute_truth(docs: Mapping[str, str], digest: str | None = None) -> Truth:
    """Brute-force overlap of all pairs of ``docs`` (id → normalized text)."""
    start = time.perf_counter()
    ids = sorted(docs)
    sets = [shingle_set(docs[doc_id], SHINGLE_N) for doc_id in ids]
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    matrix = shared_shingle_matrix(sets)
    i, j, inter, sharing = overlapping_pairs(matrix, sizes)
    return Truth(
        digest=digest or corpus_digest(docs),
        ids=ids,
        sizes=sizes,
        i=i,
        j=j,
        inter=inter,
        exact=identical_pairs([docs[doc_id] for doc_id in ids]),
        sharing=sharing,
        seconds=round(time.perf_counter() - start, 2),
    )


def shared_shingle_matrix(sets: Sequence[Hashes]) -> sparse.csr_matrix:
    """Binary articles × shingles matrix over the shingles found in two or more articles."""
    counts = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    flat = np.concatenate(sets) if len(sets) else np.empty(0, dtype=np.uint64)
    rows = np.repeat(np.arange(len(sets), dtype=np.int64), counts)
    _, column, df = np.unique(flat, return_inverse=True, return_counts=True)
    shared = df[column] >= 2
    _, column = np.unique(column[shared], return_inverse=True)
    rows = rows[shared]
    ones = np.ones(len(rows), dtype=np.int32)
    width = int(column.max()) + 1 if len(column) else 0
    return sparse.csr_matrix((ones, (rows, column)), shape=(len(sets), width))


def overlapping_pairs(matrix: sparse.csr_matrix, sizes: Ints) -> tuple[Ints, Ints, Ints, int]:
    """Kept pairs ``i < j`` with their shared-shingle counts, and how many pairs share any."""
    transposed = matrix.T.tocsr()
    parts: list[tuple[Ints, Ints, Ints]] = []
    sharing = 0
    for start in range(0, matrix.shape[0], BLOCK_ROWS):
        block = (matrix[start : start + BLOCK_ROWS] @ transposed).tocoo()
        i = block.row.astype(np.int64) + start
        j = block.col.astype(np.int64)
        inter = block.data.astype(np.int64)
        upper = j > i
        i, j, inter = i[upper], j[upper], inter[upper]
        sharing += len(i)
        union = sizes[i] + sizes[j] - inter
        contain = inter / np.minimum(sizes[i], sizes[j])
        keep = (inter >= KEEP_AT * union) | (contain >= KEEP_AT)
        parts.append((i[keep], j[keep], inter[keep]))
    if not parts:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty, 0
    i, j, inter = (np.concatenate(column) for column in zip(*parts, strict=True))
    return i, j, inter, sharing


def identical_pairs(texts: Sequence[str]) -> Ints:
    """Every pair of articles whose normalized bodies are identical and not blank."""
    groups: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        if text.strip():
            groups.setdefault(text, []).append(index)
    pairs = [(a, b) for g in groups.values() for k, a in enumerate(g) for b in g[k + 1 :]]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


# -- cache ---------------------------------------------------------------------------------


def load_or_compute(docs: Mapping[str, str], cache_dir: Path) -> tuple[Truth, bool]:
    """The truth for ``docs``, from the cache when its digest matches; True when cached."""
    digest = corpus_digest(docs)
    path = cache_dir / f"reuse-truth-{digest[:16]}.json"
    if path.exists():
        truth = _from_json(json.loads(path.read_text()))
        if truth.digest == digest:
            return truth, True
    truth = compute_truth(docs, digest)
    cache_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_to_json(truth)))
    return truth, False


def _to_json(truth: Truth) -> dict[str, object]:
    return {
        "digest": truth.digest,
        "ids": truth.ids,
        "sizes": truth.sizes.tolist(),
        "i": truth.i.tolist(),
        "j": truth.j.tolist(),
        "inter": truth.inter.tolist(),
        "exact": truth.exact.tolist(),
        "sharing": truth.sharing,
        "seconds": truth.seconds,
    }


def _from_json(raw: dict[str, Any]) -> Truth:
    def ints(name: str) -> Ints:
        return np.asarray(raw[name], dtype=np.int64)

    return Truth(
        digest=str(raw["digest"]),
        ids=[str(x) for x in raw["ids"]],
        sizes=ints("sizes"),
        i=ints("i"),
        j=ints("j"),
        inter=ints("inter"),
        exact=ints("exact").reshape(-1, 2),
        sharing=int(raw["sharing"]),
        seconds=float(raw["seconds"]),
    )

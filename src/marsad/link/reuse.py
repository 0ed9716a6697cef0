"""Reuse detection: exact copies, near-duplicates and partial copies among articles.

Pipeline: normalized text → word shingles → winnowed fingerprints → candidate pairs from an
inverted index → exact verification on full shingle sets → a kind for each pair that clears
a threshold. MinHash-LSH estimates Jaccard, so it cannot see one article contained in a
longer one; fingerprints shared by position can, which is what passim and MOSS rely on.

>>> pairs = find_reuse({"x": "ا ب ت ث ج ح خ د ذ ر", "y": "ا ب ت ث ج ح خ د ذ ر"})
>>> [(p.a, p.b, p.kind) for p in pairs]
[('x', 'y', 'exact')]
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from marsad.link.candidates import candidate_pairs
from marsad.link.shingles import Hashes, ShingleParams, shingle_batch, winnow
from marsad.link.verify import Scores, Shingled, scores

Kind = Literal["exact", "near", "partial"]


@dataclass(frozen=True, slots=True)
class ReuseParams:
    """Thresholds of reuse detection.

    ``near``: Jaccard at or above which two articles are near-duplicates. ``partial``:
    containment (either way) at or above which one article reuses the other. ``min_passage``:
    a shared run of at least this many words is reuse whatever the shares.
    """

    shingles: ShingleParams = field(default_factory=ShingleParams)
    near: float = 0.8
    partial: float = 0.5
    min_passage: int = 30
    min_shared: int = 3
    max_df: int = 300

    def __post_init__(self) -> None:
        for name in ("near", "partial"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0.0, 1.0], got {value}")
        if self.min_passage < self.shingles.guarantee:
            raise ValueError(
                f"min_passage ({self.min_passage}) must be at least w + n - 1 "
                f"({self.shingles.guarantee}), the passage length winnowing always finds"
            )
        if self.min_shared < 1 or self.max_df < 2:
            raise ValueError("min_shared must be >= 1 and max_df >= 2")


@dataclass(frozen=True, slots=True)
class ReusePair:
    """Article ``a`` and article ``b`` (``a < b``) share text: how, and how much."""

    a: str
    b: str
    kind: Kind
    jaccard: float
    contain_a: float
    contain_b: float
    longest: int


def kind_of(s: Scores, identical: bool, params: ReuseParams) -> Kind | None:
    """The kind of reuse scores show, or None when the pair is not reuse."""
    if identical:
        return "exact"
    if s.jaccard >= params.near:
        return "near"
    if max(s.contain_a, s.contain_b) >= params.partial or s.longest >= params.min_passage:
        return "partial"
    return None


def shingle(norm_texts: list[str], params: ShingleParams) -> list[tuple[Shingled, Hashes]]:
    """Each article's shingles and its winnowed fingerprints."""
    return [
        (Shingled.of(seq), winnow(seq, params.w)[0]) for seq in shingle_batch(norm_texts, params.n)
    ]


# -- batch ---------------------------------------------------------------------------------

_STATE: dict[str, object] = {}  # what forked workers read: set before the pool starts


def find_reuse(
    docs: Mapping[str, str], params: ReuseParams | None = None, workers: int = 1
) -> list[ReusePair]:
    """Every pair of reusing articles among ``docs`` (id → normalized body), sorted by ids."""
    params = params or ReuseParams()
    ids = sorted(docs)
    texts = [docs[i] for i in ids]
    shingled = shingle(texts, params.shingles)  # vectorized: cheaper than shipping arrays
    arts = [s for s, _ in shingled]
    fps = [f for _, f in shingled]
    pairs, _ = candidate_pairs(fps, params.min_shared, params.max_df)
    exact = _identical_pairs(texts)
    if len(exact):
        pairs = np.unique(np.concatenate([pairs, exact]), axis=0)
    identical = {(int(a), int(b)) for a, b in exact}
    _STATE.update(arts=arts)
    try:
        verified = _verify_all(pairs.tolist(), workers, params)
    finally:
        _STATE.clear()
    out: list[ReusePair] = []
    for chunk in verified:
        for (i, j), s in chunk:
            kind = kind_of(s, (i, j) in identical, params)
            if kind is not None:
                out.append(ReusePair(ids[i], ids[j], kind, *_rounded(s)))
    return out


def _rounded(s: Scores) -> tuple[float, float, float, int]:
    return round(s.jaccard, 4), round(s.contain_a, 4), round(s.contain_b, 4), s.longest


def _identical_pairs(texts: Sequence[str]) -> npt.NDArray[np.int64]:
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text.strip():
            groups.setdefault(text, []).append(i)
    pairs = [(a, b) for g in groups.values() for k, a in enumerate(g) for b in g[k + 1 :]]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _verify_chunk(
    pairs: list[list[int]], params: ReuseParams
) -> list[tuple[tuple[int, int], Scores]]:
    arts: list[Shingled] = _STATE["arts"]  # type: ignore[assignment]
    n = params.shingles.n
    return [((i, j), scores(arts[i], arts[j], n)) for i, j in pairs]


def _verify_all(
    pairs: list[list[int]], workers: int, params: ReuseParams
) -> list[list[tuple[tuple[int, int], Scores]]]:
    """Scores of every pair; with ``workers > 1`` forked processes share the shingles."""
    if workers <= 1 or len(pairs) < 1000:
        return [_verify_chunk(pairs, params)]
    size = -(-len(pairs) // (workers * 4))
    chunks = [pairs[k : k + size] for k in range(0, len(pairs), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.starmap(_verify_chunk, [(c, params) for c in chunks])

"""Reuse detection: exact copies, near-duplicates and partial copies among articles.

Batch (``find_reuse``): normalized text → word shingles → an inverted index over all of them
→ the exact overlap of every pair sharing a shingle that is not a set phrase → Jaccard and
containment both ways → the longest shared passage where the shares do not decide. MinHash-LSH
estimates Jaccard, so it cannot see one article contained in a longer one; exact overlaps can.

Incremental (the store's index): each article keeps its winnowed fingerprints (MOSS's
winnowing: any shared passage of ``w + n - 1`` words leaves a shared fingerprint), so a new
article finds its candidates among everything indexed with one lookup, then is verified
exactly against each.

>>> pairs = find_reuse({"x": "ا ب ت ث ج ح خ د ذ ر", "y": "ا ب ت ث ج ح خ د ذ ر"})
>>> [(p.a, p.b, p.kind) for p in pairs]
[('x', 'y', 'exact')]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from marsad.link.overlap import overlaps
from marsad.link.pages import small_pages
from marsad.link.rewrites import Rewrite, RewriteParams, Samples, find_rewrites
from marsad.link.runs import longest_runs
from marsad.link.shingles import CHUNK_TEXTS, Hashes, ShingleParams, winnow
from marsad.link.table import ShingleTable
from marsad.link.verify import Scores, Shingled

Kind = Literal["exact", "near", "partial"]


@dataclass(frozen=True, slots=True)
class ReuseParams:
    """Thresholds of reuse detection.

    ``near``: Jaccard at or above which two articles are near-duplicates. ``partial``:
    containment (either way) at or above which one article reuses the other. ``min_passage``:
    a shared run of at least this many words is reuse whatever the shares. ``rewrites``: the
    thresholds of the light-rewrite stage (``link/rewrites.py``); None turns it off.
    """

    shingles: ShingleParams = field(default_factory=ShingleParams)
    near: float = 0.8
    partial: float = 0.5
    min_passage: int = 30
    min_shared: int = 3
    max_df: int = 300
    rewrites: RewriteParams | None = field(default_factory=RewriteParams)

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
    longest: int | None  # words in the longest shared passage; None when not measured
    rewrite: bool = False  # found by the rewrite stage: the shares are of light-stem word pairs


def rewrite_pair(a: str, b: str, r: Rewrite, params: ReuseParams) -> ReusePair:
    """The reuse pair of a verified rewrite, its kind decided by the rule ``kind_of`` applies
    to shingles, applied to its light-stem word pairs (``near`` at Jaccard >= ``near``, else
    ``partial``), so that its shares always agree with its kind."""
    kind: Kind = "near" if r.jaccard >= params.near else "partial"
    shares = round(r.jaccard, 4), round(r.contain_a, 4), round(r.contain_b, 4)
    return ReusePair(a, b, kind, *shares, None, rewrite=True)


def kind_of(s: Scores, identical: bool, params: ReuseParams) -> Kind | None:
    """The kind of reuse scores show, or None when the pair is not reuse."""
    if identical:
        return "exact"
    if s.jaccard >= params.near:
        return "near"
    if max(s.contain_a, s.contain_b) >= params.partial and s.shared >= params.min_shared:
        return "partial"
    if s.longest >= params.min_passage:
        return "partial"
    return None


def judge(a: str, b: str, s: Scores, identical: bool, params: ReuseParams) -> ReusePair | None:
    """The reuse pair exact scores of ``a`` and ``b`` make, or None when they are not reuse."""
    kind = kind_of(s, identical, params)
    if kind is None:
        return None
    return ReusePair(a, b, kind, *_rounded(s))


def _rounded(s: Scores) -> tuple[float, float, float, int]:
    return round(s.jaccard, 4), round(s.contain_a, 4), round(s.contain_b, 4), s.longest


# -- batch ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tabled:
    """A batch's articles (``ids`` sorted, ``texts`` in their order), their shingle table and
    the light-rewrite samples of their words: what ``find_reuse`` computes first, which the
    incremental path also reads (one pass over the words for both)."""

    ids: list[str]
    texts: list[str]
    table: ShingleTable
    samples: list[Samples]

    def shingled(self, params: ShingleParams) -> dict[str, tuple[Shingled, Hashes]]:
        """Each article's shingles (in text order and as a set) and its winnowed
        fingerprints, by id, read off the table."""
        found = {}
        for k, article_id in enumerate(self.ids):
            seq = self.table.sequence(k)
            found[article_id] = (Shingled.of(seq), winnow(seq, params.w)[0])
        return found

    def verify_samples(self) -> dict[str, Hashes]:
        """Each article's light-rewrite verification sample, by id (none when the rewrite
        stage is off): what ``rewrites.pair_samples`` gives for its text."""
        values = (
            part.verify[lo:hi]
            for part in self.samples
            for lo, hi in itertools.pairwise(part.starts.tolist())
        )
        return dict(zip(self.ids, values, strict=True)) if self.samples else {}


@small_pages()
def tabulate(docs: Mapping[str, str], params: ReuseParams, workers: int = 1) -> Tabled:
    """The shingle table (and rewrite samples) of ``docs`` (id → normalized body)."""
    n = params.shingles.n
    ids = sorted(docs)
    texts = [docs[i] for i in ids]
    rewrites = params.rewrites
    if rewrites is None:
        return Tabled(ids, texts, ShingleTable.build(texts, n, workers), [])
    table, samples = ShingleTable.build_with(
        texts,
        n,
        lambda first, tokens: Samples.of(
            first, tokens, min(CHUNK_TEXTS, len(texts) - first), rewrites
        ),
        workers,
    )
    return Tabled(ids, texts, table, samples)


@small_pages()
def find_reuse(
    docs: Mapping[str, str],
    params: ReuseParams | None = None,
    workers: int = 1,
    tabled: Tabled | None = None,
) -> list[ReusePair]:
    """Every pair of reusing articles among ``docs`` (id → normalized body), sorted by ids
    (``tabled``: their ``tabulate``, when already computed).

    Overlaps are exact for every pair sharing a shingle that is not a set phrase; the longest
    shared passage is measured for the pairs the shares do not decide (``longest`` is None
    for the others: their shares already make them reuse). ``workers`` threads share the
    numpy work.
    """
    params = params or ReuseParams()
    n = params.shingles.n
    rewrites = params.rewrites
    tabled = tabled or tabulate(docs, params, workers)
    ids, texts, table, samples = tabled.ids, tabled.texts, tabled.table, tabled.samples
    ov = overlaps(table, params.max_df, workers)
    jaccard = ov.jaccard()
    contain_a, contain_b = ov.containment()
    near = jaccard >= params.near
    contained = (np.maximum(contain_a, contain_b) >= params.partial) & (
        ov.shared >= params.min_shared
    )
    undecided = np.flatnonzero(~near & ~contained & (ov.shared >= params.min_passage - n + 1))
    longest = longest_runs(table, ov, undecided, n, workers)
    passage = np.zeros(len(ov.a), dtype=np.bool_)
    passage[undecided] = longest >= params.min_passage
    runs = dict(zip(undecided.tolist(), longest.tolist(), strict=True))
    identical = _identical_pairs(texts)
    found: dict[tuple[int, int], ReusePair] = {}
    for k in np.flatnonzero(near | contained | passage).tolist():
        i, j = int(ov.a[k]), int(ov.b[k])
        kind: Kind = "near" if near[k] else "partial"
        found[i, j] = ReusePair(
            ids[i],
            ids[j],
            kind,
            round(float(jaccard[k]), 4),
            round(float(contain_a[k]), 4),
            round(float(contain_b[k]), 4),
            runs.get(k),
        )
    for i, j in identical:
        old = found.get((i, j))
        found[i, j] = ReusePair(
            ids[i], ids[j], "exact", 1.0, 1.0, 1.0, old.longest if old else None
        )
    if rewrites is not None:
        known = np.array(sorted(i * len(ids) + j for i, j in found), dtype=np.int64)
        for r in find_rewrites(samples, known, rewrites, workers):
            found[r.a, r.b] = rewrite_pair(ids[r.a], ids[r.b], r, params)
    return [found[key] for key in sorted(found)]


def _identical_pairs(texts: Sequence[str]) -> list[tuple[int, int]]:
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if text.strip():
            groups.setdefault(text, []).append(i)
    return [(a, b) for g in groups.values() for k, a in enumerate(g) for b in g[k + 1 :]]

"""Issuers' templates: a passage one outlet prints in many of its articles is not a copy.

An execution announcement, «يتلقى اتصالاً هاتفياً من», a ministry's contact paragraph: an
outlet (or the issuer it prints) repeats such a passage word for word in report after report
on different happenings. Two reports that share only that passage are not copies of one text,
within the outlet or across outlets. A passage is an outlet's *template* when its winnowed
fingerprints are found in at least ``min_articles`` distinct texts (distinct titles) of that
outlet. A partial link becomes kind ``template`` when, with the template passages of its two
articles' outlets taken out of both, what the two still share makes no reuse: neither does
one hold ``ReuseParams.partial`` of the other's own (non-template) text, nor do they share a
passage of ``min_passage`` words. Exact and near copies stay copies, and so does a link
between two outlets whose word pairs still make a light rewrite outside the template passages
(``rewrite_outside``: another outlet's reworded copy of a report that keeps the issuer's
paragraph); within one outlet a reworded template (an execution announcement with other
names) stays the outlet's template.

The judgement reads only the two articles' shingles, the stored fingerprint counts and (for
a link between two outlets that shingles alone make template) their texts, so the batch path
and the incremental (stored) path of ``engine.linking`` reach the same kinds: the engine
judges, after every update, the new links and the stored links that share a fingerprint that
has just become a template (``engine/templates.py``).

>>> import numpy as np
>>> seq = np.arange(1, 41, dtype=np.uint64)  # 40 shingles shared in full
>>> is_template(seq, seq, np.empty(0, dtype=np.uint64))
False
>>> is_template(seq, seq, seq)  # all of it an outlet's template
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from marsad.link.reuse import ReuseParams
from marsad.link.rewrites import compare, is_rewrite, pairs_outside
from marsad.link.shingles import Hashes, winnow

Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class TemplateParams:
    """A passage is an outlet's template when found in ``min_articles`` of its texts; what is
    left shared is judged by ``reuse``'s thresholds."""

    min_articles: int = 5
    reuse: ReuseParams = field(default_factory=ReuseParams)

    def __post_init__(self) -> None:
        if self.min_articles < 2:
            raise ValueError(f"min_articles must be >= 2, got {self.min_articles}")


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article's shingles in text order, as a set, and winnowed (fingerprints and their
    positions): what judging its links needs, computed once per article."""

    seq: Hashes
    unique: Hashes
    fps: Hashes
    positions: npt.NDArray[np.int64]

    @classmethod
    def of(cls, seq: Hashes, w: int) -> Prepared:
        fps, positions = winnow(seq, w)
        return cls(seq, np.unique(seq), fps, positions)


def is_template(
    seq_a: Hashes, seq_b: Hashes, templates: Hashes, params: TemplateParams | None = None
) -> bool:
    """Whether what ``a`` and ``b`` share (shingles in text order) is template text: some of
    it is in ``templates`` (the template fingerprints of their outlets) and the rest makes no
    reuse."""
    params = params or TemplateParams()
    w = params.reuse.shingles.w
    return is_template_prepared(
        Prepared.of(seq_a, w), Prepared.of(seq_b, w), np.unique(templates), params
    )


def is_template_prepared(
    a: Prepared, b: Prepared, templates: Hashes, params: TemplateParams
) -> bool:
    """``is_template`` of two prepared articles (``templates`` sorted, each once)."""
    reuse = params.reuse
    n, w = reuse.shingles.n, reuse.shingles.w
    set_a, set_b = a.unique, b.unique
    if not len(set_a) or not len(set_b) or not len(templates):
        return False
    template_values = np.union1d(
        a.seq[_template_mask(a, set_b, templates, w)],
        b.seq[_template_mask(b, set_a, templates, w)],
    )
    if not len(template_values):
        return False
    left = np.setdiff1d(np.intersect1d(set_a, set_b, assume_unique=True), template_values)
    own = min(len(np.setdiff1d(x, template_values, assume_unique=True)) for x in (set_a, set_b))
    contain = len(left) / max(own, 1)  # of what is not template, how much is shared
    if contain >= reuse.partial and len(left) >= reuse.min_shared:
        return False
    shorter = a.seq if len(a.seq) <= len(b.seq) else b.seq
    return _longest(_member(shorter, left), n) < reuse.min_passage


def rewrite_outside(
    stems_a: Hashes,
    stems_b: Hashes,
    a: Prepared,
    b: Prepared,
    templates: Hashes,
    params: TemplateParams,
) -> bool:
    """Whether two texts (their ``rewrites.text_stems``) still make a light rewrite
    (``link/rewrites.py``'s rule on their word pairs) with the template passages they share
    taken out of both. A rewrite of a report that keeps the template paragraph of its issuer
    shares few shingles outside it (the changed words break them), yet it is a copy of the
    report, not template text."""
    rewrites = params.reuse.rewrites
    if rewrites is None:
        return False
    n, w = params.reuse.shingles.n, params.reuse.shingles.w
    left = [
        pairs_outside(
            stems, _words(_template_mask(x, y.unique, templates, w), n), rewrites.verify_bits
        )
        for stems, x, y in ((stems_a, a, b), (stems_b, b, a))
    ]
    _, contain_a, contain_b, shared = compare(*left)
    return is_rewrite(contain_a, contain_b, shared, rewrites)


def _words(shingles: Mask, n: int) -> Mask:
    """The words marked shingles cover (shingle ``k`` is words ``k…k + n - 1``)."""
    marks = np.flatnonzero(shingles)
    depth = np.zeros(len(shingles) + n, dtype=np.int64)
    np.add.at(depth, marks, 1)
    np.add.at(depth, marks + n, -1)
    covered: Mask = np.cumsum(depth[:-1]) > 0
    return covered


def _template_mask(article: Prepared, other: Hashes, templates: Hashes, w: int) -> Mask:
    """The shingles of ``article`` shared with ``other`` that stand in a template passage: the
    runs of shared shingles holding a template fingerprint, within ``w - 1`` shingles of one
    (winnowing picks one in every ``w`` shingles, so a template passage's fingerprints are at
    most ``w`` apart and its ends at most ``w - 1`` beyond them)."""
    seq, fps, positions = article.seq, article.fps, article.positions
    hit = _member(fps, templates)
    if not hit.any():
        return np.zeros(len(seq), dtype=np.bool_)
    shared = _member(seq, other)
    marks = positions[hit & shared[positions]]
    if not len(marks):
        return np.zeros(len(seq), dtype=np.bool_)
    depth = np.zeros(len(seq) + 1, dtype=np.int64)
    np.add.at(depth, np.maximum(marks - w + 1, 0), 1)
    np.add.at(depth, np.minimum(marks + w, len(seq)), -1)
    near: Mask = np.cumsum(depth[:-1]) > 0
    runs = np.cumsum(np.concatenate(([True], shared[1:] != shared[:-1])))  # run number
    return near & shared & _member(runs, np.unique(runs[marks]))


def _member(values: npt.NDArray[Any], table: npt.NDArray[Any]) -> Mask:
    """``np.isin(values, table)`` for a ``table`` sorted with each value once (an article's
    unique shingles, the templates): a binary search each, not a sort of both."""
    if not len(table):
        return np.zeros(len(values), dtype=np.bool_)
    at = np.searchsorted(table, values)
    at[at == len(table)] = 0
    found: Mask = table[at] == values
    return found


def _longest(shared: Mask, n: int) -> int:
    """Words in the longest run of shared shingles (0 when none)."""
    if not shared.any():
        return 0
    padded = np.concatenate(([0], shared.view(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return int((edges[1::2] - edges[::2]).max()) + n - 1

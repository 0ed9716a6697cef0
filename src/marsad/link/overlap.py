"""Exact shingle overlap of every pair of articles that share a shingle, counted with sorts.

Every posting list of 2..``max_df`` articles (one per shingle, from the table's inverted
index) contributes its pairs of articles; pair keys are counted with one more sort. Nothing
loops in Python per article or per pair, so the exact intersection, Jaccard and containment
of all co-occurring pairs cost about as much as a MinHash sketch of each article. Work is
split by hash range, then by article range, so that no array holds the whole corpus.

Shingles carried by more than ``max_df`` articles (set phrases, royal titles, prayers)
produce no pairs of their own, but they still count in the overlap of pairs found through
rarer shingles, so shares stay exact.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from marsad.link.parallel import thread_map
from marsad.link.shingles import Hashes
from marsad.link.table import DOC_BITS, DOC_MASK, HASH_BITS, HASH_MASK, Ints, ShingleTable

_DOC_RANGES = 16
_Keys = TypeVar("_Keys", Ints, Hashes)


@dataclass(frozen=True, slots=True)
class Overlaps:
    """Pairs ``a[k] < b[k]`` of article indexes and the distinct shingles they share.

    ``sizes[i]`` is the number of distinct shingles of article ``i``. The shingles found in
    2..``max_df`` articles, the ones that make pairs, are article ``i``'s
    ``link_hash[link_starts[i]:link_starts[i + 1]]`` (40-bit, sorted).
    """

    a: Ints
    b: Ints
    shared: Ints
    sizes: Ints
    link_hash: Hashes
    link_starts: Ints

    def jaccard(self) -> npt.NDArray[np.float64]:
        union = self.sizes[self.a] + self.sizes[self.b] - self.shared
        share: npt.NDArray[np.float64] = self.shared / np.maximum(union, 1)
        return share

    def containment(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """The share of ``a``'s shingles found in ``b``, and of ``b``'s found in ``a``."""
        return (
            self.shared / np.maximum(self.sizes[self.a], 1),
            self.shared / np.maximum(self.sizes[self.b], 1),
        )


def overlaps(
    table: ShingleTable, max_df: int = 300, workers: int = 1, count_common: bool = True
) -> Overlaps:
    """Overlap of every pair of articles sharing a shingle carried by at most ``max_df`` of them.

    ``count_common=False`` leaves the shingles found in more than ``max_df`` articles out of
    ``shared`` (cheaper when many are: a count of rare shingles is all candidates need).

    >>> seqs = [np.array(h, np.uint64) << np.uint64(30) for h in ([1, 2, 3], [3, 2, 4], [9])]
    >>> o = overlaps(ShingleTable.of(seqs))
    >>> o.a.tolist(), o.b.tolist(), o.shared.tolist(), o.sizes.tolist()
    ([0], [1], [2], [3, 3, 1])
    """
    n_docs = table.n_docs
    step = max(-(-n_docs // _DOC_RANGES), 1)
    ranges = thread_map(lambda p: _hash_range(p, max_df, n_docs, step), table.postings, workers)
    counted = thread_map(
        lambda r: _count([x.pairs[r] for x in ranges if len(x.pairs[r])], n_docs),
        range(_DOC_RANGES),
        workers,
    )
    a, b, shared = (np.concatenate([c[k] for c in counted]) for k in range(3))
    common = [docs for x in ranges for docs in x.common]
    if count_common and common and len(a):
        shared += _common_shared(common, a, b, n_docs)
    link_parts = [[x.links[r] for x in ranges if len(x.links[r])] for r in range(_DOC_RANGES)]
    empty = np.empty(0, dtype=np.uint64)
    links = np.concatenate([np.sort(np.concatenate(p)) if p else empty for p in link_parts])
    link_hash = links & HASH_MASK
    owner = (links >> np.uint64(HASH_BITS)).view(np.int64)
    link_starts = np.searchsorted(owner, np.arange(n_docs + 1)).astype(np.int64)
    return Overlaps(a, b, shared, table.sizes, link_hash, link_starts)


@dataclass(frozen=True, slots=True)
class _Range:
    """What one hash range of the inverted index gives, split by range of articles."""

    pairs: list[Ints]  # sorted pair keys first * n_docs + second
    links: list[Hashes]  # sorted keys article << 40 | hash of the linking shingles
    common: list[Ints]  # the articles of each shingle found in more than max_df


def _hash_range(postings: Hashes, max_df: int, n_docs: int, step: int) -> _Range:
    post_hash = postings >> np.uint64(DOC_BITS)
    post_doc = (postings & DOC_MASK).view(np.int64)
    starts = np.flatnonzero(np.r_[True, post_hash[1:] != post_hash[:-1]])
    counts = np.diff(np.r_[starts, len(post_hash)])
    keys = np.sort(_pair_keys(post_doc, starts, counts, max_df, n_docs))
    keep = np.repeat((counts >= 2) & (counts <= max_df), counts)
    links = post_doc[keep].view(np.uint64) * np.uint64(1 << HASH_BITS)
    links |= post_hash[keep]
    links.sort()
    doc_bounds = np.arange(1, _DOC_RANGES, dtype=np.uint64) * np.uint64(step << HASH_BITS)
    common = [post_doc[starts[g] : starts[g] + counts[g]] for g in np.flatnonzero(counts > max_df)]
    return _Range(
        _split(keys, np.arange(1, _DOC_RANGES) * step * n_docs),
        _split(links, doc_bounds),
        common,
    )


def _split(sorted_keys: _Keys, bounds: _Keys) -> list[_Keys]:
    """``sorted_keys`` cut at ``bounds``: one piece per range."""
    cuts = [0, *np.searchsorted(sorted_keys, bounds).tolist(), len(sorted_keys)]
    return [sorted_keys[lo:hi] for lo, hi in itertools.pairwise(cuts)]


def _pair_keys(post_doc: Ints, starts: Ints, counts: Ints, max_df: int, n_docs: int) -> Ints:
    """``first * n_docs + second`` for every pair within posting lists of 2..max_df articles."""
    keep = (counts >= 2) & (counts <= max_df)
    starts, counts = starts[keep], counts[keep]
    ends = np.repeat(starts + counts, counts)
    idx = np.repeat(starts, counts) + _ranks(counts)
    keys: list[Ints] = []
    offset = 1
    while len(idx):
        nxt = idx + offset
        inside = nxt < ends
        idx, ends, nxt = idx[inside], ends[inside], nxt[inside]
        if len(idx):  # article lists are sorted, so first < second
            keys.append(post_doc[idx] * n_docs + post_doc[nxt])
        offset += 1
    return np.concatenate(keys) if keys else np.empty(0, dtype=np.int64)


def _count(part: list[Ints], n_docs: int) -> tuple[Ints, Ints, Ints]:
    """Distinct pairs of one range of articles and how many posting lists hold each."""
    if not part:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    keys = np.concatenate(part)
    keys.sort()
    heads = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    unique = keys[heads]
    return unique // n_docs, unique % n_docs, np.diff(np.r_[heads, len(keys)])


def _ranks(counts: Ints) -> Ints:
    """0, 1, …, c - 1 for each count c, concatenated."""
    total = int(counts.sum())
    starts = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) - np.repeat(starts, counts)


def _common_shared(common: list[Ints], a: Ints, b: Ints, n_docs: int) -> Ints:
    """How many of the common shingles each pair shares, from one bit per shingle per article."""
    words = -(-len(common) // 64)
    bits = np.zeros((n_docs, words), dtype=np.uint64)
    for k, docs in enumerate(common):
        bits[docs, k // 64] |= np.uint64(1 << (k % 64))
    has: npt.NDArray[np.bool_] = np.any(bits != 0, axis=1)
    out = np.zeros(len(a), dtype=np.int64)
    both = np.flatnonzero(has[a] & has[b])
    if len(both):
        out[both] = np.bitwise_count(bits[a[both]] & bits[b[both]]).sum(axis=1)
    return out

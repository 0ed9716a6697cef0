"""The longest passage two articles share, for many pairs at once.

For each pair, the shingles of the shorter article (in text order) are matched against the
other article's shingle set by sorting packed keys, then consecutive matched positions form
runs. Only shingles that link articles (found in 2..``max_df`` of them) can match: a shingle
found in one article cannot be shared, and a set phrase found in hundreds (a royal title, a
prayer, a sign-off) is not evidence of copying, so it breaks a run instead of extending it.
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

from marsad.link.overlap import Overlaps
from marsad.link.parallel import thread_map
from marsad.link.shingles import Hashes
from marsad.link.table import HASH_BITS, Ints, ShingleTable

_MATCH_BITS = 34  # hash bits compared within one pair: a false match is ~1 in 10**10
_FILTER_BITS = 24  # one byte per bucket: a 16 MB prefilter of the linking shingles
_FILTER_MASK = np.uint64((1 << _FILTER_BITS) - 1)
_CHUNK_ENTRIES = 1 << 20


def longest_runs(
    table: ShingleTable, overlaps: Overlaps, pairs: Ints, n: int, workers: int = 1
) -> Ints:
    """Words in the longest shared passage of each pair ``overlaps.a/b[pairs]`` (0: none)."""
    out = np.zeros(len(pairs), dtype=np.int64)
    if not len(pairs) or not len(overlaps.link_hash):
        return out
    a, b = overlaps.a[pairs], overlaps.b[pairs]
    lengths = table.lengths
    swap = lengths[a] > lengths[b]
    short, other = np.where(swap, b, a), np.where(swap, a, b)
    seq = _LinkingSequences.of(table, overlaps.link_hash)
    pos_bits = max(int(lengths.max()).bit_length(), 1)
    chunks = _chunks(seq, overlaps, short, other, 1 << (64 - _MATCH_BITS - 1 - pos_bits))
    runs = thread_map(
        lambda c: _chunk_runs(seq, overlaps, short[c[0] : c[1]], other[c[0] : c[1]], pos_bits),
        chunks,
        workers,
    )
    for (lo, hi), found in zip(chunks, runs, strict=True):
        out[lo:hi] = found
    return np.where(out > 0, out + n - 1, 0)


def _chunks(
    seq: _LinkingSequences, overlaps: Overlaps, short: Ints, other: Ints, max_pairs: int
) -> list[tuple[int, int]]:
    """Ranges of pairs holding about ``_CHUNK_ENTRIES`` entries, at most ``max_pairs`` each.

    Small arrays are recycled by the allocator; fresh large ones cost a page fault per 4 KB.
    """
    entries = np.diff(seq.starts)[short] + np.diff(overlaps.link_starts)[other]
    ends = np.cumsum(entries)
    bounds = [0]
    while bounds[-1] < len(short):
        lo = bounds[-1]
        done = ends[lo - 1] if lo else 0
        hi = int(np.searchsorted(ends, done + _CHUNK_ENTRIES, side="right"))
        bounds.append(min(max(hi, lo + 1), lo + max_pairs))
    return list(itertools.pairwise(bounds))


class _LinkingSequences:
    """Each article's shingles in text order, with their positions, keeping only those that
    may link articles (a cheap filter: some kept shingles link nothing, none dropped does).
    """

    def __init__(self, hashes: Hashes, positions: Ints, starts: Ints) -> None:
        self.hashes, self.positions, self.starts = hashes, positions, starts

    @classmethod
    def of(cls, table: ShingleTable, link_hash: Hashes) -> _LinkingSequences:
        may_link = np.zeros(1 << _FILTER_BITS, dtype=np.bool_)
        may_link[(link_hash & _FILTER_MASK).view(np.int64)] = True
        top = table.hashes >> np.uint64(64 - HASH_BITS)
        kept = np.flatnonzero(may_link[(top & _FILTER_MASK).view(np.int64)])
        starts = np.searchsorted(kept, table.starts).astype(np.int64)
        owner = np.repeat(np.arange(table.n_docs, dtype=np.int64), np.diff(starts))
        return cls(top[kept], kept - table.starts[owner], starts)


def _chunk_runs(
    seq: _LinkingSequences, overlaps: Overlaps, short: Ints, other: Ints, pos_bits: int
) -> Ints:
    """Longest run of matched shingles (in shingles) for pairs numbered 0..len(short) - 1."""
    q_idx, q_pair = _gather(seq.starts, short)
    o_idx, o_pair = _gather(overlaps.link_starts, other)
    drop = np.uint64(HASH_BITS - _MATCH_BITS)
    type_pos = np.uint64(2 << pos_bits)
    head = np.uint64(1 << (_MATCH_BITS + 1 + pos_bits))
    o_key = o_pair.view(np.uint64) * head
    o_key += (overlaps.link_hash[o_idx] >> drop) * type_pos  # type 0: the other's set
    q_key = q_pair.view(np.uint64) * head
    q_key += (seq.hashes[q_idx] >> drop) * type_pos
    q_key += seq.positions[q_idx].view(np.uint64) + np.uint64(1 << pos_bits)  # type 1
    key = np.concatenate([o_key, q_key])
    key.sort()
    group = key >> np.uint64(pos_bits + 1)
    is_q = (key & np.uint64(1 << pos_bits)) != 0
    # a shingle of the shorter article matches when its group opens with the other's entry
    opener = np.maximum.accumulate(np.where(is_q, 0, np.arange(len(key))))
    matched = is_q & ~is_q[opener] & (group[opener] == group)
    hits = key[matched]
    pair_pos = (hits >> np.uint64(_MATCH_BITS + 1 + pos_bits)) * np.uint64(1 << pos_bits)
    pair_pos |= hits & np.uint64((1 << pos_bits) - 1)
    return _longest_by_pair(pair_pos, pos_bits, len(short))


def _gather(starts: Ints, which: Ints) -> tuple[Ints, Ints]:
    """Indexes of the entries of articles ``which`` (in order) and the pair number of each."""
    begin = starts[which]
    counts = starts[which + 1] - begin
    pair = np.repeat(np.arange(len(which), dtype=np.int64), counts)
    idx = np.arange(int(counts.sum()), dtype=np.int64)
    idx += np.repeat(begin - (np.cumsum(counts) - counts), counts)
    return idx, pair


def _longest_by_pair(pair_pos: Hashes, pos_bits: int, pairs: int) -> Ints:
    """Longest run of consecutive positions within each pair, from (pair, position) keys."""
    out = np.zeros(pairs, dtype=np.int64)
    if not len(pair_pos):
        return out
    pair_pos.sort()
    breaks: npt.NDArray[np.bool_] = np.r_[True, pair_pos[1:] != pair_pos[:-1] + np.uint64(1)]
    run_start = np.flatnonzero(breaks)
    run_len = np.diff(np.r_[run_start, len(pair_pos)])
    pair = (pair_pos[run_start] >> np.uint64(pos_bits)).view(np.int64)
    np.maximum.at(out, pair, run_len)
    return out

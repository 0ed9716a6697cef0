"""The shingles of a batch of articles: in text order, as per-article sets, and inverted.

All three are flat arrays, built chunk by chunk of articles, so stages that compare many
articles (overlap counting, passage runs) gather what they need with numpy instead of looping
over articles. Sets keep the top 40 bits of each shingle hash (after a full-avalanche mix, so a
false match between two shingles has probability 2**-40), packed with the article number into
one sortable 64-bit key. The inverted index is split into ranges of the hash space, each
sorted on its own: arrays stay small enough for the allocator to recycle (on virtual machines
a fresh page costs more than the arithmetic done on it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from marsad.link.parallel import thread_map
from marsad.link.shingles import CHUNK_TEXTS, Hashes, TokenChunk, ngrams

_T = TypeVar("_T")

Ints = npt.NDArray[np.int64]

HASH_BITS = 40
DOC_BITS = 24
MAX_DOCS = 1 << DOC_BITS
HASH_MASK = np.uint64((1 << HASH_BITS) - 1)
DOC_MASK = np.uint64((1 << DOC_BITS) - 1)
RANGE_BITS = 4  # the inverted index comes in 16 ranges of the hash space


@dataclass(frozen=True, slots=True)
class ShingleTable:
    """Article ``i``'s shingles are ``hashes[starts[i]:starts[i + 1]]`` (64-bit, in text
    order) and its distinct shingles ``set_hash[set_starts[i]:set_starts[i + 1]]`` (top 40
    bits, sorted). ``postings[r]`` holds, for the r-th range of hashes, every (hash, article)
    entry as the sorted key ``hash << 24 | article``.
    """

    hashes: Hashes
    starts: Ints
    set_hash: Hashes
    set_starts: Ints
    postings: tuple[Hashes, ...]

    @classmethod
    def build(cls, norm_texts: list[str], n: int, workers: int = 1) -> ShingleTable:
        """The table of normalized texts, shingled ``n`` words at a time."""
        return cls.build_with(norm_texts, n, lambda first, tokens: None, workers)[0]

    @classmethod
    def build_with(
        cls,
        norm_texts: list[str],
        n: int,
        also: Callable[[int, TokenChunk], _T],
        workers: int = 1,
    ) -> tuple[ShingleTable, list[_T]]:
        """``build``, and ``also(first, tokens)`` of each chunk of texts from ``first``: a
        later stage reads the tokens without splitting the texts again."""
        if len(norm_texts) > MAX_DOCS:
            raise ValueError(f"at most {MAX_DOCS:,} articles per batch, got {len(norm_texts):,}")

        def one(first: int) -> tuple[_Chunk, _T]:
            part = norm_texts[first : first + CHUNK_TEXTS]
            tokens = TokenChunk.of(part)
            hashes, owner = ngrams(tokens.hashes(), tokens.doc, n)
            return _chunk(first, len(part), hashes, owner), also(first, tokens)

        parts = thread_map(one, range(0, len(norm_texts), CHUNK_TEXTS), workers)
        return cls._assemble([p for p, _ in parts], workers), [x for _, x in parts]

    @classmethod
    def of(cls, sequences: list[Hashes]) -> ShingleTable:
        """The table of shingle sequences already computed (as ``shingle_batch`` gives)."""
        parts = []
        for first in range(0, len(sequences), CHUNK_TEXTS):
            part = sequences[first : first + CHUNK_TEXTS]
            lengths = np.fromiter((len(s) for s in part), dtype=np.int64, count=len(part))
            owner = np.repeat(np.arange(len(part), dtype=np.int64), lengths)
            hashes = np.concatenate(part).astype(np.uint64, copy=False)
            parts.append(_chunk(first, len(part), hashes, owner))
        return cls._assemble(parts)

    @staticmethod
    def part(first: int, count: int, hashes: Hashes, owner: Ints) -> TablePart:
        """The part of a table holding texts ``first..first + count - 1``: their shingle
        hashes in text order and each one's text (numbered from 0 within the part)."""
        return _chunk(first, count, hashes, owner)

    @classmethod
    def assemble(cls, parts: list[TablePart], workers: int = 1) -> ShingleTable:
        """The table of consecutive parts, in order."""
        return cls._assemble(parts, workers)

    @classmethod
    def _assemble(cls, parts: list[_Chunk], workers: int = 1) -> ShingleTable:
        empty = np.empty(0, dtype=np.uint64)
        postings = thread_map(
            lambda r: np.sort(np.concatenate([p.postings[r] for p in parts])) if parts else empty,
            range(1 << RANGE_BITS),
            workers,
        )
        return cls(
            hashes=np.concatenate([p.hashes for p in parts]) if parts else empty,
            starts=_offsets([p.lengths for p in parts]),
            set_hash=np.concatenate([p.set_hash for p in parts]) if parts else empty,
            set_starts=_offsets([p.sizes for p in parts]),
            postings=tuple(postings),
        )

    @property
    def n_docs(self) -> int:
        return len(self.starts) - 1

    @property
    def sizes(self) -> Ints:
        """Distinct shingles of each article."""
        return np.diff(self.set_starts)

    @property
    def lengths(self) -> Ints:
        """Shingles of each article, repeats included."""
        return np.diff(self.starts)

    def sequence(self, i: int) -> Hashes:
        return self.hashes[self.starts[i] : self.starts[i + 1]]


@dataclass(frozen=True, slots=True)
class _Chunk:
    hashes: Hashes
    lengths: Ints
    set_hash: Hashes
    sizes: Ints
    postings: list[Hashes]


TablePart = _Chunk


_RANGE_BOUNDS = np.arange(1, 1 << RANGE_BITS, dtype=np.uint64) << np.uint64(64 - RANGE_BITS)


def _chunk(first: int, count: int, hashes: Hashes, owner: Ints) -> _Chunk:
    """One chunk's part of the table; ``owner`` numbers articles from 0 within the chunk."""
    key = owner.view(np.uint64) * np.uint64(1 << HASH_BITS)  # a multiply: no slow shift
    key |= hashes >> np.uint64(64 - HASH_BITS)
    key.sort()
    if len(key):
        key = key[np.r_[True, key[1:] != key[:-1]]]
    local = key >> np.uint64(HASH_BITS)
    key &= HASH_MASK
    posting = key * np.uint64(1 << DOC_BITS)
    posting |= local + np.uint64(first)
    posting.sort()
    cuts = [0, *np.searchsorted(posting, _RANGE_BOUNDS).tolist(), len(posting)]
    return _Chunk(
        hashes=hashes,
        lengths=np.bincount(owner, minlength=count),
        set_hash=key,
        sizes=np.bincount(local.view(np.int64), minlength=count),
        postings=[posting[cuts[r] : cuts[r + 1]] for r in range(1 << RANGE_BITS)],
    )


def _offsets(counts: list[Ints]) -> Ints:
    total = np.concatenate(counts) if counts else np.empty(0, dtype=np.int64)
    out = np.zeros(len(total) + 1, dtype=np.int64)
    np.cumsum(total, out=out[1:])
    return out

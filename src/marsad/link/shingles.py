"""Word shingles of normalized text as 64-bit hashes, and winnowed fingerprints of them.

A shingle is ``n`` consecutive word tokens. Hashes depend only on the bytes of the text
(stable across processes and runs, so fingerprints can be stored) and are computed with numpy
over whole batches of texts at once.

Winnowing (Schleimer, Wilkerson & Aiken, SIGMOD 2003, the method behind MOSS) keeps the
minimum hash of every window of ``w`` consecutive shingles: any passage of at least
``w + n - 1`` shared words yields at least one shared fingerprint, while only about
``2 / (w + 1)`` of the shingles are kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Hashes = npt.NDArray[np.uint64]

DEFAULT_N = 5
DEFAULT_W = 6
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio)
_UNIT_MULTIPLIER = np.uint64(0x100000001B3)  # the 64-bit FNV prime: odd, so invertible
_FMIX_1 = np.uint64(0xFF51AFD7ED558CCD)
_FMIX_2 = np.uint64(0xC4CEB9FE1A85EC53)
_UNIT_INVERSE = np.uint64(pow(0x100000001B3, -1, 2**64))


@dataclass(frozen=True, slots=True)
class ShingleParams:
    """Shingle length ``n`` (words) and winnowing window ``w`` (shingles).

    >>> ShingleParams(n=5, w=6).guarantee
    10
    """

    n: int = DEFAULT_N
    w: int = DEFAULT_W

    def __post_init__(self) -> None:
        if not 1 <= self.n <= 20:
            raise ValueError(f"shingle length n must be in [1, 20], got {self.n}")
        if not 1 <= self.w <= 100:
            raise ValueError(f"winnowing window w must be in [1, 100], got {self.w}")

    @property
    def guarantee(self) -> int:
        """Shared passages of at least this many words are always found."""
        return self.w + self.n - 1


def shingle_batch(texts: list[str], n: int = DEFAULT_N) -> list[Hashes]:
    """The shingle hashes of each normalized text, in text order, computed for all at once."""
    if not texts:
        return []
    hashes, owner = shingle_arrays(texts, n)
    return np.split(hashes, np.searchsorted(owner, np.arange(1, len(texts))))


def shingle_arrays(texts: list[str], n: int = DEFAULT_N) -> tuple[Hashes, npt.NDArray[np.int64]]:
    """All shingle hashes of the texts, concatenated in text order, and the text of each.

    Works on UTF-16 code units with numpy: a token is a run of ASCII letters and digits and of
    non-ASCII characters other than Latin-1 and general punctuation (normalized text has
    folded Arabic punctuation to ASCII). A token's hash is a polynomial over its code units,
    read off prefix sums (the multiplier is odd, so it has an inverse mod 2**64); a shingle
    combines ``n`` token hashes the same way. Nothing is looped over per word in Python.
    """
    hashes, owners = [], []
    for first in range(0, len(texts), CHUNK_TEXTS):
        _, h, o = shingle_chunk(texts, first, n)
        hashes.append(h)
        owners.append(o + first)
    if not hashes:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    return np.concatenate(hashes), np.concatenate(owners)


def shingle_chunk(
    texts: list[str], first: int, n: int = DEFAULT_N
) -> tuple[int, Hashes, npt.NDArray[np.int64]]:
    """The chunk of ``CHUNK_TEXTS`` texts from ``first``: how many texts, their shingle hashes
    in text order and the index of each one's text within the chunk.

    Bounded chunks keep arrays in cache and let the allocator recycle them.
    """
    part = texts[first : first + CHUNK_TEXTS]
    return (len(part), *_shingle_chunk(part, n))


def _shingle_chunk(texts: list[str], n: int) -> tuple[Hashes, npt.NDArray[np.int64]]:
    chunk = TokenChunk.of(texts)
    return ngrams(chunk.hashes(), chunk.doc, n)


@dataclass(frozen=True, slots=True)
class TokenChunk:
    """The word tokens of a chunk of texts: UTF-16 ``units`` of the texts joined by newlines,
    each token's ``starts``/``ends`` in them and the text (``doc``, from 0) it belongs to.
    """

    units: npt.NDArray[np.uint16]
    starts: npt.NDArray[np.intp]
    ends: npt.NDArray[np.intp]
    doc: npt.NDArray[np.int64]
    prefix: Hashes  # prefix sums of the units times powers of the multiplier

    @classmethod
    def of(cls, texts: list[str]) -> TokenChunk:
        units = np.frombuffer("\n".join(texts).encode("utf-16-le"), dtype=np.uint16)
        if len(units) == sum(len(t) for t in texts) + len(texts) - 1:  # all BMP: 1 unit a char
            lengths = [len(t) for t in texts]
        else:  # characters beyond the BMP take two units
            lengths = [len(t.encode("utf-16-le")) // 2 for t in texts]
        doc_starts = np.cumsum([0] + [length + 1 for length in lengths[:-1]])
        starts, ends = _token_bounds(units)
        doc = (np.searchsorted(doc_starts, starts, side="right") - 1).astype(np.int64)
        powers, _ = _powers(len(units))
        prefix = np.zeros(len(units) + 1, dtype=np.uint64)
        with np.errstate(over="ignore"):
            np.cumsum(units * powers, dtype=np.uint64, out=prefix[1:])
        return cls(units, starts, ends, doc, prefix)

    def hashes(
        self,
        starts: npt.NDArray[np.intp] | None = None,
        ends: npt.NDArray[np.intp] | None = None,
    ) -> Hashes:
        """The hash of each token, or of the part ``starts[i]:ends[i]`` of each (a stem)."""
        return _span_hashes(
            self.prefix,
            self.starts if starts is None else starts,
            self.ends if ends is None else ends,
        )


def ngrams(
    token_hash: Hashes, token_doc: npt.NDArray[np.int64], n: int
) -> tuple[Hashes, npt.NDArray[np.int64]]:
    """The hashes of every ``n`` consecutive tokens within one text, and the text of each."""
    count = len(token_hash) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    acc = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            acc *= _MULTIPLIER
            acc += token_hash[k : k + count]
        finalize(acc)
    doc = token_doc[:count]
    valid = doc == token_doc[n - 1 :]
    return acc[valid], doc[valid]


def finalize(x: Hashes) -> None:
    """Murmur3's 64-bit finalizer, in place: every input bit moves every output bit, so the
    top bits alone tell shingles apart ("… 5" and "… 6" differ by one bit before mixing).
    """
    x ^= x >> np.uint64(33)
    x *= _FMIX_1
    x ^= x >> np.uint64(33)
    x *= _FMIX_2
    x ^= x >> np.uint64(33)


def _token_bounds(
    units: npt.NDArray[np.uint16],
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    is_token = np.empty(len(units) + 2, dtype=np.int8)
    is_token[0] = is_token[-1] = 0
    np.take(_TOKEN_UNIT, units, out=is_token[1:-1])
    edges = np.diff(is_token)
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _token_units() -> npt.NDArray[np.int8]:
    """1 for the UTF-16 units that belong to tokens, 0 for separators."""
    units = np.arange(1 << 16)
    table = (
        ((units >= 0x30) & (units <= 0x39))
        | ((units >= 0x61) & (units <= 0x7A))
        | ((units >= 0x41) & (units <= 0x5A))
        | ((units >= 0xC0) & ((units < 0x2000) | (units > 0x206F)))
    )
    table[list(_ARABIC_MARKS)] = False  # in case the text was not normalized: ، ؛ ؟ ٪ ٫ ٬ ٭ ۔
    return table.astype(np.int8)


def _span_hashes(
    prefix: Hashes, starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp]
) -> Hashes:
    """The hash of each span of units, read off the prefix sums (``len(prefix) - 1`` units)."""
    _, inverse = _powers(len(prefix) - 1)
    with np.errstate(over="ignore"):
        hashes = (prefix[ends] - prefix[starts]) * inverse[starts]
        return hashes ^ (hashes >> np.uint64(31))


_ARABIC_MARKS = (0x060C, 0x061B, 0x061F, 0x066A, 0x066B, 0x066C, 0x066D, 0x06D4)
_TOKEN_UNIT = _token_units()
_POWERS: list[tuple[Hashes, Hashes]] = []
CHUNK_TEXTS = 500


def _powers(size: int) -> tuple[Hashes, Hashes]:
    """Powers of the unit multiplier and of its inverse, cached and grown as texts need."""
    if not _POWERS or len(_POWERS[0][0]) < size:
        length = max(size, 1 << 20)
        with np.errstate(over="ignore"):
            base = np.full(length, _UNIT_MULTIPLIER, dtype=np.uint64)
            base[0] = 1
            inv = np.full(length, _UNIT_INVERSE, dtype=np.uint64)
            inv[0] = 1
            _POWERS[:] = [(np.cumprod(base, dtype=np.uint64), np.cumprod(inv, dtype=np.uint64))]
    powers, inverse = _POWERS[0]
    return powers[:size], inverse[:size]


def shingle_set(norm_text: str, n: int = DEFAULT_N) -> Hashes:
    """The sorted, distinct shingle hashes of normalized text: what Jaccard is computed on."""
    return np.unique(shingle_batch([norm_text], n)[0])


def winnow(hashes: Hashes, w: int) -> tuple[Hashes, npt.NDArray[np.int64]]:
    """Winnowed fingerprints and their shingle positions (rightmost minimum of each window)."""
    if len(hashes) == 0:
        return hashes, np.empty(0, dtype=np.int64)
    if len(hashes) <= w:
        pos = int(len(hashes) - 1 - np.argmin(hashes[::-1]))
        return hashes[pos : pos + 1], np.array([pos], dtype=np.int64)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, w)
    rightmost = w - 1 - np.argmin(windows[:, ::-1], axis=1)
    positions = np.unique(np.arange(len(windows)) + rightmost)
    return hashes[positions], positions.astype(np.int64)

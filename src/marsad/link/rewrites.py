"""Light rewrites: copies where every 4th-8th word was swapped for a synonym, lost its «ال» or
«و», or was dropped.

Five-word shingles break at every changed word, so a copy with one word in six changed
keeps almost none of them. This stage works on light stems computed in numpy from the same
code units the shingles use (leading «و»/«ف», the article «ال»/«لل» and «بال»/«كال»/«فال»
stripped), and on *word pairs*: each stem paired with the next one and with the one after it,
hashed alike. A substituted word leaves the pair that skips it; a dropped word turns a skip
pair into an adjacent one with the same hash. So a copy with one word in ``k`` changed keeps
about ``(k - 2) / k`` of its pairs (more: «ال» and «و» changes keep the stem), while two
reports on one topic share few of theirs.

Batch: the stems come from the tokens the shingle table is built from (no second pass over
the text); a sample of the pairs goes through the same inverted index and exact overlap
count as shingles (``overlap.py``), and the candidates are verified on a larger sample. The
stored path (``engine/rewrites.py``) keeps each article's candidate sample in the store and
verifies with the same rule (``is_rewrite``). Pairs other stages found are left to them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from marsad.link.overlap import overlaps
from marsad.link.shingles import CHUNK_TEXTS, Hashes, TokenChunk, finalize
from marsad.link.table import HASH_BITS, HASH_MASK, Ints, ShingleTable, TablePart

_WAW, _FEH, _BEH, _KAF, _LAM, _ALEF = (ord(c) for c in "وفبكلا")
_MIN_STEM = 3  # letters a stem keeps: «ولد» is not «و» + «لد»
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, slots=True)
class RewriteParams:
    """Thresholds of the rewrite stage.

    Candidates: articles sharing at least ``min_sampled`` of their sampled word pairs (one in
    ``2**sample_bits``, the same ones in every article, as a hash decides), each found in at
    most ``max_df`` articles (the stored path asks the index for the same). Verified on a
    larger sample (one pair in ``2**verify_bits``): a rewrite when ``threshold`` of one
    article's pairs stand in the other, and at least ``min_pairs`` sampled pairs (about a
    dozen words of text). Its kind follows the shingle rule on these shares (``near`` at
    Jaccard >= ``ReuseParams.near``, else ``partial``).

    ``threshold`` 0.65 keeps every same-day, same-topic near miss of the synthetic suite out
    (0.5 let 13 of 100 in, 0.6 three: on reading, outlets' rewrites of one press release)
    while an every-4th-word rewrite keeps about 0.7 of its pairs.
    """

    sample_bits: int = 4
    verify_bits: int = 2
    max_df: int = 50
    min_sampled: int = 3
    threshold: float = 0.65
    min_pairs: int = 6

    def __post_init__(self) -> None:
        if not 0 <= self.verify_bits <= self.sample_bits <= 16:
            raise ValueError(
                "need 0 <= verify_bits <= sample_bits <= 16, got "
                f"verify_bits={self.verify_bits}, sample_bits={self.sample_bits}"
            )
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0.0, 1.0], got {self.threshold}")
        if self.max_df < 2 or self.min_sampled < 1 or self.min_pairs < 1:
            raise ValueError("max_df must be >= 2, min_sampled and min_pairs >= 1")


@dataclass(frozen=True, slots=True)
class Rewrite:
    """Articles ``a < b`` (indexes) share ``shared`` sampled word pairs: ``contain_a`` of a's,
    ``contain_b`` of b's, and the Jaccard of the two samples."""

    a: int
    b: int
    jaccard: float
    contain_a: float
    contain_b: float
    shared: int


def stem_pairs(chunk: TokenChunk) -> tuple[Hashes, Ints]:
    """The word-pair hashes of a chunk of texts and the text of each (grouped by the distance
    of the pair, not in text order: sets are made of them).

    Each light stem is paired with the next stem and the one after it; both kinds of pair
    hash alike, so a dropped word keeps the pair that spanned it.
    """
    stems = _light_stems(chunk)
    pairs, owners = [], []
    with np.errstate(over="ignore"):
        for gap in (1, 2):
            same = chunk.doc[:-gap] == chunk.doc[gap:]
            pairs.append((stems[:-gap] * _MULTIPLIER + stems[gap:])[same])
            owners.append(chunk.doc[:-gap][same])
    hashes = np.concatenate(pairs)
    finalize(hashes)
    return hashes, np.concatenate(owners)


def _light_stems(chunk: TokenChunk) -> Hashes:
    """Hashes of the tokens without a leading «و»/«ف» and an article («ال», «لل», «بال»,
    «كال») whenever three letters remain («والوزير», «الوزير» and «وزير» are one stem)."""
    units = np.concatenate([chunk.units, np.zeros(4, dtype=np.uint16)])
    starts, ends = chunk.starts, chunk.ends

    def strip_conjunction(s: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
        first = units[s]
        cut: npt.NDArray[np.intp] = ((first == _WAW) | (first == _FEH)) & (
            ends - s - 1 >= _MIN_STEM
        )
        return s + cut

    s = strip_conjunction(starts)
    c0, c1, c2 = units[s], units[s + 1], units[s + 2]
    two = ((c0 == _ALEF) | (c0 == _LAM)) & (c1 == _LAM) & (ends - s - 2 >= _MIN_STEM)
    three = ((c0 == _BEH) | (c0 == _KAF)) & (c1 == _ALEF) & (c2 == _LAM)
    three &= ends - s - 3 >= _MIN_STEM
    s = strip_conjunction(s + np.where(three, 3, np.where(two, 2, 0)))
    return chunk.hashes(s, ends)


def pair_samples(texts: Sequence[str], bits: int) -> list[Hashes]:
    """Each normalized text's distinct sampled word pairs (sorted, 40-bit)."""
    out: list[Hashes] = []
    for first in range(0, len(texts), CHUNK_TEXTS):
        part = list(texts[first : first + CHUNK_TEXTS])
        values, starts = _sets(*stem_pairs(TokenChunk.of(part)), len(part), bits)
        out += [values[lo:hi] for lo, hi in itertools.pairwise(starts.tolist())]
    return out


def text_stems(text: str) -> Hashes:
    """The light stems of one normalized text's words, in order (what its word pairs join)."""
    return _light_stems(TokenChunk.of([text]))


def pairs_outside(stems: Hashes, skip: npt.NDArray[np.bool_], bits: int) -> Hashes:
    """One text's distinct sampled word pairs (sorted, 40-bit), from its ``text_stems``,
    leaving out the pairs that touch a word ``skip`` marks (by word number: a template
    passage taken out); with nothing skipped, its ``pair_samples``."""
    marked = np.zeros(len(stems), dtype=np.bool_)
    marked[: len(skip)] = skip[: len(stems)]
    pairs = []
    with np.errstate(over="ignore"):
        for gap in (1, 2):
            keep = ~(marked[:-gap] | marked[gap:])
            pairs.append((stems[:-gap] * _MULTIPLIER + stems[gap:])[keep])
    hashes = np.concatenate(pairs)
    finalize(hashes)
    values, _ = _sets(hashes, np.zeros(len(hashes), dtype=np.int64), 1, bits)
    return values


def _sets(hashes: Hashes, owner: Ints, count: int, bits: int) -> tuple[Hashes, Ints]:
    """The distinct sampled pairs of each of ``count`` texts (40-bit values, sorted within
    each text) and where each text's start, with one sort of packed keys."""
    keep = hashes >> np.uint64(64 - bits) == 0 if bits else np.ones(len(hashes), np.bool_)
    key = owner[keep].view(np.uint64) * np.uint64(1 << HASH_BITS)
    key |= (hashes[keep] << np.uint64(bits)) >> np.uint64(64 - HASH_BITS)
    key.sort()
    if len(key):
        key = key[np.r_[True, key[1:] != key[:-1]]]
    docs = (key >> np.uint64(HASH_BITS)).view(np.int64)
    return key & HASH_MASK, np.searchsorted(docs, np.arange(count + 1)).astype(np.int64)


def compare(a: Hashes, b: Hashes) -> tuple[float, float, float, int]:
    """Jaccard, containment of a in b and of b in a, and shared count of two sorted sets."""
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return shared / max(union, 1), shared / max(len(a), 1), shared / max(len(b), 1), shared


def is_rewrite(contain_a: float, contain_b: float, shared: int, params: RewriteParams) -> bool:
    """Whether verified shares make a rewrite: the one rule both paths apply."""
    return max(contain_a, contain_b) >= params.threshold and shared >= params.min_pairs


# -- batch ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Samples:
    """The word-pair samples of a run of texts: the part of the candidate table they make,
    and each text's verification sample ``verify[starts[i]:starts[i + 1]]`` (40-bit)."""

    candidates: TablePart
    verify: Hashes
    starts: Ints

    @classmethod
    def of(cls, first: int, tokens: TokenChunk, count: int, params: RewriteParams) -> Samples:
        """The samples of the ``count`` texts of a chunk of tokens, texts ``first…``."""
        values, starts = _sets(*stem_pairs(tokens), count, params.verify_bits)
        owner = np.repeat(np.arange(count, dtype=np.int64), np.diff(starts))
        kept = _candidates(values, params)
        hashes = values[kept] << np.uint64(64 - HASH_BITS + params.sample_bits - params.verify_bits)
        return cls(ShingleTable.part(first, count, hashes, owner[kept]), values, starts)


def _candidates(values: Hashes, params: RewriteParams) -> npt.NDArray[np.bool_]:
    """Which of the verification sample's values also belong to the candidate sample."""
    extra = params.sample_bits - params.verify_bits
    kept: npt.NDArray[np.bool_] = values >> np.uint64(HASH_BITS - extra) == 0
    return kept


def candidate_sample(verify: Hashes, params: RewriteParams) -> Hashes:
    """The candidate sample within a text's verification sample (what the store indexes)."""
    return verify[_candidates(verify, params)]


def find_rewrites(
    samples: Sequence[Samples],
    known: Ints,
    params: RewriteParams | None = None,
    workers: int = 1,
) -> list[Rewrite]:
    """Pairs of texts that are light rewrites of one another, from the samples of all texts
    in order (chunk by chunk), leaving out the ``known`` pairs (keys ``a * texts + b``,
    sorted) that other means found."""
    params = params or RewriteParams()
    table = ShingleTable.assemble([s.candidates for s in samples], workers)
    n_docs = table.n_docs
    verify = np.concatenate([s.verify for s in samples]) if samples else np.empty(0, np.uint64)
    starts = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.concatenate([np.diff(s.starts) for s in samples] or [starts[:0]]), out=starts[1:])
    ov = overlaps(table, params.max_df, workers, count_common=False)
    keep = ov.shared >= params.min_sampled  # the stored path's gate too: one rule
    keys = ov.a[keep] * n_docs + ov.b[keep]
    if len(known) and len(keys):
        keys = keys[~_member(keys, known)]
    found: list[Rewrite] = []
    bounds = starts.tolist()
    for key in keys.tolist():
        a, b = divmod(key, n_docs)
        set_a, set_b = verify[bounds[a] : bounds[a + 1]], verify[bounds[b] : bounds[b + 1]]
        jaccard, contain_a, contain_b, shared = compare(set_a, set_b)
        if is_rewrite(contain_a, contain_b, shared, params):
            found.append(Rewrite(a, b, jaccard, contain_a, contain_b, shared))
    return found


def _member(values: Ints, sorted_set: Ints) -> npt.NDArray[np.bool_]:
    idx = np.searchsorted(sorted_set, values)
    idx[idx == len(sorted_set)] = 0
    found: npt.NDArray[np.bool_] = sorted_set[idx] == values
    return found

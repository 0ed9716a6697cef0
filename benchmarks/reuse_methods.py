"""The reuse detectors compared by the benchmark, each run end to end from normalized texts.

Every method does its own shingling and hashing inside the timed region, and every method is
run in a fresh process (see ``reuse.py``) so that its peak memory is its own. The MinHash
baselines get the same 5-word shingles Marsad uses, as 8-byte tokens, and their LSH candidates
are verified with exact Jaccard on the shingle sets, as a careful user of those libraries would.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from memory import PeakMemory, tree_pss_mb
from reuse_data import SHINGLE_N, Hashes
from scipy.integrate import quad

from marsad.link.shingles import shingle_set

NUM_PERM = 128
THRESHOLD = 0.8
SEED = 42

Found = tuple[str, str, str, float]  # (a, b, kind, Jaccard the method reports), a < b
Detector = Callable[[Mapping[str, str]], tuple[list[Found], int]]  # pairs, candidates checked


@dataclass(frozen=True)
class Run:
    """One method's output, time and memory (PSS of its process tree, MB)."""

    method: str
    seconds: float
    peak_mb: float
    base_mb: float  # before the method started: the interpreter and the texts
    candidates: int  # pairs the method looked at closely (-1 when it does not say)
    found: list[Found]


def marsad(workers: int, rewrites: bool = True) -> Detector:
    """Marsad's ``find_reuse`` with ``workers`` threads; it reports kinds. ``rewrites`` False:
    without the light-rewrite stage (an ablation row: what the stage costs)."""

    def detect(docs: Mapping[str, str]) -> tuple[list[Found], int]:
        from marsad.link.reuse import ReuseParams, find_reuse

        params = ReuseParams() if rewrites else ReuseParams(rewrites=None)
        pairs = find_reuse(docs, params, workers=workers)
        return [(p.a, p.b, p.kind, p.jaccard) for p in pairs], -1

    return detect


def datasketch_lsh(docs: Mapping[str, str]) -> tuple[list[Found], int]:
    """datasketch MinHash + MinHashLSH at Jaccard 0.8, candidates verified exactly."""
    from datasketch import MinHash, MinHashLSH

    ids, sets = _shingled(docs)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sketches = []
    with lsh.insertion_session() as session:
        for key, shingles in enumerate(sets):
            sketch = MinHash(num_perm=NUM_PERM, seed=SEED)
            sketch.update_batch(as_tokens(shingles))
            session.insert(key, sketch)
            sketches.append(sketch)
    candidates = distinct((key, other) for key, s in enumerate(sketches) for other in lsh.query(s))
    return verified(candidates, ids, sets), len(candidates)


def rensa_lsh(docs: Mapping[str, str]) -> tuple[list[Found], int]:
    """rensa R-MinHash + RMinHashLSH at Jaccard 0.8, candidates verified exactly."""
    from rensa import RMinHash, RMinHashLSH

    ids, sets = _shingled(docs)
    tokens = (as_tokens(s) for s in sets)  # one article's tokens alive at a time
    sketches = RMinHash.from_token_sets(tokens, NUM_PERM, SEED)
    lsh = RMinHashLSH(THRESHOLD, NUM_PERM, lsh_bands(THRESHOLD, NUM_PERM))
    lsh.insert_many(sketches)
    hits = lsh.query_all(sketches)
    candidates = distinct((key, other) for key, others in enumerate(hits) for other in others)
    return verified(candidates, ids, sets), len(candidates)


METHODS: dict[str, Detector] = {
    "marsad-1": marsad(1),
    "marsad-2": marsad(2),
    "marsad-2-no-rewrites": marsad(2, rewrites=False),
    "datasketch": datasketch_lsh,
    "rensa": rensa_lsh,
}


def timed(method: str, docs: Mapping[str, str]) -> Run:
    """Run ``method`` on ``docs`` under the clock and the memory sampler."""
    base = tree_pss_mb(os.getpid())
    with PeakMemory() as memory:
        start = time.perf_counter()
        found, candidates = METHODS[method](docs)
        seconds = time.perf_counter() - start
    return Run(method, seconds, memory.peak_mb, base, candidates, found)


# -- shared by the MinHash baselines -------------------------------------------------------


def _shingled(docs: Mapping[str, str]) -> tuple[list[str], list[Hashes]]:
    """Ids and shingle sets of the articles that have shingles (an empty set has no sketch)."""
    ids, sets = [], []
    for doc_id in sorted(docs):
        shingles = shingle_set(docs[doc_id], SHINGLE_N)
        if len(shingles):
            ids.append(doc_id)
            sets.append(shingles)
    return ids, sets


def as_tokens(shingles: Hashes) -> list[bytes]:
    """Each 64-bit shingle hash as a bytes token, the input both libraries document.

    numpy's ``S8`` view drops trailing zero bytes, which keeps tokens distinct (the width is
    fixed) and is ten times faster than ``tobytes`` per element.
    """
    tokens: list[bytes] = shingles.view("S8").tolist()
    return tokens


def distinct(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each candidate pair once, smaller index first (LSH returns both directions and self)."""
    return sorted({(a, b) if a < b else (b, a) for a, b in pairs if a != b})


def verified(
    pairs: Sequence[tuple[int, int]], ids: Sequence[str], sets: Sequence[Hashes]
) -> list[Found]:
    """The candidate pairs whose exact Jaccard is at least the threshold."""
    found: list[Found] = []
    for a, b in pairs:
        inter = len(np.intersect1d(sets[a], sets[b], assume_unique=True))
        jaccard = inter / (len(sets[a]) + len(sets[b]) - inter)
        if jaccard >= THRESHOLD:
            found.append((ids[a], ids[b], "near", jaccard))
    return found


def lsh_bands(threshold: float, num_perm: int) -> int:
    """Bands for rensa chosen as datasketch chooses them, among divisors of ``num_perm``.

    datasketch minimizes the sum of the false-positive and false-negative areas under the
    banding curve; rensa needs ``num_perm`` divisible by the band count, so the same criterion
    is applied to those counts only (for 0.8 and 128 it picks 8 bands of 16 rows, as rensa's
    own benchmark does).
    """

    def error(bands: int) -> float:
        rows = num_perm // bands
        false_pos = quad(lambda s: 1 - (1 - s**rows) ** bands, 0.0, threshold)[0]
        false_neg = quad(lambda s: (1 - s**rows) ** bands, threshold, 1.0)[0]
        return float(false_pos + false_neg)

    return min((b for b in range(1, num_perm + 1) if num_perm % b == 0), key=error)

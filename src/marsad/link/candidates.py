"""Candidate pairs from winnowed fingerprints: an inverted index, built in one numpy pass.

Every article contributes its fingerprints; articles sharing at least ``min_shared`` of them
(or all of a short article's) become a candidate pair for exact verification. Fingerprints
carried by more than ``max_df`` articles are set phrases (prayers, sign-offs), not evidence
of copying, and are skipped here; verification still counts them.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from marsad.link.shingles import Hashes

Pairs = npt.NDArray[np.int64]  # shape (k, 2), first < second


def candidate_pairs(
    fingerprints: list[Hashes], min_shared: int = 2, max_df: int = 300
) -> tuple[Pairs, npt.NDArray[np.int64]]:
    """Pairs of article indexes sharing enough fingerprints, with how many they share."""
    unique = [np.unique(f) for f in fingerprints]
    counts = np.fromiter((len(f) for f in unique), dtype=np.int64, count=len(unique))
    if counts.sum() == 0:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.int64)
    fps = np.concatenate(unique)
    owner = np.repeat(np.arange(len(unique), dtype=np.int64), counts)
    order = np.lexsort((owner, fps))
    fps, owner = fps[order], owner[order]
    starts = np.flatnonzero(np.r_[True, fps[1:] != fps[:-1]])
    sizes = np.diff(np.r_[starts, len(fps)])
    keep = (sizes >= 2) & (sizes <= max_df)
    group = np.repeat(np.arange(len(starts)), sizes)
    member = np.repeat(keep, sizes)
    idx = np.flatnonzero(member)
    firsts, seconds = [], []
    offset = 1
    while len(idx):
        nxt = idx + offset
        valid = nxt < len(fps)
        idx, nxt = idx[valid], nxt[valid]
        same = group[idx] == group[nxt]
        idx, nxt = idx[same], nxt[same]
        firsts.append(owner[idx])
        seconds.append(owner[nxt])
        offset += 1
    if not firsts:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.int64)
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    n = np.int64(len(fingerprints))
    keys, shared = np.unique(np.minimum(a, b) * n + np.maximum(a, b), return_counts=True)
    pairs = np.stack([keys // n, keys % n], axis=1)
    need = np.minimum(min_shared, np.minimum(counts[pairs[:, 0]], counts[pairs[:, 1]]))
    ok = shared >= need
    return pairs[ok], shared[ok]

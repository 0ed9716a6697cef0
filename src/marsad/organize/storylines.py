"""Storylines: events that continue one another, linked by the actors and topics they share.

An event is represented by the centroid of its reports' term vectors, cut to its ``top_terms``
heaviest terms (who and what it is about, not the day's wording). Two events continue one
another when their centroids' cosine reaches ``threshold``; a storyline is a chain of such
links (single link, with no time window: a storyline can run for years, and its first and last
events need not share much — talks, then an agreement, then a withdrawal). Each event's title
is the headline closest to its centroid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from marsad.organize.events import Partition, average_link


@dataclass(frozen=True, slots=True)
class StoryParams:
    threshold: float = 0.12
    top_terms: int = 30


def centroids(part: Partition, top_terms: int) -> tuple[list[int], sp.csr_matrix]:
    """Each event's first position and its L2-normalized centroid, ``top_terms`` kept."""
    groups = part.groups()
    keys = sorted(groups)
    rows = []
    for key in keys:
        c = np.asarray(part.matrix[groups[key]].mean(axis=0)).ravel()
        if np.count_nonzero(c) > top_terms:
            c[c < np.partition(c, -top_terms)[-top_terms]] = 0.0
        norm = np.linalg.norm(c)
        rows.append(sp.csr_matrix(c / norm if norm else c))
    matrix = sp.vstack(rows).tocsr() if rows else sp.csr_matrix((0, part.matrix.shape[1]))
    return keys, matrix


def representative(part: Partition, members: list[int], centroid: sp.csr_matrix) -> int:
    """The member whose vector is closest to the centroid (the earliest on ties)."""
    sims = np.asarray((part.matrix[members] @ centroid.T).todense()).ravel()
    return members[int(np.argmax(sims))]


def link_events(part: Partition, params: StoryParams | None = None) -> dict[int, int]:
    """Storyline of each event (keyed by first position), named by its first event's key."""
    params = params or StoryParams()
    keys, matrix = centroids(part, params.top_terms)
    if not keys:
        return {}
    sims = sp.triu(matrix @ matrix.T, k=1).tocoo()
    keep = sims.data >= params.threshold
    edges = {
        (int(i), int(j)): float(s)
        for i, j, s in zip(sims.row[keep], sims.col[keep], sims.data[keep], strict=True)
    }
    labels = average_link(len(keys), {}, list(edges), params.threshold)  # links: single link
    return {keys[k]: keys[labels[k]] for k in range(len(keys))}

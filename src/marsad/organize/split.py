"""Consolidation: an event that holds two happenings of one kind is cut in two.

Average link merges clusters whose reports are similar enough on average, so two title
defences by one boxer four years apart, or two nominations to one office, which share most of
their words, can end up as one event. What gives such an event away is its shape: its reports
fall into two groups, each tight, that are markedly less similar to each other. An event of at
least ``split_min`` reports is cut along the signs of the Fiedler vector of its similarity
graph (spectral bisection: the relaxed normalized cut of Shi and Malik), and the cut is kept
when both parts have ``split_min_part`` reports or more and the average similarity between the
parts is below ``split_ratio`` times the geometric mean of the average similarities within
each; a kept part is tried again. A report and its copies are one report to the cut (one
node, counted once): it never parts them, and three copies of one text, alike by definition,
do not make a tight group that the other reports of their happening seem far from. Similarities
are the time-weighted cosines of the clustering (``events.py``) without its edge cut-off.
Labels stay "the first position of the event", so the result, like the clustering, depends
only on the set of reports.

Through the command line (``benchmarks/events.py``, rows "no consolidation cut" and the
headline), the cut lifts B-cubed F1 on ECB+, where every topic holds two events of one kind,
from 0.894 to 0.920; on the SaudiNewsNet tuning gold from 0.943 to 0.951, and on the held-out
gold from 0.919 to 0.928. Events larger than
``SPLIT_MAX`` reports are left whole (the dense eigenproblem grows with the cube of their
size).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from marsad.organize.timing import When, gaps
from marsad.organize.union import joined

if TYPE_CHECKING:
    from marsad.organize.events import EventParams

SPLIT_MAX = 2000


def split_events(
    matrix: sp.csr_matrix,
    days: Sequence[When],
    labels: Sequence[int],
    params: EventParams,
    copies: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """``labels`` with every event that holds two happenings cut in two (see the module);
    ``copies`` are pairs of positions of one report (a copy and its original), never parted
    and counted once."""
    out = np.asarray(labels, dtype=np.int64)
    spans = np.asarray([d if d else (-1, -1) for d in days], dtype=np.int64).reshape(-1, 2)
    order = np.argsort(out, kind="stable")
    starts = np.flatnonzero(np.r_[True, out[order][1:] != out[order][:-1]])
    group = np.asarray(joined(len(out), copies), dtype=np.int64)  # a report and its copies
    todo = [
        members
        for members in np.split(order, starts[1:])
        if params.split_min <= len(members) <= SPLIT_MAX
    ]
    while todo:
        members = todo.pop()
        _, first, node = np.unique(group[members], return_index=True, return_inverse=True)
        if len(first) < params.split_min:
            continue
        cut = _bisect(_similarities(matrix, spans, members[first], params), params)
        if cut is None:
            continue
        for part in (members[cut[node]], members[~cut[node]]):
            out[part] = part.min()
            if len(part) >= params.split_min:
                todo.append(part)
    return [int(x) for x in out]


def _similarities(
    matrix: sp.csr_matrix, spans: np.ndarray, members: np.ndarray, params: EventParams
) -> np.ndarray:
    rows = matrix[members]
    sims = np.asarray((rows @ rows.T).todense(), dtype=np.float64)
    first, last = spans[members, 0], spans[members, 1]
    fade = params.weights(gaps(first[:, None], last[:, None], first[None, :], last[None, :]))
    undated = (first[:, None] < 0) | (first[None, :] < 0)
    sims *= np.where(undated, 1.0, fade)
    np.fill_diagonal(sims, 0.0)
    return sims


def _bisect(sims: np.ndarray, params: EventParams) -> np.ndarray | None:
    """The side of each report in a kept cut, or None when the event stays whole."""
    graph = sims + 1e-6  # keeps the graph connected, so the Fiedler vector is defined
    np.fill_diagonal(graph, 0.0)
    degree = graph.sum(axis=1)
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(graph)) - scale[:, None] * graph * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    side = scale * vectors[:, 1] > 0
    a, b = int(side.sum()), int((~side).sum())
    if min(a, b) < params.split_min_part:
        return None
    within_a = sims[np.ix_(side, side)].sum() / (a * (a - 1))
    within_b = sims[np.ix_(~side, ~side)].sum() / (b * (b - 1))
    between = sims[np.ix_(side, ~side)].mean()
    if within_a <= 0 or within_b <= 0:
        return None
    return side if between < params.split_ratio * np.sqrt(within_a * within_b) else None

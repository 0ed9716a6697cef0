"""New reports grouped among themselves and with the stored events they can join, at once:
how a consolidation in segments places each segment (``engine/organizing.py``).

Online placement (``online.py``) takes new reports one at a time, each joining the best event
it meets; a few hundred new reports arrive that way. A segment of thousands is grouped instead
as the batch clustering groups reports (``events.average_link``), over the new reports and the
stored reports of their window (every report of the events those are in), with two rules of
its own: the stored reports start in their events, and two clusters that hold stored reports
never merge, so every stored event stays as it was stored and a new report, or a group of new
ones, joins at most one of them. A copy starts with its original, as in the other paths (a
copy of reports of two stored events starts with the first). Only the pairs that hold a new
report are compared: what stored reports share among themselves decides nothing here.

>>> import scipy.sparse as sp
>>> old = sp.csr_matrix([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
>>> new = sp.csr_matrix([[0.8, 0.6, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
>>> stitch(old, ["e1", "e2"], new, ["a", "b", "c"], [(1, 1)] * 5, [])
['e1', 'eb', 'eb']
"""

from __future__ import annotations

from collections.abc import Sequence

import scipy.sparse as sp

from marsad.organize.events import EventParams, average_link, pairs_with
from marsad.organize.timing import When


def stitch(
    old: sp.csr_matrix,
    old_events: Sequence[str],
    new: sp.csr_matrix,
    new_ids: Sequence[str],
    days: Sequence[When],
    copies: Sequence[tuple[int, int]],
    params: EventParams | None = None,
) -> list[str]:
    """The event of each new report (rows of ``new``, ids ``new_ids`` in (date, id) order):
    the stored event (of ``old_events``, one for each row of ``old``) its cluster joined, or
    ``e`` + the id of the cluster's first new report. ``days``: the stored reports' then the
    new ones'; ``copies``: pairs of positions in that order (stored first)."""
    params = params or EventParams()
    n_old, width = old.shape[0], max(old.shape[1], new.shape[1])
    matrix = sp.vstack([_widened(old, width), _widened(new, width)]).tocsr()
    n = matrix.shape[0]
    first_of: dict[str, int] = {}
    must = []
    for k, event in enumerate(old_events):  # each stored event starts whole
        must.append((first_of.setdefault(event, k), k))
    apart = [False] * n  # each stored event's first report: stored events stay apart
    for k in first_of.values():
        apart[k] = True
    edges = pairs_with(matrix, days, params, range(n_old, n))
    labels = average_link(n, edges, [*must, *sorted(copies)], params.threshold, apart)
    joined = {labels[k]: event for k, event in enumerate(old_events)}
    named: dict[int, str] = {}
    out = []
    for k, report in enumerate(new_ids):
        label = labels[n_old + k]
        out.append(joined.get(label) or named.setdefault(label, f"e{report}"))
    return out


def _widened(matrix: sp.csr_matrix, width: int) -> sp.csr_matrix:
    wide = matrix.copy()
    wide.resize((matrix.shape[0], width))
    return wide

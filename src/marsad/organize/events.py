"""Events: reports of the same real-world happening, found by average-link clustering.

Reports are compared by the cosine of their term vectors (``vectors.py``: stems, names and
transliteration keys) at the day their text gives for the happening, or the day they came out
(``compared_day``), only within a time window: two reports days apart are rarely about one
happening, so similarity fades linearly to ``1 - fade`` at ``window_days`` apart and is 0
beyond (undated reports are compared with everything). Copies (``copies.py``) start in one
cluster: a copy is one report, not more evidence. Clusters then merge, most similar first,
while the average similarity over all pairs of their reports (a missing pair counts as 0)
stays at or above ``threshold``. The order of arrival plays no part: reports are sorted by
date and id first, ties break by id, so the partition is a function of the set of reports.
Consolidation (``split.py``) then cuts every event whose reports fall into two distinct
groups: two happenings of one kind."""

from __future__ import annotations

import datetime as dt
import heapq
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Final

import numpy as np
import scipy.sparse as sp

from marsad.organize.dating import text_date
from marsad.organize.lexicon import Lexicon
from marsad.organize.split import split_events
from marsad.organize.timing import When, gaps
from marsad.organize.union import joined
from marsad.organize.vectors import ReportTerms, VectorParams, report_terms


@dataclass(frozen=True, slots=True)
class EventItem:
    """A report to cluster: its id, title, body (original text) and day, when known (the day
    it was published, or ``crawled``: the day it was fetched, when its source gives none)."""

    id: str
    title: str | None
    body: str
    day: dt.date | None = None
    crawled: bool = False


@dataclass(frozen=True, slots=True)
class EventParams:
    vectors: VectorParams = field(default_factory=VectorParams)
    threshold: float = 0.25
    edge: float = 0.1  # similarities below this are treated as 0
    window_days: int = 4  # reports further apart than this are never compared
    fade: float = 0.5  # how much similarity is lost at ``window_days`` apart (linearly)
    text_dates: bool = True  # compare reports by the day their text gives, when it gives one
    # ... and by the day they came out too, and the days between (the text's day is evidence,
    # not a fact: a weekday read in the wrong week, a date of the background in the lead)
    text_span: bool = False
    # a report that gives no day for its happening is placed on the day it came out and this
    # many days before it (a morning paper reports yesterday); 1 scored lower on the tuning
    # gold than 0 (benchmarks/events.py, ablation rows)
    report_slack: int = 0
    # a partial reuse link makes a copy (one report, one event) when this much of the smaller
    # article stands inside the larger and its passages cover ``copy_lead`` of the larger's
    # lead (``copies.py``); None: only exact and near copies do
    copy_containment: float | None = 0.8
    copy_lead: float = 0.5
    split_ratio: float = 0.7  # consolidation: cut when between < ratio x within (split.py)
    split_min: int = 6  # events of fewer reports are never cut
    split_min_part: int = 3  # nor cut into a part of fewer reports

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0 or not 0.0 <= self.edge <= self.threshold:
            raise ValueError("need 0 <= edge <= threshold <= 1 and threshold > 0")
        if self.window_days < 0 or not 0.0 <= self.fade <= 1.0 or self.report_slack < 0:
            raise ValueError("need window_days >= 0, 0 <= fade <= 1 and report_slack >= 0")
        if self.split_ratio < 0 or self.split_min_part < 2 or self.split_min < 2:
            raise ValueError("need split_ratio >= 0 (0: never cut), split_min(_part) >= 2")

    def weights(self, gaps: np.ndarray) -> np.ndarray:
        """How much of their similarity two reports ``gaps`` days apart keep: all of it on one
        day, ``1 - fade`` at ``window_days`` apart, linearly between, nothing beyond."""
        gaps = np.abs(gaps)
        scale = self.fade / self.window_days if self.window_days else 0.0
        return np.where(gaps <= self.window_days, 1.0 - scale * gaps, 0.0)


@dataclass(frozen=True, slots=True)
class Partition:
    """Reports in (date, id) order, their term vectors (rows of ``matrix``), for each the
    position of its event's first report, and the days it was compared at (``when``)."""

    order: list[EventItem]
    matrix: sp.csr_matrix
    labels: list[int]
    lexicon: Lexicon
    days: list[When]

    def groups(self) -> dict[int, list[int]]:
        """Positions of each event's reports, keyed by the event's first position."""
        out: dict[int, list[int]] = defaultdict(list)
        for k, label in enumerate(self.labels):
            out[label].append(k)
        return dict(out)

    def by_id(self) -> dict[str, str]:
        return {it.id: self.order[self.labels[k]].id for k, it in enumerate(self.order)}


def partition(
    items: Sequence[EventItem],
    copies: Iterable[tuple[str, str]] = (),
    params: EventParams | None = None,
    terms: Mapping[str, ReportTerms] | None = None,
) -> Partition:
    """Reports grouped into events; ``copies`` (pairs of ids) always share an event.

    ``terms`` holds reports' terms computed before (by id); the others' are computed here.
    """
    params = params or EventParams()
    order = sorted(items, key=report_order)
    lexicon = Lexicon(params.vectors)
    found = known_terms(order, params.vectors, terms or {})
    matrix = lexicon.learn(found)
    days = [when(it, t, params) for it, t in zip(order, found, strict=True)]
    edges = similar_pairs(matrix, days, params)
    position = {it.id: k for k, it in enumerate(order)}
    must = [(position[a], position[b]) for a, b in copies if a in position and b in position]
    labels = average_link(len(order), edges, must, params.threshold)
    if params.split_ratio > 0:
        labels = split_events(matrix, days, labels, params, must)
    return Partition(order, matrix, labels, lexicon, days)


def report_order(item: EventItem) -> tuple[dt.date, str]:
    """The order reports are clustered in: by day (undated last), then id."""
    return (item.day or dt.date.max, item.id)


def when(item: EventItem, terms: ReportTerms, params: EventParams) -> When:
    """The days a report is compared at: the day its text gives for its happening when it
    gives one (``params.text_dates``), else the day it was published (or crawled) and the
    ``params.report_slack`` days before it, on which what it reports may have happened."""
    said = dt.date.fromisoformat(terms.date[0]).toordinal() if terms.date else None
    return when_days(item.day.toordinal() if item.day else None, said, params)


def when_days(day: int | None, text_day: int | None, params: EventParams) -> When:
    """``when`` from a report's day (ordinal) and the day its text gives (ordinal or None)."""
    if params.text_dates and text_day is not None:
        if params.text_span and day is not None:
            return min(text_day, day), max(text_day, day)
        return text_day, text_day
    if day is None:
        return None
    return day - params.report_slack, day


def all_terms(items: Sequence[EventItem], params: VectorParams) -> list[ReportTerms]:
    """``report_terms`` of every item, with the day its text gives (``dating.text_date``)."""
    return _terms_of([(it.title, it.body, it.day, it.crawled) for it in items], params)


def known_terms(
    items: Sequence[EventItem],
    params: VectorParams,
    known: Mapping[str, ReportTerms],
) -> list[ReportTerms]:
    """The terms of every item, from ``known`` where they are there, computed otherwise."""
    missing = [it for it in items if it.id not in known]
    found = dict(zip((it.id for it in missing), all_terms(missing, params), strict=True))
    return [known[it.id] if it.id in known else found[it.id] for it in items]


def _terms_of(
    texts: list[tuple[str | None, str, dt.date | None, bool]], params: VectorParams
) -> list[ReportTerms]:
    out = []
    for title, body, day, crawled in texts:
        said = text_date(title, body, day)
        if said and crawled:  # say what the phrase was read against
            said = (said[0], f"{said[1]} (read against the crawl date {day})")
        out.append(replace(report_terms(title, body, params), date=said))
    return out


def cluster_events(
    items: Sequence[EventItem],
    copies: Iterable[tuple[str, str]] = (),
    params: EventParams | None = None,
) -> dict[str, str]:
    """Each report's event, named by the id of its earliest report (by date, then id)."""
    return partition(items, copies, params).by_id()


def similar_pairs(
    matrix: sp.csr_matrix, days: Sequence[When], params: EventParams
) -> dict[tuple[int, int], float]:
    """Time-weighted cosine of every pair ``i < j`` of rows at or above ``params.edge``."""
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    undated: list[int] = []
    for k, span in enumerate(days):
        (by_span[span] if span else undated).append(k)
    blocks: list[tuple[Rows, Rows, float]] = []
    spans = sorted(by_span)
    slices = {span: (np.asarray(rows), matrix[rows]) for span, rows in by_span.items()}
    reach = params.window_days + max((last - first for first, last in spans), default=0)
    for n, span in enumerate(spans):
        for other in reversed(spans[: n + 1]):  # spans that start no later than this one
            if other[0] < span[0] - reach:
                break
            gap = gaps(span[0], span[1], other[0], other[1])
            weight = float(params.weights(gap))
            if weight > 0:
                blocks.append((slices[span], slices[other], weight))
    if undated:
        rows = np.asarray(undated)
        blocks.append(((rows, matrix[rows]), (np.arange(len(days)), matrix), 1.0))
    return _unique_pairs(_blocks(blocks, params.edge))


def _blocks(
    blocks: Sequence[tuple[Rows, Rows, float]], edge: float
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """``_block`` of each of ``blocks``, in order; on threads when there are many (SciPy's
    sparse products let go of the interpreter's lock, so two cores share them)."""
    if len(blocks) < _THREADED_BLOCKS or _THREADS < 2:
        return [_block(rows, cols, weight, edge) for rows, cols, weight in blocks]
    with ThreadPoolExecutor(_THREADS) as pool:
        return list(pool.map(lambda b: _block(b[0], b[1], b[2], edge), blocks))


_THREADS: Final = min(4, os.cpu_count() or 1)
_THREADED_BLOCKS: Final = 8


def pairs_with(
    matrix: sp.csr_matrix, days: Sequence[When], params: EventParams, rows: Sequence[int]
) -> dict[tuple[int, int], float]:
    """``similar_pairs`` of the pairs that hold at least one of ``rows`` (new reports beside
    stored ones: what stored reports share among themselves is not computed)."""
    by_span: dict[When, list[int]] = defaultdict(list)
    for k, span in enumerate(days):
        by_span[span].append(k)
    asked: dict[When, list[int]] = defaultdict(list)
    for k in rows:
        asked[days[k]].append(k)
    slices = {span: (np.asarray(ks), matrix[ks]) for span, ks in by_span.items()}
    blocks: list[tuple[Rows, Rows, float]] = []
    for span, ks in sorted(asked.items(), key=lambda item: item[0] or (0, 0)):
        mine = (np.asarray(ks), matrix[ks])
        for other, theirs in slices.items():
            if span is None or other is None:
                weight = 1.0  # undated reports are compared with every report
            else:
                weight = float(params.weights(gaps(span[0], span[1], other[0], other[1])))
            if weight > 0:
                blocks.append((mine, theirs, weight))
    return _unique_pairs(_blocks(blocks, params.edge))


def _unique_pairs(
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> dict[tuple[int, int], float]:
    """Blocks of (row, column, similarity) as one similarity a pair ``i < j`` (the largest
    when a pair was found twice); a row with itself left out."""
    if not found:
        return {}
    i, j, sims = (np.concatenate(parts) for parts in zip(*found, strict=True))
    low, high = np.minimum(i, j), np.maximum(i, j)
    keep = low != high
    low, high, sims = low[keep], high[keep], np.minimum(sims[keep], 1.0)
    if not len(sims):
        return {}
    order = np.lexsort((-sims, high, low))  # per pair, the largest similarity first
    low, high, sims = low[order], high[order], sims[order]
    first = np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])]
    pairs = zip(low[first].tolist(), high[first].tolist(), strict=True)
    return dict(zip(pairs, sims[first].tolist(), strict=True))


Rows = tuple[np.ndarray, sp.csr_matrix]  # positions, and their rows of the matrix


def _block(
    rows: Rows, cols: Rows, weight: float, edge: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (row, column, similarity) of every pair of ``rows`` x ``cols`` at or above ``edge``
    once weighted."""
    sims = sp.coo_matrix(rows[1] @ cols[1].T)
    weighted = sims.data * weight
    keep = weighted >= edge
    return rows[0][sims.row[keep]], cols[0][sims.col[keep]], weighted[keep]


def average_link(
    n: int,
    edges: dict[tuple[int, int], float],
    must: Sequence[tuple[int, int]],
    threshold: float,
    apart: Sequence[bool] | None = None,
) -> list[int]:
    """Average-link clusters of ``n`` items over sparse similarities; each item's label is the
    smallest item of its cluster. ``must`` pairs start in one cluster; two clusters that
    each hold an item marked in ``apart`` never merge (nor does a ``must`` pair join them).
    """
    parent = joined(n, must, apart)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    size = [0] * n
    fixed = [False] * n
    for k in range(n):
        size[find(k)] += 1
        if apart is not None and apart[k]:
            fixed[find(k)] = True
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in edges.items():
        ri, rj = find(i), find(j)
        if ri != rj:
            sums[ri][rj] = sums[ri].get(rj, 0.0) + s
            sums[rj][ri] = sums[rj].get(ri, 0.0) + s
    heap = [
        (-s / (size[a] * size[b]), a, b) for a, nb in sums.items() for b, s in nb.items() if a < b
    ]
    heapq.heapify(heap)
    alive = {find(k) for k in range(n)}
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if a not in alive or b not in alive or sums[a].get(b) is None:
            continue
        if abs(-neg - sums[a][b] / (size[a] * size[b])) > 1e-12:
            continue  # stale: the pair's average changed since it was pushed
        if fixed[a] and fixed[b]:
            continue  # two clusters kept apart
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        alive.discard(gone)
        size[keep] += size[gone]
        fixed[keep] = fixed[keep] or fixed[gone]
        merged = sums.pop(gone)
        merged.pop(keep, None)
        sums[keep].pop(gone, None)
        for other, s in merged.items():
            sums[other].pop(gone, None)
            total = sums[keep].get(other, 0.0) + s
            sums[keep][other] = total
            sums[other][keep] = total
        for other, total in sums[keep].items():
            x, y = min(keep, other), max(keep, other)
            heapq.heappush(heap, (-total / (size[keep] * size[other]), x, y))
    return [find(k) for k in range(n)]


def cluster_texts(
    items: Sequence[tuple[str, str, str, dt.date | None]], params: EventParams | None = None
) -> dict[str, str]:
    """``(id, title, text, published)`` items → event label of each (the benchmark's entry)."""
    return cluster_events([EventItem(i, t, x, d) for i, t, x, d in items], params=params)

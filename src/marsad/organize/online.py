"""Online event assignment: each new report joins an existing event or opens a new one.

The index holds every report's term vector (weighted with the document frequencies known when
it arrived) and its event. A new report is compared with every report in one pass (the index's
sparse matrix times the report's dense vector), the similarities fading with the days between
them as in the batch clustering (``EventParams.weights``: 0 beyond ``window_days``; a report
is compared at the day its text gives, else the day it came out; undated reports: no
fading); its similarity to an
event is the time-weighted average over all of the event's reports, as in the batch
clustering, and it joins the best event at or above the threshold. Consolidation — the batch
``partition`` over all reports — then corrects what arrival order got wrong; the benchmark
measures how often it has to.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from marsad.organize.events import EventItem, EventParams, Partition, all_terms, when
from marsad.organize.lexicon import Lexicon
from marsad.organize.timing import When, gaps
from marsad.organize.vectors import ReportTerms


class EventIndex:
    """Reports, their vectors and events, grown one report at a time."""

    def __init__(self, params: EventParams | None = None, lexicon: Lexicon | None = None) -> None:
        self.params = params or EventParams()
        self.lexicon = lexicon or Lexicon(self.params.vectors)
        self.base = sp.csr_matrix((0, 0))
        self.pending: list[sp.csr_matrix] = []
        # the pending rows' entries end to end (columns, values, row), grown in place
        self._held = np.zeros((3, 4096))
        self._filled = 0
        self._query = np.zeros(0)  # a dense vector, all zeros between uses
        self.size = 0  # reports held
        self._days = np.zeros((64, 2), dtype=np.int64)  # spans of days (``When``); -1: none
        self._codes = np.zeros(64, dtype=np.int64)  # each report's event, in ``events``
        self.events: list[str] = []  # event ids (each its first report's id)
        self._code: dict[str, int] = {}
        # ``base`` by column, in blocks of consecutive rows (first row, block), made when
        # needed: the rows flushed since become a block of their own, and a block is merged
        # with the one before it when that one is not more than twice its size, so a row is
        # re-sorted by column a logarithmic number of times, not at every flush
        self._by_term: list[tuple[int, sp.csc_matrix]] = []

    @property
    def days(self) -> np.ndarray:
        """Each report's span of days (first, last; -1, -1: none), in the order they came."""
        return self._days[: self.size]

    @property
    def codes(self) -> np.ndarray:
        """Each report's event, as an index into ``events``."""
        return self._codes[: self.size]

    @classmethod
    def of(cls, part: Partition, params: EventParams | None = None) -> EventIndex:
        """An index holding a consolidated partition (and its vocabulary)."""
        events = [part.order[label].id for label in part.labels]
        return cls.known(part.lexicon, part.matrix, part.order, events, params, part.days)

    @classmethod
    def known(
        cls,
        lexicon: Lexicon,
        matrix: sp.csr_matrix,
        items: Sequence[EventItem],
        events: Sequence[str],
        params: EventParams | None = None,
        days: Sequence[When] | None = None,
    ) -> EventIndex:
        """An index of ``items`` (rows of ``matrix``, from ``lexicon``) in the given events,
        compared at ``days`` (by default the items' own days)."""
        index = cls(params, lexicon)
        index.base = matrix.copy()  # the index grows its own matrix in place
        for k, (item, event) in enumerate(zip(items, events, strict=True)):
            own = (item.day.toordinal(),) * 2 if item.day else None
            index._record(event, days[k] if days is not None else own)
        return index

    def join(self, item: EventItem, event: str, terms: ReportTerms | None = None) -> None:
        """Add a report to a known event without comparing it (a copy joins its original's)."""
        terms = terms or self._terms(item)
        self._hold(self.lexicon.learn([terms]))
        self._record(event, when(item, terms, self.params))

    def extend(self, vectors: sp.csr_matrix, events: Sequence[str], days: Sequence[When]) -> None:
        """Add reports already counted by the lexicon (the rows of ``vectors``) to the events
        decided for them, compared at ``days``."""
        if self.pending:
            self._flush()
        width = max(self.base.shape[1], vectors.shape[1])
        self.base.resize((self.base.shape[0], width))
        wide = vectors.copy()
        wide.resize((vectors.shape[0], width))
        self.base = sp.vstack([self.base, wide]).tocsr()
        for event, day in zip(events, days, strict=True):
            self._record(event, day)

    def matrix(self) -> sp.csr_matrix:
        """Every report's vector, in the order they came in."""
        if self.pending:
            self._flush()
        return self.base

    def _terms(self, item: EventItem) -> ReportTerms:
        return all_terms([item], self.params.vectors)[0]

    def _record(self, event: str, day: When) -> None:
        code = self._code.setdefault(event, len(self.events))
        if code == len(self.events):
            self.events.append(event)
        if self.size == len(self._codes):  # full: twice the room
            self._codes = np.concatenate([self._codes, np.zeros_like(self._codes)])
            self._days = np.concatenate([self._days, np.zeros_like(self._days)])
        self._codes[self.size] = code
        self._days[self.size] = day or (-1, -1)
        self.size += 1

    def assign(
        self, item: EventItem, terms: ReportTerms | None = None, opens: str | None = None
    ) -> str:
        """The event of a new report: an existing event's id, or ``opens`` (by default the
        report's own id) for a new one (``terms``: the report's, when computed before)."""
        terms = terms or self._terms(item)
        vector = self.lexicon.learn([terms])
        day = when(item, terms, self.params)
        event = self._best(vector, day) or opens or item.id
        self._hold(vector)
        self._record(event, day)
        if len(self.pending) >= 256:
            self._flush()
        return event

    def _best(self, vector: sp.csr_matrix, day: When) -> str | None:
        if not self.size:
            return None
        sims = np.concatenate([self._similarities(vector), self._pending_similarities(vector)])
        days = self.days
        if day is not None:
            fade = self.params.weights(gaps(days[:, 0], days[:, 1], day[0], day[1]))
            sims = sims * np.where(days[:, 0] < 0, 1.0, fade)
        sims[sims < self.params.edge] = 0.0
        codes = self.codes
        average = np.bincount(codes, weights=sims) / np.bincount(codes)
        best = int(np.argmax(average))
        return self.events[best] if average[best] >= self.params.threshold else None

    def _similarities(self, vector: sp.csr_matrix) -> np.ndarray:
        """The dot product of ``vector`` with every row of ``base``, read column by column:
        only the entries of the terms it holds, not every entry of the index."""
        return np.concatenate(
            [np.zeros(0), *(_dot_columns(block, vector) for _, block in self._blocks())]
        )

    def _blocks(self) -> list[tuple[int, sp.csc_matrix]]:
        """``_by_term``, brought up to every row of ``base``."""
        blocks = self._by_term
        covered = blocks[-1][0] + blocks[-1][1].shape[0] if blocks else 0
        if covered < self.base.shape[0]:
            blocks.append((covered, self.base[covered:].tocsc()))
            while len(blocks) > 1 and blocks[-2][1].shape[0] <= 2 * blocks[-1][1].shape[0]:
                first = blocks[-2][0]
                del blocks[-2:]
                blocks.append((first, self.base[first:].tocsc()))
        return blocks

    def _hold(self, vector: sp.csr_matrix) -> None:
        """Add a row to ``pending`` (and its entries to the end of ``_held``)."""
        end = self._filled + len(vector.indices)
        if end > self._held.shape[1]:
            grown = np.zeros((3, max(end, 2 * self._held.shape[1])))
            grown[:, : self._filled] = self._held[:, : self._filled]
            self._held = grown
        self._held[0, self._filled : end] = vector.indices
        self._held[1, self._filled : end] = vector.data
        self._held[2, self._filled : end] = len(self.pending)
        self._filled = end
        self.pending.append(vector)

    def _pending_similarities(self, vector: sp.csr_matrix) -> np.ndarray:
        """The dot product of ``vector`` with each row not yet in ``base``, all at once (the
        rows' entries end to end, against the vector made dense)."""
        if not self.pending:
            return np.zeros(0)
        if len(self._query) < vector.shape[1]:
            self._query = np.zeros(max(vector.shape[1], 2 * len(self._query)))
        columns, values, rows = self._held[:, : self._filled]
        query = self._query
        query[vector.indices] = vector.data
        products = values * query[columns.astype(np.int64)]
        query[vector.indices] = 0.0
        return np.bincount(rows.astype(np.int64), weights=products, minlength=len(self.pending))

    def _flush(self) -> None:
        width = self.pending[-1].shape[1]
        self.base.resize((self.base.shape[0], width))
        for row in self.pending:
            row.resize((1, width))
        self.base = sp.vstack([self.base, *self.pending]).tocsr()
        self.pending = []
        self._filled = 0


def _dot_columns(by_term: sp.csc_matrix, vector: sp.csr_matrix) -> np.ndarray:
    """The dot product of ``vector`` with every row of ``by_term`` (the rows by column): only
    the entries of the terms the vector holds are read."""
    inside = vector.indices < by_term.shape[1]
    columns, weights = vector.indices[inside], vector.data[inside]
    starts, ends = by_term.indptr[columns], by_term.indptr[columns + 1]
    lengths = ends - starts
    # positions of the columns' entries: each column's run start..end, end to end
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    positions = offsets + np.arange(int(lengths.sum()))
    return np.bincount(
        by_term.indices[positions],
        weights=by_term.data[positions] * np.repeat(weights, lengths),
        minlength=by_term.shape[0],
    )

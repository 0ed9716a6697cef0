"""New articles join the stored events online, reading only what they can touch.

A report is compared only with reports within ``EventParams.window_days`` of it (and with
undated ones), so the update reads, through the stored days of every report's terms, the
reports near the new ones in time, then every report of the events those are in (an event's
similarity is the average over all its reports), and the events of the reports the new ones
copy. Their vectors are weighted with the stored document frequencies and letter case counts
(``Lexicon`` with the store as its source): what the update reads is what it compares, not
the store. A new event joins the storyline it continues: it is compared with the events read
and, through the stored centroids indexed by term, with every other event that shares a term
with it. What the update writes back: the events it changed, their storylines, their
centroids, and the counts its new reports add.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from marsad.engine.event_rows import centroid_terms, event_record, item_of, storyline_record
from marsad.engine.linking import StepProgress, no_progress
from marsad.models import Event, LexiconCounts, Storyline
from marsad.organize.copies import copy_pairs
from marsad.organize.events import (
    EventItem,
    EventParams,
    Partition,
    report_order,
    when,
    when_days,
)
from marsad.organize.lexicon import Lexicon
from marsad.organize.online import EventIndex
from marsad.organize.split import split_events
from marsad.organize.stitch import stitch
from marsad.organize.storylines import StoryParams, centroids, continued_storyline, representatives
from marsad.organize.timing import When
from marsad.organize.vectors import ReportTerms
from marsad.store import Store
from marsad.store.protocol import EventIndexStore
from marsad.store.records import EventInput, decode_stems

TermsOf = Callable[[Sequence[EventInput]], dict[str, ReportTerms]]


@dataclass(slots=True)
class Placed:
    """What placing new articles changed: events, their storylines and centroids, counts."""

    events: list[Event]
    storylines: list[Storyline]
    counts: LexiconCounts
    centroids: dict[str, dict[str, float]]


def place_online(
    store: Store,
    new_rows: Sequence[EventInput],
    terms_of: TermsOf,
    copies: Sequence[tuple[str, str]],
    params: EventParams,
    story: StoryParams,
    step: StepProgress = no_progress,
    stitched: bool = False,
) -> Placed:
    """Place ``new_rows`` one by one, in (date, id) order, into the stored events: a copy
    joins its original's event, any other report the most similar event within the time
    window or a new one (``terms_of``: reports' terms, stored or computed); ``stitched``: all
    at once, grouped among themselves and with the stored events (``organize/stitch.py``)."""
    tables = store.event_index
    terms = terms_of(new_rows)
    new = sorted((item_of(r) for r in new_rows), key=report_order)
    spans = [when(it, terms[it.id], params) for it in new]
    partners: dict[str, list[str]] = {}
    for a, b in copies:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
    near = _near(tables, spans, params) | (set(partners) - {it.id for it in new})
    event_of = tables.members(set(tables.events_of(near).values()))
    rows = {r.id: r for r in tables.inputs(list(event_of))}
    old = sorted((item_of(rows[i]) for i in event_of), key=report_order)
    stored = {s.id: s for s in tables.stems(list(event_of))}
    unstored = [rows[i] for i in event_of if i not in stored]
    if unstored:  # terms never computed (cannot happen after a consolidation): now
        terms_of(unstored)
        stored.update((s.id, s) for s in tables.stems([r.id for r in unstored]))
    cased = terms_of([rows[it.id] for it in old if stored[it.id].cased])  # names count
    lexicon = Lexicon(params.vectors, source=tables, docs=tables.docs() or 0)
    matrix = lexicon.weigh_stored(
        [decode_stems(stored[it.id].stems) for it in old],
        {k: cased[it.id] for k, it in enumerate(old) if it.id in cased},
    )
    days = [
        when_days(it.day.toordinal() if it.day else None, stored[it.id].text_day, params)
        for it in old
    ]
    rows.update((r.id, r) for r in new_rows)
    index = EventIndex.known(lexicon, matrix, old, [event_of[it.id] for it in old], params, days)
    index.lexicon.expect([terms[it.id] for it in new])
    if stitched:
        opened = _grouped(index, old, new, terms, days, spans, event_of, partners, params, step)
    else:
        opened = _one_by_one(index, new, terms, event_of, partners, step)
    order = old + new
    days += spans
    touched = {event_of[it.id] for it in new}
    moved = _cut(store, index.matrix(), order, days, event_of, touched, params)
    event_of.update(moved)
    touched |= set(moved.values())
    opened |= set(moved.values())
    members = [rows[it.id] for it in old if event_of[it.id] in touched]
    terms.update(terms_of([r for r in members if r.id not in terms]))  # their dates
    return _touched(store, rows, terms, order, days, index, event_of, touched, opened, story)


def _one_by_one(
    index: EventIndex,
    new: Sequence[EventItem],
    terms: Mapping[str, ReportTerms],
    event_of: dict[str, str],
    partners: Mapping[str, list[str]],
    step: StepProgress,
) -> set[str]:
    """The ``new`` reports placed in ``index`` in order, each joining its original's event (a
    copy) or the best event, or opening one; ``event_of`` takes their events. Returns the
    events they opened."""
    opened: set[str] = set()
    for done, item in enumerate(new):
        step("placing new articles", done, len(new))
        original = next((event_of[p] for p in partners.get(item.id, ()) if p in event_of), None)
        if original is not None:  # a copy is one report with its original
            index.join(item, original, terms[item.id])
            event_of[item.id] = original
            continue
        event_of[item.id] = index.assign(item, terms[item.id], opens=f"e{item.id}")
        if event_of[item.id] == f"e{item.id}":
            opened.add(event_of[item.id])
    step("placing new articles", len(new), len(new))
    return opened


def _grouped(
    index: EventIndex,
    old: Sequence[EventItem],
    new: Sequence[EventItem],
    terms: Mapping[str, ReportTerms],
    days: Sequence[When],
    spans: Sequence[When],
    event_of: dict[str, str],
    partners: Mapping[str, list[str]],
    params: EventParams,
    step: StepProgress,
) -> set[str]:
    """The ``new`` reports grouped at once with the stored ones of ``index`` (rows in the
    order of ``old``, compared at ``days``) and added to it; ``event_of`` takes their events.
    Returns the events they opened."""
    step("grouping new articles", 0, len(new))
    vectors = index.lexicon.learn([terms[it.id] for it in new])
    position = {it.id: k for k, it in enumerate(old)}
    position.update((it.id, len(old) + k) for k, it in enumerate(new))
    copies = [
        (position[it.id], position[other])
        for it in new
        for other in partners.get(it.id, ())
        if other in position
    ]
    found = stitch(
        index.matrix(),
        [event_of[it.id] for it in old],
        vectors,
        [it.id for it in new],
        [*days, *spans],
        copies,
        params,
    )
    index.extend(vectors, found, spans)
    event_of.update((it.id, event) for it, event in zip(new, found, strict=True))
    step("grouping new articles", len(new), len(new))
    return {event for it, event in zip(new, found, strict=True) if event == f"e{it.id}"}


def _cut(
    store: Store,
    matrix: sp.csr_matrix,
    order: Sequence[EventItem],
    days: Sequence[When],
    event_of: Mapping[str, str],
    touched: set[str],
    params: EventParams,
) -> dict[str, str]:
    """The touched events that now hold two happenings cut as consolidation cuts them
    (``split.py``, over the rows of ``matrix``, aligned with ``order``): the new event of each
    report moved. The part holding the report the event is named after keeps the name; the
    other is named after its earliest report."""
    size = Counter(event_of[it.id] for it in order)
    big = {e for e in touched if size[e] >= params.split_min}
    if params.split_ratio <= 0 or not big:
        return {}
    positions = [k for k, it in enumerate(order) if event_of[it.id] in big]
    ids = [order[k].id for k in positions]
    local = {a: n for n, a in enumerate(ids)}
    links = [
        link
        for link in store.reuse.copy_candidates(params.copy_containment, ids)
        if link.a in local and link.b in local
    ]
    partial = sorted({x for link in links if link.kind == "partial" for x in (link.a, link.b)})
    bodies = {r.id: r.body for r in store.event_index.inputs(partial, bodies=True)}
    copies = copy_pairs(links, bodies.__getitem__, params.copy_containment, params.copy_lead)
    first: dict[str, int] = {}
    for n, a in enumerate(ids):
        first.setdefault(event_of[a], n)
    labels = [first[event_of[a]] for a in ids]
    cut = split_events(
        matrix[positions],
        [days[k] for k in positions],
        labels,
        params,
        [(local[a], local[b]) for a, b in copies],
    )
    parts: dict[tuple[str, int], list[EventItem]] = {}
    for n, k in enumerate(positions):
        parts.setdefault((event_of[ids[n]], cut[n]), []).append(order[k])
    moved: dict[str, str] = {}
    for event in sorted(big):
        mine = sorted((label, items) for (e, label), items in parts.items() if e == event)
        if len(mine) < 2:
            continue
        keeper = next(
            (label for label, items in mine if any(event in (it.id, f"e{it.id}") for it in items)),
            mine[0][0],
        )
        for label, items in mine:
            if label != keeper:
                name = _free_name(store, [it.id for it in sorted(items, key=report_order)])
                moved.update((it.id, name) for it in items)
    return moved


def _free_line(store: Store, line: str, sizes: Mapping[str, int]) -> str:
    """``line``, or a numbered form of it when a storyline kept that name through a
    consolidation (``organize.renaming``) while the event it was named after moved."""
    found, suffix = line, 1
    while sizes.get(found) or store.event_index.storyline_sizes([found]).get(found):
        found = f"{line}-{suffix}"
        suffix += 1
    return found


def _free_name(store: Store, reports: Sequence[str]) -> str:
    """The name for a part cut off an event: after its earliest report, unless an event kept
    that name through a consolidation (``organize.renaming``), then after the next, or
    numbered."""
    taken = set(store.event_index.members([f"e{r}" for r in reports]).values())
    free = next((f"e{r}" for r in reports if f"e{r}" not in taken), None)
    suffix = 1
    while free is None:
        candidate = f"e{reports[0]}-{suffix}"
        free = None if store.event_index.members([candidate]) else candidate
        suffix += 1
    return free


def _near(tables: EventIndexStore, spans: Sequence[When], params: EventParams) -> set[str]:
    """The stored reports that reports at ``spans`` may be compared with: within the window
    of one of them (the windows merged into runs of days, each one range query), or all of
    them when one of the spans is unknown (an undated report is compared with everything)."""
    if any(span is None for span in spans):
        return tables.everything()
    reach = params.window_days
    runs: list[list[int]] = []
    for first, last in sorted((s[0] - reach, s[1] + reach) for s in spans if s is not None):
        if runs and first <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    found: set[str] = set()
    for first, last in runs:
        found |= tables.near(first, last, params.report_slack)
    return found


def _touched(
    store: Store,
    rows: Mapping[str, EventInput],
    terms: Mapping[str, ReportTerms],
    order: list[EventItem],
    days: list[When],
    index: EventIndex,
    event_of: Mapping[str, str],
    touched: set[str],
    opened: set[str],
    story: StoryParams,
) -> Placed:
    """The touched events rebuilt (titles, dates, centroids), new events placed in the
    storylines they continue, and the storylines that changed."""
    first: dict[str, int] = {}
    for k, item in enumerate(order):
        first.setdefault(event_of[item.id], k)
    labels = [first[event_of[it.id]] for it in order]
    part = Partition(order, index.matrix(), labels, index.lexicon, days)
    keys, centres = centroids(part, story.top_terms)
    best_of = representatives(part, keys, centres)
    key_of = {event_of[order[key].id]: row for row, key in enumerate(keys)}
    story_of = store.event_index.storylines_of(set(key_of) - opened)
    line_of_row: list[str | None] = [story_of.get(event_of[order[key].id]) for key in keys]
    sizes = Counter(store.event_index.storyline_sizes({s for s in story_of.values() if s}))
    outside = _Outside(store, index.lexicon, centres, [key_of[n] for n in sorted(opened)], key_of)
    near = _Products(centres, [key_of[name] for name in sorted(opened)])
    for k, name in enumerate(sorted(opened)):  # a new event joins the storyline it continues
        row = key_of[name]
        sims = near.row(k)
        sims[row] = 0.0
        far_sims, far_lines = outside.nearest(row, story.neighbours, story.edge)
        unknown = {line for line in far_lines if line and line not in sizes}
        sizes.update(store.event_index.storyline_sizes(unknown))
        line = continued_storyline(
            np.concatenate([sims, far_sims]), [*line_of_row, *far_lines], sizes, story
        )
        line = line or _free_line(store, f"s{name[1:]}", sizes)
        story_of[name] = line_of_row[row] = line
        sizes[line] += 1
    members: dict[str, list[int]] = {}
    for k, item in enumerate(order):
        if event_of[item.id] in touched:
            members.setdefault(event_of[item.id], []).append(k)

    def body_of(article: str) -> str:
        return rows[article].body or store.event_index.inputs([article], bodies=True)[0].body

    events = [
        event_record(
            name, part, positions, best_of[first[name]], rows, terms, story_of[name], body_of
        )
        for name, positions in sorted(members.items())
    ]
    changed = {e.id: e for e in events}
    lines = {str(e.storyline) for e in events}
    by_line: dict[str, list[Event]] = {}
    for e in (*store.events.of_storylines(sorted(lines)), *events):
        by_line.setdefault(str(e.storyline), []).append(changed.get(e.id, e))
    storylines = [
        storyline_record(sid, {e.id: e for e in by_line[sid]}.values()) for sid in sorted(lines)
    ]
    centres_of = centroid_terms(
        centres, {name: key_of[name] for name in touched}, index.lexicon.vocab.names
    )
    return Placed(events, storylines, index.lexicon.added(), centres_of)


class _Products:
    """The similarities of the centres at ``rows`` with every centre, computed ``CHUNK``
    rows at a time as they are asked for in order (thousands of new events, in a segment of a
    consolidation, would otherwise hold a dense matrix of thousands by tens of thousands)."""

    CHUNK = 256

    def __init__(self, centres: sp.csr_matrix, rows: Sequence[int]) -> None:
        self.centres, self.rows = centres, list(rows)
        self.start, self.block = 0, np.zeros((0, centres.shape[0]))

    def row(self, k: int) -> np.ndarray:
        if not self.start <= k < self.start + len(self.block):
            self.start = k
            chunk = self.rows[k : k + self.CHUNK]
            self.block = (self.centres[chunk] @ self.centres.T).toarray()
        found: np.ndarray = self.block[k - self.start]
        return found


class _Outside:
    """The stored events not read by the update that share a centroid term with the new
    events' centroids (rows ``queries`` of ``centres``), with their similarities."""

    def __init__(
        self,
        store: Store,
        lexicon: Lexicon,
        centres: sp.csr_matrix,
        queries: Sequence[int],
        inside: Mapping[str, int],
    ) -> None:
        self.store = store
        self.rows = {row: k for k, row in enumerate(queries)}
        asked = sorted(set(lexicon.vocab.names(np.unique(centres[list(queries)].indices).tolist())))
        column = lexicon.vocab.index
        found = [e for e in store.event_index.centroid_entries(asked) if e.event not in inside]
        self.events = sorted({e.event for e in found})
        number = {e: k for k, e in enumerate(self.events)}
        far = sp.csr_matrix(
            (
                [e.weight for e in found],
                ([number[e.event] for e in found], [column[e.term] for e in found]),
            ),
            shape=(len(self.events), centres.shape[1]),
        )
        self.sims = sp.csr_matrix(centres[list(queries)] @ far.T) if queries else None

    def nearest(self, row: int, k: int, floor: float) -> tuple[np.ndarray, list[str | None]]:
        """The similarities of the ``k`` outside events nearest to the event at ``row`` of
        the centres, among those at least ``floor`` similar, and their storylines."""
        if self.sims is None or not self.events:
            return np.zeros(0), []
        line = self.sims.getrow(self.rows[row])
        strong = np.flatnonzero(line.data >= floor)
        top = strong[np.argsort(-line.data[strong], kind="stable")[:k]]
        names = [self.events[c] for c in line.indices[top].tolist()]
        of = self.store.event_index.storylines_of(names)
        return line.data[top], [of.get(n) for n in names]

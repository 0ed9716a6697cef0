"""Bring events and storylines up to date with the stored articles.

Two ways, chosen by how much is new:

- **Online**: a handful of new articles (at most ``CONSOLIDATE_SHARE`` of those already in
  events, or ``CONSOLIDATE_MIN``) join the stored partition one at a time, in (date, id) order:
  a copy joins its original's event, any other report the most similar event within the time
  window or a new one (``organize.online.EventIndex``, milliseconds a report). The update
  reads what the new articles can touch, not the store (``events_online``). Only the events
  they touch are re-titled and re-dated; a new event joins the storyline whose events it is,
  on average, most similar to (``StoryParams.threshold``), or opens one.
- **Consolidation**: past that share, or when asked (``consolidate=True``, ``marsad
  rebuild``), or when the store keeps no counts to weigh vectors by yet (a store from before
  them), the whole partition is recomputed from all stored articles
  (``organize.events.partition``: a function of the set of articles, so any order of arrival
  and ``rebuild`` agree); the online count goes back to 0. Past ``WHOLE_MAX`` articles, whose
  grouping at once would hold memory in proportion to the store, it goes in segments: the
  earliest ``WHOLE_MAX`` by date grouped at once, the others placed online ``SEGMENT`` at a
  time in date order, each segment reading what its window can touch.

A report's terms (stems, capitalized words, transliteration keys) and the day its text gives
for its happening are computed once and stored with it (``event_terms``, with the days a
window reads by), so neither way tokenizes or dates an article twice. The store keeps the
version of the code and parameters they come from (``engine.terms_version``): when it is
another (new date rules, an upgrade), every report's terms are computed again and the update
consolidates, so stored reports are dated by the rules of the code that reads them. Reuse
links are read from the store: exact and near copies, and partial copies that open the
report they are in (``organize.copies``), share an event.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from marsad.engine.event_rows import (
    centroid_terms,
    event_record,
    item_of,
    storyline_record,
)
from marsad.engine.events_online import TermsOf, place_online
from marsad.engine.linking import StepProgress, no_progress
from marsad.engine.terms_version import terms_version
from marsad.link.pages import small_pages
from marsad.models import Event, Storyline
from marsad.organize.copies import copy_pairs
from marsad.organize.dating import day_of
from marsad.organize.events import EventItem, EventParams, Partition, all_terms, partition
from marsad.organize.renaming import kept_names
from marsad.organize.storylines import StoryParams, centroids, link_events, representatives
from marsad.organize.vectors import ReportTerms, VectorParams, decode_terms, encode_terms
from marsad.store import Store
from marsad.store.records import ArticleDates, EventInput, TermsRow, encode_stems

CONSOLIDATE_SHARE = 0.05  # online while the new articles are at most this share of the organized
CONSOLIDATE_MIN = 200  # ... or at most this many
TERMS_CHUNK = 4000  # articles whose terms are computed (and stored) at a time
TERMS_TASK = 500  # ... and that a worker process takes at a time (TERMS_CHUNK is a multiple)
PARALLEL_TERMS = 2000  # articles below which worker processes do not pay for their start
ONLINE_KEY = "online_since_consolidation"
TERMS_KEY = "terms_version"  # event_state: the version of the code the stored terms come from
WHOLE_MAX = 50_000
"""A consolidation groups at most this many articles at once (its memory grows with them)."""
SEGMENT = 10_000  # past WHOLE_MAX, articles placed online at a time, in date order


@dataclass(slots=True)
class EventReport:
    """What one update of events and storylines did (``mode``: online, consolidated or
    unchanged; ``online_pending``: articles placed online since the last consolidation)."""

    articles: int = 0
    events: int = 0
    storylines: int = 0
    seconds: float = 0.0
    mode: str = "unchanged"
    new_articles: int = 0
    online_pending: int = 0


@small_pages()
def update_events(
    store: Store,
    params: EventParams | None = None,
    story: StoryParams | None = None,
    workers: int = 1,
    consolidate: bool | None = None,
    progress: StepProgress | None = None,
    whole_max: int = WHOLE_MAX,
    segment: int = SEGMENT,
    stitched: bool = True,
) -> EventReport:
    """Place new articles into events and storylines: online, or by recomputing everything
    (``consolidate`` True forces it, False forbids it unless the store keeps no counts yet
    or its terms come from other code, None decides by the share of new; ``progress``, when
    given, hears of each step: see ``engine.linking.StepProgress``). A consolidation in
    segments groups each segment at once with the stored events (``stitched``) or places
    its reports online one at a time (as before; for the benchmarks)."""
    start = time.perf_counter()
    step = progress or no_progress
    params, story = params or EventParams(), story or StoryParams()
    version = terms_version(params.vectors)
    stale = store.events.state(TERMS_KEY) != version
    if stale:  # computed by other rules or parameters (or never): all computed again
        store.events.forget_terms()
        consolidate = True
    queued = store.event_index.queued_count()
    organized = store.event_index.organized_count()
    pending = int(store.events.state(ONLINE_KEY, "0") or 0)
    if not queued and not consolidate:
        sizes = store.events.sizes()
        seconds = time.perf_counter() - start
        return EventReport(
            organized, sizes.events, sizes.storylines, seconds, "unchanged", 0, pending
        )
    limit = max(CONSOLIDATE_MIN, CONSOLIDATE_SHARE * organized)
    counted = store.event_index.docs() is not None
    online = counted and (
        consolidate is False or (consolidate is None and pending + queued <= limit)
    )

    def terms_of(rows: Sequence[EventInput]) -> dict[str, ReportTerms]:
        return _terms(store, rows, params, workers, step)

    if online:
        _place(store, store.event_index.queued(), terms_of, params, story, step)
        pending, mode, articles = pending + queued, "online", organized + queued
    elif organized + queued <= whole_max:
        rows = store.event_index.all_inputs()
        _consolidate(
            store,
            rows,
            _terms(store, rows, params, workers, step, every=True),
            params,
            story,
            step,
            every=True,
        )
        pending, mode, articles = 0, "consolidated", len(rows)
        queued = len(rows) - organized
    else:
        articles = _consolidate_bounded(
            store, terms_of, params, story, step, whole_max, segment, stitched
        )
        pending, mode, queued = 0, "consolidated", articles - organized
    step("saving events", 1, 1)
    store.events.set_state(ONLINE_KEY, str(pending))
    if stale:
        store.events.set_state(TERMS_KEY, version)
    sizes = store.events.sizes()
    seconds = time.perf_counter() - start
    return EventReport(articles, sizes.events, sizes.storylines, seconds, mode, queued, pending)


def _consolidate(
    store: Store,
    rows: Sequence[EventInput],
    terms: Mapping[str, ReportTerms],
    params: EventParams,
    story: StoryParams,
    step: StepProgress,
    every: bool = False,
) -> None:
    """Group ``rows`` (with their bodies; ``every``: all stored articles) into events and
    storylines at once, in place of every stored event (the copy rule reads the links among
    ``rows`` only)."""
    bodies = {r.id: r.body for r in rows}
    candidates = store.reuse.copy_candidates(
        params.copy_containment, None if every else list(bodies)
    )
    copies = copy_pairs(
        [c for c in candidates if c.a in bodies and c.b in bodies],
        bodies.__getitem__,
        params.copy_containment,
        params.copy_lead,
    )
    step("grouping reports into events", 0, 1)
    part = partition([item_of(r) for r in rows], copies, params, terms)
    step("grouping reports into events", 1, 1)
    step("titling events and linking storylines", 0, 1)
    events, storylines, centres = _assemble(part, rows, terms, story)
    events, storylines, centres = _keep_names(store, events, storylines, centres)
    step("titling events and linking storylines", 1, 1)
    step("saving events", 0, 1)
    store.events.replace(events, storylines, part.lexicon.added(), centres)


def _keep_names(
    store: Store,
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    centres: dict[str, dict[str, float]],
) -> tuple[list[Event], list[Storyline], dict[str, dict[str, float]]]:
    """The consolidated events and storylines under the names the stored ones had, where
    they hold most of the same reports (``organize.renaming``): ids a user was shown stay."""
    stored = store.events.events()
    if not stored:
        return list(events), list(storylines), centres
    old_event = {a: e.id for e in stored for a in e.articles}
    old_line = {a: str(e.storyline) for e in stored if e.storyline for a in e.articles}
    kept = kept_names({e.id: e.articles for e in events}, old_event, "e")
    articles_of = {e.id: e.articles for e in events}
    lines = kept_names(
        {line.id: [a for e in line.events for a in articles_of[e]] for line in storylines},
        old_line,
        "s",
    )
    renamed = [
        replace(e, id=kept[e.id], storyline=lines[e.storyline] if e.storyline else None)
        for e in events
    ]
    return (
        sorted(renamed, key=lambda e: e.id),
        [
            replace(line, id=lines[line.id], events=tuple(kept[e] for e in line.events))
            for line in storylines
        ],
        {kept[event]: terms for event, terms in centres.items()},
    )


def _place(
    store: Store,
    new: Sequence[EventInput],
    terms_of: TermsOf,
    params: EventParams,
    story: StoryParams,
    step: StepProgress,
    stitched: bool = False,
) -> None:
    """Place ``new`` (with their bodies) into the stored events online (``stitched``: grouped
    at once with the stored events they can join), and store the result."""
    candidates = store.reuse.copy_candidates(params.copy_containment, [r.id for r in new])
    bodies = _bodies(store, new, {x for c in candidates for x in (c.a, c.b)})
    copies = copy_pairs(candidates, bodies.__getitem__, params.copy_containment, params.copy_lead)
    placed = place_online(store, new, terms_of, copies, params, story, step, stitched)
    step("saving events", 0, 1)
    store.events.update(placed.events, placed.storylines, placed.counts, placed.centroids)


def _consolidate_bounded(
    store: Store,
    terms_of: TermsOf,
    params: EventParams,
    story: StoryParams,
    step: StepProgress,
    whole_max: int,
    segment: int,
    stitched: bool = True,
) -> int:
    """Consolidate a store larger than ``whole_max`` in memory bounded by the time window:
    the ``whole_max`` earliest articles (by date, undated last) grouped at once, then the
    rest ``segment`` at a time, in date order, each grouped at once with the stored events of
    its window (``organize/stitch.py``; not ``stitched``: placed online one at a time);
    return how many articles."""
    order = [d.id for d in sorted(store.event_index.dates(), key=_date_order)]
    store.events.restart()  # no events; every article queued, no counts
    first = sorted(store.event_index.inputs(order[:whole_max], bodies=True), key=lambda r: r.id)
    _consolidate(store, first, terms_of(first), params, story, step)
    for k in range(whole_max, len(order), segment):
        step("placing articles by date", k, len(order))
        chunk = store.event_index.inputs(order[k : k + segment], bodies=True)
        _place(store, sorted(chunk, key=lambda r: r.id), terms_of, params, story, step, stitched)
    step("placing articles by date", len(order), len(order))
    return len(order)


def _date_order(row: ArticleDates) -> tuple[bool, int, str]:
    """Articles by the day they came out (else were crawled), undated last, then by id."""
    day = day_of(row.published) or day_of(row.crawled)
    return day is None, day.toordinal() if day else 0, row.id


def _bodies(store: Store, rows: Sequence[EventInput], ids: set[str]) -> dict[str, str]:
    """The bodies of articles ``ids``: from ``rows`` where they are there, else read."""
    bodies = {r.id: r.body for r in rows}
    missing = sorted(ids - bodies.keys())
    bodies.update((r.id, r.body) for r in store.event_index.inputs(missing, bodies=True))
    return bodies


def _terms(
    store: Store,
    rows: Sequence[EventInput],
    params: EventParams,
    workers: int,
    step: StepProgress = no_progress,
    every: bool = False,
) -> dict[str, ReportTerms]:
    """The terms of these articles (``every``: they are every stored article): stored ones
    decoded, the others computed and stored (in chunks of ``TERMS_CHUNK``, so a long run shows
    progress and keeps what it computed)."""
    blobs = store.event_index.terms(None if every else [r.id for r in rows])
    known = {i: decode_terms(blob) for i, blob in blobs.items()}
    missing = [r for r in rows if r.id not in known]
    unread = [r.id for r in missing if not r.body]
    if unread:  # rows read without their bodies
        read = {r.id: r for r in store.event_index.inputs(unread, bodies=True)}
        missing = [read.get(r.id, r) for r in missing]
    items = [item_of(r) for r in missing]
    if items:
        step("reading terms and dates", 0, len(items))
    starts = range(0, len(items), TERMS_CHUNK)
    for k, found in zip(starts, _computed(items, params.vectors, workers), strict=True):
        chunk = items[k : k + TERMS_CHUNK]
        store.events.save_terms(_terms_rows(store, chunk, found))
        known.update(zip((it.id for it in chunk), found, strict=True))
        step("reading terms and dates", k + len(chunk), len(items))
    return known


def _computed(
    items: Sequence[EventItem], params: VectorParams, workers: int
) -> Iterator[list[ReportTerms]]:
    """``all_terms`` of ``items``, ``TERMS_CHUNK`` at a time in order, on ``workers`` forked
    processes when there are many (one pool for all: the next chunk is computed while the
    last one is saved)."""
    if workers <= 1 or len(items) < PARALLEL_TERMS:
        for k in range(0, len(items), TERMS_CHUNK):
            yield all_terms(items[k : k + TERMS_CHUNK], params)
        return
    tasks = [items[k : k + TERMS_TASK] for k in range(0, len(items), TERMS_TASK)]
    found: list[ReportTerms] = []
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for part in pool.imap(functools.partial(all_terms, params=params), tasks):
            found += part
            if len(found) == TERMS_CHUNK:
                yield found
                found = []
    if found:
        yield found


def _terms_rows(
    store: Store, items: Sequence[EventItem], found: Sequence[ReportTerms]
) -> list[TermsRow]:
    """The rows that keep these reports' terms, their stem counts by lexicon id among them."""
    ids = store.events.term_ids({t for terms in found for t in terms.stems})
    return [
        TermsRow(
            it.id,
            encode_terms(t),
            encode_stems([ids[w] for w in t.stems], list(t.stems.values())),
            bool(t.cased.runs),
            it.day.toordinal() if it.day else None,
            dt.date.fromisoformat(t.date[0]).toordinal() if t.date else None,
        )
        for it, t in zip(items, found, strict=True)
    ]


def _assemble(
    part: Partition,
    rows: Sequence[EventInput],
    terms: Mapping[str, ReportTerms],
    story: StoryParams,
) -> tuple[list[Event], list[Storyline], dict[str, dict[str, float]]]:
    """Every event and storyline of a partition, and the events' centroids."""
    by_id = {r.id: r for r in rows}
    keys, matrix = centroids(part, story.top_terms)
    best_of = representatives(part, keys, matrix)
    stories = link_events(part, story)
    events = [
        event_record(
            f"e{part.order[key].id}",
            part,
            members,
            best_of[key],
            by_id,
            terms,
            f"s{part.order[stories[key]].id}",
            lambda article: by_id[article].body,
        )
        for key, members in part.groups().items()
    ]
    by_story: dict[str, list[Event]] = {}
    for e in events:
        by_story.setdefault(str(e.storyline), []).append(e)
    lines = [storyline_record(sid, evs) for sid, evs in by_story.items()]
    rows_of = {f"e{part.order[key].id}": row for row, key in enumerate(keys)}
    centres = centroid_terms(matrix, rows_of, part.lexicon.vocab.names)
    return sorted(events, key=lambda e: e.id), lines, centres

"""Bring events and storylines up to date with the stored articles.

Two ways, chosen by how much is new:

- **Online**: a handful of new articles (at most ``CONSOLIDATE_SHARE`` of those already in
  events, or ``CONSOLIDATE_MIN``) join the stored partition one at a time, in (date, id) order:
  a copy joins its original's event, any other report the most similar event within the time
  window or a new one (``organize.online.EventIndex``, milliseconds a report). Only the events
  they touch are re-titled and re-dated; a new event joins the storyline whose events it is,
  on average, most similar to (``StoryParams.threshold``), or opens one.
- **Consolidation**: past that share, or when asked (``consolidate=True``, ``marsad
  rebuild``), the whole partition is recomputed from all stored articles
  (``organize.events.partition``: a function of the set of articles, so any order of arrival
  and ``rebuild`` agree); the online count goes back to 0.

A report's terms (stems, capitalized words, transliteration keys) and the day its text gives
for its happening are computed once and stored with it (``event_terms``), so neither way
tokenizes or dates an article twice. Reuse links are read from the store: exact and near
copies, and partial copies that open the report they are in (``organize.copies``), share an
event.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from marsad.engine.linking import StepProgress, no_progress
from marsad.models import Event, Storyline
from marsad.organize.copies import copy_pairs
from marsad.organize.dating import day_of, event_date
from marsad.organize.events import (
    EventItem,
    EventParams,
    Partition,
    all_terms,
    partition,
    report_order,
    when,
)
from marsad.organize.online import EventIndex
from marsad.organize.storylines import StoryParams, centroids, link_events, representatives
from marsad.organize.timing import When
from marsad.organize.vectors import Lexicon, ReportTerms, decode_terms, encode_terms
from marsad.store import SQLiteStore

CONSOLIDATE_SHARE = 0.05  # online while the new articles are at most this share of the organized
CONSOLIDATE_MIN = 200  # ... or at most this many
TERMS_CHUNK = 4000  # articles whose terms are computed (and stored) at a time
ONLINE_KEY = "online_since_consolidation"

Row = tuple[str, str | None, str, str | None, str | None, str | None]


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


def update_events(
    store: SQLiteStore,
    params: EventParams | None = None,
    story: StoryParams | None = None,
    workers: int = 1,
    consolidate: bool | None = None,
    progress: StepProgress | None = None,
) -> EventReport:
    """Place new articles into events and storylines: online, or by recomputing everything
    (``consolidate`` True forces it, False forbids it, None decides by the share of new;
    ``progress``, when given, hears of each step: see ``engine.linking.StepProgress``)."""
    start = time.perf_counter()
    step = progress or no_progress
    params, story = params or EventParams(), story or StoryParams()
    rows = store.events.inputs()
    organized = store.events.organized()
    new = [r for r in rows if r[0] not in organized]
    pending = int(store.events.state(ONLINE_KEY, "0") or 0)
    stale = len(organized) != len(rows) - len(new)  # articles gone since (cannot happen yet)
    if not new and not stale and not consolidate:
        events_n, lines_n = store.events.sizes()
        seconds = time.perf_counter() - start
        return EventReport(len(rows), events_n, lines_n, seconds, "unchanged", 0, pending)
    terms = _terms(store, rows, params, workers, step)
    limit = max(CONSOLIDATE_MIN, CONSOLIDATE_SHARE * len(organized))
    online = consolidate is False or (
        consolidate is None and organized and not stale and pending + len(new) <= limit
    )
    bodies = {r[0]: r[2] for r in rows}
    copies = copy_pairs(
        store.reuse.copy_candidates(params.copy_containment),
        bodies.__getitem__,
        params.copy_containment,
        params.copy_lead,
    )
    if online:
        events, storylines = _online(store, rows, organized, terms, copies, params, story, step)
        step("saving events", 0, 1)
        store.events.update(events, storylines)
        pending += len(new)
        mode = "online"
    else:
        items = [_item(r) for r in rows]
        step("grouping reports into events", 0, 1)
        part = partition(items, copies, params, workers, terms)
        step("grouping reports into events", 1, 1)
        step("titling events and linking storylines", 0, 1)
        events, storylines = _assemble(part, rows, terms, story)
        step("titling events and linking storylines", 1, 1)
        step("saving events", 0, 1)
        store.events.replace(events, storylines)
        pending, mode = 0, "consolidated"
    step("saving events", 1, 1)
    store.events.set_state(ONLINE_KEY, str(pending))
    events_n, lines_n = store.events.sizes()
    seconds = time.perf_counter() - start
    return EventReport(len(rows), events_n, lines_n, seconds, mode, len(new), pending)


def _item(row: Row) -> EventItem:
    i, title, body, published, crawled, _ = row
    day = day_of(published)
    return EventItem(i, title, body, day or day_of(crawled), crawled=day is None and bool(crawled))


def _terms(
    store: SQLiteStore,
    rows: Sequence[Row],
    params: EventParams,
    workers: int,
    step: StepProgress = no_progress,
) -> dict[str, ReportTerms]:
    """Every article's terms: stored ones decoded, the others computed and stored (in chunks
    of ``TERMS_CHUNK``, so a long run shows progress and keeps what it computed)."""
    known = {i: decode_terms(blob) for i, blob in store.events.terms().items()}
    missing = [_item(r) for r in rows if r[0] not in known]
    for k in range(0, len(missing), TERMS_CHUNK):
        step("reading terms and dates", k, len(missing))
        chunk = missing[k : k + TERMS_CHUNK]
        found = all_terms(chunk, params.vectors, workers)
        store.events.save_terms(
            [(it.id, encode_terms(t)) for it, t in zip(chunk, found, strict=True)]
        )
        known.update(zip((it.id for it in chunk), found, strict=True))
    if missing:
        step("reading terms and dates", len(missing), len(missing))
    return known


def _online(
    store: SQLiteStore,
    rows: Sequence[Row],
    organized: Mapping[str, str],
    terms: Mapping[str, ReportTerms],
    copies: Sequence[tuple[str, str]],
    params: EventParams,
    story: StoryParams,
    step: StepProgress = no_progress,
) -> tuple[list[Event], list[Storyline]]:
    """The new articles placed one by one into the stored partition: the events and the
    storylines that changed."""
    old = sorted((_item(r) for r in rows if r[0] in organized), key=report_order)
    new = sorted((_item(r) for r in rows if r[0] not in organized), key=report_order)
    lexicon = Lexicon(params.vectors)
    matrix = lexicon.learn([terms[it.id] for it in old])
    days = [when(it, terms[it.id], params) for it in old]
    index = EventIndex.known(lexicon, matrix, old, [organized[it.id] for it in old], params, days)
    event_of = dict(organized)  # article -> event id as stored ("e" + its first article)
    partners: dict[str, list[str]] = {}
    for a, b in copies:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
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
    touched = {event_of[it.id] for it in new}
    order = old + new
    days += [when(it, terms[it.id], params) for it in new]
    return _touched(store, rows, terms, order, days, index, event_of, touched, opened, story)


def _touched(
    store: SQLiteStore,
    rows: Sequence[Row],
    terms: Mapping[str, ReportTerms],
    order: list[EventItem],
    days: list[When],
    index: EventIndex,
    event_of: Mapping[str, str],
    touched: set[str],
    opened: set[str],
    story: StoryParams,
) -> tuple[list[Event], list[Storyline]]:
    """The touched events rebuilt (titles, dates, storylines) and the storylines they are in."""
    names = sorted({event_of[it.id] for it in order})
    first: dict[str, int] = {}
    for k, item in enumerate(order):
        first.setdefault(event_of[item.id], k)
    labels = [first[event_of[it.id]] for it in order]
    part = Partition(order, index.matrix(), labels, index.lexicon, days)
    keys, centres = centroids(part, story.top_terms)
    best_of = representatives(part, keys, centres)
    stored = {e.id: e for e in store.events.events()}
    story_of = {name: stored[name].storyline for name in names if name in stored}
    key_of = {event_of[order[key].id]: row for row, key in enumerate(keys)}
    line_of_row = {row: story_of.get(name) for name, row in key_of.items()}
    sizes = Counter(line for line in story_of.values() if line)
    for name in sorted(opened):  # a new event joins the storyline it continues, or opens one
        line = _storyline_for(key_of[name], centres, line_of_row, sizes, story) or f"s{name[1:]}"
        story_of[name] = line_of_row[key_of[name]] = line
        sizes[line] += 1
    members: dict[str, list[int]] = {}
    for k, item in enumerate(order):
        if event_of[item.id] in touched:
            members.setdefault(event_of[item.id], []).append(k)
    info = _row_info(rows)
    events = [
        _event(name, part, positions, best_of[first[name]], info, terms, story_of[name])
        for name, positions in sorted(members.items())
    ]
    changed = {e.id: e for e in events}
    lines: dict[str, list[Event]] = {}
    for e in (*stored.values(), *(e for e in events if e.id not in stored)):
        e = changed.get(e.id, e)
        lines.setdefault(str(e.storyline), []).append(e)
    stories = {str(e.storyline) for e in events}
    return events, [_storyline(sid, lines[sid]) for sid in sorted(stories)]


def _storyline_for(
    row: int,
    centres: sp.csr_matrix,
    line_of_row: Mapping[int, str | None],
    sizes: Mapping[str, int],
    story: StoryParams,
) -> str | None:
    """The storyline whose events the event at ``row`` of ``centres`` is most similar to on
    average (counting only its ``story.neighbours`` nearest events, as consolidation does),
    when that average reaches the storyline threshold."""
    sims = np.asarray((centres @ centres[row].T).todense()).ravel()
    sims[row] = 0.0
    totals: Counter[str] = Counter()
    for near in np.argsort(-sims, kind="stable")[: story.neighbours].tolist():
        line = line_of_row.get(near)
        if line and sims[near] >= story.edge:
            totals[line] += float(sims[near])  # type: ignore[assignment]
    scored = [(total / sizes[line], line) for line, total in totals.items()]
    average, line = max(scored, default=(0.0, ""))
    return line if average >= story.threshold else None


Info = tuple[dict[str, str | None], dict[str, str | None]]


def _row_info(rows: Sequence[Row]) -> Info:
    """Seen dates (published, else crawled) and outlets, by article."""
    return {r[0]: r[3] or r[4] for r in rows}, {r[0]: r[5] for r in rows}


def _event(
    name: str,
    part: Partition,
    members: Sequence[int],
    best: int,
    info: Info,
    terms: Mapping[str, ReportTerms],
    line: str | None,
) -> Event:
    """The event ``name`` of these report positions, titled by its report ``best``."""
    seen_on, outlets = info
    ordered = sorted(members, key=lambda m: report_order(part.order[m]))
    ids = tuple(part.order[m].id for m in ordered)
    titled = part.order[best].title or next(
        (part.order[m].title for m in ordered if part.order[m].title), None
    )
    date, evidence = event_date([terms[i].date for i in ids])
    seen = sorted(d for d in (seen_on.get(i) for i in ids) if d)
    return Event(
        id=name,
        title=titled or _first_words(part.order[best].body),
        articles=ids,
        outlets=tuple(sorted({o for o in (outlets.get(i) for i in ids) if o})),
        date=date,
        date_evidence=evidence,
        first_seen=seen[0][:10] if seen else None,
        last_seen=seen[-1][:10] if seen else None,
        storyline=line,
    )


def _assemble(
    part: Partition, rows: Sequence[Row], terms: Mapping[str, ReportTerms], story: StoryParams
) -> tuple[list[Event], list[Storyline]]:
    info = _row_info(rows)
    keys, matrix = centroids(part, story.top_terms)
    best_of = representatives(part, keys, matrix)
    stories = link_events(part, story)
    events = [
        _event(
            f"e{part.order[key].id}",
            part,
            members,
            best_of[key],
            info,
            terms,
            f"s{part.order[stories[key]].id}",
        )
        for key, members in part.groups().items()
    ]
    by_story: dict[str, list[Event]] = {}
    for e in events:
        by_story.setdefault(str(e.storyline), []).append(e)
    lines = [_storyline(sid, evs) for sid, evs in by_story.items()]
    return sorted(events, key=lambda e: e.id), lines


def _storyline(sid: str, events: list[Event]) -> Storyline:
    ordered = sorted(events, key=lambda e: (e.date or e.first_seen or "9999", e.id))
    dates = [d for e in ordered for d in (e.date, e.first_seen, e.last_seen) if d]
    biggest = max(ordered, key=lambda e: (len(e.articles), -ordered.index(e)))
    return Storyline(
        id=sid,
        title=biggest.title,
        events=tuple(e.id for e in ordered),
        articles=sum(len(e.articles) for e in ordered),
        outlets=tuple(sorted({o for e in ordered for o in e.outlets})),
        start=min(dates) if dates else None,
        end=max(dates) if dates else None,
    )


def _first_words(body: str, words: int = 12) -> str:
    return " ".join(body.split()[:words])

"""Bring events and storylines up to date with the stored articles.

The partition is a function of the set of articles (see ``organize.events``), so it is
recomputed as a whole from stored text, which makes ``rebuild`` and any order of arrival
give the same events. Reuse links are read from the store: copies share an event.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from marsad.models import Event, Storyline
from marsad.organize.dating import day_of, event_date, report_dates
from marsad.organize.events import EventItem, EventParams, Partition, partition
from marsad.organize.storylines import StoryParams, centroids, link_events, representatives
from marsad.store import SQLiteStore

COPY_CONTAINMENT = 0.8  # a partial link is a copy when this much of one article is in the other


@dataclass(slots=True)
class EventReport:
    """What one update of events and storylines did."""

    articles: int = 0
    events: int = 0
    storylines: int = 0
    seconds: float = 0.0


def update_events(
    store: SQLiteStore,
    params: EventParams | None = None,
    story: StoryParams | None = None,
    workers: int = 1,
) -> EventReport:
    """Recompute events and storylines of all stored articles and store them."""
    start = time.perf_counter()
    rows = store.events.inputs()
    published = {r[0]: r[3] for r in rows}
    seen = {r[0]: r[3] or r[4] for r in rows}  # published, else when it was crawled
    outlets = {r[0]: r[5] for r in rows}
    items = [
        EventItem(i, title, body, day_of(pub) or day_of(crawled))
        for i, title, body, pub, crawled, _ in rows
    ]
    copies = store.reuse.copy_pairs(COPY_CONTAINMENT)  # pairs only: no passages to parse
    part = partition(items, copies, params, workers)
    events, storylines = _assemble(part, published, seen, outlets, story or StoryParams())
    store.events.replace(events, storylines)
    return EventReport(len(items), len(events), len(storylines), time.perf_counter() - start)


def _assemble(
    part: Partition,
    published: dict[str, str | None],
    seen_on: dict[str, str | None],
    outlets: dict[str, str | None],
    story: StoryParams,
) -> tuple[list[Event], list[Storyline]]:
    groups = part.groups()
    keys, matrix = centroids(part, story.top_terms)
    best_of = representatives(part, keys, matrix)
    stories = link_events(part, story)
    events: dict[int, Event] = {}
    for key, members in groups.items():
        ids = tuple(part.order[m].id for m in members)
        best = best_of[key]
        titled = part.order[best].title or next(
            (part.order[m].title for m in members if part.order[m].title), None
        )
        dates = [report_dates(part.order[m], published.get(part.order[m].id)) for m in members]
        date, evidence = event_date(dates)
        seen = sorted(d for d in (seen_on.get(i) for i in ids) if d)
        events[key] = Event(
            id=f"e{part.order[key].id}",
            title=titled or _first_words(part.order[best].body),
            articles=ids,
            outlets=tuple(sorted({o for o in (outlets.get(i) for i in ids) if o})),
            date=date,
            date_evidence=evidence,
            first_seen=seen[0][:10] if seen else None,
            last_seen=seen[-1][:10] if seen else None,
            storyline=f"s{part.order[stories[key]].id}",
        )
    by_story: dict[str, list[Event]] = {}
    for e in events.values():
        by_story.setdefault(str(e.storyline), []).append(e)
    lines = [_storyline(sid, evs) for sid, evs in by_story.items()]
    return sorted(events.values(), key=lambda e: e.id), lines


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

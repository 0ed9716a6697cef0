"""What both ways of updating events build from a partition: event and storyline records, the
centroids stored with them, and the rows read and written on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import scipy.sparse as sp

from marsad.models import Event, Storyline
from marsad.organize.dating import day_of, event_date
from marsad.organize.events import EventItem, Partition, report_order
from marsad.organize.vectors import ReportTerms
from marsad.store.records import EventInput


def item_of(row: EventInput) -> EventItem:
    """The report the events stage clusters: dated by its publication, else its crawl."""
    day = day_of(row.published)
    return EventItem(
        row.id,
        row.title,
        row.body,
        day or day_of(row.crawled),
        crawled=day is None and bool(row.crawled),
    )


def event_record(
    name: str,
    part: Partition,
    members: Sequence[int],
    best: int,
    rows: Mapping[str, EventInput],
    terms: Mapping[str, ReportTerms],
    line: str | None,
    body_of: Callable[[str], str],
) -> Event:
    """The event ``name`` of these report positions, titled by its report ``best``
    (``body_of``: an article's body, for the first words when no report has a title)."""
    ordered = sorted(members, key=lambda m: report_order(part.order[m]))
    ids = tuple(part.order[m].id for m in ordered)
    titled = part.order[best].title or next(
        (part.order[m].title for m in ordered if part.order[m].title), None
    )
    date, evidence = event_date([terms[i].date for i in ids])
    seen = sorted(d for d in (rows[i].published or rows[i].crawled for i in ids) if d)
    return Event(
        id=name,
        title=titled or first_words(body_of(part.order[best].id)),
        articles=ids,
        outlets=tuple(sorted({o for o in (rows[i].outlet for i in ids) if o})),
        date=date,
        date_evidence=evidence,
        first_seen=seen[0][:10] if seen else None,
        last_seen=seen[-1][:10] if seen else None,
        storyline=line,
    )


def storyline_record(sid: str, events: Iterable[Event]) -> Storyline:
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


def centroid_terms(
    centres: sp.csr_matrix, rows: Mapping[str, int], names: Callable[[Iterable[int]], list[str]]
) -> dict[str, dict[str, float]]:
    """The centroids at ``rows`` of ``centres`` (by event id) as term -> weight, the columns
    named by ``names`` (a vocabulary's ``names``: their terms, in order)."""
    spans = {name: (centres.indptr[row], centres.indptr[row + 1]) for name, row in rows.items()}
    every = sorted(
        {c for start, end in spans.values() for c in centres.indices[start:end].tolist()}
    )
    term = dict(zip(every, names(every), strict=True))
    out = {}
    for name, (start, end) in spans.items():
        columns, weights = centres.indices[start:end].tolist(), centres.data[start:end].tolist()
        out[name] = {term[c]: w for c, w in zip(columns, weights, strict=True)}
    return out


def first_words(body: str, words: int = 12) -> str:
    return " ".join(body.split()[:words])

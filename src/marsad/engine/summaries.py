"""What an event's summary reads from the store: its reports, copies marked, entity spans.

``organize.summaries`` chooses the sentences; this reads what it chooses from. Of two reports
of the event one of which mostly holds the other (the reuse stage's exact and near copies, and
partial links with ``COPY_SHARE`` of one text inside the other), the shorter is marked a copy
and read once. Entity mentions are spans of an article's title and body joined by a line; a
report's spans are moved into its body.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.models import Article
from marsad.organize.summaries import Report
from marsad.store import Store

COPY_SHARE = 0.8
"""A text this much inside another of its event is read once by a summary."""


def summary_reports(store: Store, articles: Sequence[Article]) -> list[Report]:
    """``articles`` (an event's reports) as a summary reads them."""
    ids = [a.id for a in articles]
    size = {a.id: len(a.body) for a in articles}
    copies: set[str] = set()
    for link in store.reuse.copy_candidates(COPY_SHARE, ids):
        if {link.a, link.b} <= size.keys() and not {link.a, link.b} & copies:
            copies.add(min((link.a, link.b), key=lambda i: (size[i], i)))
    mentions = store.entities.of_articles(ids)
    reports = []
    for a in articles:
        shift = len(a.title) + 1 if a.title else 0
        spans = tuple(
            (m.start - shift, m.end - shift, m.key) for m in mentions[a.id] if m.start >= shift
        )
        reports.append(Report(a.id, a.outlet, a.body, spans, a.id in copies))
    return reports

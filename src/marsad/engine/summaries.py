"""What an event's summary reads from the store: its reports, copies marked, entity spans.

``organize.summaries`` chooses the sentences; this reads what it chooses from. Of two reports
of the event one of which mostly holds the other (the reuse stage's exact and near copies, and
partial links with ``COPY_SHARE`` of one text inside the other), the shorter is marked a copy
and read once; a chosen sentence that stands in the passages its report shares with the
report it copied (the link's origin) is given as the origin's sentence, credited to it.
Entity mentions are spans of an article's title and body joined by a line; a report's spans
are moved into its body.

Summaries are kept once made (``event_summaries``), under a key of the event's reports, the
entity model that read them and ``SUMMARY_VERSION``: an event that gains a report, or entities
read again, is summarized again on its next view; an event some of whose reports still wait
for reuse links or for names is summarized without being kept; a rebuild of the links or a new
reading of the names forgets every kept summary. A reader keeps what it made only when the
write lock is free at once (``EventStore.keep_summaries``); what it could not keep, it
remembers under the same key (``REMEMBERED`` of them, per process).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Sequence

from marsad.engine.entities import entities_model
from marsad.models import Article, Event, ReuseLink
from marsad.organize.summaries import Report, SummarySentence, sentence_spans, summarize
from marsad.store import Store
from marsad.store.records import SummaryRow

COPY_SHARE = 0.8
"""A text this much inside another of its event is read once by a summary."""
SUMMARY_VERSION = "2"
"""Part of every kept summary's key: a change to how summaries are made changes it."""
REMEMBERED = 4096
"""Summaries a process remembers that it made but could not keep (another writer held the
lock): a web server viewed during a long ingest does not make them again on every view."""

_REMEMBERED: OrderedDict[tuple[str, str, str], list[SummarySentence]] = OrderedDict()
_REMEMBERING = threading.Lock()


def summary_reports(store: Store, articles: Sequence[Article]) -> list[Report]:
    """``articles`` (an event's reports) as a summary reads them."""
    return _Readings(store, [a.id for a in articles], articles).reports([a.id for a in articles])


class _Readings:
    """What the summaries of many events read, fetched at once: their reports, the links
    between them that make one a copy, and the names found in them."""

    def __init__(
        self, store: Store, ids: Sequence[str], articles: Sequence[Article] | None = None
    ) -> None:
        self.articles = (
            {a.id: a for a in articles} if articles is not None else store.articles_by_id(ids)
        )
        self.links: dict[str, list[ReuseLink]] = {}  # by the first article of each link
        for link in store.reuse.copy_candidates(COPY_SHARE, ids) if ids else []:
            self.links.setdefault(link.a, []).append(link)
        self.mentions = store.entities.of_articles(ids)

    def reports(self, ids: Sequence[str]) -> list[Report]:
        """The reports ``ids`` of one event, each a copy or not of another of them (an id no
        stored article has is left out)."""
        articles = [self.articles[i] for i in ids if i in self.articles]
        size = {a.id: len(a.body) for a in articles}
        copies: set[str] = set()
        among = sorted(
            (link for i in size for link in self.links.get(i, ()) if link.b in size),
            key=lambda link: (link.a, link.b),
        )
        for link in among:
            if not {link.a, link.b} & copies:
                copies.add(min((link.a, link.b), key=lambda i: (size[i], i)))
        reports = []
        for a in articles:
            shift = len(a.title) + 1 if a.title else 0
            spans = tuple(
                (m.start - shift, m.end - shift, m.key)
                for m in self.mentions.get(a.id, ())
                if m.start >= shift
            )
            reports.append(Report(a.id, a.outlet, a.body, spans, a.id in copies))
        return reports

    def credited(
        self, sentences: Sequence[SummarySentence], event: Sequence[str]
    ) -> list[SummarySentence]:
        """``sentences`` (of the event whose reports are ``event``) each credited to the report
        its text comes from: a sentence of a report that copied another of the event (the
        link's ``origin``: Sputnik's text inside a longer uncredited copy), half or more of it
        inside the passages they share, is given as the origin's own sentence there, with the
        origin's words and outlet."""
        mine = set(event)  # the event's own reports: never another event's
        origin_of: dict[str, ReuseLink] = {}
        for links in self.links.values():
            for link in links:
                if link.a in mine and link.b in mine and link.origin:
                    copy = link.b if link.origin == link.a else link.a
                    origin_of.setdefault(copy, link)
        used = {(s.article_id, s.start) for s in sentences}
        out = []
        for sentence in sentences:
            found = origin_of.get(sentence.article_id)
            moved = self._in_origin(sentence, found) if found is not None else None
            if moved is not None and (moved.article_id, moved.start) not in used:
                used.add((moved.article_id, moved.start))
                sentence = moved
            out.append(sentence)
        return out

    def _in_origin(self, sentence: SummarySentence, link: ReuseLink) -> SummarySentence | None:
        """The origin's sentence that ``sentence`` (of the copy) was taken from, when half or
        more of it stands in a passage the link aligned; None otherwise."""
        copy_is_a = link.a == sentence.article_id
        best, covered = None, 0
        for a_start, a_end, b_start, b_end, _ in link.passages:
            mine = (a_start, a_end) if copy_is_a else (b_start, b_end)
            theirs = b_start if copy_is_a else a_start
            overlap = min(mine[1], sentence.end) - max(mine[0], sentence.start)
            if overlap > 0:
                covered += overlap
                if best is None or overlap > best[0]:
                    best = (overlap, theirs + max(0, sentence.start - mine[0]))
        if best is None or covered * 2 < sentence.end - sentence.start:
            return None
        origin = self.articles[str(link.origin)]
        at = best[1]
        for start, end in sentence_spans(origin.body):
            if start <= at < end or at < start:
                text = origin.body[start:end]
                return SummarySentence(text, origin.id, origin.outlet, start, end)
        return None


def event_summaries(store: Store, events: Sequence[Event]) -> dict[str, list[SummarySentence]]:
    """The summary of each of ``events`` (by id): kept ones read, the others made from their
    reports (read at once for all of them) and kept."""
    model = entities_model(store)
    keys = {e.id: summary_key(e, model or "") for e in events}
    kept = store.events.summaries(keys)
    where = str(getattr(store, "path", ""))
    found: dict[str, list[SummarySentence]] = {}
    for event in events:
        row = kept.get(event.id)
        if row is not None and row.key == keys[event.id]:
            found[event.id] = [SummarySentence(*s) for s in json.loads(row.sentences)]
            continue
        with _REMEMBERING:
            remembered = _REMEMBERED.get((where, event.id, keys[event.id]))
        if remembered is not None:
            found[event.id] = remembered
    todo = [e for e in events if e.id not in found]
    if not todo:
        return found
    ids = list(dict.fromkeys(a for e in todo for a in e.articles))
    # an event whose reports a later update will still read (for copies, or for names when
    # names are read) is summarized without keeping it: the key would not change then
    unsettled = store.events.unsettled(ids, entities=model is not None)
    readings = _Readings(store, ids)
    made: list[SummaryRow] = []
    for event in todo:
        chosen = summarize(readings.reports(event.articles))
        found[event.id] = readings.credited(chosen, event.articles)
        sentences = [[s.text, s.article_id, s.outlet, s.start, s.end] for s in found[event.id]]
        if not unsettled.intersection(event.articles):
            text = json.dumps(sentences, ensure_ascii=False)
            made.append(SummaryRow(event.id, keys[event.id], text))
    if made and not store.events.keep_summaries(made) and where:
        with _REMEMBERING:
            for row in made:
                _REMEMBERED[(where, row.event_id, row.key)] = found[row.event_id]
            while len(_REMEMBERED) > REMEMBERED:
                _REMEMBERED.popitem(last=False)
    return {e.id: found[e.id] for e in events}


def summary_key(event: Event, model: str) -> str:
    """What an event's summary is made from: its reports, the entity model, the method."""
    text = "\n".join([SUMMARY_VERSION, model, *sorted(event.articles)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()

"""The JSON shapes of what Marsad stores, one for every way it is shown: the command line's
``--json`` output and the JSON API print the same fields under the same names and ids.

Every string is kept as stored; JSON escaping is all the escaping JSON needs (pages escape
for HTML themselves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from marsad.analyze.entities import entity_text
from marsad.engine.local import IngestReport
from marsad.models import (
    Article,
    Entity,
    EntityProfile,
    Event,
    QuoteRow,
    Rejection,
    ReuseGroup,
    ReuseLink,
    Storyline,
)
from marsad.organize.summaries import SummarySentence
from marsad.store.records import OutletLink, ReportRef

Timeline = list[tuple[Event, list[Article]]]
"""A storyline's events in date order, each with its reports."""


def when(e: Event) -> str | None:
    """The day an event is placed at: its date, else the day it was first reported."""
    return e.date or e.first_seen


def article_dict(a: Article, full: bool = False) -> dict[str, Any]:
    """The JSON shape of an article; ``full`` adds the body, credits and removed lines."""
    out: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "outlet": a.outlet,
        "outlet_provenance": a.outlet_provenance,
        "published": a.published.value,
        "date_provenance": a.published.provenance,
        "crawled": a.crawled,
        "lang": a.lang,
        "url": a.url,
        "words": len(a.body.split()),
        "parent_id": a.parent_id,
    }
    if full:
        out.update(
            {
                "document_id": a.document_id,
                "seq": a.seq,
                "author": a.author,
                "date_confidence": a.published.confidence,
                "date_evidence": a.published.evidence,
                "lang_score": a.lang_score,
                "attributions": list(a.attributions),
                "notes": list(a.notes),
                "paragraphs": [list(p) for p in a.paragraphs],
                "body": a.body,
                "removed": [
                    {"line": r.line, "reason": r.reason, "text": r.text} for r in a.removed
                ],
            }
        )
    return out


def ingest_report_dict(report: IngestReport, db: str) -> dict[str, Any]:
    """What one ingest read and stored, and what it rejected with the reason."""
    return {
        "db": db,
        "documents": report.documents,
        "new_documents": report.new_documents,
        "articles": report.articles,
        "rejected": [rejection_dict(r) for r in report.rejected],
        "seconds": round(report.seconds, 3),
    }


def rejection_dict(r: Rejection) -> dict[str, Any]:
    return {"origin": r.origin, "reason": str(r.reason), "detail": r.detail, "size": r.size}


def report_dict(a: Article) -> dict[str, Any]:
    """The JSON shape of an article as one report of an event."""
    return {
        "id": a.id,
        "outlet": a.outlet,
        "published": a.published.value,
        "title": a.title,
        "url": a.url,
    }


def event_dict(e: Event, reports: Sequence[Article] | None = None) -> dict[str, Any]:
    """The JSON shape of an event; ``reports`` (when given) are nested as report dicts."""
    out: dict[str, Any] = {
        "id": e.id,
        "title": e.title,
        "date": e.date,
        "date_evidence": e.date_evidence,
        "first_seen": e.first_seen,
        "last_seen": e.last_seen,
        "storyline": e.storyline,
        "outlets": list(e.outlets),
        "report_count": len(e.articles),
        "article_ids": list(e.articles),
    }
    if reports is not None:
        out["reports"] = [report_dict(a) for a in reports]
    return out


def storyline_dict(
    s: Storyline, events: Sequence[Event] | None = None, timeline: Timeline | None = None
) -> dict[str, Any]:
    """The JSON shape of a storyline; with its ``events`` (or ``timeline``), how many of them
    are undated, and with ``timeline`` its events nested with their reports."""
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "start": s.start,
        "end": s.end,
        "outlets": list(s.outlets),
        "event_count": len(s.events),
        "report_count": s.articles,
        "event_ids": list(s.events),
    }
    if timeline is not None:
        events = [e for e, _ in timeline]
    if events is not None:
        out["undated_events"] = sum(1 for e in events if when(e) is None)
    if timeline is not None:
        out["events"] = [event_dict(e, reports) for e, reports in timeline]
    return out


def listed_event_dict(event: Event, reports: Sequence[ReportRef]) -> dict[str, Any]:
    """The JSON shape of an event in ``marsad events``: its reports as id, url and outlet."""
    out = event_dict(event)
    out["reports"] = [
        {
            "id": r.id,
            "url": r.url,
            "outlet": r.outlet,
            "published": r.published,
            "title": r.title,
            "origin": r.origin,
        }
        for r in reports
    ]
    return out


def link_dict(link: ReuseLink) -> dict[str, Any]:
    return {
        "a": link.a,
        "b": link.b,
        "kind": link.kind,
        "rewrite": link.rewrite,  # scores of light-stem word pairs, not of shingles
        "jaccard": link.jaccard,
        "contain_a": link.contain_a,
        "contain_b": link.contain_b,
        "longest_passage_words": link.longest,
        "origin": link.origin,
        "origin_credit": link.origin_credit,
        "copy": link.copy,
        "reasons": list(link.reasons),
        "reuse_without_credit": link.uncredited,
        "dropped_credits": list(link.dropped),
        "passages": [
            dict(zip(("a_start", "a_end", "b_start", "b_end", "words"), p, strict=True))
            for p in link.passages
        ],
    }


def pair_dict(row: OutletLink) -> dict[str, Any]:
    """One stored link as ``reuse --pairs`` exports it: the link and its articles' outlets."""
    return {"outlet_a": row.outlet_a, "outlet_b": row.outlet_b, **link_dict(row.link)}


def group_dict(n: int, group: ReuseGroup) -> dict[str, Any]:
    """A group as ``reuse --json`` prints it, numbered as listed."""
    return {"group": n, **asdict(group)}


def entity_dict(e: Entity) -> dict[str, Any]:
    """The JSON shape of an entity in a listing."""
    return {
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "key": e.key,
        "mentions": e.mentions,
        "articles": e.articles,
        "events": e.events,
    }


def entity_profile_dict(p: EntityProfile) -> dict[str, Any]:
    """The JSON shape of one entity with its names, roles over time, events and storylines."""
    return {
        **entity_dict(p.entity),
        "names": [asdict(name) for name in p.names],
        "roles": [asdict(role) for role in p.roles],
        "event_list": [event_dict(e) for e in p.events],
        "storylines": [{"id": s.id, "title": s.title} for s in p.storylines],
    }


def quote_text(q: QuoteRow, article: Article) -> str:
    """The words of a stored quote, from its article's text (title and body, as its span)."""
    return entity_text(article.title, article.body)[q.start : q.end]


def quote_dict(q: QuoteRow, article: Article) -> dict[str, Any]:
    """The JSON shape of a quote: what was said and who said it, with its article."""
    return {
        "article_id": q.article_id,
        "outlet": article.outlet,
        "published": article.published.value,
        "speaker": q.speaker,
        "speaker_key": q.speaker_key,
        "implicit": q.implicit,
        "verb": q.verb,
        "direct": q.direct,
        "text": quote_text(q, article),
        "start": q.start,
        "end": q.end,
    }


def summary_dict(sentence: SummarySentence) -> dict[str, Any]:
    """The JSON shape of a summary sentence: its text and where it comes from (a span of
    the article's body)."""
    return {
        "text": sentence.text,
        "article_id": sentence.article_id,
        "outlet": sentence.outlet,
        "start": sentence.start,
        "end": sentence.end,
    }


def event_detail_dict(
    event: Event,
    reports: Sequence[Article],
    summary: Sequence[SummarySentence],
    quotes: Sequence[QuoteRow],
) -> dict[str, Any]:
    """One event as ``marsad event ID --json`` and ``/api/events/{id}`` give it: its reports,
    its summary with each sentence's source, and who said what in its reports."""
    by_id = {a.id: a for a in reports}
    return {
        **event_dict(event, reports),
        "summary": [summary_dict(s) for s in summary],
        "quotes": [quote_dict(q, by_id[q.article_id]) for q in quotes if q.article_id in by_id],
    }


def digest_dicts(digest: Sequence[tuple[Event, SummarySentence | None]]) -> list[dict[str, Any]]:
    """A storyline's digest (one line per event, in date order) as ``marsad story ID --json``
    and ``/api/stories/{id}`` give it."""
    return [{"event": e.id, "date": when(e), "sentence": s and summary_dict(s)} for e, s in digest]

"""A storyline for other programs and for paper: an Atom feed of its events, exports as CSV
and JSON, and a printable report (``/stories/{id}/report``: its events with their sourced
summaries, quotes and reports, styled for print by ``static/report.css``).

The feed is built with ElementTree, which escapes every text it writes; an event's entry is
updated when its last report came out, so a feed reader sees an event again when it grows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Final

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from marsad.models import Event
from marsad.shapes import quote_text, storyline_dict
from marsad.web.pages import templates
from marsad.web.state import opened

router = APIRouter(include_in_schema=False)
ATOM: Final = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)  # once: it changes a table every thread's serializer reads
CSV_FIELDS: Final = (
    "event_id",
    "event_date",
    "date_evidence",
    "event_title",
    "article_id",
    "outlet",
    "published",
    "title",
    "url",
)


def _stamp(day: str) -> str:
    """An RFC 3339 time for an ISO day (or month, or year): its start, in UTC."""
    value = day[:10]
    value += "-01" * ((10 - len(value)) // 3)
    return f"{value}T00:00:00Z"


def _updated(request: Request, *days: str | None) -> str:
    """The first of ``days`` that is known, as an RFC 3339 time; else the day the database
    last changed (Atom asks for one: an event of undated reports is as new as the store that
    holds it, not of 1970, and not of every new day)."""
    known = next((d for d in days if d), None)
    if known is None:
        try:
            changed = Path(request.app.state.settings.db).stat().st_mtime
        except OSError:
            changed = 0.0
        known = dt.datetime.fromtimestamp(changed, dt.UTC).date().isoformat()
    return _stamp(known)


def _base(request: Request) -> str:
    """Where links point: the configured public address, else the one the request came to."""
    public = request.app.state.settings.public_url
    return str(public or request.base_url).rstrip("/")


@router.get("/stories/{story_id}.atom")
def atom(request: Request, story_id: str) -> Response:
    with opened(request) as marsad:
        storyline = marsad.storyline(story_id)
        events = marsad.events(storyline=storyline.id)
    base = _base(request)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "ar"})
    # ids do not depend on the address a reader used: the same entry is one entry
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:marsad:storyline:{storyline.id}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = storyline.title
    latest = max((e.last_seen or e.date or "" for e in events), default="")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _updated(request, latest, storyline.end)
    ET.SubElement(
        feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{base}/stories/{storyline.id}.atom"}
    )
    ET.SubElement(
        feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}/stories/{storyline.id}"}
    )
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Marsad"
    for event in events:
        feed.append(_entry(request, base, event))
    body = ET.tostring(feed, encoding="unicode", xml_declaration=True)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def _entry(request: Request, base: str, event: Event) -> ET.Element:
    entry = ET.Element(f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:marsad:event:{event.id}"
    ET.SubElement(entry, f"{{{ATOM}}}title").text = event.title
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = _updated(request, event.last_seen, event.date)
    if event.first_seen:
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(event.first_seen)
    ET.SubElement(
        entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{base}/events/{event.id}"}
    )
    when = event.date or "تاريخ غير معروف"
    said = f" («{event.date_evidence}»)" if event.date_evidence else ""
    summary = f"{when}{said} · {len(event.articles)} تقرير · " + "، ".join(event.outlets)
    ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return entry


@router.get("/stories/{story_id}.json")
def export_json(request: Request, story_id: str) -> Response:
    with opened(request) as marsad:
        storyline = marsad.storyline(story_id)
        timeline = [
            (e, [marsad.article(a) for a in e.articles])
            for e in marsad.events(storyline=storyline.id)
        ]
    body = json.dumps(storyline_dict(storyline, timeline=timeline), ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{storyline.id}.json"'},
    )


@router.get("/stories/{story_id}/report", response_class=HTMLResponse)
def report(request: Request, story_id: str) -> HTMLResponse:
    """A storyline as a printable page: each event with its date, its summary (every sentence
    with its source), who said what, and a table of its reports with their links."""
    with opened(request) as marsad:
        storyline = marsad.storyline(story_id)
        items = []
        events = marsad.events(storyline=storyline.id)
        summaries = marsad.event_summaries(events)
        for event in events:
            reports = [marsad.article(a) for a in event.articles]
            by_id = {a.id: a for a in reports}
            quotes = [
                (q, quote_text(q, by_id[q.article_id])) for q in marsad.quotes_of(event.articles)
            ]
            items.append(
                {
                    "event": event,
                    "summary": summaries[event.id],
                    "quotes": quotes,
                    "reports": reports,
                }
            )
    return templates.TemplateResponse(request, "report.html", {"story": storyline, "items": items})


@router.get("/stories/{story_id}.csv")
def export_csv(request: Request, story_id: str) -> Response:
    """One row per report of each event, in the timeline's order. Cells that a spreadsheet
    would read as a formula (starting with = + - @) get a leading apostrophe."""
    with opened(request) as marsad:
        storyline = marsad.storyline(story_id)
        rows = [
            (e, marsad.article(a))
            for e in marsad.events(storyline=storyline.id)
            for a in e.articles
        ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for e, a in rows:
        cells = (
            e.id,
            e.date,
            e.date_evidence,
            e.title,
            a.id,
            a.outlet,
            a.published.value,
            a.title,
            a.url,
        )
        writer.writerow([_cell(c) for c in cells])
    return Response(
        "\ufeff" + out.getvalue(),  # a BOM, so that spreadsheets read the Arabic as UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{storyline.id}.csv"'},
    )


def _cell(value: str | None) -> str:
    text = value or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

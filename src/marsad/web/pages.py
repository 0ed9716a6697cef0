"""The pages: server-rendered HTML that reads right to left and needs no JavaScript.

Templates (``templates/``) escape everything they are given (Jinja2 autoescape); article text
reaches them as ``marks.Piece`` lists, never as markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Final
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from marsad.models import Article, Event, ReuseGroup
from marsad.shapes import quote_text, when
from marsad.web.marks import matches, passages_of, pieces
from marsad.web.paging import decoded, encoded, story_key
from marsad.web.state import PerVersion, opened

router = APIRouter(include_in_schema=False)
_HERE: Final = Path(__file__).resolve().parent
_BIDI: Final = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates: an article's «\u202e» would turn the text
around it («abc.exe» shown as «exe.cba»), in a heading or in the window's title."""


def shown(value: Any) -> Any:
    """What a template prints of ``value``: text without bidirectional formatting (the stored
    original keeps it), as the command line shows it; escaping follows (autoescape)."""
    if isinstance(value, str) and _BIDI.search(value):
        cleaned = _BIDI.sub("", value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


templates = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=shown,
    )
)
FRONT_PAGE: Final = 30
ENTITIES_SHOWN: Final = 20  # entities listed on an event page, most mentioned first
SEARCH_PAGE: Final = 20  # hits on a page of search results
SEARCH_PAGES: Final = 10  # pages of them a query can be followed to


def chart(events: Sequence[Event], width: int = 240, height: int = 40) -> dict[str, Any]:
    """Bars of reports per day over a storyline's span (for an inline SVG), with the days."""
    counts: Counter[str] = Counter()
    for e in events:
        day = (when(e) or "")[:10]
        if len(day) == 10:
            counts[day] += len(e.articles)
    if not counts:
        return {"bars": [], "width": width, "height": height, "first": None, "last": None}
    days = sorted(counts)
    top = max(counts.values())
    step = width / len(days)
    bars = [
        {
            "x": round(i * step, 1),
            "w": max(round(step - 1, 1), 1),
            "h": max(round(height * counts[d] / top, 1), 1),
            "day": d,
            "n": counts[d],
        }
        for i, d in enumerate(days)
    ]
    return {"bars": bars, "width": width, "height": height, "first": days[0], "last": days[-1]}


def _direction(a: Article) -> str:
    return "rtl" if a.lang in ("ar", "fa", "ur", "he") else "ltr"


@router.get("/", response_class=HTMLResponse)
def front(request: Request, cursor: str | None = None) -> HTMLResponse:
    """The front page, the same for every reader: rendered once per store version (its
    later pages, which a client can ask for with any cursor, are not kept)."""
    if cursor is not None:
        page = _front(request, cursor)
    else:  # the storylines kept until the events change, the counts until an ingest adds
        page = _FRONT.get(request, "front", lambda: _front(request, None))
    counts = _COUNTS.get(request, "counts", lambda: _counts(request))
    return HTMLResponse(page.replace(_COUNTS_MARK, counts, 1))


_FRONT: Final[PerVersion[bytes]] = PerVersion(domains=("events",))
_COUNTS: Final[PerVersion[bytes]] = PerVersion(size=4, domains=("articles", "events"))
_COUNTS_MARK: Final = b"<!--marsad:counts-->"
"""Where the front page's counts go: an HTML comment, which no escaped text can write."""


def _front(request: Request, cursor: str | None) -> bytes:
    before = decoded(cursor, 2) if cursor else None
    with opened(request) as marsad:
        found = marsad.recent_storylines(FRONT_PAGE + 1, (before[0], before[1]) if before else None)
        shown = found[:FRONT_PAGE]
        events = marsad.events_of([s.id for s in shown])
    rows = [(s, events[s.id], chart(events[s.id])) for s in shown]
    more = encoded(story_key(shown[-1])) if len(found) > FRONT_PAGE else None
    page = templates.TemplateResponse(request, "front.html", {"rows": rows, "next": more})
    return bytes(page.body)


def _counts(request: Request) -> bytes:
    with opened(request) as marsad:
        counts = marsad.sizes()
    return templates.env.get_template("_counts.html").render(counts=counts).encode("utf-8")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    """A storyline's page, the same for every reader: kept until its events, the links
    between their reports or the names read in them change (not while an ingest adds
    articles that no event holds yet)."""
    return HTMLResponse(_STORIES.get(request, story_id, lambda: _story(request, story_id)))


_STORIES: Final[PerVersion[bytes]] = PerVersion(domains=("events", "links", "mentions"))


def _story(request: Request, story_id: str) -> bytes:
    with opened(request) as marsad:
        storyline = marsad.storyline(story_id)
        digest = marsad.story_digest(storyline.id)
    events = [e for e, _ in digest]
    lines = {e.id: sentence for e, sentence in digest}
    page = templates.TemplateResponse(
        request,
        "story.html",
        {"story": storyline, "events": events, "lines": lines, "chart": chart(events, 600, 80)},
    )
    return bytes(page.body)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    with opened(request) as marsad:
        found = marsad.event(event_id)
        reports = {a: marsad.article(a) for a in found.articles}
        links = {a: marsad.reuse_links(a) for a in found.articles}
        summary = marsad.event_summary(found)
        quotes = marsad.quotes_of(found.articles)
        entities = marsad.event_entities(found)[:ENTITIES_SHOWN]
    copies_of: dict[str, list[str]] = {a: [] for a in found.articles}
    copied: set[str] = set()
    for article_id, article_links in links.items():
        for link in article_links:
            if link.copy == article_id and link.origin in reports and link.kind != "template":
                copies_of[link.origin].append(article_id)
                copied.add(article_id)
    originals = [a for a in found.articles if a not in copied]
    shown = set(originals) | {c for a in originals for c in copies_of[a]}
    originals += [a for a in found.articles if a not in shown]  # copies of copies, cycles
    return templates.TemplateResponse(
        request,
        "event.html",
        {
            "event": found,
            "reports": reports,
            "originals": originals,
            "copies_of": copies_of,
            "direction": _direction,
            "summary": summary,
            "quotes": [(q, quote_text(q, reports[q.article_id])) for q in quotes],
            "entities": entities,
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    with opened(request) as marsad:
        found = marsad.article(article_id)
        links = marsad.reuse_links(found.id)
        others = {
            other: marsad.article(other)
            for link in links
            for other in (link.a, link.b)
            if other != found.id
        }
    marked = pieces(found.body, passages_of(found.id, links))
    return templates.TemplateResponse(
        request,
        "article.html",
        {
            "a": found,
            "pieces": marked,
            "links": links,
            "others": others,
            "direction": _direction(found),
        },
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    page: Annotated[int, Query(ge=1, le=SEARCH_PAGES)] = 1,
) -> HTMLResponse:
    hits: list[tuple[Article, Any, str]] = []
    more = capped = False
    if q.strip():
        with opened(request) as marsad:
            found = marsad.search(q, SEARCH_PAGE * page + 1)
        more = len(found) > SEARCH_PAGE * page and page < SEARCH_PAGES
        capped = len(found) > SEARCH_PAGE * page and page == SEARCH_PAGES
        shown = found[SEARCH_PAGE * (page - 1) : SEARCH_PAGE * page]
        hits = [(h.article, matches(h.snippet, q), h.matched) for h in shown]
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "q": q,
            "hits": hits,
            "page": page,
            "first": SEARCH_PAGE * (page - 1) + 1,
            "next": f"/search?{urlencode({'q': q, 'page': page + 1})}" if more else None,
            "capped": capped,
            "direction": _direction,
        },
    )


@router.get("/reuse", response_class=HTMLResponse)
def reuse(request: Request) -> HTMLResponse:
    """The largest groups of copies, those with uncredited copies first: the same for every
    reader, rendered once per store version."""
    return HTMLResponse(_REUSE.get(request, "reuse", lambda: _reuse(request)))


_REUSE: Final[PerVersion[bytes]] = PerVersion(size=4, domains=("links", "groups"))


def _reuse(request: Request) -> bytes:
    with opened(request) as marsad:
        groups: list[ReuseGroup] = marsad.reuse_groups(limit=200)
        shown = sorted(groups, key=lambda g: (not g.uncredited, -len(g.articles)))
        articles = {a: marsad.article(a) for g in shown for a in g.articles}
    page = templates.TemplateResponse(
        request, "reuse.html", {"groups": shown, "articles": articles}
    )
    return bytes(page.body)

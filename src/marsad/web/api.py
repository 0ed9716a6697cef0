"""The JSON API (``/api``): storylines, events, articles, search, reuse and entities, read from
the store.

Every list is paginated by cursor (``limit`` at most ``MAX_PAGE``; ``next`` in the answer is
the cursor of the following page) and sorted by a stated key, given in the answer as ``sort``.
Ids are the command line's. Fields are ``marsad.shapes``'s, as ``--json`` prints them.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Query, Request

from marsad.models import Article, Entity, Event, Storyline
from marsad.shapes import (
    article_dict,
    digest_dicts,
    entity_dict,
    entity_profile_dict,
    event_detail_dict,
    event_dict,
    group_dict,
    link_dict,
    quote_dict,
    report_dict,
    storyline_dict,
    when,
)
from marsad.store.records import ArticleFilters, EventFilters
from marsad.web.paging import (
    DEFAULT_PAGE,
    MAX_PAGE,
    PageError,
    days,
    decoded,
    encoded,
    page,
    pair,
    story_key,
)
from marsad.web.state import PerVersion, opened

router = APIRouter(prefix="/api", tags=["api"])
SCAN_SIZE, SCAN_BATCHES = 200, 25  # storylines read per query, queries per request

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"items per page, at most {MAX_PAGE}")]
Cursor = Annotated[str | None, Query(description="the `next` of the page before")]
Since = Annotated[str | None, Query(description="from this day on (YYYY-MM-DD)")]
Until = Annotated[str | None, Query(description="up to this day (YYYY-MM-DD)")]
Outlet = Annotated[str | None, Query(description="only reports of this outlet (or source)")]
Named = Annotated[
    str | None, Query(description="only those naming this entity (an id or a name, any spelling)")
]


def _article_day(a: Article) -> str:
    return a.published.value or a.crawled or ""


@router.get("/stories", summary="Storylines, most recent activity first")
def stories(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    entity: Named = None,
) -> dict[str, Any]:
    since, until = days(since, until)
    before = pair(cursor)
    key = ("stories", limit, before, since, until, outlet, entity)
    return _LISTS.get(
        request, key, lambda: _stories(request, limit, before, since, until, outlet, entity)
    )


_LISTS: Final[PerVersion[dict[str, Any]]] = PerVersion(domains=("events", "entities", "mentions"))
"""Pages of storylines and of events: the same for every reader until the events, the
entities or the names read in the reports change (``?entity=`` reads the mentions); not
while an ingest adds articles."""


def _stories(
    request: Request,
    limit: int,
    before: tuple[str, str] | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    entity: str | None,
) -> dict[str, Any]:
    shown: list[Storyline] = []
    more = False
    with opened(request) as marsad:
        named = marsad.entity(entity).id if entity else None  # 404 for an unknown one
        resume: tuple[str, str] | None = None
        for _ in range(SCAN_BATCHES):  # an outlet filter reads on until a page is full
            size = max(limit + 1, SCAN_SIZE)
            batch = marsad.recent_storylines(size, before, since, until, named)
            for s in batch:
                if outlet is None or outlet in s.outlets:
                    shown.append(s)
                if len(shown) > limit:
                    break
            if len(shown) > limit or len(batch) < size:
                more = len(shown) > limit
                break
            before = story_key(batch[-1])
        else:  # read enough for one request: the next page goes on from here
            resume, more = before, True
        shown = shown[:limit]
        events = marsad.events_of([s.id for s in shown])
    last = story_key(shown[-1]) if more and len(shown) == limit else resume
    return {
        "sort": "end (latest event day, else start) descending, then id descending",
        "items": [storyline_dict(s, events[s.id]) for s in shown],
        "next": encoded(last) if more and last else None,
    }


@router.get("/stories/{story_id}", summary="A storyline with its events and their reports")
def story(request: Request, story_id: str) -> dict[str, Any]:
    with opened(request) as marsad:
        storyline = marsad.storyline(story_id)
        timeline = [
            (e, [marsad.article(a) for a in e.articles])
            for e in marsad.events(storyline=storyline.id)
        ]
        digest = marsad.story_digest(storyline.id)
    return {**storyline_dict(storyline, timeline=timeline), "digest": digest_dicts(digest)}


@router.get("/events", summary="Events in date order")
def events(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    story: Annotated[str | None, Query(description="only this storyline's events")] = None,
    entity: Named = None,
) -> dict[str, Any]:
    since, until = days(since, until)
    after = pair(cursor)
    key = ("events", limit, after, since, until, outlet, story, entity)

    def read() -> dict[str, Any]:
        with opened(request) as marsad:
            asked = marsad.storyline(story).id if story else None  # a prefix, as the CLI takes
            named = marsad.entity(entity).id if entity else None
            filters = EventFilters(since, until, outlet, asked, named)
            found = marsad.event_page(limit + 1, after, filters)
        return _event_page(found, limit)

    return _LISTS.get(request, key, read)


def _event_page(found: list[Event], limit: int) -> dict[str, Any]:
    shown = found[:limit]
    return {
        "sort": "date (else first reported) ascending, then id",
        "items": [event_dict(e) for e in shown],
        "next": encoded(_event_key(shown[-1])) if len(found) > limit else None,
    }


def _event_key(e: Event) -> tuple[str, str]:
    return (when(e) or "", e.id)


@router.get("/events/{event_id}", summary="An event with its reports, summary and quotes")
def event(request: Request, event_id: str) -> dict[str, Any]:
    with opened(request) as marsad:
        found = marsad.event(event_id)
        reports = [marsad.article(a) for a in found.articles]
        summary = marsad.event_summary(found)
        quotes = marsad.quotes_of(found.articles)
    return event_detail_dict(found, reports, summary, quotes)


@router.get("/articles", summary="Articles, newest first")
def articles(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    lang: Annotated[str | None, Query(description="ISO 639-1 code: ar, en, …")] = None,
    entity: Named = None,
) -> dict[str, Any]:
    since, until = days(since, until)
    after = pair(cursor)
    with opened(request) as marsad:
        named = marsad.entity(entity).id if entity else None
        code = lang.lower() if lang else None  # AR is ar
        found = marsad.article_page(
            limit + 1, after, ArticleFilters(since, until, outlet, code, named)
        )
    shown = found[:limit]
    return {
        "sort": "published (else crawled) descending, then id descending",
        "items": [article_dict(a) for a in shown],
        "next": encoded(_article_key(shown[-1])) if len(found) > limit else None,
    }


def _article_key(a: Article) -> tuple[str, str]:
    return (_article_day(a), a.id)


@router.get("/articles/{article_id}", summary="An article: its text, metadata and reuse links")
def article(request: Request, article_id: str) -> dict[str, Any]:
    with opened(request) as marsad:
        found = marsad.article(article_id)
        links = marsad.reuse_links(found.id)
    return {**article_dict(found, full=True), "reuse": [link_dict(link) for link in links]}


@router.get("/search", summary="Full-text search in any spelling, best first")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Hits in the order of rank, ``limit`` at a time, up to ``SEARCH_HITS`` of them: a query
    that finds more is narrowed by more words, not read to its end."""
    skip = _position(cursor)
    with opened(request) as marsad:
        hits = marsad.search(q, min(skip + limit, SEARCH_HITS) + 1)
    shown = hits[skip : min(skip + limit, SEARCH_HITS)]
    last = skip + len(shown)
    return {
        "sort": "outlet matches (newest first), then text matches by rank",
        "items": [
            {**report_dict(h.article), "matched": h.matched, "snippet": h.snippet} for h in shown
        ],
        "next": encoded((f"{last:09d}",)) if len(hits) > last and last < SEARCH_HITS else None,
        "capped": len(hits) > SEARCH_HITS and last >= SEARCH_HITS,
    }


SEARCH_HITS: Final = 2_000
"""The most hits a query's pages reach (ten pages of the largest size)."""


def _position(cursor: str | None, most: int | None = SEARCH_HITS) -> int:
    """How many items the pages before ``cursor`` showed (at most ``most``)."""
    if cursor is None:
        return 0
    (value,) = decoded(cursor, 1)
    written = value.isascii() and value.isdigit() and len(value) <= 9  # as this server writes
    if not written or (most is not None and int(value) >= most):
        raise PageError("the cursor is not one this server gave; start without it")
    return int(value)


@router.get("/reuse", summary="Groups of copies, largest first")
def reuse(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    kind: Annotated[str | None, Query(pattern="^(exact|near|partial|template)$")] = None,
) -> dict[str, Any]:
    """Without ``kind``, a page reads its groups from the kept ones (``marsad reuse``'s
    listing, kept up to date as links arrive); with it, every link of that kind is grouped."""
    skip = _position(cursor, None)

    def read() -> dict[str, Any]:
        with opened(request) as marsad:
            groups = marsad.reuse_groups(kind=kind, limit=limit + 1, skip=skip)
            # a kept group whose links a writer is changing is left out of its page: the next
            # page still starts after the groups this one read
            kept = marsad.store.reuse_groups.count() if kind is None else 0
        shown = groups[:limit]
        more = len(groups) > limit or kept > skip + limit
        last = skip + limit if more else skip + len(shown)
        return {
            "sort": "group number (largest group first)",
            "items": [group_dict(n, group) for n, group in enumerate(shown, skip + 1)],
            "next": encoded((f"{last:09d}",)) if more else None,
        }

    # the same for every reader of a store version: the first pages, the largest groups
    # with the most members and links, are the costliest and the most read
    return _GROUP_PAGES.get(request, (kind, limit, skip), read)


_GROUP_PAGES: Final[PerVersion[dict[str, Any]]] = PerVersion(domains=("links", "groups"))


@router.get("/entities", summary="People, organizations and places, by number of events")
def entities(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    kind: Annotated[
        str | None, Query(pattern="^(PER|ORG|LOC)$", description="PER, ORG or LOC only")
    ] = None,
) -> dict[str, Any]:
    """The entities as the last ``marsad entities`` left them (their event counts as the last
    events update left them)."""
    with opened(request) as marsad:
        found = marsad.entities(kind)
    shown = page(found, _entity_key, cursor, limit)
    return {
        "sort": "events descending, then mentions descending, then id",
        "items": [entity_dict(e) for e in shown.items],
        "next": shown.next,
    }


def _entity_key(e: Entity) -> tuple[str, str, str]:
    # ascending keys that sort as the store lists: most events, then most mentions, first
    return (f"{10**9 - e.events:010d}", f"{10**9 - e.mentions:010d}", e.id)


@router.get("/quotes", summary="Who said what, newest article first")
def quotes(
    request: Request,
    limit: Limit = DEFAULT_PAGE,
    cursor: Cursor = None,
    entity: Annotated[
        str | None, Query(description="only what this entity (an id or a name) said")
    ] = None,
) -> dict[str, Any]:
    """The quotes as the last ``marsad quotes`` or ``entities`` read them, as ``marsad quotes
    --json`` gives them."""
    skip = _position(cursor, None)
    with opened(request) as marsad:
        found = marsad.quotes(entity, skip + limit + 1)  # no more than the pages so far
        shown = found[skip : skip + limit]
        articles = marsad.store.articles_by_id({q.article_id for q in shown})
    last = skip + len(shown)
    return {
        "sort": "newest article first (undated last), then article id and place in it",
        "items": [quote_dict(q, articles[q.article_id]) for q in shown],
        "next": encoded((f"{last:09d}",)) if len(found) > last else None,
    }


@router.get("/entities/{ref}", summary="An entity by id or name: names, roles, events")
def entity(request: Request, ref: str) -> dict[str, Any]:
    with opened(request) as marsad:
        return entity_profile_dict(marsad.entity_profile(ref))

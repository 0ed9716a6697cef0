"""The library's front door: ``Marsad(path)`` opens a store and offers every command as a method.

>>> import tempfile, os
>>> m = Marsad(os.path.join(tempfile.mkdtemp(), "news.db"))
>>> m.counts()["articles"]
0
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from marsad.analyze.entities import entity_key
from marsad.arabic import StemFinder, stems
from marsad.config import Settings, load_settings
from marsad.engine.entities import EntityReport, has_entities, update_entities
from marsad.engine.grouping import largest_groups, update_groups
from marsad.engine.linking import LinkReport, StepProgress, update_reuse
from marsad.engine.local import IngestReport, Progress, ingest
from marsad.engine.organizing import EventReport, update_events
from marsad.engine.summaries import event_summaries, summary_reports
from marsad.errors import InputError, NotFoundError, StoreError
from marsad.ingest import ReadOptions
from marsad.link.groups import Member, group_links
from marsad.link.reuse import ReuseParams
from marsad.models import (
    Article,
    Entity,
    EntityProfile,
    Event,
    QuoteRow,
    RawDocument,
    Rejection,
    ReuseGroup,
    ReuseLink,
    Storyline,
)
from marsad.organize.summaries import Report, SummarySentence
from marsad.snippets import snippet
from marsad.store import Store, open_store
from marsad.store.fts import MAX_WORDS, SearchQuery, parse_query
from marsad.store.records import ArticleFilters, EventFilters, EventReports, OutletLink

__all__ = ["MAX_WORDS", "EntityProfile", "Marsad", "SearchHit", "SearchQuery", "parse_query"]

MIN_PREFIX = 4
"""Characters an article id prefix needs (the store's lookup, ``SQLiteStore.article``)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article, its rank score (lower is better; 0 for an outlet
    match), a matching paragraph, and whether the query ``matched`` its ``text`` (title or
    body) or named its ``outlet`` (or source)."""

    article: Article
    score: float
    snippet: str
    matched: str = "text"


class Marsad:
    """A Marsad database and what can be done with it."""

    def __init__(
        self, db: str | Path | None = None, settings: Settings | None = None, create: bool = True
    ) -> None:
        """Open the database ``db`` (default: the settings'); with ``create`` False a missing
        file is an error instead of a new, empty database (for commands that only read)."""
        self.settings = settings or load_settings()
        if db is not None:
            self.settings = replace(self.settings, db=str(db))
        if not create:
            _must_exist(Path(self.settings.db))
        self.store: Store = open_store(
            self.settings.db, self.settings.busy_timeout, self.settings.cache_mb
        )

    def __enter__(self) -> Marsad:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(
        self,
        paths: Sequence[str | Path],
        options: ReadOptions | None = None,
        progress: Progress | None = None,
        stdin: BinaryIO | None = None,
    ) -> IngestReport:
        """Read ``paths`` (files, folders, globs, ``-``) and store what they hold."""
        options = options or ReadOptions(max_bytes=self.settings.max_document_bytes)
        return ingest(
            self.store, [str(p) for p in paths], options, self.settings, progress, stdin=stdin
        )

    def articles(
        self,
        source: str | None = None,
        since: str | None = None,
        lang: str | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        return self.store.articles(source=source, since=since, lang=lang, limit=limit)

    def article_ids(self) -> Iterator[str]:
        """Every stored article's id, in id order, streamed."""
        return self.store.article_ids()

    def article_page(
        self,
        limit: int,
        after: tuple[str, str] | None = None,
        filters: ArticleFilters | None = None,
    ) -> list[Article]:
        """A page of articles, newest first, after the one whose (day, id) is ``after``."""
        return self.store.article_page(limit, after, filters)

    def article(self, ref: str) -> Article:
        """An article by id, or by a unique prefix of at least ``MIN_PREFIX`` characters."""
        try:
            return self.store.article(ref)
        except NotFoundError:
            if len(ref) < MIN_PREFIX:
                raise InputError(
                    f"article id {ref!r} is too short: give the whole id or at least "
                    f"{MIN_PREFIX} of its first characters (ids are listed by 'marsad articles')"
                ) from None
            raise

    def document(self, doc_id: str) -> RawDocument:
        return self.store.document(doc_id)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching ``text`` in any spelling: those of an outlet or source the query
        names first (newest first), then those whose title or body matches, best first.

        A repeated word is searched once and only the first ``MAX_WORDS`` words are searched
        (``parse_query`` says what was left out)."""
        query = parse_query(text)
        words = StemFinder(stems(" ".join(query.words)))
        hits = [
            SearchHit(article, 0.0, snippet(article, words), "outlet")
            for article in map(self.store.article, self.store.outlet_articles(query, limit))
        ]
        shown = {hit.article.id for hit in hits}
        if query.match is not None and len(hits) < limit:
            hits += [
                SearchHit(found.article, found.score, snippet(found.article, words))
                for found in self.store.search(query.match, limit)
                if found.article.id not in shown
            ]
        return hits[:limit]

    def update_reuse(
        self, params: ReuseParams | None = None, progress: StepProgress | None = None
    ) -> LinkReport:
        """Link the articles added since the last update (exact, near and partial reuse);
        ``progress`` hears of each step (``engine.linking.StepProgress``)."""
        return update_reuse(self.store, params, self.settings.workers, progress)

    def update_events(
        self, consolidate: bool | None = None, progress: StepProgress | None = None
    ) -> EventReport:
        """Bring reuse links, events and storylines up to date with the stored articles: new
        articles join events online, or the whole partition is recomputed when they are many
        (``consolidate`` True: always; False: never; see ``engine.organizing``)."""
        self.update_reuse(progress=progress)
        report = update_events(
            self.store,
            workers=self.settings.workers,
            consolidate=consolidate,
            progress=progress,
        )
        if report.mode != "unchanged" and has_entities(self.store):
            self.store.entities.recount()  # each entity's events, as they now stand
        return report

    def rebuild(self, progress: StepProgress | None = None) -> EventReport:
        """Recompute reuse links, events and storylines from the stored articles, and the
        entities when the store has them (``update_entities`` made them once)."""
        self.store.reuse.clear()
        report = self.update_events(consolidate=True, progress=progress)
        if has_entities(self.store):
            self.update_entities(progress=progress)
        return report

    def update_entities(self, progress: StepProgress | None = None) -> EntityReport:
        """Read the articles stored since the last update for people, organizations and
        places, group every name into entities and count their events."""
        return update_entities(self.store, self.settings.workers, progress)

    def entities(self, kind: str | None = None, limit: int | None = None) -> list[Entity]:
        """Entities by number of events, then mentions; ``kind``: PER, ORG or LOC only."""
        return self.store.entities.entities(kind, limit)

    def entity_count(self, kind: str | None = None) -> int:
        return self.store.entities.count(kind)

    def entity(self, ref: str) -> Entity:
        """An entity by id (or a unique prefix of one) or by a name in any spelling: a
        whole name («مصطفى الكاظمي»), one the entity was written as («الكاظمي»), or words of
        one (the most mentioned entity whose name holds them)."""
        ref = ref.strip()
        if len(ref) >= MIN_PREFIX and all(c in "0123456789abcdef" for c in ref):
            try:
                return self.store.entities.entity(ref)
            except NotFoundError as exc:
                if "ambiguous" in str(exc):
                    raise

        key = entity_key(ref)
        found = self.store.entities.by_keys([key]) if key else []
        if not found and key:
            found = self.store.entities.by_keys(self.store.entities.keys_like(key))
        if not found:
            raise NotFoundError(
                f"no entity named or with id {ref!r} (`marsad entities` lists them)"
            )
        return found[0]

    def quotes(self, entity: str | None = None, limit: int | None = None) -> list[QuoteRow]:
        """Stored quotes, newest article first; ``entity``: only those whose speaker is that
        entity (an id or a name, as ``entity`` takes)."""
        found = self.entity(entity).id if entity is not None else None
        return self.store.entities.quotes(entity_id=found, limit=limit)

    def quotes_of(self, articles: Sequence[str]) -> list[QuoteRow]:
        """The quotes of these articles."""
        return self.store.entities.quotes(articles=articles)

    def event_summary(self, event: Event) -> list[SummarySentence]:
        """A few sentences from the event's reports that tell it, each with its source
        (``organize.summaries``); copies count once; entities (when ``update_entities`` has
        read the reports) help the sentences cover who took part."""
        return event_summaries(self.store, [event])[event.id]

    def event_summaries(self, events: Sequence[Event]) -> dict[str, list[SummarySentence]]:
        """``event_summary`` of each of ``events``, by id (kept ones read at once)."""
        return event_summaries(self.store, events)

    def event_entities(self, event: Event) -> list[tuple[Entity, int]]:
        """The entities the event's reports name, most mentioned in them first, with how many
        times (as the last ``update_entities`` read them)."""
        return self.store.entities.named_in(list(event.articles))

    def summary_reports(self, event: Event) -> list[Report]:
        """The event's reports as a summary reads them (``engine.summaries``)."""
        return summary_reports(self.store, [self.article(a) for a in event.articles])

    def story_digest(self, storyline: str) -> list[tuple[Event, SummarySentence | None]]:
        """One line per event of a storyline, in date order: the first sentence of its
        summary (None when its reports give none)."""
        events = self.events(storyline=storyline)
        summaries = event_summaries(self.store, events)
        return [(e, summaries[e.id][0] if summaries[e.id] else None) for e in events]

    def entity_profile(self, ref: str) -> EntityProfile:
        """The entity ``ref`` (see ``entity``) with its names, roles, events and storylines."""
        entity = self.entity(ref)
        tables = self.store.entities
        events = [self.store.events.event(e) for e in tables.events_of(entity.id)]
        lines = dict.fromkeys(e.storyline for e in events if e.storyline)
        return EntityProfile(
            entity,
            tables.names(entity.id),
            tables.roles(entity.id),
            events,
            [self.store.events.storyline(s) for s in lines],
        )

    def storylines(self, limit: int | None = None) -> list[Storyline]:
        """Storylines, largest first (the first ``limit``)."""
        return self.store.events.storylines(limit)

    def recent_storylines(
        self,
        limit: int,
        before: tuple[str, str] | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
    ) -> list[Storyline]:
        """Storylines, latest activity first (their last day, then id, descending): the first
        ``limit`` after the (day, id) key ``before``, ending between ``since`` and ``until``,
        with an event that names ``entity`` (an id)."""
        return self.store.events.recent_storylines(limit, before, since, until, entity)

    def storyline_count(self) -> int:
        return self.store.events.sizes().storylines

    def storyline(self, ref: str) -> Storyline:
        return self.store.events.storyline(ref)

    def events(self, storyline: str | None = None) -> list[Event]:
        """Every event (of ``storyline``, when given), in date order."""
        return self.store.events.events(storyline)

    def event_page(
        self,
        limit: int,
        after: tuple[str, str] | None = None,
        filters: EventFilters | None = None,
    ) -> list[Event]:
        """A page of events in date order (undated first), after the one whose (day, id) is
        ``after``."""
        return self.store.events.page(limit, after, filters)

    def events_of(self, storylines: Sequence[str]) -> dict[str, list[Event]]:
        """The events of each of these storylines, in date order."""
        found: dict[str, list[Event]] = {line: [] for line in storylines}
        for event in sorted(
            self.store.events.of_storylines(storylines),
            key=lambda e: (e.date or e.first_seen or "9999", e.id),
        ):
            found[str(event.storyline)].append(event)
        return found

    def event(self, ref: str) -> Event:
        return self.store.events.event(ref)

    def event_listing(self, storyline: str | None = None) -> Iterator[EventReports]:
        """Every stored event in date order with its reports' ids, urls and outlets, streamed
        (``storyline``: only that storyline's, by id or unique prefix)."""
        if storyline is not None:
            storyline = self.storyline(storyline).id
        return self.store.events.listing(storyline)

    def reuse_links(
        self, article_id: str | None = None, kind: str | None = None
    ) -> list[ReuseLink]:
        return self.store.reuse.links(article_id, kind)

    def reuse_groups(
        self, kind: str | None = None, limit: int | None = None, skip: int = 0
    ) -> list[ReuseGroup]:
        """Groups of copies of one text, largest first, each with the article to keep and why
        (``link.groups``); partial links between different texts relate groups. The first
        ``limit`` after the first ``skip`` read the kept groups (``engine.grouping``); all of
        them, or those of one ``kind`` of link, group every stored link (of that kind) again."""

        def member(article_id: str) -> Member:
            article = self.store.article(article_id)
            return Member(article.published.value, article.body)

        if kind is None and limit is not None:
            return largest_groups(self.store, limit, member, skip)
        return group_links(self.reuse_links(kind=kind), member)[skip:][:limit]

    def reuse_group_count(self) -> int:
        """How many groups of copies the store holds (kept up to date first)."""
        update_groups(self.store)
        return self.store.reuse_groups.count()

    def reuse_pairs(
        self, kind: str | None = None, limit: int | None = None
    ) -> Iterator[OutletLink]:
        """Every stored reuse link with its articles' outlets, streamed in id order."""
        return self.store.reuse.stream(kind, limit)

    def reuse_count(self, kind: str | None = None) -> int:
        return self.store.reuse.count(kind)

    def rejected(self) -> list[Rejection]:
        return self.store.rejections()

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def sizes(self) -> dict[str, int]:
        """How many articles, events and storylines are stored (a few index reads)."""
        stored = self.store.events.sizes()
        return {
            "articles": self.store.article_count(),
            "events": stored.events,
            "storylines": stored.storylines,
        }


def _must_exist(path: Path) -> None:
    """Refuse a database file that is not there (its folder missing: the store says so)."""
    folder = Path(os.path.abspath(path)).parent
    if folder.is_dir() and not path.exists():
        raise StoreError(
            f"database {path} does not exist; check --db (or $MARSAD_DB), or create it by "
            f"ingesting something: marsad --db {path} ingest PATH"
        )
    if path.is_file() and path.stat().st_size == 0:  # a read must not make it a database
        raise StoreError(
            f"database {path} is an empty file, not a Marsad database; check --db (or "
            f"$MARSAD_DB), or create it by ingesting something: marsad --db {path} ingest PATH"
        )

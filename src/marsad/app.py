"""The library's front door: ``Marsad(path)`` opens a store and offers every command as a method.

>>> import tempfile, os
>>> m = Marsad(os.path.join(tempfile.mkdtemp(), "news.db"))
>>> m.counts()["articles"]
0
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from marsad.arabic import stems
from marsad.config import Settings, load_settings
from marsad.engine.linking import LinkReport, update_reuse
from marsad.engine.local import IngestReport, Progress, ingest
from marsad.engine.organizing import EventReport, update_events
from marsad.ingest import ReadOptions
from marsad.link.groups import group_links
from marsad.link.reuse import ReuseParams
from marsad.models import Article, Event, RawDocument, Rejection, ReuseLink, Storyline
from marsad.store import SQLiteStore
from marsad.store.events import ReportRef
from marsad.store.fts import build_query


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article, its rank score (lower is better) and a matching paragraph."""

    article: Article
    score: float
    snippet: str


class Marsad:
    """A Marsad database and what can be done with it."""

    def __init__(self, db: str | Path | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        if db is not None:
            self.settings = replace(self.settings, db=str(db))
        self.store = SQLiteStore(self.settings.db)

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

    def article(self, ref: str) -> Article:
        return self.store.article(ref)

    def document(self, doc_id: str) -> RawDocument:
        return self.store.document(doc_id)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching ``text`` in any spelling, best first."""
        query = build_query(text)
        if query is None:
            return []
        return [
            SearchHit(article, score, _snippet(article, text))
            for article, score in self.store.search(query, limit)
        ]

    def update_reuse(self, params: ReuseParams | None = None) -> LinkReport:
        """Link the articles added since the last update (exact, near and partial reuse)."""
        return update_reuse(self.store, params, self.settings.workers)

    def update_events(self, consolidate: bool | None = None) -> EventReport:
        """Bring reuse links, events and storylines up to date with the stored articles: new
        articles join events online, or the whole partition is recomputed when they are many
        (``consolidate`` True: always; False: never; see ``engine.organizing``)."""
        self.update_reuse()
        return update_events(self.store, workers=self.settings.workers, consolidate=consolidate)

    def rebuild(self) -> EventReport:
        """Recompute reuse links, events and storylines from the stored articles."""
        self.store.reuse.clear()
        return self.update_events(consolidate=True)

    def storylines(self) -> list[Storyline]:
        return self.store.events.storylines()

    def storyline(self, ref: str) -> Storyline:
        return self.store.events.storyline(ref)

    def events(self, storyline: str | None = None) -> list[Event]:
        return self.store.events.events(storyline)

    def event(self, ref: str) -> Event:
        return self.store.events.event(ref)

    def event_listing(
        self, storyline: str | None = None
    ) -> Iterator[tuple[Event, list[ReportRef]]]:
        """Every stored event in date order with its reports' ids, urls and outlets, streamed
        (``storyline``: only that storyline's, by id or unique prefix)."""
        if storyline is not None:
            storyline = self.storyline(storyline).id
        return self.store.events.listing(storyline)

    def reuse_links(
        self, article_id: str | None = None, kind: str | None = None
    ) -> list[ReuseLink]:
        return self.store.reuse.links(article_id, kind)

    def reuse_groups(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Connected groups of reusing articles, each with its likely origin."""
        return group_links(self.reuse_links(kind=kind))

    def rejected(self) -> list[Rejection]:
        return self.store.rejections()

    def counts(self) -> dict[str, int]:
        return self.store.counts()


def _snippet(article: Article, text: str, width: int = 240) -> str:
    """The first paragraph holding a query word (compared normalized), shown in the original."""
    wanted = set(stems(text))
    for start, end in article.paragraphs:
        paragraph = article.body[start:end]
        if wanted & set(stems(paragraph)):
            return paragraph if len(paragraph) <= width else paragraph[:width].rstrip() + " …"
    return (article.title or article.body[:width]).strip()

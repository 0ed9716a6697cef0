"""Events and storylines in SQLite: replaced as a whole when consolidated, updated in place
online, each time with the state online updates read (``event_index``) in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence

from marsad.errors import NotFoundError, StoreError
from marsad.models import Event, LexiconCounts, Storyline
from marsad.store import event_index
from marsad.store.inlists import in_lists
from marsad.store.keyset import NAMING_EVENTS, after_key, page_conditions
from marsad.store.records import (
    Centroids,
    EventFilters,
    EventReports,
    ReportRef,
    Sizes,
    SummaryRow,
    TermsRow,
)
from marsad.store.transaction import Transaction

_EVENT_COLUMNS = (
    "id, title, articles, outlets, date, date_evidence, first_seen, last_seen, storyline"
)
_STORY_COLUMNS = "id, title, events, articles, outlets, start, end_"


class EventTables:
    """Read and write the event tables of one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def replace(
        self,
        events: Sequence[Event],
        storylines: Sequence[Storyline],
        counts: LexiconCounts,
        centroids: Centroids,
    ) -> None:
        """Store this partition of the articles into events and storylines, with the counts
        its vectors were weighted by and its events' centroids, atomically; the articles it
        holds leave the queue."""
        with Transaction(self.db):
            for table in ("events", "event_articles", "storylines"):
                self.db.execute(f"DELETE FROM {table}")
            self._insert(events, storylines)
            # kept summaries of events that are gone (a kept event's key says whether it changed)
            self.db.execute(
                "DELETE FROM event_summaries WHERE event_id NOT IN (SELECT id FROM events)"
            )
            event_index.write_counts(self.db, counts, replace=True)
            event_index.write_centroids(self.db, centroids, replace=True)
            event_index.drain(self.db, None)

    def restart(self) -> None:
        """Forget every event, storyline, centroid and count, and queue every article again:
        where a consolidation in segments (``engine.organizing``) starts."""
        with Transaction(self.db):
            for table in ("events", "event_articles", "storylines"):
                self.db.execute(f"DELETE FROM {table}")
            event_index.write_counts(self.db, LexiconCounts(), replace=True)
            event_index.write_centroids(self.db, {}, replace=True)
            self.db.execute("INSERT OR IGNORE INTO events_queue SELECT id FROM articles")

    def _insert(
        self,
        events: Sequence[Event],
        storylines: Sequence[Storyline],
    ) -> None:
        self.db.executemany(
            f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.id,
                    e.title,
                    json.dumps(e.articles),
                    json.dumps(e.outlets),
                    e.date,
                    e.date_evidence,
                    e.first_seen,
                    e.last_seen,
                    e.storyline,
                )
                for e in events
            ],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO event_articles (article_id, event_id) VALUES (?, ?)",
            [(a, e.id) for e in events for a in e.articles],
        )
        self.db.executemany(
            f"INSERT INTO storylines ({_STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    s.title,
                    json.dumps(s.events),
                    s.articles,
                    json.dumps(s.outlets),
                    s.start,
                    s.end,
                )
                for s in storylines
            ],
        )

    def update(
        self,
        events: Sequence[Event],
        storylines: Sequence[Storyline],
        counts: LexiconCounts,
        centroids: Centroids,
    ) -> None:
        """Store these events and storylines in place of those with their ids (and their
        reports' memberships), add ``counts`` (those of the reports placed) to the stored
        ones, store these centroids in place of their events', and take the placed reports
        out of the queue, atomically."""
        with Transaction(self.db):
            self.db.executemany("DELETE FROM events WHERE id = ?", [(e.id,) for e in events])
            self.db.executemany(
                "DELETE FROM storylines WHERE id = ?", [(s.id,) for s in storylines]
            )
            self._insert(events, storylines)
            event_index.write_counts(self.db, counts, replace=False)
            event_index.write_centroids(self.db, centroids, replace=False)
            event_index.drain(self.db, [a for e in events for a in e.articles])

    def sizes(self) -> Sizes:
        """How many events and storylines are stored."""
        one = self.db.execute
        return Sizes(
            int(one("SELECT count(*) FROM events").fetchone()[0]),
            int(one("SELECT count(*) FROM storylines").fetchone()[0]),
        )

    def organized(self) -> dict[str, str]:
        """The event of every article that has one."""
        return dict(self.db.execute("SELECT article_id, event_id FROM event_articles"))

    def forget_terms(self) -> None:
        """Forget every report's stored terms (computed by other rules): the next update
        computes them again."""
        with Transaction(self.db):
            self.db.execute("DELETE FROM event_terms")

    def save_terms(self, rows: Sequence[TermsRow]) -> None:
        with Transaction(self.db):
            event_index.write_terms(self.db, rows)

    def term_ids(self, terms: Iterable[str]) -> dict[str, int]:
        """The lexicon's id of each of ``terms`` (new ones added)."""
        with Transaction(self.db):
            return event_index.term_ids(self.db, terms)

    def state(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM event_state WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_state(self, key: str, value: str) -> None:
        with Transaction(self.db):
            self.db.execute("INSERT OR REPLACE INTO event_state VALUES (?, ?)", (key, value))

    def events(self, storyline: str | None = None) -> list[Event]:
        where, args = ("WHERE storyline = ?", (storyline,)) if storyline else ("", ())
        rows = self.db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events {where} "
            "ORDER BY coalesce(date, first_seen, '9999'), id",
            args,
        )
        return [_event(row) for row in rows]

    def page(
        self, limit: int, after: tuple[str, str] | None = None, filters: EventFilters | None = None
    ) -> list[Event]:
        """Up to ``limit`` events in date order (their date, else the day first reported, then
        id; undated first), after the event whose key is ``after``: one page read by its key."""
        f = filters or EventFilters()
        key = "coalesce(nullif(date, ''), nullif(first_seen, ''), '')"
        where, args = page_conditions(key, after, False, f.since, f.until)
        if f.outlet is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(outlets) WHERE value = ?)")
            args.append(f.outlet)
        if f.storyline is not None:
            where.append("storyline = ?")
            args.append(f.storyline)
        if f.entity is not None:
            where.append(f"id IN ({NAMING_EVENTS})")
            args.append(f.entity)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events "
        sql += f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {key}, id LIMIT ?"
        return [_event(row) for row in self.db.execute(sql, [*args, limit])]

    def summaries(self, event_ids: Iterable[str]) -> dict[str, SummaryRow]:
        """The kept summaries of these events (``engine.summaries``)."""
        found: dict[str, SummaryRow] = {}
        for chunk, marks in in_lists(sorted(set(event_ids))):
            sql = (
                f"SELECT event_id, key, sentences FROM event_summaries WHERE event_id IN ({marks})"
            )
            found.update((r[0], SummaryRow(r[0], r[1], r[2])) for r in self.db.execute(sql, chunk))
        return found

    def unsettled(self, article_ids: Iterable[str], entities: bool) -> set[str]:
        """Which of these articles a later update will change what their summaries read from:
        still waiting for reuse links, or (``entities``) to be read for names."""
        queues = ["reuse_queue", *(["entities_queue"] if entities else [])]
        found: set[str] = set()
        for chunk, marks in in_lists(sorted(set(article_ids))):
            for queue in queues:
                sql = f"SELECT article_id FROM {queue} WHERE article_id IN ({marks})"
                found.update(r[0] for r in self.db.execute(sql, chunk))
        return found

    def keep_summaries(self, rows: Sequence[SummaryRow]) -> bool:
        """Keep ``rows`` when the write lock is free now; False (nothing kept) when another
        writer holds it or the file cannot be written: a reader does not wait for an ingest to
        keep what it can make again."""
        if not rows:
            return True
        try:
            with Transaction(self.db, wait=False):
                self.db.executemany(
                    "INSERT OR REPLACE INTO event_summaries (event_id, key, sentences) "
                    "VALUES (?, ?, ?)",
                    [(r.event_id, r.key, r.sentences) for r in rows],
                )
        except StoreError:  # locked, read-only, full: a summary not kept is made again
            return False
        return True

    def of_storylines(self, storylines: Iterable[str]) -> list[Event]:
        """The events of these storylines."""
        out = []
        for chunk, marks in in_lists(sorted(set(storylines))):
            sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE storyline IN ({marks})"
            out += [_event(row) for row in self.db.execute(sql, chunk)]
        return out

    def listing(self, storyline: str | None = None) -> Iterator[EventReports]:
        """Every event (of ``storyline``, when given) in date order, each with its reports
        (id, url, outlet, publication date, title, origin), read from one cursor: nothing is
        held but the event at hand."""
        where, args = ("WHERE e.storyline = ?", (storyline,)) if storyline else ("", ())
        columns = ", ".join(f"e.{c.strip()}" for c in _EVENT_COLUMNS.split(","))
        rows = self.db.execute(
            f"SELECT {columns}, a.id, a.url, coalesce(a.outlet, a.source), a.published, a.title, "
            "d.origin FROM events e JOIN event_articles ea ON ea.event_id = e.id "
            "JOIN articles a ON a.id = ea.article_id "
            f"JOIN documents d ON d.id = a.document_id {where} "
            "ORDER BY coalesce(e.date, e.first_seen, '9999'), e.id",
            args,
        )
        current: Event | None = None
        reports: dict[str, ReportRef] = {}
        for row in rows:
            if current is None or current.id != row[0]:
                if current is not None:
                    yield _listed(current, reports)
                current, reports = _event(row[:9]), {}
            i, url, outlet, published, title, origin = row[9:]
            reports[str(i)] = ReportRef(
                str(i), _opt(url), _opt(outlet), _opt(published), _opt(title), str(origin)
            )
        if current is not None:
            yield _listed(current, reports)

    def event(self, ref: str) -> Event:
        return _event(self._one("events", _EVENT_COLUMNS, ref, "event"))

    def event_of(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def storylines(self, limit: int | None = None) -> list[Storyline]:
        """Storylines, largest first (the first ``limit``)."""
        rows = self.db.execute(
            f"SELECT {_STORY_COLUMNS} FROM storylines ORDER BY articles DESC, start, id LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [_storyline(row) for row in rows]

    def storyline(self, ref: str) -> Storyline:
        return _storyline(self._one("storylines", _STORY_COLUMNS, ref, "storyline"))

    def recent_storylines(
        self,
        limit: int,
        before: tuple[str, str] | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
    ) -> list[Storyline]:
        """Storylines by their last day (else first), latest first, then id descending: the
        first ``limit`` after ``before`` (a (day, id) key), ending between ``since`` and
        ``until`` when given, with an event that names ``entity`` (an id) when given. Ordered
        by SQLite, so a page costs what it shows."""
        day = "coalesce(end_, start, '')"
        where, params = after_key(day, before, True)
        if since is not None or until is not None:
            where.append(f"{day} <> ''")  # an unknown day is never inside a bound
        if since is not None:  # a month or a year counts from its first day
            where.append(f"{day} >= substr(?, 1, length({day}))")
            params.append(since)
        if until is not None:
            where.append(f"substr({day}, 1, 10) <= ?")
            params.append(until)
        if entity is not None:
            where.append(f"id IN (SELECT storyline FROM events WHERE id IN ({NAMING_EVENTS}))")
            params.append(entity)
        sql = f"SELECT {_STORY_COLUMNS} FROM storylines"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {day} DESC, id DESC LIMIT ?"
        return [_storyline(row) for row in self.db.execute(sql, (*params, limit))]

    def _one(self, table: str, columns: str, ref: str, what: str) -> tuple[object, ...]:
        rows = self.db.execute(f"SELECT {columns} FROM {table} WHERE id = ?", (ref,)).fetchall()
        if not rows:  # a prefix, as a range the primary key index serves
            rows = self.db.execute(
                f"SELECT {columns} FROM {table} WHERE id >= ? AND id < ? LIMIT 2",
                (ref, ref + "\U0010ffff"),
            ).fetchall()
        exact = [r for r in rows if r[0] == ref]
        if exact:
            return tuple(exact[0])
        if len(rows) == 1:
            return tuple(rows[0])
        if not rows:
            raise NotFoundError(f"no {what} with id {ref!r}: list them with `marsad stories`")
        raise NotFoundError(f"{what} id prefix {ref!r} is ambiguous: give more characters")


def _listed(event: Event, reports: Mapping[str, ReportRef]) -> EventReports:
    """An event with its reports in the event's order."""
    return EventReports(event, [reports[i] for i in event.articles if i in reports])


def _event(row: tuple[object, ...]) -> Event:
    i, title, articles, outlets, date, evidence, first, last, story = row
    return Event(
        str(i),
        str(title),
        tuple(json.loads(str(articles))),
        tuple(json.loads(str(outlets))),
        _opt(date),
        _opt(evidence),
        _opt(first),
        _opt(last),
        _opt(story),
    )


def _storyline(row: tuple[object, ...]) -> Storyline:
    i, title, events, articles, outlets, start, end = row
    return Storyline(
        str(i),
        str(title),
        tuple(json.loads(str(events))),
        int(str(articles)),
        tuple(json.loads(str(outlets))),
        _opt(start),
        _opt(end),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)

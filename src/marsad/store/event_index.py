"""What an online events update reads and keeps, so that it reads only what is new and what
that can touch: the queue of articles not yet in events, each report's terms with its days
(for a range query), the counts report vectors are weighted by (document frequencies and
letter case), and each event's centroid indexed by term.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from marsad.models import CaseCounts, CentroidEntry, LexiconCounts, TermEntry
from marsad.store.inlists import in_lists
from marsad.store.records import (
    ArticleDates,
    Centroids,
    EventInput,
    StoredStems,
    TermsRow,
)

DOCS_KEY = "lexicon_docs"  # event_state: how many reports the stored counts hold

_INPUT = "SELECT a.id, a.title, {body}, a.published, a.crawled, coalesce(a.outlet, a.source) "


class EventIndexTables:
    """Read the state of the event partition that online updates grow."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def queued(self) -> list[EventInput]:
        """The articles not yet in any event, by id."""
        rows = self.db.execute(
            _INPUT.format(body="a.body") + "FROM events_queue q CROSS JOIN articles a "
            "ON a.id = q.article_id ORDER BY a.id"
        )
        return [_input(r) for r in rows]

    def queued_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM events_queue").fetchone()[0])

    def organized_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM event_articles").fetchone()[0])

    def all_inputs(self) -> list[EventInput]:
        """Every article, by id."""
        rows = self.db.execute(_INPUT.format(body="a.body") + "FROM articles a ORDER BY a.id")
        return [_input(r) for r in rows]

    def dates(self) -> list[ArticleDates]:
        """When every article came out and was crawled."""
        rows = self.db.execute("SELECT id, published, crawled FROM articles")
        return [ArticleDates(*row) for row in rows]

    def inputs(self, ids: Sequence[str], bodies: bool = False) -> list[EventInput]:
        """These articles (their bodies only when asked), in no particular order."""
        body = "a.body" if bodies else "''"
        sql = _INPUT.format(body=body) + "FROM articles a WHERE a.id IN ({marks})"
        return [_input(r) for r in self._select(sql, ids)]

    def terms(self, ids: Sequence[str] | None = None) -> dict[str, bytes]:
        """Stored terms by article id: of ``ids``, or of every article."""
        if ids is None:
            rows = self.db.execute("SELECT article_id, data FROM event_terms")
            return {str(a): bytes(d) for a, d in rows}
        sql = "SELECT article_id, data FROM event_terms WHERE article_id IN ({marks})"
        return {str(a): bytes(d) for a, d in self._select(sql, ids)}

    def near(self, first: int, last: int, slack: int) -> set[str]:
        """Reports already in events that may be compared with a day in ``[first, last]``:
        those whose text gives a day in it, those that came out in ``[first, last + slack]``,
        and those with no day at all (compared with everything)."""
        rows = self.db.execute(
            "SELECT t.article_id FROM event_terms t JOIN event_articles e "
            "ON e.article_id = t.article_id WHERE t.text_day BETWEEN ? AND ? "
            "OR t.day BETWEEN ? AND ? OR t.day IS NULL",
            (first, last, first, last + slack),
        )
        return {str(r[0]) for r in rows.fetchall()}

    def stems(self, ids: Sequence[str]) -> list[StoredStems]:
        """The stored stem counts and days of these reports, in no particular order."""
        sql = (
            "SELECT article_id, stems, cased, day, text_day FROM event_terms "
            "WHERE article_id IN ({marks})"
        )
        return [
            StoredStems(str(i), bytes(b), bool(c), d, t) for i, b, c, d, t in self._select(sql, ids)
        ]

    def lexicon_of(self, ids: Sequence[int]) -> list[TermEntry]:
        """The stored terms of these term ids."""
        sql = "SELECT id, term, df FROM event_lexicon WHERE id IN ({marks})"
        return [TermEntry(int(i), str(t), int(df)) for i, t, df in self._select(sql, ids)]

    def everything(self) -> set[str]:
        """Every report already in an event (what an undated new report is compared with)."""
        return {str(r[0]) for r in self.db.execute("SELECT article_id FROM event_articles")}

    def events_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The event of each of ``ids`` that is in one."""
        sql = "SELECT article_id, event_id FROM event_articles WHERE article_id IN ({marks})"
        return dict(self._select(sql, ids))

    def members(self, events: Iterable[str]) -> dict[str, str]:
        """Every report of these events, with its event."""
        sql = "SELECT article_id, event_id FROM event_articles WHERE event_id IN ({marks})"
        return dict(self._select(sql, events))

    def docs(self) -> int | None:
        """How many reports the stored counts hold; None when none are stored (a store that
        was never consolidated since they were introduced)."""
        row = self.db.execute("SELECT value FROM event_state WHERE key = ?", (DOCS_KEY,))
        found = row.fetchone()
        return int(found[0]) if found else None

    def entries(self, terms: Sequence[str]) -> dict[str, TermEntry]:
        """The stored entries (id, document frequency) of those of ``terms`` that are stored."""
        sql = "SELECT id, term, df FROM event_lexicon WHERE term IN ({marks})"
        return {str(t): TermEntry(int(i), str(t), int(df)) for i, t, df in self._select(sql, terms)}

    def frequencies(self, ids: Sequence[int]) -> dict[int, int]:
        """The document frequency of each of these term ids (their terms are not read)."""
        sql = "SELECT id, df FROM event_lexicon WHERE id IN ({marks})"
        return {int(i): int(df) for i, df in self._select(sql, ids)}

    def casing(self, words: Sequence[str]) -> dict[str, CaseCounts]:
        """How often each of ``words`` was written capitalized and in lower case."""
        sql = "SELECT word, upper, lower FROM event_casing WHERE word IN ({marks})"
        return {w: CaseCounts(int(u), int(lo)) for w, u, lo in self._select(sql, words)}

    def centroid_entries(self, terms: Sequence[str]) -> list[CentroidEntry]:
        """The entries of every stored centroid that holds one of ``terms``."""
        sql = "SELECT term, event_id, weight FROM event_centroids WHERE term IN ({marks})"
        return [CentroidEntry(str(t), str(e), float(w)) for t, e, w in self._select(sql, terms)]

    def storylines_of(self, events: Iterable[str]) -> dict[str, str | None]:
        """The storyline of each of these events."""
        return dict(self._select("SELECT id, storyline FROM events WHERE id IN ({marks})", events))

    def storyline_sizes(self, lines: Iterable[str]) -> dict[str, int]:
        """How many events each of these storylines holds."""
        sql = (
            "SELECT storyline, count(*) FROM events WHERE storyline IN ({marks}) GROUP BY storyline"
        )
        return dict(self._select(sql, lines))

    def _select(self, sql: str, values: Iterable[Any]) -> list[Any]:
        """The rows of ``sql`` for every one of ``values`` (distinct), its ``{marks}`` an
        ``IN (…)`` list run over them in runs a statement can bind."""
        rows: list[Any] = []
        for chunk, marks in in_lists(sorted(set(values))):
            rows += self.db.execute(sql.format(marks=marks), chunk).fetchall()
        return rows


def _input(row: Sequence[object]) -> EventInput:
    i, title, body, published, crawled, outlet = row
    return EventInput(
        str(i),
        None if title is None else str(title),
        str(body),
        None if published is None else str(published),
        None if crawled is None else str(crawled),
        None if outlet is None else str(outlet),
    )


# -- writing (inside a transaction of the caller: ``store.events``) --------------------------


def write_terms(db: sqlite3.Connection, rows: Sequence[TermsRow]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO event_terms (article_id, data, stems, cased, day, text_day) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(r.id, r.data, r.stems, int(r.cased), r.day, r.text_day) for r in rows],
    )


def term_ids(db: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    """The id of each of ``terms`` in the lexicon, new terms added (document frequency 0)."""
    wanted = sorted(set(terms))
    db.executemany("INSERT OR IGNORE INTO event_lexicon (term) VALUES (?)", [(t,) for t in wanted])
    out: dict[str, int] = {}
    for chunk, marks in in_lists(wanted):
        sql = f"SELECT term, id FROM event_lexicon WHERE term IN ({marks})"
        out.update(db.execute(sql, chunk))
    return out


def write_counts(db: sqlite3.Connection, counts: LexiconCounts, replace: bool) -> None:
    """Store ``counts`` in place of the stored ones (``replace``), or added to them. Terms
    keep their ids (stored stem counts refer to them)."""
    if replace:
        db.execute("UPDATE event_lexicon SET df = 0")
        db.execute("DELETE FROM event_casing")
        docs = counts.docs
    else:
        row = db.execute("SELECT value FROM event_state WHERE key = ?", (DOCS_KEY,)).fetchone()
        docs = counts.docs + (int(row[0]) if row else 0)
    db.executemany(
        "INSERT INTO event_lexicon (term, df) VALUES (?, ?) "
        "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
        sorted(counts.df.items()),
    )
    words = sorted(set(counts.upper) | set(counts.lower))
    db.executemany(
        "INSERT INTO event_casing (word, upper, lower) VALUES (?, ?, ?) ON CONFLICT (word) "
        "DO UPDATE SET upper = upper + excluded.upper, lower = lower + excluded.lower",
        [(w, counts.upper.get(w, 0), counts.lower.get(w, 0)) for w in words],
    )
    db.execute("INSERT OR REPLACE INTO event_state VALUES (?, ?)", (DOCS_KEY, str(docs)))


def write_centroids(db: sqlite3.Connection, centroids: Centroids, replace: bool) -> None:
    """Store these events' centroids, in place of all stored ones (``replace``) or of theirs."""
    if replace:  # the index on events built once after the rows, not row by row
        db.execute("DROP INDEX IF EXISTS event_centroids_event")
        db.execute("DELETE FROM event_centroids")
    else:
        for chunk, marks in in_lists(sorted(centroids)):
            db.execute(f"DELETE FROM event_centroids WHERE event_id IN ({marks})", chunk)
    rows = sorted((t, e, w) for e, terms in centroids.items() for t, w in terms.items())
    db.executemany("INSERT INTO event_centroids (term, event_id, weight) VALUES (?, ?, ?)", rows)
    if replace:
        db.execute("CREATE INDEX event_centroids_event ON event_centroids(event_id)")


def drain(db: sqlite3.Connection, placed: Sequence[str] | None) -> None:
    """Take these articles (None: every article now in an event) out of the queue."""
    if placed is None:
        db.execute(
            "DELETE FROM events_queue WHERE article_id IN (SELECT article_id FROM event_articles)"
        )
        return
    for chunk, marks in in_lists(sorted(set(placed))):
        db.execute(f"DELETE FROM events_queue WHERE article_id IN ({marks})", chunk)

"""The SQLite store: WAL mode, migrations, raw documents first, then articles and their index.

Only the store (this package) touches the database. Writes come in batches, each batch one
transaction, so a killed process leaves either a whole batch or none of it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from marsad.config import BUSY_TIMEOUT
from marsad.errors import NotFoundError, StoreError
from marsad.models import Article, RawDocument, Rejection, RejectReason
from marsad.store.connection import connect
from marsad.store.entities import EntityTables
from marsad.store.event_index import EventIndexTables
from marsad.store.events import EventTables
from marsad.store.fts import SearchQuery, outlet_matches
from marsad.store.inlists import in_lists
from marsad.store.keyset import NAMING_ARTICLES, page_conditions
from marsad.store.records import Added, ArticleFilters, Scored, StoredDocument
from marsad.store.reuse import ReuseTables
from marsad.store.reuse_groups import ReuseGroupTables
from marsad.store.reuse_templates import TemplateTables
from marsad.store.rows import ARTICLE_COLUMNS, Processed, article_from_row
from marsad.store.schema import MIGRATIONS
from marsad.store.transaction import Transaction

_INSERT_ARTICLE = (
    f"INSERT OR IGNORE INTO articles ({ARTICLE_COLUMNS}) "
    f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS.split(',')))})"
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """One SQLite file holding documents, articles, the full-text index and rejections."""

    def __init__(
        self, path: str | Path, busy_timeout: float = BUSY_TIMEOUT, cache_mb: int = 64
    ) -> None:
        """Open (or create) the database at ``path``. A writer waits up to ``busy_timeout``
        seconds for another process's write lock; SQLite's errors become ``StoreError``s;
        pages read stay cached up to ``cache_mb`` MiB."""
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self.cache_mb = cache_mb
        self.db = connect(self.path, busy_timeout, cache_mb)
        try:
            self._migrate()
            self.reuse = ReuseTables(self.db)
            self.events = EventTables(self.db)
            self.event_index = EventIndexTables(self.db)
            self.reuse_groups = ReuseGroupTables(self.db)
            self.reuse_templates = TemplateTables(self.db)
            self.entities = EntityTables(self.db)
        except sqlite3.DatabaseError as exc:  # SQL that fails on this file: not a Marsad one
            self.db.close()
            raise StoreError(
                f"cannot open database {self.path}: {exc}. Is it a Marsad SQLite file? "
                "Pass another path with --db."
            ) from exc
        except BaseException:
            self.db.close()
            raise

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this Marsad "
                f"({len(MIGRATIONS)}); upgrade Marsad to read it."
            )
        for step in range(version, len(MIGRATIONS)):
            with self._transaction():
                if self.schema_version > step:  # another process migrated it meanwhile
                    continue
                for statement in _statements(MIGRATIONS[step]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {step + 1}")

    def opener(self) -> Callable[[], SQLiteStore] | None:
        """A picklable way to open this store again: a worker process calls it for its own
        connection (a connection is never shared across a fork). None when the database is
        not a file others can open."""
        if not self.path.is_file():
            return None
        return functools.partial(SQLiteStore, self.path, self.busy_timeout, self.cache_mb)

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def idle(self) -> bool:
        return not self.db.in_transaction

    def current(self) -> bool:
        return self.schema_version == len(MIGRATIONS)

    # -- writing ---------------------------------------------------------------------------

    def add_documents(self, docs: Iterable[RawDocument]) -> Added:
        """Store raw documents; return those that still need processing (new or pending),
        and how many rows this call inserted (its statements' own count: a row another run
        inserted first is not counted, nor are the rows triggers add)."""
        now = _now()
        todo: list[StoredDocument] = []
        seen: set[str] = set()
        inserted = 0
        with self._transaction():
            for doc in docs:
                doc_id = doc.doc_id
                if doc_id in seen:
                    continue
                seen.add(doc_id)
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO documents "
                    "(id, kind, origin, source, meta, data, size, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc_id,
                        doc.kind,
                        doc.origin,
                        doc.source,
                        json.dumps(dict(doc.meta), ensure_ascii=False),
                        doc.data,
                        len(doc.data),
                        now,
                    ),
                )
                inserted += cur.rowcount
                if cur.rowcount or self._is_pending(doc_id):
                    todo.append(StoredDocument(doc_id, doc))
        return Added(todo, inserted)

    def _is_pending(self, doc_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM processed WHERE document_id = ?", (doc_id,))
        return row.fetchone() is None

    def add_rejections(self, rejections: Iterable[Rejection]) -> None:
        now = _now()
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO rejections (origin, reason, detail, size, recorded_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [(r.origin, str(r.reason), r.detail, r.size, now) for r in rejections],
            )

    def save_results(self, results: Iterable[Processed]) -> None:
        """Store each document's articles (or its rejection) and mark it processed, atomically."""
        now = _now()
        searchable: list[tuple[int | None, str, str]] = []
        with self._transaction():
            for done in results:
                if done.rejection is not None:
                    r = done.rejection
                    self.db.execute(
                        "INSERT OR IGNORE INTO rejections "
                        "(origin, reason, detail, size, recorded_at) VALUES (?, ?, ?, ?, ?)",
                        (r.origin, str(r.reason), r.detail, r.size, now),
                    )
                for row, index in zip(done.rows, done.index, strict=True):
                    cur = self.db.execute(_INSERT_ARTICLE, row)
                    if cur.rowcount:
                        searchable.append((cur.lastrowid, index.title, index.stems))
                self.db.execute(
                    "INSERT OR REPLACE INTO processed (document_id, status) VALUES (?, ?)",
                    (done.doc_id, "rejected" if done.rejection else "done"),
                )
            # the full-text rows last, together: once the FTS5 table is written in a
            # transaction, every later statement that opens a savepoint (one with a trigger)
            # makes FTS5 flush its pending terms to disk, one small segment per article
            self.db.executemany(
                "INSERT INTO articles_fts (rowid, norm_title, stems) VALUES (?, ?, ?)", searchable
            )

    def _transaction(self) -> Transaction:
        return Transaction(self.db)

    # -- reading ---------------------------------------------------------------------------

    def pending_documents(self, batch: int = 500) -> Iterator[list[StoredDocument]]:
        """Documents stored but not processed (a run was killed): the next run finishes them."""
        last = ""
        while True:
            rows = self.db.execute(
                "SELECT d.id, d.kind, d.origin, d.source, d.meta, d.data FROM pending_documents q "
                "CROSS JOIN documents d ON d.id = q.document_id WHERE q.document_id > ? "
                "AND NOT EXISTS (SELECT 1 FROM processed p WHERE p.document_id = d.id) "
                "ORDER BY q.document_id LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [
                StoredDocument(r[0], RawDocument(bytes(r[5]), r[1], r[2], r[3], json.loads(r[4])))
                for r in rows
            ]

    def document(self, doc_id: str) -> RawDocument:
        row = self.db.execute(
            "SELECT kind, origin, source, meta, data FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r} in this database")
        return RawDocument(bytes(row[4]), row[0], row[1], row[2], json.loads(row[3]))

    def article(self, ref: str) -> Article:
        """An article by id, or by a unique id prefix of at least 4 characters."""
        rows = self.db.execute(  # exact id first: an OR with a prefix test scans the table
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (ref,)
        ).fetchall()
        if not rows and len(ref) >= 4:  # a prefix, as a range the primary key index serves
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                (ref, ref + "\U0010ffff"),
            ).fetchall()
        if not rows:
            raise NotFoundError(
                f"no article {ref!r} in this database; list them with 'marsad articles'"
            )
        if len(rows) > 1 and rows[0][0] != ref:
            raise NotFoundError(f"article id prefix {ref!r} is ambiguous; give more characters")
        return article_from_row(rows[0])

    def articles_by_id(self, ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles among ``ids`` (whole ids), by id."""
        found: dict[str, Article] = {}
        for run, marks in in_lists(list(dict.fromkeys(ids))):
            sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})"
            found.update((r[0], article_from_row(r)) for r in self.db.execute(sql, run))
        return found

    def articles(
        self,
        source: str | None = None,
        since: str | None = None,
        lang: str | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        where, args = [], []
        if source:
            where.append("(lower(source) = lower(?) OR lower(outlet) = lower(?))")
            args += [source, source]
        if since:
            where.append("coalesce(published, crawled) >= ?")
            args.append(since)
        if lang:
            where.append("lang = ?")
            args.append(lang)
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(published, crawled, '') , document_id, seq"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [article_from_row(r) for r in self.db.execute(sql, args)]

    def article_page(
        self,
        limit: int,
        after: tuple[str, str] | None = None,
        filters: ArticleFilters | None = None,
    ) -> list[Article]:
        """Up to ``limit`` articles, newest first (published, else crawled, then id, both
        descending), after the article whose key is ``after``: one page read by its key, not
        the table (the ids first, then their rows)."""
        f = filters or ArticleFilters()
        key = "coalesce(nullif(published, ''), nullif(crawled, ''), '')"
        where, args = page_conditions(key, after, True, f.since, f.until)
        if f.outlet is not None:  # from the page key's index, which holds both (not by
            where.append("(+outlet = ? OR +source = ?)")  # sorting all of the outlet's rows)
            args += [f.outlet, f.outlet]
        if f.lang:  # an empty ?lang= is any language, as before
            where.append("lang = ?")
            args.append(f.lang)
        if f.entity is not None:
            where.append(f"id IN ({NAMING_ARTICLES})")
            args.append(f.entity)
        sql = f"SELECT id FROM articles {'WHERE ' + ' AND '.join(where) if where else ''} "
        sql += f"ORDER BY {key} DESC, id DESC LIMIT ?"
        ids = [row[0] for row in self.db.execute(sql, [*args, limit])]
        rows: dict[str, tuple[object, ...]] = {}
        for run, marks in in_lists(ids):
            sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})"
            rows.update((r[0], r) for r in self.db.execute(sql, run))
        return [article_from_row(rows[i]) for i in ids if i in rows]

    def search(self, fts_query: str, limit: int = 20) -> list[Scored]:
        """Articles matching an FTS5 query (``fts.parse_query(...).match``), best first.

        The best ``limit`` are ranked from the index alone, and only their rows are read: a
        join ranked after reading every match's row (body and all) took 0.7 s for a word in
        8,851 of SaudiNewsNet's articles when the pages were not cached, 19 ms this way."""
        try:
            rows = self.db.execute(
                f"SELECT {', '.join('a.' + c.strip() for c in ARTICLE_COLUMNS.split(','))}, "
                "best.score FROM (SELECT rowid, bm25(articles_fts) AS score FROM articles_fts "
                "WHERE articles_fts MATCH ? ORDER BY score, rowid LIMIT ?) best "
                "JOIN articles a ON a.rowid = best.rowid ORDER BY best.score, best.rowid",
                (fts_query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search query could not be run ({exc}): {fts_query}") from exc
        return [Scored(article_from_row(r[:-1]), float(r[-1])) for r in rows]

    def outlet_articles(self, query: SearchQuery, limit: int = 20) -> list[str]:
        """Ids of the articles whose outlet or source the query names (``fts.outlet_matches``),
        newest first."""
        return outlet_matches(self.db, query, limit)

    def rejections(self) -> list[Rejection]:
        return [
            Rejection(r[0], RejectReason(r[1]), r[2], r[3])
            for r in self.db.execute(
                "SELECT origin, reason, detail, size FROM rejections ORDER BY origin, reason"
            )
        ]

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def article_ids(self) -> Iterator[str]:
        return (str(row[0]) for row in self.db.execute("SELECT id FROM articles ORDER BY id"))

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "pending": one(
                "SELECT count(*) FROM documents d "
                "WHERE NOT EXISTS (SELECT 1 FROM processed p WHERE p.document_id = d.id)"
            ).fetchone()[0],
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "rejections": one("SELECT count(*) FROM rejections").fetchone()[0],
        }


def _statements(script: str) -> list[str]:
    parts, buf = [], ""
    for piece in script.split(";"):
        buf += piece
        if sqlite3.complete_statement(buf + ";"):
            if buf.strip():
                parts.append(buf.strip())
            buf = ""
        else:
            buf += ";"
    return parts

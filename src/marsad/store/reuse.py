"""Reuse state in SQLite: stored shingles, the fingerprint index and the links.

Kept apart from ``sqlite.py`` (documents and articles); both use the same connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from marsad.models import ReuseLink
from marsad.store.inlists import in_lists as _chunks
from marsad.store.records import (
    Hashes,
    IndexedText,
    KindChange,
    NewText,
    OutletLink,
    StemPairs,
)
from marsad.store.reuse_rows import (
    LINK_COLUMNS,
    link_of,
    link_row,
    postings,
    signed,
)
from marsad.store.transaction import Transaction

_OUTLET = "coalesce(nullif({0}.outlet, ''), {0}.source, '')"
_BY_ID = "articles {0} INDEXED BY articles_provenance"
"""Articles read for their outlet, source or normalized title only: from the index that holds
them (in the table they come after the body, and reading them would walk all of its pages)."""


class ReuseTables:
    """Read and write the reuse tables of one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def unlinked(self, limit: int = -1) -> list[NewText]:
        """Articles not yet in the reuse index: those in its queue (every new article enters
        it; ``save`` takes them out), by id (the first ``limit`` of them; -1: all)."""
        rows = self.db.execute(
            "SELECT a.id, a.norm_body FROM reuse_queue q CROSS JOIN articles a "  # the queue first
            "ON a.id = q.article_id WHERE NOT EXISTS "
            "(SELECT 1 FROM reuse_shingles s WHERE s.article_id = a.id) ORDER BY q.article_id "
            "LIMIT ?",
            (limit,),
        )
        return [NewText(str(i), str(text)) for i, text in rows]

    def indexed_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM reuse_shingles").fetchone()[0])

    def matches(self, fingerprints: Hashes, max_df: int) -> dict[str, int]:
        """Indexed articles sharing fingerprints with these, and how many each shares,
        counting only the fingerprints at most ``max_df`` indexed articles have (a set phrase
        or an outlet's footer is not evidence of a copy, as in the batch path).

        A fingerprint found common is not read again (``_rare_postings``), so a common one
        costs the same in a store of a thousand articles or of a million."""
        values = np.unique(fingerprints).view(np.int64).tolist()
        return self._rare_postings("reuse_fingerprints", values, max_df)

    def identical(self, text: str) -> list[str]:
        """Indexed articles whose normalized body is ``text`` (none for a blank one)."""
        if not text.strip():
            return []
        rows = self.db.execute(  # through the index on the head (comparing the whole text
            # in SQL too would make SQLite scan the table): the rest is compared here
            "SELECT a.id, a.norm_body FROM articles a WHERE substr(a.norm_body, 1, 64) = ? "
            "AND EXISTS (SELECT 1 FROM reuse_shingles s WHERE s.article_id = a.id)",
            (text[:64],),
        )
        return [str(article_id) for article_id, body in rows if body == text]

    def shingles(self, article_id: str) -> Hashes:
        row = self.db.execute(
            "SELECT seq FROM reuse_shingles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return np.frombuffer(row[0], dtype=np.uint64) if row else np.empty(0, dtype=np.uint64)

    def save(
        self,
        indexed: Sequence[IndexedText],
        links: Iterable[ReuseLink],
    ) -> None:
        """Add articles to the index (their shingles and fingerprints) and store links,
        atomically."""
        with Transaction(self.db):
            self.db.executemany(
                "INSERT OR REPLACE INTO reuse_shingles (article_id, seq) VALUES (?, ?)",
                ((x.id, x.shingles.astype(np.uint64).tobytes()) for x in indexed),
            )
            self.db.executemany(
                "DELETE FROM reuse_queue WHERE article_id = ?", ((x.id,) for x in indexed)
            )
            for rows in postings([(x.id, x.fingerprints) for x in indexed]):
                self.db.executemany(
                    "INSERT OR IGNORE INTO reuse_fingerprints (fp, article_id) VALUES (?, ?)", rows
                )
            self.db.executemany(
                f"INSERT OR REPLACE INTO reuse_links ({LINK_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [link_row(link) for link in links],
            )

    def copy_candidates(
        self, min_containment: float | None, touching: Sequence[str] | None = None
    ) -> list[ReuseLink]:
        """Exact and near links, and (``min_containment`` given) partial links with at least
        that share of one article inside the other: what the event stage's copy rule reads
        (only the links of the articles ``touching``, when given)."""
        kinds = (
            "(kind IN ('exact', 'near') OR (kind = 'partial' AND max(contain_a, contain_b) >= ?))"
        )
        share = 2.0 if min_containment is None else min_containment
        if touching is None:
            sql = f"SELECT {LINK_COLUMNS} FROM reuse_links WHERE {kinds} ORDER BY a, b"
            return [link_of(r) for r in self.db.execute(sql, (share,))]
        found: dict[tuple[str, str], ReuseLink] = {}
        for chunk, marks in _chunks(sorted(set(touching))):
            for side in ("a", "b"):
                sql = (
                    f"SELECT {LINK_COLUMNS} FROM reuse_links WHERE {side} IN ({marks}) AND {kinds}"
                )
                for row in self.db.execute(sql, (*chunk, share)):
                    link = link_of(row)
                    found[link.a, link.b] = link
        return [found[k] for k in sorted(found)]

    def clear(self) -> None:
        """Forget the index and the links: the next update re-indexes every article."""
        with Transaction(self.db):
            for table in (
                "reuse_links",
                "reuse_fingerprints",
                "reuse_shingles",
                "reuse_stem_pairs",
                "reuse_group_members",  # the groups go with the links (no trigger marks them)
                "reuse_group_sizes",
                "reuse_groups_dirty",
                "reuse_templates",  # counted from the index that goes
                "reuse_template_state",
                "reuse_common",  # counted in the index that goes
            ):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("INSERT OR IGNORE INTO reuse_queue SELECT id FROM articles")
            self.db.execute("DELETE FROM event_summaries")  # they read copies from the links

    def links(self, article_id: str | None = None, kind: str | None = None) -> list[ReuseLink]:
        where, args = [], []
        if article_id:
            where.append("(a = ? OR b = ?)")
            args += [article_id, article_id]
        if kind:
            where.append("kind = ?")
            args.append(kind)
        sql = f"SELECT {LINK_COLUMNS} FROM reuse_links"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [link_of(r) for r in self.db.execute(sql + " ORDER BY a, b", args)]

    def stream(self, kind: str | None = None, limit: int | None = None) -> Iterator[OutletLink]:
        """Every stored link (``kind``: only those) with its articles' outlets, in id order,
        read row by row: memory does not grow with the number of links."""
        sql = (
            f"SELECT {', '.join('l.' + c.strip() for c in LINK_COLUMNS.split(','))}, "
            f"{_OUTLET.format('x')}, {_OUTLET.format('y')} FROM reuse_links l "
            f"LEFT JOIN {_BY_ID.format('x')} ON x.id = l.a "
            f"LEFT JOIN {_BY_ID.format('y')} ON y.id = l.b"
        )
        args: list[Any] = []
        if kind:
            sql += " WHERE l.kind = ?"
            args.append(kind)
        sql += " ORDER BY l.a, l.b"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        n = len(LINK_COLUMNS.split(","))
        for row in self.db.execute(sql, args):
            yield OutletLink(link_of(row[:n]), row[n], row[n + 1])

    def count(self, kind: str | None = None) -> int:
        """How many links are stored (``kind``: of that kind)."""
        sql, args = "SELECT count(*) FROM reuse_links", []
        if kind:
            sql, args = sql + " WHERE kind = ?", [kind]
        return int(self.db.execute(sql, args).fetchone()[0])

    # -- templates (engine/templates.py) ---------------------------------------------------

    def partial_links(self, among: Iterable[str] | None = None) -> list[ReuseLink]:
        """Partial and template links (``among``: only those between two of these articles)."""
        sql = f"SELECT {LINK_COLUMNS} FROM reuse_links WHERE kind IN ('partial', 'template')"
        if among is None:
            return [link_of(r) for r in self.db.execute(sql + " ORDER BY a, b")]
        wanted = set(among)
        found: dict[tuple[str, str], ReuseLink] = {}
        ids = sorted(wanted)
        for chunk, marks in _chunks(ids):
            rows = self.db.execute(sql + f" AND a IN ({marks})", chunk)
            for row in rows:
                link = link_of(row)
                if link.b in wanted:
                    found[link.a, link.b] = link
        return [found[key] for key in sorted(found)]

    def partial_links_of(self, ids: Iterable[str]) -> list[ReuseLink]:
        """Partial and template links with at least one of these articles."""
        sql = f"SELECT {LINK_COLUMNS} FROM reuse_links WHERE kind IN ('partial', 'template')"
        found: dict[tuple[str, str], ReuseLink] = {}
        wanted = sorted(set(ids))
        for chunk, marks in _chunks(wanted):
            for row in self.db.execute(sql + f" AND (a IN ({marks}) OR b IN ({marks}))", chunk * 2):
                link = link_of(row)
                found[link.a, link.b] = link
        return [found[key] for key in sorted(found)]

    def partial_pairs_of(self, ids: Iterable[str], below: float) -> list[tuple[str, str]]:
        """The (a, b) of partial links with at least one of these articles and less than
        ``below`` of either inside the other (links that relate texts, never copies): the
        pairs alone, without reading each link's passages and reasons."""
        found: set[tuple[str, str]] = set()
        wanted = sorted(set(ids))
        for chunk, marks in _chunks(wanted):
            sql = (
                "SELECT a, b FROM reuse_links WHERE kind = 'partial' "
                f"AND max(contain_a, contain_b) < ? AND (a IN ({marks}) OR b IN ({marks}))"
            )
            found.update((str(a), str(b)) for a, b in self.db.execute(sql, [below, *chunk, *chunk]))
        return sorted(found)

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        """Each article's normalized body (what shingles and word pairs are made of)."""
        out: dict[str, str] = {}
        for chunk, marks in _chunks(sorted(set(ids))):
            rows = self.db.execute(
                f"SELECT a.id, a.norm_body FROM articles a WHERE a.id IN ({marks})", chunk
            )
            out.update(rows)
        return out

    def outlets(self, ids: Iterable[str]) -> dict[str, str]:
        """Each article's outlet (else its source, else "")."""
        out: dict[str, str] = {}
        ids = sorted(set(ids))
        for chunk, marks in _chunks(ids):
            rows = self.db.execute(
                f"SELECT a.id, {_OUTLET.format('a')} FROM {_BY_ID.format('a')} "
                f"WHERE a.id IN ({marks})",
                chunk,
            )
            out.update(rows)
        return out

    def common_fingerprints(
        self, fingerprints: Iterable[int], min_texts: int, excluding: Iterable[str] = ()
    ) -> dict[str, set[int]]:
        """Outlet -> those of these fingerprints found in at least ``min_texts`` distinct texts
        of the outlet (distinct titles; an untitled article counts alone), not counting the
        articles ``excluding``; every outlet at once, so each fingerprint is read once."""
        signed = self._frequent(fingerprints, min_texts)
        found: dict[str, set[int]] = {}
        with Transaction(self.db):
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS excluded (id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM excluded")
            self.db.executemany(
                "INSERT OR IGNORE INTO excluded VALUES (?)", ((x,) for x in excluding)
            )
            for chunk, marks in _chunks(signed):
                rows = self.db.execute(
                    f"SELECT {_OUTLET.format('a')}, f.fp FROM reuse_fingerprints f "
                    f"JOIN {_BY_ID.format('a')} ON a.id = f.article_id "
                    f"WHERE f.fp IN ({marks}) AND a.id NOT IN excluded "
                    f"GROUP BY {_OUTLET.format('a')}, f.fp HAVING count(DISTINCT CASE WHEN "
                    "a.norm_title = '' THEN a.id ELSE a.norm_title END) >= ?",
                    [*chunk, min_texts],
                ).fetchall()
                for outlet, fp in rows:
                    found.setdefault(outlet, set()).add(int(np.int64(fp).view(np.uint64)))
            self.db.execute("DELETE FROM excluded")
        return found

    def _frequent(self, fingerprints: Iterable[int], min_count: int) -> list[int]:
        """Of these fingerprints, those of at least ``min_count`` indexed articles, as stored
        (signed), counted through the index alone: most fingerprints are one article's."""
        found: list[int] = []
        for chunk, marks in _chunks(signed(fingerprints)):
            rows = self.db.execute(
                f"SELECT fp FROM reuse_fingerprints WHERE fp IN ({marks}) "
                "GROUP BY fp HAVING count(*) >= ?",
                [*chunk, min_count],
            )
            found.extend(fp for (fp,) in rows)
        return found

    def carriers(self, fingerprints: Iterable[int]) -> dict[str, set[int]]:
        """The indexed articles carrying any of these fingerprints, and which they carry."""
        found: dict[str, set[int]] = {}
        for chunk, marks in _chunks(signed(fingerprints)):
            rows = self.db.execute(
                f"SELECT article_id, fp FROM reuse_fingerprints WHERE fp IN ({marks})", chunk
            )
            for article_id, fp in rows:
                found.setdefault(article_id, set()).add(int(np.int64(fp).view(np.uint64)))
        return found

    def template_fingerprints(self, min_texts: int) -> dict[str, set[int]]:
        """Every outlet's fingerprints found in at least ``min_texts`` of its distinct texts
        (as ``common_fingerprints``), for the whole store at once: the fingerprints of at
        least ``min_texts`` articles first (the primary key's order, no join), then the
        outlets of those only."""
        with Transaction(self.db):
            self.db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS template_candidates (fp INTEGER PRIMARY KEY)"
            )
            self.db.execute("DELETE FROM template_candidates")
            self.db.execute(
                "INSERT INTO template_candidates SELECT fp FROM reuse_fingerprints "
                "GROUP BY fp HAVING count(*) >= ?",
                (min_texts,),
            )
            rows = self.db.execute(
                f"SELECT {_OUTLET.format('a')}, f.fp FROM template_candidates c "
                "JOIN reuse_fingerprints f ON f.fp = c.fp "
                f"JOIN {_BY_ID.format('a')} ON a.id = f.article_id "
                f"GROUP BY {_OUTLET.format('a')}, f.fp HAVING count(DISTINCT CASE WHEN "
                "a.norm_title = '' THEN a.id ELSE a.norm_title END) >= ?",
                (min_texts,),
            ).fetchall()
            self.db.execute("DELETE FROM template_candidates")
        found: dict[str, set[int]] = {}
        for outlet, fp in rows:
            found.setdefault(outlet, set()).add(int(np.int64(fp).view(np.uint64)))
        return found

    def set_kinds(self, kinds: Iterable[KindChange]) -> None:
        """Set the kinds of links, atomically."""
        with Transaction(self.db):
            self.db.executemany(
                "UPDATE reuse_links SET kind = ? WHERE a = ? AND b = ?",
                [(k.kind, k.a, k.b) for k in kinds],
            )

    # -- light rewrites (link/rewrites.py) -------------------------------------------------

    def stem_pair_matches(self, samples: Iterable[int], max_df: int) -> dict[str, int]:
        """Indexed articles sharing sampled word pairs with these, and how many each shares,
        counting only the pairs at most ``max_df`` indexed articles have (not set phrases).

        A pair found common is not read again (``_rare_postings``), so a common pair costs
        the same in a store of a thousand articles or of a million."""
        return self._rare_postings("reuse_stem_pairs", sorted(set(samples)), max_df)

    def _rare_postings(self, table: str, values: Sequence[int], max_df: int) -> dict[str, int]:
        """Articles of ``table``'s postings of ``values``, and how many of them each holds,
        leaving out a value more than ``max_df`` articles hold.

        The values are read ``IN_LIST`` at a time (one statement, not one per value), less
        those recorded as held by more than ``max_df`` articles (``reuse_common``): a value
        found so is recorded, and its postings are not read again. Counts only grow while
        the index is kept (``clear`` forgets the record with it), so what is left out is what
        a count at this moment would leave out, and a common value is read in full once."""
        found: dict[str, int] = {}
        grown: list[tuple[str, int, int]] = []
        for chunk, marks in _chunks(values):
            common = {
                fp
                for (fp,) in self.db.execute(
                    f"SELECT fp FROM reuse_common WHERE tab = ? AND fp IN ({marks}) "
                    "AND postings > ?",
                    [table, *chunk, max_df],
                )
            }
            rest = [v for v in chunk if v not in common] if common else chunk
            if not rest:
                continue
            held: dict[int, list[str]] = {}
            rows = self.db.execute(
                f"SELECT fp, article_id FROM {table} WHERE fp IN ({', '.join('?' * len(rest))})",
                rest,
            ).fetchall()  # at once: a row at a time costs a Python step each
            for value, article_id in rows:
                held.setdefault(value, []).append(article_id)
            for value, articles in held.items():
                if len(articles) > max_df:
                    grown.append((table, value, len(articles)))
                    continue
                for article_id in articles:
                    found[article_id] = found.get(article_id, 0) + 1
        if grown:
            sql = "INSERT OR REPLACE INTO reuse_common (tab, fp, postings) VALUES (?, ?, ?)"
            if self.db.in_transaction:
                self.db.executemany(sql, grown)
            else:
                with Transaction(self.db):
                    self.db.executemany(sql, grown)
        return found

    def save_stem_pairs(self, rows: Iterable[StemPairs]) -> None:
        """Index each article's sampled word pairs (again: a repeat changes nothing)."""
        with Transaction(self.db):
            for chunk in postings((r.id, r.values) for r in rows):
                self.db.executemany(
                    "INSERT OR IGNORE INTO reuse_stem_pairs (fp, article_id) VALUES (?, ?)", chunk
                )

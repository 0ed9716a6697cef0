"""Reuse state in SQLite: stored shingles, the fingerprint index and the links.

Kept apart from ``sqlite.py`` (documents and articles); both use the same connection.
"""

from __future__ import annotations

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
)
from marsad.store.reuse_postings import OUTLET as _OUTLET
from marsad.store.reuse_postings import PostingTables
from marsad.store.reuse_postings import by_id as _by_id
from marsad.store.reuse_rows import (
    LINK_COLUMNS,
    link_of,
    link_row,
    postings,
)
from marsad.store.transaction import Transaction


class ReuseTables(PostingTables):
    """Read and write the reuse tables of one database connection (the postings' lookups:
    ``PostingTables``)."""

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
        self,
        min_containment: float | None,
        touching: Sequence[str] | None = None,
        light: bool = False,
    ) -> list[ReuseLink]:
        """Exact and near links, and (``min_containment`` given) partial links with at least
        that share of one article inside the other: what the event stage's copy rule reads
        (only the links of the articles ``touching``, when given). ``light`` leaves out what
        telling copies apart does not read: the reasons and dropped credits, and the passages
        of exact and near links (``reuse_rows.link_of``)."""
        kinds = (
            "(kind IN ('exact', 'near') OR (kind = 'partial' AND max(contain_a, contain_b) >= ?))"
        )
        share = 2.0 if min_containment is None else min_containment
        if touching is None:
            sql = f"SELECT {LINK_COLUMNS} FROM reuse_links WHERE {kinds} ORDER BY a, b"
            return [link_of(r, light) for r in self.db.execute(sql, (share,)).fetchall()]
        found: dict[tuple[str, str], ReuseLink] = {}
        for chunk, marks in _chunks(sorted(set(touching))):
            for side in ("a", "b"):
                sql = (
                    f"SELECT {LINK_COLUMNS} FROM reuse_links WHERE {side} IN ({marks}) AND {kinds}"
                )
                for row in self.db.execute(sql, (*chunk, share)).fetchall():
                    if (row[0], row[1]) not in found:
                        found[row[0], row[1]] = link_of(row, light)
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
            f"LEFT JOIN {_by_id('x')} ON x.id = l.a "
            f"LEFT JOIN {_by_id('y')} ON y.id = l.b"
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

    def set_kinds(self, kinds: Iterable[KindChange]) -> None:
        """Set the kinds of links, atomically."""
        with Transaction(self.db):
            self.db.executemany(
                "UPDATE reuse_links SET kind = ? WHERE a = ? AND b = ?",
                [(k.kind, k.a, k.b) for k in kinds],
            )

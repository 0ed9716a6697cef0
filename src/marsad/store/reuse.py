"""Reuse state in SQLite: stored shingles, the fingerprint index and the links.

Kept apart from ``sqlite.py`` (documents and articles); both use the same connection.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from marsad.models import ReuseLink
from marsad.store.transaction import Transaction

Hashes = npt.NDArray[np.uint64]

_LINK_COLUMNS = (
    "a, b, kind, jaccard, contain_a, contain_b, longest, origin, copy, reasons, uncredited, "
    "dropped, passages"
)


class ReuseTables:
    """Read and write the reuse tables of one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def unlinked(self) -> list[tuple[str, str]]:
        """``(article id, normalized body)`` of articles not yet in the reuse index."""
        return self.db.execute(
            "SELECT id, norm_body FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM reuse_shingles s WHERE s.article_id = a.id) ORDER BY id"
        ).fetchall()

    def indexed_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM reuse_shingles").fetchone()[0])

    def matches(self, fingerprints: Hashes) -> dict[str, int]:
        """Indexed articles sharing fingerprints with these, and how many each shares."""
        values = np.unique(fingerprints).view(np.int64).tolist()
        found: dict[str, int] = {}
        for k in range(0, len(values), 500):
            chunk = values[k : k + 500]
            rows = self.db.execute(
                "SELECT article_id, count(*) FROM reuse_fingerprints WHERE fp IN "
                f"({', '.join('?' * len(chunk))}) GROUP BY article_id",
                chunk,
            )
            for article_id, count in rows:
                found[article_id] = found.get(article_id, 0) + int(count)
        return found

    def shingles(self, article_id: str) -> Hashes:
        row = self.db.execute(
            "SELECT seq FROM reuse_shingles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return np.frombuffer(row[0], dtype=np.uint64) if row else np.empty(0, dtype=np.uint64)

    def save(
        self,
        indexed: Sequence[tuple[str, Hashes, Hashes]],
        links: Iterable[ReuseLink],
    ) -> None:
        """Add articles to the index (id, shingles, fingerprints) and store links, atomically."""
        with Transaction(self.db):
            for article_id, seq, fps in indexed:
                self.db.execute(
                    "INSERT OR REPLACE INTO reuse_shingles (article_id, seq) VALUES (?, ?)",
                    (article_id, seq.astype(np.uint64).tobytes()),
                )
                self.db.executemany(
                    "INSERT INTO reuse_fingerprints (fp, article_id) VALUES (?, ?)",
                    [(fp, article_id) for fp in np.unique(fps).view(np.int64).tolist()],
                )
            self.db.executemany(
                f"INSERT OR REPLACE INTO reuse_links ({_LINK_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_link_row(link) for link in links],
            )

    def copy_candidates(self, min_containment: float | None) -> list[ReuseLink]:
        """Exact and near links, and (``min_containment`` given) partial links with at least
        that share of one article inside the other: what the event stage's copy rule reads."""
        rows = self.db.execute(
            f"SELECT {_LINK_COLUMNS} FROM reuse_links WHERE kind != 'partial' "
            "OR max(contain_a, contain_b) >= ? ORDER BY a, b",
            (2.0 if min_containment is None else min_containment,),
        )
        return [_link(r) for r in rows]

    def clear(self) -> None:
        """Forget the index and the links: the next update re-indexes every article."""
        with Transaction(self.db):
            for table in ("reuse_links", "reuse_fingerprints", "reuse_shingles"):
                self.db.execute(f"DELETE FROM {table}")

    def links(self, article_id: str | None = None, kind: str | None = None) -> list[ReuseLink]:
        where, args = [], []
        if article_id:
            where.append("(a = ? OR b = ?)")
            args += [article_id, article_id]
        if kind:
            where.append("kind = ?")
            args.append(kind)
        sql = f"SELECT {_LINK_COLUMNS} FROM reuse_links"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [_link(r) for r in self.db.execute(sql + " ORDER BY a, b", args)]


def _link_row(link: ReuseLink) -> tuple[Any, ...]:
    return (
        link.a,
        link.b,
        link.kind,
        link.jaccard,
        link.contain_a,
        link.contain_b,
        link.longest,
        link.origin,
        link.copy,
        json.dumps(link.reasons, ensure_ascii=False),
        int(link.uncredited),
        json.dumps(link.dropped, ensure_ascii=False),
        json.dumps(link.passages),
    )


def _link(r: Sequence[Any]) -> ReuseLink:
    return ReuseLink(
        a=r[0],
        b=r[1],
        kind=r[2],
        jaccard=r[3],
        contain_a=r[4],
        contain_b=r[5],
        longest=r[6],
        origin=r[7],
        copy=r[8],
        reasons=tuple(json.loads(r[9])),
        uncredited=bool(r[10]),
        dropped=tuple(json.loads(r[11])),
        passages=tuple(tuple(p) for p in json.loads(r[12])),
    )

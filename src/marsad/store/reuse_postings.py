"""Lookups in the reuse index's postings: the indexed articles sharing fingerprints or word pairs
with new ones, and the counts per outlet that template passages are found by. ``ReuseTables``
(``store/reuse.py``) adds the rest of the reuse state to these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from marsad.store.inlists import in_lists as _chunks
from marsad.store.records import Hashes, StemPairs
from marsad.store.reuse_rows import postings, signed
from marsad.store.transaction import Transaction

OUTLET = "coalesce(nullif({0}.outlet, ''), {0}.source, '')"
"""SQL: an article's outlet, else its source, else "" (``{0}``: the table's alias)."""


def by_id(alias: str) -> str:
    """``articles`` under ``alias``, read for its outlet, source or normalized title only: from
    the index that holds them (in the table they come after the body, and reading them would
    walk all of its pages)."""
    return f"articles {alias} INDEXED BY articles_provenance"


class PostingTables:
    """The postings' lookups on one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def matches(self, fingerprints: Hashes, max_df: int) -> dict[str, int]:
        """Indexed articles sharing fingerprints with these, and how many each shares,
        counting only the fingerprints at most ``max_df`` indexed articles have (a set phrase
        or an outlet's footer is not evidence of a copy, as in the batch path).

        A fingerprint found common is not read again (``_rare_postings``), so a common one
        costs the same in a store of a thousand articles or of a million."""
        values = np.unique(fingerprints).view(np.int64).tolist()
        return self._rare_postings("reuse_fingerprints", values, max_df)

    def outlets(self, ids: Iterable[str]) -> dict[str, str]:
        """Each article's outlet (else its source, else "")."""
        out: dict[str, str] = {}
        ids = sorted(set(ids))
        for chunk, marks in _chunks(ids):
            rows = self.db.execute(
                f"SELECT a.id, {OUTLET.format('a')} FROM {by_id('a')} WHERE a.id IN ({marks})",
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
                    f"SELECT {OUTLET.format('a')}, f.fp FROM reuse_fingerprints f "
                    f"JOIN {by_id('a')} ON a.id = f.article_id "
                    f"WHERE f.fp IN ({marks}) AND a.id NOT IN excluded "
                    f"GROUP BY {OUTLET.format('a')}, f.fp HAVING count(DISTINCT CASE WHEN "
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
                f"SELECT {OUTLET.format('a')}, f.fp FROM template_candidates c "
                "JOIN reuse_fingerprints f ON f.fp = c.fp "
                f"JOIN {by_id('a')} ON a.id = f.article_id "
                f"GROUP BY {OUTLET.format('a')}, f.fp HAVING count(DISTINCT CASE WHEN "
                "a.norm_title = '' THEN a.id ELSE a.norm_title END) >= ?",
                (min_texts,),
            ).fetchall()
            self.db.execute("DELETE FROM template_candidates")
        found: dict[str, set[int]] = {}
        for outlet, fp in rows:
            found.setdefault(outlet, set()).add(int(np.int64(fp).view(np.uint64)))
        return found

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

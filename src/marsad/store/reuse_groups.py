"""Reuse groups in SQLite: each grouped article's group, each group's size, and the articles
whose links changed since the groups were last brought up to date (``engine/grouping.py``).

A group is named by its smallest article id; groups list largest first, then by name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from marsad.store.inlists import in_lists
from marsad.store.records import GroupSize
from marsad.store.transaction import Snapshot, Transaction


class ReuseGroupTables:
    """Read and write the reuse group tables of one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def batch(self, wait: bool = True) -> Transaction:
        """``with tables.batch():`` reads and regroups under the write lock, so no link is
        written in between (``wait=False``: a lock held elsewhere is a ``StoreLockedError``
        at once instead of a wait)."""
        return Transaction(self.db, wait)

    def snapshot(self) -> Snapshot:
        """``with tables.snapshot():`` reads that see the groups as one regrouping left them."""
        return Snapshot(self.db)

    def changed(self) -> list[str]:
        """The articles whose links were written or re-kinded since the last regrouping."""
        return [str(r[0]) for r in self.db.execute("SELECT article_id FROM reuse_groups_dirty")]

    def groups_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The group of each of ``ids`` that is in one."""
        sql = "SELECT article_id, group_id FROM reuse_group_members WHERE article_id IN ({marks})"
        return dict(self._select(sql, ids))

    def members(self, groups: Iterable[str]) -> dict[str, str]:
        """Every article of these groups, with its group."""
        sql = "SELECT article_id, group_id FROM reuse_group_members WHERE group_id IN ({marks})"
        return dict(self._select(sql, groups))

    def regroup(
        self, articles: Sequence[str], groups: Mapping[str, Sequence[str]], done: Sequence[str]
    ) -> None:
        """Put ``articles`` (every member of the groups they were in) in ``groups`` (name:
        members; an article in none is in no group), and take ``done`` off the changed
        (inside ``batch``)."""
        old = set(self.groups_of(articles).values())
        for chunk, marks in in_lists(sorted(old)):
            self.db.execute(f"DELETE FROM reuse_group_sizes WHERE group_id IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM reuse_group_members WHERE group_id IN ({marks})", chunk)
        for chunk, marks in in_lists(sorted(set(articles))):
            self.db.execute(f"DELETE FROM reuse_group_members WHERE article_id IN ({marks})", chunk)
        self.db.executemany(
            "INSERT INTO reuse_group_sizes (group_id, size) VALUES (?, ?)",
            [(name, len(members)) for name, members in sorted(groups.items())],
        )
        self.db.executemany(
            "INSERT INTO reuse_group_members (article_id, group_id) VALUES (?, ?)",
            sorted((x, name) for name, members in groups.items() for x in members),
        )
        self.db.executemany(
            "DELETE FROM reuse_groups_dirty WHERE article_id = ?", ((x,) for x in done)
        )

    def largest(self, limit: int | None = None, skip: int = 0) -> Iterator[GroupSize]:
        """Groups, largest first, then by name (the first ``limit`` after the first ``skip``,
        counted in the index on size: a late page reads no group before it)."""
        sql = "SELECT group_id, size FROM reuse_group_sizes ORDER BY size DESC, group_id"
        rows = self.db.execute(sql + " LIMIT ? OFFSET ?", (-1 if limit is None else limit, skip))
        return (GroupSize(str(g), int(n)) for g, n in rows)

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM reuse_group_sizes").fetchone()[0])

    def numbers(self, groups: Iterable[str]) -> dict[str, int]:
        """Each group's 1-based place in the listing (``largest``)."""
        found: dict[str, int] = {}
        for name in sorted(set(groups)):
            row = self.db.execute(
                "SELECT size FROM reuse_group_sizes WHERE group_id = ?", (name,)
            ).fetchone()
            if row is None:
                continue
            larger = self.db.execute(
                "SELECT count(*) FROM reuse_group_sizes WHERE size > ?", (row[0],)
            ).fetchone()[0]
            before = self.db.execute(
                "SELECT count(*) FROM reuse_group_sizes WHERE size = ? AND group_id < ?",
                (row[0], name),
            ).fetchone()[0]
            found[name] = int(larger) + int(before) + 1
        return found

    def _select(self, sql: str, values: Iterable[Any]) -> list[Any]:
        rows: list[Any] = []
        for chunk, marks in in_lists(sorted(set(values))):
            rows += self.db.execute(sql.format(marks=marks), chunk).fetchall()
        return rows

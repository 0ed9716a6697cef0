"""How far each part of a store has changed, read cheaply and often (by the web server).

A page that is the same for every reader is kept until what it shows changes. What it shows
comes from some parts of the store and not others: a storyline's page from the events, the
reuse links between their reports and the names read in them, not from the articles an ingest
is adding beside it. Each part has a counter that only grows (migration 20): the events and
storylines, the links and the groups of copies are counted by triggers on every row written to
their tables; the names (mentions, and the entities made of them) once per write by the
store's methods (``bump``); the articles, which are only ever added, by their largest rowid.

``Changes.of`` reads the counters of some parts on a read-only connection of the calling
thread (a web server's worker threads each keep one per file): a point read of a few rows, no
write, no lock.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal

__all__ = ["DOMAINS", "Changes", "Domain", "bump", "file_identity"]

Domain = Literal["articles", "events", "links", "groups", "mentions", "entities"]
DOMAINS: Final[tuple[Domain, ...]] = (
    "articles",
    "events",
    "links",
    "groups",
    "mentions",
    "entities",
)
_COUNTED: Final = "SELECT domain, n FROM store_changes"
_ARTICLES: Final = "SELECT max(rowid) FROM articles"
_REGROUP: Final = "SELECT EXISTS (SELECT 1 FROM reuse_groups_dirty)"


def file_identity(path: str | Path) -> tuple[int, int]:
    """Which file ``path`` names now (device and inode): a store replaced in place is another
    file under the same name. ``OSError`` when there is none."""
    stat = os.stat(path)
    return (stat.st_dev, stat.st_ino)


def bump(db: sqlite3.Connection, domain: Domain) -> None:
    """Count one more change of ``domain`` (inside the write's own transaction)."""
    db.execute("UPDATE store_changes SET n = n + 1 WHERE domain = ?", (domain,))


class Changes:
    """The change counters of the database file at ``path``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()

    def of(self, domains: Sequence[Domain]) -> tuple[int, ...] | None:
        """The file's identity, then the counters of ``domains`` in their order; None when
        the file has none (it is not there, or it was made before migration 20 and nobody has
        opened it to write since).

        The groups' counter is followed by the articles' while some links wait to be grouped
        (a reader regroups them when no writer holds the lock; until then the groups it shows
        may change at any commit, as they did before there were counters)."""
        try:
            db, identity = self._connection()
            counted = dict(db.execute(_COUNTED).fetchall())
            waiting = "groups" in domains and bool(db.execute(_REGROUP).fetchone()[0])
            articles = (
                int(db.execute(_ARTICLES).fetchone()[0] or 0)
                if waiting or "articles" in domains
                else 0
            )
        except (OSError, sqlite3.Error):
            self._forget()  # opened again at the next read
            return None
        if any(d not in counted for d in domains if d != "articles"):
            return None
        found = [*identity]
        for d in domains:
            found.append(articles if d == "articles" else int(counted[d]))
            if d == "groups" and waiting:
                found.append(articles)
        return tuple(found)

    def _connection(self) -> tuple[sqlite3.Connection, tuple[int, int]]:
        """This thread's connection to the file, and the file's identity: opened again when
        the path names another file than the one it has open (a store replaced in place)."""
        identity = file_identity(self.path)
        local = self._local.__dict__
        if local.get("identity") != identity:
            self._forget()
            local["db"] = sqlite3.connect(
                f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=True
            )
            local["identity"] = identity
        db: sqlite3.Connection = local["db"]
        return db, identity

    def _forget(self) -> None:
        old = self._local.__dict__.pop("db", None)
        self._local.__dict__.pop("identity", None)
        if old is not None:
            old.close()

"""Each article's entity mentions and the entities they are grouped into, in SQLite.

Mentions are written once per article (``save``: the article leaves the queue in the same
transaction). The entities are replaced as a whole by ``replace``: grouping reads the counts
of every key (``key_counts``, one row per key, kind and written name), not every mention.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from marsad.errors import NotFoundError
from marsad.models import (
    Entity,
    EntityGroup,
    EntityMentionRow,
    EntityName,
    EntityRole,
    KeyCount,
    QuoteRow,
    RejectReason,
)
from marsad.store.changes import bump
from marsad.store.inlists import in_lists
from marsad.store.records import TitledText
from marsad.store.transaction import Transaction

_ENTITY = "id, kind, name, key, mentions, articles, events"
_E_ENTITY = ", ".join(f"e.{column.strip()}" for column in _ENTITY.split(","))
_DAY = "substr(coalesce(a.published, a.crawled), 1, 10)"


class EntityTables:
    """Read and write the entity tables of one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    # -- the queue and the mentions -----------------------------------------------------------

    def queued(self, limit: int) -> list[TitledText]:
        """Up to ``limit`` articles waiting to be read for entities."""
        rows = self.db.execute(
            "SELECT a.id, coalesce(a.title, ''), a.body FROM entities_queue q "
            "JOIN articles a ON a.id = q.article_id ORDER BY q.article_id LIMIT ?",
            (limit,),
        )
        return [TitledText(str(i), str(t), str(b)) for i, t, b in rows]

    def queued_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM entities_queue").fetchone()[0])

    def save(
        self,
        ids: Sequence[str],
        mentions: Iterable[EntityMentionRow],
        quotes: Iterable[QuoteRow] = (),
    ) -> None:
        """The mentions and quotes of the articles ``ids`` (replacing any they had); they
        leave the queue."""
        with Transaction(self.db):
            for chunk, marks in in_lists(ids):
                for table in ("entity_mentions", "quotes", "entities_queue"):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
            self.db.executemany(
                "INSERT OR REPLACE INTO quotes (article_id, start, end_, verb, speaker, "
                "speaker_start, speaker_key, direct, implicit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        q.article_id,
                        q.start,
                        q.end,
                        q.verb,
                        q.speaker,
                        q.speaker_start,
                        q.speaker_key,
                        int(q.direct),
                        int(q.implicit),
                    )
                    for q in quotes
                ],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO entity_mentions "
                "(article_id, start, end_, kind, key, name, role) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(m.article_id, m.start, m.end, m.kind, m.key, m.name, m.role) for m in mentions],
            )
            bump(self.db, "mentions")

    def restart(self) -> None:
        """Forget every mention and entity (and the articles the stage failed on) and queue
        every article again."""
        with Transaction(self.db):
            for table in ("entity_mentions", "quotes", "entities", "entity_keys", "entities_queue"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute(
                "DELETE FROM rejections WHERE reason = ?", (RejectReason.NO_ENTITIES.value,)
            )
            self.db.execute("DELETE FROM event_summaries")  # they read the entities
            self.db.execute("INSERT INTO entities_queue SELECT id FROM articles")
            bump(self.db, "mentions")
            bump(self.db, "entities")

    def state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM entity_state WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        with Transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO entity_state (key, value) VALUES (?, ?)", (key, value)
            )

    # -- grouping -----------------------------------------------------------------------------

    def key_counts(self) -> list[KeyCount]:
        """How often each key was given each kind under each written name."""
        rows = self.db.execute(
            "SELECT key, kind, count(*), name FROM entity_mentions GROUP BY key, kind, name"
        )
        return [KeyCount(str(k), str(kind), int(n), str(name)) for k, kind, n, name in rows]

    def replace(self, groups: Iterable[EntityGroup]) -> None:
        """Make ``groups`` the entities, and count their mentions, articles and events."""
        with Transaction(self.db):
            self.db.execute("DELETE FROM entities")
            self.db.execute("DELETE FROM entity_keys")
            for group in groups:
                self.db.execute(
                    "INSERT INTO entities (id, key, kind, name, mentions) VALUES (?, ?, ?, ?, ?)",
                    (group.id, group.key, group.kind, group.name, group.mentions),
                )
                self.db.executemany(
                    "INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)",
                    [(key, group.id) for key in group.keys],
                )
            self._count()
            bump(self.db, "entities")

    def recount(self) -> None:
        """Count again each entity's articles and events (after events changed)."""
        with Transaction(self.db):
            if self._count():
                bump(self.db, "entities")

    def _count(self) -> int:
        """Count each entity's articles and events again; how many entities' counts moved
        (by the connection's changes: a statement that starts with WITH has no rowcount)."""
        before = self.db.total_changes
        self.db.execute(
            "WITH seen AS (SELECT k.entity_id AS id, count(DISTINCT m.article_id) AS articles, "
            "count(DISTINCT ea.event_id) AS events FROM entity_mentions m "
            "JOIN entity_keys k ON k.key = m.key "
            "LEFT JOIN event_articles ea ON ea.article_id = m.article_id GROUP BY k.entity_id) "
            "UPDATE entities SET articles = seen.articles, events = seen.events "
            "FROM seen WHERE entities.id = seen.id "
            "AND (entities.articles IS NOT seen.articles OR entities.events IS NOT seen.events)"
        )
        return self.db.total_changes - before

    # -- reading ------------------------------------------------------------------------------

    def entities(self, kind: str | None = None, limit: int | None = None) -> list[Entity]:
        """Entities by number of events, then mentions (of one ``kind`` when given)."""
        where = "WHERE kind = ?" if kind else ""
        rows = self.db.execute(
            f"SELECT {_ENTITY} FROM entities {where} "
            "ORDER BY events DESC, mentions DESC, id LIMIT ?",
            [*([kind] if kind else []), -1 if limit is None else limit],
        )
        return [_entity(row) for row in rows]

    def count(self, kind: str | None = None) -> int:
        where, args = ("WHERE kind = ?", [kind]) if kind else ("", [])
        return int(self.db.execute(f"SELECT count(*) FROM entities {where}", args).fetchone()[0])

    def entity(self, ref: str) -> Entity:
        """The entity with id ``ref`` (or a unique prefix of it)."""
        rows = self.db.execute(
            f"SELECT {_ENTITY} FROM entities WHERE id >= ? AND id < ? LIMIT 2",
            (ref, ref + "\U0010ffff"),
        ).fetchall()
        if len(rows) != 1:
            raise NotFoundError(
                f"no entity with id {ref!r}" if not rows else f"entity id {ref!r} is ambiguous"
            )
        return _entity(rows[0])

    def by_keys(self, keys: Sequence[str]) -> list[Entity]:
        """The entities one of ``keys`` belongs to, most mentioned first."""
        found = {e.id: e for e in self.keyed(keys).values()}
        return sorted(found.values(), key=lambda e: (-e.mentions, e.id))

    def keyed(self, keys: Sequence[str]) -> dict[str, Entity]:
        """The entity each of ``keys`` belongs to (keys of no entity left out)."""
        found: dict[str, Entity] = {}
        for chunk, marks in in_lists(list(keys)):
            rows = self.db.execute(
                f"SELECT k.key, {_E_ENTITY} FROM entity_keys k "
                f"JOIN entities e ON e.id = k.entity_id WHERE k.key IN ({marks})",
                chunk,
            )
            found.update((str(row[0]), _entity(row[1:])) for row in rows)
        return found

    def named_in(self, ids: Sequence[str]) -> list[tuple[Entity, int]]:
        """The entities the articles ``ids`` name, with how many times, most first."""
        counts: dict[str, int] = {}
        found: dict[str, Entity] = {}
        for chunk, marks in in_lists(list(ids)):
            rows = self.db.execute(
                f"SELECT count(*), {_E_ENTITY} FROM entity_mentions m "
                "JOIN entity_keys k ON k.key = m.key JOIN entities e ON e.id = k.entity_id "
                f"WHERE m.article_id IN ({marks}) GROUP BY e.id",
                chunk,
            )
            for n, *row in rows:
                entity = _entity(row)
                found[entity.id] = entity
                counts[entity.id] = counts.get(entity.id, 0) + int(n)
        order = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(found[i], n) for i, n in order]

    def keys_like(self, fragment: str, limit: int = 20) -> list[str]:
        """Keys holding ``fragment`` (a key's words), of the most mentioned entities first,
        for a name given in part."""
        rows = self.db.execute(
            "SELECT k.key FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
            "WHERE instr(' ' || k.key || ' ', ?) > 0 ORDER BY e.mentions DESC, e.id, k.key "
            "LIMIT ?",
            (f" {fragment} ", limit),
        )
        return [str(k) for (k,) in rows]

    def names(self, entity_id: str) -> list[EntityName]:
        """The written names of an entity, most written first."""
        rows = self.db.execute(
            "SELECT m.name, count(*) FROM entity_keys k JOIN entity_mentions m ON m.key = k.key "
            "WHERE k.entity_id = ? GROUP BY m.name ORDER BY count(*) DESC, m.name",
            (entity_id,),
        )
        return [EntityName(str(n), int(c)) for n, c in rows]

    def roles(self, entity_id: str) -> list[EntityRole]:
        """The roles written before an entity's name, with their first and last days."""
        rows = self.db.execute(
            f"SELECT m.role, count(*), min({_DAY}), max({_DAY}) FROM entity_keys k "
            "JOIN entity_mentions m ON m.key = k.key JOIN articles a ON a.id = m.article_id "
            "WHERE k.entity_id = ? AND m.role IS NOT NULL GROUP BY m.role "
            f"ORDER BY min({_DAY}) IS NULL, min({_DAY}), count(*) DESC, m.role",
            (entity_id,),
        )
        return [EntityRole(str(r), int(c), f, last) for r, c, f, last in rows]

    def mentions(self, entity_id: str) -> list[EntityMentionRow]:
        """Every mention of an entity, by article."""
        rows = self.db.execute(
            "SELECT m.article_id, m.start, m.end_, m.kind, m.key, m.name, m.role "
            "FROM entity_keys k JOIN entity_mentions m ON m.key = k.key "
            "WHERE k.entity_id = ? ORDER BY m.article_id, m.start",
            (entity_id,),
        )
        return [EntityMentionRow(*row) for row in rows]

    def of_articles(self, ids: Sequence[str]) -> dict[str, list[EntityMentionRow]]:
        """The mentions of each of the articles ``ids``, in text order."""
        found: dict[str, list[EntityMentionRow]] = {i: [] for i in ids}
        for chunk, marks in in_lists(list(ids)):
            rows = self.db.execute(
                "SELECT article_id, start, end_, kind, key, name, role FROM entity_mentions "
                f"WHERE article_id IN ({marks}) ORDER BY article_id, start",
                chunk,
            )
            for row in rows:
                found[row[0]].append(EntityMentionRow(*row))
        return found

    def quotes(
        self,
        entity_id: str | None = None,
        articles: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]:
        """Quotes, newest article first (undated ones last): of one entity's speakers, or of
        ``articles``."""
        joins, where, args = "", [], []
        if entity_id is not None:
            joins = "JOIN entity_keys k ON k.key = q.speaker_key "
            where.append("k.entity_id = ?")
            args.append(entity_id)
        runs = in_lists(list(articles)) if articles is not None else iter([([], "")])
        rows: list[tuple[str, QuoteRow]] = []
        for chunk, marks in runs:
            clauses = [*where, *([f"q.article_id IN ({marks})"] if articles is not None else [])]
            found = self.db.execute(
                f"SELECT {_DAY}, {_QUOTE} FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"{joins}{'WHERE ' + ' AND '.join(clauses) if clauses else ''} "
                f"ORDER BY {_DAY} IS NULL, {_DAY} DESC, q.article_id, q.start LIMIT ?",
                [*args, *chunk, -1 if limit is None else limit],
            )
            rows += [(day or "", _quote(row)) for day, *row in found]
        # runs of ids are each sorted and cut: sort and cut them together
        rows.sort(key=lambda r: (r[0] == "", _descending(r[0]), r[1].article_id, r[1].start))
        return [quote for _, quote in rows[:limit]] if limit is not None else [q for _, q in rows]

    def quote_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM quotes").fetchone()[0])

    def events_of(self, entity_id: str) -> list[str]:
        """The events an entity's articles are in, most recent first."""
        rows = self.db.execute(
            "SELECT ea.event_id FROM entity_keys k JOIN entity_mentions m ON m.key = k.key "
            "JOIN event_articles ea ON ea.article_id = m.article_id "
            "JOIN events e ON e.id = ea.event_id WHERE k.entity_id = ? "
            "GROUP BY ea.event_id ORDER BY max(coalesce(e.date, e.last_seen, '')) DESC, "
            "ea.event_id",
            (entity_id,),
        )
        return [str(e) for (e,) in rows]


def _entity(row: Sequence[object]) -> Entity:
    i, kind, name, key, mentions, articles, events = row
    return Entity(
        str(i),
        str(kind),
        str(name),
        str(key),
        int(str(mentions)),
        int(str(articles)),
        int(str(events)),
    )


_QUOTE = "q.article_id, q.start, q.end_, q.verb, q.speaker, q.speaker_start, q.speaker_key, "
_QUOTE += "q.direct, q.implicit"


def _descending(day: str) -> tuple[int, ...]:
    """A key that sorts ISO days newest first."""
    return tuple(-ord(c) for c in day)


def _quote(row: Sequence[object]) -> QuoteRow:
    a, start, end, verb, speaker, at, key, direct, implicit = row
    return QuoteRow(
        str(a),
        int(str(start)),
        int(str(end)),
        str(verb),
        None if speaker is None else str(speaker),
        None if at is None else int(str(at)),
        None if key is None else str(key),
        bool(direct),
        bool(implicit),
    )

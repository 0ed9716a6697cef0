"""Each outlet's template fingerprints in SQLite, kept as reuse updates find them
(``engine/templates.py``): a fingerprint carried by ``min_texts`` distinct texts of an outlet
stays one of its templates, since articles are only ever added. A threshold is *kept* once
its templates were counted from the whole index; from then on each update adds the ones it
makes, and asking whether a fingerprint is a template reads this table, not every article
that carries it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping

from marsad.store.inlists import in_lists
from marsad.store.records import KindChange, Templates
from marsad.store.reuse_rows import signed
from marsad.store.transaction import Transaction

WHOLE_READ = 20_000
"""Fingerprints of one outlet asked at once past which its kept templates are read whole."""


class TemplateTables:
    """Read and write the kept templates of one database connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def kept(self, min_texts: int) -> bool:
        """Whether the templates of this threshold are kept (else they are counted)."""
        row = self.db.execute(
            "SELECT 1 FROM reuse_template_state WHERE min_texts = ?", (min_texts,)
        ).fetchone()
        return row is not None

    def known(self, min_texts: int, wanted: Mapping[str, Iterable[int]]) -> Templates:
        """Of each outlet's ``wanted`` fingerprints, those kept as its templates (many asked
        at once: the outlet's templates are read whole and intersected here)."""
        found: Templates = {}
        for outlet, fps in wanted.items():
            values = signed(fps)
            if len(values) > WHOLE_READ:
                rows = self.db.execute(
                    "SELECT fp FROM reuse_templates WHERE min_texts = ? AND outlet = ?",
                    (min_texts, outlet),
                )
                found[outlet] = {_unsigned(fp) for (fp,) in rows} & set(map(int, fps))
                continue
            found[outlet] = set()
            for chunk, marks in in_lists(values):
                rows = self.db.execute(
                    "SELECT fp FROM reuse_templates WHERE min_texts = ? AND outlet = ? "
                    f"AND fp IN ({marks})",
                    [min_texts, outlet, *chunk],
                )
                found[outlet].update(_unsigned(fp) for (fp,) in rows)
        return found

    def save(
        self,
        min_texts: int,
        templates: Mapping[str, Iterable[int]],
        kinds: Iterable[KindChange],
        whole: bool = False,
    ) -> None:
        """Keep these templates too (``whole``: they are every template of ``min_texts``,
        counted from the whole index, and replace what was kept) and set the kinds of the links
        judged with them, atomically."""
        with Transaction(self.db):
            if whole:
                self.db.execute("DELETE FROM reuse_templates WHERE min_texts = ?", (min_texts,))
                self.db.execute(
                    "INSERT OR IGNORE INTO reuse_template_state (min_texts) VALUES (?)",
                    (min_texts,),
                )
            self.db.executemany(
                "INSERT OR IGNORE INTO reuse_templates (min_texts, outlet, fp) VALUES (?, ?, ?)",
                (
                    (min_texts, outlet, fp)
                    for outlet, fps in templates.items()
                    for fp in signed(fps)
                ),
            )
            self.db.executemany(
                "UPDATE reuse_links SET kind = ? WHERE a = ? AND b = ?",
                [(k.kind, k.a, k.b) for k in kinds],
            )


def _unsigned(fp: int) -> int:
    return fp + (1 << 64) if fp < 0 else fp

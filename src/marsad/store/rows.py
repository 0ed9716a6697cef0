"""Articles as table rows, and back. Pure functions: workers build rows, the store inserts them.

Serializing in the worker processes keeps the single writer (the store) doing only SQL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from marsad.models import Article, PubDate, Rejection, RemovedLine


class ArticleRow(NamedTuple):
    """An ``articles`` table row, its columns named as the table's: built in worker processes
    by ``article_row``, inserted as it is by the store."""

    id: str
    document_id: str
    seq: int
    parent_id: str | None
    title: str | None
    body: str
    paragraphs: str  # JSON
    norm_title: str
    norm_body: str
    lang: str
    lang_score: float
    source: str | None
    outlet: str | None
    outlet_provenance: str | None
    url: str | None
    author: str | None
    published: str | None
    date_provenance: str
    date_confidence: float
    date_evidence: str | None
    crawled: str | None
    attributions: str  # JSON
    removed: str  # JSON
    notes: str  # JSON


ARTICLE_COLUMNS = ", ".join(ArticleRow._fields)


class IndexText(NamedTuple):
    """What the full-text index holds of an article: its normalized title's tokens and the
    light stems of its title and body, each space-joined."""

    title: str
    stems: str


@dataclass(frozen=True, slots=True)
class Processed:
    """One document after processing: its article rows with their index text (one each), or
    a rejection."""

    doc_id: str
    rows: list[ArticleRow] = field(default_factory=list)
    index: list[IndexText] = field(default_factory=list)
    rejection: Rejection | None = None

    def __reduce__(self) -> tuple[type[Processed], tuple[Any, ...]]:
        # workers send these to the writer: built from the fields in one call, not by the
        # generic slotted-dataclass state (a Python loop over ``fields()`` per object)
        return Processed, (self.doc_id, self.rows, self.index, self.rejection)


def article_row(a: Article) -> ArticleRow:
    """The ``articles`` table row of an article."""
    return ArticleRow(
        a.id,
        a.document_id,
        a.seq,
        a.parent_id,
        a.title,
        a.body,
        json.dumps(a.paragraphs),
        a.norm_title,
        a.norm_body,
        a.lang,
        a.lang_score,
        a.source,
        a.outlet,
        a.outlet_provenance,
        a.url,
        a.author,
        a.published.value,
        a.published.provenance,
        a.published.confidence,
        a.published.evidence,
        a.crawled,
        json.dumps(a.attributions, ensure_ascii=False),
        json.dumps([[r.text, r.reason, r.line] for r in a.removed], ensure_ascii=False),
        json.dumps(a.notes, ensure_ascii=False),
    )


def article_from_row(r: Sequence[Any]) -> Article:
    return Article(
        id=str(r[0]),
        document_id=str(r[1]),
        seq=int(r[2]),
        parent_id=r[3],
        title=r[4],
        body=str(r[5]),
        paragraphs=tuple(tuple(p) for p in json.loads(str(r[6]))),
        norm_title=str(r[7]),
        norm_body=str(r[8]),
        lang=str(r[9]),
        lang_score=float(r[10]),
        source=r[11],
        outlet=r[12],
        outlet_provenance=r[13],
        url=r[14],
        author=r[15],
        published=PubDate(r[16], r[17], float(r[18]), r[19]),
        crawled=r[20],
        attributions=tuple(json.loads(str(r[21]))),
        removed=tuple(RemovedLine(t, why, n) for t, why, n in json.loads(str(r[22]))),
        notes=tuple(json.loads(str(r[23]))),
    )

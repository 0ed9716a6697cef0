"""The rows a store hands to the engine and takes from it, typed and named: every store
(SQLite now, PostgreSQL next) reads and writes these, so the engine never sees a table's
column order. Articles, links, events and storylines travel as ``marsad.models``; what is
here is what only the store and the engine exchange.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from marsad.models import Article, Event, RawDocument, ReuseLink

Hashes = npt.NDArray[np.uint64]
Values = Hashes | Sequence[int]  # hash values of one article, as an array or a list
Centroids = Mapping[str, Mapping[str, float]]  # event id -> term -> weight
Templates = dict[str, set[int]]  # outlet -> its template fingerprints (unsigned, as hashed)


# -- documents and search --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """What a page of articles keeps (``Store.article_page``): days as ISO strings, an outlet
    (or source), a language code and an entity id (articles that name it), each None for
    any."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    lang: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What a page of events keeps (``EventStore.page``): days as ISO strings, an outlet that
    reported it, a storyline id, an entity id (events with a report that names it), each None
    for any."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    storyline: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """An event's summary as kept: what it was made from (``key``) and its sentences as JSON
    (``engine.summaries`` writes and reads them)."""

    event_id: str
    key: str
    sentences: str


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A raw document as stored, with its id (its content hash)."""

    id: str
    document: RawDocument

    def __reduce__(self) -> tuple[type[StoredDocument], tuple[str, RawDocument]]:
        return StoredDocument, (self.id, self.document)


@dataclass(frozen=True, slots=True)
class Added:
    """What ``add_documents`` did: the documents new to the store (to be processed), and
    how many were inserted (a document met twice in one call is inserted once)."""

    new: list[StoredDocument]
    inserted: int


@dataclass(frozen=True, slots=True)
class Scored:
    """An article found by a full-text query, with its score (BM25: lower is better)."""

    article: Article
    score: float


# -- reuse -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewText:
    """An article the reuse index does not hold yet: its id and normalized body."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class TitledText:
    """An article to read for entities: its id, title ('' when it has none) and body."""

    id: str
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class IndexedText:
    """An article entering the reuse index: its shingles in text order and its fingerprints."""

    id: str
    shingles: Hashes
    fingerprints: Hashes


@dataclass(frozen=True, slots=True)
class StemPairs:
    """An article's sampled light-stem word pairs (``link/rewrites.py``), as hash values."""

    id: str
    values: Values


@dataclass(frozen=True, slots=True)
class KindChange:
    """A stored link ``a`` → ``b`` whose kind becomes ``kind`` (a copy found to share only
    template text becomes ``template``)."""

    a: str
    b: str
    kind: str


@dataclass(frozen=True, slots=True)
class OutletLink:
    """A stored link with the outlets (else sources) of its two articles."""

    link: ReuseLink
    outlet_a: str
    outlet_b: str


@dataclass(frozen=True, slots=True)
class GroupSize:
    """A stored reuse group: its name (its smallest article id) and how many articles."""

    name: str
    size: int


# -- events ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventInput:
    """What the events stage reads of an article (``body`` empty when not asked for)."""

    id: str
    title: str | None
    body: str
    published: str | None
    crawled: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class ArticleDates:
    """When an article came out and when it was crawled, as stored (for ordering by date)."""

    id: str
    published: str | None
    crawled: str | None


@dataclass(frozen=True, slots=True)
class TermsRow:
    """A report's stored terms (``organize.vectors.encode_terms``), its stem counts as term
    ids and counts (``encode_stems``), whether it has capitalized words (names may be among
    them), and its days (ordinals): the day it came out (else was crawled) and the day its
    text gives for its happening."""

    id: str
    data: bytes
    stems: bytes
    cased: bool
    day: int | None
    text_day: int | None


@dataclass(frozen=True, slots=True)
class StoredStems:
    """What a window reads of a stored report: ``TermsRow`` without its full terms."""

    id: str
    stems: bytes
    cased: bool
    day: int | None
    text_day: int | None


@dataclass(frozen=True, slots=True)
class Sizes:
    """How many events and storylines are stored."""

    events: int
    storylines: int


@dataclass(frozen=True, slots=True)
class ReportRef:
    """What an event listing shows of one of its reports."""

    id: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    origin: str  # where its document came from: a path, an archive member, a feed item


@dataclass(frozen=True, slots=True)
class EventReports:
    """An event with what its listing shows of each of its reports."""

    event: Event
    reports: list[ReportRef]


def encode_stems(ids: Sequence[int], counts: Sequence[float]) -> bytes:
    """Term ids (int32) then their counts (float32), as one blob."""
    return np.asarray(ids, dtype=np.int32).tobytes() + np.asarray(counts, np.float32).tobytes()


def decode_stems(blob: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The term ids and counts ``encode_stems`` put in ``blob``."""
    half = len(blob) // 2
    return np.frombuffer(blob[:half], dtype=np.int32), np.frombuffer(blob[half:], np.float32)

"""Plain data passed between stages: documents, rejections, articles.

Every stage takes and returns these dataclasses; nothing else crosses a stage boundary.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, NamedTuple

DocKind = Literal["text", "html", "record"]
"""How a document's bytes are to be read: plain text, an HTML page, or one JSON record."""


class RejectReason(StrEnum):
    """Why an input was not accepted. Stored with every rejection."""

    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too-large"
    UNPARSEABLE = "unparseable"
    NO_TEXT = "no-text"
    NOT_FOUND = "not-found"
    UNSUPPORTED = "unsupported"
    NOT_TEXT = "not-text"
    """A field that must hold text (a record's body) holds a number, true/false or an object."""
    SKIPPED = "skipped"
    """Not read on purpose: a pipe or device in a folder, a symbolic link loop, a zip member
    named outside its archive (``../x``, ``/etc/x``)."""
    NO_ENTITIES = "no-entities"
    """A stored article the entities stage failed on: it stays stored, without entities."""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One ingested unit (a file, a feed item, a WARC record, a JSON record), raw and immutable.

    ``data`` is what arrived: the file's bytes, or a record serialized as canonical JSON.
    ``meta`` carries what the reader learned besides the bytes (url, title, published, ...).
    """

    data: bytes
    kind: DocKind
    origin: str
    source: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)

    def __reduce__(self) -> tuple[type[RawDocument], tuple[Any, ...]]:
        # sent to worker processes by the thousand: one call, not the generic slotted state
        return RawDocument, (self.data, self.kind, self.origin, self.source, self.meta)

    @property
    def doc_id(self) -> str:
        """Content hash: the same bytes always give the same id, so re-ingesting changes nothing."""
        return content_hash(self.data)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not accepted, with the reason and enough detail to act on it."""

    origin: str
    reason: RejectReason
    detail: str
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a reader's extractor got out of one document, before cleaning.

    ``text`` holds one paragraph per line. ``needs_cleaning`` is True for raw scraped text whose
    site chrome is still in it (plain text, JSON records) and False when an extractor has already
    removed the chrome (trafilatura on HTML). Date fields are ISO strings when they could be parsed.
    ``notes`` say what reading changed or left out (bytes repaired, control characters removed,
    a date that is not a date); they become the article's notes.
    """

    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    crawled: str | None = None
    lang: str | None = None
    needs_cleaning: bool = True
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line taken out of an article during cleaning, and why."""

    text: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date with where it came from.

    ``provenance`` is ``metadata`` (page, feed or record field), ``text`` (an explicit date in the
    text) or ``unknown``; ``value`` is an ISO date (``YYYY-MM-DD``) or datetime, or None.
    """

    value: str | None
    provenance: Literal["metadata", "text", "unknown"]
    confidence: float = 0.0
    evidence: str | None = None

    @classmethod
    def unknown(cls) -> PubDate:
        return cls(None, "unknown", 0.0, None)


@dataclass(frozen=True, slots=True)
class Article:
    """One news report cut out of a document.

    ``body`` is the original text (paragraphs joined by a blank line) and ``paragraphs`` holds
    the ``(start, end)`` offsets of each paragraph in it; ``norm_*`` are for matching only.
    ``notes`` are the provenance of the text itself: how its document was read and what reading
    changed or left out ("2 bytes that are not valid UTF-8 were replaced with U+FFFD", "3
    control characters … removed from the title", "url 'javascript:…' left out: …").
    """

    id: str
    document_id: str
    seq: int
    title: str | None
    body: str
    paragraphs: tuple[tuple[int, int], ...]
    norm_title: str
    norm_body: str
    lang: str
    lang_score: float
    source: str | None
    outlet: str | None
    outlet_provenance: str | None
    url: str | None
    author: str | None
    published: PubDate
    crawled: str | None
    attributions: tuple[str, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    parent_id: str | None = None
    notes: tuple[str, ...] = ()


def article_id(document_id: str, seq: int) -> str:
    """Stable, short id of the ``seq``-th article of a document."""
    return hashlib.sha256(f"{document_id}:{seq}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ReuseLink:
    """Article ``a`` and article ``b`` (``a < b``) share text.

    ``contain_a`` is the share of a's shingles found in b. ``passages`` holds aligned spans as
    ``(a_start, a_end, b_start, b_end, words)`` character offsets into each original body.
    ``origin``/``copy`` are None when no evidence decides the order. ``kind`` is
    ``template`` for a partial link whose shared text is an outlet's template passage
    (``link/templates.py``): never a copy.
    """

    a: str
    b: str
    kind: Literal["exact", "near", "partial", "template"]
    jaccard: float
    contain_a: float
    contain_b: float
    longest: int
    origin: str | None
    copy: str | None
    reasons: tuple[str, ...]
    uncredited: bool
    dropped: tuple[str, ...]
    passages: tuple[tuple[int, int, int, int, int], ...]
    origin_credit: str | None = None
    """The outlet or agency the shared text comes from when a credit names it (its display
    name: "واس"), whether or not it has an article in the corpus; ``origin`` is then the
    article that keeps the credit and ``copy`` the one that drops it."""
    rewrite: bool = False
    """Found by the light-rewrite stage (``link/rewrites.py``): ``jaccard`` and the shares
    are of light-stem word pairs, not of five-word shingles."""


KeepRule = Literal["origin", "earliest", "longest"]
"""Why a reuse group keeps the article it keeps (``link/groups.py``)."""


@dataclass(frozen=True, slots=True)
class ReuseGroup:
    """Copies of one text (``link/copies.py``): the articles, the one to ``keep`` and the rule
    that chose it, the links' ``origin`` when they name one, the copies that drop the origin's
    credit (``uncredited``, never the kept article), and the articles outside the group that
    share passages with it (``related``; ``related_groups``: their groups' 1-based numbers
    in the listing the group came in).
    """

    articles: tuple[str, ...]
    keep: str
    keep_rule: KeepRule
    origin: str | None
    kinds: tuple[str, ...]
    uncredited: tuple[str, ...]
    links: int
    related: tuple[str, ...] = ()
    related_groups: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Reports of one real-world happening.

    ``date`` is when the happening occurred as the reports state it (an ISO day, ``YYYY-MM``
    or ``YYYY``), with ``date_evidence`` the phrase it was resolved from; None when the text
    does not allow it (never the crawl date). ``first_seen``/``last_seen`` span the reports'
    publication dates (a report's crawl date when it has none). ``articles`` are in
    publication order, ``outlets`` distinct.
    """

    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    date: str | None
    date_evidence: str | None
    first_seen: str | None
    last_seen: str | None
    storyline: str | None = None


@dataclass(frozen=True, slots=True)
class Storyline:
    """Events that continue one another; ``events`` in date order, ``start``/``end`` the span."""

    id: str
    title: str
    events: tuple[str, ...]
    articles: int
    outlets: tuple[str, ...]
    start: str | None
    end: str | None


# Temporal expressions (analyze/dates.py). The import sits here, not at the top, so that this
# section could be appended without touching the rest of the module.

TemporalGranularity = Literal["day", "week", "month-part", "month", "quarter", "year-part", "year"]
"""How fine a temporal expression is; "month-part" and "year-part" are thirds (early, mid, late)
of a month or a year ("أواخر مارس", "مطلع العام") and halves of a year ("النصف الأول")."""


class TermEntry(NamedTuple):
    """A stored term of the event lexicon: its id, the term and its document frequency."""

    id: int
    term: str
    df: int


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """How often a word was written capitalized and in lower case inside sentences."""

    upper: int
    lower: int


class CentroidEntry(NamedTuple):
    """One term of a stored event centroid, with its weight."""

    term: str
    event: str
    weight: float


@dataclass(slots=True)
class LexiconCounts:
    """What event vectors are weighted by, over ``docs`` reports: each term's document
    frequency and how often each word is written capitalized and in lower case inside
    sentences. Counts add: those of two sets of reports are the sum of each set's
    (``a + b``, ``sum(parts, LexiconCounts())``), so parts counted apart — worker by worker,
    partition by partition — merge into the counts of the whole."""

    docs: int = 0
    df: dict[str, int] = field(default_factory=dict)
    upper: dict[str, int] = field(default_factory=dict)
    lower: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: LexiconCounts) -> LexiconCounts:
        return LexiconCounts(
            self.docs + other.docs,
            _added(self.df, other.df),
            _added(self.upper, other.upper),
            _added(self.lower, other.lower),
        )


def _added(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for key, count in b.items():
        out[key] = out.get(key, 0) + count
    return out


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A date or period named in a text: "أمس", "أواخر مارس/آذار الماضي", "26th, January 2024".

    ``text == original[start:end]``: offsets are into the original text, not a normalized one.
    ``value`` is TimeML-style: ``2024-01-26`` (day), ``2015-08-07/2015-08-13`` (days),
    ``2021-W13`` (ISO week), ``2020-03-21/2020-03-31`` (part of a month or year), ``2020-05``,
    ``2014-Q1``, ``2021``, ``2014/2017``; it is None when the expression cannot be resolved (it
    needs a reference date and none was given, or it is tied to a Hijri date only).
    ``earliest``/``latest`` are the first and last day it covers, None with ``value``.
    ``relative`` is True when the value depends on the reference date ("أمس", "7 أيار").

    >>> day = _dt.date(2020, 5, 11)
    >>> TemporalExpression("أمس", 31, 34, "2020-05-11", day, day, "day", True).value
    '2020-05-11'
    """

    text: str
    start: int
    end: int
    value: str | None
    earliest: _dt.date | None
    latest: _dt.date | None
    granularity: TemporalGranularity
    relative: bool


# Credits (link/credits.py): appended here so this section stands apart from the rest.

CreditPlace = Literal["body", "attribution", "removed"]
"""Which text of an article a credit's offsets point into: the body, one of its attribution
lines, or one of its removed lines (a dateline taken out of the text)."""


@dataclass(frozen=True, slots=True)
class CreditSpan:
    """A credit an article gives: «الرياض - واس», «(واس)», «نقلاً عن رويترز», "(Reuters) -".

    ``outlet`` is the id of the outlet credited (``marsad/data/outlets.toml``), ``name`` its
    display name. ``place`` says which text ``start``/``end`` point into and ``line`` which
    attribution or removed line (0 for the body): ``text == that_text[start:end]``. ``cue``
    is how the text credits it: ``dateline``, ``bracket``, ``phrase`` («حسب», «نقلاً عن»,
    «ذكرت وكالة»), ``line`` (a credit line of its own).
    """

    outlet: str
    name: str
    text: str
    place: CreditPlace
    line: int
    start: int
    end: int
    cue: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person (PER), organization (ORG) or place (LOC) under one name across articles.

    ``key`` is the spelling-free form of its name (``analyze.entities.entity_key``); ``name``
    the form written most often; ``mentions``, ``articles`` and ``events`` count where it
    appears.
    """

    id: str
    kind: str
    name: str
    key: str
    mentions: int
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class EntityName:
    """A form an entity was written in, and how many times."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class EntityRole:
    """A title or role written before a person's name («الرئيس الأميركي»), how many times,
    and the first and last days of the articles it was written in (None when undated)."""

    role: str
    count: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class EntityMentionRow:
    """One stored mention: a span of an article's text (its title and body joined by a line)."""

    article_id: str
    start: int
    end: int
    kind: str
    key: str
    name: str
    role: str | None


@dataclass(frozen=True, slots=True)
class KeyCount:
    """How often one key was given one kind under one written name, across a store."""

    key: str
    kind: str
    mentions: int
    name: str


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """An entity: its id, the key it is stored under, its kind and name, and every key of it."""

    id: str
    key: str
    kind: str
    name: str
    keys: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One stored quote: ``[start:end]`` of an article's text (its title and body joined by
    a line), the verb, the speaker as written (None when none was found) and its entity key,
    direct or reported speech, and whether the speaker was carried from the quote before."""

    article_id: str
    start: int
    end: int
    verb: str
    speaker: str | None
    speaker_start: int | None
    speaker_key: str | None
    direct: bool
    implicit: bool


@dataclass(frozen=True, slots=True)
class EntityProfile:
    """An entity with its written names (most written first), its roles over time, and its
    events (most recent first) and their storylines."""

    entity: Entity
    names: list[EntityName]
    roles: list[EntityRole]
    events: list[Event]
    storylines: list[Storyline]

"""Bring entities and quotes up to date with the stored articles.

Articles enter a queue as they are stored. An update reads the queued ones for names
(``analyze.entities``: the shipped tagger, its rules, keys and roles) and for who said what
(``analyze.quotes``), ``BATCH`` at a time, on
``workers`` forked processes when there are many, and writes each batch's mentions as one
transaction (a killed update loses at most the batches it was reading). It then groups every
key into entities (``organize.entities``, from the counts of each key, not every mention) and
counts their articles and events.

The mentions and quotes depend on the model and the rules that found them: the store keeps their
version (``MODEL_VERSION``), and a store read with another one is read again from scratch.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from marsad.analyze.entities import article_entities, entity_text
from marsad.analyze.ner.rules import extend
from marsad.analyze.ner.tagger import MODEL_DIR, default_tagger, tokens_of
from marsad.analyze.quotes import find_quotes
from marsad.engine.linking import StepProgress, no_progress
from marsad.models import EntityMentionRow, QuoteRow, Rejection, RejectReason
from marsad.organize.entities import group_keys
from marsad.store import Store
from marsad.store.records import TitledText

BATCH = 200  # articles read and saved at a time
PARALLEL = 400  # queued articles below which worker processes do not pay for their start
RULES_VERSION = "6"  # raise when analyze.entities, ner.rules or analyze.quotes change
_MODEL_KEY = "model"


@dataclass(slots=True)
class EntityReport:
    """What one update of entities did."""

    read: int = 0
    mentions: int = 0
    quotes: int = 0
    entities: int = 0
    failed: int = 0  # articles that could not be read (recorded as rejections)
    seconds: float = 0.0
    restarted: bool = False


@cache
def model_version() -> str:
    """The version of what finds mentions: the shipped model's files and ``RULES_VERSION``."""
    digest = hashlib.sha1(RULES_VERSION.encode())
    for name in ("first.crfsuite", "second.crfsuite", "clusters.tsv"):
        digest.update((MODEL_DIR / name).read_bytes())
    for path in sorted(MODEL_DIR.glob("gazetteer-*.txt")):  # a user may add names to them
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class Read:
    """What reading a batch of articles found: their entity mentions and their quotes, and the
    articles that could not be read (id, what went wrong)."""

    mentions: list[EntityMentionRow]
    quotes: list[QuoteRow]
    failed: list[tuple[str, str]] = field(default_factory=list)


def read_texts(texts: Sequence[TitledText]) -> Read:
    """The entity mentions and quotes of ``texts`` (pure: runs anywhere, in any process),
    tagged together. When the batch fails, each article is read alone, so that one article
    that cannot be read is set aside (``Read.failed``) and does not stop the others; when
    every article of a batch fails, the fault is not theirs and is raised."""
    default_tagger()  # a model that cannot be loaded is the stage's error, not an article's
    try:
        return _read_batch(texts)
    except Exception:  # which article failed is found below, one by one
        if len(texts) == 1:
            return Read([], [], [(texts[0].id, _failure())])
    found = Read([], [])
    for item in texts:
        try:
            alone = _read_batch([item])
        except Exception:  # recorded as a rejection, with the error
            found.failed.append((item.id, _failure()))
            continue
        found.mentions += alone.mentions
        found.quotes += alone.quotes
    if len(found.failed) == len(texts):
        raise RuntimeError(
            f"the entities stage failed on all {len(texts)} articles of a batch; the last: "
            f"{found.failed[-1][1]}"
        )
    return found


def _read_batch(texts: Sequence[TitledText]) -> Read:
    found = Read([], [])
    joined = [entity_text(item.title, item.body) for item in texts]
    split = [tokens_of(text) for text in joined]
    tagged = default_tagger().mentions_of(joined, split)
    for item, text, sentences, mentions in zip(texts, joined, split, tagged, strict=True):
        entities = article_entities(text, extend(text, mentions, sentences))
        found.mentions.extend(m.stored(item.id) for m in entities)
        found.quotes.extend(q.stored(item.id) for q in find_quotes(text, entities, sentences))
    return found


def _failure() -> str:
    """The exception being handled, as one line for a rejection."""
    kind, error, _ = sys.exc_info()
    name = kind.__name__ if kind else "error"
    return f"the entities stage could not read it ({name}: {error}); it has no entities"


def has_entities(store: Store) -> bool:
    """Whether entities were ever read into ``store`` (``update_entities`` ran on it)."""
    return entities_model(store) is not None


def entities_model(store: Store) -> str | None:
    """The version of the model the store's entities were read with (None: never read)."""
    return store.entities.state(_MODEL_KEY)


def update_entities(
    store: Store, workers: int = 1, progress: StepProgress | None = None
) -> EntityReport:
    """Read the queued articles for entities and quotes, then group every key into entities
    and count their articles and events."""
    step = progress or no_progress
    started = time.perf_counter()
    report = EntityReport()
    tables = store.entities
    if tables.state(_MODEL_KEY) != model_version():
        tables.restart()
        tables.set_state(_MODEL_KEY, model_version())
        report.restarted = True
    total = tables.queued_count()
    for batch, found in _read(store, total, workers):
        tables.save([item.id for item in batch], found.mentions, found.quotes)
        if found.failed:
            store.add_rejections(
                Rejection(f"article {article_id}", RejectReason.NO_ENTITIES, detail)
                for article_id, detail in found.failed
            )
            report.failed += len(found.failed)
        report.read += len(batch)
        report.mentions += len(found.mentions)
        report.quotes += len(found.quotes)
        step("reading names", report.read, total)
    step("grouping names into entities", 0, 1)
    groups = group_keys(tables.key_counts())
    tables.replace(groups)
    report.entities = len(groups)
    step("grouping names into entities", 1, 1)
    report.seconds = time.perf_counter() - started
    return report


def _read(store: Store, total: int, workers: int) -> Iterator[tuple[list[TitledText], Read]]:
    """Queued batches with their mentions; the queue shrinks only as each batch is saved, so
    batches are taken by offset from what is still queued."""
    if workers <= 1 or total < PARALLEL:
        while batch := store.entities.queued(BATCH):
            yield batch, read_texts(batch)
        return
    default_tagger()  # loaded once, before the workers fork
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        while batches := _next_batches(store, workers):
            for batch, found in zip(batches, pool.map(read_texts, batches), strict=True):
                yield batch, found


def _next_batches(store: Store, workers: int) -> list[list[TitledText]]:
    queued = store.entities.queued(BATCH * workers)
    return [queued[k : k + BATCH] for k in range(0, len(queued), BATCH)]

"""The local engine: read inputs, store them raw, process them on worker processes, save results.

Documents are committed raw before they are processed; results are committed per batch with
the documents marked done. A run that is killed leaves pending documents, which the next run
processes first — so an interrupted-and-repeated run ends with the same database as one run.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool
from typing import BinaryIO

from marsad.config import Settings
from marsad.engine.process import process_batch
from marsad.ingest import ReadOptions, read_inputs
from marsad.models import RawDocument, Rejection
from marsad.store import Store
from marsad.store.records import StoredDocument
from marsad.store.rows import Processed


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    documents: int = 0
    new_documents: int = 0
    articles: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    emptied: int = 0  # documents read that gave no article (also in ``rejected``)

    @property
    def accepted(self) -> int:
        """Documents read that gave articles, now or in an earlier run."""
        return max(0, self.documents - self.emptied)

    @property
    def ok(self) -> bool:
        return not self.rejected


Progress = Callable[[IngestReport], None]
_Result = list[Processed]


def ingest(
    store: Store,
    paths: Sequence[str],
    options: ReadOptions,
    settings: Settings,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Ingest ``paths`` into ``store``; one bad input never stops the batch.

    ``options.max_file_bytes`` left unset takes ``settings.max_file_bytes``. Two runs over the
    same inputs at once do not both count them as new: a document is new to the run whose
    insert the store's primary key let through, and only that run processes it.
    """
    if options.max_file_bytes is None:
        options = replace(options, max_file_bytes=settings.max_file_bytes)
    options = replace(options, exclude=options.exclude | store_files(settings.db))
    report = IngestReport()
    start = time.perf_counter()
    runner = _Runner(store, settings.workers, report, progress)
    try:
        # First finish what a killed run left behind, then the new inputs.
        for batch in store.pending_documents(settings.batch_size):
            runner.submit(batch)
        runner.drain()
        items = read_inputs(paths, options, stdin=stdin)
        for chunk in _chunks(items, settings.batch_size):
            docs = [x for x in chunk if isinstance(x, RawDocument)]
            rejections = [x for x in chunk if isinstance(x, Rejection)]
            if rejections:
                store.add_rejections(rejections)
                report.rejected.extend(rejections)
            report.documents += len(docs)
            todo, inserted = _add_documents(store, docs)
            report.new_documents += inserted
            if todo:
                runner.submit(todo)
            elif progress:
                progress(report)
        runner.drain()
    finally:
        runner.close()
    report.seconds = time.perf_counter() - start
    return report


def store_files(db: str) -> frozenset[str]:
    """The real paths of a SQLite database and its journal files (none for one in memory)."""
    if not db or db == ":memory:" or db.startswith("file:"):
        return frozenset()
    real = os.path.realpath(db)
    return frozenset(real + suffix for suffix in ("", "-wal", "-shm", "-journal"))


class _Runner:
    """Runs batches in-process until there is enough work to make worker processes pay."""

    def __init__(
        self, store: Store, workers: int, report: IngestReport, progress: Progress | None
    ) -> None:
        self.store, self.workers, self.report, self.progress = store, workers, report, progress
        self.pool: Pool | None = None
        self.queue: deque[AsyncResult[_Result]] = deque()
        self.batches = 0

    def submit(self, batch: list[StoredDocument]) -> None:
        self.batches += 1
        if self.workers > 1 and self.batches > 1 and self.pool is None:
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        if self.pool is None:
            self._save(process_batch(batch))
            return
        self.queue.append(self.pool.apply_async(process_batch, (batch,)))
        while len(self.queue) > self.workers * 2:
            self._save(self.queue.popleft().get())

    def drain(self) -> None:
        while self.queue:
            self._save(self.queue.popleft().get())

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def _save(self, results: _Result) -> None:
        self.store.save_results(results)
        for done in results:
            if done.rejection is not None:
                self.report.rejected.append(done.rejection)
                self.report.emptied += 1
            self.report.articles += len(done.rows)
        if self.progress:
            self.progress(self.report)


def _add_documents(store: Store, docs: list[RawDocument]) -> tuple[list[StoredDocument], int]:
    """Store raw documents; return those this run must process and how many it inserted.

    The store returns the documents inserted now and those stored but not yet processed. The
    pending ones that were there when the run started were processed first, so pending ones
    here were stored meanwhile by another run over the same inputs, which processes them
    itself. The count of rows inserted (only by an insert that the primary key let through)
    tells the two apart without a lock: when no row was inserted the batch is entirely
    another run's; when some were, the batch is processed whole (saving an article twice
    changes nothing).
    """
    added = store.add_documents(docs)
    return (added.new if added.inserted else []), added.inserted


def _chunks(
    items: Iterable[RawDocument | Rejection], size: int
) -> Iterator[list[RawDocument | Rejection]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk

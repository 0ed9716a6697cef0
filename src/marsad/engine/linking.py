"""Bring the reuse index up to date: link articles not yet indexed, against each other and
against everything indexed before. Each run only touches the new articles.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from marsad.engine.grouping import update_groups
from marsad.engine.pairlinks import link_pairs
from marsad.engine.rewrites import stored_rewrites
from marsad.engine.templates import update_templates
from marsad.link.pages import small_pages
from marsad.link.reuse import ReuseParams, find_reuse, judge, tabulate
from marsad.link.templates import TemplateParams
from marsad.link.verify import Shingled, scores
from marsad.store import Store
from marsad.store.records import IndexedText, NewText

StepProgress = Callable[[str, int, int], None]
"""Called as ``progress(step, done, total)`` while an update runs: ``done`` of the ``total``
units of the step named ``step`` are finished. Each step reports ``done=0`` when it starts and
``done=total`` when it ends; a step that cannot count its work has ``total=1``."""


BLOCK = 50_000
"""New articles linked at a time (what an update holds in memory grows with it)."""


def no_progress(step: str, done: int, total: int) -> None:
    """The progress callback when none is given."""


@dataclass(slots=True)
class LinkReport:
    """What one update of the reuse index did."""

    articles: int = 0
    candidates: int = 0
    links: int = 0
    seconds: float = 0.0


@small_pages()
def update_reuse(
    store: Store,
    params: ReuseParams | None = None,
    workers: int = 1,
    progress: StepProgress | None = None,
    block: int = BLOCK,
) -> LinkReport:
    """Index the articles added since the last update and store the reuse links they make
    (``progress``, when given, hears of each step: see ``StepProgress``).

    New articles are taken ``BLOCK`` at a time (by id): the first block of an empty index is
    linked among itself in memory, each later one among itself and against everything
    indexed before it, through the stored index. Memory follows the block, not the store."""
    params = params or ReuseParams()
    step = progress or no_progress
    start = time.perf_counter()
    report = LinkReport()
    while True:
        step("reading new articles", 0, 1)
        new = store.reuse.unlinked(block)
        step("reading new articles", 1, 1)
        if not new:
            break
        done = _update_block(store, new, params, workers, step)
        report.articles += len(new)
        report.candidates += done.candidates
        report.links += done.links
        if len(new) < block:
            break
    step("grouping copies", 0, 1)
    update_groups(store)
    step("grouping copies", 1, 1)
    report.seconds = time.perf_counter() - start
    return report


def _update_block(
    store: Store,
    new: list[NewText],
    params: ReuseParams,
    workers: int,
    step: StepProgress,
) -> LinkReport:
    """``update_reuse`` of one block of new articles (id, normalized body)."""
    report = LinkReport(articles=len(new))
    ids = [t.id for t in new]
    step("shingling", 0, len(new))
    docs = {t.id: t.text for t in new}
    tabled = tabulate(docs, params, workers)  # the shingles of the index and of the batch
    of_id = tabled.shingled(params.shingles)
    shingled = [of_id[i] for i in ids]
    samples = tabled.verify_samples()  # the rewrite stage's, for the stored-rewrite lookup
    step("shingling", len(new), len(new))
    step("finding candidate pairs", 0, len(new))
    found = (
        {(p.a, p.b): p for p in find_reuse(docs, params, workers, tabled)} if len(new) > 1 else {}
    )
    del tabled, of_id
    step("finding candidate pairs", len(new), len(new))
    report.candidates = len(found)
    if store.reuse.indexed_count():
        stored = _StoredShingles(store)
        for done, (item, (arts, fps)) in enumerate(zip(new, shingled, strict=True)):
            article_id = item.id
            step("matching the stored index", done, len(new))
            enough = min(params.min_shared, len(np.unique(fps)))
            matched = store.reuse.matches(fps, params.max_df)
            same = set(store.reuse.identical(item.text))  # however common their passages
            candidates = same | {other for other, shared in matched.items() if shared >= enough}
            for other in sorted(candidates):
                report.candidates += 1
                theirs = stored.get(other)
                key = (min(article_id, other), max(article_id, other))
                a, b = (arts, theirs) if key[0] == article_id else (theirs, arts)
                s = scores(a, b, params.shingles.n)
                pair = judge(*key, s, other in same, params)
                if pair is not None:
                    found[key] = pair
        step("matching the stored index", len(new), len(new))
    step("matching stored rewrites", 0, 1)  # light rewrites of stored articles
    found.update(stored_rewrites(store, new, found, params, samples))
    step("matching stored rewrites", 1, 1)
    links = link_pairs(
        store,
        [pair for _, pair in sorted(found.items())],
        params.shingles.n,
        workers,
        lambda done: step("aligning passages", done, len(found)),
    )
    step("aligning passages", len(found), len(found))
    indexed = [IndexedText(ids[k], arts.seq, fps) for k, (arts, fps) in enumerate(shingled)]
    step("saving links", 0, 1)
    store.reuse.save(indexed, links)
    step("saving links", 1, 1)
    step("marking templates", 0, 1)  # an outlet's template passage is not a copy
    update_templates(
        store,
        [(x.id, x.fingerprints) for x in indexed],
        TemplateParams(reuse=params),
        {x.id: x.shingles for x in indexed},
    )
    step("marking templates", 1, 1)
    report.links = len(links)
    return report


class _StoredShingles:
    """Stored articles' shingles, read once per update however many new articles they match
    (the most recent ``size`` kept)."""

    def __init__(self, store: Store, size: int = 8192) -> None:
        self.get = functools.lru_cache(maxsize=size)(
            lambda article_id: Shingled.of(store.reuse.shingles(article_id))
        )

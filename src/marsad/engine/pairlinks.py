"""Turn reuse pairs into stored links: decide each pair's origin and align its passages.

This is the slow half of a reuse update (a few milliseconds a pair, in Python: each article's
words and spans, its credits, then each pair's alignment), so with ``workers`` > 1 and enough
pairs it runs on worker processes, each reading the articles it needs through its own
connection to the store. The result does not depend on the number of workers.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Sequence

from marsad.link.align import AlignText, align_rewritten, align_texts
from marsad.link.origin import decide
from marsad.link.reuse import ReusePair
from marsad.models import ReuseLink
from marsad.store import SQLiteStore

PARALLEL_MIN = 2000
"""Pairs below which worker processes do not pay for their start."""
_CHUNK = 500  # pairs per task: a worker's cache holds the articles of neighbouring pairs


def link_pairs(
    store: SQLiteStore,
    pairs: Sequence[ReusePair],
    n: int,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[ReuseLink]:
    """The link of each pair (sorted by ids: neighbours share articles), in order;
    ``progress(done)`` hears how many are done."""
    tell = progress or (lambda done: None)
    if workers <= 1 or len(pairs) < PARALLEL_MIN or not store.path.is_file():
        prepared = _Prepared(store, n)
        links = []
        for done, pair in enumerate(pairs):
            tell(done)
            links.append(_link(prepared, pair, n))
        return links
    tasks = [pairs[k : k + _CHUNK] for k in range(0, len(pairs), _CHUNK)]
    links = []
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_open, initargs=(str(store.path), n)) as pool:
        for found in pool.imap(_link_task, tasks):
            links += found
            tell(len(links))
    return links


class _Prepared:
    """Articles and their alignment texts, prepared once for all the links they take part in
    (links come sorted by their first article, so a small cache holds what is reused: an
    article with its words, spans and shingles takes about 150 KB)."""

    def __init__(self, store: SQLiteStore, n: int) -> None:
        self.get = functools.lru_cache(maxsize=1024)(
            lambda article_id: (a := store.article(article_id), AlignText.of(a.body, n))
        )


_WORKER: list[tuple[_Prepared, int]] = []  # in a worker process: its cache and n


def _open(path: str, n: int) -> None:
    """A worker's start: its own connection (the parent's is never used after the fork)."""
    _WORKER[:] = [(_Prepared(SQLiteStore(path), n), n)]


def _link_task(pairs: Sequence[ReusePair]) -> list[ReuseLink]:
    prepared, n = _WORKER[0]
    return [_link(prepared, pair, n) for pair in pairs]


def _link(cache: _Prepared, pair: ReusePair, n: int) -> ReuseLink:
    (a, text_a), (b, text_b) = cache.get(pair.a), cache.get(pair.b)
    origin = decide(a, b, pair.contain_a, pair.contain_b)
    aligned = align_rewritten if pair.rewrite else functools.partial(align_texts, n=n)
    passages = tuple(
        (p.a_start, p.a_end, p.b_start, p.b_end, p.words) for p in aligned(text_a, text_b)
    )
    longest = pair.longest
    if longest is None:  # the shares decided the pair; the alignment measures the passage
        longest = max((p[4] for p in passages), default=0)
    return ReuseLink(
        a=pair.a,
        b=pair.b,
        kind=pair.kind,
        jaccard=pair.jaccard,
        contain_a=pair.contain_a,
        contain_b=pair.contain_b,
        longest=longest,
        origin=origin.origin,
        copy=origin.copy,
        reasons=origin.reasons,
        uncredited=origin.uncredited,
        dropped=origin.dropped,
        passages=passages,
        origin_credit=origin.origin_credit,
        rewrite=pair.rewrite,
    )

"""Turn reuse pairs into stored links: decide each pair's origin and align its passages.

A pair the rewrite stage proposed is dropped here when its alignment shows the two texts name
different states where they differ word for word (an issuer's template with its names
changed, not a rewrite: ``link/names.py``). Both paths of an update (a first index in memory,
later articles against the stored one) link their pairs here, so both keep the same ones.

This is the slow half of a reuse update (a few milliseconds a pair, in Python: each article's
words and spans, its credits, then each pair's alignment), so with ``workers`` > 1 and enough
pairs it runs on worker processes, each reading the articles it needs through its own
connection to the store. The result does not depend on the number of workers.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections import defaultdict, deque
from collections.abc import Callable, Sequence

from marsad.link.align import AlignText, align_rewritten, align_texts, stem_matcher
from marsad.link.names import swaps_states
from marsad.link.origin import Side, decide_sides
from marsad.link.reuse import ReusePair
from marsad.models import ReuseLink
from marsad.store import Store

PARALLEL_MIN = 2000
"""Pairs below which worker processes do not pay for their start."""
_CHUNK = 500  # pairs per task: a worker's cache holds the articles of neighbouring pairs


def link_pairs(
    store: Store,
    pairs: Sequence[ReusePair],
    n: int,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[ReuseLink]:
    """The link of each pair, in order, but for the rewrite pairs that swap states (above);
    ``progress(done)`` hears how many pairs are done.

    The pairs are taken in an order where the pairs of an article come close together, so
    that each article is read and prepared about once (in the order given, by ids, an
    article's later pairs have left the cache)."""
    tell = progress or (lambda done: None)
    order = local_order(pairs)
    ordered = [pairs[k] for k in order]
    found: list[ReuseLink | None] = []
    opener = store.opener()
    if workers <= 1 or len(pairs) < PARALLEL_MIN or opener is None:
        prepared = _Prepared(store, n)
        for done, pair in enumerate(ordered):
            tell(done)
            found.append(_link(prepared, pair, n))
    else:
        tasks = [ordered[k : k + _CHUNK] for k in range(0, len(ordered), _CHUNK)]
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_open, initargs=(opener, n)) as pool:
            for task in pool.imap(_link_task, tasks):
                found += task
                tell(len(found))
    links: list[ReuseLink | None] = [*found]
    for k, link in zip(order, found, strict=True):
        links[k] = link
    return [link for link in links if link is not None]


def local_order(pairs: Sequence[ReusePair]) -> list[int]:
    """Indexes of ``pairs`` in an order that keeps the pairs of an article together: the
    articles numbered breadth first through the pairs, the pairs sorted by their numbers."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        neighbours[pair.a].append(pair.b)
        neighbours[pair.b].append(pair.a)
    rank: dict[str, int] = {}
    for start in neighbours:
        if start in rank:
            continue
        rank[start] = len(rank)
        queue = deque([start])
        while queue:
            for other in neighbours[queue.popleft()]:
                if other not in rank:
                    rank[other] = len(rank)
                    queue.append(other)

    def ranks(k: int) -> tuple[int, int]:
        a, b = rank[pairs[k].a], rank[pairs[k].b]
        return (a, b) if a < b else (b, a)

    return sorted(range(len(pairs)), key=ranks)


class _Prepared:
    """Articles with their alignment texts and origin sides, prepared once for all the links
    they take part in (links come in ``local_order``, so a small cache holds what is reused:
    an article with its words, spans and shingles takes about 150 KB)."""

    def __init__(self, store: Store, n: int) -> None:
        self.get = functools.lru_cache(maxsize=1024)(
            lambda article_id: (
                (a := store.article(article_id)),
                AlignText.of(a.body, n),
                Side.of(a),
            )
        )


_WORKER: list[tuple[_Prepared, int]] = []  # in a worker process: its cache and n


def _open(opener: Callable[[], Store], n: int) -> None:
    """A worker's start: its own connection (the parent's is never used after the fork)."""
    _WORKER[:] = [(_Prepared(opener(), n), n)]


def _link_task(pairs: Sequence[ReusePair]) -> list[ReuseLink | None]:
    prepared, n = _WORKER[0]
    return [_link(prepared, pair, n) for pair in pairs]


def _link(cache: _Prepared, pair: ReusePair, n: int) -> ReuseLink | None:
    (_, text_a, side_a), (_, text_b, side_b) = cache.get(pair.a), cache.get(pair.b)
    if pair.rewrite:
        matcher = stem_matcher(text_a, text_b)
        if swaps_states(text_a.words, text_b.words, matcher.get_opcodes()):
            return None
        found = align_rewritten(text_a, text_b, matcher=matcher)
    else:
        found = align_texts(text_a, text_b, n)
    origin = decide_sides(side_a, side_b)
    passages = tuple((p.a_start, p.a_end, p.b_start, p.b_end, p.words) for p in found)
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

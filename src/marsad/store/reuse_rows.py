"""How reuse rows are written and read: links as table rows and back, and the postings of
the fingerprint index (values sorted, as SQLite stores 64-bit integers)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from marsad.models import ReuseLink
from marsad.store.records import Values

LINK_COLUMNS = (
    "a, b, kind, jaccard, contain_a, contain_b, longest, origin, copy, reasons, uncredited, "
    "dropped, passages, origin_credit, rewrite"
)


def signed(fingerprints: Iterable[int]) -> list[int]:
    """Distinct 64-bit values, sorted, as SQLite stores them (signed)."""
    values = sorted({int(fp) for fp in fingerprints})
    signed: list[int] = np.array(values, dtype=np.uint64).view(np.int64).tolist()
    return signed


def postings(
    items: Iterable[tuple[str, Values]], articles: int = 5000
) -> Iterator[list[tuple[int, str]]]:
    """``(value, article id)`` rows of each article's distinct values (64-bit, stored as signed
    integers), sorted by value within each run of ``articles`` articles: an index takes sorted
    rows with far fewer page reads and writes than rows in article order."""
    batch: list[tuple[str, Values]] = []
    for item in items:
        batch.append(item)
        if len(batch) == articles:
            yield _sorted_rows(batch)
            batch = []
    if batch:
        yield _sorted_rows(batch)


def _sorted_rows(batch: list[tuple[str, Values]]) -> list[tuple[int, str]]:
    values = [np.unique(np.asarray(v, dtype=np.uint64)) for _, v in batch]
    owner = np.repeat(np.arange(len(batch)), [len(v) for v in values])
    signed = np.concatenate(values).view(np.int64) if values else np.empty(0, np.int64)
    order = np.lexsort((owner, signed))
    ids = [article_id for article_id, _ in batch]
    return list(zip(signed[order].tolist(), [ids[k] for k in owner[order].tolist()], strict=True))


def link_row(link: ReuseLink) -> tuple[Any, ...]:
    return (
        link.a,
        link.b,
        link.kind,
        link.jaccard,
        link.contain_a,
        link.contain_b,
        link.longest,
        link.origin,
        link.copy,
        json.dumps(link.reasons, ensure_ascii=False),
        int(link.uncredited),
        json.dumps(link.dropped, ensure_ascii=False),
        json.dumps(link.passages),
        link.origin_credit,
        int(link.rewrite),
    )


def link_of(r: Sequence[Any], light: bool = False) -> ReuseLink:
    """A stored link; ``light``: without what telling copies apart does not read (no reasons
    or dropped credits; passages only for a partial link, whose lead share they give)."""
    whole = not light or r[2] == "partial"
    return ReuseLink(
        a=r[0],
        b=r[1],
        kind=r[2],
        jaccard=r[3],
        contain_a=r[4],
        contain_b=r[5],
        longest=r[6],
        origin=r[7],
        copy=r[8],
        reasons=() if light else tuple(json.loads(r[9])),
        uncredited=bool(r[10]),
        dropped=() if light else tuple(json.loads(r[11])),
        passages=tuple(tuple(p) for p in json.loads(r[12])) if whole else (),
        origin_credit=r[13],
        rewrite=bool(r[14]),
    )

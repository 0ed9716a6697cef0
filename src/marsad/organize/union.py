"""Items joined by pairs (union-find): what starts events from copies, for the clustering and
for the consolidation cut alike."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def joined(
    n: int, pairs: Iterable[tuple[int, int]], apart: Sequence[bool] | None = None
) -> list[int]:
    """For each of ``n`` items, the smallest item it is joined to through ``pairs``, taken in
    order; a pair that would join two groups each holding an item marked in ``apart`` is
    left out."""
    parent = list(range(n))
    fixed = list(apart) if apart is not None else [False] * n

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb and not (fixed[ra] and fixed[rb]):
            keep, gone = min(ra, rb), max(ra, rb)
            parent[gone] = keep
            fixed[keep] = fixed[keep] or fixed[gone]
    return [find(k) for k in range(n)]

"""Items joined by pairs (union-find): what starts events from copies, for the clustering and
for the consolidation cut alike."""

from __future__ import annotations

from collections.abc import Iterable


def joined(n: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """For each of ``n`` items, the smallest item it is joined to through ``pairs``."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(k) for k in range(n)]

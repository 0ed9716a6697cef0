"""Groups of reusing articles: connected components of reuse links, each with one origin."""

from __future__ import annotations

from collections import Counter
from typing import Any

from marsad.models import ReuseLink


def group_links(links: list[ReuseLink]) -> list[dict[str, Any]]:
    """Components of the link graph; a group's origin is the article most often found origin."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[find(link.a)] = find(link.b)
    members: dict[str, list[ReuseLink]] = {}
    for link in links:
        members.setdefault(find(link.a), []).append(link)
    groups = []
    for group_links_ in members.values():
        articles = sorted({x for link in group_links_ for x in (link.a, link.b)})
        votes = Counter(link.origin for link in group_links_ if link.origin)
        origin = votes.most_common(1)[0][0] if votes else None
        groups.append(
            {
                "articles": articles,
                "origin": origin,
                "kinds": sorted({link.kind for link in group_links_}),
                "uncredited": sorted(
                    {link.copy for link in group_links_ if link.uncredited and link.copy}
                ),
                "links": len(group_links_),
            }
        )
    return sorted(groups, key=lambda g: (-len(g["articles"]), g["articles"]))

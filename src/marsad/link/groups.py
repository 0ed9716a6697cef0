"""Reuse groups a deduplicator can trust: each holds copies of ONE text, and one article to keep.

Members are joined only by copy links (``copies.is_copy``: exact, near, or one article mostly
inside the other and opening it), so partial links cannot chain different stories into one
group: a partial link between two different texts relates their groups, it does not merge
them. Template links (an outlet's template passage) neither join nor relate.

Every group keeps exactly one article, by the first rule that decides:

1. ``origin``: the member the group's links name as origin more often than as copy (net
   votes, most first);
2. ``earliest``: the member published on the earliest day (members without a date last);
3. ``longest``: the most complete member (the longest body);

ties left by a rule go to the next ones, then to the smallest id.

>>> from marsad.models import ReuseLink
>>> def link(a: str, b: str, origin: str | None) -> ReuseLink:
...     copy = None if origin is None else ({a, b} - {origin}).pop()
...     return ReuseLink(a, b, "near", 0.9, 0.9, 0.9, 40, origin, copy, (), False, (), ())
>>> facts = {"x": Member("2015-07-02", "x x"), "y": Member("2015-07-01", "y"),
...          "z": Member(None, "z z z")}
>>> [g.keep_rule + ":" + g.keep for g in group_links([link("x", "y", None),
...     link("y", "z", None)], facts.__getitem__)]
['earliest:y']
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from marsad.link.copies import COPY_CONTAINMENT, COPY_LEAD, is_copy
from marsad.models import KeepRule, ReuseGroup, ReuseLink


@dataclass(frozen=True, slots=True)
class Member:
    """What grouping needs to know of an article: its publication date (ISO) and its body."""

    published: str | None
    body: str


def group_links(
    links: Iterable[ReuseLink],
    member: Callable[[str], Member],
    min_containment: float | None = COPY_CONTAINMENT,
    min_lead: float = COPY_LEAD,
) -> list[ReuseGroup]:
    """The groups of copies among ``links`` (``member`` tells an article's date and body),
    largest first, then by ids; ``related_groups`` number them in that order."""
    member = functools.lru_cache(maxsize=8192)(member)
    copies, relations = split_links(links, lambda x: member(x).body, min_containment, min_lead)
    by_name: dict[str, list[ReuseLink]] = {}
    named = {x: name for name, xs in components((c.a, c.b) for c in copies).items() for x in xs}
    for link in copies:
        by_name.setdefault(named[link.a], []).append(link)
    groups = sorted(
        (group_of(links_, member) for links_ in by_name.values()),
        key=lambda g: (-len(g.articles), g.articles),
    )
    return _related(groups, relations)


def split_links(
    links: Iterable[ReuseLink],
    body_of: Callable[[str], str],
    min_containment: float | None = COPY_CONTAINMENT,
    min_lead: float = COPY_LEAD,
) -> tuple[list[ReuseLink], list[ReuseLink]]:
    """``links`` that join a group (``is_copy``), and the partial ones that relate groups."""
    copies: list[ReuseLink] = []
    relations: list[ReuseLink] = []
    for link in links:
        if is_copy(link, body_of, min_containment, min_lead):
            copies.append(link)
        elif link.kind == "partial":
            relations.append(link)
    return copies, relations


def components(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """The connected components of ``pairs``, each named by its smallest id, members sorted.

    >>> components([("b", "c"), ("d", "c"), ("x", "y")])
    {'b': ['b', 'c', 'd'], 'x': ['x', 'y']}
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    found: dict[str, list[str]] = {}
    for x in sorted(parent):
        found.setdefault(find(x), []).append(x)
    return {members[0]: members for members in sorted(found.values())}


def group_of(links: Sequence[ReuseLink], member: Callable[[str], Member]) -> ReuseGroup:
    """The group the copy links ``links`` make (they join its articles)."""
    articles = tuple(sorted({x for link in links for x in (link.a, link.b)}))
    keep, rule = keep_of(articles, links, member)
    uncredited = {
        link.copy for link in links if link.uncredited and link.copy and link.copy != keep
    }
    return ReuseGroup(
        articles=articles,
        keep=keep,
        keep_rule=rule,
        origin=keep if rule == "origin" else None,
        kinds=tuple(sorted({link.kind for link in links})),
        uncredited=tuple(sorted(uncredited)),
        links=len(links),
    )


def keep_of(
    articles: Iterable[str], links: Iterable[ReuseLink], member: Callable[[str], Member]
) -> tuple[str, KeepRule]:
    """The article a group keeps and the rule that chose it (see the module)."""
    net: Counter[str] = Counter()
    for link in links:
        if link.origin and link.copy:
            net[link.origin] += 1
            net[link.copy] -= 1

    def day(x: str) -> str:
        return (member(x).published or "")[:10] or "9999"  # undated: last

    def length(x: str) -> int:
        return len(member(x).body)

    candidates = sorted(articles)
    best = max((net[x] for x in candidates), default=0)
    if best > 0:
        candidates = [x for x in candidates if net[x] == best]
        rule: KeepRule = "origin"
    else:
        first = min(day(x) for x in candidates)
        rule = "longest" if first == "9999" else "earliest"
        candidates = [x for x in candidates if day(x) == first]
    keep = min(candidates, key=lambda x: (day(x), -length(x), x))
    return keep, rule


def _related(groups: list[ReuseGroup], relations: list[ReuseLink]) -> list[ReuseGroup]:
    """Each group with the articles outside it that partial links relate it to, and the
    numbers of their groups."""
    number = {x: n for n, group in enumerate(groups, 1) for x in group.articles}
    related: dict[int, set[str]] = {}
    for link in relations:
        for x, y in ((link.a, link.b), (link.b, link.a)):
            if x in number and number.get(y) != number[x]:
                related.setdefault(number[x], set()).add(y)
    out = []
    for n, group in enumerate(groups, 1):
        others = sorted(related.get(n, ()))
        numbers = sorted({number[y] for y in others if y in number})
        out.append(replace(group, related=tuple(others), related_groups=tuple(numbers)))
    return out

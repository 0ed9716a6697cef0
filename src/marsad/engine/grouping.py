"""Keep the reuse groups (``link/groups.py``) up to date in the store, and list the largest.

Grouping every link again would read every link the store holds, however few are new. A link
written or re-kinded marks its two articles (a trigger); an update reads, under the write
lock, the marked articles and every member of the groups they were in, follows copy links
from them until nothing new is reached, and stores the components it found in place of those
groups. What it reads is what the new links touch: the groups of the articles they join.

Listing the ``limit`` largest reads those groups' links, and the partial links that relate
them to others, not the store's. The whole listing (no limit, or one kind of link) groups
every link at once (``link.groups.group_links``); both give the same groups in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace

from marsad.errors import StoreLockedError, StoreReadOnlyError
from marsad.link.copies import COPY_CONTAINMENT, COPY_LEAD
from marsad.link.groups import Member, components, group_of, split_links
from marsad.models import ReuseGroup, ReuseLink
from marsad.store import Store
from marsad.store.records import GroupSize

CHUNK = 20_000  # articles whose links are read at a time while following copy links


def update_groups(store: Store, wait: bool = True) -> int:
    """Regroup the articles whose links changed since the last update (and what their copy
    links reach); return how many articles were regrouped. ``wait=False``: when another
    process holds the write lock (an ingest), or the file cannot be written, regroup nothing
    now (the changes stay marked for a later call) rather than wait."""
    tables = store.reuse_groups
    if not tables.changed():  # nothing to do: no write lock taken
        return 0
    try:
        return _regroup(store, tables.batch(wait))
    except (StoreLockedError, StoreReadOnlyError):
        if wait:
            raise
        return 0


def _regroup(store: Store, batch: AbstractContextManager[None]) -> int:
    """``update_groups`` inside ``batch`` (the write transaction)."""
    tables = store.reuse_groups
    with batch:
        changed = tables.changed()
        if not changed:
            return 0
        reach = set(changed) | set(tables.members(set(tables.groups_of(changed).values())))
        frontier = sorted(reach)
        pairs: list[tuple[str, str]] = []
        while frontier:
            grown: set[str] = set()
            for start in range(0, len(frontier), CHUNK):
                copies, _ = _copies(store, frontier[start : start + CHUNK])
                for link in copies:
                    pairs.append((link.a, link.b))
                    grown.update(x for x in (link.a, link.b) if x not in reach)
            reach |= grown
            frontier = sorted(grown)
        tables.regroup(sorted(reach), components(pairs), changed)
    return len(reach)


def largest_groups(
    store: Store, limit: int, member: Callable[[str], Member], skip: int = 0
) -> list[ReuseGroup]:
    """The ``limit`` largest stored groups after the first ``skip`` (kept up to date first
    when the write lock is free: a reader does not wait for an ingest, and sees the groups as
    the last regrouping left them), numbered as in the whole listing, with the articles
    partial links relate them to. Read in one snapshot, so a regrouping by another process
    meanwhile cannot leave a listed group without its members."""
    update_groups(store, wait=False)
    tables = store.reuse_groups
    with tables.snapshot():
        return _largest(store, tables.largest(limit, skip), member, skip)


def _largest(
    store: Store, groups: Iterable[GroupSize], member: Callable[[str], Member], skip: int
) -> list[ReuseGroup]:
    tables = store.reuse_groups
    names = [group.name for group in groups]
    group_of_article = tables.members(names)
    # every member's date and body in one read, not one article at a time
    known = {
        r.id: Member(r.published, r.body)
        for r in store.event_index.inputs(sorted(group_of_article), bodies=True)
    }

    def lookup(article_id: str) -> Member:
        return known.get(article_id) or member(article_id)

    copies, relations = _copies(store, sorted(group_of_article), relations=True)
    by_name: dict[str, list[ReuseLink]] = {}
    for link in copies:
        name = group_of_article.get(link.a)
        if name is not None and group_of_article.get(link.b) == name:
            by_name.setdefault(name, []).append(link)
    related: dict[str, set[str]] = {}
    for a, b in relations:
        for x, y in ((a, b), (b, a)):
            if x in group_of_article and group_of_article.get(y) != group_of_article[x]:
                related.setdefault(group_of_article[x], set()).add(y)
    others = tables.groups_of({y for ys in related.values() for y in ys})
    numbers = {name: n for n, name in enumerate(names, skip + 1)}
    numbers.update(tables.numbers(set(others.values()) - set(numbers)))
    out = []
    for name in names:
        if name not in by_name:  # its copy links changed since it was kept, and a writer held
            continue  # the lock (``update_groups(wait=False)``): it is a group no more
        group = group_of(by_name[name], lookup)
        outside = sorted(related.get(name, ()))
        listed = sorted({numbers[others[y]] for y in outside if others.get(y) in numbers})
        out.append(replace(group, related=tuple(outside), related_groups=tuple(listed)))
    return out


def _copies(
    store: Store, ids: Sequence[str], relations: bool = False
) -> tuple[list[ReuseLink], list[tuple[str, str]]]:
    """The copy links of articles ``ids`` (``link.copies.is_copy``) and, when asked, the
    (a, b) of the partial links that relate them to other texts: those among the copy
    candidates that are not copies, and the partial links too little inside either article
    to be one (read as pairs alone)."""
    links = store.reuse.copy_candidates(COPY_CONTAINMENT, ids, light=True)
    larger = {k.b if k.contain_a >= k.contain_b else k.a for k in links if k.kind == "partial"}
    bodies = {r.id: r.body for r in store.event_index.inputs(sorted(larger), bodies=True)}
    copies, partial = split_links(links, lambda x: bodies.get(x, ""), COPY_CONTAINMENT, COPY_LEAD)
    if not relations:
        return copies, []
    pairs = {(k.a, k.b) for k in partial} | set(store.reuse.partial_pairs_of(ids, COPY_CONTAINMENT))
    return copies, sorted(pairs)

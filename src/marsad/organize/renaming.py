"""Names that outlive a consolidation: an event keeps the id it had when it holds most of the
reports it had, so that a link to ``/events/e3f…`` or an id printed by ``marsad events`` still
finds it after ``marsad rebuild`` or a consolidation has grouped everything again.

A consolidation names each group after its first report in (date, id) order. That name is a
function of the group alone, but it changes when a report dated earlier joins (an undated
report is sorted last, so the first dated report to join renames it). ``kept_names`` gives each
new group the name of the stored group holding most of its members, most shared first, each old
name to one new group; a group that shares no member with a stored one, or whose old group went
to a group sharing more, keeps the name it was given, or takes the name of another of its
members when another group kept that one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

__all__ = ["kept_names"]


def kept_names(
    groups: Mapping[str, Sequence[str]], old_of: Mapping[str, str], prefix: str
) -> dict[str, str]:
    """For each new group (its given name → its members, the first one it is named after),
    the name it keeps; ``old_of`` gives the stored group of each member that had one.

    >>> kept_names({"ea": ["a", "b"], "ec": ["c"]}, {"b": "eb", "a": "eb", "c": "eb"}, "e")
    {'ea': 'eb', 'ec': 'ec'}
    >>> kept_names({"ea": ["a", "c"], "eb": ["b", "x"]}, {"b": "ea", "x": "ea"}, "e")
    {'eb': 'ea', 'ea': 'ec'}
    """
    shared: Counter[tuple[str, str]] = Counter(
        (name, old_of[member])
        for name, members in groups.items()
        for member in members
        if member in old_of
    )
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for (name, old), _ in sorted(
        shared.items(), key=lambda item: (-item[1], item[0][1], item[0][0])
    ):
        if name not in chosen and old not in taken:
            chosen[name] = old
            taken.add(old)
    for name, members in groups.items():
        if name in chosen:
            continue
        options = [name, *(prefix + member for member in members)]
        free = next((option for option in options if option not in taken), None)
        suffix = 1
        while free is None:  # every member's name is another group's: a numbered one
            free = f"{name}-{suffix}" if f"{name}-{suffix}" not in taken else None
            suffix += 1
        chosen[name] = free
        taken.add(free)
    return chosen

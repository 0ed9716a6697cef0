"""What a page read by its key asks of SQL: to start after the last item's key, and to keep the
items whose day falls between two days (``web/api.py``'s lists)."""

from __future__ import annotations

__all__ = [
    "NAMING_ARTICLES",
    "NAMING_EVENTS",
    "Conditions",
    "after_key",
    "day_range",
    "page_conditions",
]

Conditions = tuple[list[str], list[str]]
"""SQL conditions (ANDed) and the values they bind, in order."""


def after_key(key: str, after: tuple[str, str] | None, descending: bool) -> Conditions:
    """Rows after the one whose (``key``, id) is ``after``, in the page's order.

    Written as a bound on ``key`` and a tie on id rather than as a row value, ``(key, id) <
    (?, ?)``: SQLite seeks an index on ``key`` to the bound (a row value over an expression
    index made it read every entry before the page, so a late page cost the whole list).

    >>> after_key("day", ("2015-07-20", "a9"), True)
    (['day <= ? AND (day < ? OR id < ?)'], ['2015-07-20', '2015-07-20', 'a9'])
    """
    if after is None:
        return [], []
    sign = "<" if descending else ">"
    day, last = after
    return [f"{key} {sign}= ? AND ({key} {sign} ? OR id {sign} ?)"], [day, day, last]


def day_range(key: str, since: str | None, until: str | None) -> Conditions:
    """Rows whose ``key`` (an ISO day, month or year, or a timestamp) falls between two ISO
    days: a month or a year is compared with as much of the bound, and a row without a day
    is kept only when no bound is given."""
    where, args = [], []
    for bound, sign in ((since, ">="), (until, "<=")):
        if bound is not None:
            where.append(f"{key} != '' AND substr({key}, 1, 10) {sign} substr(?, 1, length({key}))")
            args.append(bound)
    return where, args


def page_conditions(
    key: str,
    after: tuple[str, str] | None,
    descending: bool,
    since: str | None,
    until: str | None,
) -> Conditions:
    """``after_key`` and ``day_range`` together: where a page of a list starts, and its days."""
    where, args = after_key(key, after, descending)
    bounds, values = day_range(key, since, until)
    return where + bounds, args + values


NAMING_ARTICLES = (
    "SELECT m.article_id FROM entity_keys k JOIN entity_mentions m ON m.key = k.key "
    "WHERE k.entity_id = ?"
)
"""The articles that name an entity (one value bound: its id), for a list's entity filter."""
NAMING_EVENTS = (
    f"SELECT ea.event_id FROM event_articles ea WHERE ea.article_id IN ({NAMING_ARTICLES})"
)
"""The events with a report that names an entity (one value bound: its id)."""

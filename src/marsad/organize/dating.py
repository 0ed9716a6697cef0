"""When an event happened, as its reports say it.

A report's date is the first day-precise expression of its title and lead that resolves,
against the report's publication date (or, when its source gives none, the day it was
crawled), to a day within ``LOOKBACK_DAYS`` before it (or the day after, for "غدا"-style
announcements): the lead of a news report says when the happening occurred ("أمس", "اليوم
الاثنين", "مساء الثلاثاء"). A date further back is background ("في 15 مايو 1099 …"), not the
happening's day. Without any date to hold it against, a report gives no date: a year in its
text cannot tell the happening from its history. An event's date is the one most of its
reports give (the earliest on ties); when no report allows one, the date is unknown, never the
crawl date itself.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from marsad.analyze.dates import find_temporal

LEAD_CHARS = 1500
LOOKBACK_DAYS = 10


def text_date(title: str | None, body: str, reference: dt.date | None) -> tuple[str, str] | None:
    """``(ISO day, phrase)`` the report gives for its happening, or None (``reference``: the
    day it was published, or, when its source gives none, crawled)."""
    if reference is None:  # nothing to tell the happening's day from a date in the background
        return None
    text = f"{title or ''}\n{body[:LEAD_CHARS]}"
    for expr in find_temporal(text, reference):
        if expr.granularity != "day" or expr.earliest is None or expr.earliest != expr.latest:
            continue
        day = expr.earliest
        if reference - dt.timedelta(days=LOOKBACK_DAYS) <= day <= reference + dt.timedelta(days=1):
            return day.isoformat(), expr.text
    return None


def event_date(dates: Sequence[tuple[str, str] | None]) -> tuple[str | None, str | None]:
    """The date most reports give (earliest on ties) and the first phrase that gave it."""
    found = [d for d in dates if d]
    if not found:
        return None, None
    counts = Counter(day for day, _ in found)
    best = min(counts, key=lambda day: (-counts[day], day))
    return best, next(phrase for day, phrase in found if day == best)


def day_of(value: str | None) -> dt.date | None:
    """The day of an ISO date or datetime string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None

"""Dates found in metadata fields (feeds, WARC headers, JSON/CSV records) turned into ISO strings.

Only the forms metadata is written in are read here: ISO 8601, RFC 822, numeric day/month/year,
and a day with an English or Arabic month name («11 May 2020», «الاثنين 11 مايو 2020», «11 أيار/
مايو 2020 م»). Dates in running text («أمس», «الأحد الماضي») are the analyzer's job.
The wall-clock time is kept as written and a UTC offset is dropped: for news the local day is
what matters, and an offset-free ISO string sorts and compares simply.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_tz

from marsad.arabic.months import month_number, weekday_number

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)
_DAY_FIRST = re.compile(
    r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"
    r"(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?Z?")
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")
_PM = re.compile(r"\d\s*[Pp]\.?[Mm]\b")
_AM = re.compile(r"\d\s*[Aa]\.?[Mm]\b")
_NAMED_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B, %Y",
    "%a, %d %b %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
)
MIN_YEAR = 1800
"""The earliest year a metadata date may have; older ones are typing or parsing errors."""


def latest_year() -> int:
    """The latest year a metadata date may have: next year (a feed dated ahead by a time zone,
    or an embargoed item, is possible; a date further ahead is an error)."""
    return time.gmtime().tm_year + 1


def parse_meta_date(value: str) -> str | None:
    """Turn a metadata date into ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS``; None if unreadable.

    >>> parse_meta_date("2015-07-21 02:51:32")
    '2015-07-21T02:51:32'
    >>> parse_meta_date("Tue, 21 Jul 2015 02:51:32 +0300")
    '2015-07-21T02:51:32'
    >>> parse_meta_date("21/07/2015")
    '2015-07-21'
    """
    text = value.strip().translate(_DIGITS)
    if not text or len(text) > 80:
        return None
    found = _ISO.fullmatch(text)
    if found:
        year, month, day, hour, minute, second = found.groups()
        return _iso(year, month, day, hour, minute, second)
    found = _DAY_FIRST.fullmatch(text)
    if found:
        first, second_part, year, hour, minute, second = found.groups()
        day, month = first, second_part
        if int(second_part) > 12 >= int(first):  # month/day/year, as US feeds write it
            day, month = second_part, first
        return _iso(year, month, day, hour, minute, second)
    found = _COMPACT.fullmatch(text)
    if found:
        return _iso(*found.groups())
    if _EPOCH.fullmatch(text):
        return _from_epoch(int(text[:10]))
    return _rfc822(text) or _named(text) or _arabic_named(text)


def _iso(
    year: str,
    month: str,
    day: str,
    hour: str | None = None,
    minute: str | None = None,
    second: str | None = None,
) -> str | None:
    """Format validated parts; a date that does not exist (31 June) gives None."""
    try:
        if hour is None:
            stamp = datetime(int(year), int(month), int(day))
        else:
            stamp = datetime(
                int(year), int(month), int(day), int(hour), int(minute or 0), int(second or 0)
            )
    except ValueError:
        return None
    if not MIN_YEAR <= stamp.year <= latest_year():
        return None
    return stamp.date().isoformat() if hour is None else stamp.isoformat(timespec="seconds")


def _from_epoch(seconds: int) -> str | None:
    stamp = datetime.fromtimestamp(seconds, tz=UTC)
    if not MIN_YEAR <= stamp.year <= latest_year():
        return None
    return stamp.replace(tzinfo=None).isoformat(timespec="seconds")


def _rfc822(text: str) -> str | None:
    """RFC 822/1123 dates as feeds write them: ``Tue, 21 Jul 2015 02:51:32 +0300``."""
    if not any(char.isalpha() for char in text):
        return None
    parts = parsedate_tz(text)
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts[:6]
    if _PM.search(text) and hour < 12:  # parsedate ignores AM/PM
        hour += 12
    elif _AM.search(text) and hour == 12:
        hour = 0
    time = (str(hour), str(minute), str(second)) if ":" in text else ()
    return _iso(str(year), str(month), str(day), *time)


def _named(text: str) -> str | None:
    """English month names without a time: ``21 July 2015``, ``July 21, 2015``."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for pattern in _NAMED_FORMATS:
        try:
            stamp = datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return _iso(str(stamp.year), str(stamp.month), str(stamp.day))
    return None


_ARABIC_NAMED = re.compile(
    r"(?:(?P<weekday>[^\W\d_]+)[،,]?\s+)?(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+(?: [^\W\d_]+)?)"
    r"(?:\s*/\s*(?P<other>[^\W\d_]+(?: [^\W\d_]+)?))?[،,]?\s+(?P<year>\d{4})(?:\s*م\b)?"
    r"(?:[\s،,-]+(?:الساعة\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
)


def _arabic_named(text: str) -> str | None:
    """A day with an Arabic month name (any of its spellings: مايو، أيار، ماي), an optional
    weekday before it and a second spelling after a slash: ``الاثنين 11 أيار/مايو 2020``.

    >>> _arabic_named("11 مايو 2020"), _arabic_named("الاثنين، 11 أيار/مايو 2020 م 14:30")
    ('2020-05-11', '2020-05-11T14:30:00')
    >>> _arabic_named("11 غدا 2020"), _arabic_named("السبت 11 مايو 2020") is not None
    (None, True)
    """
    found = _ARABIC_NAMED.fullmatch(text)
    if found is None:
        return None
    weekday = found.group("weekday")
    if weekday is not None and weekday_number(weekday) is None:
        return None
    month = month_number(found.group("month"))
    other = found.group("other")
    if month is None or (other is not None and month_number(other) != month):
        return None
    hour = found.group("hour")
    parts = (found.group("hour"), found.group("minute"), found.group("second")) if hour else ()
    return _iso(found.group("year"), str(month), found.group("day"), *parts)

"""Publication dates stated in the text ("تاريخ النشر: 26th, January 2024", "نشر في 12 مايو 2020").

Only explicit, complete dates (day, month, year) count, and only where a page prints its own
date: on a line with a publication cue, or on a short line in the header before the report
starts. Dates inside the report are about events, not about publication; they are left to the
event-dating stage.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from marsad.arabic import MONTHS, normalize
from marsad.models import PubDate

_CUE_RE = re.compile(
    "^("
    + "|".join(
        re.escape(normalize(cue))
        for cue in ("تاريخ النشر", "تاريخ الخبر", "نشر في", "نشر بتاريخ", "آخر تحديث", "تم النشر")
    )
    + r"|published|posted on|posted|updated|last updated)\b\s*(?P<colon>:)?"
)
_CUE_MAX_WORDS = 12


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted(MONTHS, key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:19|20)\d{2})"
    pair = rf"(?P<m>{month})(?:\s*[/-]\s*(?P<m2>{month}))?"
    return (
        re.compile(rf"\b{day},?\s+(?:من\s+)?{pair},?\s+(?:عام\s+|سنه\s+)?{year}\b"),
        re.compile(rf"\b{pair}\s+{day},?\s+{year}\b"),
        re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<mn>\d{1,2})[-/.](?P<d>\d{1,2})\b"),
        re.compile(r"\b(?P<d>\d{1,2})[-/.](?P<mn>\d{1,2})[-/.](?P<y>(?:19|20)\d{2})\b"),
    )


def find_date(text: str) -> tuple[str, str] | None:
    """The first complete date in ``text`` as ``(ISO date, matched text)``, or None."""
    norm = normalize(text)
    for pattern in _patterns():
        for match in pattern.finditer(norm):
            groups = match.groupdict()
            month = int(groups["mn"]) if groups.get("mn") else MONTHS[groups["m"]]
            try:
                value = dt.date(int(groups["y"]), month, int(groups["d"]))
            except ValueError:
                continue
            return value.isoformat(), match.group(0)
    return None


def has_cue(line: str, normalized: bool = False) -> bool:
    """True when a line announces a publication date ("تاريخ النشر:", "Published:").

    ``normalized`` says the line has already been through ``normalize``.
    """
    text = (line if normalized else normalize(line)).strip()
    match = _CUE_RE.match(text)
    if match is None:
        return False
    return match.group("colon") is not None or len(text.split()) <= _CUE_MAX_WORDS


def date_from_lines(header: list[str], cued: list[str]) -> PubDate:
    """The publication date printed on a cued line, else on a short header line, else unknown."""
    for line in cued:
        found = find_date(line)
        if found:
            return PubDate(found[0], "text", 0.9, line.strip())
    for line in header:
        if len(line.split()) <= 8:
            found = find_date(line)
            if found:
                return PubDate(found[0], "text", 0.7, line.strip())
    return PubDate.unknown()

"""Weekdays that are every week, not one day: the days of a timetable.

A notice of opening hours («المكاتب: من الاثنين إلى الخميس: حصة واحدة – من الساعة الثامنة
صباحا...», «ويوم الجمعة من الساعة 8 صباحا إلى الساعة 12 و45 دق») names weekdays as a set: every
Monday to Thursday, every Friday. Such a weekday has hours right after it («من الساعة», a clock
time, a colon before either or «حصة») or right before it («(22.30) يومي الأحد والاثنين»), or it
is listed with one that has («من الاثنين إلى الخميس», «أيام الاثنين والثلاثاء والأربعاء»); and
the text is a timetable: two weekdays at least are so placed, or it says so («التوقيت الإداري»,
«حصة واحدة», «أبوابها»). One weekday with hours in an announcement («ينطلق المهرجان يوم الجمعة
من الساعة الثامنة») stays a day, and a programme's days («الاثنين: وصول الوفود») are days.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from marsad.analyze.temporal.candidate import Candidate
from marsad.analyze.temporal.lexicon import WEEKDAYS

__all__ = ["drop_timetables"]

_DAY_WORDS: Final = frozenset(name for name in WEEKDAYS if not name.isascii())
_CONNECTORS: Final = frozenset({"يوم", "يومي", "ايام", "نهار", "من", "الي", "و"})
_CLOCK: Final = r"\(?\d{1,2}[.:h]\d{2}\)?"
_HOURS: Final = rf"من[^\S\n]+(?:الساعه|\d)|بدايه[^\S\n]+من[^\S\n]+الساعه|{_CLOCK}"
_HOURS_AFTER: Final = re.compile(rf"[^\S\n]*(?::[^\S\n]*(?:حصه|{_HOURS})|{_HOURS})")
_HOURS_BEFORE: Final = re.compile(
    rf"(?:{_CLOCK}|صباحا|مساء|ليلا|الزوال|الظهر)[^\S\n,،]*(?:من[^\S\n]+)?\Z"
)
_TIMETABLE_WORDS: Final = re.compile(
    r"(?<!\w)(?:ال)?(?:توقيت|مواقيت|حصه[^\S\n]+(?:واحده|عمل|استمراريه)|ابوابها|شبابيكها)(?!\w)"
)


def drop_timetables(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without the weekdays of a timetable (see the module's docstring)."""
    days = [i for i, c in enumerate(candidates) if _weekdays_only(text, c)]
    timed = {i for i in days if _timed(text, candidates[i])}
    joined = [
        (before, after)
        for before, after in itertools.pairwise(days)
        if _joined(text[candidates[before].end : candidates[after].start])
    ]
    for before, after in (*joined, *reversed(joined)):  # along a list both ways
        if before in timed or after in timed:
            timed |= {before, after}
    if not timed or (len(timed) < 2 and _TIMETABLE_WORDS.search(text) is None):
        return candidates
    return [c for i, c in enumerate(candidates) if i not in timed]


def _weekdays_only(text: str, candidate: Candidate) -> bool:
    """Whether the expression is weekdays alone ("يوم الجمعة", "يومي الأحد والاثنين"), with no
    date, direction or day word that would make it one day."""
    if candidate.period is None and candidate.weekday is None:
        return False
    tokens = text[candidate.start : candidate.end].split()
    named = False
    for token in tokens:
        bare = token[1:] if token.startswith("و") and token[1:] in _DAY_WORDS else token
        if bare in _DAY_WORDS:
            named = True
        elif bare not in _CONNECTORS:
            return False
    return named


def _timed(text: str, candidate: Candidate) -> bool:
    """Whether hours follow or precede the weekdays closely."""
    if _HOURS_AFTER.match(text, candidate.end) is not None:
        return True
    return _HOURS_BEFORE.search(text[max(0, candidate.start - 24) : candidate.start]) is not None


_JOINED: Final = frozenset({"", "و", ",", "،", "الي", "حتي", "الي يوم", "حتي يوم", "ويوم", "و يوم"})


def _joined(between: str) -> bool:
    """Whether the text between two weekdays joins them in one list or range: "الاثنين إلى
    الخميس", "أيام الاثنين والثلاثاء والأربعاء والخميس"."""
    return " ".join(between.split()) in _JOINED

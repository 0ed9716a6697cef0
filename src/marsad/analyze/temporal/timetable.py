"""Weekdays that are every week, not one day: the days of a timetable.

A notice of opening hours («المكاتب: من الاثنين إلى الخميس: حصة واحدة – من الساعة الثامنة
صباحا...», «ويوم الجمعة من الساعة 8 صباحا إلى الساعة 12 و45 دق») names weekdays as a set: every
Monday to Thursday, every Friday. A text is a timetable when it says so («التوقيت الإداري»,
«أوقات العمل», «حصة واحدة», «حصة استمرارية», «شبابيكها») or when hours follow a range or a list of
weekdays («من الاثنين إلى الخميس من الساعة 8», «أيام الاثنين والثلاثاء والأربعاء والخميس من
الساعة»). In a timetable, a weekday with hours right after it («من الساعة», «من 8», a colon
before them or «حصة») or a clock in brackets right before it («(22.30) يومي الأحد والاثنين»),
and the weekdays listed with it, are the set. Outside one, weekdays with hours are days: an
election «يوم الأحد من الساعة الثامنة» and its results «يوم الاثنين من الساعة العاشرة», fixtures
«يوم السبت 20:00», a strike «يوم الثلاثاء والأربعاء من الساعة الثامنة».
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
_HOURS: Final = r"من[^\S\n]+(?:الساعه|\d)|بدايه[^\S\n]+من[^\S\n]+الساعه"
_HOURS_AFTER: Final = re.compile(rf"[^\S\n]*(?::[^\S\n]*(?:حصه|{_HOURS})|{_HOURS})")
_CLOCK_BEFORE: Final = re.compile(r"\(\d{1,2}[.:h]\d{2}\)[^\S\n]*(?:من[^\S\n]+)?\Z")
_TIMETABLE_WORDS: Final = re.compile(
    r"(?<!\w)(?:ال)?(?:توقيت[^\S\n]+(?:ال)?(?:اداري|عمل)|(?:اوقات|مواقيت)[^\S\n]+(?:ال)?عمل"
    r"|حصه[^\S\n]+(?:واحده|استمراريه)|شبابيكها)(?!\w)"
)
_RANGE: Final = frozenset({"الي", "حتي", "الي يوم", "حتي يوم"})
_LIST: Final = frozenset({"", "و", ",", "،", "ويوم", "و يوم"})
_A_LIST_OF: Final = re.compile(r"(?<!\w)ايام[^\S\n]+\Z")


def drop_timetables(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without the weekdays of a timetable (see the module's docstring)."""
    days = [i for i, c in enumerate(candidates) if _weekdays_only(text, c)]
    if not days:
        return candidates
    timed = {i for i in days if _timed(text, candidates[i])}
    if not timed:
        return candidates
    ranges, lists = [], []
    for before, after in itertools.pairwise(days):
        between = " ".join(text[candidates[before].end : candidates[after].start].split())
        if between in _RANGE:
            ranges.append((before, after))
        elif between in _LIST:
            lists.append((before, after))
    joined = ranges + lists
    for before, after in (*joined, *reversed(joined)):  # along a list both ways
        if before in timed or after in timed:
            timed |= {before, after}
    if not (
        any(before in timed for before, _ in ranges)
        or any(_many_weekdays(text, candidates, run) for run in _runs(lists, timed) if run & timed)
        or _TIMETABLE_WORDS.search(text) is not None
    ):
        return candidates
    return [c for i, c in enumerate(candidates) if i not in timed]


def _weekdays_only(text: str, candidate: Candidate) -> bool:
    """Whether the expression is weekdays alone ("يوم الجمعة", "يومي الأحد والاثنين"), with no
    date, direction or day word that would make it one day."""
    if candidate.period is None and candidate.weekday is None:
        return False
    named = False
    for token in text[candidate.start : candidate.end].split():
        bare = token[1:] if token.startswith("و") and token[1:] in _DAY_WORDS else token
        if bare in _DAY_WORDS:
            named = True
        elif bare not in _CONNECTORS:
            return False
    return named


def _timed(text: str, candidate: Candidate) -> bool:
    """Whether hours follow the weekdays, or a clock in brackets comes right before them."""
    if _HOURS_AFTER.match(text, candidate.end) is not None:
        return True
    return _CLOCK_BEFORE.search(text, max(0, candidate.start - 16), candidate.start) is not None


def _runs(pairs: list[tuple[int, int]], alone: set[int]) -> list[set[int]]:
    """The candidates joined in one list, from the pairs of neighbours joined, and each of
    ``alone`` in no list as a list of its own."""
    runs: list[set[int]] = []
    for before, after in pairs:
        if runs and before in runs[-1]:
            runs[-1].add(after)
        else:
            runs.append({before, after})
    listed = set().union(*runs) if runs else set()
    return runs + [{i} for i in sorted(alone - listed)]


def _many_weekdays(text: str, candidates: list[Candidate], run: set[int]) -> bool:
    """Whether a list names three weekdays or more, or follows «أيام» (every one of them)."""
    first = candidates[min(run)]
    named = sum(
        token.removeprefix("و") in _DAY_WORDS
        for i in run
        for token in text[candidates[i].start : candidates[i].end].split()
    )
    return named >= 3 or _A_LIST_OF.search(text, max(0, first.start - 8), first.start) is not None

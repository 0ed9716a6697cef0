"""The patterns that find temporal expressions in folded text: one alternative per rule.

``PATTERN`` holds every rule as one alternation. Tried at a word start, the rules go in
``RULES`` order and the first that matches wins; they are ordered so that a longer reading is
tried before a shorter one that starts at the same word ("الأحد 26 يوليو" as a date before
"الأحد", "العام الماضي" before "العام 2002"). ``match.lastgroup`` names the rule; group names
inside a rule start with the rule's name. Word lists are compiled as tries (``words``).

``PATTERN`` is not scanned over the whole text: every expression holds a ``CORE`` word (a
digit, a month, a weekday, a day word, a unit) among its first words, and ``marsad.analyze.
dates`` tries ``PATTERN`` only on the few words before each one. A rule's match is still only a
candidate: ``interpret`` checks its context and may drop it.

>>> match = PATTERN.match("امس الاحد")
>>> match.lastgroup, match.group()
('dayref', 'امس الاحد')
>>> [core.group() for core in CORE.finditer("قال في 7 ايار ان")]
['7', 'ايار']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from marsad.analyze.temporal.lexicon import (
    DIRECTIONS,
    DUALS,
    HIJRI_MONTHS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS,
    PREPOSITIONS,
    QUANTIFIERS,
    RELATIVE_DAYS,
    TIMES_OF_DAY,
    UNITS,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
    folded,
)

__all__ = ["CORE", "HIJRI_DATE", "OPT", "PATTERN", "RULES", "SP", "words"]

_WS: Final = r"[^\S\n]"  # expressions do not run across lines
SP: Final = _WS + "+"
OPT: Final = _WS + "*"
_END: Final = r"(?!\w)"


def words(spellings: Iterable[str]) -> str:
    """An alternation of folded ``spellings`` built as a trie, spaces matching any run of spaces.

    ``re`` skips an alternative whose first character differs at no cost, so a trie of a
    hundred names costs a few comparisons where a flat alternation would try them all. Longer
    words are tried first: a word that ends where a longer one goes on is an optional suffix.
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in spellings:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(tree) + ")"


def _trie(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        (SP if char == " " else re.escape(char)) + _trie(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_MONTH_NAMES: Final = {
    *MONTHS,
    *(f"{name}." for name in MONTHS if name.isascii() and len(name) <= 4),
}
_MONTH: Final = words(_MONTH_NAMES) + _END
_WEEKDAY: Final = words(name for name in WEEKDAYS if not name.isascii() or len(name) > 5) + _END
_DIRECTION: Final = words(folded(DIRECTIONS)) + _END
_NOT_DECIMAL: Final = r"(?!\d)(?![.,]\d)"
_YEAR_WIDE: Final = r"(?:1\d{3}|20\d{2})" + _NOT_DECIMAL
_YEAR: Final = r"(?:18|19|20)\d{2}" + _NOT_DECIMAL + r"(?!" + OPT + r"ه" + _END + ")"
_AD: Final = "(?:" + OPT + "(?:ميلاديه|ميلادي|م)" + _END + ")?"
_YEAR_WORD: Final = "(?:ل?(?:العام|عام|السنه|سنه))"
_UNIT_WORD: Final = "(?:الاسبوع|الشهر|العام|السنه)"


def _pair(p: str) -> str:
    """A month name, optionally glossed by another: "أيار/ مايو", "مارس (آذار)", "أغسطس آب"."""
    return (
        rf"(?P<{p}_m>{_MONTH})(?:{OPT}[/\\-]{OPT}(?P<{p}_m2>{_MONTH})"
        rf"|{OPT}\({OPT}(?P<{p}_m3>{_MONTH}){OPT}\)|{SP}(?P<{p}_m4>{_MONTH}))?"
    )


def _month_ref(p: str) -> str:
    """A month by name, or "شهر" and its number ("شهر ٥", which needs a year to count)."""
    return rf"(?:(?P<{p}_s>شهر){SP})?{_pair(p)}|شهر{SP}(?P<{p}_k>1[0-2]|0?[1-9])(?!\d)"


def _year_tail(p: str) -> str:
    """What may follow a month to fix its year: "2020", "عام 1957", "من العام الماضي"."""
    return (
        rf"(?:(?:{OPT},?{SP}|{OPT}/{OPT})(?:من{SP})?(?:(?:هذا{SP})?{_YEAR_WORD}{OPT})?"
        rf"(?P<{p}_y>{_YEAR_WIDE}){_AD}"
        rf"|{OPT},?{SP}(?:من{SP})?(?:العام|السنه){SP}(?P<{p}_yd>{_DIRECTION})"
        rf"|{SP}من{SP}(?P<{p}_yh>هذا){SP}العام{_END}"
        rf"|{SP}(?P<{p}_dir>{_DIRECTION}))"
    )


_NUMERIC: Final = (
    r"(?P<numeric_iy>(?:19|20)\d{2})(?P<numeric_s>[-/.])(?P<numeric_im>[01]?\d)(?P=numeric_s)"
    r"(?P<numeric_id>[0-3]?\d)(?!\d)"
    rf"|(?:(?P<numeric_d0>[0-3]?\d){OPT}/{OPT}(?P<numeric_m0>[01]?\d){OPT}(?:الي|حتي|-){OPT})?"
    rf"(?P<numeric_d>[0-3]?\d){OPT}(?P<numeric_t>[-/.]){OPT}(?P<numeric_m>[01]?\d){OPT}"
    rf"(?P=numeric_t){OPT}(?P<numeric_y>(?:19|20)\d{{2}})(?!\d)(?!{OPT}ه{_END}){_AD}"
)

_DAY_MONTH: Final = (
    rf"(?:(?P<daymonth_o>{words(ORDINALS)}){SP}من|(?:ال{OPT})?(?P<daymonth_d>[0-3]?\d)(?!\d)"
    rf"(?:st|nd|rd|th)?,?"
    rf"(?:{OPT}(?:-|–|و|الي|حتي){OPT}(?P<daymonth_e>[0-3]?\d)(?!\d))?)"
    rf"{OPT}(?:من{SP}|/{OPT})?(?:(?:شهر{SP})?{_pair('daymonth')}(?:{_year_tail('daymonth')})?"
    rf"|(?:(?P<daymonth_h>هذا){SP})?الشهر(?:{SP}(?P<daymonth_md>{_DIRECTION}))?{_END})"
)

_MONTH_DAY_YEAR: Final = (
    rf"{_pair('mdy')}{SP}(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d){OPT},?{OPT}"
    rf"(?P<mdy_y>{_YEAR_WIDE})"
)

_PART: Final = (
    rf"(?P<part_w>{words(PARTS)}){SP}(?:"
    rf"(?:{_month_ref('part')})(?:{_year_tail('part')})?"
    rf"|(?P<part_u>الشهر|العام|السنه){SP}(?P<part_ud>{_DIRECTION})"
    rf"|هذا{SP}(?P<part_h>الشهر|العام){_END}"
    rf"|(?:{_YEAR_WORD}{OPT})?(?P<part_yy>{_YEAR}){_AD})"
)

_QUARTER: Final = (
    rf"(?P<quarter_k>الربع|النصف){SP}(?P<quarter_n>الاول|الثاني|الثالث|الرابع|الاخير){SP}"
    rf"(?:من{SP})?(?:(?:{_YEAR_WORD}{OPT})?(?P<quarter_y>{_YEAR}){_AD}"
    rf"|(?:العام|السنه){SP}(?P<quarter_d>{_DIRECTION})|هذا{SP}العام{_END})"
)

_UNIT: Final = (
    rf"(?:هذا|هذه){SP}(?P<unit_h>{_UNIT_WORD}){_END}"
    rf"|(?P<unit_u>{_UNIT_WORD}){SP}(?P<unit_d>{_DIRECTION})"
    rf"(?:{OPT}\(?{OPT}(?P<unit_y>{_YEAR}){_AD}{OPT}\)?)?"
    rf"|(?P<unit_e>last|next|this){SP}(?P<unit_eu>week|month|year){_END}"
)

_YEAR_RULE: Final = (
    rf"ل?(?P<year_k>عامي|العامين|سنتي|العام|عام|السنه|سنه){OPT}(?P<year_a>{_YEAR}){_AD}"
    rf"(?:{OPT}و{OPT}(?:عام{SP})?(?P<year_b>{_YEAR}){_AD})?"
    rf"|(?P<year_p>{words(YEAR_PREPOSITIONS)}){SP}(?P<year_c>{_YEAR}){_AD}(?!{OPT}%)"
    rf"|\({OPT}(?P<year_q>{_YEAR}){OPT}\)"
    rf"|(?P<year_s>{_YEAR}{OPT}(?:ميلاديه|ميلادي|م)){_END}"
)

_MONTH_RULE: Final = (
    rf"(?:(?P<month_p>{words(PREPOSITIONS)}){SP})?"
    rf"(?P<month_x>(?:{_month_ref('month')})(?:{_year_tail('month')})?)"
)

_NUMBER: Final = r"\d{1,3}(?!\d)|" + words(NUMBERS)
_AGO: Final = (
    rf"قبل{SP}(?:{words(QUANTIFIERS)}{SP})?"
    rf"(?:(?P<ago_dual>{words(DUALS)})|(?P<ago_n>{_NUMBER}){SP}(?P<ago_u>{words(UNITS)})"
    rf"|(?P<ago_one>يوم|اسبوع|شهر|عام|سنه)(?!{SP}(?:\d|{_MONTH}|{_WEEKDAY}|{words(HIJRI_MONTHS)})))"
    rf"{_END}(?!{SP}(?:من|علي|عن){_END})"
)

_DAYREF: Final = (
    rf"(?:(?P<dayref_t>{words(TIMES_OF_DAY)}){SP})?(?:(?P<dayref_y>يوم){SP})?"
    rf"(?:(?P<dayref_r>{words(folded(RELATIVE_DAYS))}){_END}"
    rf"(?:{OPT}\(?{OPT}(?P<dayref_w>{_WEEKDAY})(?:{OPT}\))?)?"
    rf"|\(?(?P<dayref_v>{_WEEKDAY})\)?(?:{SP}(?P<dayref_x>{_DIRECTION}|(?:غدا|اليوم|امس){_END}))?)"
)

RULES: Final = (
    ("numeric", _NUMERIC),
    ("daymonth", _DAY_MONTH),
    ("mdy", _MONTH_DAY_YEAR),
    ("part", _PART),
    ("quarter", _QUARTER),
    ("unit", _UNIT),
    ("year", _YEAR_RULE),
    ("month", _MONTH_RULE),
    ("ago", _AGO),
    ("dayref", _DAYREF),
)
"""(name, pattern) in the order they are tried at one position."""

PATTERN: Final = re.compile(
    r"(?<!\w)(?:[وف]?[بلك]?)(?:" + "|".join(f"(?P<{name}>{body})" for name, body in RULES) + ")"
)
"""Every rule; optional clitics (و ف ب ل ك) before a word are matched but left out of spans."""

_LINK: Final = rf"(?:(?:و?الموافق|بتاريخ){OPT})?"
HIJRI_DATE: Final = re.compile(
    rf"{OPT}[(,]?{OPT}{_LINK}\(?{OPT}(?:(?:[0-3]?\d|{words(ORDINALS)})"
    rf"(?:{OPT}(?:من{SP})?(?:شهر{SP})?{words(HIJRI_MONTHS)}"
    rf"|{OPT}[/-]{OPT}[01]?\d{OPT}[/-]{OPT}1[34]\d\d)"
    rf"|1[34]\d\d{OPT}[/-]{OPT}[01]?\d{OPT}[/-]{OPT}[0-3]?\d)"
)
"""A Hijri date right after a weekday ("يوم الخميس 12 من ذي القعدة", "الخميس 14 / 10 / 1436")."""

_CORE_WORDS: Final = {
    *(name.split()[0] for name in _MONTH_NAMES),
    *(name for name in WEEKDAYS if not name.isascii() or len(name) > 5),
    *(word for word in folded(RELATIVE_DAYS) if " " not in word),
    *DUALS,
    *UNITS,
    *("الاسبوع", "الشهر", "العام", "السنه", "عامي", "العامين", "سنتي", "week", "month", "year"),
}
CORE: Final = re.compile(r"(?<!\w)[وفبلك]{0,2}(?:\d|" + words(_CORE_WORDS) + ")")
"""A word that every expression contains: a digit, a month, weekday or day word, a unit. Rules
are only tried on the few words before one of these (see ``marsad.analyze.dates``)."""

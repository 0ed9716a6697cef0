"""Where the rules of ``grammar`` are tried: one alternation of each list, and the words that
every expression holds, so that the alternations run on a few words of a text, not on all.

``PATTERN`` holds every rule of ``RULES`` as one alternation; ``match.lastgroup`` names the rule.
It is not scanned over the whole text: every expression holds a ``CORE`` word (a digit, a month,
a weekday, a day word, a unit) among its first words, and ``marsad.analyze.dates`` tries
``PATTERN`` only on the few words before each one, and ``HIJRI_PATTERN`` only near a Hijri month
or year (``HIJRI_HINT``).

>>> match = PATTERN.match("امس الاحد")
>>> match.lastgroup, match.group()
('dayref', 'امس الاحد')
>>> [core.group() for core in CORE.finditer("قال في 7 ايار ان")]
['7', 'ايار']
"""

from __future__ import annotations

import re
from typing import Final

from marsad.analyze.temporal.grammar import (
    HIJRI_MONTH,
    HIJRI_YEAR,
    MONTH_NAMES,
    RARE_RULES,
    RARE_WORDS,
    RULES,
    words,
)
from marsad.analyze.temporal.grammar_hijri import HIJRI_RULES
from marsad.analyze.temporal.lexicon import (
    DUALS,
    HOLIDAYS,
    RELATIVE_DAYS,
    UNITS,
    WEEKDAYS,
    folded,
)

__all__ = [
    "CORE",
    "GLUED_DIGIT",
    "HIJRI_HINT",
    "HIJRI_PATTERN",
    "PATTERN",
    "RARE_PATTERN",
    "compile_rules",
]

_GLUED: Final = r"(?<=[\u0621-\u064a])(?=\d)"  # "في17 يناير", "يوم7 أفريل"


def compile_rules(rules: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One alternation of ``rules`` (name, pattern), each a named group, after optional clitics."""
    return re.compile(
        rf"(?:(?<!\w)[وف]?[بلك]?|{_GLUED})(?:"
        + "|".join(f"(?P<{name}>{body})" for name, body in rules)
        + ")"
    )


PATTERN: Final = compile_rules(RULES)
"""Every rule; optional clitics (و ف ب ل ك) before a word are matched but left out of spans. A
number written against the word before it ("في17 يناير") starts a match too."""

RARE_PATTERN: Final = compile_rules(RARE_RULES)
"""Seasons, decades and centuries, tried only at a core word where ``PATTERN`` finds nothing:
they start with a core word of their own (``grammar.RARE_WORDS``)."""

HIJRI_PATTERN: Final = compile_rules(HIJRI_RULES)
"""The Hijri rules, tried where ``PATTERN`` finds nothing and ``HIJRI_HINT`` is near."""

HIJRI_HINT: Final = re.compile(rf"{HIJRI_MONTH}|{HIJRI_YEAR}")
"""A Hijri month name or a year 1300-1499: every Hijri expression holds one within its first
few words."""

GLUED_DIGIT: Final = re.compile(r"[\u0621-\u064a]\d")
"""A number written against the word before it ("في17 يناير"): a place where a match may start."""

_CORE_WORDS: Final = {
    *(name.split()[0] for name in MONTH_NAMES),
    *(name for name in WEEKDAYS if not name.isascii() or len(name) > 5),
    *(word for word in folded(RELATIVE_DAYS) if " " not in word),
    "الليله",  # "الليلة الماضية"; the other phrases hold a core word ("أول من أمس")
    *("المساء", "الصباح"),  # "هذا المساء", "هذا الصباح"
    "عيد الفطر",  # not "عيد" alone: "بعيد" (far) and "وعيد" (threat) are common
    "عيد الاضحي",
    "العيد",  # alone, as a time: "يوم العيد", "بعد العيد"
    "الموسم",  # "الموسم القادم"
    "موسم",  # "للموسم الحالي"
    *("البرلمانيه", "النيابيه"),  # "الدورة البرلمانية الفارطة"
    *("الصيف", "صيف", "الصايفه", "صايفه"),  # "هذا الصيف", "الصائفة الفارطة"
    *(name for name in HOLIDAYS if name.startswith("عيد")),  # "رأس السنة" holds "السنه"
    *("عيد الفصح", "يوم المراه", "يوم الصحه"),
    *RARE_WORDS,  # "خريف 1952", "الأربعينات", "القرن العشرين"
    *DUALS,
    *UNITS,
    *("الاسبوع", "الشهر", "العام", "السنه", "عامي", "العامين", "سنتي", "week", "month", "year"),
}
CORE: Final = re.compile(
    rf"(?<!\w)[وفبلك]{{0,2}}(?:(?P<hijri>{HIJRI_MONTH})"
    rf"|(?P<lead>\d|شهر|العام|عام|السنه|سنه)|{words(_CORE_WORDS)})"
)
"""A word that every expression contains: a digit, a month, weekday or day word, a unit. Rules
are only tried on the few words before one of these (see ``marsad.analyze.dates``); the Hijri
rules only before a Hijri month, or before a number, "شهر" or "عام" that ``HIJRI_HINT``
follows closely."""

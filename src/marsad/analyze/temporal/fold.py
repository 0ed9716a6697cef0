"""Folding for date matching that keeps a way back to the original offsets.

``marsad.arabic.normalize`` changes the length of a text (it drops harakat, expands ligatures,
squeezes spaces), so a match in normalized text cannot point into the original. ``fold`` does
only what date patterns need, one character for one character: alef forms → ا, ى → ي, ة → ه,
ؤ → و, ئ → ي, Persian letters → Arabic ones, Arabic-Indic and Persian digits → 0-9, the Arabic
comma and semicolon → ``,`` ``;``, Unicode spaces → a space, Latin → lower case. These agree
with ``normalize``, so the month and weekday tables (keyed by normalized names) match folded
text. The only characters it removes are harakat, tatweel and invisible controls ("غداً",
"داعـش"); ``Folded.span`` maps folded offsets back across them.

>>> folded = fold("قال غداً الأربعاء")
>>> folded.text
'قال غدا الاربعاء'
>>> folded.span(4, 7)
(4, 8)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

__all__ = ["Folded", "fold", "fold_word"]

_MARKS: Final = "\u064b-\u065f\u0670\u0640"  # harakat, superscript alef, tatweel
_INVISIBLE: Final = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad"
_DELETED: Final = re.compile(f"[{_MARKS}{_INVISIBLE}]")
_MARK: Final = re.compile(f"[{_MARKS}]")

_PAIRS: Final[tuple[tuple[str, str], ...]] = (
    *((alef, "ا") for alef in "أإآٱٲٳٵ"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("ؤ", "و"),
    ("ئ", "ي"),
    *((yeh, "ي") for yeh in "\u06cc\u06d0\u06cd"),
    *((kaf, "ك") for kaf in "\u06a9\u06aa"),
    *((heh, "ه") for heh in "\u06be\u06c0\u06c1\u06c2\u06c3\u06d5"),
    *((chr(0x0660 + i), str(i)) for i in range(10)),
    *((chr(0x06F0 + i), str(i)) for i in range(10)),
    ("،", ","),
    ("؛", ";"),
    ("٫", "."),
    *((space, " ") for space in "\t\u00a0\u1680\u202f\u205f\u3000"),
    *((chr(code), " ") for code in range(0x2000, 0x200B)),
)
_MAP: Final = dict(_PAIRS)
_TABLE: Final = str.maketrans(_MAP)
_UPPER: Final = str.maketrans({chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})
_RARE: Final = re.compile("[" + "".join(char for char, _ in _PAIRS if char not in "أإآىةؤئ،") + "]")


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and the folded offsets at which characters of the original were removed."""

    original: str
    text: str
    shifts: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of folded ``text[start:end]``, with the end's trailing harakat."""
        if not self.shifts:
            return start, end
        first = start + bisect.bisect_right(self.shifts, start)
        last = end + bisect.bisect_left(self.shifts, end)
        while last < len(self.original) and _MARK.match(self.original, last):
            last += 1
        return first, last


def fold(text: str) -> Folded:
    """Fold ``text`` for date matching (see the module docstring)."""
    shifts: tuple[int, ...] = ()
    folded = text
    if _DELETED.search(folded):
        removed = [match.start() for match in _DELETED.finditer(folded)]
        shifts = tuple(position - count for count, position in enumerate(removed))
        folded = _DELETED.sub("", folded)
    # Common letters by str.replace (a memchr scan each); the rare ones by one translate.
    for char in "أإآىةؤئ،":
        if char in folded:
            folded = folded.replace(char, _MAP[char])
    if _RARE.search(folded):
        folded = folded.translate(_TABLE)
    lowered = folded.lower()
    # A few letters lower-case to two characters (İ); then only Latin A-Z is lowered.
    folded = lowered if len(lowered) == len(folded) else folded.translate(_UPPER)
    return Folded(text, folded, shifts)


def fold_word(word: str) -> str:
    """``fold(word).text``: how a lexicon entry is written in patterns."""
    return fold(word).text

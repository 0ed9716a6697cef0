"""Arabic text normalization, tokens and stems, for matching only; display keeps the original.

>>> from marsad.arabic import normalize, stems
>>> normalize("الأميركي") == normalize("الأمريكي")
True
>>> stems("والأمريكي") == stems("الأميركي")
True
"""

from __future__ import annotations

from marsad.arabic.months import MONTHS, WEEKDAYS, month_number, weekday_number
from marsad.arabic.normalize import normalize
from marsad.arabic.stem import StemFinder, stem_tokens, stems
from marsad.arabic.stopwords import STOPWORDS
from marsad.arabic.tokenize import tokens
from marsad.arabic.translit import name_key

__all__ = [
    "MONTHS",
    "STOPWORDS",
    "WEEKDAYS",
    "StemFinder",
    "month_number",
    "name_key",
    "normalize",
    "stem_tokens",
    "stems",
    "tokens",
    "weekday_number",
]

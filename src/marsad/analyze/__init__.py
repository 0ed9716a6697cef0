"""Analysis stage: what an article says beyond its words (the dates it names, for now).

>>> import datetime as dt
>>> [e.value for e in find_temporal("قال الوزير أمس", dt.date(2024, 1, 26))]
['2024-01-25']
"""

from __future__ import annotations

from marsad.analyze.dates import find_temporal

__all__ = ["find_temporal"]

"""When a report's happening may have occurred, as the days events compare reports at.

A report whose text gives the day of its happening («أمس», «يوم الأربعاء الماضي») is placed on
that day; one that gives none is placed on the day it came out and the few days before it (a
morning paper reports yesterday). Two reports are as many days apart as the gap between their
spans: none when the spans overlap.
"""

from __future__ import annotations

from typing import Any

import numpy as np

When = tuple[int, int] | None
"""The first and last day (ordinals) on which a report's happening may have occurred, or None
when the report has no date at all."""


def gaps(first_a: Any, last_a: Any, first_b: Any, last_b: Any) -> Any:
    """Days between spans of days (0 where they overlap), element by element.

    >>> int(gaps(10, 10, 11, 12)), int(gaps(9, 10, 10, 10)), int(gaps(1, 2, 5, 6))
    (1, 0, 3)
    """
    first_a, last_a, first_b, last_b = map(np.asarray, (first_a, last_a, first_b, last_b))
    return np.maximum(0, np.maximum(first_b - last_a, first_a - last_b))

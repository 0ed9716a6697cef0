"""Numpy's huge-page advice, turned off while batch stages churn through large arrays.

On Linux numpy asks for transparent huge pages (``madvise(MADV_HUGEPAGE)``) on every array of
4 MB or more. Where the kernel satisfies that advice by compacting memory synchronously (its
``transparent_hugepage/defrag`` setting is ``madvise``, the kernel's default, or
``defer+madvise`` or ``always``), a fault on fresh memory can stall while the kernel
defragments (numpy/numpy#31590). The batch stages allocate and free tens of large, short-lived
arrays a second, so on such machines they ran up to twice as slow (``benchmarks/reuse.py``).
A user who sets ``NUMPY_MADVISE_HUGEPAGE`` keeps their choice.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

_DEFRAG = Path("/sys/kernel/mm/transparent_hugepage/defrag")
_STALLS = {"always", "madvise", "defer+madvise"}


def advice_stalls(defrag: Path = _DEFRAG) -> bool:
    """Whether the kernel compacts memory synchronously for pages advised huge."""
    try:
        text = defrag.read_text()
    except OSError:  # not Linux, or no transparent huge pages
        return False
    chosen = [word[1:-1] for word in text.split() if word.startswith("[")]
    return bool(chosen) and chosen[0] in _STALLS


def _setter() -> Callable[[bool], bool] | None:
    core = getattr(np, "_core", None)
    multiarray = getattr(core, "multiarray", None)
    setter: Callable[[bool], bool] | None = getattr(multiarray, "_set_madvise_hugepage", None)
    return setter


@contextmanager
def small_pages() -> Iterator[None]:
    """Arrays allocated inside the block get no huge-page advice, where the advice stalls and
    the user did not choose (``NUMPY_MADVISE_HUGEPAGE``); the setting is restored after."""
    setter = _setter()
    if setter is None or "NUMPY_MADVISE_HUGEPAGE" in os.environ or not advice_stalls():
        yield
        return
    before = setter(False)
    try:
        yield
    finally:
        setter(before)

"""The version of the rules that compute a report's stored terms and the day its text gives.

A report's terms (``organize.vectors``: stems, capitalized words, transliteration keys) and
its text's day (``organize.dating`` over ``analyze.dates`` and ``analyze.temporal``) are
computed once and stored (``event_terms``). When the code that computes them changes (new
date rules, another stemmer) or the parameters they were computed with do, the stored ones
are stale: ``engine.organizing`` compares the store's version with this one and, when they
differ, computes every report's terms again and consolidates.

The version is a digest of the source of those modules, not a number someone must remember
to raise.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from marsad.engine.entities import model_version
from marsad.organize.vectors import VectorParams

_PACKAGE = Path(__file__).resolve().parent.parent  # src/marsad
SOURCES = (
    "arabic/*.py",
    "analyze/dates.py",
    "analyze/temporal/*.py",
    "organize/dating.py",
    "organize/events.py",
    "organize/names.py",
    "organize/vectors.py",
)
"""The modules (globs under the package) whose code decides a report's stored terms."""


def terms_version(params: VectorParams) -> str:
    """The version of the terms computed by this code with ``params``."""
    digest = hashlib.sha1(_sources_digest().encode())
    digest.update(repr(params).encode())
    if params.entity_names:  # the name block reads the entity tagger and its rules
        digest.update(model_version().encode())
    return digest.hexdigest()[:16]


@cache
def _sources_digest() -> str:
    digest = hashlib.sha1()
    for pattern in SOURCES:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()

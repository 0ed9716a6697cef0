"""What counts as a copy: which reuse links make two articles one text (one report).

One definition, used by the event stage (a copy starts in its original's event) and by
reuse groups (a group holds copies of one text). A ``template`` link (an outlet's template
passage, ``templates.py``) is never a copy.

An exact or near copy (Jaccard >= 0.8) is the same report again. A partial link is evidence,
not a rule: that most of a short text stands inside a longer one says the longer one took it,
not that it reports the same happening. Seed 000 is seed 001 rewritten with paragraphs added
(one event); a feature that reprints a ministry's statement in full, a round-up that reprints
each country's condemnation, a joint statement on two incidents, hold other happenings around
the text they took. What tells them apart is where the taken text stands: a rewrite of a
report opens with it, a report on something else opens with its own lead. So a partial link
makes a copy when at least ``min_containment`` of the smaller article stands inside the larger
one and the shared passages cover at least ``min_lead`` of the larger article's lead (its
first ``LEAD_WORDS`` words). Other links stay evidence: their reports meet, or not, by how
similar they are.

The rule was chosen on the tuning gold (``benchmarks/events.py``, SaudiNewsNet 6-9 August):
every link whose smaller side is 80% inside the larger joined two reports of one gold event
when both were labelled, but through articles outside the gold, such links chained a feature's
quotations, and a round-up's items, into one event. Requiring the lead keeps the chains out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

from marsad.models import ReuseLink

LEAD_WORDS = 80
COPY_CONTAINMENT = 0.8
"""The share of the smaller article that must stand inside the larger for a partial copy."""
COPY_LEAD = 0.5
"""The share of the larger article's lead the shared passages must cover for a partial copy."""


@functools.cache
def _lead(words: int) -> re.Pattern[str]:
    """The first ``words`` words of a text (fewer when it has fewer), up to the last one's end."""
    return re.compile(rf"\s*\S+(?:\s+\S+){{0,{words - 1}}}")


Span = tuple[int, int]


def is_copy(
    link: ReuseLink,
    body_of: Callable[[str], str],
    min_containment: float | None = COPY_CONTAINMENT,
    min_lead: float = COPY_LEAD,
) -> bool:
    """Whether ``link`` makes its two articles one text (see the module): an exact or near
    copy always, a partial link when the smaller opens the larger, a template link never;
    ``min_containment`` None: exact and near copies only."""
    if link.kind in ("exact", "near"):
        return True
    if link.kind != "partial" or min_containment is None:
        return False
    return opens_larger(link, body_of, min_containment, min_lead)


def copy_pairs(
    links: Iterable[ReuseLink],
    body_of: Callable[[str], str],
    min_containment: float | None = COPY_CONTAINMENT,
    min_lead: float = COPY_LEAD,
) -> list[tuple[str, str]]:
    """The pairs of ``links`` that are one text (``is_copy``)."""
    return [(link.a, link.b) for link in links if is_copy(link, body_of, min_containment, min_lead)]


def opens_larger(
    link: ReuseLink, body_of: Callable[[str], str], min_containment: float, min_lead: float
) -> bool:
    """Whether the smaller article stands inside the larger one, and there opens it."""
    inside_a = link.contain_a >= link.contain_b  # a is the smaller, the one contained
    if max(link.contain_a, link.contain_b) < min_containment:
        return False
    if min_lead <= 0:
        return True
    if inside_a:
        larger, spans = link.b, [(p[2], p[3]) for p in link.passages]
    else:
        larger, spans = link.a, [(p[0], p[1]) for p in link.passages]
    return lead_share(body_of(larger), spans) >= min_lead


def lead_share(body: str, spans: Sequence[Span], words: int = LEAD_WORDS) -> float:
    """The share of ``body``'s first ``words`` words (in characters) that ``spans`` cover.

    >>> lead_share("a b c d", [(0, 3)], words=2)
    1.0
    >>> lead_share("a b c d", [(4, 7)], words=2)
    0.0
    """
    lead = _lead(max(words, 1)).match(body)
    end = 0 if lead is None else lead.end()
    if end == 0:
        return 0.0
    covered, reach = 0, 0
    for start, stop in sorted(spans):
        start, stop = max(start, reach), min(stop, end)
        if stop > start:
            covered += stop - start
            reach = stop
    return covered / end

"""Which reuse links make two articles one report, and so one event: the copy rule of
``marsad.link.copies``, the one definition reuse groups use too (see there for the rule and
how it was chosen)."""

from __future__ import annotations

from marsad.link.copies import LEAD_WORDS, copy_pairs, is_copy, lead_share, opens_larger

__all__ = ["LEAD_WORDS", "copy_pairs", "is_copy", "lead_share", "opens_larger"]

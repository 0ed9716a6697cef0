"""Cleaning: site chrome out, appended reports split off, title/outlet/date/credits found."""

from marsad.clean.segment import Segment, split_segments

__all__ = ["Segment", "split_segments"]

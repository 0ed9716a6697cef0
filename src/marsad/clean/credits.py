"""Lines that credit a source or name the outlet.

Examples: "المصدر: صحيفة الاتحاد", "Sputnik", "موقع العربية".

These are kept as attribution lines with the article (the reuse stage reads them to decide who
copied whom) and taken out of the body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.clean import outlets

_SOURCE_RE = re.compile(
    r"^\s*(المصدر|مصدر الخبر|المصدر الأصلي|source|via)\s*[:：]\s*(?P<name>.{2,80})$", re.I
)
_SITE_RE = re.compile(r"^\s*(?P<cue>موقع|عن موقع|نقلا عن موقع|نقلاً عن موقع)\s+(?P<name>\S.{0,60})$")
_QUOTED_RE = re.compile(r"^\s*(نقلا عن|نقلاً عن|عن)\s+(?P<name>\S.{0,60})$")
_BYLINE_RE = re.compile(
    r"^(?P<name>[\u0621-\u064A\s]{3,40}?)\s*\((?P<place>[\u0621-\u064A\s]{2,25})\)$"
)
_BY_RE = re.compile(r"^\s*(بقلم|كتب|كتبت|تحرير|by)\s*[:：]?\s*(?P<name>.{3,60})$", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line: the outlet it names (if any) and how it says so."""

    outlet: str | None
    kind: str  # "source-line", "site-line", "credit-line"


def credit(line: str) -> Credit | None:
    """A credit read off a whole line, or None when the line is not one."""
    text = line.strip()
    if len(text.split()) > 10:
        return None
    match = _SOURCE_RE.match(text)
    if match:
        name = match.group("name").strip()
        return Credit(outlets.lookup(name) or outlets.strip_prefix(name), "source-line")
    match = _SITE_RE.match(text)
    if match and len(text.split()) <= 5:
        # "موقع العربية" credits Al Arabiya; "موقع مناسب" is "a suitable site": known names only.
        found = outlets.lookup(match.group("name"))
        if found:
            return Credit(found, "site-line")
    match = _QUOTED_RE.match(text)
    if match and text.startswith("نقل") and len(text.split()) <= 7:
        name = match.group("name").strip()
        return Credit(outlets.lookup(name) or outlets.strip_prefix(name), "source-line")
    if len(text.split()) <= 4:
        found = outlets.lookup(text)
        if found:
            return Credit(found, "credit-line")
    return None


def byline(line: str) -> str | None:
    """The author named by a byline ("هدى جاسم (بغداد)", "بقلم: ..."), or None."""
    text = line.strip()
    match = _BYLINE_RE.match(text) or _BY_RE.match(text)
    if match and len(text.split()) <= 8:
        return match.group("name").strip()
    return None

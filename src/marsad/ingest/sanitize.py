"""What an extractor found, made safe to store and to show: one set of rules for every format.

- Control characters leave the text and every metadata field: C0 controls but tab and newline,
  C1 controls, DEL, and whole ANSI escape sequences (``\\x1b[2J`` must not clear the screen of
  whoever lists the titles). Carriage returns, vertical tabs, form feeds and NEL are line breaks
  and become newlines (spaces in one-line fields), so no two words are glued together.
- A url is kept when it is an absolute ``http``/``https`` address with a host, or an identifier
  under another scheme (``urn:``, ``tag:``, a user's own ``seed:001``); never a link that runs
  or reads something (``javascript:``, ``vbscript:``, ``data:``, ``file:``, ``blob:``…) nor a
  relative one. A date is kept only when it is a real day between 1800 and next year, a language
  only when it looks like a language tag.

Everything removed or left out is said in ``Extracted.notes``, which become the article's notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from marsad.ingest.dates import MIN_YEAR, latest_year, parse_meta_date
from marsad.models import Extracted

_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Any character this module changes; text without one is returned as it is (the common case)."""
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the same, introduced by the one-byte C1 form
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]{0,1024}(?:\x07|\x1b\\|\x9c)"  # OSC, DCS, APC…
    r"|\x1b[ -/]*[0-~]?"  # any other escape (ESC c, ESC ( B), or a lone ESC
)
"""ANSI/ECMA-48 escape sequences, removed whole so that no ``[2J`` is left behind; OSC, DCS and
the other string sequences (window titles, hyperlinks) up to their terminator. A one-byte C1
string introducer (U+009D…) is removed alone: taking the text after it would lose words."""
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
"""C0 and C1 controls and DEL, except tab, newline and the line breaks above."""

_ISO_DAY = re.compile(r"(\d{4})-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
_WEB_URL = re.compile(r"(?i:https?)://([^/?#\s]+)")
"""An absolute http(s) address: the scheme, then an authority (user, host, port)."""
_OTHER_URI = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):\S+")
"""An absolute URI under any scheme (RFC 3986), no white space."""
_UNSAFE_SCHEMES = frozenset(
    {"javascript", "vbscript", "livescript", "data", "file", "blob", "filesystem", "about"}
)
"""Schemes whose links run code or read the reader's own machine when followed."""
URL_RULE = "only http(s) addresses and identifiers under a safe scheme are kept"

_Checker = Callable[[str], str | None]

_ONE_LINE_FIELDS = ("title", "author", "site_name")
_FIELD_NAMES = {"text": "text", "title": "title", "author": "author", "site_name": "outlet name"}


def strip_controls(text: str, *, one_line: bool = False) -> tuple[str, int]:
    """``text`` without control characters and escape sequences, and how many were removed.

    Line breaks other than ``\\n`` become ``\\n`` (a space when ``one_line``; runs of white
    space are then collapsed too); they are not counted as removed.

    >>> strip_controls("\\x1b[2J\\x1b[31mعاجل\\x1b[0m: خبر\\x07")
    ('عاجل: خبر', 4)
    """
    if _SUSPECT.search(text) is None:
        return text, 0
    cleaned, escapes = _ESCAPE_SEQUENCE.subn("", text)
    cleaned = _LINE_BREAK.sub("\n", cleaned)
    cleaned, controls = _CONTROL.subn("", cleaned)
    if one_line:
        cleaned = " ".join(cleaned.split())
    return cleaned, escapes + controls


def clean_name(value: str | None) -> str | None:
    """A one-line name (a source, an outlet) without control characters; None if nothing is left."""
    if value is None:
        return None
    cleaned, _ = strip_controls(value, one_line=True)
    return cleaned or None


def checked_url(value: str) -> str | None:
    """``value`` when it is an absolute http(s) address or an identifier under a safe scheme.

    >>> checked_url("https://almarsad.example/news/1"), checked_url("javascript:alert(1)")
    ('https://almarsad.example/news/1', None)
    >>> checked_url("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66") is not None
    True
    """
    url = value.strip()
    found = _WEB_URL.match(url)
    if found is None:
        other = _OTHER_URI.fullmatch(url)
        scheme = other.group(1).lower() if other else "http"
        if other is None or scheme in _UNSAFE_SCHEMES or scheme in ("http", "https"):
            return None
        return url
    host = found.group(1).rpartition("@")[2]
    if host.startswith("["):  # an IPv6 address: let urlsplit judge it
        try:
            return url if urlsplit(url).hostname else None
        except ValueError:  # an unbalanced [
            return None
    return url if host.partition(":")[0] else None


def checked_date(value: str) -> str | None:
    """An ISO date or datetime for ``value`` when it is a real day from 1800 to next year.

    >>> checked_date("2015-07-21T02:51:32"), checked_date("9999-99-99"), checked_date("-0001-01-01")
    ('2015-07-21T02:51:32', None, None)
    """
    found = _ISO_DAY.fullmatch(value)
    if found is not None and MIN_YEAR <= int(found.group(1)) <= latest_year():
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return None
        return value
    return parse_meta_date(value)


def sanitize(found: Extracted) -> Extracted:
    """``found`` with control characters removed and bad links, dates and languages left out;
    each change is added to ``notes``. Returns ``found`` itself when nothing needed changing."""
    if _already_clean(found):
        return found
    changes: dict[str, str | None] = {}
    notes: list[str] = []
    for name, label in _FIELD_NAMES.items():
        value = getattr(found, name)
        if value is None:
            continue
        cleaned, removed = strip_controls(value, one_line=name in _ONE_LINE_FIELDS)
        if removed or cleaned != value:
            changes[name] = cleaned if cleaned or name == "text" else None
            if removed:
                plural = "s" if removed != 1 else ""
                notes.append(
                    f"{removed} control character{plural} or terminal escape sequence{plural} "
                    f"removed from the {label}"
                )
    _check(found.url, "url", checked_url, URL_RULE, changes, notes)
    span = f"not a readable date from {MIN_YEAR} to {latest_year()}"
    _check(found.published, "published", checked_date, span, changes, notes)
    _check(found.crawled, "crawled", checked_date, span, changes, notes)
    _check(found.lang, "lang", _checked_lang, "not a language tag", changes, notes)
    if not changes:
        return found
    return replace(found, **changes, notes=(*found.notes, *notes))  # type: ignore[arg-type]


def _already_clean(found: Extracted) -> bool:
    """True when :func:`sanitize` would change nothing: the common case, tested in few calls."""
    one_line = (found.title, found.author, found.site_name, found.url, found.published)
    one_lines = "\n".join(value for value in (*one_line, found.crawled, found.lang) if value)
    if _SUSPECT.search(found.text) or _SUSPECT.search(one_lines):
        return False
    return (
        (found.url is None or checked_url(found.url) == found.url)
        and (found.published is None or checked_date(found.published) == found.published)
        and (found.crawled is None or checked_date(found.crawled) == found.crawled)
        and (found.lang is None or _LANG_TAG.fullmatch(found.lang) is not None)
    )


_CHECKED_LABELS = {
    "url": "url",
    "published": "publication date",
    "crawled": "crawl date",
    "lang": "language",
}


def _check(
    value: str | None,
    name: str,
    check: _Checker,
    why: str,
    changes: dict[str, str | None],
    notes: list[str],
) -> None:
    """Record in ``changes`` the checked form of a metadata value, and a note when it is dropped."""
    if value is None:
        return
    cleaned, _ = strip_controls(value, one_line=True)
    kept = check(cleaned) if cleaned else None
    if kept != value:
        changes[name] = kept
    if kept is None and cleaned:
        notes.append(f"{_CHECKED_LABELS[name]} {_shown(cleaned)} left out: {why}")


def _checked_lang(value: str) -> str | None:
    return value if _LANG_TAG.fullmatch(value) else None


def _shown(value: str, limit: int = 80) -> str:
    """A value quoted for a note, cut to ``limit`` characters."""
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")

"""HTML fragments (a feed item's content, a JSON record's body) to plain text, one paragraph a line.

Fragments have no page chrome to remove, so a tree walk that turns block elements into line
breaks is enough; trafilatura is kept for whole pages, where its boilerplate removal earns its cost.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_TAG = re.compile(
    r"<(?:p|br|div|span|a|li|ul|ol|h[1-6]|strong|em|b|i|u|img|table|tr|td|blockquote|figure"
    r"|figcaption|section|article|header|footer|iframe|script|style|font|center|hr)\b[^<>]*>"
    r"|</(?:p|div|span|a|li|h[1-6]|strong|em|b|i|u|table|td|blockquote|font)>|&(?:nbsp|amp|quot);",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_BLOCKS = "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer"
_BLOCKS += " form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th"
_BLOCKS += " thead tr ul"
BLOCK_TAGS = frozenset(_BLOCKS.split(" "))
"""Elements that start and end a line of text."""
SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "head", "iframe", "svg"))
"""Elements whose content is never text to read."""


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML markup (common tags or entities), not just a stray ``<``."""
    return _TAG.search(text) is not None


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: block elements start new lines, blank lines are dropped.

    >>> html_to_text("<p>أعلنت الوزارة</p><p>بدء <b>المفاوضات</b></p>")
    'أعلنت الوزارة\\nبدء المفاوضات'
    """
    cleaned = _CONTROL.sub("", fragment)
    if not cleaned.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(f"<div>{cleaned}</div>")
    except (etree.ParserError, ValueError):
        return _tidy(cleaned)
    return _tidy("".join(_text_pieces(root)))


def _text_pieces(root: etree._Element) -> list[str]:
    """Text and line breaks of a tree in document order, walked without recursion.

    Deeply nested markup (which the hypothesis tests produce) must not hit the recursion limit.
    """
    pieces: list[str] = []
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            if tag in BLOCK_TAGS:
                pieces.append("\n")
            if element.tail:
                pieces.append(element.tail)
            continue
        stack.append((element, True))
        if not tag or tag in SKIPPED_TAGS:
            continue  # a comment, processing instruction or script: keep only its tail
        if tag in BLOCK_TAGS:
            pieces.append("\n")
        if element.text:
            pieces.append(element.text)
        stack.extend((child, False) for child in reversed(element))
    return pieces


def _tidy(text: str) -> str:
    """Collapse runs of spaces inside lines and drop empty lines."""
    lines = (" ".join(line.split()) for line in normalize_newlines(text).split("\n"))
    return "\n".join(line for line in lines if line)

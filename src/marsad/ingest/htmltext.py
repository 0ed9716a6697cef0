"""HTML fragments (a feed item's content, a JSON record's body) to plain text, one paragraph a line.

Fragments have no page chrome to remove, so a tree walk that turns block elements into line
breaks is enough; trafilatura is kept for whole pages, where its boilerplate removal earns its cost.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_MARKUP = re.compile(
    r"</(?:p|div|span|a|li|ul|ol|h[1-6]|strong|em|b|i|u|table|tr|td|th|thead|tbody|blockquote"
    r"|figure|figcaption|section|article|header|footer|font|center|script|style|iframe|noscript"
    r"|pre|code|sup|sub|small|q|cite|title)\s*>"
    r"|<(?:br|hr|img)\b[^<>]*>|&(?:nbsp|amp|quot|lt|gt|#\d+|#x[0-9a-f]+);"
    r"|<[a-z][a-z0-9]*\s+[a-z-]+\s*=\s*[\"'][^<>]*>",
    re.IGNORECASE,
)
"""Markup used as markup: a closing tag, a line break or image, an entity, a tag with an
attribute («<p class="x">»). A text that names a tag («الوسم <script> يضمّن الشيفرة») holds none
of them and stays text."""
_OPENS = re.compile(
    r"^\s*<(?:p|div|span|a|h[1-6]|strong|b|table|ul|ol|section|article)\b[^<>]*>", re.IGNORECASE
)
"""A fragment that starts with a tag is markup even without a closing one (``<p>خبر``)."""
_PARAGRAPHS = re.compile(r"<(?:p|div)>", re.IGNORECASE)
"""Paragraph tags used twice or more are markup too («مقدمة<p>الثانية<p>الثالثة»)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_BLOCKS = "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer"
_BLOCKS += " form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th"
_BLOCKS += " thead tr ul"
BLOCK_TAGS = frozenset(_BLOCKS.split(" "))
"""Elements that start and end a line of text."""
SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template", "head", "iframe", "svg"))
"""Elements whose content is never text to read."""


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML: it opens with a tag, or holds closing tags, line breaks or
    entities; not a text that mentions a tag or holds a stray ``<``.

    >>> looks_like_html("<p>خبر</p>"), looks_like_html("سطر<br>سطر"), looks_like_html("<p>خبر")
    (True, True, True)
    >>> looks_like_html("الوسم <p> يبدأ فقرة والوسم <script> يضمّن الشيفرة")
    False
    >>> looks_like_html("النسبة < 4 في المدن")
    False
    """
    if "<" not in text and "&" not in text:  # every pattern below needs one (most texts: none)
        return False
    return (
        _MARKUP.search(text) is not None
        or _OPENS.match(text) is not None
        or len(_PARAGRAPHS.findall(text, 0, 100_000)) >= 2
    )


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: block elements start new lines, blank lines are dropped.

    >>> html_to_text("<p>أعلنت الوزارة</p><p>بدء <b>المفاوضات</b></p>")
    'أعلنت الوزارة\\nبدء المفاوضات'
    """
    cleaned = _defused(_CONTROL.sub("", fragment))
    if not cleaned.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(f"<div>{cleaned}</div>")
    except (etree.ParserError, ValueError):
        return _tidy(cleaned)
    return _tidy("".join(_text_pieces(root)))


_SKIPPED_OPEN = re.compile(r"<(script|style|noscript|template|iframe|svg|textarea|title)\b", re.I)


def _defused(fragment: str) -> str:
    """``fragment`` with every ``<script>``-like tag that is never closed written as text
    (``&lt;script``): the parser would take all that follows for code and drop it.

    >>> html_to_text("<p>الوسم <script> يضمّن الشيفرة</p><p>فقرة ثانية</p>")
    'الوسم <script> يضمّن الشيفرة\\nفقرة ثانية'
    """
    lowered = fragment.lower()
    closed: dict[str, int] = {}  # each tag's last closing mark
    parts: list[str] = []
    last = 0
    for found in _SKIPPED_OPEN.finditer(fragment):
        tag = found.group(1).lower()
        if tag not in closed:
            closed[tag] = lowered.rfind(f"</{tag}")
        if closed[tag] < found.end():  # no closing mark after it
            parts += [fragment[last : found.start()], "&lt;"]
            last = found.start() + 1
    return "".join(parts) + fragment[last:] if parts else fragment


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

"""HTML pages: read as one document each; extracted with trafilatura, which removes the site chrome.

trafilatura logs every page it discards at WARNING/ERROR level; here a discarded page becomes a
NO_TEXT rejection that carries the reason, so its loggers (and htmldate's) are quietened to
CRITICAL once, when this module is imported.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from marsad.ingest.dates import parse_meta_date
from marsad.ingest.encoding import DecodeError, declared_charset, decode_bytes, is_blank
from marsad.ingest.options import ReadOptions
from marsad.models import Extracted, RawDocument, Rejection, RejectReason

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
"""htmldate settings: dates from markup only; a date guessed from the running text is the
analyzer's job, where its provenance is recorded."""


def read_html(data: bytes, origin: str, options: ReadOptions) -> Iterator[RawDocument | Rejection]:
    """One page file as a document; its URL is unknown (trafilatura may find a canonical one)."""
    yield html_document(data, origin, options)


def html_document(
    data: bytes,
    origin: str,
    options: ReadOptions,
    *,
    charset: str | None = None,
    extra: dict[str, str] | None = None,
) -> RawDocument | Rejection:
    """Check that a page decodes and is not blank, and record its encoding.

    ``charset`` is what an HTTP header said; a ``<meta>`` or XML declaration is used otherwise.
    ``extra`` adds what the caller knows (``url``, ``crawled``) to the document's meta.
    """
    try:
        text, encoding = decode_bytes(data, charset or declared_charset(data[:4096]))
    except DecodeError as err:
        return Rejection(origin, RejectReason.UNDECODABLE, str(err), len(data))
    if is_blank(text):
        return Rejection(origin, RejectReason.EMPTY, "the page holds only whitespace", len(data))
    meta = {"encoding": encoding, **(extra or {})}
    return RawDocument(data, "html", origin, options.source, meta)


def extract_html(doc: RawDocument) -> Extracted | Rejection:
    """Main text and metadata of a page; NO_TEXT when trafilatura finds no main text."""
    try:
        page, _ = decode_bytes(doc.data, doc.meta.get("encoding"))
    except DecodeError as err:
        return Rejection(doc.origin, RejectReason.UNDECODABLE, str(err), len(doc.data))
    url = doc.meta.get("url")
    try:
        found = trafilatura.bare_extraction(
            page,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except ValueError as err:  # lxml on pathological markup
        return Rejection(doc.origin, RejectReason.UNPARSEABLE, f"HTML parser failed: {err}")
    # a dict comes back only with the deprecated as_dict=True, which is not used here
    result = found if isinstance(found, Document) else None
    text = _paragraph_lines(result.text if result is not None else None)
    if result is None or not text:
        return Rejection(
            doc.origin, RejectReason.NO_TEXT, "no main text found in the page", len(doc.data)
        )
    if len(text.split()) < _FEW_WORDS and _chrome_only(page):
        return Rejection(
            doc.origin,
            RejectReason.NO_TEXT,
            "the page holds only its site's menus, header and footer, no article text",
            len(doc.data),
        )
    title = _clean(result.title)
    published = parse_meta_date(result.date) if result.date else None
    return Extracted(
        text=_without_title_line(text, title),
        title=title,
        url=url or _clean(result.url),
        author=_clean(result.author),
        published=published or doc.meta.get("published"),
        site_name=_clean(result.sitename),
        crawled=doc.meta.get("crawled"),
        lang=_clean(result.language),
        needs_cleaning=False,
    )


_FEW_WORDS = 20
"""Below this many words, a page's extracted text is checked for coming from chrome alone
(trafilatura falls back to whatever text a page has: «الرئيسية» from a bare menu)."""
_CHROME = ("nav", "header", "footer", "aside", "menu", "script", "style", "noscript", "template")


def _chrome_only(page: str) -> bool:
    """Whether every word of the page's body stands inside its navigation, header, footer,
    asides or menus (or scripts): a page with no article, however trafilatura read it."""
    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return False
    body = tree.find("body")
    if body is None:
        return False
    etree.strip_elements(body, *_CHROME, with_tail=False)  # the text after one is the page's
    return not any(str(part).split() for part in body.itertext())


def _paragraph_lines(text: str | None) -> str:
    """One paragraph per line, no blank lines, no trailing spaces."""
    if not text:
        return ""
    lines = (line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _without_title_line(text: str, title: str | None) -> str:
    """Drop a first line that repeats the title: trafilatura keeps the page's ``<h1>``, and the
    title already has a field of its own (a body that is only the title is kept as it is)."""
    first, newline, rest = text.partition("\n")
    if title and newline and " ".join(first.split()) == title:
        return rest
    return text


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None

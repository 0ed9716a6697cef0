"""Cut scraped text into reports: drop chrome, split appended articles, find title and credits.

A scraped page is a header (masthead, breadcrumb, title, date line, byline), the report, and a
tail of widgets; it may end with "إقرأ أيضاً:" followed by a whole other report, which becomes
its own segment, or by a list of teaser headlines, which is removed. Every removed line is kept
with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.clean import boilerplate, credits, outlets, pubdate
from marsad.clean.boilerplate import LineKind
from marsad.models import PubDate, RemovedLine

_TERMINAL = (".", "!", "?", "؟", "…", ":", "؛")
_CLOSERS = "»\"”’')] \u00a0"
_HEADER_MAX_LINES = 6
_TITLE_MAX_WORDS = 40
_MASTHEAD_MAX_WORDS = 3
# Words a sentence cannot end on: a paragraph ending on one was broken by an inline element.
_DANGLING = frozenset(
    (
        *("أن", "إن", "ان", "في", "من", "إلى", "الى", "على", "عن", "مع", "و", "ب", "ل"),
        *("الذي", "التي", "الذين", "حيث", "بين", "لدى", "منذ", "بعد", "قبل"),
    )
)


@dataclass(slots=True)
class Segment:
    """One report found in a document, before normalization."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    outlet: str | None = None
    outlet_provenance: str | None = None
    author: str | None = None
    published: PubDate = field(default_factory=PubDate.unknown)


@dataclass(slots=True)
class _Builder:
    lines: list[tuple[int, str]] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    dated: list[str] = field(default_factory=list)
    breadcrumb_title: str | None = None
    signature_outlet: str | None = None

    def drop(self, lineno: int, text: str, reason: str) -> None:
        self.removed.append(RemovedLine(text, reason, lineno))


def is_sentence(line: str) -> bool:
    """True when a line reads as report text rather than a heading or chrome."""
    words = len(line.split())
    return words >= 45 or (words >= 6 and _ends_sentence(line))


def _ends_sentence(line: str) -> bool:
    """Ends on sentence punctuation, possibly inside a closing quote: «…». but not «داعش»."""
    return line.rstrip(_CLOSERS).endswith(_TERMINAL)


def _is_article_block(block: list[str]) -> bool:
    """An appended report (split off) rather than a list of teaser headlines (removed)."""
    words = sum(len(line.split()) for line in block)
    full = [line for line in block if len(line.split()) >= 15]
    truncated = sum(1 for line in block if line.rstrip().endswith(("…", "...")))
    return words >= 60 and len(full) >= 2 and truncated * 2 < len(block)


def split_segments(text: str, known_title: str | None = None) -> list[Segment]:
    """Cut plain text (one paragraph per line) into reports; the first is the main one.

    ``known_title`` is the title the document's metadata gives (HTML, feed, JSON record); when
    present the text's header is not searched for one, and a repeat of it is dropped.
    """
    lines = text.split("\n")
    builders = [_Builder()]
    i = 0
    while i < len(lines):
        lineno, line = i + 1, lines[i].strip()
        i += 1
        if not line:
            continue
        current = builders[-1]
        key = boilerplate.line_key(line)
        kind = boilerplate.classify_key(key, line)
        if kind is LineKind.RELATED:
            block_end = i
            while block_end < len(lines) and (
                not lines[block_end].strip() or boilerplate.classify(lines[block_end]) is None
            ):
                block_end += 1
            block = [b.strip() for b in lines[i:block_end] if b.strip()]
            if block and _is_article_block(block):
                current.drop(lineno, line, "appended-article-marker")
                builders.append(_Builder())
            else:
                current.drop(lineno, line, str(kind))
                for j in range(i, block_end):
                    if lines[j].strip():
                        current.drop(j + 1, lines[j].strip(), "related-teaser")
                i = block_end
            continue
        if kind is LineKind.BREADCRUMB:
            current.breadcrumb_title = current.breadcrumb_title or boilerplate.breadcrumb_tail(line)
        if kind is not None:
            current.drop(lineno, line, str(kind))
            current.signature_outlet = current.signature_outlet or outlets.signature(key)
            continue
        if pubdate.has_cue(key, normalized=True) and pubdate.find_date(line):
            current.dated.append(line)
            current.drop(lineno, line, "date-line")
            continue
        inline = boilerplate.split_inline_related(line)
        if inline is not None:
            teaser, line = inline
            current.drop(lineno, teaser, "related-teaser")
            if not line:
                continue
        current.lines.append((lineno, line))
    segments = [_finish(b, known_title if n == 0 else None) for n, b in enumerate(builders)]
    return [seg for seg in segments if seg.paragraphs]


def _finish(builder: _Builder, known_title: str | None) -> Segment:
    seg = Segment(removed=builder.removed)
    lines = builder.lines
    header_end = 0
    while (
        header_end < len(lines)
        and header_end < _HEADER_MAX_LINES
        and not is_sentence(lines[header_end][1])
    ):
        header_end += 1
    header, body = lines[:header_end], lines[header_end:]
    outlet_votes: list[tuple[str, str]] = []

    kept_header: list[tuple[int, str]] = []
    for lineno, line in header:
        author = credits.byline(line)
        found = credits.credit(line)
        if author and seg.author is None and found is None:
            seg.author = author
            seg.removed.append(RemovedLine(line, "byline", lineno))
        elif found is not None and len(header) > 1 and line != header[0][1]:
            _take_credit(seg, outlet_votes, lineno, line, found)
        else:
            kept_header.append((lineno, line))

    if not body and kept_header:  # a report has at least one paragraph, however it ends
        body = [kept_header.pop()]
    if known_title:
        seg.title = known_title.strip()
        title_key = boilerplate.line_key(seg.title)
        for lineno, line in [x for x in kept_header if boilerplate.line_key(x[1]) == title_key]:
            seg.removed.append(RemovedLine(line, "title-repeat", lineno))
            kept_header.remove((lineno, line))
        title_lines = []
    else:
        title_lines = [x for x in kept_header if len(x[1].split()) <= _TITLE_MAX_WORDS]
    if len(title_lines) >= 2 and len(title_lines[0][1].split()) <= _MASTHEAD_MAX_WORDS:
        lineno, line = title_lines[0]
        outlet_votes.append((outlets.lookup(line) or line, "masthead"))
        seg.removed.append(RemovedLine(line, "masthead", lineno))
        kept_header.remove(title_lines[0])
        title_lines = title_lines[1:]
    if title_lines:
        lineno, line = title_lines[0]
        seg.title = line
        seg.removed.append(RemovedLine(line, "title", lineno))
        kept_header.remove(title_lines[0])
    elif builder.breadcrumb_title and not seg.title:
        seg.title = builder.breadcrumb_title
    # Header lines that are neither title nor chrome (a kicker, a subtitle) stay with the report.
    body = [x for x in kept_header if x[1] != seg.title] + body
    if seg.title and body and boilerplate.line_key(body[0][1]) == boilerplate.line_key(seg.title):
        seg.removed.append(RemovedLine(body[0][1], "title-repeat", body[0][0]))
        body = body[1:]

    paragraphs: list[str] = []
    for lineno, line in body:
        found = credits.credit(line)
        if found is not None:
            _take_credit(seg, outlet_votes, lineno, line, found)
            continue
        if paragraphs and _dangles(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    seg.paragraphs = paragraphs
    if builder.signature_outlet:
        outlet_votes.append((builder.signature_outlet, "site-signature"))
    if outlet_votes:
        order = ("masthead", "source-line", "site-line", "credit-line", "site-signature")
        seg.outlet, seg.outlet_provenance = min(outlet_votes, key=lambda v: order.index(v[1]))
    seg.published = pubdate.date_from_lines([line for _, line in header], builder.dated)
    seg.removed.sort(key=lambda r: r.line)
    return seg


def _take_credit(
    seg: Segment, votes: list[tuple[str, str]], lineno: int, line: str, found: credits.Credit
) -> None:
    seg.attributions.append(line)
    seg.removed.append(RemovedLine(line, found.kind, lineno))
    if found.outlet:
        votes.append((found.outlet, found.kind))


def _dangles(paragraph: str) -> bool:
    text = paragraph.rstrip()
    if not text or _ends_sentence(text):
        return False
    return text.split()[-1] in _DANGLING

"""Cut scraped text into reports: drop chrome, split appended articles, find title and credits.

A scraped page is a header (masthead, breadcrumb, title, date line, byline or dateline), the
report, and a tail of widgets; it may end with "إقرأ أيضاً:" followed by a whole other report,
which becomes its own segment, or by a list of teaser headlines, which is removed. A teaser
inside a report is removed and the report goes on. When a marker starts another report is
decided in ``marsad.clean.appended`` (the rule is written there). Every removed line is kept
with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.clean import appended, boilerplate, credits, outlets, pubdate
from marsad.clean.appended import ends_sentence, is_sentence
from marsad.clean.boilerplate import LineKind
from marsad.models import PubDate, RemovedLine

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
# Removed lines that close a report: after them, a "related" marker does not interrupt it.
_END_MATTER = frozenset(
    str(kind)
    for kind in (LineKind.TAGS, LineKind.COMMENTS, LineKind.COMMENT_POLICY, LineKind.FOOTER)
)

Piece = tuple[int, str, str | None]
"""A line of the text (or part of one): line number, text, and the reason when it is chrome."""


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


def split_segments(text: str, known_title: str | None = None) -> list[Segment]:
    """Cut plain text (one paragraph per line) into reports; the first is the main one.

    ``known_title`` is the title the document's metadata gives (HTML, feed, JSON record); when
    present the text's header is not searched for one, and a repeat of it is dropped.
    """
    pieces = _pieces(text)
    keys = [boilerplate.line_key(line) if reason is None else "" for _, line, reason in pieces]
    builders = [_Builder()]
    i = 0
    while i < len(pieces):
        lineno, line, reason = pieces[i]
        key = keys[i]
        i += 1
        current = builders[-1]
        if reason is not None:
            current.drop(lineno, line, reason)
            continue
        kind = boilerplate.classify_key(key, line)
        if kind is LineKind.RELATED:
            i = _after_marker(pieces, keys, i, builders)
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


def _pieces(text: str) -> list[Piece]:
    """The non-blank lines, with chrome glued to report text cut off as pieces of its own.

    A gallery's captions and "Next Previous" before the first sentence, and a tag list after
    the last one, share a line with report text on some sites (Ain Alyoum).
    """
    lines = text.split("\n")
    last = max((n for n, line in enumerate(lines) if line.strip()), default=-1)
    pieces: list[Piece] = []
    before_report = True  # no sentence of a report seen yet: what precedes a gallery is captions
    for n, raw in enumerate(lines):
        line, lineno, tags = raw.strip(), n + 1, None
        if not line:
            continue
        if n == last and (cut := boilerplate.split_tag_trailer(line)) is not None:
            line, tags = cut
        if line and (gallery := boilerplate.split_gallery(line)) is not None:
            captions, controls, line = gallery
            if captions:
                pieces.append((lineno, captions, str(LineKind.GALLERY) if before_report else None))
            pieces.append((lineno, controls, str(LineKind.GALLERY)))
        if line:
            pieces.append((lineno, line, None))
            before_report = before_report and not is_sentence(line)
        if tags:
            pieces.append((lineno, tags, str(LineKind.TAGS)))
    return pieces


def _after_marker(pieces: list[Piece], keys: list[str], i: int, builders: list[_Builder]) -> int:
    """Handle the "related" marker just before ``pieces[i]``; return where reading goes on.

    The marker starts a new report (a new builder) or is removed with the teaser after it.
    """
    current = builders[-1]
    lineno, marker, _ = pieces[i - 1]
    block: list[str] = []  # the text up to the next marker, chrome left out
    box: list[str] | None = None  # the text up to the next chrome line
    for (_, line, reason), key in zip(pieces[i:], keys[i:], strict=True):
        kind = boilerplate.classify_key(key, line) if reason is None else LineKind.WIDGET
        if kind is LineKind.RELATED:
            break
        if kind is None:
            block.append(line)
        elif box is None:
            box = list(block)
    ended = _has_ended(current)
    if appended.is_appended_report(block, after_end_matter=ended):
        current.drop(lineno, marker, "appended-article-marker")
        builders.append(_Builder())
        return i
    current.drop(lineno, marker, str(LineKind.RELATED))
    # after end matter, a box too short for a report is all teaser (headlines, snippets)
    whole_box = ended and not appended.is_report_shaped(block if box is None else box)
    while i < len(pieces):
        n, line, reason = pieces[i]
        if reason is not None or boilerplate.classify_key(keys[i], line) is not None:
            break
        if not whole_box and not appended.is_teaser_line(line):
            break  # the report goes on after a teaser inside it
        current.drop(n, line, "related-teaser")
        i += 1
    return i


def _has_ended(builder: _Builder) -> bool:
    """True when end matter (a credit line, tags, a comment form, a footer) follows the report."""
    if not builder.lines:
        return False
    lineno, line = builder.lines[-1]
    if credits.credit(line) is not None:
        return True
    return any(r.line > lineno and r.reason in _END_MATTER for r in builder.removed)


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
        # a title-less text opens with its title, which may hold a dash like a dateline; a
        # text of one short line is that line, whatever it looks like
        datable = body and (known_title or line != header[0][1])
        stamp = credits.dateline(line) if datable else None
        if author and seg.author is None and found is None:
            seg.author = author
            seg.removed.append(RemovedLine(line, "byline", lineno))
        elif found is not None and len(header) > 1 and line != header[0][1]:
            _take_credit(seg, outlet_votes, lineno, line, found)
        elif stamp is not None:
            _take_dateline(seg, lineno, line, stamp)
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

    if body and not any(r.reason == "dateline" for r in seg.removed):
        body = _without_glued_dateline(seg, body)

    paragraphs: list[str] = []
    last = 0  # the line the last paragraph ends on
    for lineno, line in body:
        found = credits.credit(line)
        if found is not None:
            _take_credit(seg, outlet_votes, lineno, line, found)
            continue
        if paragraphs and _dangles(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        last = lineno
    footer = credits.link_footer(paragraphs[-1]) if paragraphs else None
    if footer is not None:  # «رابط الخبر بصحيفة الوئام: …» at the end: the outlet's signature
        rest, line, outlet = footer
        seg.removed.append(RemovedLine(line, "link-footer", last))
        outlet_votes.append((outlet, "site-signature"))
        paragraphs = paragraphs[:-1] + ([rest] if rest else [])
    seg.paragraphs = paragraphs
    if builder.signature_outlet:
        outlet_votes.append((builder.signature_outlet, "site-signature"))
    if outlet_votes:
        order = ("masthead", "source-line", "site-line", "credit-line", "site-signature")
        seg.outlet, seg.outlet_provenance = min(outlet_votes, key=lambda v: order.index(v[1]))
    seg.published = pubdate.date_from_lines([line for _, line in header], builder.dated)
    seg.removed.sort(key=lambda r: r.line)
    return seg


def _take_dateline(seg: Segment, lineno: int, line: str, stamp: credits.Credit) -> None:
    seg.removed.append(RemovedLine(line, stamp.kind, lineno))
    if stamp.outlet:  # "الرياض - واس": the wire the report comes from
        seg.attributions.append(line)


def _without_glued_dateline(seg: Segment, body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The body without a dateline glued to its first paragraph («عين اليوم – متابعات أزاحت…»)."""
    lineno, first = body[0]
    glued = credits.split_dateline(first)
    if glued is None:
        return body
    stamp, rest = glued[0], glued[1]
    _take_dateline(seg, lineno, stamp, glued[2])
    return [(lineno, rest), *body[1:]] if rest else body[1:]


def _take_credit(
    seg: Segment, votes: list[tuple[str, str]], lineno: int, line: str, found: credits.Credit
) -> None:
    seg.attributions.append(line)
    seg.removed.append(RemovedLine(line, found.kind, lineno))
    if found.outlet:
        votes.append((found.outlet, found.kind))


def _dangles(paragraph: str) -> bool:
    text = paragraph.rstrip()
    if not text or ends_sentence(text):
        return False
    return text.split()[-1] in _DANGLING

"""Recognize site chrome in scraped text: one line at a time, each verdict with a reason.

The patterns come from real scraped Arabic pages (the seeds, SaudiNewsNet): breadcrumbs, share
and font-size widgets, comment forms and comment policies, "related" headers, tag lines, footers
and photo-gallery controls, in Arabic and English. Matching runs on the normalized line, so
spelling variants (اقرأ/إقرأ, أيضاً/ايضا) need no copies. Some chrome is glued to report text
on one line (a gallery's captions and "Next Previous" before the byline, a tag list after the
last sentence); ``split_gallery`` and ``split_tag_trailer`` cut it off.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from marsad.arabic import normalize


class LineKind(StrEnum):
    """What a non-body line is; the value is the reason stored with a removed line."""

    BREADCRUMB = "breadcrumb"
    WIDGET = "widget"
    COMMENTS = "comment-form"
    RELATED = "related-marker"
    TAGS = "tag-line"
    FOOTER = "footer"
    COMMENT_POLICY = "comment-policy"
    GALLERY = "gallery"


# Whole-line widgets (compared after normalization, trailing punctuation ignored).
_WIDGETS = (
    "زر الذهاب إلى الأعلى",
    "العودة إلى الأعلى",
    "ت + ت - الحجم الطبيعي",
    "حجم الخط",
    "تكبير الخط",
    "تصغير الخط",
    "طباعة",
    "شارك",
    "مشاركة",
    "شارك الخبر",
    "شارك المقال",
    "مشاركة الخبر",
    "انشر",
    "نسخ الرابط",
    "تويتر",
    "فيسبوك",
    "واتساب",
    "تيليجرام",
    "لينكدإن",
    "البريد الإلكتروني",
    "email",
    "e-mail",
    "print",
    "share",
    "share this",
    "share this article",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "copy link",
    "advertisement",
    "إعلان",
    "تابعونا على",
    "تابعنا على",
    "follow us",
    "subscribe",
    "اشترك",
    "اشترك في النشرة",
    "a a",
    "a+ a-",
    "+ -",
    "تحميل المزيد",
    "load more",
    "skip to content",
    "تخطي إلى المحتوى",
)

# A photo gallery's arrows, which scrapers flatten into the text before or after the report.
_GALLERY = ("next previous", "previous next", "السابق التالي", "التالي السابق")

_COMMENTS = (
    "مناقشة",
    "تعليقات",
    "التعليقات",
    "أضف تعليق",
    "أضف تعليقك",
    "اترك تعليقاً",
    "اترك تعليقا",
    "اترك رد",
    "اترك رداً",
    "إرسال التعليق",
    "comments",
    "leave a comment",
    "leave a reply",
    "post comment",
)

_RELATED = (
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "موضوعات ذات صلة",
    "ذات صلة",
    "اقرأ أيضاً",
    "إقرأ أيضاً",
    "اقرأ ايضا",
    "شاهد أيضاً",
    "شاهد ايضا",
    "طالع أيضاً",
    "اقرأ كذلك",
    "اقرأ المزيد",
    "المزيد من الأخبار",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "أخبار متعلقة",
    "related",
    "related articles",
    "related news",
    "related stories",
    "related content",
    "related coverage",
    "read also",
    "also read",
    "read more",
    "see also",
    "more stories",
    "more on this story",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "most read",
)


def _alternatives(*phrases: str) -> str:
    """A regex alternation of phrases in their normalized form (keys are normalized)."""
    return "|".join(re.escape(normalize(p)) for p in phrases)


_COMMENTS_RE = re.compile(
    "^("
    + _alternatives(
        "لن يتم نشر عنوان بريدك",
        "your email address will not be published",
        "الحقول الإلزامية مشار إليها",
        "required fields are marked",
    )
    + ")"
)
_COMMENT_POLICY_RE = re.compile(
    "^("
    + _alternatives(
        "ترحب شبكة CNN بالنقاش",
        "الآراء الواردة أدناه لا تعبر عن رأي",
        "الآراء الواردة في التعليقات لا تعبر عن رأي",
        "التعليقات المنشورة لا تعبر عن رأي",
        "the views expressed in the comments",
        "comments are moderated",
    )
    + ")"
)
"""Notices about readers' comments (CNN Arabic prints two under each report): chrome, never text."""
_TAGS_RE = re.compile(
    "^("
    + _alternatives("كلمات دلالية", "الكلمات الدالة", "كلمات مفتاحية", "الوسوم", "وسوم")
    + r"|tags|keywords)\s*:"
)
_FOOTER_RE = re.compile(
    "(" + _alternatives("جميع الحقوق محفوظة", "حقوق الطبع محفوظة", "all rights reserved") + ")"
    r"|^©|^copyright\b"
)
_FOOTER_MAX_WORDS = 15
_BREADCRUMB_RE = re.compile(
    "^(" + _alternatives("الرئيسية", "الصفحة الرئيسية", "home") + r")\s*[/>|\"']"
)
# Breadcrumb separators, read on the raw line: after normalization » and › are quote marks.
_SEPARATOR_RE = re.compile(r"\s([/»›>])\s")
_CRUMB_PUNCT = frozenset(".:،,!?؟؛;\"'«“”")
_CRUMB_MAX_WORDS = 8
_KEY_STRIP = " \t.:!-–—|*•·"


LONG_LINE = 200


def line_key(line: str) -> str:
    """The form a line is compared in: normalized, without edge punctuation.

    Of a long line only the opening is kept: every chrome pattern is either a short line or
    anchored at the start (tag lines, comment-form notices), so the rest cannot change a verdict,
    and normalizing whole paragraphs line by line would cost more than the rest of cleaning.
    """
    if len(line) > LONG_LINE:
        line = line[:80]
    return normalize(line).strip(_KEY_STRIP)


@functools.cache
def _exact() -> dict[str, LineKind]:
    table: dict[str, LineKind] = {}
    for kind, lines in (
        (LineKind.WIDGET, _WIDGETS),
        (LineKind.COMMENTS, _COMMENTS),
        (LineKind.RELATED, _RELATED),
        (LineKind.GALLERY, _GALLERY),
    ):
        for text in lines:
            table[line_key(text)] = kind
    return table


def classify(line: str) -> LineKind | None:
    """The kind of chrome a line is, or None when it may be part of a report."""
    return classify_key(line_key(line), line)


def classify_key(key: str, line: str) -> LineKind | None:
    """``classify`` for a line whose key is already made (saves normalizing it twice)."""
    long = len(line) > LONG_LINE
    if not key:
        return None
    kind = _exact().get(key)
    if kind is not None:
        return kind
    if _TAGS_RE.match(key):
        return LineKind.TAGS
    if _COMMENTS_RE.match(key):
        return LineKind.COMMENTS
    if _COMMENT_POLICY_RE.match(key):
        return LineKind.COMMENT_POLICY
    if long:  # only patterns anchored at the start apply to a paragraph-length line
        return None
    if _FOOTER_RE.search(key) and len(key.split()) <= _FOOTER_MAX_WORDS:
        return LineKind.FOOTER
    if _BREADCRUMB_RE.match(key) or _is_crumb_trail(line):
        return LineKind.BREADCRUMB
    return None


def _is_crumb_trail(line: str) -> bool:
    """'أخبار › العراق › سياسة': short named parts joined by one kind of separator.

    Dates (16 / 8 / 1436), quotes with spaces and URLs have digits or punctuation in their
    parts, or mix separators; a trail has neither.
    """
    pieces = _SEPARATOR_RE.split(line.strip())
    parts, separators = pieces[::2], set(pieces[1::2])
    return (
        len(parts) >= 3
        and len(separators) == 1
        and all(
            part.strip()
            and len(part.split()) <= _CRUMB_MAX_WORDS
            and not any(c.isdigit() or c in _CRUMB_PUNCT for c in part)
            for part in parts
        )
    )


def breadcrumb_tail(line: str) -> str:
    """The last part of a breadcrumb, which on article pages is the headline."""
    parts = re.split(r"\s[/»›>|]\s", line.strip())
    return parts[-1].strip() if parts else ""


_INLINE_RELATED_RE = re.compile(
    r"^\s*(?:(?:أخبار ذات صلة|مقالات ذات صلة|(?:[اإ]قرأ|طالع|شاهد) [أا]يض[اً]{0,2})\s*:?"
    r"|(?i:related|see also|read more|read also|also read|more on this story)\s*[:：])\s*"
)
# A headline run glued to the text after it: closing punctuation directly followed by a letter.
_GLUE_RE = re.compile(r"[»\"”'\)\]!?؟](?=[\u0621-\u064A])")


def split_inline_related(line: str) -> tuple[str, str] | None:
    """Split '<أخبار ذات صلة> <teaser headlines><report text>' into (teaser, report text).

    Scrapers flatten a "related news" box into the first paragraph; the glue point is the last
    place in the opening where a closing mark runs straight into a letter with no space.
    Without one the whole line is a teaser ("اقرأ أيضاً: <headline>", "See also: <headline>").
    Returns None when the line does not start with such a box.
    """
    match = _INLINE_RELATED_RE.match(line)
    if not match:
        return None
    head_end = min(len(line), match.end() + 400)
    glue = [m.end() for m in _GLUE_RE.finditer(line, match.end(), head_end)]
    if not glue:
        return line, ""
    cut = glue[-1]
    return line[:cut].strip(), line[cut:].strip()


_GALLERY_RE = re.compile(r"(?<!\w)(?:next\s+previous|previous\s+next)(?!\w)", re.IGNORECASE)


def split_gallery(line: str) -> tuple[str, str, str] | None:
    """Cut a gallery's "Next Previous" out of a line: (text before, the controls, text after).

    Ain Alyoum (3alyoum) pages open with their photo gallery flattened into one line: the
    captions, "Next Previous", then the byline; a gallery after the report leaves "Next
    Previous" after its last sentence. Returns None when the line has no such controls.
    """
    if "revious" not in line and "REVIOUS" not in line:  # the regex is slow on long lines
        return None
    match = _GALLERY_RE.search(line)
    if match is None:
        return None
    return line[: match.start()].strip(), match.group(0), line[match.end() :].strip()


_TAG_LABELS = ("سمات",)
"""Words that introduce a site's tag list glued to the last sentence (Ain Alyoum: «سمات»)."""
_TAG_TRAILER_RE = re.compile(
    r"(?:^|(?<=\s))(?:" + "|".join(_TAG_LABELS) + r")\s+(?P<tags>\S.*?)\s*$"
)
_TAG_PUNCT_RE = re.compile(r"[.!?؟:،,؛«»\"“”()]")
_TAG_TRAILER_MAX_WORDS = 20
_SENTENCE_END = tuple(".!?؟…:؛»\"”’')\u202b\u202c")
# Words after which «سمات» is a noun of the sentence ("من أبرز سمات المجتمع"), not a label.
_NOT_BEFORE_TAGS = frozenset(
    (
        *("من", "أهم", "أبرز", "إحدى", "احدى", "أحد", "بعض", "كل", "ذات", "هي", "وهي", "عن"),
        *("في", "على", "إلى", "الى", "مع", "تحمل", "يحمل", "له", "لها", "لهم", "هذه", "تلك"),
        "ومن",
    )
)


def split_tag_trailer(line: str) -> tuple[str, str] | None:
    """Cut a tag list glued to the end of the last line: (report text, tag list).

    Ain Alyoum ends its pages with «سمات» ("tags") and the tags on the line of the last
    sentence: «… في بيان اليوم. سمات الحوثيون اليمن عدن». After a sentence end anything short
    is a tag list; where the sentence has no final stop, the tags must hold no punctuation and
    the word before must not govern «سمات» as a noun («من أبرز سمات المجتمع» is left alone).
    """
    if not any(label in line for label in _TAG_LABELS):
        return None
    match = _TAG_TRAILER_RE.search(line)
    if match is None or len(match.group("tags").split()) > _TAG_TRAILER_MAX_WORDS:
        return None
    before = line[: match.start()].rstrip()
    unpunctuated = before and not before.endswith(_SENTENCE_END)
    if unpunctuated and (
        _TAG_PUNCT_RE.search(match.group("tags")) or before.split()[-1] in _NOT_BEFORE_TAGS
    ):
        return None
    return before, line[match.start() :].strip()

"""Recognize site chrome in scraped text: one line at a time, each verdict with a reason.

The patterns come from real scraped Arabic pages (the seeds): breadcrumbs, share and font-size
widgets, comment forms, "related" headers, tag lines and footers, in Arabic and English.
Matching runs on the normalized line, so spelling variants (اقرأ/إقرأ, أيضاً/ايضا) need no copies.
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
    "اقرأ المزيد",
    "read more",
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
    "المزيد من الأخبار",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "أخبار متعلقة",
    "related",
    "related articles",
    "related news",
    "read also",
    "see also",
    "more stories",
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
    r"^\s*(أخبار ذات صلة|مقالات ذات صلة|اقرأ أيضا[ًا]?|إقرأ أيضا[ًا]?)\s*:?\s*"
)
# A headline run glued to the text after it: closing punctuation directly followed by a letter.
_GLUE_RE = re.compile(r"[»\"”'\)\]!?؟](?=[\u0621-\u064A])")


def split_inline_related(line: str) -> tuple[str, str] | None:
    """Split '<أخبار ذات صلة> <teaser headlines><report text>' into (teaser, report text).

    Scrapers flatten a "related news" box into the first paragraph; the glue point is the last
    place in the opening where a closing mark runs straight into a letter with no space.
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

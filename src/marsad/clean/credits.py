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
# Datelines and bylines joined by dashes, on a line of their own or opening the first paragraph:
# "عين اليوم – الرياض", "نايف عبدالله – عين اليوم", "صقر خالد – رغد عشميل – جدة", "مكة المكرمة –",
# "رصد وتصوير: أحمد حجازي – عين اليوم", "حنان الحامدي – جدة (تصوير: علي الزهراني)".
_DASH_CHAR_RE = re.compile(r"[–—ـ-]")
_DASH_RE = re.compile(r"\s*[–—-]+\s*|\s+ـ+\s+")  # a tatweel run between spaces is a dash too
_ROLE_RE = re.compile(r"^(?:رصد وتصوير|رصد|تصوير|إعداد|كتب|كتبت|متابعة)\s*:\s*")
_PHOTO = r"\(\s*(?:تصوير|عدسة|الصور)\s*:?[^()]{1,40}\)"
_PHOTO_RE = re.compile(rf"\s*{_PHOTO}\s*$")
_LEADING_PHOTO_RE = re.compile(rf"^{_PHOTO}\s*")
_NOT_IN_DATELINE = re.compile(r"[.!?؟«»\"“”;؛]")
_VOWEL_RE = re.compile(r"[\u064b-\u0650\u0652]")
_MAX_VOWELS = 2
"""Names carry a vowel sign or two («آلِ مبارك»); verse set off by dashes carries many."""
_FORMULA_RE = re.compile(r"(?<!رام )(?<!\w)الله(?!\w)")
"""«-رحمه الله-», «-طيب الله ثراه-»: an aside set off by dashes (but «رام الله» is a place)."""
_BRACKETED_RE = re.compile(r"\(([^()]+)\)")
_DATELINE_MAX_WORDS = 10
_DATELINE_PART_WORDS = 5
_DATELINE_SOURCES = ("متابعات", "وكالات")
"""Words that end a dateline the way a place or an outlet does ("عين اليوم – متابعات")."""
_GLUE_RE = re.compile(r"[ \t]*\u00a0[\s\u00a0]*|\s{2,}")


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
        known = outlets.find(text)
        if known:  # «وكالات» credits agencies it does not name: no outlet
            return Credit(None if known.kind == "generic" else known.name, "credit-line")
    return None


_LINK_FOOTER_RE = re.compile(
    r"(?:^|(?<=[.!?؟»\"”}\s]))\s*رابط\s+(?:الخبر|المقال|الموضوع|المادة)\s*"
    r"(?:ب|في\s+|على\s+)?(?P<kind>صحيفة|جريدة|موقع)\s+(?P<name>[^:\n.،]{2,30}?)\s*:"
    r"[^\n]{0,200}$"
)
"""An outlet's link line at the end of a report, glued to its last sentence or on a line of its
own: «… التوصيات اللازمة. رابط الخبر بصحيفة الوئام: مجلس الشؤون السياسية يعقد اجتماعاً»
(the words after the colon are the report's own title)."""


_SENTENCE_GOES_ON = re.compile(r"(?<!\.)[.!?؟](?!\.)\s+\S")


def link_footer(paragraph: str) -> tuple[str, str, str] | None:
    """``(the paragraph without it, the footer, the outlet it names)`` when ``paragraph`` ends
    with an outlet's link line, else None.

    >>> link_footer("واتخذ التوصيات اللازمة. رابط الخبر بصحيفة الوئام: مجلس يعقد اجتماعاً")
    ('واتخذ التوصيات اللازمة.', 'رابط الخبر بصحيفة الوئام: مجلس يعقد اجتماعاً', 'الوئام')
    """
    found = _LINK_FOOTER_RE.search(paragraph)
    if found is None or _SENTENCE_GOES_ON.search(found.group(), found.group().index(":")):
        return None  # a sentence ends and another begins: text, not a title after the colon
    name = found.group("name").strip()
    outlet = outlets.lookup(f"{found.group('kind')} {name}") or outlets.lookup(name) or name
    return paragraph[: found.start()].rstrip(), found.group().strip(), outlet


def dateline(line: str) -> Credit | None:
    """A dateline or byline joined by dashes ("عين اليوم – واس"), or None when it is not one.

    The credit names an outlet when one part is a known one (the wire a report comes from);
    a person and a place cannot be told apart, so no author is read off these lines.
    """
    text = _PHOTO_RE.sub("", _ROLE_RE.sub("", " ".join(line.split()))).rstrip(" :")
    head, colon, last = text.rpartition(":")
    if colon:  # "نايف عبدالله – سعد الفراج: عين اليوم": a colon only before the outlet
        if not outlets.lookup(last):
            return None
        text = f"{head} - {last}"
    if not _DASH_RE.search(text) or len(text.split()) > _DATELINE_MAX_WORDS:
        return None
    if _NOT_IN_DATELINE.search(text) or text.count("(") != text.count(")"):
        return None
    if len(_VOWEL_RE.findall(text)) > _MAX_VOWELS or _FORMULA_RE.search(text):
        return None
    if _DASH_RE.match(text):  # "- كوب سكر": a list item, not a dateline
        return None
    parts = [part for part in _DASH_RE.split(text) if part]
    if not parts or any(
        len(part.split()) > _DATELINE_PART_WORDS or part.startswith("(") or part.isdigit()
        for part in parts
    ):
        return None
    names = [*reversed(parts), *_BRACKETED_RE.findall(text)]  # "بغداد (رويترز)" names Reuters
    return Credit(next(filter(None, map(outlets.lookup, names)), None), "dateline")


def split_dateline(paragraph: str) -> tuple[str, str, Credit] | None:
    """A dateline glued to the start of a paragraph: (dateline, paragraph, credit), or None.

    Where it ends shows in the raw text (a run of spaces or no-break spaces), or at a known
    outlet or "متابعات": «قاسم الزرعي – عين اليوم \u00a0أوضح المتحدث…», «عين اليوم – متابعات
    أزاحت شركة…».
    """
    found = None
    for glue in _GLUE_RE.finditer(paragraph, 0, 120):  # the last glue point that ends a dateline
        head = paragraph[: glue.start()]
        name = outlets.lookup(head)
        stamp = dateline(head) or (Credit(name, "dateline") if name else None)
        if stamp is not None:
            found = (*_with_photo_credit(head, paragraph[glue.end() :]), stamp)
    if found is not None:
        return found
    words = paragraph.split(" ", _DATELINE_MAX_WORDS + 1)
    first_dash = _DASH_CHAR_RE.search(" ".join(words[:_DATELINE_MAX_WORDS]))
    if first_dash is None:  # most paragraphs: no dash among the first words
        return None
    dash = paragraph.count(" ", 0, first_dash.start())  # the word it is in
    # the dateline ends with the dash, or with the place or outlet (up to 3 words) after it
    for n in range(max(dash + 1, 2), min(len(words), dash + 5, _DATELINE_MAX_WORDS + 1)):
        head = " ".join(words[:n])
        last = head.rsplit(None, 2)
        ends = last[-1] in _DATELINE_SOURCES or any(
            outlets.lookup(" ".join(last[-k:])) for k in (1, 2) if k <= len(last)
        )
        if ends and (stamp := dateline(head)) is not None:
            return (*_with_photo_credit(head, " ".join(words[n:])), stamp)
    return None


def _with_photo_credit(head: str, rest: str) -> tuple[str, str]:
    """Move a photo credit «(تصوير: …)» that follows a dateline into it."""
    rest = rest.strip()
    photo = _LEADING_PHOTO_RE.match(rest)
    if photo is not None:
        head, rest = f"{head.strip()} {photo.group(0).strip()}", rest[photo.end() :]
    return head.strip(), rest.strip()


def byline(line: str) -> str | None:
    """The author named by a byline ("هدى جاسم (بغداد)", "بقلم: ..."), or None."""
    text = line.strip()
    match = _BYLINE_RE.match(text) or _BY_RE.match(text)
    if match and len(text.split()) <= 8:
        return match.group("name").strip()
    return None

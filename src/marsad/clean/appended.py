"""What a "related" marker opens: another report appended to the page, or a teaser to drop.

Pages print «اقرأ أيضاً» / «إقرأ أيضاً:» / "Related" / "See also" / "Read more" in two places,
and the text that follows is different in each:

- **Inside a report**, between two of its paragraphs: a teaser — one or a few linked headlines
  (sometimes a snippet ending in "…") — and then the report goes on. The marker and those
  headline lines are chrome; the paragraphs after them are the same report («وأضاف البيان…»,
  "He said…"). This is the common case on news sites and in what trafilatura extracts.
- **After a report has ended** — after its end matter: a source or credit line («المصدر:
  صحيفة الاتحاد»), a tag line, a comment form or policy, a footer — some aggregators print
  another whole report (seed 002), or a "related" box of headlines and snippets.

So a marker opens an appended report only when all of these hold:

1. the report before it has ended: end matter stands between its last paragraph and the
   marker, or the text after the headline opens with a dateline («الرياض (واس) - …»,
   «بغداد - رويترز», "LONDON —", a line «عين اليوم – الرياض»);
2. what follows has the shape of a report: a headline (a short line that is not a sentence),
   then at least 60 words in at least two full paragraphs, most of them not cut off with "…";
3. its first paragraph opens as a lead, not as the continuation of a text («وقال»، «من جهته»،
   «كما»، a quotation, "He said", "But");
4. it runs to the end of the text, or to the next marker (nothing of the first report follows).

Otherwise the marker is a teaser: the marker and the headline-like lines right after it are
removed (reason ``related-marker`` / ``related-teaser``) and the text after them stays in the
report. After end matter, a block too short to be a report is all teaser (headlines with their
snippets), up to the next chrome line; a longer one is text that goes on, and stays.
"""

from __future__ import annotations

import re

from marsad.arabic import normalize
from marsad.clean import credits

APPENDED_MIN_WORDS = 60
"""Fewer words after a headline make a teaser with a snippet, not a report."""
FULL_PARAGRAPH_WORDS = 15
TEASER_MAX_WORDS = 25
"""A line after a marker longer than this (and not cut off with "…") is report text."""
TITLE_MAX_WORDS = 40

_TERMINAL = (".", "!", "?", "؟", "…", ":", "؛")
_CLOSERS = "»\"”’')] \u00a0"
_TRUNCATED = ("…", "...")

# Words that open a paragraph continuing a text; a lead does not start with them. Arabic forms
# are normalized (أ/إ → ا, ة → ه, ى → ي); «و» + one of _AFTER_WAW counts as well («وقال»).
_OPENERS = frozenset(
    normalize(word)
    for word in (
        *("كما", "أما", "لكن", "لكنه", "لكنها", "غير", "إلا", "ثم", "بدوره", "بدورها", "يذكر"),
        *("يشار", "الجدير", "جدير", "ويذكر", "هذا", "وهذا", "كذلك", "أيضا", "أيضاً"),
    )
)
_OPENING_PAIRS = frozenset(
    normalize(pair)
    for pair in (
        "من جهته",
        "من جهتها",
        "من جانبه",
        "من جانبها",
        "من ناحيته",
        "من ناحيتها",
        "في المقابل",
        "في غضون",
        "في سياق",
        "في هذا",
        "إلى ذلك",
        "الى ذلك",
        "على صعيد",
        "وفي سياق",
    )
)
_AFTER_WAW = frozenset(
    normalize(word)
    for word in (
        *("قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت"),
        *("كان", "كانت", "في", "من", "قد", "بين", "بينت", "أفاد", "أفادت", "على", "ذكر", "ذكرت"),
        *("عن", "تابع", "تابعت", "لفت", "لفتت", "يقول", "تقول", "لم", "فيما", "لكن", "لا"),
        *("حول", "شدد", "شددت", "بحسب", "دعا", "دعت", "بعد", "عبر", "أبان", "مع", "يأتي"),
        *("تأتي", "أعرب", "أعربت", "كشف", "كشفت", "رغم", "جاء", "جاءت", "نقلت", "نقل", "طالب"),
        *("تم", "يرى", "ترى", "وفقا", "وفق", "نوه", "نوهت", "أشاد", "أشادت", "اعتبر", "رأى"),
        *("أعلن", "أعلنت", "استطرد", "استدرك", "أردف", "ختم", "اختتم", "هو", "هي", "هذا"),
        *("إذ", "بذلك", "لذلك", "كذلك", "منذ", "خلال", "إن", "أن", "يضيف", "تضيف", "يؤكد"),
    )
)
_ENGLISH_OPENERS = frozenset(
    (
        *("he", "she", "they", "it", "his", "her", "their", "its", "we", "i", "this", "that"),
        *("these", "those", "but", "and", "yet", "so", "also", "still", "however", "meanwhile"),
        *("instead", "moreover", "furthermore", "then", "there", "the spokesman", "in addition"),
    )
)
_QUOTES = ("«", '"', "“", "‘", "'", "-", "–", "—", "•", "*")
_WORD_RE = re.compile(r"[\w']+")
# "الرياض (واس) –", "(CNN) --", "LONDON (Reuters) —", "VANCOUVER —": a place in capitals or an
# agency in brackets, then a dash. A bare «بغداد - » reads like «أعلنت الوزارة - في بيان -».
_DATELINE_LEAD_RE = re.compile(
    r"^(?:[^\s().،,:]+(?:\s[^\s().،,:]+){0,3}\s*)?\([^()]{1,30}\)\s*(?:-{1,2}|–|—)\s"
    r"|^[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,2},?\s*(?:-{1,2}|–|—)\s"
)


def ends_sentence(line: str) -> bool:
    """Ends on sentence punctuation, possibly inside a closing quote: «…». but not «داعش»."""
    return line.rstrip(_CLOSERS).endswith(_TERMINAL)


def is_sentence(line: str) -> bool:
    """True when a line reads as report text rather than a heading or chrome."""
    words = len(line.split())
    return words >= 45 or (words >= 6 and ends_sentence(line))


def is_teaser_line(line: str) -> bool:
    """A headline or a cut-off snippet: what a teaser box holds."""
    stripped = line.rstrip()
    if stripped.endswith(_TRUNCATED):
        return True
    return len(stripped.split()) <= TEASER_MAX_WORDS and not is_sentence(stripped)


def opens_as_continuation(paragraph: str) -> bool:
    """True when a paragraph opens the way a report's later paragraphs do, not a lead.

    >>> opens_as_continuation("وأضاف البيان أن التحالف سيواصل دعم القوات العراقية.")
    True
    >>> opens_as_continuation("بدأت العديد من الفصائل المسلحة بالانسحاب من المدن.")
    False
    """
    text = paragraph.lstrip()
    if not text or text.startswith(_QUOTES):
        return True
    words = [word.strip("،,:;؛.") for word in normalize(" ".join(text.split()[:2])).split()]
    if not words:
        return False
    first = words[0]
    if first in _OPENERS or " ".join(words[:2]) in _OPENING_PAIRS:
        return True
    if len(first) > 2 and first.startswith("و") and first[1:] in _AFTER_WAW:
        return True
    english = _WORD_RE.findall(text[:40].lower())
    return bool(english) and (
        english[0] in _ENGLISH_OPENERS or " ".join(english[:2]) in _ENGLISH_OPENERS
    )


def opens_with_dateline(paragraph: str) -> bool:
    """True when a paragraph starts with a dateline: «الرياض (واس) - …», «بغداد - رويترز …»,
    "LONDON — …", "(CNN) -- …"."""
    text = paragraph.lstrip()
    return _DATELINE_LEAD_RE.match(text) is not None or credits.split_dateline(text) is not None


def is_report_shaped(lines: list[str]) -> bool:
    """Enough text for a report: 60 words in two full paragraphs, most not cut off with "…"."""
    words = sum(len(line.split()) for line in lines)
    full = sum(1 for line in lines if len(line.split()) >= FULL_PARAGRAPH_WORDS)
    truncated = sum(1 for line in lines if line.rstrip().endswith(_TRUNCATED))
    return words >= APPENDED_MIN_WORDS and full >= 2 and truncated * 2 < len(lines)


def is_appended_report(block: list[str], *, after_end_matter: bool) -> bool:
    """Whether the lines after a marker (chrome left out) are a whole report to split off.

    ``block`` runs to the end of the text or to the next marker; ``after_end_matter`` says the
    report before the marker ended with end matter (credit, tags, comment form, footer).
    """
    if len(block) < 3:
        return False
    headline, body = block[0], block[1:]
    if is_sentence(headline) or len(headline.split()) > TITLE_MAX_WORDS:
        return False
    if not is_report_shaped(body):
        return False
    start = next((n for n, line in enumerate(body) if is_sentence(line)), 0)
    lead = body[start]
    if opens_as_continuation(lead):
        return False
    datelined = opens_with_dateline(lead) or any(credits.dateline(x) for x in body[:start])
    return after_end_matter or datelined

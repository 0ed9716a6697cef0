"""The credits an article gives, read where news puts them, with their spans.

A name of an outlet or agency (``marsad/data/outlets.toml``) counts as a credit only where news
credits: in a credit line or dateline that cleaning took out of the text; in the body's
dateline («الرياض - واس», «واس- الرياض:», «جدة (واس) -», «بريدة 25 شوال 1436 هـ … واس»,
"RIYADH (Reuters) -"); in brackets or quotes («(واس)», «لـ”واس”»); after a phrase that
credits («المصدر:», «نقلاً عن», «حسب», «وفقاً لـ», «ذكرت وكالة», "according to"). A name in
running text («البروفيسور واس», «حب الوطن») is not a credit.

Credits are computed from the stored text when they are needed (they are a pure function of
it), so every stored article has them without a migration, and a better reader or a larger
table applies to old articles too.

>>> [(c.name, c.cue) for c in body_credits("الرياض - واس\\n\\nأعلن المتحدث أمس أن …")]
[('واس', 'dateline')]
>>> [(c.name, c.cue) for c in body_credits("قال الوزير، حسب رويترز، إن المحادثات ستستمر.")]
[('رويترز', 'phrase')]
"""

from __future__ import annotations

import functools
import re

from marsad.arabic import normalize
from marsad.clean import outlets
from marsad.clean.outlets import Outlet
from marsad.models import Article, CreditPlace, CreditSpan

_MARKS = "[\u064b-\u0652\u0640]*"  # harakat and tatweel between letters
_LETTER = {
    "ا": "[اأإآ]",
    "أ": "[اأإآ]",
    "إ": "[اأإآ]",
    "آ": "[اأإآ]",
    "ي": "[يى]",
    "ى": "[يى]",
    "ة": "[ةه]",
    "ه": "[ةه]",
}
_OPEN = "(«\"“”[‹'"
_CLOSE = ")»\"”“]›'"
_DASHES = "-–—ـ:"
_DATELINE_WORDS = 12
_SHORT_DATELINE_WORDS = 16
_STRONG_CUE = (
    r"حسب|بحسب|وحسب|وبحسب|وفق|وفقا|وفقاً|ووفقا|ووفقاً|نقلا عن|نقلاً عن|ونقلا عن|ونقلاً عن|"
    r"المصدر|مصدر الخبر|ذكرت|وذكرت|أفادت|وأفادت|أوردت|وأوردت|نشرت|ونشرت|بثت|وبثت|"
    r"قالت|وقالت|تلقت|وتلقت|نقلت|ونقلت|أعلنت|وأعلنت|لمراسل|لمراسلة|مراسل|مراسلة|"
    r"ذكر|وذكر|أفاد|وأفاد|أورد|وأورد|نشر|ونشر|نقل|ونقل|"
    r"according to|told|reported by"
)
_KIND = (
    r"(?:وكالة|وكاله|صحيفة|صحيفه|جريدة|جريده|موقع|قناة|قناه|شبكة|مجلة)"
    r"(?:\s+(?:أنباء|الأنباء|انباء|الانباء))?"
)
_CUE_RE = re.compile(
    rf"(?:^|[\s{re.escape(_OPEN)}])(?:{_STRONG_CUE})(?:\s*(?:ما|لـ|ل|عن|إلى))?"
    rf"\s*[:：]?\s*(?:{_KIND})?\s*[{re.escape(_OPEN)}]?\s*$",
    re.IGNORECASE,
)
"""A phrase that credits, ending right before a name: «حسب ما نشرت وكالة الأنباء»."""
_KIND_BEFORE_RE = re.compile(rf"{_KIND}\s*[{re.escape(_OPEN)}]?\s*$")
_BARE_KIND_RE = re.compile(
    rf"(?:وكالة|وكاله|صحيفة|صحيفه|جريدة|جريده|قناة|قناه|مجلة)\s*[{re.escape(_OPEN)}]?\s*$"
)
_WEAK_CUE_RE = re.compile(rf"(?:^|\s)(?:و?عن|من|لـ|ل)\s*[{re.escape(_OPEN)}]?\s*$")
"""«عن رويترز», «من واس»: credits before an agency's name, not before a word like «الوطن»."""
_SENTENCE_END = re.compile(r"[.!?؟]\s")


def _units(spelling: str) -> tuple[str, ...]:
    """The pattern of a spelling as a sequence of units, one per letter (with the marks that
    may follow it) or separator, so that spellings sharing a beginning share its units."""
    if spelling.isascii():  # matched ignoring case
        words = [re.escape(word.lower()) for word in spelling.split()]
        return tuple(unit for word in words for unit in (r"\s+", word))[1:]
    units = []
    for char in spelling:
        if char.isspace():
            units.append(r"\s+")
        elif char == ".":
            units.append(r"\.\s*")
        else:
            units.append(_LETTER.get(char, re.escape(char)) + _MARKS)
    return tuple(units)


def _spellings(extra: tuple[str, ...] = ()) -> list[str]:
    names = {n for o in outlets.table().values() for n in o.names} | set(outlets.bare_names())
    return sorted(names | set(extra), key=len, reverse=True)


@functools.cache
def _names_re(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Every spelling, the longest that fits; short Latin abbreviations only as written or in
    capitals ("AP", "dpa"/"DPA"), longer Latin names in any case.

    The spellings are merged into a trie of units (``_trie``): a regular expression tries its
    alternatives one by one at every position of the text, so 170 names side by side cost 170
    tries per character, and a trie one per letter that can begin a name."""
    sequences: list[tuple[str, ...]] = []
    for spelling in _spellings(extra):
        if spelling.isascii() and len(spelling) <= 4:
            exact = "|".join(
                r"\s+".join(map(re.escape, form.split())) for form in (spelling, spelling.upper())
            )
            sequences.append((f"(?-i:{exact})",))
        else:
            sequences.append(_units(spelling))
    return re.compile(rf"(?<![\w.])(?:{_trie(sequences)})(?!\w)", re.IGNORECASE)


_Node = dict[str, "_Node"]  # a unit -> the rest; "" marks the end of a sequence


def _trie(sequences: list[tuple[str, ...]]) -> str:
    """One pattern matching every sequence of units, trying the longer first where one
    continues another (an optional group is greedy)."""
    root: _Node = {}
    for units in sequences:
        node = root
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}  # a sequence ends here

    def emit(node: _Node) -> str:
        branches = [unit + emit(child) for unit, child in node.items() if unit]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _own_names(own: Outlet | None) -> tuple[str, ...]:
    """The short names of an article's own outlet, which count in its dateline even when they
    are ordinary words («سبق- الشرقية:»; «الجزيرة - الرياض» in the Saudi daily al-Jazirah)."""
    if own is None:
        return ()
    return tuple(dict.fromkeys((own.name, outlets.strip_prefix(own.name))))


def _resolve(text: str, own: Outlet | None) -> Outlet | None:
    if own is not None and any(_same_word(text, name) for name in _own_names(own)):
        return own
    return outlets.find(text)


def _same_word(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def _bracketed(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return bool(before) and bool(after) and before[-1] in _OPEN and after[0] in _CLOSE


def _in_dateline(text: str, start: int, end: int) -> bool:
    """The name opens the text's first paragraph next to a dash or colon, or ends a short
    first paragraph that is a dateline («بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس»)."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if end > len(first) or _SENTENCE_END.search(first[:start]):
        return False
    if len(first[:start].split()) >= _DATELINE_WORDS:
        return False
    before, after = first[:start].rstrip(" \u00a0"), first[end:].lstrip(" \u00a0")
    if (before and before[-1] in _DASHES) or (after and after[0] in _DASHES):
        return True
    if after.startswith("(") or before.endswith(")"):  # «جدة (واس) -» is bracketed anyway
        return False
    short = len(first.split()) <= _SHORT_DATELINE_WORDS and not _SENTENCE_END.search(first)
    return short and not after.strip(" .")


def _cued(text: str, start: int, outlet: Outlet, matched: str) -> bool:
    """Whether a phrase that credits comes right before the name. A name that is also a word
    («بحسب البيان» is "according to the statement") needs the kind of outlet before it
    («بحسب صحيفة البيان»)."""
    window = text[max(0, start - 40) : start]
    word = len(matched.split()) == 1 and normalize(matched).startswith("ال")
    if word and outlet.kind != "agency":
        return bool(_CUE_RE.search(window)) and bool(_KIND_BEFORE_RE.search(window))
    if _CUE_RE.search(window):
        return True
    return outlet.kind == "agency" and not word and bool(_WEAK_CUE_RE.search(window))


def _bare_credit(text: str, start: int, end: int) -> bool:
    """«وذكرت صحيفة «عكاظ»», «حسب جريدة الرياض»: a phrase that credits, the kind of outlet,
    and the name alone (not «صحيفة "اليوم السابع"», not «رئيس تحرير صحيفة عكاظ»)."""
    window = text[max(0, start - 40) : start]
    if not (_CUE_RE.search(window) and _BARE_KIND_RE.search(window)):
        return False
    after = text[end : end + 2]
    if window.rstrip()[-1:] in _OPEN:
        return after[:1] in _CLOSE
    return not after.strip() or not after[:1].isspace() or not after[1:2].isalnum()


def body_credits(body: str, own: Outlet | None = None) -> list[CreditSpan]:
    """The credits a report's body gives (``own``: the article's outlet, whose name counts in
    the dateline even when it is an ordinary word, as «سبق- الشرقية:» is)."""
    found = []
    extra = _own_names(own)
    for match in _names_re(extra).finditer(body):
        start, end = match.span()
        outlet = _resolve(match.group(0), own)
        if outlet is None:  # «وذكرت صحيفة «عكاظ»»: an ambiguous name after a cue and a kind
            outlet = outlets.find_bare(match.group(0))
            if outlet is not None and _bare_credit(body, start, end):
                found.append(_span(outlet, match, "body", 0, "phrase"))
            continue
        if _in_dateline(body, start, end):
            cue = "dateline"
        elif outlets.find(match.group(0)) is not outlet:
            continue  # an ordinary word that names the article's own outlet: dateline only
        elif _bracketed(body, start, end):
            cue = "bracket"
        elif _cued(body, start, outlet, match.group(0)):
            cue = "phrase"
        else:
            continue
        found.append(_span(outlet, match, "body", 0, cue))
    return found


def line_credits(line: str, place: CreditPlace, index: int, own: Outlet | None) -> list[CreditSpan]:
    """The credits of a credit line or dateline cleaning took out of the text."""
    spans = []
    extra = _own_names(own)
    dated = any(dash in line for dash in _DASHES[:-1])  # a dateline: «الرياض» is the city
    for match in _names_re(extra).finditer(line):
        outlet = _resolve(match.group(0), own)
        if outlet is None and not dated:  # «المصدر: عكاظ»
            outlet = outlets.find_bare(match.group(0))
        if outlet is not None:
            spans.append(_span(outlet, match, place, index, "line"))
    return spans


def _span(
    outlet: Outlet, match: re.Match[str], place: CreditPlace, line: int, cue: str
) -> CreditSpan:
    start, end = match.span()
    return CreditSpan(outlet.id, outlet.name, match.group(0), place, line, start, end, cue)


_CREDIT_REASONS = frozenset({"dateline", "source-line", "site-line", "credit-line"})


@functools.lru_cache(maxsize=16384)
def article_credits(article: Article) -> tuple[CreditSpan, ...]:
    """Every credit an article gives: its credit lines, the datelines taken out of its text,
    and its body's."""
    own = own_outlet(article)
    spans: list[CreditSpan] = []
    for k, line in enumerate(article.attributions):
        spans += line_credits(line, "attribution", k, own)
    for k, removed in enumerate(article.removed):
        if removed.reason in _CREDIT_REASONS and removed.text not in article.attributions:
            spans += line_credits(removed.text, "removed", k, own)
    spans += body_credits(article.body, own)
    return tuple(spans)


def own_outlet(article: Article) -> Outlet | None:
    """The known outlet an article comes from (its outlet field, else its source code)."""
    return outlets.of_article(article.outlet, article.source)


def credited(article: Article) -> frozenset[str]:
    """Ids of the outlets an article credits."""
    return frozenset(span.outlet for span in article_credits(article))


@functools.lru_cache(maxsize=16384)
def mentions(article: Article) -> frozenset[str]:
    """Ids of the outlets an article names anywhere, credit or not (a name that is also an
    ordinary word, «الوطن», «العربية», counts only as a credit)."""
    text = "\n".join((article.title or "", *article.attributions, article.body))
    found = set()
    for match in _names_re(()).finditer(text):
        name = match.group(0)
        if len(name.split()) == 1 and normalize(name).startswith("ال"):
            continue
        outlet = outlets.find(name)
        if outlet is not None:
            found.add(outlet.id)
    return frozenset(found)

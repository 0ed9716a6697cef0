"""The tense of the clause around an expression: does the text report the past or announce?

A bare weekday or a month with no year is read by it: news reports the past in the perfect
("أعلن", "وصلت في مارس": the last March) and announces with the future prefix or "سوف"
("سيقام يوم الأربعاء": the coming Wednesday), a phrase of schedule ("من المقرر", "من المنتظر",
"المرتقب") or the present of announcements ("ينتظم ... يوم الأربعاء", "تنطلق يوم الجمعة").

Arabic puts the governing verb first (verb, subject, then the time), so a clause is read from
its start and its first word that shows a tense decides, unless a schedule word ("المقرر") is
in it. A verb known only by its shape (the prefix of "ستصل", the ending of "انطلقت") counts
among the first words of a clause only; further on such words are more often names. A clause
starts after a sentence end, a comma, or a complementizer or relative ("أن", "إن", "أنه",
"التي", "الذي", "لأن", "عندما"). When the clause of the expression shows none, the word right
after it ("نهار الأربعاء سيكون") decides, and then the clauses before it, nearest first, where
the present of announcements does not count. Nothing clear gives None and the caller keeps its
default. "منذ" right before the expression makes it past whatever the verb.

>>> tense("قال ان المجلس سيعقد يوم الاربعاء جلسه", 20)
1
>>> tense("والتي وصلت الي العاصمه في مارس", 26)
-1
>>> tense("ذروه مشاهدتها في مارس", 17) is None
True
"""

from __future__ import annotations

import re
from typing import Final

from marsad.analyze.temporal.calendar import NEAREST
from marsad.analyze.temporal.fold import fold_word

__all__ = ["tense"]

_BACK: Final = 160
_SENTENCE_END: Final = re.compile(r".*[.!?؟;:\n]", re.DOTALL)
_TOKEN: Final = re.compile(r"[^\W\d_]+|,")
_NEXT_WORD: Final = re.compile(r"[\s)]*([^\W\d_]+)")


def _words(*words: str) -> frozenset[str]:
    return frozenset(fold_word(word) for word in words)


_SINCE: Final = _words("منذ", "ومنذ")

_WAS: Final = _words("كان", "كانت", "وكان", "وكانت")

_MAY: Final = _words("قد", "وقد", "فقد")

_CLAUSE_STARTS: Final = _words(
    "أن", "أنه", "أنها", "بأن", "إن", "إنه", "إنها", "التي", "الذي", "الذين", "اللذين", "حيث",
    "لأن", "عندما", "حين", "بينما",
)  # fmt: skip

_FUTURE_WORDS: Final = _words(
    "سوف", "لن", "سيتم", "ستتم", "المقرر", "مقرر", "مقررا", "المقررة", "مقررة", "المنتظر",
    "منتظر", "ينتظر", "المرتقب", "مرتقب", "المرتقبة", "مرتقبة", "يرتقب", "المزمع", "مزمع",
    "المزمعة", "يعتزم", "تعتزم", "المتوقع", "متوقع", "متوقعا", "يتوقع", "مبرمج", "مبرمجا",
    "المبرمج", "المبرمجة",
)  # fmt: skip
"""Words that announce: the future particle, and schedule words ("من المقرر أن")."""

_ANNOUNCING: Final = (
    "تنتظم", "تنطلق", "تقام", "تنعقد", "تعقد", "تحتضن", "تدور", "تجرى", "تلتقي",
    "تخوض", "تستضيف", "تحل", "تتواصل", "تمتد", "تختتم", "تفتتح", "تنظم", "تحيي", "تواجه",
    "تستقبل", "تلعب", "تشارك", "تصل", "تعود", "تزور", "تتوجه", "تلتئم", "تسمح",
)  # fmt: skip
_PRESENT_ANNOUNCING: Final = _words(
    *_ANNOUNCING, *("ي" + verb[1:] for verb in _ANNOUNCING), "تجري", "يجري", "لتختتم", "ليختتم"
)
"""Verbs that announce in the present ("تنطلق يوم الجمعة", "ينتظم ... يوم الأربعاء"). Only
these count, and only among the first words of a clause: most present verbs describe ("الذي
يعمل لدى"), a word starting with ت is more often a verbal noun ("تنظيم"), and some are also
perfects ("وتجمع نحو 500 شرطي", left out)."""

_PAST_WORDS: Final = _words(
    "كان", "كانت", "كانوا", "لقد", "تم", "تمت", "سبق", "لم", "قال", "أعلن", "أكد", "أفاد",
    "أوضح", "أشار", "أضاف", "صرح", "كشف", "ذكر", "نفى", "أعرب", "دعا", "طالب", "فتح", "وصل",
    "عقد", "قرر", "أصدر", "نظم", "سجل", "بلغ", "شهد", "وقع", "جرى", "بدأ", "انطلق", "أطلق",
    "قتل", "توفي", "فاز", "خسر", "زار", "التقى", "استقبل", "اعتبر", "رفض", "وافق", "أقر",
    "أقيم", "عرض", "حقق", "تعرض", "انعقد", "اختتم", "افتتح", "أجرى", "تسلم", "نشر", "قام",
)  # fmt: skip
"""Auxiliaries and common verbs in the perfect (masculine; feminine ones end in ت)."""

_NOT_VERBS: Final = _words(
    "وقت", "بيت", "صوت", "موت", "بنت", "زيت", "سبت", "ثابت", "تحت", "مؤقت", "صمت", "بيروت",
    "إنترنت", "انترنت", "تويت", "حضرموت",
    "سيما", "سيلة", "سيتي", "سيناء", "ستين", "سنين", "ستريت", "سندات", "سيريزا", "ستار",
    "سيول", "سيولة", "سيرة", "سيرته", "سيدني", "ستوكهولم", "سيمون", "ستالين", "ستوك", "ستور",
    "سنغافورة", "سناتور", "سيجارة", "سترة", "ستاد", "ستان", "سيف", "سنة", "ستة", "سنوات",
)  # fmt: skip
"""Words shaped like verbs that are not (nouns ending in ت, names starting with سي/ست)."""

_NOT_FUTURE_PREFIXES: Final = tuple(
    fold_word(prefix)
    for prefix in (
        *("سنو", "سيا", "ستا", "سيطر", "سيد", "سينما", "سيناري", "سنت", "سيئ", "سير"),
        *("ستيف", "ستيو", "سيمان", "سيلف", "سيبا", "سيزا", "ستوك"),
    )
)
"""Families of nouns that start like a future verb (سنوات, سياسة, سيارة, سيطرة, سيدة, سينما)
and common foreign names (ستيفن, ستيوارت, سيرجيو, سيلفا)."""


def tense(text: str, start: int, end: int | None = None, *, present: bool = False) -> int | None:
    """-1 when the clause of ``text[start:end]`` reports the past, +1 when it announces,
    ``NEAREST`` (0) for the date something is put off to, else None (``text`` folded, see
    ``fold``).

    The present announces only with ``present``: "تنطلق يوم الجمعة" is the coming Friday, but
    "يأتي العيد بعد صيام شهر رمضان" says nothing of which Ramadan.
    """
    window = text[max(0, start - _BACK) : start]
    sentence = _SENTENCE_END.match(window)
    if sentence is not None:
        window = window[sentence.end() :]
    tokens = _TOKEN.findall(window)
    if tokens and tokens[-1] in _SINCE:
        return -1  # "منذ آذار (مارس)": since is always past
    clauses = _clauses(tokens)
    if tokens and tokens[-1] in _TO and any(_postponed(word) for word in clauses[-1]):
        # "قرر تأخير موعدها إلى سبتمبر": the September nearest the report, to come when it
        # announces, just past when it looks back ("تم تأجيل المباراة إلى 3 ماي حيث انتهت")
        return NEAREST
    if any(word in _FUTURE_WORDS for word in clauses[-1]):
        return 1  # "العام الدراسي المقرر انطلاقته في": a schedule word governs the date
    if _provided(tokens, len(clauses[-1])):
        return 1  # "على أن يبدأ التدريب في الأول من يناير": what is set to follow
    found = _first_marker(clauses[-1], present, _SHAPED)
    if found is not None:
        return found
    following = _NEXT_WORD.match(text, start if end is None else end)
    if following is not None and _word_tense(following.group(1), present, True) == 1:
        return 1
    # A clause before: its listed words, and for a month its first word ("أنه سيعود إلى
    # المنطقة التي وصفها ... في شهر فيفري"); a weekday belongs to its own clause.
    for clause in reversed(clauses[:-1]):
        found = _first_marker(clause, False, 0 if present else 1)
        if found is not None:
            return found
    return None


_TO: Final = _words("إلى", "الى", "وإلى", "حتى", "لغاية", "غاية")
_POSTPONING: Final = tuple(
    fold_word(stem) for stem in ("تأجيل", "التأجيل", "تأخير", "أجلت", "أرجئ")
)
"""Putting off ("تأجيل", "أجّلت", "أُرجئت"); not «إرجاء», folded the same as «أرجاء» (all over),
nor «أجل» («من أجل»)."""


def _postponed(word: str) -> bool:
    """Whether ``word`` puts off ("تأجيل", "وتأخير", "بتأجيلها", "أرجئت")."""
    start = 1 if word[:1] in "وفبل" else 0
    return word.startswith(_POSTPONING, start)


def _provided(tokens: list[str], last: int) -> bool:
    """Whether the last clause (its ``last`` words end ``tokens``) is opened by «على أن» and
    starts with a present verb: the arrangement a report sets out ("على أن تستأنف الجلسة
    غدا"), which comes after it."""
    opener = len(tokens) - last - 1
    if opener < 1 or last < 1 or tokens[opener] != "ان":
        return False
    return tokens[opener - 1] in _ON and tokens[opener + 1][:1] in "يت"


_ON: Final = _words("على", "وعلى")


def _clauses(tokens: list[str]) -> list[list[str]]:
    clauses: list[list[str]] = [[]]
    for token in tokens:
        if token == ",":
            clauses.append([])
            continue
        bare = token[1:] if token[:1] in "وف" and token[1:] in _CLAUSE_STARTS else token
        if bare in _CLAUSE_STARTS:
            clauses.append([])
        else:
            clauses[-1].append(token)
    return clauses


def _first_marker(clause: list[str], present: bool, shaped: int) -> int | None:
    """The tense of a clause's first word that shows one. "كان" gives way to a schedule word
    after it ("كان من المقرر أن"); "قد" is past before a perfect ("فقد قدم"), not before a
    present ("قد تصل"). Verbs known by their shape, and the present, count among the first
    ``shaped`` words only."""
    for index, word in enumerate(clause):
        later = clause[index + 1 : index + 4]
        if word in _MAY:
            if later and later[0][:1] not in "يتن":
                return -1
            continue
        found = _word_tense(word, present and index < shaped, index < shaped)
        if found is None:
            continue
        if word in _WAS and any(following in _FUTURE_WORDS for following in later):
            return 1
        return found
    return None


_SHAPED: Final = 3
"""How far into a clause a verb known only by its shape ("ستصل", "انطلقت") or a present of
announcement counts: the governing verb comes first; further on, "ستيور" or "سيمي" are more
likely names and "قد تصل إلى 5 سنوات" describes."""


def _word_tense(word: str, present: bool, shaped: bool) -> int | None:
    """The tense ``word`` shows: by the lists, and by its shape if ``shaped``."""
    for form in (word, *_without_clitics(word)):
        if form in _NOT_VERBS:
            return None
        if form in _FUTURE_WORDS or (present and form in _PRESENT_ANNOUNCING):
            return 1
        if form in _PAST_WORDS:
            return -1
    if not shaped:
        return None
    form = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    if len(form) >= 4 and form[0] == "س" and form[1] in "يتن":
        return None if form.startswith(_NOT_FUTURE_PREFIXES) else 1
    if len(form) >= 4 and form[-1] == "ت" and form[-2] != "ا" and not form.startswith("ال"):
        return None if form[0] == "ت" and len(form) == 4 and form != "تمت" else -1
    return None


def _without_clitics(word: str) -> tuple[str, ...]:
    if word[:1] in "وف" and len(word) > 3:
        return (word[1:],)
    return ()

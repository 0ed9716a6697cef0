"""Speech verbs of Arabic news and their forms: past stems with their persons and clitics,
participles that carry a sentence on, and present tenses (``verb_kind``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from marsad.analyze.ner.rules import normalized
from marsad.arabic.normalize import normalize_word

__all__ = ["verb_kind"]

# Past stems of speech verbs (normalized), and their participles that continue a sentence.
_VERBS: Final = normalized(
    """
    قال اكد اضاف ذكر اشار اوضح صرح لفت تابع اعلن بينت شدد نفي كشف اعتبر راي نقل طالب دعا
    افاد اعرب نوه استطرد اردف ختم زعم حذر اورد كتب ابان روي تساءل ابلغ
    نبه انتقد
    """
)


_PARTICIPLES: Final = normalized(
    """
    مؤكدا مضيفا مشيرا لافتا موضحا معتبرا مشددا منوها مبينا متابعا مردفا محذرا معربا منبها
    مؤكده مضيفه مشيره لافته موضحه معتبره مشدده سائلا سائله قائلا قائله داعيا داعيه
    مؤكدين مضيفين مشيرين لافتين موضحين معتبرين مشددين منوهين مبينين محذرين قائلين داعين
    مبديا مبديه كاشفا كاشفه مفيدا مفيده
    مبينه محذره متسائلا متسائله
    """
)


# the past of نفى with a person's ending, whose stem loses its last letter («نفت الوزارة
# أن»; not «روت», which is also a name, Ruth, and ends «الجريب فروت»)
_DEFECTIVE: Final = normalized("نفت نفوا")


# a verb only after و or ف and without the dual's «ا»: «وتوقع الغامدي أن»; alone it is the
# noun as often («رصد الزلازل، توقع الطقس،»), and «وتوقعا لـ» is "in anticipation of"
_AFTER_AND: Final = normalized("توقع توقعت توقعوا")


# present tense: a speaker must be written after it («ويضيف خليفة أن»; not «يذكر أن …»)
_PRESENT: Final = normalized(
    """
    يقول تقول يقولون يؤكد تؤكد يضيف تضيف يشير تشير يوضح توضح يتابع تتابع يشرح تشرح يرى ترى
    يذكر تذكر يبين تبين يعتبر تعتبر يكشف تكشف يروي تروي
    """
)


# «وبين» (and he explained) is also «و + بين» (and between): a verb only with و and a speaker
_AMBIGUOUS: Final = normalized("وبين")


_SUFFIXES: Final = ("", "ت", "وا", "ا", "تا", "ن")


_CLITICS: Final = ("", "و", "ف")


@lru_cache(maxsize=1 << 16)
def verb_kind(token: str) -> str | None:
    """'verb' for a speech verb in the past, 'present' for one in the present (which needs a
    speaker written after it), 'participle' for one that continues, else None."""
    norm = normalize_word(token)
    for clitic in _CLITICS:
        if not norm.startswith(clitic):
            continue
        rest = norm[len(clitic) :]
        if rest in _PARTICIPLES or (rest.endswith("ا") and rest[:-1] in _PARTICIPLES):
            return "participle"
        if rest in _PRESENT:
            return "present"
        if rest in _DEFECTIVE or (clitic and rest in _AFTER_AND):
            return "verb"
        if norm in _AMBIGUOUS:  # «وبيّن», with its shadda written, is the verb
            return "verb" if "\u0651" in token else "present"
        for suffix in _SUFFIXES:
            if suffix and not rest.endswith(suffix):
                continue
            stem = rest[: len(rest) - len(suffix)] if suffix else rest
            if stem in _VERBS:
                return "verb"
    return None

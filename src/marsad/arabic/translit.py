"""A key under which the spellings outlets give one transliterated foreign name are equal.

Arabic outlets write a foreign name several ways: بليجريني / بيليجريني / بيليغريني (Pellegrini),
رودريجو / رودريغو, شنايدرلين / شنيدرلين. They disagree on three things, and the key folds them:

- vowels: a foreign vowel is written with ا و ي or left out, so the key keeps the consonant
  skeleton and drops ا و ي ء (an initial ا or ي stays: رونالد is not ارنولد);
- letters for one foreign sound: g is غ ج ق or گ, t is ت or ط, s is س ص or ث, d is د or ض,
  z is ز ذ or ظ, v is ف or ڤ, p is ب or پ, ch is تش or ش; each class becomes one letter;
- doubled letters (ميلليمتر / ميليمتر): a run of one letter becomes one, except at the start,
  where a doubled letter is a clitic (ببيروت is ب + بيروت).

The final vowel letter stays as a marker (ا, و, ي, or يا for «-ia»): it tells apart words the
skeleton would merge, فنزويلا / فنزويلي, هولندا / هولنديا, كولومبيا / كولومبو.

A skeleton also merges Arabic words: Arabic morphology lives in exactly the letters it drops
(بوزارة / بزيارة, مجلس / مجالس, اختيار / إخطار). So ``name_key`` keys only tokens that look like
transliterated names and returns None for the rest. After a leading conjunction و (ونيوزيلاندا is
نيوزيلاندا), a token looks foreign when all of these hold:

1. it has five letters or more, all Arabic, and a skeleton of four consonants or more: shorter
   skeletons join different names (جوميز / جيمز, دولار / ديلور);
2. it has none of ع ح ظ, which transliterations of European names do not use, and no definite
   article (ال, بال, كال, فال, لل …);
3. it does not end in an Arabic suffix: ه (ة and the pronoun), the pronouns ها هم هما هن كم كما كن
   تنا, the plural and dual endings ات يين يون يات وا تين تان, or تي;
4. it writes its vowels: two or more of ا و ي after the first letter, or one when it has six
   letters or more or ends in «-ng» (ينج, ونغ …) — Arabic writes short vowels not at all;
5. it cannot be read as an Arabic word: a clitic (و ف ب ل ك س and pairs of them), a pattern over
   a three-letter root (فاعل, مفاعيل, تفعيل, افتعال, استفعال …) or a four-letter one (فعلل,
   فعاليل …), and an ending (ون ين ان ات ا ي ه ها …); or an imperfect verb (يتجاوز, سيستضيف,
   يمكننا).

The rules were set by reading the keyed groups of SaudiNewsNet. ``benchmarks/name_keys.py``
measures them: how many tokens they key, and, on a labelled sample of the pairs they join, how
many are different words or names (benchmarks/gold/README_name_keys.md).

>>> name_key("بليجريني") == name_key("بيليغريني") == name_key("بيليجريني")
True
>>> name_key("بوزاره") is None, name_key("بزياره") is None, name_key("والامريكي") is None
(True, True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

__all__ = ["name_key", "skeleton"]

_VOWELS: Final = frozenset("اويء")
_CLASSES: Final = str.maketrans(
    {
        "غ": "ج",
        "ق": "ج",
        "گ": "ج",
        "ت": "ط",
        "ص": "س",
        "ث": "س",
        "ض": "د",
        "ظ": "ز",
        "ذ": "ز",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ش",
    }
)
_LETTERS: Final = re.compile("[\u0621-\u063a\u0641-\u064a\u067e\u0686\u06a4\u06af]+")
_ARABIC_ONLY: Final = frozenset("عحظ")
_ARTICLE: Final = ("ال", "بال", "كال", "فال", "لل", "فبال", "فلل", "فكال")
_SUFFIXES: Final = (
    *("ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "تنا"),
    *("ات", "يين", "يون", "يات", "وا", "تين", "تان", "تي"),
)
_NG_END: Final = re.compile("[اوي]ن[جغ]$")
_MIN_LETTERS: Final = 5
_MIN_SKELETON: Final = 4

# Arabic word shapes over root letters: R is any letter (weak and hamzated roots have و ي and, once
# normalized, ا among their letters), Q a consonant (four-letter roots rarely have a weak letter).
_R = "."
_Q = "[^اوي]"
_TRILITERAL: Final = (
    # nouns, adjectives, verbal nouns and broken plurals
    "RRR RاRR RRاR RRيR RRوR RاRوR RواRR RRايR RRاRي RRRاء RRRاي RRRاو",
    "اRRاR اRاRR اRاRيR اRRR اRRيR اRRوR",
    "مRRR مRRوR مRRاR مRRيR مRاRR مRاRيR مRRRي مستRاR مRيRR مRRوRو مRRRو مستRRRو",
    "تRRيR تRاRR تRRR تRRاR تRاRيR",
    "اR[تطد]RاR اR[تطد]RR انRRاR انRRR استRRاR استRRR",
    "مR[تطد]RR مستRRR منRRR متRاRR متRRR",
)
_QUADRILITERAL: Final = "QQQQ QQQاQ QQQيQ QQQوQ QQاQQ QQاQيQ مQQQQ تQQQQ"
_QUAD_PLURAL: Final = "QQاQQ QQاQيQ QQQوQ"  # these also take a clitic: لجماهير, لجمهور


def _alternatives(patterns: str) -> re.Pattern[str]:
    """One regex for whitespace-separated word patterns over R and Q."""
    return re.compile("|".join(p.replace("R", _R).replace("Q", _Q) for p in patterns.split()))


_STEM: Final = _alternatives(" ".join(_TRILITERAL))
_QUAD_STEM: Final = _alternatives(_QUADRILITERAL)
_QUAD_PLURAL_STEM: Final = _alternatives(_QUAD_PLURAL)
_PREFIXES: Final = ("", "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "فب", "فل", "وس", "فس", "وك")
_ENDINGS: Final = (
    *("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ني", "ي"),
    *("ون", "ين", "ان", "ات", "ا", "ت", "تم", "وا", "يه", "يا", "يين", "يون", "يات"),
    *("ته", "تها", "تهم", "تي", "تين", "تان", "اه", "اها", "اهم", "يها", "يهم"),
    *("يان", "وني", "وها", "وهم"),
)
# Imperfect verbs: a person prefix and a stem. A derived stem (يتجاوز, ينتظر, يستخدم) is a verb
# as it stands; a plain one (ي + كتب, ي + سيطر) only with a number ending or an object pronoun,
# because «فينجر», «فيسبوك» and «تشونغ» read as ف + ينجر, ف + يسبوك and ت + شونغ too.
_VERB_END: Final = "(?:ون|ان|ين|وا|ن)"
_OBJECT: Final = "(?:نا|ني|كم|ه|ها|هم)"
_VERB: Final = re.compile(
    f"(?:[وفل]|لا)?س?[يتنا](?:"
    f"(?:{_R}{{3}}|{_R}[وي]{_R}{{2}})(?:{_VERB_END}{_OBJECT}?|{_OBJECT})"
    f"|(?:{_R}ا{_R}{{2}}|ت{_R}ا{_R}{{2}}|ت{_R}{{3}}|ن{_R}{{3}}|{_R}[تطد]{_R}{{2}}|ست{_R}{{3}})"
    f"{_VERB_END}?{_OBJECT}?)"
)


@lru_cache(maxsize=1 << 17)
def name_key(token: str) -> str | None:
    """The spelling-free key of ``token`` if it looks like a transliterated name, else None.

    ``token`` is one token of normalized text (``tokens(normalize(text))``). Results are cached
    (``name_key.cache_clear()`` empties the cache): it runs on every token of every title and lead.

    >>> name_key("رودريجو") == name_key("رودريغو")
    True
    >>> name_key("بلومبيرغ")
    'بلمبرج'
    """
    word = token.lstrip("و")  # the conjunction: ونيوزيلاندا is نيوزيلاندا
    if not _may_be_foreign(word):
        return None
    head, consonants, marker = _parts(word)
    if len(consonants) + (head != "ا") < _MIN_SKELETON or _arabic_shaped(word):
        return None
    return head + consonants + marker


def skeleton(word: str) -> str:
    """The key of ``word`` without the "looks foreign" test: consonant classes and final vowel.

    ``skeleton(skeleton(word)) == skeleton(word)``: a key is its own key.

    >>> skeleton("شنايدرلين") == skeleton("شنيدرلين")
    True
    """
    return "".join(_parts(word)) if word else ""


def _parts(word: str) -> tuple[str, str, str]:
    """The first letter, the consonants after it and the final vowel marker of ``word``."""
    # ch is تش or ش (تشيلسي / شيلسي); the t class is written ط in a key, so that a key, where
    # t and sh may meet once the vowels between them are gone, never reads as a ch
    letters = word.replace("تش", "ش").translate(_CLASSES)
    head = letters[0]  # the first letter stays, even ا or ي: a vowel the spellings agree on
    body = [letter for letter in letters[1:] if letter not in _VOWELS]
    # runs of one letter become one; the first letter stays apart (ببيروت is ب + بيروت)
    consonants = "".join(c for i, c in enumerate(body) if i == 0 or body[i - 1] != c)
    if len(word) > 2 and word.endswith("يا"):
        marker = "يا"
    else:
        marker = word[-1] if len(word) > 1 and word[-1] in "اوي" else ""
    return head, consonants, marker


def _may_be_foreign(word: str) -> bool:
    """Rules 1 to 4 of the module docstring but the skeleton's length: the cheap ones."""
    if len(word) < _MIN_LETTERS or not _LETTERS.fullmatch(word):
        return False
    if not _ARABIC_ONLY.isdisjoint(word) or word.startswith(_ARTICLE) or word.endswith(_SUFFIXES):
        return False
    vowels = sum(letter in "اوي" for letter in word[1:])
    return vowels >= 2 or (vowels == 1 and (len(word) >= 6 or _NG_END.search(word) is not None))


def _arabic_shaped(word: str) -> bool:
    """Whether ``word`` reads as an Arabic word: clitic + pattern over a root + ending."""
    if _VERB.fullmatch(word):
        return True
    for ending in _ENDINGS:
        if not word.endswith(ending):
            continue
        stem_end = len(word) - len(ending)
        if _QUAD_STEM.fullmatch(word, 0, stem_end):  # four-letter roots take no clitic here
            return True
        for prefix in _PREFIXES:
            if stem_end - len(prefix) >= 3 and word.startswith(prefix):
                if _STEM.fullmatch(word, len(prefix), stem_end):
                    return True
                if prefix and _QUAD_PLURAL_STEM.fullmatch(word, len(prefix), stem_end):
                    return True
    return False

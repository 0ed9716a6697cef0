"""Arabic text normalization for matching; display text always keeps the original.

Two reports of one event rarely spell it the same way: one outlet writes «الأميركي», another
"الأمريكي"; one keeps harakat, one stretches words with tatweel, a tag line is typed on a
Persian keyboard. ``normalize`` maps all of these onto one form so that equal words compare
equal. The result is only ever used as a key for matching, never shown to a reader.

Rules, in the order they run, and why:

1. Per character (tables below):

   - removed: harakat and shadda U+064B–U+065F, superscript alef U+0670, Quranic annotation
     marks U+0610–U+061A, U+06D6–U+06ED and U+08D3–U+08FF, high hamza U+0674 (what NFKC
     leaves of ٵ ٶ ٸ), tatweel U+0640 ("داعـش" is "داعش"). Vocalization and stretching are
     optional in Arabic, so "مجدداً" and "مجددا" are the same word.
   - removed: zero-width and bidi controls (U+200B–U+200F, U+061C, U+202A–U+202E,
     U+2060–U+2064, U+2066–U+2069, U+FEFF) and the soft hyphen U+00AD. They are invisible and
     only split words that look whole.
   - alef variants أ إ آ ٱ ٲ ٳ ٵ → ا; alef maqsura ى → ي; teh marbuta ة → ه; hamza seats
     ؤ → و and ئ → ي. Writers and outlets disagree on all of these ("الإستراتيجي" /
     "الاستراتيجي", "إلى" / "الى"); Arabic retrieval folds them as standard practice.
   - Persian and Urdu letters that stand in for Arabic ones when a text was typed on a
     Persian keyboard: ی ې ۍ → ي, ک ڪ → ك, ھ ۀ ہ ۂ ە ۃ → ه ("الخارجیة" is "الخارجية").
   - digits: Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9, and the Arabic decimal separator ٫,
     thousands separator ٬ and percent sign ٪ → ``.`` ``,`` ``%``, so "٢٠٢٤" matches "2024".
   - quotation marks «» “” „ ‟ ″ → ``"`` and ‹› ‘’ ‚ ‛ ′ → ``'``: the quotation styles in
     the seed texts carry no meaning of their own. ″ is mapped before NFKC would split it
     into two primes.
   - Arabic punctuation ، ؛ ؟ ۔ → ``,`` ``;`` ``?`` ``.``.
   - tabs, vertical tab, form feed, no-break and other Unicode spaces → space; ``\\r\\n``,
     ``\\r``, U+0085, U+2028 and U+2029 → newline.

2. NFKC, casefold, NFKC. NFKC folds Arabic presentation forms (U+FB50–U+FEFF: ligatures and
   contextual glyphs from old CMSs and PDF exports) into plain letters, and full-width and
   compatibility characters into ordinary ones; casefolding makes Latin case-blind; the
   second NFKC composes what casefolding decomposed. NFKC can produce characters from step 1
   (ﻷ is ل + أ), so when it changed anything step 1 runs again.
   Step 1 runs first only for speed: with harakat gone and no-break spaces mapped, NFKC's
   quick check passes on nearly every article and the slow full normalization is skipped.

3. Spelling variants that no letter rule can reach, from ``SPELLING_RULES``: loanwords and
   names that outlets transliterate differently (أميركي/أمريكي, ديموقراطية/ديمقراطية,
   تليفزيون/تلفزيون, أوروبا/أوربا, واشنطون/واشنطن, ترمب/ترامب, مليشيا/ميليشيا,
   كونجرس/كونغرس, تكنلوجيا/تكنولوجيا) and Egyptian مسئول for مسؤول. Each is a substring rule
   on folded text whose pattern occurs in no unrelated word, so no two words are merged.
   Variants a letter rule already covers need no entry: الإستراتيجي/الاستراتيجي (alef),
   مجدداً/مجددا (harakat).
4. Runs of spaces become one space; whitespace around newlines is dropped, and three or more
   newlines become two, because downstream stages split on paragraphs.

``normalize`` is idempotent: ``normalize(normalize(x)) == normalize(x)`` for every string.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

__all__ = ["SPELLING_RULES", "normalize", "normalize_word"]


def _span(first: int, last: int) -> range:
    """Code points ``first`` to ``last`` inclusive, so the tables read like the Unicode charts."""
    return range(first, last + 1)


_DELETED: Final = (
    *_span(0x064B, 0x065F),  # harakat, shadda, sukun, maddah and hamza above/below
    0x0670,  # superscript (dagger) alef
    *_span(0x0610, 0x061A),  # honorific and Quranic signs written above letters
    *_span(0x06D6, 0x06ED),  # Quranic annotation marks
    *_span(0x08D3, 0x08FF),  # extended Quranic marks
    0x0674,  # high hamza, what NFKC leaves of ٵ ٶ ٸ
    0x0640,  # tatweel
    *_span(0x200B, 0x200F),  # zero-width space/non-joiner/joiner, LRM, RLM
    0x061C,  # Arabic letter mark
    *_span(0x202A, 0x202E),  # bidi embeddings and overrides
    *_span(0x2060, 0x2064),  # word joiner and invisible operators
    *_span(0x2066, 0x2069),  # bidi isolates
    0xFEFF,  # byte order mark / zero-width no-break space
    0x00AD,  # soft hyphen
)

_FOLDED: Final[dict[str, str]] = {
    # alef variants
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    # yeh, teh marbuta and hamza seats
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    # Persian and Urdu letters
    "\u06cc": "ي",  # ی farsi yeh
    "\u06d0": "ي",  # ې
    "\u06cd": "ي",  # ۍ
    "\u06a9": "ك",  # ک keheh
    "\u06aa": "ك",  # ڪ swash kaf
    "\u06be": "ه",  # ھ heh doachashmee
    "\u06c0": "ه",  # ۀ
    "\u06c1": "ه",  # ہ heh goal
    "\u06c2": "ه",  # ۂ
    "\u06c3": "ه",  # ۃ
    "\u06d5": "ه",  # ە ae
    # number punctuation
    "٫": ".",
    "٬": ",",
    "٪": "%",
    # quotation marks
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "‹": "'",
    "›": "'",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    # Arabic punctuation
    "،": ",",
    "؛": ";",
    "؟": "?",
    "۔": ".",
    # NFKC would make these same changes; doing them here keeps NFKC on its fast path
    "\u00a0": " ",  # no-break space
    "\u2026": "...",  # horizontal ellipsis
    # whitespace
    "\t": " ",
    "\x0b": " ",
    "\x0c": " ",
    "\u1680": " ",
    **{chr(code): " " for code in _span(0x2000, 0x200A)},  # en quad … hair space
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\r": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}

_DIGITS: Final[dict[str, str]] = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠–٩
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian ۰–۹
}

_CHAR_MAP: Final[dict[str, str]] = {**dict.fromkeys(map(chr, _DELETED), ""), **_FOLDED, **_DIGITS}
"""Every per-character rule: character → replacement (empty to delete)."""

# How the map is applied, for speed: str.translate looks every character up in a dict and pays
# for an exception on each miss (~30 µs per KB of Arabic), while str.replace finds a character
# with memchr. So the characters common in news text are replaced one by one, and translate runs
# only when a rarer one is present. The replacements are never keys, so the order is free.
_COMMON: Final = "".join(
    (
        "".join(map(chr, _span(0x064B, 0x0652))),  # harakat and shadda
        "\u0640\u0670\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad",
        "أإآىةؤئ\u06cc\u06a9",
        "".join(_DIGITS),
        "،؛؟«»“”‘’″",
        "\u00a0\u2026\t\r",
    )
)
_COMMON_PAIRS: Final = (("\r\n", "\n"), *((char, _CHAR_MAP[char]) for char in _COMMON))
_RARE: Final = re.compile("[" + "".join(re.escape(c) for c in _CHAR_MAP if c not in _COMMON) + "]")
_TABLE: Final = str.maketrans(_CHAR_MAP)

# Substring rules on letter-folded text, applied in this order. A rule must be safe: its pattern
# occurs in no unrelated word. And no replacement may create a pattern of the same or an earlier
# rule, even across its edges, so that one pass leaves none behind (tests check this); that is why
# the patterns are cut to the letters that carry the variation ("ميركا", not "اميركا", whose
# leading alef a preceding replacement's final alef could supply).
SPELLING_RULES: Final[tuple[tuple[str, str], ...]] = (
    ("ميركا", "مريكا"),  # أميركا / أمريكا, أميركان; "ميرك" alone would catch أميرك "your prince"
    ("ميركي", "مريكي"),  # أميركي / أمريكي, أميركية, أميركيون
    ("ديموقراط", "ديمقراط"),  # ديموقراطية / ديمقراطية
    ("تليفزيون", "تلفزيون"),  # Egyptian / Levantine spellings of television
    ("تلفيزيون", "تلفزيون"),
    ("وروب", "ورب"),  # أوروبا / أوربا, أوروبي / أوربي
    ("واشنطون", "واشنطن"),
    ("ترمب", "ترامب"),  # Asharq Al-Awsat and Independent Arabia spell Trump ترمب
    ("مليشي", "ميليشي"),  # مليشيا / ميليشيا
    ("ميلشي", "ميليشي"),
    ("كونجرس", "كونغرس"),  # Egyptian ج for g
    ("تكنلوج", "تكنولوج"),
    ("مسيول", "مسوول"),  # Egyptian مسئول (ئ→ي) / مسؤول (ؤ→و), also مسئولية
)

_BLANK_LINES: Final = re.compile(r"\n{3,}")
_MAX_PASSES: Final = 3


def normalize(text: str) -> str:
    """Fold ``text`` into the form used for matching (see the module docstring for the rules).

    >>> normalize("«الأميركي»  مجدداً ٢٠٢٤")
    '"الامريكي" مجددا 2024'
    """
    text = _map_chars(text)
    if text.isascii():
        text = text.lower()
    elif unicodedata.is_normalized("NFKC", text):
        text = _fold_case(text)
    else:
        # NFKC will change something, and may produce characters that step 1 maps (ﻷ is ل + أ).
        text = _map_chars(_fold_case(text))
        # Deleting those may bring a letter and a combining mark together (NFKC turns ﹱ into
        # tatweel + fathatan); compose them, so that the result is a fixed point.
        for _ in range(_MAX_PASSES):
            if unicodedata.is_normalized("NFKC", text):
                break
            text = _map_chars(_fold_case(text))
    for pattern, replacement in SPELLING_RULES:
        if pattern in text:
            text = text.replace(pattern, replacement)
    return _tidy_whitespace(text)


@functools.lru_cache(maxsize=1 << 18)
def normalize_word(word: str) -> str:
    """``normalize`` of one word or short name, remembered: the taggers and readers fold the
    same words again and again (a few hundred thousand of them kept, per process)."""
    return normalize(word)


def _fold_case(text: str) -> str:
    """NFKC, casefold, NFKC: casefolding can decompose what NFKC composed (ǰ), and back."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def _map_chars(text: str) -> str:
    """Apply ``_CHAR_MAP``: common characters by ``str.replace``, the rest by one translate."""
    for char, replacement in _COMMON_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    if _RARE.search(text):
        text = text.translate(_TABLE)
    return text


def _tidy_whitespace(text: str) -> str:
    """One space between words, one newline between lines, one blank line between paragraphs."""
    while "  " in text:  # halves every run of spaces; faster than a regex on news text
        text = text.replace("  ", " ")
    if "\n" not in text:
        return text.strip(" ")
    text = "\n".join([line.strip(" ") for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")

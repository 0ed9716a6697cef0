"""Word tokens of normalized text: maximal runs of letters and digits, punctuation dropped.

A token is a run of characters for which ``str.isalnum`` holds (Arabic and Latin letters and
digits), which is what the regex ``[^\\W_]+`` matches. Digits glued to letters stay one token
("f16", "2024م"): splitting them would guess at meaning that matching does not need.
"""

from __future__ import annotations

import re
import string
from typing import Final

__all__ = ["tokens"]

_TOKEN: Final = re.compile(r"[^\W_]+")

# Separators that normalized news text actually contains. Replacing them and splitting on
# whitespace is twice as fast as the regex; the regex still decides whenever anything else is
# left between the words, so both ways give the same tokens.
_PUNCTUATION: Final = string.punctuation + "–—•·«»“”‘’×°©®€£"


def tokens(norm_text: str) -> list[str]:
    """The word tokens of ``norm_text``, the output of ``normalize``, in order.

    >>> tokens('قال: "الامريكي" 60% (2024)')
    ['قال', 'الامريكي', '60', '2024']
    """
    text = norm_text
    for mark in _PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    words = text.split()
    if "".join(words).isalnum():
        return words
    return _TOKEN.findall(norm_text)

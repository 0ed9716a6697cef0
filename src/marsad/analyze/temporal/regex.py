"""The pieces every temporal pattern is built of: spaces that do not cross a line, word ends,
and word lists as tries (``words``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

__all__ = ["END", "OPT", "SP", "WORD_END", "words"]

_WS: Final = r"[^\S\n]"  # expressions do not run across lines
SP: Final = _WS + "+"
OPT: Final = _WS + "*"
END: Final = r"(?!\w)"
WORD_END: Final = r"(?![^\W\d])"  # a name may touch a number: "الأربعاء27/10", "ديسمبر2014"


def words(spellings: Iterable[str]) -> str:
    """An alternation of folded ``spellings`` built as a trie, spaces matching any run of spaces.

    ``re`` skips an alternative whose first character differs at no cost, so a trie of a
    hundred names costs a few comparisons where a flat alternation would try them all. Longer
    words are tried first: a word that ends where a longer one goes on is an optional suffix.
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in spellings:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(tree) + ")"


def _trie(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        (SP if char == " " else re.escape(char)) + _trie(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body

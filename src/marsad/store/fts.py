"""Turn what a user types into an FTS5 query over normalized text and stems.

Each word must match the normalized title or, by its light stem, the title or body (so
الأمريكي finds الأميركي and والأمريكي); text in double quotes must match as a phrase. User
input never reaches FTS5 syntax unquoted, so no query can fail to parse.
"""

from __future__ import annotations

import re

from marsad.arabic import normalize, stem_tokens, tokens

_PHRASE_RE = re.compile(r'"([^"]+)"|«([^»]+)»')


def build_query(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or None when it holds no searchable word."""
    clauses: list[str] = []
    phrases = [a or b for a, b in _PHRASE_RE.findall(text)]
    rest = _PHRASE_RE.sub(" ", text)
    for phrase in phrases:
        words = tokens(normalize(phrase))
        if words:
            clauses.append(_either(words))
    for word in tokens(normalize(rest)):
        clauses.append(_either([word]))
    return " AND ".join(clauses) or None


def _either(words: list[str]) -> str:
    exact = " ".join(words)
    stemmed = " ".join(stem_tokens(words))
    return f'(norm_title : "{exact}" OR stems : "{stemmed}")'

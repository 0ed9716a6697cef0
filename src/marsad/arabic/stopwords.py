"""Function words that carry no topic, in Arabic and English, in their normalized form.

They are written as ``normalize`` leaves them (ا for أ إ آ, ي for ى, ه for ة) so that a token can
be looked up directly; a test checks that every entry is a fixed point of ``normalize``. Arabic
attaches the conjunction و to the next word, so the most frequent و-forms are listed too, and so
are the reporting verbs (قال، أضاف، أكد …) that open many sentences of a news report.
Stop words are surface tokens: filter them before stemming.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ARABIC_STOPWORDS", "ENGLISH_STOPWORDS", "STOPWORDS"]


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of ``block``: a word list that reads like a word list."""
    return frozenset(block.split())


ARABIC_STOPWORDS: Final = _words(
    """
    في من الي علي عن مع حتي منذ خلال بين عند لدي نحو حول ضد دون عبر تحت فوق امام
    بعد قبل اثناء ضمن غير مثل عليه فيه فيها منه منها عنه اليه له لها به بها
    ان انه انها لان لكن بل او ام ثم اذا اذ لو كي حيث حين عندما بينما كما
    بما مما فيما ما ماذا متي اين كيف هل قد لقد سوف لن لم لا الا اما اي ايضا فقط كل
    بعض جميع هناك هنا الان كذلك وهو وهي وقد ولا ولم وان وفي ومن وعلي والي ومع وكان وكانت
    هذا هذه ذلك تلك هولاء الذي التي الذين
    هو هي هم نحن كان كانت يكون تكون ليس
    قال قالت وقال وقالت اضاف واضاف اضافت واضافت اكد واكد اكدت واكدت اشار واشار اوضح واوضح
    """
)

ENGLISH_STOPWORDS: Final = _words(
    """
    a an the and or but not no of in on at to for from by with as into about after
    before over between than then so if is are was were be been has have had do does did
    will would it its this that these those there he she they we you i
    his her their our who which what when where all also said
    """
)

STOPWORDS: Final = ARABIC_STOPWORDS | ENGLISH_STOPWORDS
"""Both lists; scripts do not overlap, so one set serves any text."""

"""The Hijri rules (Umm al-Qura dates: "25 شوال 1436هـ", "1 / 11 / 1436 هـ", "منتصف ذي
القعدة"), a second list beside ``grammar.RULES``, of the same pieces."""

from __future__ import annotations

from typing import Final

from marsad.analyze.temporal.grammar import (
    AH,
    DIRECTION,
    HIJRI_MONTH,
    HIJRI_YEAR,
    ORDINAL,
    TO,
    YEAR_WORD,
)
from marsad.analyze.temporal.lexicon import EPITHETS, PARTS, YEAR_PREPOSITIONS
from marsad.analyze.temporal.regex import END, OPT, SP, words

__all__ = ["HIJRI_RULES"]


def _hijri_month(p: str, then: str = "") -> str:
    """A Hijri month name, with "شهر" before and praise after ("شهر رمضان المبارك"), ``then``,
    then its year ("1436هـ", "عام 1436") or a relative word ("الماضي", "من العام المنصرم")."""
    return (
        rf"(?:(?P<{p}_s>شهر){SP})?(?P<{p}_m>{HIJRI_MONTH})"
        rf"(?:{SP}(?P<{p}_ep>{words(EPITHETS)}){END})?{then}"
        rf"(?:{OPT},?{OPT}(?:من{SP})?(?:{YEAR_WORD}{OPT})?(?P<{p}_y>{HIJRI_YEAR})(?:{AH})?"
        rf"|{OPT},?{SP}(?:من{SP})?(?:العام|السنه){SP}(?P<{p}_yd>{DIRECTION})"
        rf"|{SP}(?P<{p}_dir>{DIRECTION}))?"
    )


_HIJRI_NUMERIC: Final = (
    rf"(?P<hnum_iy>{HIJRI_YEAR}){OPT}(?P<hnum_s>[-/.]){OPT}(?P<hnum_im>[01]?\d){OPT}"
    rf"(?P=hnum_s){OPT}(?P<hnum_id>[0-3]?\d)(?!\d)(?:{AH})?"
    rf"|(?:(?P<hnum_d0>[0-3]?\d)(?:{OPT}/{OPT}(?P<hnum_m0>[01]?\d))?{OPT}(?:الي|حتي|-){OPT})?"
    rf"(?P<hnum_d>[0-3]?\d){OPT}(?P<hnum_t>[-/.]){OPT}(?P<hnum_m>[01]?\d){OPT}"
    rf"(?P=hnum_t){OPT}(?P<hnum_y>{HIJRI_YEAR})(?:{AH})?"
)

_HIJRI_DAY: Final = (
    rf"(?:(?P<hday_o>{ORDINAL}){SP}من|(?P<hday_g>غره)|(?P<hday_l>اخر|اول){SP}يوم"
    rf"|(?P<hday_f>اول){SP}ايام"
    rf"|(?:ال{OPT})?(?P<hday_d>[0-3]?\d)(?!\d)(?:(?:{TO}|{SP})(?P<hday_e>[0-3]?\d)(?!\d))?)"
    rf"{OPT}(?:من{SP})?"
    + _hijri_month(
        "hday",
        rf"(?:{TO}(?P<hday_d2>[0-3]?\d)(?!\d){OPT}(?:من{SP})?(?:شهر{SP})?(?P<hday_n>{HIJRI_MONTH}))?",
    )
)

_HIJRI_PART: Final = rf"(?P<hpart_w>{words(PARTS)}){SP}{_hijri_month('hpart')}"

_HIJRI_MONTH_RULE: Final = (
    rf"(?:(?P<hmonth_p>{words(YEAR_PREPOSITIONS)}|صيام|صوم){SP})?"  # "صيام رمضان"
    rf"(?P<hmonth_x>{_hijri_month('hmonth')})"
)

_HIJRI_MONTHS_RULE: Final = (
    rf"(?:شهري|اشهر|الاشهر|شهور){SP}(?P<hmonths_a>{HIJRI_MONTH})"
    rf"(?:{OPT}[,و]{OPT}{HIJRI_MONTH})*{TO}(?:شهر{SP})?(?P<hmonths_z>{HIJRI_MONTH})"
    rf"(?:{OPT},?{OPT}(?:{YEAR_WORD}{OPT})?(?P<hmonths_y>{HIJRI_YEAR})(?:{AH})?"
    rf"|{SP}(?P<hmonths_dir>{DIRECTION}))?"
)
"""Two or more Hijri months: "أشهر ربيع أول وربيع ثان وجماد الآخر ورجب لعام 1436هـ"."""

_HIJRI_YEAR_RULE: Final = (
    rf"(?:ل?(?:العام|عام|السنه|سنه){OPT}(?:الهجري{SP})?)?(?P<hyear_y>{HIJRI_YEAR})"
    rf"(?:{OPT}[-/]{OPT}(?P<hyear_z>{HIJRI_YEAR}))?{AH}"
    rf"|(?P<hyear_k>ل?(?:العام|عام|السنه|سنه)){OPT}(?P<hyear_n>{HIJRI_YEAR})(?!{OPT}(?:م|ميلادي))"
)
"""A Hijri year: with "هـ" ("1436هـ", "العام 1435/1436هـ"), or after a year word without it
("عام 1435") when it is within a few years of the reference's Hijri year."""


HIJRI_RULES: Final = (
    ("hnum", _HIJRI_NUMERIC),
    ("hday", _HIJRI_DAY),
    ("hpart", _HIJRI_PART),
    ("hmonths", _HIJRI_MONTHS_RULE),
    ("hyear", _HIJRI_YEAR_RULE),
    ("hmonth", _HIJRI_MONTH_RULE),
)
"""The Hijri rules, tried where ``RULES`` find nothing and ``HIJRI_HINT`` is near: no text
position matches both, and most texts hold no Hijri date, so they cost nothing there."""

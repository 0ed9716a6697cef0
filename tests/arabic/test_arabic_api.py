"""The package's public names, and the examples in its docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

import marsad.arabic


def test_arabic_exports_the_public_api() -> None:
    assert set(marsad.arabic.__all__) >= {
        "normalize",
        "tokens",
        "stem_tokens",
        "stems",
        "STOPWORDS",
        "MONTHS",
        "WEEKDAYS",
        "month_number",
    }
    for name in marsad.arabic.__all__:
        assert getattr(marsad.arabic, name) is not None


# By name: the package's ``normalize`` attribute is the function, which hides the module.
@pytest.mark.parametrize("name", ["", ".normalize", ".tokenize", ".stem", ".months"])
def test_arabic_docstring_examples_run(name: str) -> None:
    module = importlib.import_module("marsad.arabic" + name)
    result = doctest.testmod(module, raise_on_error=False)
    assert result.attempted > 0
    assert result.failed == 0

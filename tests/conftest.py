"""Shared fixtures: where the shared data lives, and skip markers when it is absent."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
SEEDS = SHARED / "seeds"
SAUDINEWSNET = SHARED / "saudinewsnet"
DATA = Path(__file__).resolve().parent / "data"


# What Marsad caches (the unpacked language model) goes to a directory of this test run, not
# the user's; subprocesses (the CLI tests) inherit it.
os.environ.setdefault("MARSAD_CACHE_DIR", tempfile.mkdtemp(prefix="marsad-test-cache-"))


def require(path: Path) -> Path:
    """Skip the calling test, saying where to get the data, when ``path`` is missing."""
    if not path.exists():
        pytest.skip(
            f"{path} is missing: this test needs the shared data folder next to the repository "
            "(../shared/data, see benchmarks/README.md for where to obtain it)"
        )
    return path


@pytest.fixture
def seeds() -> Path:
    return require(SEEDS)


@pytest.fixture
def saudinewsnet() -> Path:
    return require(SAUDINEWSNET)

"""SaudiNewsNet bodies for the reuse benchmark: read from the daily zips, normalized once.

Every method is handed the same normalized texts, so differences in the results come from the
methods and not from how the text was prepared.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt

from marsad.arabic import normalize
from marsad.link.shingles import shingle_set

DATA_URL = "https://github.com/parallelfold/SaudiNewsNet"
Hashes = npt.NDArray[np.uint64]  # a sorted shingle set, as ``shingle_set`` returns it
SHINGLE_N = 5  # words per shingle, as Marsad's reuse detection uses
_PROBE = "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض"  # shingled into the digest: a new hash changes it


def load_bodies(data: Path, limit: int | None = None) -> dict[str, str]:
    """Article bodies by id ``<zip stem>#<index in its array>``, in file order; empty skipped."""
    zips = sorted(data.glob("*.zip"))
    if not zips:
        raise FileNotFoundError(
            f"no SaudiNewsNet zips in {data}: get the daily zips (data/*.zip) from {DATA_URL} "
            "and pass --data DIR"
        )
    bodies: dict[str, str] = {}
    for path in zips:
        for index, record in enumerate(_records(path)):
            content = record.get("content") or ""
            if content.strip():
                bodies[f"{path.stem}#{index}"] = content
                if limit is not None and len(bodies) >= limit:
                    return bodies
    return bodies


def _records(path: Path) -> list[dict[str, str]]:
    """The JSON array held by one daily zip (one member per zip)."""
    with zipfile.ZipFile(path) as archive:
        records: list[dict[str, str]] = []
        for name in archive.namelist():
            records += json.loads(archive.read(name))
        return records


def normalize_all(bodies: Mapping[str, str]) -> dict[str, str]:
    """``normalize`` of every body: the input all methods and the ground truth share."""
    return {doc_id: normalize(body) for doc_id, body in bodies.items()}


def corpus_digest(docs: Mapping[str, str]) -> str:
    """SHA-256 of the ids, the normalized texts and the shingle hash of a probe text.

    It keys the cached ground truth, so a change to the data, to normalization or to the
    shingle hash recomputes it instead of silently reusing a stale one.
    """
    digest = hashlib.sha256(shingle_set(_PROBE, SHINGLE_N).tobytes())
    for doc_id in sorted(docs):
        digest.update(doc_id.encode() + b"\0" + docs[doc_id].encode() + b"\0")
    return digest.hexdigest()

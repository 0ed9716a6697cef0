"""How inputs are read: the options every reader takes, and the ``--map`` field-map parser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from marsad.config import MAX_DOCUMENT_BYTES, MAX_FILE_BYTES
from marsad.errors import InputError

FORMATS = ("text", "html", "feed", "warc", "json", "jsonl", "csv", "tsv", "zip")
"""The formats a reader exists for (``feed`` covers RSS 1.0/2.0 and Atom)."""

FORMAT_ALIASES = {"rss": "feed", "atom": "feed", "ndjson": "jsonl", "txt": "text", "htm": "html"}
"""Other names a user may give ``--format``; they map onto :data:`FORMATS`."""

FIELD_TARGETS = ("body", "title", "url", "published", "crawled", "author", "source", "lang")
"""What ``--map`` may fill from a JSON or CSV field (``site_name`` is accepted for ``source``)."""

TARGET_ALIASES = {"site_name": "source", "site": "source", "outlet": "source", "date": "published"}


def normalize_format(name: str) -> str:
    """The canonical format name for a user-given one; InputError when there is no such reader."""
    key = name.strip().lower()
    key = FORMAT_ALIASES.get(key, key)
    if key not in FORMATS:
        allowed = ", ".join(sorted({*FORMATS, *FORMAT_ALIASES}))
        raise InputError(f"unknown input format {name!r}; use one of: {allowed}")
    return key


def normalize_target(name: str) -> str:
    """The canonical field-map target for a user-given one; InputError when it is not known."""
    key = name.strip().lower()
    key = TARGET_ALIASES.get(key, key)
    if key not in FIELD_TARGETS:
        allowed = ", ".join(FIELD_TARGETS)
        raise InputError(f"unknown --map target {name!r}; use one of: {allowed}")
    return key


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings shared by every reader.

    ``source`` is copied to every document; ``field_map`` says which JSON/CSV field fills which
    target (see :func:`parse_field_map`); ``max_bytes`` caps one document; ``max_file_bytes``
    caps any input read whole (a file of records, an unpacked zip member, standard input; None:
    :data:`MAX_FILE_BYTES`, or the engine's setting); ``format`` forces a reader instead of
    detecting one from the name and the first bytes; ``exclude`` holds real paths never read
    (the database being ingested into and its journal files: ``marsad ingest .`` next to it).

    >>> ReadOptions(format="rss").format
    'feed'
    """

    source: str | None = None
    field_map: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_DOCUMENT_BYTES
    format: str | None = None
    max_file_bytes: int | None = None
    exclude: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise InputError(f"max_bytes must be a positive number of bytes, got {self.max_bytes}")
        if self.max_file_bytes is not None and self.max_file_bytes <= 0:
            raise InputError(
                f"max_file_bytes must be a positive number of bytes, got {self.max_file_bytes}"
            )
        if self.format is not None:
            object.__setattr__(self, "format", normalize_format(self.format))
        mapped = {normalize_target(target): name for target, name in self.field_map.items()}
        object.__setattr__(self, "field_map", mapped)

    @property
    def file_limit(self) -> int:
        """The most bytes read from one input that is read whole."""
        return MAX_FILE_BYTES if self.max_file_bytes is None else self.max_file_bytes


def parse_field_map(spec: str) -> dict[str, str]:
    """Parse ``title=headline,body=content`` into ``{"title": "headline", "body": "content"}``.

    Targets are checked against :data:`FIELD_TARGETS` so a typo fails before any file is read.

    >>> parse_field_map("title=headline, body=content")
    {'title': 'headline', 'body': 'content'}
    """
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        target, sep, name = part.partition("=")
        if not sep or not target.strip() or not name.strip():
            raise InputError(f"bad --map entry {part.strip()!r}: write it as target=field")
        key = normalize_target(target)
        if key in mapping:
            raise InputError(f"--map names the target {key!r} twice")
        mapping[key] = name.strip()
    return mapping

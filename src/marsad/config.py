"""Settings with defaults, read once from a TOML file and the environment, validated on entry.

Order of precedence: explicit arguments > environment (``MARSAD_*``) > ``marsad.toml`` in the
working directory (or the file named by ``MARSAD_CONFIG``) > defaults.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError

# Seconds a writer waits for another process's write lock before it gives up; a reader never
# waits (WAL). Override with MARSAD_BUSY_TIMEOUT or busy_timeout in marsad.toml.
BUSY_TIMEOUT = 30.0

# Input size limits (MARSAD_MAX_DOCUMENT_BYTES, MARSAD_MAX_FILE_BYTES): one document (a page, a
# text file, one record), and one input read whole (a feed, a JSON object, a zip member once
# unpacked, standard input, a pipe or a device, when it is not one of those streamed). Parsed
# JSON takes several times its size in memory, so the second bounds what one bad input can
# cost; nothing is read past either. JSON Lines, CSV and JSON arrays are streamed
# (``ingest/streamed.py``): any size, each record under the first limit.
MAX_DOCUMENT_BYTES = 20_000_000
MAX_FILE_BYTES = 256 * 2**20


@dataclass(frozen=True, slots=True)
class Settings:
    """Marsad's settings.

    >>> Settings(workers=1).workers
    1
    """

    db: str = "marsad.db"
    busy_timeout: float = BUSY_TIMEOUT
    workers: int = min(2, os.cpu_count() or 1)
    batch_size: int = 400
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_file_bytes: int = MAX_FILE_BYTES
    api_token: str = ""
    """The bearer token the JSON API asks of every write (MARSAD_API_TOKEN). Empty: writes are
    accepted only while ``marsad serve`` listens on loopback, and refused beyond it."""
    max_upload_bytes: int = 32 * 2**20
    """The largest request body the JSON API reads (MARSAD_MAX_UPLOAD_BYTES); larger is a 413."""
    public_url: str = ""
    """The address readers reach the server at (MARSAD_PUBLIC_URL, e.g. https://news.example.org
    behind a reverse proxy): the links of Atom feeds. Empty: the address each request came to."""
    cache_mb: int = 64
    """SQLite's page cache of each connection, in MiB (MARSAD_CACHE_MB): pages read once are
    kept for the next reads. A web server keeps one connection per worker thread, each with
    at most ``web.state.SERVER_CACHE_MB``."""
    outlets_file: str = ""
    """A TOML file of news outlets and agencies that extends the shipped table
    (``marsad/data/outlets.toml``, same shape); MARSAD_OUTLETS_FILE. Empty: none."""

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(
                f"workers must be at least 1 (--workers, MARSAD_WORKERS), got {self.workers}"
            )
        if not 0 <= self.busy_timeout <= 86_400:
            raise ConfigError(
                "busy_timeout must be a number of seconds in [0, 86400] (MARSAD_BUSY_TIMEOUT), "
                f"got {self.busy_timeout}"
            )
        if not 1 <= self.cache_mb <= 65_536:
            raise ConfigError(
                f"cache_mb must be in [1, 65536] (MARSAD_CACHE_MB), got {self.cache_mb}"
            )
        if not 1 <= self.batch_size <= 100_000:
            raise ConfigError(f"batch_size must be in [1, 100000], got {self.batch_size}")
        if self.max_document_bytes < 1:
            raise ConfigError(
                "max_document_bytes must be a positive size in bytes, "
                f"got {self.max_document_bytes}"
            )
        if self.max_file_bytes < 1:
            raise ConfigError(
                "max_file_bytes must be a positive size in bytes (MARSAD_MAX_FILE_BYTES), "
                f"got {self.max_file_bytes}"
            )
        if self.max_upload_bytes < 1:
            raise ConfigError(
                "max_upload_bytes must be a positive size in bytes (MARSAD_MAX_UPLOAD_BYTES), "
                f"got {self.max_upload_bytes}"
            )
        if self.public_url and not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", self.public_url):
            raise ConfigError(
                f"public_url must be an http(s) address such as https://news.example.org "
                f"(MARSAD_PUBLIC_URL), got {self.public_url!r}"
            )
        if self.outlets_file and not Path(self.outlets_file).is_file():
            raise ConfigError(
                f"outlets_file {self.outlets_file!r} is not a file; give the path of a TOML "
                "file of [[outlet]] entries (see marsad/data/outlets.toml) or leave it empty"
            )


def load_settings(**overrides: Any) -> Settings:
    """Settings from the config file and environment, with ``overrides`` (None = not given)."""
    values: dict[str, Any] = {}
    path = Path(os.environ.get("MARSAD_CONFIG", "marsad.toml"))
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("marsad", {}))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    names = {f.name: f.type for f in fields(Settings)}
    for name in names:
        env = os.environ.get(f"MARSAD_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(names)
    if unknown:
        raise ConfigError(f"unknown setting(s) {sorted(unknown)}; known: {sorted(names)}")
    settings = Settings()
    for name, value in values.items():
        default = getattr(settings, name)
        try:
            value = type(default)(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"setting {name} must be a {type(default).__name__}: {value!r}"
            ) from exc
        settings = replace(settings, **{name: value})
    return settings

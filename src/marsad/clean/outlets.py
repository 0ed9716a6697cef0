"""News agencies and outlets: one table (``marsad/data/outlets.toml``), loaded once.

Each outlet has a stable id, a display name, its kind (agency, outlet, generic «وكالات»), the
spellings texts use for it (matched after normalization) and the source codes of known
datasets that mean it (SaudiNewsNet's ``was`` is واس). A user file of the same shape extends
or overrides it (``outlets_file`` in marsad.toml or ``MARSAD_OUTLETS_FILE``).

>>> lookup("صحيفة الاتحاد"), find("was").name, find("aljazirah").id, find("الجزيرة").id
('الاتحاد', 'واس', 'al-jazirah', 'aljazeera')
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from marsad.arabic import normalize
from marsad.clean.boilerplate import line_key
from marsad.errors import ConfigError

OutletKind = Literal["agency", "outlet", "generic"]
_KINDS = ("agency", "outlet", "generic")


@dataclass(frozen=True, slots=True)
class Outlet:
    """One agency or outlet of the table."""

    id: str
    name: str
    english: str
    kind: OutletKind
    spellings: tuple[str, ...]
    sources: tuple[str, ...] = ()
    ambiguous: bool = False
    """The display name alone is also a word or a place: only ``spellings`` identify it."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every way a text may name it: the spellings, and the display name unless ambiguous."""
        return self.spellings if self.ambiguous else (self.name, *self.spellings)


def _outlet(entry: dict[str, Any], where: str) -> Outlet:
    try:
        kind = entry.get("kind", "outlet")
        if kind not in _KINDS:
            raise ValueError(f"kind must be one of {_KINDS}, got {kind!r}")
        return Outlet(
            id=str(entry["id"]),
            name=str(entry["name"]),
            english=str(entry.get("english", entry["name"])),
            kind=kind,
            spellings=tuple(str(s) for s in entry.get("spellings", ())),
            sources=tuple(str(s).lower() for s in entry.get("sources", ())),
            ambiguous=bool(entry.get("ambiguous", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"bad outlet entry in {where}: {entry!r} ({exc})") from exc


def _read(text: str, where: str) -> list[Outlet]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where} is not valid TOML: {exc}") from exc
    return [_outlet(entry, where) for entry in data.get("outlet", [])]


def _user_file() -> Path | None:
    from marsad.config import load_settings  # settings read once per process, when needed

    name = load_settings().outlets_file
    return Path(name) if name else None


@functools.cache
def table() -> dict[str, Outlet]:
    """Every outlet by id: the shipped table, then the user's file (same id: the user's)."""
    shipped = resources.files("marsad").joinpath("data/outlets.toml")
    outlets = {o.id: o for o in _read(shipped.read_text(encoding="utf-8"), "outlets.toml")}
    path = _user_file()
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read outlets_file {path}: {exc}") from exc
        outlets.update({o.id: o for o in _read(text, str(path))})
    return outlets


# Widgets that only one site prints; when seen, they name the outlet (weaker than a credit line).
SIGNATURES: dict[str, str] = {
    "ت + ت - الحجم الطبيعي": "البيان",
}


def signature(key: str) -> str | None:
    """The outlet whose widget this normalized line key is, or None."""
    return _signatures().get(key)


@functools.cache
def _signatures() -> dict[str, str]:
    return {line_key(text): name for text, name in SIGNATURES.items()}


_PREFIXES = ("صحيفة ", "جريدة ", "موقع ", "وكالة ", "قناة ", "مجلة ")


@functools.cache
def _index() -> dict[str, Outlet]:
    """Normalized spelling → outlet; a spelling two outlets share goes to the first listed."""
    index: dict[str, Outlet] = {}
    for outlet in table().values():
        for spelling in outlet.names:
            index.setdefault(normalize(spelling), outlet)
    for outlet in table().values():  # source codes last: a spelling wins over a code
        for code in outlet.sources:
            index.setdefault(normalize(code), outlet)
    for key, outlet in list(index.items()):  # «أ.ف. ب» is «أ.ف.ب» (only dotted ones)
        if "." in key:
            index.setdefault(_compact(key), outlet)
    return index


def _compact(key: str) -> str:
    return re.sub(r"[\s.]+", "", key)


@functools.cache
def _normalized_prefixes() -> tuple[str, ...]:
    return tuple(normalize(prefix) + " " for prefix in _PREFIXES)


def find(text: str) -> Outlet | None:
    """The outlet a short text names ("Sputnik", "صحيفة الاتحاد", "was"), or None."""
    key = normalize(text).strip(" .:-–—()\"'«»“”")
    found = _index().get(key) or ("." in key and _index().get(_compact(key))) or None
    if found:
        return found
    for norm_prefix in _normalized_prefixes():
        if key.startswith(norm_prefix):
            return _index().get(key[len(norm_prefix) :].strip())
    return None


@functools.cache
def _bare_index() -> dict[str, Outlet]:
    """Normalized display names of ambiguous outlets («الرياض», «عكاظ»)."""
    index: dict[str, Outlet] = {}
    for outlet in table().values():
        if outlet.ambiguous:
            index.setdefault(normalize(outlet.name), outlet)
    return index


def find_bare(text: str) -> Outlet | None:
    """The ambiguous outlet whose bare name this is: «عكاظ» after «صحيفة» is the newspaper."""
    return _bare_index().get(normalize(text).strip(" .:-–—()\"'«»“”"))


def bare_names() -> tuple[str, ...]:
    """The bare display names of ambiguous outlets."""
    return tuple(o.name for o in table().values() if o.ambiguous)


def lookup(text: str) -> str | None:
    """The display name of the outlet a short text names, or None."""
    found = find(text)
    return found.name if found else None


def by_id(outlet_id: str) -> Outlet | None:
    return table().get(outlet_id)


def of_article(outlet: str | None, source: str | None) -> Outlet | None:
    """The known outlet an article comes from: its outlet field, else its source code."""
    for name in (outlet, source):
        if name and (found := find(name)) is not None:
            return found
    return None


def strip_prefix(name: str) -> str:
    """'صحيفة الاتحاد' → 'الاتحاد': the outlet without the word that says what kind it is."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :].strip()
    return name.strip()

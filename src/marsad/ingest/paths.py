"""Which files a path names: itself, the files under a folder, or a glob's matches.

Folders are walked without recursion and without following a symbolic link back into a folder
being walked, so a link loop (``ln -s .. d/sub/up``) is one SKIPPED rejection, not an endless
walk or an ``OSError`` that stops the batch. Only regular files are read from a folder: a named
pipe would block the ingest forever and a device never ends, so they are SKIPPED with the reason.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from marsad.models import Rejection, RejectReason

_GLOB_CHARS = frozenset("*?[")
_DOUBLE_STAR = re.compile(r"(?:^|(?<=/))\*\*(?:/|$)")
"""A ``**`` path component, which matches any number of folders."""
_PROJECT_DOCS = ("readme", "license", "licence", "copying", "changelog", "notice")

_Key = tuple[int, int]
"""A folder's identity: (device, inode)."""


def expand_path(path: str) -> Iterator[Path | Rejection]:
    """The files a path names: itself, the files under a folder, or a glob's matches, sorted."""
    given = Path(path)
    if given.is_dir():
        yield from walk(given)
    elif given.exists() or given.is_symlink():
        yield given
    elif _GLOB_CHARS.intersection(path):
        seen: set[Path] = set()  # "a/**" matches a folder and the files under it
        for match in glob_paths(path):
            found = Path(match)
            for item in walk(found) if found.is_dir() else (found,):
                if isinstance(item, Path):
                    if item in seen:
                        continue
                    seen.add(item)
                yield item


def walk(folder: Path) -> Iterator[Path | Rejection]:
    """Regular files under ``folder`` in name order, depth first.

    Hidden names and README/LICENSE-style documentation files are skipped (named explicitly,
    such a file is still read). A symbolic link back to a folder being walked, a pipe, a device
    or a socket becomes a SKIPPED rejection; a broken link a NOT_FOUND one. A folder reached a
    second time through a link is not read again (its files were read the first time).
    """
    try:
        top = folder.stat()
    except OSError as err:
        yield Rejection(folder.as_posix(), RejectReason.NOT_FOUND, _why_unreadable(err))
        return
    listing = _listing(folder)
    if isinstance(listing, Rejection):
        yield listing
        return
    visited: set[_Key] = {_key(top)}
    stack = [(iter(listing), folder, frozenset(visited))]
    while stack:
        entries, parent, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        path = parent / entry.name
        try:
            info = entry.stat()  # follows a symbolic link
        except OSError as err:
            yield _unreachable(path, err)
            continue
        if stat.S_ISDIR(info.st_mode):
            key = _key(info)
            if key in ancestors:
                detail = "a symbolic link loop: it leads back to a folder being read; skipped"
                yield Rejection(path.as_posix(), RejectReason.SKIPPED, detail)
            elif key not in visited:
                visited.add(key)
                inner = _listing(path)
                if isinstance(inner, Rejection):
                    yield inner
                else:
                    stack.append((iter(inner), path, ancestors | {key}))
        elif stat.S_ISREG(info.st_mode):
            if not _is_project_doc(entry.name):
                yield path
        else:
            detail = f"{file_kind(info.st_mode)}, not a regular file; skipped (name it to read it)"
            yield Rejection(path.as_posix(), RejectReason.SKIPPED, detail)


def glob_paths(pattern: str) -> list[str]:
    """The sorted matches of a glob pattern; ``**`` matches any number of folders.

    Python's ``glob`` follows symbolic links inside ``**`` until the system says "too many
    levels", which costs time exponential in the number of looping links; here each folder is
    visited once.
    """
    star = _DOUBLE_STAR.search(pattern)
    if star is None:
        return sorted(glob.glob(pattern))
    head, tail = pattern[: star.start()], pattern[star.end() :]
    if glob.has_magic(head):
        roots = [root for root in sorted(glob.glob(head)) if os.path.isdir(root)]
    else:
        roots = [head] if not head or os.path.isdir(head) else []
    if not tail:  # "a/**": the folder, whose walk reaches everything under it
        return [root or "." for root in roots]
    found: set[str] = set()
    for root in roots:
        for folder in _folders(root):
            found.update(glob_paths(os.path.join(glob.escape(folder), tail) if folder else tail))
    return sorted(found)


def _folders(root: str) -> list[str]:
    """``root`` and every folder under it, hidden ones excepted, each visited once."""
    out: list[str] = []
    seen: set[_Key] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            key = _key(os.stat(folder or "."))
            entries = sorted(os.scandir(folder or "."), key=lambda entry: entry.name, reverse=True)
        except OSError:
            continue
        if key in seen:
            continue
        seen.add(key)
        out.append(folder)
        for entry in entries:
            if not entry.name.startswith(".") and _is_folder(entry):
                stack.append(os.path.join(folder, entry.name) if folder else entry.name)
    return out


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """True for a folder or a link to one; False for a link loop (``is_dir`` raises on one)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _listing(folder: Path) -> list[os.DirEntry[str]] | Rejection:
    """A folder's visible entries in name order, or the rejection saying why it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            found = [entry for entry in entries if not entry.name.startswith(".")]
    except OSError as err:
        detail = f"cannot list the folder: {err.strerror or err}"
        return Rejection(folder.as_posix(), RejectReason.NOT_FOUND, detail)
    return sorted(found, key=lambda entry: entry.name)


def _unreachable(path: Path, err: OSError) -> Rejection:
    """The rejection for a folder entry that cannot even be looked at (a link loop, a dead link)."""
    if err.errno == errno.ELOOP:
        detail = "a symbolic link loop (too many levels of links); skipped"
        return Rejection(path.as_posix(), RejectReason.SKIPPED, detail)
    if path.is_symlink():
        detail = f"a broken symbolic link (its target: {err.strerror or err})"
        return Rejection(path.as_posix(), RejectReason.NOT_FOUND, detail)
    return Rejection(path.as_posix(), RejectReason.NOT_FOUND, _why_unreadable(err))


def _why_unreadable(err: OSError) -> str:
    return f"cannot read it: {err.strerror or err}"


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _identity(path: Path) -> object:
    """What tells two paths to one file apart from two files: (device, inode), else the path."""
    try:
        return _key(path.stat())
    except OSError:
        return path


def _key(info: os.stat_result) -> _Key:
    return info.st_dev, info.st_ino


def _is_project_doc(name: str) -> bool:
    """README/LICENSE-style files describe a folder of reports; they are not reports. Only
    these names, with any extension, count («README.md», «LICENSE.txt», «NOTICE»): a report
    named «notice_iraq_troops.txt» or «README_2024.txt» is read.

    >>> [_is_project_doc(n) for n in ("README.md", "license", "notice_iraq.txt", "readme_2024.txt")]
    [True, True, False, False]
    """
    return name.lower().split(".", 1)[0] in _PROJECT_DOCS

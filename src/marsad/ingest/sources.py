"""Where inputs come from: files, folders, glob patterns and standard input.

Files are opened one at a time and streamed to the readers, so a folder of any size costs the
memory of its largest file. Nothing here raises for a bad path: it becomes a rejection.
"""

from __future__ import annotations

import glob
import io
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from marsad.ingest.dispatch import Result, read_bytes, read_stream
from marsad.ingest.options import ReadOptions
from marsad.models import Rejection, RejectReason

_GLOB_CHARS = frozenset("*?[")
STDIN = "-"


def read_inputs(
    paths: Sequence[str], options: ReadOptions, stdin: BinaryIO | None = None
) -> Result:
    """Documents and rejections from every path, in order; ``-`` reads standard input.

    A folder is walked recursively in name order, skipping hidden files and folders and
    README/LICENSE-style documentation files; a glob may
    use ``**``. A path that matches nothing gives one NOT_FOUND rejection.
    """
    for path in paths:
        if path == STDIN:
            source = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(source.read(), STDIN, options)
            continue
        matched = False
        for found in expand_path(path):
            matched = True
            if isinstance(found, Rejection):
                yield found
            else:
                yield from read_file(found, options)
        if not matched:
            detail = f"no file or folder matches {path!r}"
            yield Rejection(path, RejectReason.NOT_FOUND, detail)


def expand_path(path: str) -> Iterator[Path | Rejection]:
    """The files a path names: itself, the files under a folder, or a glob's matches, sorted."""
    given = Path(path)
    if given.is_dir():
        yield from _walk(given)
    elif given.exists():
        yield given
    elif _GLOB_CHARS.intersection(path):
        seen: set[Path] = set()  # "a/**" matches a folder and the files under it
        for match in sorted(glob.glob(path, recursive=True)):
            found = Path(match)
            for item in _walk(found) if found.is_dir() else (found,):
                if isinstance(item, Path):
                    if item in seen:
                        continue
                    seen.add(item)
                yield item


def read_file(path: Path, options: ReadOptions) -> Result:
    """Documents from one file; its origin is the path as it was reached (POSIX form)."""
    origin = path.as_posix()
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Rejection(origin, RejectReason.NOT_FOUND, f"cannot open the file: {err.strerror}")
        return
    with handle:
        try:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode):
                yield from read_stream(handle, path.name, origin, info.st_size, options)
            else:  # a pipe or device cannot seek back after detection: read it whole
                data = handle.read()
                yield from read_stream(io.BytesIO(data), path.name, origin, len(data), options)
        except OSError as err:
            detail = f"reading the file failed: {err.strerror or err}"
            yield Rejection(origin, RejectReason.UNPARSEABLE, detail)


_PROJECT_DOCS = ("readme", "license", "licence", "copying", "changelog", "notice")


def _is_project_doc(name: str) -> bool:
    """README/LICENSE-style files describe a folder of reports; they are not reports."""
    return name.lower().startswith(_PROJECT_DOCS)


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    """Files under ``folder`` in name order, depth first, skipping hidden names and README-style
    documentation files (named explicitly, such a file is still read)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as err:
        origin = folder.as_posix()
        yield Rejection(origin, RejectReason.NOT_FOUND, f"cannot list the folder: {err.strerror}")
        return
    for entry in entries:
        if entry.name.startswith(".") or (entry.is_file() and _is_project_doc(entry.name)):
            continue
        path = folder / entry.name
        if entry.is_dir():
            yield from _walk(path)
        else:
            yield path

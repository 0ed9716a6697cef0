"""Where inputs come from: files, folders, glob patterns and standard input.

Files are opened one at a time and streamed to the readers, so a folder of any size costs the
memory of its largest file; standard input, pipes and devices are read only up to the size
limit, never to their end. Nothing here raises for a bad path: it becomes a rejection.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from marsad.ingest.dispatch import Result, read_stream
from marsad.ingest.options import ReadOptions
from marsad.ingest.paths import expand_path, file_kind
from marsad.models import Rejection, RejectReason

STDIN = "-"


def read_inputs(
    paths: Sequence[str], options: ReadOptions, stdin: BinaryIO | None = None
) -> Result:
    """Documents and rejections from every path, in order; ``-`` reads standard input.

    A folder is walked recursively in name order, skipping hidden files and folders and
    README/LICENSE-style documentation files; a glob may use ``**``. A path that matches
    nothing gives one NOT_FOUND rejection.
    """
    for path in paths:
        if path == STDIN:
            source = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(source, STDIN, STDIN, None, options)
            continue
        matched = False
        for found in expand_path(path):
            if isinstance(found, Rejection):
                matched = True
                yield found
                continue
            named = Path(path) == found
            if os.path.realpath(found) in options.exclude:  # the store's own files
                if named:
                    matched = True
                    detail = "the database being ingested into (or its journal); not read"
                    yield Rejection(found.as_posix(), RejectReason.SKIPPED, detail)
                continue
            matched = True
            yield from read_file(found, options, named=named)
        if not matched:
            yield Rejection(path, RejectReason.NOT_FOUND, _nothing_in(path))


def _nothing_in(path: str) -> str:
    """Why ``path`` gave no file: an empty folder, a folder of skipped files, or no match."""
    if os.path.isdir(path):
        return (
            f"the folder {path!r} holds no file to read (hidden files and README, LICENSE, "
            "COPYING, CHANGELOG and NOTICE files are skipped; name one to read it)"
        )
    return f"no file or folder matches {path!r}"


def read_file(path: Path, options: ReadOptions, *, named: bool = True) -> Result:
    """Documents from one file; its origin is the path as it was reached (POSIX form).

    A file ``named`` on the command line may be a pipe or a device, read up to the size limit;
    one found in a folder or by a glob must be a regular file (a pipe would block forever).
    """
    origin = path.as_posix()
    try:  # O_NONBLOCK: opening a pipe must not wait for a writer before it can be refused
        fd = os.open(path, os.O_RDONLY | (0 if named else os.O_NONBLOCK))
    except OSError as err:
        yield Rejection(origin, RejectReason.NOT_FOUND, f"cannot open the file: {err.strerror}")
        return
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode):
                yield from read_stream(handle, path.name, origin, info.st_size, options)
            elif named:  # a pipe or a device: read as a stream, up to the limit
                yield from read_stream(handle, path.name, origin, None, options)
            else:
                detail = f"{file_kind(info.st_mode)}, not a regular file; skipped"
                yield Rejection(origin, RejectReason.SKIPPED, detail)
        except OSError as err:
            detail = f"reading the file failed: {err.strerror or err}"
            yield Rejection(origin, RejectReason.UNPARSEABLE, detail)

"""Hostile inputs built in code: zip bombs, archives with unsafe names, endless streams.

Nothing here is written to disk unless a test asks for it, and nothing is large: a zip bomb of
2 GiB unpacked is 2 MB of identical deflate blocks, built without compressing anything big.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

_CHUNK = b" " * (1 << 20)


@dataclass(frozen=True)
class Member:
    """One zip member: its name, its deflate stream, and what the header says it unpacks to."""

    name: str
    deflated: bytes
    crc: int
    size: int
    declared_size: int | None = None
    """The uncompressed size written in the headers; the true size unless a test lies."""
    mode: int = 0o100644


def member(name: str, data: bytes, *, mode: int = 0o100644) -> Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = compressor.compress(data) + compressor.flush()
    return Member(name, deflated, zlib.crc32(data), len(data), mode=mode)


def bomb(name: str, mebibytes: int, *, declared_size: int | None = None) -> Member:
    """A member that unpacks to ``mebibytes`` MiB of spaces from about 1 KB per MiB.

    After a full flush deflate forgets its window, so each MiB compresses to the same block
    and the stream is that block repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    deflated = block * mebibytes + compressor.flush()
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(_CHUNK, crc)
    return Member(name, deflated, crc, mebibytes << 20, declared_size)


def zip_bytes(members: list[Member]) -> bytes:
    """A zip archive (no zip64: every size below 4 GiB) holding ``members`` as they are."""
    out = io.BytesIO()
    central = []
    for item in members:
        offset = out.tell()
        name = item.name.encode()
        size = item.size if item.declared_size is None else item.declared_size
        sizes = (item.crc, len(item.deflated), size)
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes, len(name), 0))
        out.write(name + item.deflated)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                0x031E,  # made by Unix, so the mode in the external attributes counts
                20,
                0,
                8,
                0,
                0x21,
                *sizes,
                len(name),
                0,
                0,
                0,
                0,
                item.mode << 16,
                offset,
            )
            + name
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    count = len(members)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


class Endless(io.RawIOBase):
    """A stream that never ends (``yes``, ``/dev/zero``) and counts what was read from it."""

    def __init__(self, pattern: bytes) -> None:
        super().__init__()
        self.pattern = pattern
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        repeated = self.pattern * (len(view) // len(self.pattern) + 1)
        view[:] = repeated[: len(view)]
        self.read_bytes += len(view)
        return len(view)

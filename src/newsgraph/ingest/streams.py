"""Binary streams that can be sniffed before they are read: files, stdin, gzip members.

A reader never gets a whole file as bytes unless it is one article; record formats
(JSON Lines, CSV, WARC) iterate the stream, so memory stays flat on large inputs.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from typing import BinaryIO

from newsgraph.errors import InflateLimit, InputError
from newsgraph.settings import Settings

# What every reader reports a bad file or record to, so that the batch goes on.
ErrorHandler = Callable[[InputError], None]

HEAD_BYTES = 65536
# Bytes read before decoding, per character of text one article may have. UTF-8 needs up
# to 4 bytes a character. A web page or a feed also carries its markup (scripts, styles,
# navigation), commonly ten times its text and more, so markup gets 16 times that; the
# limit on characters then applies to the text extracted from it.
TEXT_BYTES_PER_CHAR = 4
MARKUP_BYTES_PER_CHAR = 16 * TEXT_BYTES_PER_CHAR
TRUNCATION_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
_STEP = 8192
# Below this many inflated bytes the ratio is not checked: small files compress very well.
_RATIO_FLOOR = 10 << 20


def too_long(source: str, chars: int, max_chars: int, line: int | None = None) -> InputError:
    """The one wording of an article over the character limit, whatever format it came in."""
    return InputError(source, f"too large: {chars:,} characters is over the limit of {max_chars:,}", line)


class Rewound(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff them) and are given again."""

    def __init__(self, head: bytes, rest: BinaryIO, error: Exception | None = None) -> None:
        self._head = head
        self._rest = rest
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error is not None:
            raise self._error
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO, size: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes of ``stream`` and a stream that still starts at the beginning."""
    chunks: list[bytes] = []
    error: Exception | None = None
    try:
        while (got := sum(map(len, chunks))) < size and (chunk := stream.read(min(size - got, _STEP))):
            chunks.append(chunk)
    except TRUNCATION_ERRORS as broken:
        # A cut gzip stream: what came before the break is still given, then the error.
        error = broken
    head = b"".join(chunks)
    return head, io.BufferedReader(Rewound(head, stream, error))


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, reading again when a stream (a pipe, gzip) gives fewer at once."""
    chunks: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def gunzip_head(head: bytes, size: int = 1024) -> bytes:
    """The first decompressed bytes of gzip data (to sniff what it holds), or b'' when unreadable."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, size)
    except zlib.error:
        return b""


class Gunzipped(io.RawIOBase):
    """The decompressed bytes of a (multi-member) gzip stream, given as far as they go.

    Unlike ``gzip.GzipFile`` it hands out every byte decompressed before a break and
    raises EOFError only on the next read, so the records before a cut are kept.
    """

    def __init__(self, raw: BinaryIO, source: str = "<gzip>", settings: Settings | None = None) -> None:
        self._raw = raw
        self._inflate = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._fresh = True
        self.truncated = False
        self._source = source
        settings = settings or Settings()
        self._max_bytes = settings.gzip_max_bytes
        self._max_ratio = settings.gzip_max_ratio
        self._read = 0
        self._given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            if self._inflate.eof:
                compressed = self._inflate.unused_data or self._read_raw()
                if not compressed:
                    return 0
                self._inflate = zlib.decompressobj(wbits=31)
            else:
                compressed = self._inflate.unconsumed_tail or self._read_raw()
                if not compressed:
                    if self._fresh:
                        return 0
                    # Readers that swallow EOFError (warcio) can still ask whether the data was cut.
                    self.truncated = True
                    raise EOFError("compressed stream ended before its end marker")
            self._fresh = False
            self._pending = self._inflate.decompress(compressed, _STEP)
            self._given += len(self._pending)
            self._check_bounds()
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _read_raw(self) -> bytes:
        data = self._raw.read(_STEP)
        self._read += len(data)
        return data

    def _check_bounds(self) -> None:
        """InflateLimit once the stream inflates past the size limit, or past the ratio beyond 10 MB."""
        if self._given > self._max_bytes:
            limit = f"{self._max_bytes >> 20:,} MB"
            raise InflateLimit(self._source, f"inflates to more than {limit} (NEWSGRAPH_GZIP_MAX_MB)")
        if self._given > _RATIO_FLOOR and self._given > self._max_ratio * max(self._read, 1):
            raise InflateLimit(
                self._source,
                f"inflates more than {self._max_ratio} times its size, as a decompression bomb does "
                "(NEWSGRAPH_GZIP_MAX_RATIO)",
            )


def gunzip(stream: BinaryIO, source: str = "<gzip>") -> BinaryIO:
    """The decompressed content of a gzip stream, read lazily, within the inflate limits."""
    return Gunzipped(stream, source)  # type: ignore[return-value]


def read_limited(stream: BinaryIO, limit: int, source: str) -> bytes:
    """All of a one-article stream, or InputError 'too large' once it passes ``limit`` bytes."""
    try:
        data = read_exactly(stream, limit + 1)
    except TRUNCATION_ERRORS as error:
        raise InputError(source, f"truncated gzip stream ({error})") from error
    if len(data) > limit:
        raise InputError(
            source, f"too large: over {limit:,} bytes, more than one article can hold (Settings.max_chars)"
        )
    return data


def records(count: int) -> str:
    """'1 record', '2 records': for the messages that say how far a cut file was read."""
    return f"{count} record{'' if count == 1 else 's'}"

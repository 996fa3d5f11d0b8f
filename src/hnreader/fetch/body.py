"""Reading a response body: decompressed by hand so the size cap holds after decompression.

An HTTP client inflating each network chunk in one go lets a few kilobytes of gzip become
hundreds of megabytes in memory before any cap is checked, so aiohttp's own decompression is
off (``auto_decompress=False``): every ``decompress`` call here is bounded, and the body is
abandoned as soon as it grows past the cap.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator

import aiohttp

from hnreader.fetch.errors import AttemptFailed

_PIECE = 1024 * 1024  # most bytes one decompress call may produce


def readable_size(size: int) -> str:
    """``20 MB``, ``4 KB`` or ``300 bytes``: a limit as a person would write it."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


def too_large(max_bytes: int) -> AttemptFailed:
    """The failure for a body over the cap (never retried: it would be as large again)."""
    return AttemptFailed(f"the response is larger than {readable_size(max_bytes)}", 200)


class _Inflater:
    """Undoes one ``Content-Encoding`` in bounded pieces."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower()
        if self.encoding in ("", "identity"):
            self._inflate: zlib._Decompress | None = None
        elif self.encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.encoding == "deflate":
            self._inflate = zlib.decompressobj()
        else:
            raise AttemptFailed(f"the server used a compression hnreader cannot read ({encoding})")
        self._started = False

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """The decompressed bytes of ``data``, at most ``_PIECE`` bytes at a time."""
        if self._inflate is None:
            yield data
            return
        try:
            piece = self._first_piece(data) if not self._started else None
            if piece is None:
                piece = self._inflate.decompress(data, _PIECE)
            yield piece
            while self._inflate.unconsumed_tail:
                yield self._inflate.decompress(self._inflate.unconsumed_tail, _PIECE)
        except zlib.error as exc:
            raise AttemptFailed(f"the {self.encoding} body is damaged ({exc})") from exc

    def _first_piece(self, data: bytes) -> bytes:
        """Start inflating; "deflate" is zlib-wrapped by the standard, raw by some servers."""
        self._started = True
        assert self._inflate is not None
        try:
            return self._inflate.decompress(data, _PIECE)
        except zlib.error:
            if self.encoding != "deflate":
                raise
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._inflate.decompress(data, _PIECE)

    def finish(self) -> None:
        """Fail when the compressed stream stopped before its end."""
        if self._inflate is not None and self._started and not self._inflate.eof:
            raise AttemptFailed(f"the {self.encoding} body ends before its end marker")


class _SpeedFloor:
    """Fails a transfer slower than ``min_speed`` bytes/s over any ``window`` seconds.

    A read timeout only notices silence; a server sending one byte a second never triggers
    it, and would hold a connection (and a per-host slot) for hours.
    """

    def __init__(self, min_speed: float, window: float) -> None:
        self.min_speed = min_speed
        self.window = window
        self._start = time.monotonic()
        self._bytes = 0

    def update(self, received: int) -> None:
        """Count ``received`` bytes; raise when the window just ended too slow."""
        self._bytes += received
        elapsed = time.monotonic() - self._start
        if self.min_speed <= 0 or elapsed < self.window:
            return
        if self._bytes < self.min_speed * elapsed:
            raise AttemptFailed(
                f"the server sends too slowly ({self._bytes} bytes in {elapsed:.1f} s)",
                network=True,
                retryable=True,
            )
        self._start += elapsed
        self._bytes = 0


async def read_body(
    response: aiohttp.ClientResponse, max_bytes: int, min_speed: float = 0, window: float = 20.0
) -> bytes:
    """The decompressed body, or :class:`AttemptFailed` once it grows past ``max_bytes``.

    A body shorter than its ``Content-Length``, a connection cut mid-body or a transfer slower
    than ``min_speed`` bytes/s over ``window`` seconds is a network failure (worth retrying);
    the message says how far the transfer got. aiohttp's read timeout (and other transport
    errors) propagate for the caller to describe.
    """
    inflater = _Inflater(response.headers.get("Content-Encoding", ""))
    declared = response.headers.get("Content-Length", "")
    speed = _SpeedFloor(min_speed, window)
    chunks: list[bytes] = []
    size = received = 0
    try:
        async for raw in response.content.iter_any():
            received += len(raw)
            speed.update(len(raw))
            for piece in inflater.pieces(raw):
                size += len(piece)
                if size > max_bytes:
                    raise too_large(max_bytes)
                chunks.append(piece)
    except aiohttp.ClientPayloadError as exc:
        broken = _broken_connection(exc)
        if broken is None and declared.isdigit() and received < int(declared):
            raise AttemptFailed(
                f"the body ended after {received} of the {declared} bytes"
                " its Content-Length promised",
                network=True,
                retryable=True,
            ) from exc
        raise _cut(received, broken or str(exc)) from exc
    except aiohttp.ClientOSError as exc:
        raise _cut(received, exc.strerror or str(exc) or "reset by the server") from exc
    inflater.finish()
    return b"".join(chunks)


def _broken_connection(exc: aiohttp.ClientPayloadError) -> str | None:
    """How the connection broke, when it did not simply close (None: a clean close).

    aiohttp names the connection's error only in the message, after the parser's error:
    ``Response payload is not completed: <parser error>. ConnectionResetError(104, …)``.
    """
    underlying = exc.__cause__
    if underlying is None:
        return None
    _, found, after = str(exc).partition(f"{underlying!r}. ")
    if not found or not after:
        return None
    return "reset by the server" if after.startswith("ConnectionResetError") else after


def _cut(received: int, detail: str) -> AttemptFailed:
    """The failure for a connection lost mid-body, ``received`` bytes in."""
    return AttemptFailed(
        f"the connection was cut after {received} bytes of the body ({detail})",
        network=True,
        retryable=True,
    )

"""What the sync process and its extraction process say to each other, and how it is framed.

The sync process fetches; a second process (:mod:`hnreader.sync.worker`) extracts and saves,
so the two kinds of CPU work run on two cores. Raw pages go one way in batches of
:class:`Job`; only small :class:`JobResult` come back (never the extracted article). Each
message is a 4-byte big-endian length and a pickle. Both ends are hnreader's own processes,
started together from one installation, so pickle is safe here.
"""

from __future__ import annotations

import pickle
import struct
from dataclasses import dataclass
from typing import Literal, Protocol

from hnreader.models import Page

_LENGTH = struct.Struct(">I")
HEADER_SIZE = _LENGTH.size

JobStatus = Literal["saved", "failed", "more"]


@dataclass(frozen=True, slots=True)
class Job:
    """One fetched article to extract and save, keyed by the URL that was asked for.

    ``later`` None: its continuation pages were not looked for yet; the worker answers
    "more" (with their URLs) when there are any, and the job comes back with them.
    ``known``: an article was stored under ``key`` before (the outcome is "updated").
    """

    key: str
    page: Page
    later: tuple[Page, ...] | None = None
    known: bool = False


@dataclass(frozen=True, slots=True)
class JobResult:
    """What became of a :class:`Job`: saved (with the files it links), failed, or "more".

    ``images`` and ``attachments`` are the URLs the article links (fetched by the sync);
    ``later_urls`` are the continuation pages to fetch before the job is sent again.
    """

    key: str
    status: JobStatus
    reason: str = ""
    images: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    later_urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkerFailure:
    """The extraction process failed unexpectedly; ``detail`` is its traceback."""

    detail: str


def frame(message: object) -> bytes:
    """``message`` pickled, behind its length."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def body_size(header: bytes) -> int:
    """The length announced by a message header."""
    (size,) = _LENGTH.unpack(header)
    return int(size)


def load(body: bytes) -> object:
    """The message in a frame's body."""
    return pickle.loads(body)


class Readable(Protocol):
    """What :func:`read_message` reads from: ``read(n)`` gives ``n`` bytes, fewer at the end."""

    def read(self, size: int, /) -> bytes:
        """Up to ``size`` bytes; fewer only at the end of the stream."""
        ...


def read_message(stream: Readable) -> object | None:
    """The next message on a blocking ``stream``; None at its end (a clean close)."""
    header = stream.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE:
        return None
    size = body_size(header)
    body = stream.read(size)
    if len(body) < size:
        return None  # the sender died mid-message: nothing of it is used
    return load(body)

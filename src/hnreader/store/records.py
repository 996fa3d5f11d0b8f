"""What the store hands back: saved values with their fetch metadata, raw pages, search hits."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from hnreader.models import Article

PageKind = Literal["article", "list", "tree"]
PAGE_KINDS: tuple[PageKind, ...] = ("article", "list", "tree")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Saved(Generic[T]):
    """A stored value and when its page was fetched (ISO 8601, UTC)."""

    value: T
    fetched_at: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article from the library, with the reader's state for it."""

    article: Article
    fetched_at: str
    read_at: str | None
    bookmarked_at: str | None
    opened_at: str | None = None  # last opened in the reader

    @property
    def is_read(self) -> bool:
        """Whether the reader has opened it."""
        return self.read_at is not None

    @property
    def is_bookmarked(self) -> bool:
        """Whether the reader bookmarked it."""
        return self.bookmarked_at is not None


@dataclass(frozen=True, slots=True)
class ArticleValidators:
    """What a conditional request for a stored article needs, without reading its bytes.

    The ETag and Last-Modified of the raw page it was extracted from, and that page's SHA-256
    and length, to tell a fresh download with the same bytes; all None for an article saved
    without its page.
    """

    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    size: int | None = None

    def same_content(self, content: bytes) -> bool:
        """Whether ``content`` is exactly the stored raw page."""
        if self.sha256 is None or self.size != len(content):
            return False
        return hashlib.sha256(content).hexdigest() == self.sha256


@dataclass(frozen=True, slots=True)
class ReadingState:
    """The reader's marks on one URL."""

    read_at: str | None = None
    bookmarked_at: str | None = None


@dataclass(frozen=True, slots=True)
class RawPage:
    """The bytes of a fetched page, as the server sent them, for re-extraction offline."""

    url: str
    kind: PageKind
    content: bytes
    content_type: str | None
    status: int
    etag: str | None
    last_modified: str | None
    fetched_at: str


@dataclass(frozen=True, slots=True)
class Asset:
    """A stored image or attachment."""

    url: str
    content: bytes
    content_type: str | None
    sha256: str
    etag: str | None
    last_modified: str | None
    fetched_at: str


@dataclass(frozen=True, slots=True)
class Snippet:
    """Plain text around the matches, and where the matches are in it.

    ``spans`` are ``(start, end)`` character offsets into ``text``, sorted and not overlapping;
    the UI styles them, so no markup ever travels in the text.
    """

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result."""

    url: str
    title: str | None
    title_spans: tuple[tuple[int, int], ...]
    published: str | None
    section: str | None  # the section of the newest stored list page linking to it
    site: str  # the host name
    snippet: Snippet

"""Turning pages and model objects into rows, before any transaction starts.

Hashing, compressing, serialising and folding text for search are CPU work; doing them first
keeps each write transaction down to a few inserts, so a reader or another writer waits as
little as possible.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, partial
from urllib.parse import urlsplit

from hnreader.models import Article, Page
from hnreader.store.errors import StoredDataError
from hnreader.store.schema import SearchRow, search_row
from hnreader.store.serialise import article_to_json

# Compression that saves less than this is not worth the CPU on every read (JPEG, PNG, ZIP).
_MIN_SAVING = 0.9
# zlib's fastest level, when ISA-L is not installed: sync is bound by its CPU. Measured against
# level 6: bench pages (9 KB) 3.3 KB instead of 3.1 KB for ~40 % less CPU; real CMS pages
# (195 KB on average) 54 KB instead of 49 KB for 2.0 ms instead of 4.4 ms each.
_ZLIB_LEVEL = 1
# ISA-L's level 2 writes the same zlib format (read back by the standard zlib) four times as
# fast as zlib's level 1, 1 % larger: bench pages 33 instead of 139 µs, corpus pages (45 KB)
# 133 instead of 606 µs. Below a few KB it compresses worse than zlib, which is cheap there.
_ISAL_LEVEL = 2
_ISAL_FROM = 4096  # bytes


@cache
def _large_compressor() -> Callable[[bytes], bytes]:
    # Imported on first use: a reader opened offline never compresses anything.
    try:
        from isal import isal_zlib
    except ImportError:
        return partial(zlib.compress, level=_ZLIB_LEVEL)
    return partial(isal_zlib.compress, level=_ISAL_LEVEL)


def deflate(content: bytes) -> bytes:
    """``content`` compressed in the zlib format, as fast as the installed libraries allow."""
    if len(content) < _ISAL_FROM:
        return zlib.compress(content, _ZLIB_LEVEL)
    return _large_compressor()(content)


def now_iso() -> str:
    """The current time, ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_iso(moment: datetime | None) -> str:
    """``moment`` (default: now) as ISO 8601 in UTC; a naive time is taken to be UTC."""
    if moment is None:
        return now_iso()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def host_of(url: str) -> str:
    """The lower-case host name of ``url`` (empty if it has none)."""
    return (urlsplit(url).hostname or "").lower()


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A response header by case-insensitive name."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


@dataclass(frozen=True, slots=True)
class BlobRow:
    """Bytes addressed by their SHA-256, maybe compressed."""

    sha256: str
    size: int
    codec: str
    data: bytes


def blob_row(content: bytes) -> BlobRow:
    """Hash and (if it pays) compress ``content``."""
    packed = deflate(content)
    if len(packed) < len(content) * _MIN_SAVING:
        return BlobRow(hashlib.sha256(content).hexdigest(), len(content), "zlib", packed)
    return BlobRow(hashlib.sha256(content).hexdigest(), len(content), "none", content)


def unpack_blob(sha256: str, size: int, codec: str, data: bytes) -> bytes:
    """The original bytes of a stored blob, verified against its hash."""
    if codec == "zlib":
        try:
            content = zlib.decompress(data)
        except zlib.error as exc:
            raise StoredDataError(f"stored bytes {sha256[:12]}… cannot be decompressed") from exc
    elif codec == "none":
        content = data
    else:
        raise StoredDataError(f"stored bytes {sha256[:12]}… use an unknown codec {codec!r}")
    if len(content) != size or hashlib.sha256(content).hexdigest() != sha256:
        raise StoredDataError(f"stored bytes {sha256[:12]}… do not match their hash")
    return content


@dataclass(frozen=True, slots=True)
class FetchedRow:
    """A fetched page or asset: where it came from, its bytes, what the server said."""

    url: str
    blob: BlobRow
    content_type: str | None
    status: int
    etag: str | None
    last_modified: str | None
    fetched_at: str


def fetched_row(page: Page, fetched_at: datetime | None) -> FetchedRow:
    """Prepare ``page`` for the pages or assets table."""
    return FetchedRow(
        url=page.url,
        blob=blob_row(page.content),
        content_type=page.content_type,
        status=page.status,
        etag=header(page.headers, "etag"),
        last_modified=header(page.headers, "last-modified"),
        fetched_at=to_iso(fetched_at),
    )


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article to save with what it came from: the unit of :meth:`Store.save_articles`."""

    article: Article
    page: Page | None = None
    assets: tuple[Page, ...] = ()
    fetched_at: datetime | None = None
    # The raw later pages of a multi-page article, kept so it can be re-extracted offline.
    continuation: tuple[Page, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article ready to write, with its page, assets and search text."""

    url: str
    site: str
    title: str | None
    published: str | None
    data: str
    fetched_at: str
    page: FetchedRow | None
    assets: tuple[FetchedRow, ...]
    search: SearchRow
    continuation: tuple[FetchedRow, ...] = ()


def article_row(record: ArticleRecord) -> ArticleRow:
    """Prepare one :class:`ArticleRecord` for writing."""
    article = record.article
    return ArticleRow(
        url=article.url,
        site=host_of(article.url),
        title=article.title,
        published=article.published,
        data=article_to_json(article),
        fetched_at=to_iso(record.fetched_at),
        page=None if record.page is None else fetched_row(record.page, record.fetched_at),
        assets=tuple(fetched_row(asset, record.fetched_at) for asset in record.assets),
        search=search_row(article),
        continuation=tuple(fetched_row(p, record.fetched_at) for p in record.continuation),
    )


def article_rows(records: Iterable[ArticleRecord]) -> list[ArticleRow]:
    """Prepare many records; a later record for the same URL replaces an earlier one.

    Pure CPU work on immutable values, safe to run on several threads at once.
    """
    by_url = {record.article.url: article_row(record) for record in records}
    return list(by_url.values())

"""The SQL behind the store's saves, run inside the caller's transaction, and row decoding."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, cast

from hnreader.models import ArticleList, SiteTree
from hnreader.store.errors import StoredDataError
from hnreader.store.records import PAGE_KINDS, PageKind, RawPage
from hnreader.store.rows import ArticleRow, BlobRow, FetchedRow, host_of, unpack_blob
from hnreader.store.schema import SearchRow, index_articles
from hnreader.store.serialise import article_list_to_json, site_tree_to_json


class BlobFields(NamedTuple):
    """A blob as stored: hash, original size, codec and stored bytes."""

    sha256: str
    size: int
    codec: str
    data: bytes


def unpack(blob: BlobFields) -> bytes:
    """The original bytes of ``blob``."""
    return unpack_blob(blob.sha256, blob.size, blob.codec, blob.data)


_BLOB_INSERT = (
    "INSERT INTO blobs (sha256, size, codec, data) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (sha256) DO NOTHING"
)
_PAGE_UPSERT = (
    "INSERT INTO pages (url, kind, blob, content_type, status, etag, last_modified,"
    " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (url, kind) DO UPDATE SET blob = excluded.blob,"
    " content_type = excluded.content_type, status = excluded.status,"
    " etag = excluded.etag, last_modified = excluded.last_modified,"
    " fetched_at = excluded.fetched_at"
)
_ASSET_UPSERT = (
    "INSERT INTO assets (url, blob, content_type, etag, last_modified, fetched_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (url) DO UPDATE SET blob = excluded.blob,"
    " content_type = excluded.content_type, etag = excluded.etag,"
    " last_modified = excluded.last_modified, fetched_at = excluded.fetched_at"
)
_ARTICLE_UPSERT = (
    "INSERT INTO articles (url, site, title, published, data, fetched_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (url) DO UPDATE SET site = excluded.site, title = excluded.title,"
    " published = excluded.published, data = excluded.data,"
    " fetched_at = excluded.fetched_at"
    " RETURNING id"
)


def _put_blobs(conn: sqlite3.Connection, blobs: Iterable[BlobRow]) -> None:
    # Content addressing: identical bytes (a logo on every page) are stored once.
    conn.executemany(
        _BLOB_INSERT, [(blob.sha256, blob.size, blob.codec, blob.data) for blob in blobs]
    )


def _page_params(row: FetchedRow, kind: PageKind) -> tuple[object, ...]:
    return (
        row.url,
        kind,
        row.blob.sha256,
        row.content_type,
        row.status,
        row.etag,
        row.last_modified,
        row.fetched_at,
    )


def _asset_params(row: FetchedRow) -> tuple[object, ...]:
    return (row.url, row.blob.sha256, row.content_type, row.etag, row.last_modified, row.fetched_at)


def write_page(conn: sqlite3.Connection, row: FetchedRow, kind: PageKind) -> None:
    """Upsert a raw page."""
    _put_blobs(conn, [row.blob])
    conn.execute(_PAGE_UPSERT, _page_params(row, kind))


def write_asset(conn: sqlite3.Connection, row: FetchedRow) -> None:
    """Upsert an image or attachment."""
    _put_blobs(conn, [row.blob])
    conn.execute(_ASSET_UPSERT, _asset_params(row))


def write_articles(conn: sqlite3.Connection, rows: Sequence[ArticleRow]) -> None:
    """Upsert articles with their raw pages, assets and search entries.

    The search indexes are written last, all at once. FTS5 keeps new entries in memory
    until the transaction ends, but flushes them to disk whenever a later statement of the
    same transaction opens a statement savepoint (an upsert checking a foreign key does):
    interleaving, article by article, made every article a separate index segment and cost
    more than all the rest of the save (measured: 1.1 of 3.3 ms an article). An article
    saved again with the same text keeps its index entries.
    """
    pages = [page for row in rows for page in (row.page, *row.continuation) if page is not None]
    assets = [asset for row in rows for asset in row.assets]
    _put_blobs(conn, [page.blob for page in pages] + [asset.blob for asset in assets])
    conn.executemany(_PAGE_UPSERT, [_page_params(page, "article") for page in pages])
    conn.executemany(_ASSET_UPSERT, [_asset_params(asset) for asset in assets])
    # By article id: rows prepared apart may repeat a URL, and the last one wins.
    entries: dict[int, SearchRow] = {}
    for row in rows:
        (article_id,) = conn.execute(
            _ARTICLE_UPSERT,
            (row.url, row.site, row.title, row.published, row.data, row.fetched_at),
        ).fetchone()
        entries[int(article_id)] = row.search
    index_articles(conn, list(entries.items()), skip_unchanged=True)


def write_list(
    conn: sqlite3.Connection, article_list: ArticleList, page: FetchedRow | None, fetched_at: str
) -> None:
    """Upsert a list page and the links it holds."""
    if page is not None:
        write_page(conn, page, "list")
    (list_id,) = conn.execute(
        "INSERT INTO lists (url, section, data, fetched_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET section = excluded.section, data = excluded.data,"
        " fetched_at = excluded.fetched_at RETURNING id",
        (article_list.url, article_list.section, article_list_to_json(article_list), fetched_at),
    ).fetchone()
    conn.execute("DELETE FROM list_items WHERE list_id = ?", (list_id,))
    conn.executemany(
        "INSERT INTO list_items (list_id, position, article_url) VALUES (?, ?, ?)",
        [(list_id, position, item.url) for position, item in enumerate(article_list.items)],
    )


def write_tree(
    conn: sqlite3.Connection, tree: SiteTree, page: FetchedRow | None, fetched_at: str
) -> None:
    """Upsert a site's section tree."""
    if page is not None:
        write_page(conn, page, "tree")
    conn.execute(
        "INSERT INTO trees (url, site, data, fetched_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET site = excluded.site, data = excluded.data,"
        " fetched_at = excluded.fetched_at",
        (tree.url, host_of(tree.url), site_tree_to_json(tree), fetched_at),
    )


_MARK_COLUMNS = frozenset({"read_at", "bookmarked_at", "opened_at"})


def set_mark(conn: sqlite3.Connection, url: str, column: str, value: str | None) -> None:
    """Set one reading mark of ``url``."""
    if column not in _MARK_COLUMNS:
        raise ValueError(f"unknown reading mark {column!r}")
    conn.execute(
        f"INSERT INTO reading (url, {column}) VALUES (?, ?)"
        f" ON CONFLICT (url) DO UPDATE SET {column} = excluded.{column}",
        (url, value),
    )


def prune_blobs(conn: sqlite3.Connection) -> int:
    """Delete blobs nothing refers to; return how many."""
    cursor = conn.execute(
        "DELETE FROM blobs WHERE sha256 NOT IN (SELECT blob FROM pages)"
        " AND sha256 NOT IN (SELECT blob FROM assets)"
    )
    return cursor.rowcount


RAW_PAGE_SELECT = (
    "SELECT p.id, p.url, p.kind, p.content_type, p.status, p.etag, p.last_modified,"
    " p.fetched_at, b.sha256, b.size, b.codec, b.data FROM pages p"
    " JOIN blobs b ON b.sha256 = p.blob"
)


def raw_page(row: tuple[Any, ...]) -> RawPage:
    """A :class:`RawPage` from a row of :data:`RAW_PAGE_SELECT`."""
    kind = row[2]
    if kind not in PAGE_KINDS:
        raise StoredDataError(f"a stored page has an unknown kind {kind!r}")
    return RawPage(
        url=row[1],
        kind=cast(PageKind, kind),
        content=unpack(BlobFields(*row[8:12])),
        content_type=row[3],
        status=row[4],
        etag=row[5],
        last_modified=row[6],
        fetched_at=row[7],
    )

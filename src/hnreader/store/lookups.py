"""Reading what the library holds: articles, lists, trees, raw pages, assets, validators.

A mixin of :class:`~hnreader.store.Store`, kept apart so the store module stays about
connections, transactions and saving.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import TypeVar

from hnreader.models import ArticleList, SiteTree
from hnreader.store import reading, writes
from hnreader.store.records import ArticleValidators, Asset, PageKind, RawPage, Saved, StoredArticle
from hnreader.store.serialise import article_list_from_json, site_tree_from_json
from hnreader.store.writes import BlobFields

# Bound parameters per statement stay well under SQLite's limit (32,766 since 3.32).
_CHUNK = 500

T = TypeVar("T")

_VALIDATORS = (
    "SELECT a.url, p.etag, p.last_modified, b.sha256, b.size FROM articles a"
    " LEFT JOIN pages p ON p.url = a.url AND p.kind = 'article'"
    " LEFT JOIN blobs b ON b.sha256 = p.blob WHERE a.url IN ({marks})"
)


class Lookups:
    """Reading methods of the store; :class:`Store` provides the connections."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def get_article(self, url: str) -> StoredArticle | None:
        """The stored article at ``url``, or None."""
        with self._read() as conn:
            row = conn.execute(reading.ARTICLE_WITH_MARKS + " WHERE a.url = ?", (url,)).fetchone()
        return None if row is None else reading.stored_article(row)

    def get_list(self, url: str) -> Saved[ArticleList] | None:
        """The stored list page at ``url``, or None."""
        return self._saved(
            "SELECT data, fetched_at FROM lists WHERE url = ?", url, article_list_from_json
        )

    def get_tree(self, url: str) -> Saved[SiteTree] | None:
        """The stored section tree of the site at ``url``, or None."""
        return self._saved(
            "SELECT data, fetched_at FROM trees WHERE url = ?", url, site_tree_from_json
        )

    def _saved(self, sql: str, url: str, load: Callable[[str], T]) -> Saved[T] | None:
        """The one row ``sql`` selects for ``url`` (data, fetched_at), decoded by ``load``."""
        with self._read() as conn:
            row = conn.execute(sql, (url,)).fetchone()
        return None if row is None else Saved(load(row[0]), row[1])

    def trees(self) -> list[Saved[SiteTree]]:
        """Every stored site tree, by site URL."""
        with self._read() as conn:
            rows = conn.execute("SELECT data, fetched_at FROM trees ORDER BY url").fetchall()
        return [Saved(site_tree_from_json(data), fetched_at) for data, fetched_at in rows]

    def get_page(self, url: str, kind: PageKind) -> RawPage | None:
        """The raw page last fetched from ``url`` as ``kind``, or None.

        Its ETag and Last-Modified serve conditional requests.
        """
        with self._read() as conn:
            row = conn.execute(
                writes.RAW_PAGE_SELECT + " WHERE p.url = ? AND p.kind = ?", (url, kind)
            ).fetchone()
        return None if row is None else writes.raw_page(row)

    def iter_raw_pages(self, kind: PageKind | None = None, batch: int = 100) -> Iterator[RawPage]:
        """Every stored raw page (of one kind, if given), oldest first, for re-extraction.

        Reads in batches, not one long read transaction, so saving re-extracted results while
        iterating is fine.
        """
        last_id = 0
        while True:
            with self._read() as conn:
                sql = writes.RAW_PAGE_SELECT + " WHERE p.id > ?"
                params: list[object] = [last_id]
                if kind is not None:
                    sql += " AND p.kind = ?"
                    params.append(kind)
                rows = conn.execute(sql + " ORDER BY p.id LIMIT ?", [*params, batch]).fetchall()
            if not rows:
                return
            for row in rows:
                yield writes.raw_page(row)
            last_id = rows[-1][0]

    def get_asset(self, url: str) -> Asset | None:
        """The stored image or attachment at ``url``, or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT s.url, s.content_type, s.etag, s.last_modified, s.fetched_at,"
                " b.sha256, b.size, b.codec, b.data FROM assets s"
                " JOIN blobs b ON b.sha256 = s.blob WHERE s.url = ?",
                (url,),
            ).fetchone()
        if row is None:
            return None
        content = writes.unpack(BlobFields(*row[5:9]))
        return Asset(row[0], content, row[1], row[5], row[2], row[3], row[4])

    def has_asset(self, url: str) -> bool:
        """Whether the image or attachment at ``url`` is stored (without reading its bytes)."""
        with self._read() as conn:
            return conn.execute("SELECT 1 FROM assets WHERE url = ?", (url,)).fetchone() is not None

    def article_validators(self, urls: Iterable[str]) -> dict[str, ArticleValidators]:
        """The validators of each of ``urls`` whose article is stored; the others are absent.

        For a sync's conditional requests: one query per 500 URLs, reading neither the
        article nor its raw bytes (compare a download with
        :meth:`~hnreader.store.records.ArticleValidators.same_content`).
        """
        wanted = list(dict.fromkeys(urls))
        found: dict[str, ArticleValidators] = {}
        with self._read() as conn:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                sql = _VALIDATORS.format(marks=",".join("?" * len(chunk)))
                for url, etag, last_modified, sha256, size in conn.execute(sql, chunk):
                    found[url] = ArticleValidators(etag, last_modified, sha256, size)
        return found

"""The library: everything hnreader fetched, readable and searchable with no network.

Threads: a :class:`Store` may be shared by any number of threads (``asyncio.to_thread``
workers included). Each thread gets its own SQLite connection on first use; SQLite's WAL mode
lets them, and other processes (a sync run while the TUI reads), read while one writes.

Writes: every public ``save_*`` call is one short ``BEGIN IMMEDIATE`` transaction, prepared
beforehand (hashing, compressing, folding text), so a crash at any moment leaves either all of
an article with its assets or none of it. Saving again upserts: URLs are unique.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from hnreader import paths
from hnreader.models import Article, ArticleList, Page, SiteTree
from hnreader.store import reading, writes
from hnreader.store.database import connect, prepare, translate_errors
from hnreader.store.errors import StoreAccessError, StoreError
from hnreader.store.maintenance import Maintenance
from hnreader.store.records import (
    Asset,
    PageKind,
    RawPage,
    ReadingState,
    Saved,
    SearchHit,
    StoredArticle,
)
from hnreader.store.rows import (
    ArticleRecord,
    ArticleRow,
    article_row,
    article_rows,
    fetched_row,
    now_iso,
    to_iso,
)
from hnreader.store.schema import index_articles, search_row
from hnreader.store.search import SearchFilter, search
from hnreader.store.serialise import (
    article_from_json,
    article_list_from_json,
    site_tree_from_json,
)
from hnreader.store.textnorm import normaliser_id
from hnreader.store.writes import BlobFields


class Store(Maintenance):
    """The SQLite library in one data directory. Open it with :meth:`open`."""

    def __init__(self, path: Path, notices: Sequence[str] = ()) -> None:
        self.path = path
        self.notices: tuple[str, ...] = tuple(notices)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._busy = 0  # reads and writes in progress, on any thread
        self._closed = False

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None) -> Store:
        """Open (creating, recovering or migrating as needed) the library in ``data_dir``.

        ``data_dir`` defaults as :func:`hnreader.paths.data_dir` says. Raises a
        :class:`StoreError` subclass with a readable message when that is impossible.
        """
        directory = paths.data_dir(data_dir, create=False)
        try:
            paths.ensure_private_dir(directory)
        except OSError as exc:
            raise StoreAccessError(directory, f"it cannot be created ({exc.strerror})") from exc
        path, notices = prepare(directory)
        store = cls(path, notices)
        if store._meta("normaliser") != normaliser_id():
            store.notices += (
                "The search index was built with another text converter; "
                "rebuild it (hnreader cache reindex) if searches miss articles.",
            )
        return store

    # -- connections and transactions ----------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                if self._closed:
                    raise StoreError(f"the library {self.path} is closed")
                conn = connect(self.path)
                self._connections.append(conn)
            self._local.conn = conn
        return conn

    @contextmanager
    def _in_use(self) -> Iterator[None]:
        # A worker thread may still be inside a write when another thread closes the store
        # (a cancelled sync): close() waits for it instead of pulling the connection away.
        with self._lock:
            if self._closed:
                raise StoreError(f"the library {self.path} is closed")
            self._busy += 1
        try:
            yield
        finally:
            with self._lock:
                self._busy -= 1
                self._idle.notify_all()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._in_use(), translate_errors(self.path):
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._in_use(), translate_errors(self.path):
            yield self._conn()

    def close(self) -> None:
        """Close every thread's connection, after the reads and writes in progress end.

        Later reads and writes raise :class:`StoreError`. A thread stuck for more than a
        minute is not waited for any longer: its connection is closed under it.
        """
        with self._lock:
            self._closed = True
            self._idle.wait_for(lambda: self._busy == 0, timeout=60)
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _meta(self, key: str) -> str | None:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    # -- saving --------------------------------------------------------------------------

    def save_article(
        self,
        article: Article,
        page: Page | None = None,
        *,
        assets: Iterable[Page] = (),
        fetched_at: datetime | None = None,
        continuation: Iterable[Page] = (),
    ) -> None:
        """Save ``article``, the raw ``page`` it came from and its images/attachments.

        ``continuation`` holds the raw later pages of a multi-page article.
        """
        record = ArticleRecord(article, page, tuple(assets), fetched_at, tuple(continuation))
        self.save_prepared([article_row(record)])

    def save_articles(self, records: Iterable[ArticleRecord]) -> int:
        """Save a batch in one transaction (for sync: keep batches to tens of articles).

        The same as ``save_prepared(prepare_articles(records))``.
        """
        return self.save_prepared(article_rows(records))

    @staticmethod
    def prepare_articles(records: Iterable[ArticleRecord]) -> list[ArticleRow]:
        """Turn records into rows for :meth:`save_prepared`: CPU work only.

        Hashing, compressing, serialising and folding text for search: no connection, no
        lock, safe from any thread at once, so it can run while another batch is written.
        A later record for the same URL replaces an earlier one.
        """
        return article_rows(records)

    def save_prepared(self, rows: Sequence[ArticleRow]) -> int:
        """Write rows from :meth:`prepare_articles` in one transaction; return how many."""
        with self._write() as conn:
            writes.write_articles(conn, rows)
        return len(rows)

    def save_list(
        self,
        article_list: ArticleList,
        page: Page | None = None,
        *,
        fetched_at: datetime | None = None,
    ) -> None:
        """Save one list page (and its raw page), replacing what was stored for its URL."""
        raw = None if page is None else fetched_row(page, fetched_at)
        with self._write() as conn:
            writes.write_list(conn, article_list, raw, to_iso(fetched_at))

    def save_tree(
        self, tree: SiteTree, page: Page | None = None, *, fetched_at: datetime | None = None
    ) -> None:
        """Save a site's section tree (and its raw home page)."""
        raw = None if page is None else fetched_row(page, fetched_at)
        with self._write() as conn:
            writes.write_tree(conn, tree, raw, to_iso(fetched_at))

    def save_asset(self, page: Page, *, fetched_at: datetime | None = None) -> str:
        """Save one image or attachment; return the SHA-256 of its bytes."""
        row = fetched_row(page, fetched_at)
        with self._write() as conn:
            writes.write_asset(conn, row)
        return row.blob.sha256

    # -- reading -------------------------------------------------------------------------

    def get_article(self, url: str) -> StoredArticle | None:
        """The stored article at ``url``, or None."""
        with self._read() as conn:
            row = conn.execute(reading.ARTICLE_WITH_MARKS + " WHERE a.url = ?", (url,)).fetchone()
        return None if row is None else reading.stored_article(row)

    def get_list(self, url: str) -> Saved[ArticleList] | None:
        """The stored list page at ``url``, or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT data, fetched_at FROM lists WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else Saved(article_list_from_json(row[0]), row[1])

    def get_tree(self, url: str) -> Saved[SiteTree] | None:
        """The stored section tree of the site at ``url``, or None."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT data, fetched_at FROM trees WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else Saved(site_tree_from_json(row[0]), row[1])

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

    # -- the reader's marks --------------------------------------------------------------

    def mark_read(self, url: str, read: bool = True) -> None:
        """Mark ``url`` read (now) or unread."""
        with self._write() as conn:
            writes.set_mark(conn, url, "read_at", now_iso() if read else None)

    def set_bookmark(self, url: str, bookmarked: bool = True) -> None:
        """Bookmark ``url`` (now) or remove its bookmark."""
        with self._write() as conn:
            writes.set_mark(conn, url, "bookmarked_at", now_iso() if bookmarked else None)

    def reading_states(self, urls: Iterable[str]) -> dict[str, ReadingState]:
        """The marks on each of ``urls`` that has any (for showing a list page)."""
        wanted = list(dict.fromkeys(urls))
        found: dict[str, ReadingState] = {}
        with self._read() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for url, read_at, bookmarked_at in conn.execute(
                    f"SELECT url, read_at, bookmarked_at FROM reading WHERE url IN ({marks})",
                    chunk,
                ):
                    found[url] = ReadingState(read_at, bookmarked_at)
        return found

    def bookmarks(self) -> list[StoredArticle]:
        """Bookmarked articles that are stored, newest bookmark first."""
        with self._read() as conn:
            rows = conn.execute(
                reading.ARTICLE_WITH_MARKS + " WHERE r.bookmarked_at IS NOT NULL"
                " ORDER BY r.bookmarked_at DESC, a.id DESC"
            ).fetchall()
        return [reading.stored_article(row) for row in rows]

    def record_opened(self, url: str) -> None:
        """Remember that the reader opened ``url`` now (for :meth:`history`)."""
        # Microseconds: articles opened within one second must still come back in order.
        opened = datetime.now(UTC).isoformat(timespec="microseconds")
        with self._write() as conn:
            writes.set_mark(conn, url, "opened_at", opened)

    def history(self, limit: int = 100) -> list[StoredArticle]:
        """Stored articles by the time they were last opened, newest first."""
        with self._read() as conn:
            return reading.history(conn, limit)

    def unread_counts(self, list_urls: Iterable[str]) -> dict[str, int]:
        """Unread articles linked from each stored list page (unstored pages are left out)."""
        with self._read() as conn:
            return reading.unread_counts(conn, list_urls)

    def unread_count(self, list_url: str) -> int | None:
        """Unread articles linked from the list page ``list_url``; None if it is not stored."""
        return self.unread_counts([list_url]).get(list_url)

    # -- search and upkeep ---------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        site: str | None = None,
        url_prefix: str | None = None,
        list_url_prefix: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Articles matching every whitespace-separated term of ``query``, in either script."""
        search_filter = SearchFilter(site, url_prefix, list_url_prefix)
        with self._read() as conn:
            return search(conn, query, search_filter, limit, offset)

    def counts(self) -> dict[str, int]:
        """How many rows each kind of record has (for ``hnreader cache`` and tests)."""
        tables = ("articles", "lists", "trees", "pages", "assets", "blobs", "reading")
        with self._read() as conn:
            return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def check_integrity(self) -> list[str]:
        """Problems found by a full check of the file and of the search indexes (empty: none)."""
        problems: list[str] = []
        with self._read() as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            problems.extend(str(row[0]) for row in rows if row != ("ok",))
            for table in ("search_trigram", "search_bigram"):
                try:
                    conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
                except sqlite3.DatabaseError as exc:
                    problems.append(f"{table}: {exc}")
            problems.extend(
                f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
                for row in conn.execute("PRAGMA foreign_key_check")
            )
        return problems

    def prune_blobs(self) -> int:
        """Delete stored bytes no page or asset refers to any more; return how many."""
        with self._write() as conn:
            return writes.prune_blobs(conn)

    def rebuild_search_index(self, batch: int = 200) -> int:
        """Index every article again (after the text converter changed); return how many."""
        done = 0
        last_id = 0
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT id, data FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                    (last_id, batch),
                ).fetchall()
            if not rows:
                break
            prepared = [(row[0], search_row(article_from_json(row[1]))) for row in rows]
            with self._write() as conn:
                index_articles(conn, prepared)
            done += len(rows)
            last_id = rows[-1][0]
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('normaliser', ?)",
                (normaliser_id(),),
            )
        return done

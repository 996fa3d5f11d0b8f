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
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from hnreader import paths
from hnreader.models import Article, ArticleList, Page, SiteTree
from hnreader.store import writes
from hnreader.store.database import connect, prepare, translate_errors
from hnreader.store.errors import StoreAccessError, StoreError
from hnreader.store.lookups import Lookups
from hnreader.store.maintenance import Maintenance
from hnreader.store.marks import Marks
from hnreader.store.records import SearchHit
from hnreader.store.rows import (
    ArticleRecord,
    ArticleRow,
    article_row,
    article_rows,
    fetched_row,
    to_iso,
)
from hnreader.store.schema import index_articles, search_row
from hnreader.store.search import SearchFilter, search
from hnreader.store.serialise import article_from_json
from hnreader.store.textnorm import normaliser_id


class Store(Lookups, Marks, Maintenance):
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

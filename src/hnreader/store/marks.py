"""The reader's marks on articles: read, bookmarked, opened (history), unread counts.

A mixin of :class:`~hnreader.store.Store`; marks are keyed by URL, so they survive
re-extraction and even a deleted article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from hnreader.store import reading, writes
from hnreader.store.records import ReadingState, StoredArticle
from hnreader.store.rows import now_iso


class Marks:
    """Reading-mark methods of the store; :class:`Store` provides the connections."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

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

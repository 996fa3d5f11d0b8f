"""The library's upkeep: statistics, export iteration, pruning, clearing and vacuuming.

A mixin of :class:`~hnreader.store.Store`, kept apart so the store module stays about saving
and reading; the SQL is in :mod:`hnreader.store.upkeep`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from hnreader.store import reading, upkeep
from hnreader.store.records import StoredArticle
from hnreader.store.rows import to_iso
from hnreader.store.upkeep import LibraryStats, PruneResult


class Maintenance:
    """Upkeep methods of the store; :class:`Store` provides the connections."""

    path: Path

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        """How many rows each kind of record has."""
        raise NotImplementedError

    def stats(self) -> LibraryStats:
        """Counts, sizes and the span of fetch times (for ``hnreader cache stats``)."""
        counts = self.counts()
        with self._read() as conn:
            stored, original = upkeep.byte_totals(conn)
            oldest, newest = upkeep.fetch_span(conn)
        on_disk = sum(
            side.stat().st_size for side in (self.path, Path(f"{self.path}-wal")) if side.exists()
        )
        return LibraryStats(counts, on_disk, stored, original, oldest, newest)

    def iter_articles(self, batch: int = 100) -> Iterator[StoredArticle]:
        """Every stored article with its marks, in storage order, read in batches."""
        last_id = 0
        while True:
            with self._read() as conn:
                rows = conn.execute(
                    "SELECT a.id, a.data, a.fetched_at, r.read_at, r.bookmarked_at, r.opened_at"
                    " FROM articles a LEFT JOIN reading r ON r.url = a.url"
                    " WHERE a.id > ? ORDER BY a.id LIMIT ?",
                    (last_id, batch),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield reading.stored_article(row[1:])
            last_id = rows[-1][0]

    def prune_older_than(self, cutoff: datetime) -> PruneResult:
        """Delete what was fetched before ``cutoff``; bookmarks, marks and trees stay."""
        with self._write() as conn:
            return upkeep.prune_before(conn, to_iso(cutoff))

    def prune_to_size(self, max_bytes: int) -> PruneResult:
        """Delete the oldest fetched content until what is stored fits in ``max_bytes``.

        Measures stored bytes (compressed pages, assets, extracted text), not the file: run
        :meth:`vacuum` afterwards to give the room back to the disk.
        """
        result = PruneResult()
        while True:
            with self._write() as conn:
                if upkeep.content_bytes(conn) <= max_bytes:
                    return result
                step = upkeep.prune_oldest_batch(conn)
            result += step
            if step == PruneResult():
                return result

    def clear(self) -> PruneResult:
        """Delete everything fetched; read marks, bookmarks and history stay."""
        with self._write() as conn:
            return upkeep.clear_content(conn)

    def vacuum(self) -> None:
        """Rewrite the file compactly, giving the room of deleted records back to the disk."""
        with self._read() as conn:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

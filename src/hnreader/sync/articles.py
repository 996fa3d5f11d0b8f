"""Load articles for sync: fetch, extract off the event loop, save in small batches.

A transaction per article made saving cost more than fetching (measured 4.4 ms an
article alone, 3.0 ms in batches of 20); here finished articles wait in an
:class:`ArticleBatch` and are written
:data:`BATCH_SIZE` at a time in one transaction, in a thread. The batch is flushed when
the walk ends or is cancelled, so a stopped sync keeps everything it finished; a sync
killed outright loses at most one batch, which the next run fetches again (nothing
half-written: each batch is one transaction).

Extraction is CPU work and runs in a thread, off the event loop, so fetching goes on
meanwhile. A process pool was measured (bench/bench_sync.py, 2 cores, forkserver) and was
slower: start-up and pickling cost more than the parallelism gave beside the server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from hnreader.models import Article
from hnreader.sites import SiteSession, kinds
from hnreader.sites.session import Loaded, Outcome
from hnreader.store import ArticleRecord, StoreError

BATCH_SIZE = 20  # articles per transaction: tens keep a kill -9 cheap and commits rare

Done = Callable[[str, Loaded[Article]], None]
Failed = Callable[[str, str], None]


@dataclass(slots=True)
class ArticleBatch:
    """Articles extracted but not yet saved, and what to report once they are."""

    session: SiteSession
    done: Done
    failed: Failed
    size: int = BATCH_SIZE
    pending: list[tuple[ArticleRecord, Loaded[Article]]] = field(default_factory=list)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def add(self, record: ArticleRecord, loaded: Loaded[Article]) -> None:
        """Queue one article; write the batch when it is full."""
        self.pending.append((record, loaded))
        if len(self.pending) >= self.size:
            await self.flush()

    async def flush(self) -> None:
        """Write everything pending in one transaction; count it done or failed."""
        async with self._lock:
            batch, self.pending = self.pending, []
            if not batch or self.session.store is None:
                return
            records = [record for record, _ in batch]
            try:
                await asyncio.to_thread(self.session.store.save_articles, records)
            except StoreError as exc:
                for record, _ in batch:
                    self.failed(record.article.url, str(exc))
                return
            for record, loaded in batch:
                self.done(record.article.url, loaded)

    def flush_now(self) -> None:
        """Write what is pending synchronously (on cancel, when awaiting is not possible)."""
        batch, self.pending = self.pending, []
        if not batch or self.session.store is None:
            return
        try:
            self.session.store.save_articles([record for record, _ in batch])
        except StoreError as exc:
            for record, _ in batch:
                self.failed(record.article.url, str(exc))
            return
        for record, loaded in batch:
            self.done(record.article.url, loaded)


async def load_article(
    session: SiteSession, url: str
) -> tuple[Loaded[Article], ArticleRecord | None]:
    """Fetch ``url`` (conditionally) and extract it; the record to save, if it changed.

    Like ``session.load(kinds.ARTICLE, url, strict=True)`` except that saving is left to
    the caller (to batch it). Raises FetchError or StoreError for a failed article.
    """
    from hnreader.sites.offline_error import NotAvailableOffline

    store, fetcher = session.store, session.fetcher
    if store is None or fetcher is None or session.offline:
        raise NotAvailableOffline(url)
    stored = await asyncio.to_thread(kinds.ARTICLE.stored, store, url)
    fetched = await kinds.ARTICLE.fetch(fetcher, url, stored)
    if fetched is None:
        if stored is None:
            from hnreader.fetch import FetchError

            raise FetchError(url, "the server answered 304 to a plain request", 304)
        return Loaded(stored.value, "unchanged"), None
    article = await asyncio.to_thread(kinds.ARTICLE.extract, fetched)
    record = ArticleRecord(article, fetched.keyed(fetched.page), continuation=fetched.later)
    outcome: Outcome = "new" if stored is None else "updated"
    return Loaded(article, outcome, fetched.size), record

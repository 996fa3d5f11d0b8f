"""Load a site's section tree, list pages, articles and images, online or from the library.

Online, every load is a conditional request when a copy is stored (a 304 costs no body and
stores nothing new); what comes back is extracted in a thread, saved with its raw bytes and
returned. When the network fails, or the session is offline, the stored copy is returned; a
page never stored raises :class:`NotAvailableOffline`. HTTP errors (a 404) are not a reason to
fall back: the page is gone, and saying so is more honest than showing an old copy.

After a network failure the session is offline: stored pages are served at once (no waiting
for timeouts) for :data:`RETRY_AFTER` seconds, after which the network is tried again; pages
not stored are always tried. A successful fetch makes the session online again.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Literal, ParamSpec, TypeVar

from hnreader.models import Article, ArticleList, SiteTree
from hnreader.sites import kinds
from hnreader.sites.errors import is_network_failure
from hnreader.sites.kinds import Kind
from hnreader.store import Store, StoreError

if TYPE_CHECKING:
    from hnreader.fetch import Fetcher

log = logging.getLogger("hnreader.sites")

RETRY_AFTER = 30.0  # seconds of serving stored copies before trying a failed network again
# Threads for the library and extraction. The store opens one SQLite connection per thread,
# and asyncio's default pool has up to six threads here: a sync of 3,000 articles peaked
# 4-5 MB higher with six than with two, and was no faster (SQLite writes one transaction at
# a time; extraction holds the GIL). Two, not one, so a slow write never holds up a read.
SESSION_THREADS = 2
T = TypeVar("T")
P = ParamSpec("P")
T_co = TypeVar("T_co", covariant=True)
# new: not stored before; updated: stored and changed; unchanged: the server said 304 (or
# sent the same bytes); stored: taken from the library without asking the server.
Outcome = Literal["new", "updated", "unchanged", "stored"]


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T_co]):
    """A loaded value, where it came from and how many bytes were downloaded for it."""

    value: T_co
    outcome: Outcome
    downloaded: int = 0


class SiteSession:
    """Everything the reader and sync ask of a site, over one shared :class:`Fetcher`.

    ``fetcher`` None means no network at all; ``store`` None means nothing is kept (and
    nothing can be read offline). The store is synchronous SQLite, so it is always called
    in a thread (:meth:`in_thread`: ``threads``, else a pool of :data:`SESSION_THREADS` of
    the session's own); extraction is CPU work and runs there too, keeping the event loop
    (and the UI) free.
    """

    def __init__(
        self,
        fetcher: Fetcher | None,
        store: Store | None = None,
        *,
        offline: bool = False,
        threads: Executor | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.store = store
        self._forced_offline = offline
        self._down_since: float | None = None
        # The last failure to save into the library while reading (the page was still shown).
        self.store_problem: StoreError | None = None
        # Threads start on first use and end at aclose(), when the session is collected, or
        # at exit.
        self._own_threads = threads is None
        self._threads = threads or ThreadPoolExecutor(
            SESSION_THREADS, thread_name_prefix="hnreader-session"
        )

    async def aclose(self) -> None:
        """Wait for the library and extraction calls still running; end the session's threads.

        A cancelled load can leave a store write running in a thread: wait for it before the
        store is closed. Threads given to the session are left to their owner.
        """
        if self._own_threads:
            await asyncio.to_thread(self._threads.shutdown)

    async def in_thread(self, call: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``call(*args, **kwargs)`` on one of the session's threads, as ``asyncio.to_thread``."""
        context = contextvars.copy_context()
        bound = functools.partial(context.run, call, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._threads, bound)

    @property
    def offline(self) -> bool:
        """Whether the session is offline: forced, without a fetcher, or after a failure."""
        return self._forced_offline or self.fetcher is None or self._down_since is not None

    @offline.setter
    def offline(self, value: bool) -> None:
        # Set by the user: True forces offline, False tries the network at the next load.
        self._forced_offline = value
        self._down_since = None

    # -- what the reader asks for ---------------------------------------------------------

    async def tree(self, url: str) -> SiteTree:
        """The section tree announced by the home page at ``url``."""
        return (await self.load(kinds.TREE, url)).value

    async def article_list(self, url: str) -> ArticleList:
        """One page of a section's article list."""
        return (await self.load(kinds.LIST, url)).value

    async def article(self, url: str) -> Article:
        """One article, all of its pages stitched together; recorded in the history."""
        loaded = await self.load(kinds.ARTICLE, url)
        if self.store is not None:
            await self._tolerant(self.store.record_opened, url)
        return loaded.value

    async def asset(self, url: str) -> bytes:
        """The bytes of an image or attachment (stored content-addressed)."""
        return (await self.load(kinds.ASSET, url)).value

    # -- the machinery, shared with sync --------------------------------------------------

    async def load(self, kind: Kind[T], url: str, *, strict: bool = False) -> Loaded[T]:
        """Load ``url`` as ``kind``: fetched (conditionally) and saved, or from the library.

        ``strict`` is for sync: the network is always asked (unless the session is forced
        offline, which raises :class:`NotAvailableOffline`), a network failure is raised
        instead of falling back, and so is a failure to save. Otherwise a failure to save is
        logged, kept in :attr:`store_problem`, and the value still returned.
        """
        store = self.store
        stored = None if store is None else await self.in_thread(kind.stored, store, url)
        fetcher = self.fetcher
        if fetcher is None or not self._should_fetch(have_copy=stored is not None and not strict):
            if stored is None or strict:
                raise _not_available(url)
            return Loaded(stored.value, "stored")
        # Imported only on the way to the network: they bring in the network client, which a
        # reader opened offline never needs.
        from hnreader.fetch import FetchError
        from hnreader.sites.offline_error import NotAvailableOffline

        try:
            fetched = await kind.fetch(fetcher, url, stored)
        except FetchError as exc:
            if not is_network_failure(exc) or isinstance(exc, NotAvailableOffline):
                raise
            self._down_since = time.monotonic()
            log.info("offline after a network failure: %s", exc)
            if strict:
                raise
            if stored is None:
                raise NotAvailableOffline(url, exc) from exc
            return Loaded(stored.value, "stored")
        self._down_since = None
        if fetched is None:
            if stored is None:
                raise FetchError(url, "the server answered 304 to a plain request", 304)
            return Loaded(stored.value, "unchanged")
        value = await self.in_thread(kind.extract, fetched)
        if store is not None:
            if strict:
                await self.in_thread(kind.save, store, value, fetched)
            else:
                await self._tolerant(kind.save, store, value, fetched)
        outcome: Outcome = "new" if stored is None else "updated"
        return Loaded(value, outcome, fetched.size)

    def _should_fetch(self, *, have_copy: bool) -> bool:
        if self._forced_offline:
            return False
        if self._down_since is None or not have_copy:
            return True
        return time.monotonic() - self._down_since >= RETRY_AFTER

    async def _tolerant(self, call: kinds.StoreCall, *args: object) -> None:
        """Run a store write; a failure is logged and kept, not raised (the reader goes on)."""
        try:
            await self.in_thread(call, *args)
        except StoreError as exc:
            log.warning("could not save to the library: %s", exc)
            self.store_problem = exc


def _not_available(url: str) -> Exception:
    """The error for ``url`` missing offline (its module imports the network client)."""
    from hnreader.sites.offline_error import NotAvailableOffline

    return NotAvailableOffline(url)

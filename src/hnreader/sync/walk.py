"""Sync a site: its section tree, then list pages, then articles and their images.

One producer walks the list pages section by section and feeds article URLs into a small
bounded queue; a few workers fetch them. The queue bound keeps memory flat however large the
site: nothing holds more than a handful of pages at once, and only the URLs already seen
(for de-duplication) grow with the site. Fetched articles go to a second process that
extracts and saves them a small batch per transaction (:mod:`hnreader.sync.articles`); a
stopped sync has it save everything fetched so far, and the next run (conditional requests:
304s cost no body) fetches only what is missing or changed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from hnreader.fetch import FetchError
from hnreader.sites import SiteSession, kinds
from hnreader.sites.kinds import fetch_later
from hnreader.sites.session import Loaded, Outcome
from hnreader.store import ArticleValidators, StoreError
from hnreader.sync.articles import ArticleSaver
from hnreader.sync.messages import Job, JobResult
from hnreader.sync.report import ItemKind, SyncProgress, SyncReport
from hnreader.sync.robots import Policy, robots_policy
from hnreader.sync.scope import SiteScope, SyncError, is_before, is_file, list_urls

ProgressCallback = Callable[[SyncProgress], None]
DEFAULT_WORKERS = 4
SECTIONS_AT_ONCE = 3  # sections whose list pages are read side by side
# Errors that fail one item, not the sync: the reason is recorded and the walk goes on.
ITEM_ERRORS = (FetchError, StoreError)
# An article URL on its way to the workers, with the validators of its stored copy (looked up
# per list page, for all its articles at once); None: not stored.
Queued = tuple[str, ArticleValidators | None]


@dataclass(slots=True)
class _Run:
    """The state of one sync."""

    session: SiteSession
    scope: SiteScope
    robots: Policy
    progress: SyncProgress
    notify: ProgressCallback
    pages: int | None
    since: date | None
    images: bool
    attachments: bool
    seen: set[str] = field(default_factory=set)
    saver: ArticleSaver | None = None
    group: asyncio.TaskGroup | None = None  # while the walk runs: where file fetches go

    def saved(self, url: str, outcome: Outcome, result: JobResult) -> None:
        """Count an article once it is in the library; fetch the files it links."""
        self.progress.articles.count(Loaded(url, outcome))
        self.notify(self.progress)
        if self.group is not None and (result.images or result.attachments):
            self.group.create_task(self.files(result.images, result.attachments, fresh=True))

    def needs_later(self, job: Job, urls: tuple[str, ...]) -> None:
        """Fetch a multi-page article's later pages, then send it to be saved again."""
        if self.group is not None:
            self.group.create_task(self.send_with_later(job, urls))

    async def send_with_later(self, job: Job, urls: tuple[str, ...]) -> None:
        """Fetch ``urls`` (an article's later pages) and send the article with them."""
        assert self.saver is not None
        assert self.session.fetcher is not None
        try:
            later = await fetch_later(self.session.fetcher, list(urls))
        except FetchError as exc:
            self.saver.drop(job.key, str(exc))
            return
        self.progress.downloaded += sum(len(page.content) for page in later)
        await self.saver.add(replace(job, later=later))

    def not_saved(self, url: str, reason: str) -> None:
        """Count an article whose batch could not be written."""
        self.progress.fail(url, "article", reason)
        self.notify(self.progress)

    def first_time(self, url: str) -> bool:
        """True the first time ``url`` comes up in this sync."""
        if url in self.seen:
            return False
        self.seen.add(url)
        return True

    async def permitted(self, url: str, kind: ItemKind) -> bool:
        """Whether ``url`` is on the site and allowed by robots.txt; counts a skip if not."""
        progress = self.progress
        tally = {"asset": progress.assets, "article": progress.articles}.get(kind, progress.lists)
        if not self.scope.allows(url):
            tally.skipped += 1
            return False
        try:
            allowed = await self.robots.allowed(url)
        except FetchError as exc:
            self.progress.fail(url, kind, f"robots.txt could not be read: {exc}")
            return False
        if not allowed:
            tally.skipped += 1
        return allowed

    async def walk(
        self, queue: asyncio.Queue[Queued | None], lists: list[str], workers: int
    ) -> None:
        """Walk ``lists`` with ``workers`` article loaders; every article saved or stopped.

        Cancelled, it saves and counts what was fetched before going; a failure of the
        extraction process is raised as a :class:`SyncError`.
        """
        saver = self.saver
        assert saver is not None
        try:
            async with asyncio.TaskGroup() as group:
                self.group = group
                crews = [group.create_task(self.work(queue)) for _ in range(max(1, workers))]
                await self.walk_lists(queue, lists)
                for _ in crews:
                    await queue.put(None)
                await asyncio.gather(*crews)
                await saver.finish()
        except asyncio.CancelledError:
            self.progress.cancelled = True
            self.group = None
            await saver.stop()
            raise
        except ExceptionGroup as failure:
            if saver.problem is not None:
                raise saver.problem from failure
            raise
        finally:
            self.group = None
            await saver.abort()

    async def walk_lists(self, queue: asyncio.Queue[Queued | None], sections: list[str]) -> None:
        """Read every chosen section's list pages, queueing the articles they link to.

        :data:`SECTIONS_AT_ONCE` sections are read side by side: a section's list pages must
        be read one after another (each names the next), and one such chain cannot keep the
        article workers busy from a fast server.
        """
        gate = asyncio.Semaphore(SECTIONS_AT_ONCE)

        async def walk_one(first_url: str) -> None:
            async with gate:
                await self.walk_section(queue, first_url)
            self.progress.sections_done += 1
            self.notify(self.progress)

        async with asyncio.TaskGroup() as group:
            for first_url in sections:
                group.create_task(walk_one(first_url))
        self.progress.listing_done = True
        self.notify(self.progress)

    async def walk_section(self, queue: asyncio.Queue[Queued | None], first_url: str) -> None:
        """Follow one section's list pages (up to ``pages`` of them)."""
        waiting = [first_url]
        walked = 0
        while waiting and (self.pages is None or walked < self.pages):
            url = waiting.pop(0)
            if not self.first_time(url) or not await self.permitted(url, "list"):
                continue
            walked += 1
            self.progress.current = url
            try:
                loaded = await self.session.load(kinds.LIST, url, strict=True)
            except ITEM_ERRORS as exc:
                self.progress.fail(url, "list", str(exc))
                continue
            self.progress.lists.count(loaded)
            self.progress.downloaded += loaded.downloaded
            article_list = loaded.value
            older = 0
            found: list[str] = []
            for item in article_list.items:
                if is_before(item.date, self.since):
                    older += 1
                elif is_file(item.url):
                    # A list entry that is a document (政策文件 as PDF): an attachment.
                    self.progress.articles.skipped += 1
                    if self.attachments:
                        await self.fetch_files([item.url])
                elif self.first_time(item.url) and await self.permitted(item.url, "article"):
                    self.progress.articles_found += 1
                    found.append(item.url)
            await self.queue_articles(queue, found)
            self.notify(self.progress)
            if article_list.items and older == len(article_list.items):
                break  # lists are newest first: the rest of the section is older still
            later = [article_list.next] if article_list.next else []
            later += [page for page in article_list.pages if page not in self.seen]
            waiting += [page for page in dict.fromkeys(later) if page not in waiting]

    async def queue_articles(self, queue: asyncio.Queue[Queued | None], urls: list[str]) -> None:
        """Queue a list page's articles with their stored validators (one lookup for all)."""
        store = self.session.store
        if not urls or store is None:
            return
        stored = await self.session.in_thread(store.article_validators, urls)
        for url in urls:
            await queue.put((url, stored.get(url)))

    async def work(self, queue: asyncio.Queue[Queued | None]) -> None:
        """Load queued articles until told to stop (a None)."""
        while (item := await queue.get()) is not None:
            url, stored = item
            self.progress.current = url
            try:
                await self.load_article(url, stored)
            except ITEM_ERRORS as exc:
                self.progress.fail(url, "article", str(exc))
            self.notify(self.progress)

    async def load_article(self, url: str, stored: ArticleValidators | None) -> None:
        """Fetch ``url`` (conditionally) and send it to be saved; count it if unchanged.

        Raises FetchError for a failed article.
        """
        session, saver = self.session, self.saver
        assert saver is not None
        if session.fetcher is None or session.offline:
            from hnreader.sites.offline_error import NotAvailableOffline

            raise NotAvailableOffline(url)
        page = await kinds.ARTICLE.fetch_page(session.fetcher, url, stored)
        if page is None:
            if stored is None:
                raise FetchError(url, "the server answered 304 to a plain request", 304)
            self.progress.articles.unchanged += 1
            await self.unchanged_files(url)
            return
        self.progress.downloaded += len(page.content)
        await saver.add(Job(url, page, known=stored is not None))

    async def unchanged_files(self, url: str) -> None:
        """Fetch what an unchanged article links that is not stored yet (images, attachments)."""
        store = self.session.store
        if not (self.images or self.attachments) or store is None:
            return
        saved = await self.session.in_thread(store.get_article, url)
        if saved is None:
            return  # removed meanwhile (a cache prune): the next sync fetches it whole
        article = saved.article
        images = tuple(image.src for image in article.images)
        await self.files(images, tuple(a.url for a in article.attachments), fresh=False)

    async def files(
        self, images: tuple[str, ...], attachments: tuple[str, ...], *, fresh: bool
    ) -> None:
        """Fetch an article's images (and attachments, if asked) that are not stored yet.

        For an article that changed, stored files are revalidated too (conditionally).
        """
        urls = list(images) if self.images else []
        if self.attachments:
            urls += attachments
        await self.fetch_files(urls, fresh=fresh)

    async def fetch_files(self, urls: list[str], *, fresh: bool = False) -> None:
        """Store the images or attachments at ``urls`` (only missing ones unless ``fresh``)."""
        store = self.session.store
        for url in urls:
            if not self.first_time(url) or not await self.permitted(url, "asset"):
                continue
            has = store.has_asset if store is not None and not fresh else None
            if has is not None and await self.session.in_thread(has, url):
                self.progress.assets.unchanged += 1
                continue
            try:
                loaded = await self.session.load(kinds.ASSET, url, strict=True)
            except ITEM_ERRORS as exc:
                self.progress.fail(url, "asset", str(exc))
            else:
                self.progress.assets.count(loaded)
                self.progress.downloaded += loaded.downloaded


async def sync_site(
    session: SiteSession,
    home_url: str,
    *,
    sections: Iterable[str] = (),
    exclude: Iterable[str] = (),
    pages: int | None = None,
    since: date | None = None,
    images: bool = True,
    attachments: bool = False,
    robots: bool = True,
    workers: int = DEFAULT_WORKERS,
    processes: int | None = None,
    progress: ProgressCallback | None = None,
) -> SyncReport:
    """Fetch the site at ``home_url`` (or the chosen ``sections``) into ``session.store``.

    ``sections``: list page URLs, name paths (``新闻中心/工作动态``) or names (all when
    empty); ``exclude``: sections left out, named the same way; ``pages``: at
    most this many list pages per section; ``since``: skip list items dated before it;
    ``workers``: articles fetched at once; ``processes``: at most this many extraction
    processes (None: two, or one on one core; the second joins only when pages outrun
    the first).
    Raises :class:`SyncError` when the sync cannot start (offline, no store, the home page
    unreachable, an unknown section); a failure of one page is counted in the report
    instead. Cancelling (Ctrl-C) stops at once; everything saved so far stays consistent.
    """
    if session.store is None or session.fetcher is None or session.offline:
        raise SyncError("sync needs the network and a library (the session is offline)")
    state = SyncProgress(site=home_url)
    run = _Run(
        session,
        SiteScope(home_url),
        robots_policy(session.fetcher, robots),
        state,
        progress or (lambda _: None),
        pages,
        since,
        images,
        attachments,
    )
    # Started first: the process imports its extraction engine while the lists are read.
    saver = run.saver = await ArticleSaver.start(
        session.store, run.saved, run.not_saved, run.needs_later, processes=processes
    )
    try:
        try:
            tree = await session.load(kinds.TREE, home_url, strict=True)
        except ITEM_ERRORS as exc:
            raise SyncError(f"the site's home page could not be synced: {exc}") from exc
        state.lists.count(tree)
        state.downloaded += tree.downloaded
        chosen = list_urls(tree.value, sections, run.scope, exclude)
        state.sections_total = len(chosen)
        run.notify(state)
        queue: asyncio.Queue[Queued | None] = asyncio.Queue(maxsize=workers * 4)
        await run.walk(queue, [url for _, url in chosen], workers)
    finally:
        await saver.abort()  # already ended unless the sync failed
        state.finished = time.monotonic()
    return SyncReport.from_progress(state)

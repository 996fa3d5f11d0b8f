"""The main screen's loads: sections, list pages, articles and the reader's marks.

Network and library I/O run in exclusive workers (a newer load of the same kind cancels the
older one), and the synchronous SQLite store is only ever called in a thread, so the screen
never freezes. After every load the offline banner and status bar follow ``session.offline``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

from textual import work
from textual.screen import Screen
from textual.widgets import Static

from hnreader import models
from hnreader.sites import SiteSession
from hnreader.store import ReadingState, Store, StoreError
from hnreader.ui.errors import describe_error
from hnreader.ui.startup import release_collections
from hnreader.ui.widgets.article_list import ArticleList
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree
from hnreader.ui.widgets.status_bar import StatusBar

T = TypeVar("T")
FIRST_PAINT_WAIT = 0.3  # seconds the first paint may wait for the tree and first list


class LoadingScreen(Screen[None]):
    """The loading half of :class:`~hnreader.ui.screens.main.MainScreen`.

    With ``exit_when_ready`` the app exits right after the tree and the first list page are
    drawn (for the start-up benchmark), or with status 1 when either cannot be loaded.
    """

    def __init__(self, session: SiteSession, start_url: str, *, exit_when_ready: bool) -> None:
        super().__init__()
        self.session = session
        self.start_url = start_url
        self.exit_when_ready = exit_when_ready
        self.site: models.SiteTree | None = None
        self.section: models.Section | None = None
        self.item: models.ListItem | None = None
        self.ready = False  # the tree and a first list page are shown
        self._paint_hold: AbstractContextManager[None] | None = None

    @property
    def store(self) -> Store | None:
        """The library, if the session keeps one."""
        return self.session.store

    @property
    def status(self) -> StatusBar:
        """The status bar."""
        return self.query_one(StatusBar)

    @property
    def reader(self) -> ArticleReader:
        """The reader pane."""
        return self.query_one(ArticleReader)

    @property
    def article_list(self) -> ArticleList:
        """The article list pane."""
        return self.query_one(ArticleList)

    @property
    def section_tree(self) -> SectionTree:
        """The section tree pane."""
        return self.query_one(SectionTree)

    def show_network(self) -> None:
        """Show the session's online/offline state in the status bar and the banner."""
        offline = self.session.offline
        self.status.show_network(offline)
        self.query_one("#offline-banner", Static).set_class(offline, "-shown")

    def open_section(self, section: models.Section) -> None:
        """Show ``section``'s first list page (loading it in the background)."""
        self.section = section
        self.article_list.show_loading(section.name)
        self.workers.cancel_group(self, "more")
        self.load_list(section)

    def hold_first_paint(self) -> None:
        """Paint nothing until the tree and first list are shown, or FIRST_PAINT_WAIT passed.

        From the library they take a fraction of a second: painting the empty panes first, then
        the tree, then the list costs three frames where one does.
        """
        self._paint_hold = self.app.batch_update()
        self._paint_hold.__enter__()
        self.set_timer(FIRST_PAINT_WAIT, self._release_first_paint)

    def _release_first_paint(self) -> None:
        if self._paint_hold is not None:
            hold, self._paint_hold = self._paint_hold, None
            hold.__exit__(None, None, None)
            self.refresh()

    def on_unmount(self) -> None:
        """Let the app paint again if the screen goes before its first list came."""
        self._release_first_paint()

    def _start_up_failed(self, text: str) -> None:
        # The tree or first list could not be shown: start-up ends here (after a later
        # reload this only repeats what is already done, unless benchmarking).
        self._release_first_paint()
        self.call_after_refresh(release_collections)  # start-up is over, if not as hoped
        if self.exit_when_ready:
            self.app.exit(return_code=1, message=text)

    @work(exclusive=True, group="tree")
    async def load_tree(self) -> None:
        """Load the site's section tree into the tree pane, then open its first section."""
        tree = self.section_tree
        message = self.query_one("#tree-message", Static)
        message.remove_class("-shown")
        tree.show_placeholder("Loading…")
        self.status.begin("tree", "Loading sections…")
        try:
            site = await self.session.tree(self.start_url)
        except Exception as exc:
            text = describe_error("Could not load the sections", exc)
            tree.show_placeholder("(no sections)")
            message.update(text)
            message.add_class("-shown")
            self.notify(text.plain, title="Sections", severity="error", markup=False)
            self._start_up_failed(text.plain)
            return
        finally:
            self.status.end("tree")
            self.show_network()
        self.site = site
        self.status.show_site(site.site)
        tree.show_sections(site)
        first = next((s for s in tree.sections if s.url is not None), None)
        if first is None:
            message.update("This site announces no sections.")
            message.add_class("-shown")
            self._start_up_failed("the site announces no sections")
        elif self.section is None:
            self.open_section(first)
        self.load_unread_counts()

    @work(exclusive=True, group="list")
    async def load_list(self, section: models.Section) -> None:
        """Load ``section``'s first list page into the list pane."""
        assert section.url is not None  # only sections with a page are ever opened
        self.status.begin("list", f"Loading {section.name}…")
        try:
            page = await self.session.article_list(section.url)
        except Exception as exc:
            self._list_failed(describe_error(f"Could not load {section.name}", exc).plain)
            self._start_up_failed(f"could not load {section.name}")
            return
        finally:
            self.status.end("list")
            self.show_network()
        self.article_list.show_page(page, section.name)
        self.ready = True
        self._release_first_paint()
        self.call_after_refresh(release_collections)  # the first screen is drawn
        if self.exit_when_ready:
            self.call_after_refresh(self.app.exit)
        self.load_states(page)
        self.load_unread_counts()

    @work(exclusive=True, group="more")
    async def load_more(self, url: str) -> None:
        """Load the next list page at ``url`` and add it to the list."""
        self.status.begin("more", "Loading more articles…")
        try:
            page = await self.session.article_list(url)
        except Exception as exc:
            self._list_failed(describe_error("Could not load more articles", exc).plain)
            return
        finally:
            self.status.end("more")
            self.show_network()
        self.article_list.append_page(page)
        self.load_states(page)

    @work(exclusive=True, group="article")
    async def load_article(self, item: models.ListItem) -> None:
        """Load the article ``item`` into the reader, and mark it read."""
        await self.reader.show_message(f"Loading {item.title}…")
        self.status.begin("article", "Loading article…")
        try:
            article = await self.session.article(item.url)
        except Exception as exc:
            text = describe_error("Could not load the article", exc).plain
            await self.reader.show_message(text, error=True)
            self.notify(text, title="Article", severity="error", markup=False)
            return
        finally:
            self.status.end("article")
            self.show_network()
        await self.reader.show_article(article)
        await self.set_marks(item.url, read=True)

    async def set_marks(
        self, url: str, *, read: bool | None = None, bookmarked: bool | None = None
    ) -> ReadingState | None:
        """Change the marks on ``url`` in the library and show them; None without a library."""
        store = self.store
        if store is None:
            return None
        if read is not None and not await self.library_write(store.mark_read, url, read):
            return None
        if bookmarked is not None and not await self.library_write(
            store.set_bookmark, url, bookmarked
        ):
            return None
        states = await self.library(store.reading_states, [url])
        if states is None:
            return None
        state = states.get(url, ReadingState())
        self.article_list.set_state(url, state)
        self.load_unread_counts()
        return state

    @work(group="marks")
    async def load_states(self, page: models.ArticleList) -> None:
        """Show the library's marks on the articles of ``page``."""
        store = self.store
        if store is not None:
            states = await self.library(store.reading_states, [item.url for item in page.items])
            if states is not None:
                self.article_list.show_states(states)

    @work(exclusive=True, group="counts")
    async def load_unread_counts(self) -> None:
        """Show how many stored articles of each section are unread."""
        store = self.store
        if store is not None:
            urls = [s.url for s in self.section_tree.sections if s.url is not None]
            counts = await self.library(store.unread_counts, urls)
            if counts is not None:
                self.section_tree.show_unread(counts)

    async def library(self, call: Callable[..., T], *args: object) -> T | None:
        """``call(*args)`` on the library in a thread; None, with a notice, if it fails.

        A mark that could not be saved must not stop the reading, so a library failure is
        told, not raised.
        """
        try:
            return await asyncio.to_thread(call, *args)
        except StoreError as exc:
            self.notify(f"The library failed: {exc}", severity="error", markup=False)
            return None

    async def library_write(self, call: Callable[..., None], *args: object) -> bool:
        """Like :meth:`library` for a call that returns nothing: whether it succeeded."""
        try:
            await asyncio.to_thread(call, *args)
        except StoreError as exc:
            self.notify(f"The library failed: {exc}", severity="error", markup=False)
            return False
        return True

    def _list_failed(self, text: str) -> None:
        self.article_list.show_error(text)
        self.notify(text, title="List", severity="error", markup=False)

"""Snapshot tests: what each screen looks like, against the demo edition on a fixed port.

The reader shows full source and attachment URLs, so the server these snapshots see always
listens on :data:`SNAPSHOT_PORT`; with a port picked at random every run would redraw them.
Nothing drawn depends on the clock: lists show publication dates, never when something was
read or bookmarked. Regenerate with ``pytest tests/ui/test_ui_snapshots.py --snapshot-update``
and look at them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from library_helpers import library, reader_app
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import main_screen, parts, wait_for, wait_for_tree, workers_done

from hnreader.app import HnReaderApp
from hnreader.config import Config, ReaderConfig
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.ui.screens.help import HelpScreen
from hnreader.ui.screens.saved import BookmarksScreen
from hnreader.ui.screens.search import SearchScreen

SNAPSHOT_PORT = 48613
SEARCH_WORD = (
    demo_edition().list_page(demo_edition().site("flagship").sections[0].path).items[0].title[:2]
)
WIDE = (120, 36)
NARROW = (80, 24)

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture(scope="module")
def home() -> Iterator[str]:
    """The flagship's home page, served on the fixed snapshot port."""
    try:
        server = DemoServer(host="127.0.0.1", port=SNAPSHOT_PORT)
        server.start()
    except OSError as exc:
        pytest.fail(f"snapshot tests need port {SNAPSHOT_PORT} of 127.0.0.1 free: {exc}")
    try:
        yield server.sites[0][1]
    finally:
        server.stop()


async def _list_loaded(pilot: Pilot[None]) -> None:
    """Open the first section (新闻中心) and wait for its first page."""
    await wait_for_tree(pilot)
    await pilot.press("enter")
    listing = parts(pilot.app)[1]  # type: ignore[arg-type]
    await wait_for(pilot, lambda: bool(listing.items), "the list")
    await pilot.press("tab")
    await _settled(pilot)


async def _article_open(pilot: Pilot[None]) -> None:
    """Open the first article of the first section and wait for it."""
    await _list_loaded(pilot)
    await pilot.press("enter")
    reader = parts(pilot.app)[2]  # type: ignore[arg-type]
    await wait_for(pilot, lambda: reader.article is not None, "the article")
    await _settled(pilot)


async def _store_first_articles(home: str, store: Store, count: int) -> list[str]:
    """Read the first ``count`` articles of the first section into ``store``; their URLs."""
    fetcher = Fetcher()
    try:
        session = SiteSession(fetcher, store)
        site = await session.tree(home)
        assert site.sections[0].url is not None
        listing = await session.article_list(site.sections[0].url)
        urls = [item.url for item in listing.items[:count]]
        for url in urls:
            await session.article(url)
        return urls
    finally:
        await fetcher.aclose()


async def _search_shown(pilot: Pilot[None]) -> None:
    await wait_for_tree(pilot)
    await _settled(pilot)
    await pilot.press("slash")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SearchScreen), "search")
    search = pilot.app.screen
    assert isinstance(search, SearchScreen)
    query = search.query_one(Input)
    query.cursor_blink = False  # a blinking cursor is drawn on the clock
    query.value = SEARCH_WORD
    await wait_for(pilot, lambda: bool(search.hits), "the hits")
    await workers_done(pilot.app)
    pilot.app.clear_notifications()
    await pilot.pause()


async def _bookmarks_shown(pilot: Pilot[None]) -> None:
    await wait_for_tree(pilot)
    await _settled(pilot)
    await pilot.press("B")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, BookmarksScreen), "bookmarks")
    marks = pilot.app.screen
    assert isinstance(marks, BookmarksScreen)
    await wait_for(pilot, lambda: bool(marks.articles), "the bookmarks")
    await workers_done(pilot.app)
    pilot.app.clear_notifications()
    await pilot.pause()


async def _offline_failed(pilot: Pilot[None]) -> None:
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    await wait_for(pilot, lambda: bool(screen.query("#tree-message.-shown")), "the message")
    await _settled(pilot)


async def _help_open(pilot: Pilot[None]) -> None:
    await wait_for_tree(pilot)
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help screen")
    await _settled(pilot)


async def _settled(pilot: Pilot[None]) -> None:
    """Wait until nothing loads any more and every change is drawn."""
    status = main_screen(pilot.app).status  # type: ignore[arg-type]
    await wait_for(pilot, lambda: status.activity == "", "the loads to finish")
    await workers_done(pilot.app)
    await pilot.wait_for_scheduled_animations()
    # Toasts time out on the clock: a slow run would catch them, a fast one would not.
    pilot.app.clear_notifications()
    await pilot.pause()


class TestMainScreen:
    def test_list_loaded(self, snap_compare: SnapCompare, home: str) -> None:
        assert snap_compare(HnReaderApp(home), terminal_size=WIDE, run_before=_list_loaded)

    def test_article_open(self, snap_compare: SnapCompare, home: str) -> None:
        assert snap_compare(HnReaderApp(home), terminal_size=WIDE, run_before=_article_open)


class TestMainScreenNarrow:
    def test_list_loaded_80x24(self, snap_compare: SnapCompare, home: str) -> None:
        assert snap_compare(HnReaderApp(home), terminal_size=NARROW, run_before=_list_loaded)

    def test_article_open_80x24(self, snap_compare: SnapCompare, home: str) -> None:
        assert snap_compare(HnReaderApp(home), terminal_size=NARROW, run_before=_article_open)


class TestHelpScreen:
    def test_help_80x24(self, snap_compare: SnapCompare, home: str) -> None:
        assert snap_compare(HnReaderApp(home), terminal_size=NARROW, run_before=_help_open)


class TestSearchScreen:
    def test_hits_highlighted(self, snap_compare: SnapCompare, home: str, tmp_path: Path) -> None:
        with library(tmp_path / "lib") as store:
            asyncio.run(_store_first_articles(home, store, 5))
            app = reader_app(home, store)
            assert snap_compare(app, terminal_size=WIDE, run_before=_search_shown)


class TestBookmarksScreen:
    def test_bookmarks_listed(self, snap_compare: SnapCompare, home: str, tmp_path: Path) -> None:
        with library(tmp_path / "lib") as store:
            urls = asyncio.run(_store_first_articles(home, store, 3))
            store.set_bookmark(urls[0])
            store.set_bookmark(urls[2])
            store.mark_read(urls[2])
            app = reader_app(home, store)
            assert snap_compare(app, terminal_size=NARROW, run_before=_bookmarks_shown)


class TestThemes:
    def test_high_contrast(self, snap_compare: SnapCompare, home: str) -> None:
        config = Config(reader=ReaderConfig(theme="high-contrast"))
        app = HnReaderApp(home, config=config)
        assert snap_compare(app, terminal_size=WIDE, run_before=_article_open)


class TestTraditionalScript:
    def test_article_in_traditional(self, snap_compare: SnapCompare, home: str) -> None:
        config = Config(reader=ReaderConfig(script="traditional"))
        app = HnReaderApp(home, config=config)
        assert snap_compare(app, terminal_size=WIDE, run_before=_article_open)


class TestOffline:
    def test_banner_and_missing_page(
        self, snap_compare: SnapCompare, home: str, tmp_path: Path
    ) -> None:
        with library(tmp_path / "lib") as store:
            app = reader_app(home, store, offline=True)
            assert snap_compare(app, terminal_size=NARROW, run_before=_offline_failed)

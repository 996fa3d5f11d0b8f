"""Snapshot tests: what each screen looks like, against the demo edition on a fixed port.

The reader shows full source and attachment URLs, so the server these snapshots see always
listens on :data:`SNAPSHOT_PORT`; with a port picked at random every run would redraw them.
Regenerate with ``pytest tests/ui/test_ui_snapshots.py --snapshot-update`` and look at them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest
from textual.pilot import Pilot
from ui_helpers import main_screen, parts, wait_for, wait_for_tree

from hnreader.app import HnReaderApp
from hnreader.demo.server import DemoServer
from hnreader.ui.screens.help import HelpScreen

SNAPSHOT_PORT = 48613
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


async def _help_open(pilot: Pilot[None]) -> None:
    await wait_for_tree(pilot)
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help screen")
    await _settled(pilot)


async def _settled(pilot: Pilot[None]) -> None:
    """Wait until nothing loads any more and every change is drawn."""
    status = main_screen(pilot.app).status  # type: ignore[arg-type]
    await wait_for(pilot, lambda: status.activity == "", "the loads to finish")
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
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

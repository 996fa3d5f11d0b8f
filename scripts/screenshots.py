"""Regenerate the pictures in ``screenshots/`` from the demo edition.

Run from the repository root::

    .venv/bin/python scripts/screenshots.py            # every picture
    .venv/bin/python scripts/screenshots.py search.svg  # just the ones named

Each picture is one small ``shot_*`` function (what to press before the picture is taken)
listed in :data:`SHOTS` with its file name and configuration; add a picture by adding both.
The demo server listens on a fixed port and the app reads from a fresh library and data
directory, so the URLs and marks shown do not change between runs.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from hnreader.app import HnReaderApp
from hnreader.config import Config, ReaderConfig
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.ui.screens.main import MainScreen
from hnreader.ui.screens.search import SearchScreen

OUT = Path(__file__).resolve().parent.parent / "screenshots"
PORT = 48614
SIZE = (120, 36)
PATIENCE = 30.0
READ_BEFOREHAND = 3  # articles of the first section read before every picture (marks show)


async def until(pilot: Pilot[None], ready: Callable[[], bool], what: str) -> None:
    """Let the app run until ``ready()``; fail after :data:`PATIENCE` seconds."""
    deadline = time.monotonic() + PATIENCE
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


async def settle(pilot: Pilot[None], screen: MainScreen) -> None:
    """Wait until nothing loads and every change is drawn; drop the passing toasts."""
    await until(pilot, lambda: screen.status.activity == "", "the loads to finish")
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    pilot.app.clear_notifications()
    await pilot.pause()


async def list_shown(pilot: Pilot[None], screen: MainScreen) -> None:
    """Wait for the first section's list (it opens at start) and move into it."""
    await until(pilot, lambda: bool(screen.article_list.items), "the article list")
    await pilot.press("tab")
    await settle(pilot, screen)


async def shot_main(pilot: Pilot[None], screen: MainScreen) -> None:
    """The main screen: sections, the first section's list with its marks."""
    await list_shown(pilot, screen)


async def shot_article(pilot: Pilot[None], screen: MainScreen) -> None:
    """The newest article of the first section, open in the reader."""
    await list_shown(pilot, screen)
    await pilot.press("enter")
    await until(pilot, lambda: screen.reader.article is not None, "the article")
    await settle(pilot, screen)


async def shot_search(pilot: Pilot[None], screen: MainScreen) -> None:
    """The search screen with highlighted hits."""
    await list_shown(pilot, screen)
    await pilot.press("slash")
    search = pilot.app.screen
    assert isinstance(search, SearchScreen)
    query = search.query_one(Input)
    query.cursor_blink = False  # the same picture every run
    query.value = "社会工作"
    await until(pilot, lambda: bool(search.hits), "the search hits")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@dataclass(frozen=True)
class Shot:
    """One picture: its file name, the steps before it, the reader's configuration."""

    name: str
    steps: Callable[[Pilot[None], MainScreen], Awaitable[None]]
    reader: ReaderConfig = field(default_factory=ReaderConfig)


SHOTS = [
    Shot("main.svg", shot_main),
    Shot("article.svg", shot_article),
    Shot("search.svg", shot_search),
    Shot("high-contrast.svg", shot_article, ReaderConfig(theme="high-contrast")),
    Shot("article-huge.svg", shot_article, ReaderConfig(font_step="huge")),
]


async def prepare_library(home: str, store: Store) -> None:
    """Read the first few articles of the first section into ``store``."""
    fetcher = Fetcher()
    try:
        session = SiteSession(fetcher, store)
        site = await session.tree(home)
        first = next(s for s in site.sections if s.url is not None)
        assert first.url is not None
        listing = await session.article_list(first.url)
        for item in listing.items[1 : 1 + READ_BEFOREHAND]:
            await session.article(item.url)
            store.mark_read(item.url)
        store.set_bookmark(listing.items[2].url)
    finally:
        await fetcher.aclose()


async def take(shot: Shot, home: str, store: Store, data_dir: Path) -> Path:
    """Run the app for ``shot`` and save its picture; return where it went."""
    config = Config(reader=shot.reader, data_dir=str(data_dir))
    app = HnReaderApp(home, session=SiteSession(Fetcher(), store), config=config)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.main
        await until(pilot, lambda: screen.site is not None, "the section tree")
        await shot.steps(pilot, screen)
        return Path(app.save_screenshot(shot.name, path=str(OUT)))


async def take_all(home: str, wanted: set[str]) -> list[Path]:
    """Every wanted picture, from one freshly prepared library."""
    with tempfile.TemporaryDirectory(prefix="hnreader-shots-") as scratch:
        store = Store.open(Path(scratch) / "library")
        try:
            await prepare_library(home, store)
            return [
                await take(shot, home, store, Path(scratch) / "data")
                for shot in SHOTS
                if not wanted or shot.name in wanted
            ]
        finally:
            store.close()


def main(argv: list[str]) -> int:
    """Write the pictures named in ``argv`` (all when none); return the exit status."""
    unknown = set(argv) - {shot.name for shot in SHOTS}
    if unknown:
        print(f"no such picture: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    with DemoServer(host="127.0.0.1", port=PORT) as server:
        for path in asyncio.run(take_all(server.sites[0][1], set(argv))):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

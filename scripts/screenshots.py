"""Regenerate ``screenshots/main.svg`` and ``screenshots/article.svg`` from the demo edition.

Run from the repository root: ``.venv/bin/python scripts/screenshots.py``. The demo server
listens on a fixed port so that the URLs shown in the pictures do not change between runs.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from hnreader.app import HnReaderApp
from hnreader.demo.server import DemoServer
from hnreader.ui.screens.main import MainScreen

OUT = Path(__file__).resolve().parent.parent / "screenshots"
PORT = 48614
SIZE = (120, 36)
PATIENCE = 30.0


async def _until(pilot: Pilot[None], ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


async def _settle(pilot: Pilot[None], screen: MainScreen) -> None:
    await _until(pilot, lambda: screen.status.activity == "", "the loads to finish")
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def shoot(home: str) -> list[Path]:
    """Open the demo's first section and its newest article, saving a picture of each."""
    app = HnReaderApp(home)
    written: list[Path] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await _until(pilot, lambda: screen.site is not None, "the section tree")
        await pilot.press("enter")
        await _until(pilot, lambda: bool(screen.article_list.items), "the article list")
        await pilot.press("tab")
        await _settle(pilot, screen)
        written.append(Path(app.save_screenshot("main.svg", path=str(OUT))))
        await pilot.press("enter")
        await _until(pilot, lambda: screen.reader.article is not None, "the article")
        await _settle(pilot, screen)
        written.append(Path(app.save_screenshot("article.svg", path=str(OUT))))
    return written


def main() -> int:
    """Write the screenshots; return the exit status."""
    OUT.mkdir(exist_ok=True)
    with DemoServer(host="127.0.0.1", port=PORT) as server:
        for path in asyncio.run(shoot(server.sites[0][1])):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helpers for driving the reader in tests: waiting for loads, finding a closed port."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

from hnreader.app import HnReaderApp
from hnreader.ui.screens.main import MainScreen
from hnreader.ui.widgets.article_list import ArticleList
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree

# Generous: a loaded 2-core CI machine must never fail for slowness, only for a real hang.
PATIENCE = 30.0


async def wait_for(pilot: Pilot[None], ready: Callable[[], bool], what: str) -> None:
    """Let the app run until ``ready()`` holds; fail after :data:`PATIENCE` seconds."""
    deadline = time.monotonic() + PATIENCE
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


async def workers_done(app: App[object]) -> None:
    """Wait until no worker runs, including those started meanwhile; raise any that failed.

    Unlike ``app.workers.wait_for_complete()``, a worker cancelled on purpose (an exclusive
    worker replaced by a newer one, such as the unread counts reloaded as a list arrives) is
    not an error: which of two such workers a test catches depends on timing only.
    """
    deadline = time.monotonic() + PATIENCE
    while unfinished := [worker for worker in app.workers if not worker.is_finished]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for workers: {unfinished}")
        started = [worker for worker in unfinished if worker.state != WorkerState.PENDING]
        if not started:  # created, not running yet: their wait() would refuse
            await asyncio.sleep(0.01)
            continue
        waits = (worker.wait() for worker in started)
        results = await asyncio.wait_for(asyncio.gather(*waits, return_exceptions=True), left)
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, WorkerCancelled):
                raise result


def main_screen(app: HnReaderApp) -> MainScreen:
    """The app's main screen (the bottom of the screen stack)."""
    screen = app.screen_stack[0] if app.screen_stack else None
    assert isinstance(screen, MainScreen), "the main screen is not up"
    return screen


def parts(app: HnReaderApp) -> tuple[SectionTree, ArticleList, ArticleReader]:
    """The three panes of the main screen."""
    screen = main_screen(app)
    return screen.query_one(SectionTree), screen.article_list, screen.reader


async def wait_for_tree(pilot: Pilot[None]) -> SectionTree:
    """Wait until the section tree is loaded; return it."""
    app: HnReaderApp = pilot.app  # type: ignore[assignment]
    # An auto-pilot (snapshot tests) may start before the main screen is composed.
    await wait_for(pilot, lambda: bool(main_screen(app).query(SectionTree)), "the main screen")
    tree = parts(app)[0]
    await wait_for(pilot, lambda: bool(tree.sections), "the section tree")
    return tree


def closed_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port

"""Batched article saves: what the progress counts is in the library, even when cancelled."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
from sync_helpers import FAST, sync_into

from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.sync import SyncError, SyncProgress, sync_site
from hnreader.sync.articles import BATCH_SIZE, BATCHES_AHEAD

PORTAL = demo_edition().site("portal")
FLAGSHIP = demo_edition().site("flagship")


@pytest.fixture
def portal(demo_server: DemoServer) -> str:
    return demo_server.sites[1][1]


async def test_a_finished_sync_counts_exactly_the_articles_it_stored(
    tmp_path: Path, portal: str
) -> None:
    (report,) = await sync_into(tmp_path, [portal])
    with Store.open(tmp_path) as store:
        assert report.new == store.counts()["articles"] == len(PORTAL.articles)


async def test_a_cancelled_sync_counts_exactly_the_articles_it_stored(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    flagship = demo_server.sites[0][1]  # the larger site: a cancel leaves part of it unsynced
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            last: list[SyncProgress] = []

            def stop(progress: SyncProgress) -> None:
                last[:] = [progress]
                # Counted once a batch is saved; another batch is then being saved by the
                # extraction process, which the cancel must let finish and count.
                if progress.articles.done >= 1:
                    task.cancel()

            # One extraction process: the bound below is per process.
            task = asyncio.create_task(
                sync_site(session, flagship, images=False, processes=1, progress=stop)
            )
            with pytest.raises(asyncio.CancelledError):
                await task
        # A cancelled sync can leave a store write running in a session thread (a list page
        # being saved); wait for it before closing the store under it.
        await session.aclose()
        stored = store.counts()["articles"]
    assert last[0].articles.new == stored
    assert last[0].cancelled
    # Saved: the first batch (sent alone, to an idle process) and at most BATCHES_AHEAD more.
    assert stored < len(FLAGSHIP.articles) <= 3 * BATCH_SIZE
    assert BATCHES_AHEAD == 2
    assert extraction_processes() == []


def extraction_processes() -> list[int]:
    """The ids of this process's children running the sync's extraction process."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
            command = status.with_name("cmdline").read_bytes()
        except OSError:
            continue  # the process ended meanwhile
        if fields.get("PPid") == str(os.getpid()) and b"hnreader.sync.worker" in command:
            if fields.get("State", "").startswith("Z"):
                continue  # ended, not yet reaped by asyncio's child watcher
            found.append(int(status.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("moment", ["before any article", "with articles found"])
async def test_a_crashed_extraction_process_stops_the_sync_with_a_clear_error(
    tmp_path: Path, portal: str, moment: str
) -> None:
    killed: list[int] = []

    def crash(progress: SyncProgress) -> None:
        now = progress.articles_found > 0 if moment == "with articles found" else True
        if now and not killed:
            killed.extend(extraction_processes())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)

    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(SyncError, match="extraction process"):
                await sync_site(SiteSession(fetcher, store), portal, progress=crash)
        assert killed
        assert store.check_integrity() == []

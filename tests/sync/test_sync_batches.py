"""Batched article saves: what the progress counts is in the library, even when cancelled."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sync_helpers import FAST, sync_into

from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.sync import SyncProgress, sync_site
from hnreader.sync.articles import BATCH_SIZE

PORTAL = demo_edition().site("portal")


@pytest.fixture
def portal(demo_server: DemoServer) -> str:
    return demo_server.sites[1][1]


async def test_a_finished_sync_counts_exactly_the_articles_it_stored(
    tmp_path: Path, portal: str
) -> None:
    (report,) = await sync_into(tmp_path, [portal])
    with Store.open(tmp_path) as store:
        assert report.new == store.counts()["articles"] == len(PORTAL.articles)


@pytest.mark.parametrize("cancel_after", [1, BATCH_SIZE + 1])
async def test_a_cancelled_sync_stores_every_article_it_counted(
    tmp_path: Path, portal: str, cancel_after: int
) -> None:
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            last: list[SyncProgress] = []

            def stop(progress: SyncProgress) -> None:
                last[:] = [progress]
                # Counted once a batch is saved; other workers then hold extracted
                # articles not yet saved, which the cancel must still save and count.
                if progress.articles.done >= cancel_after:
                    task.cancel()

            task = asyncio.create_task(sync_site(session, portal, progress=stop))
            with pytest.raises(asyncio.CancelledError):
                await task
        # A cancelled sync can leave a store write running in a worker thread (a list page
        # being saved); wait for it before closing the store under it.
        await asyncio.get_running_loop().shutdown_default_executor()
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=4))
        stored = store.counts()["articles"]
    counted = last[0].articles.new
    # Nothing counted that is not stored; at most one batch in flight saved but uncounted.
    assert counted <= stored <= counted + BATCH_SIZE
    assert stored < len(PORTAL.articles)

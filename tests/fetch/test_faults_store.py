"""Faults seen through the reader's session: the loop stays free and nothing half is stored."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fetch_faults import MB, PAGE, FaultServer

from hnreader.config import NetworkConfig
from hnreader.fetch import Fetcher, FetchError
from hnreader.sites import SiteSession
from hnreader.store import Store


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/reset", True),
        ("/short", True),
        ("/trickle", True),
        ("/huge/streamed", False),
        ("/bomb", False),
        ("/typed/application/pdf", False),
    ],
)
async def test_a_broken_transfer_stores_nothing(
    faults: FaultServer, tmp_path: Path, path: str, network: bool
) -> None:
    settings = NetworkConfig(retries=0, read_timeout=0.3, max_bytes=MB)
    url = faults.url(path)
    with Store.open(tmp_path) as store:
        async with Fetcher(settings) as fetcher:
            with pytest.raises(FetchError) as caught:
                await SiteSession(fetcher, store).article(url)
        assert caught.value.is_network == network
        assert store.get_page(url, "article") is None
        assert store.get_article(url) is None


async def test_a_silent_server_does_not_hold_up_other_fetches(faults: FaultServer) -> None:
    async with Fetcher(NetworkConfig(retries=0, read_timeout=5)) as fetcher:
        silent = asyncio.create_task(fetcher.fetch(faults.url("/silent")))
        page = await fetcher.fetch(faults.url("/page"))
        assert page.content == PAGE
        assert not silent.done()  # still waiting, while the loop served everything else
        silent.cancel()
        with pytest.raises(asyncio.CancelledError):
            await silent

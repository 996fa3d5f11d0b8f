"""SiteSession with a library: stores what it loads, falls back offline, keeps history."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from hnreader.config import NetworkConfig
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher, FetchError
from hnreader.sites import NotAvailableOffline, SiteSession
from hnreader.store import Store

# The demo server is local: no need for the polite default rate limit.
FAST = NetworkConfig(rate_limit=0)

FLAGSHIP = demo_edition().site("flagship")


def _article_urls(base: str, count: int) -> list[str]:
    return [urljoin(base, article.path) for article in FLAGSHIP.articles[:count]]


async def test_loaded_pages_are_read_again_when_the_server_is_gone(tmp_path: Path) -> None:
    server = DemoServer(port=0).__enter__()
    base = server.base_url
    first, second, never = _article_urls(base, 3)
    try:
        with Store.open(tmp_path) as store:
            async with Fetcher(FAST) as fetcher:
                session = SiteSession(fetcher, store)
                tree = await session.tree(base)
                listing = await session.article_list(tree.sections[0].url or "")
                online = [await session.article(url) for url in (first, second)]
                assert not session.offline
            server.stop()
            # A new fetcher: the old one's kept-alive connections outlive the listening socket.
            async with Fetcher(
                NetworkConfig(rate_limit=0, retries=0, connect_timeout=2)
            ) as fetcher:
                session = SiteSession(fetcher, store)
                assert await session.tree(base) == tree
                assert session.offline  # the failure switched the session offline
                assert await session.article_list(listing.url) == listing
                assert [await session.article(url) for url in (first, second)] == online
                with pytest.raises(NotAvailableOffline, match="not available offline") as caught:
                    await session.article(never)
                assert caught.value.cause is not None  # why the network was not used
    finally:
        server.stop()


async def test_forced_offline_never_fetches_and_can_be_switched_back(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    (url,) = _article_urls(demo_server.base_url, 1)
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store, offline=True)
            with pytest.raises(NotAvailableOffline):
                await session.article(url)
            assert store.counts()["articles"] == 0
            session.offline = False
            article = await session.article(url)
            assert not session.offline
            session.offline = True
            assert await session.article(url) == article


async def test_an_http_error_is_not_an_offline_fallback(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            with pytest.raises(FetchError) as caught:
                await session.article(demo_server.base_url + "content/gone.html")
    assert caught.value.status == 404
    assert not isinstance(caught.value, NotAvailableOffline)
    assert not session.offline


async def test_opened_articles_make_the_history_and_lists_count_unread(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            tree = await session.tree(demo_server.base_url)
            listing = await session.article_list(tree.sections[0].url or "")
            first, second = (item.url for item in listing.items[:2])
            await session.article(first)
            await session.article(second)
            assert [s.article.url for s in store.history()] == [second, first]
            await session.article(first)
            history = store.history(limit=1)
        assert [s.article.url for s in history] == [first]
        assert history[0].opened_at is not None
        unique = len({item.url for item in listing.items})
        assert store.unread_count(listing.url) == unique
        store.mark_read(first)
        assert store.unread_count(listing.url) == unique - 1
        assert store.unread_count(demo_server.base_url + "not/stored.html") is None


async def test_images_are_stored_once_and_served_offline(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    truth = next(a for a in FLAGSHIP.articles if a.images)
    url = urljoin(demo_server.base_url, truth.images[0].image_path)
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            online = await SiteSession(fetcher, store).asset(url)
        assert await SiteSession(None, store).asset(url) == online
        assert store.counts()["assets"] == 1


async def test_without_a_library_nothing_is_available_offline(demo_server: DemoServer) -> None:
    (url,) = _article_urls(demo_server.base_url, 1)
    async with Fetcher(FAST) as fetcher:
        session = SiteSession(fetcher)
        assert (await session.article(url)).url == url
        session.offline = True
        with pytest.raises(NotAvailableOffline):
            await session.article(url)

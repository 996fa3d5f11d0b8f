"""Sync a whole demo site over HTTP, then read and search everything with no network."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from urllib.parse import urljoin

import opencc
import pytest
from sync_helpers import SyncedLibrary

from hnreader.config import NetworkConfig
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.sites import NotAvailableOffline, SiteSession
from hnreader.store import Store

# The demo server is local: no need for the polite default rate limit.
FAST = NetworkConfig(rate_limit=0)

EDITION = demo_edition()
TO_SIMPLIFIED = opencc.OpenCC("t2s")


def _site_truth(demo_server: DemoServer, home: str) -> tuple[set[str], set[str]]:
    """(article URLs, image URLs) the site at ``home`` publishes, from the truth model."""
    site = next(s for s in EDITION.sites if urljoin(demo_server.base_url, s.home_path) == home)
    articles = {urljoin(demo_server.base_url, a.path) for a in site.articles}
    images = {urljoin(demo_server.base_url, b.image_path) for a in site.articles for b in a.images}
    return articles, images


def test_every_article_and_image_of_both_sites_is_stored(
    synced: SyncedLibrary, demo_server: DemoServer
) -> None:
    with Store.open(synced.data_dir) as store:
        for home, report in synced.reports.items():
            articles, images = _site_truth(demo_server, home)
            assert report.ok, report.failures
            assert (report.new, report.updated, report.failed) == (len(articles), 0, 0)
            for url in articles:
                assert store.get_article(url) is not None, url
            for url in images:
                assert store.has_asset(url), url
        assert store.check_integrity() == []


def test_no_row_is_stored_twice(synced: SyncedLibrary) -> None:
    with closing(sqlite3.connect(synced.data_dir / "library.sqlite3")) as conn:
        for table, key in [("articles", "url"), ("lists", "url"), ("assets", "url")]:
            sql = f"SELECT count(*), count(DISTINCT {key}) FROM {table}"
            total, distinct = conn.execute(sql).fetchone()
            assert total == distinct


async def test_tree_lists_and_articles_read_offline(
    synced: SyncedLibrary, demo_server: DemoServer
) -> None:
    with Store.open(synced.data_dir) as store:
        session = SiteSession(None, store)
        assert session.offline
        for site in EDITION.sites:
            home = urljoin(demo_server.base_url, site.home_path)
            tree = await session.tree(home)
            assert [s.name for s in tree.sections] == [s.name for s in site.sections]
            for page in site.list_pages:
                got = await session.article_list(urljoin(demo_server.base_url, page.path))
                assert [item.title for item in got.items] == [a.title for a in page.items]
            for truth in site.articles:
                article = await session.article(urljoin(demo_server.base_url, truth.path))
                assert article.title == truth.title
                assert article.text.replace("\n", "") == truth.text.replace("\n", "")


async def test_a_multipage_article_is_stitched_and_stored_whole(
    synced: SyncedLibrary, demo_server: DemoServer
) -> None:
    truth = next(a for a in EDITION.articles if "multipage" in a.flags)
    with Store.open(synced.data_dir) as store:
        article = await SiteSession(None, store).article(urljoin(demo_server.base_url, truth.path))
    expected = truth.expected(demo_server.base_url)
    assert article.paragraphs == expected.paragraphs


async def test_images_read_offline_byte_for_byte(
    synced: SyncedLibrary, demo_server: DemoServer
) -> None:
    truth = next(a for a in EDITION.articles if a.images)
    url = urljoin(demo_server.base_url, truth.images[0].image_path)
    with Store.open(synced.data_dir) as store:
        offline = await SiteSession(None, store).asset(url)
    async with Fetcher(FAST) as fetcher:
        online = await fetcher.fetch(url)
    assert offline == online.content
    assert offline.startswith(b"\x89PNG")


async def test_what_was_never_stored_says_so(
    synced: SyncedLibrary, demo_server: DemoServer
) -> None:
    with Store.open(synced.data_dir) as store:
        session = SiteSession(None, store)
        url = demo_server.base_url + "content/never/stored.html"
        with pytest.raises(NotAvailableOffline, match="is not available offline") as caught:
            await session.article(url)
        assert caught.value.url == url


def test_search_finds_traditional_pages_with_a_simplified_query(synced: SyncedLibrary) -> None:
    traditional = [a for a in EDITION.articles if "ruby" in a.flags]
    assert traditional
    with Store.open(synced.data_dir) as store:
        for truth in traditional:
            # The title is in traditional script; search for it in simplified.
            simplified = TO_SIMPLIFIED.convert(truth.title)
            assert simplified != truth.title
            urls = [hit.url for hit in store.search(simplified)]
            assert any(url.endswith(truth.path) for url in urls), simplified

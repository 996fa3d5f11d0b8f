"""What a sync touches: chosen sections, a page limit, a date, robots.txt, the site's hosts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sync_helpers import sync_into

from hnreader.config import NetworkConfig
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.models import Section, SiteTree
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.sync import SyncError, sync_site
from hnreader.sync.robots import FallbackRobots
from hnreader.sync.scope import SiteScope, find_sections, is_file, list_urls

# The demo server is local: no need for the polite default rate limit.
FAST = NetworkConfig(rate_limit=0)

EDITION = demo_edition()
PORTAL = EDITION.site("portal")
BASE = "http://news.example.cn/"


def _tree() -> SiteTree:
    return EDITION.site("flagship").expected_tree(BASE)


def test_sections_are_found_by_path_by_name_and_by_url() -> None:
    tree = _tree()
    by_path = find_sections(tree, "新闻中心/工作动态")
    assert [s.name for s in by_path] == ["工作动态"]
    assert find_sections(tree, "新闻中心 › 工作动态") == by_path
    assert find_sections(tree, "工作动态") == by_path
    assert by_path[0].url is not None
    assert find_sections(tree, by_path[0].url) == by_path


def test_an_unknown_section_names_the_real_ones() -> None:
    with pytest.raises(SyncError, match="新闻中心"):
        find_sections(_tree(), "没有这个栏目")


def test_only_sections_on_the_site_s_host_are_walked() -> None:
    tree = _tree()
    outside = Section("友情链接", "http://other.example.org/list.html")
    walked = list_urls(
        SiteTree(tree.site, tree.url, (*tree.sections, outside)), [], SiteScope(BASE)
    )
    urls = [url for _, url in walked]
    assert "http://other.example.org/list.html" not in urls
    assert len(urls) == len(set(urls)) == len(EDITION.site("flagship").all_sections())
    assert not SiteScope(BASE).allows("javascript:alert(1)")
    assert not SiteScope(BASE).allows("file:///etc/passwd")


def test_documents_in_a_list_are_files_not_articles() -> None:
    assert is_file(BASE + "zcwj/202401/P020240105.PDF")
    assert is_file(BASE + "files/附件1.docx?v=2")
    assert not is_file(BASE + "zcwj/202401/t20240105_1.html")
    assert not is_file(BASE + "column/58/")


async def test_a_section_with_a_page_limit_and_a_date(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    portal = demo_server.sites[1][1]
    since = date(2024, 6, 1)
    (report,) = await sync_into(tmp_path, [portal], sections=["政务动态"], pages=1, since=since)
    section = next(s for s in PORTAL.sections if s.name == "政务动态")
    first_pages = {urljoin(demo_server.base_url, s.path) for s in section.walk()}
    wanted = {
        urljoin(demo_server.base_url, article.path)
        for page in PORTAL.list_pages
        if urljoin(demo_server.base_url, page.path) in first_pages
        for article in page.items
        if article.date >= since.isoformat()
    }
    assert wanted
    assert report.ok
    assert report.lists.done == 1 + len(first_pages)  # the home page, then one page each
    with Store.open(tmp_path) as store:
        stored = {s.article.url for s in store.iter_articles()}
    assert stored == wanted


async def test_robots_txt_is_honoured(demo_server: DemoServer) -> None:
    async with Fetcher(FAST) as fetcher:
        robots = FallbackRobots(fetcher)
        assert not await robots.allowed(demo_server.base_url + "search/index.html")
        assert await robots.allowed(demo_server.base_url + "column/11/index.html")


async def test_sync_refuses_to_start_offline_or_without_a_home_page(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(SyncError, match="offline"):
                await sync_site(SiteSession(fetcher, store, offline=True), demo_server.base_url)
            with pytest.raises(SyncError, match="404"):
                await sync_site(SiteSession(fetcher, store), demo_server.base_url + "nowhere/")

"""Sync is resumable and idempotent: stopped midway it goes on, run again it fetches no more."""

from __future__ import annotations

import asyncio
import http.client
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sync_helpers import SyncedLibrary, sync_into

from hnreader.config import NetworkConfig
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.models import Page
from hnreader.sites import SiteSession, kinds
from hnreader.sites.conditional import supports_conditional
from hnreader.store import Store
from hnreader.sync import SyncProgress, sync_site

# The demo server is local: no need for the polite default rate limit.
FAST = NetworkConfig(rate_limit=0)

PORTAL = demo_edition().site("portal")
FLAGSHIP = demo_edition().site("flagship")


@pytest.fixture
def portal(demo_server: DemoServer) -> str:
    return demo_server.sites[1][1]


def _snapshot(data_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row that a refresh could change, in a comparable form."""
    with closing(sqlite3.connect(data_dir / "library.sqlite3")) as conn:
        return {
            "pages": conn.execute(
                "SELECT url, kind, blob, etag, fetched_at FROM pages ORDER BY id"
            ).fetchall(),
            "articles": conn.execute("SELECT id, url, data, fetched_at FROM articles").fetchall(),
            "lists": conn.execute("SELECT id, url, data, fetched_at FROM lists").fetchall(),
            "assets": conn.execute("SELECT url, blob, fetched_at FROM assets").fetchall(),
            "blobs": conn.execute("SELECT sha256 FROM blobs ORDER BY sha256").fetchall(),
        }


def _assert_no_duplicates(data_dir: Path) -> None:
    with closing(sqlite3.connect(data_dir / "library.sqlite3")) as conn:
        for table in ("articles", "lists", "assets", "trees"):
            total, distinct = conn.execute(
                f"SELECT count(*), count(DISTINCT url) FROM {table}"
            ).fetchone()
            assert total == distinct, table
        searchable = conn.execute("SELECT count(*) FROM search_trigram").fetchone()[0]
        assert searchable == conn.execute("SELECT count(*) FROM articles").fetchone()[0]


async def test_a_cancelled_sync_is_completed_by_the_next_without_duplicates(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    flagship = demo_server.sites[0][1]  # the larger site: a cancel leaves part of it unsynced
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            seen_at_cancel: list[int] = []

            def stop_midway(progress: SyncProgress) -> None:
                if progress.articles.done >= 1 and not seen_at_cancel:
                    seen_at_cancel.append(progress.articles.done)
                    task.cancel()

            task = asyncio.create_task(
                sync_site(session, flagship, images=False, processes=1, progress=stop_midway)
            )
            with pytest.raises(asyncio.CancelledError):
                await task
            stored = store.counts()["articles"]
            assert 1 <= stored < len(FLAGSHIP.articles)
            report = await sync_site(session, flagship, images=False)
        assert report.ok
        assert report.new + report.unchanged == len(FLAGSHIP.articles)
        assert report.unchanged >= stored
        assert report.new > 0
        assert store.check_integrity() == []
    _assert_no_duplicates(tmp_path)


@dataclass(frozen=True)
class Exchange:
    """One request that went through the recording proxy, and the status it got."""

    path: str
    headers: dict[str, str]  # names in lower case
    status: int


class _RecordingProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.exchanges: list[Exchange] = []
        self.lock = threading.Lock()


class _ProxyHandler(BaseHTTPRequestHandler):
    """A forward HTTP proxy: passes each request on and remembers what was asked and answered."""

    server: _RecordingProxy
    protocol_version = "HTTP/1.1"  # keep-alive, as the fetcher expects of a proxy
    HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-connection", "transfer-encoding"})

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        target = urlsplit(self.path)  # a proxy is asked for absolute addresses
        assert target.hostname is not None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in self.HOP_BY_HOP}
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        try:
            upstream.request(
                "GET", self.path.removeprefix(f"http://{target.netloc}"), headers=headers
            )
            answer = upstream.getresponse()
            body = answer.read()
        finally:
            upstream.close()
        with self.server.lock:
            asked = {k.lower(): v for k, v in self.headers.items()}
            self.server.exchanges.append(Exchange(target.path, asked, answer.status))
        self.send_response(answer.status, answer.reason)
        for name, value in answer.getheaders():
            # send_response wrote Server and Date already; the length is set below.
            if name.lower() not in self.HOP_BY_HOP | {"content-length", "server", "date"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[_RecordingProxy]:
    """A recording proxy that fetchers made inside the test send every http request through."""
    proxy = _RecordingProxy()
    thread = threading.Thread(target=proxy.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
    yield proxy
    proxy.shutdown()
    proxy.server_close()
    thread.join()


async def test_a_second_sync_stores_nothing_new(
    synced: SyncedLibrary, portal: str, recorder: _RecordingProxy
) -> None:
    # Uses the shared library: if this test fails, that library may have changed too.
    before = _snapshot(synced.data_dir)
    with Store.open(synced.data_dir) as store:
        async with Fetcher(FAST) as fetcher:
            report = await sync_site(SiteSession(fetcher, store), portal)
    assert (report.new, report.updated, report.failed) == (0, 0, 0)
    assert report.unchanged == len(PORTAL.articles)
    assert _snapshot(synced.data_dir) == before
    pages = [e for e in recorder.exchanges if e.path != "/robots.txt"]
    assert len(pages) >= len(PORTAL.articles)  # every request went through the recorder
    if supports_conditional(fetcher):
        assert all("if-none-match" in exchange.headers for exchange in pages)
        assert {exchange.status for exchange in pages} == {304}


@pytest.mark.skipif(
    not supports_conditional(Fetcher(FAST)), reason="the fetcher cannot send validators yet"
)
async def test_a_304_answer_stores_nothing_and_keeps_the_stored_copy(
    tmp_path: Path, portal: str, recorder: _RecordingProxy
) -> None:
    await sync_into(tmp_path, [portal], sections=["公示公告"])
    before = _snapshot(tmp_path)
    with Store.open(tmp_path) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            url = portal + "gsgg/index.html"
            loaded = await session.load(kinds.LIST, url)
    assert loaded.outcome == "unchanged"
    last = recorder.exchanges[-1]
    assert last.path == urlsplit(url).path
    assert last.status == 304
    assert last.headers["if-none-match"]
    assert _snapshot(tmp_path) == before


async def test_a_changed_page_is_updated_in_place(tmp_path: Path, portal: str) -> None:
    await sync_into(tmp_path, [portal], sections=["公示公告"])
    truth = next(a for a in PORTAL.articles if a.section == "gsgg")
    url = portal.rstrip("/") + truth.path.removeprefix("/portal")
    with Store.open(tmp_path) as store:
        stored = store.get_article(url)
        assert stored is not None
        # Make the stored copy look older than the server's: other bytes and validators.
        old = Page(url, b"<html><title>old</title></html>", "text/html", 200, {"etag": '"old"'})
        store.save_article(stored.article, old)
    (report,) = await sync_into(tmp_path, [portal], sections=["公示公告"])
    assert report.updated == 1
    assert report.new == 0
    with Store.open(tmp_path) as store:
        page = store.get_page(url, "article")
        assert page is not None
        assert page.etag != '"old"'
    _assert_no_duplicates(tmp_path)


async def test_the_same_bytes_without_validators_count_as_unchanged(
    tmp_path: Path, portal: str
) -> None:
    await sync_into(tmp_path, [portal], sections=["公示公告"])
    urls = [
        portal.rstrip("/") + a.path.removeprefix("/portal")
        for a in PORTAL.articles
        if a.section == "gsgg"
    ]
    with Store.open(tmp_path) as store:
        for url in urls:  # as if the server had sent no ETag or Last-Modified
            stored, raw = store.get_article(url), store.get_page(url, "article")
            assert stored is not None
            assert raw is not None
            store.save_article(stored.article, Page(url, raw.content, raw.content_type, 200, {}))
    (report,) = await sync_into(tmp_path, [portal], sections=["公示公告"])
    assert (report.new, report.updated, report.unchanged) == (0, 0, len(urls))


@contextmanager
def _limited_executor(store: Store, pages: int) -> Iterator[ThreadPoolExecutor]:
    # Each worker thread's own connection gets the page limit: the disk is "full".
    def limit() -> None:
        store._conn().execute(f"PRAGMA max_page_count = {pages}")

    with ThreadPoolExecutor(max_workers=2, initializer=limit) as executor:
        yield executor


async def test_a_full_disk_fails_items_clearly_and_the_next_sync_completes(
    tmp_path: Path, portal: str
) -> None:
    await sync_into(tmp_path, [portal], sections=["公示公告"])
    with closing(sqlite3.connect(tmp_path / "library.sqlite3")) as conn:
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
    with Store.open(tmp_path) as store:
        with _limited_executor(store, pages) as executor:
            async with Fetcher(FAST) as fetcher:
                session = SiteSession(fetcher, store, threads=executor)
                report = await sync_site(session, portal, sections=["政务动态"])
        assert not report.ok
        assert report.failures
        assert all("is full" in failure.reason for failure in report.failures)
    with Store.open(tmp_path) as store:
        assert store.check_integrity() == []
    # With room again (fresh session threads, fresh connections), the next sync completes.
    (again,) = await sync_into(tmp_path, [portal], sections=["政务动态"])
    assert again.ok
    assert again.new > 0
    _assert_no_duplicates(tmp_path)

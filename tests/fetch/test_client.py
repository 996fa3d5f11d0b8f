"""The shared fetcher's everyday behaviour against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fetch_faults import ETAG, LAST_MODIFIED, PAGE, FaultServer

from hnreader import __version__
from hnreader.config import NetworkConfig, SiteConfig
from hnreader.fetch import USER_AGENT, Fetcher, FetchError
from hnreader.fetch.sessions import tls_context


async def test_fetch_returns_bytes_untouched_with_lower_case_headers(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(faults.url("/page"))
    assert page.content == PAGE
    assert page.content_type == "text/html; charset=utf-8"
    assert page.status == 200
    assert page.headers["content-length"] == str(len(PAGE))
    assert all(name == name.lower() for name in page.headers)


async def test_redirect_is_followed_and_final_url_reported(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(faults.url("/moved"))
    assert page.url == faults.url("/page")
    assert page.content == PAGE


async def test_requests_carry_a_user_agent_naming_hnreader(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(faults.url("/ua"))
    assert page.content.decode() == USER_AGENT
    assert USER_AGENT.startswith(f"hnreader/{__version__} ")


async def test_conditional_request_by_etag_comes_back_not_modified(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        first = await fetcher.fetch(faults.url("/cond"))
        again = await fetcher.fetch(faults.url("/cond"), etag=first.etag)
    assert (first.status, first.etag, first.last_modified) == (200, ETAG, LAST_MODIFIED)
    assert again.not_modified
    assert again.content == b""
    assert again.etag == ETAG
    sent = [a.headers for a in faults.record.arrivals]
    assert "If-None-Match" not in sent[0]
    assert sent[1]["If-None-Match"] == ETAG


async def test_conditional_request_by_date_comes_back_not_modified(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        again = await fetcher.fetch(faults.url("/cond"), last_modified=LAST_MODIFIED)
        changed = await fetcher.fetch(faults.url("/cond"), etag='"v0"')
    assert again.not_modified
    assert faults.record.arrivals[0].headers["If-Modified-Since"] == LAST_MODIFIED
    assert changed.status == 200
    assert changed.content == PAGE


@pytest.mark.parametrize(
    "media", ["image/png", "application/octet-stream", "application/zip", "video/mp4"]
)
async def test_pages_refuse_what_is_not_a_page_but_assets_take_it(
    faults: FaultServer, media: str
) -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match=f"not a web page: the server sent {media}"):
            await fetcher.fetch(faults.url(f"/typed/{media}"), kind="page")
        for kind in ("asset", "any"):
            assert (await fetcher.fetch(faults.url(f"/typed/{media}"), kind=kind)).status == 200


@pytest.mark.parametrize("media", ["text/html", "application/xhtml+xml", "text/plain"])
async def test_pages_accept_html_and_text(faults: FaultServer, media: str) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(faults.url(f"/typed/{media}"), kind="page")
    assert page.content_type == media


async def test_old_keyword_settings_still_override_the_network_config(faults: FaultServer) -> None:
    fetcher = Fetcher(NetworkConfig(max_bytes=10), max_bytes=4096, read_timeout=7)
    assert (fetcher.network.max_bytes, fetcher.network.read_timeout) == (4096, 7)
    assert fetcher.network.connect_timeout == NetworkConfig().connect_timeout
    await fetcher.aclose()


async def test_an_unresolvable_host_is_a_network_failure() -> None:
    async with Fetcher(NetworkConfig(retries=0, connect_timeout=3)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch("http://no-such-host.invalid/")
    assert caught.value.is_network
    assert caught.value.reason.startswith("could not connect")


# -- TLS ---------------------------------------------------------------------------------------


@pytest.fixture
def tls_url(self_signed: tuple[Path, Path]) -> Iterator[str]:
    """An https server on 127.0.0.1 with a self-signed certificate (as broken sites have)."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


async def test_a_bad_certificate_is_refused_with_advice(tls_url: str) -> None:
    async with Fetcher(NetworkConfig(retries=2), backoff_base=0.01) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(tls_url)
    assert caught.value.reason.startswith("the TLS certificate of 127.0.0.1:")
    assert "set verify_tls = false" in caught.value.reason
    assert caught.value.attempts == 1  # a certificate does not fix itself on retry
    assert not caught.value.is_network


async def test_a_site_opting_out_of_tls_checks_is_fetched_with_one_warning(
    tls_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    site = SiteConfig(name="旧证书站", url=tls_url, verify_tls=False)
    async with Fetcher(sites=[site]) as fetcher:
        for _ in range(2):
            assert (await fetcher.fetch(tls_url + "any")).content == PAGE
    assert fetcher.warnings == [
        "TLS certificates of 127.0.0.1 are not verified (verify_tls = false for 旧证书站)"
    ]
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == (
        fetcher.warnings
    )


@pytest.mark.parametrize("url", ["http://[::1/", "http://example.org:99999/", "http:///no-host"])
async def test_malformed_addresses_are_refused_clearly(url: str) -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match=r"^not a valid address"):
            await fetcher.fetch(url)


async def test_repeated_headers_are_joined_like_http_says(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(faults.url("/twice"))
    assert page.headers["x-twice"] == "one, two"


# -- life cycle: sessions are made in the running loop, closing is final --------------------


def test_a_fetcher_made_outside_any_loop_fetches_inside_one(faults: FaultServer) -> None:
    fetcher = Fetcher()  # as the app does before Textual starts its loop

    async def use() -> bytes:
        async with fetcher:
            return (await fetcher.fetch(faults.url("/page"))).content

    assert asyncio.run(use()) == PAGE


async def test_closing_is_idempotent_and_final(faults: FaultServer) -> None:
    fetcher = Fetcher()
    await fetcher.aclose()  # nothing made yet: nothing to close
    fetcher = Fetcher()
    await fetcher.fetch(faults.url("/page"))
    await fetcher.aclose()
    await fetcher.aclose()
    with pytest.raises(RuntimeError, match="this Fetcher was closed"):
        await fetcher.fetch(faults.url("/page"))
    assert faults.record.hits("/page") == 1


def test_a_fetcher_stays_with_the_loop_it_first_fetched_in(faults: FaultServer) -> None:
    fetcher = Fetcher()
    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(fetcher.fetch(faults.url("/page")))
        with pytest.raises(RuntimeError, match="the event loop it first fetched in"):
            asyncio.run(fetcher.fetch(faults.url("/page")))
        first.run_until_complete(fetcher.aclose())
    finally:
        first.close()


async def test_requests_ask_only_for_compressions_hnreader_inflates(faults: FaultServer) -> None:
    async with Fetcher() as fetcher:
        await fetcher.fetch(faults.url("/page"), kind="page")
    headers = faults.record.arrivals[0].headers
    assert headers["Accept-Encoding"] == "gzip, deflate"
    assert headers["Accept"].startswith("text/html,")


@pytest.fixture
def keep_alive_server() -> Iterator[tuple[str, list[int]]]:
    """An HTTP/1.1 server that keeps connections open and records each request's client port."""
    ports: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            ports.append(self.client_address[1])
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", ports
    server.shutdown()
    server.server_close()
    thread.join()


async def test_connections_are_kept_alive_and_reused(
    keep_alive_server: tuple[str, list[int]],
) -> None:
    url, ports = keep_alive_server
    async with Fetcher() as fetcher:
        for number in range(5):
            assert (await fetcher.fetch(f"{url}{number}.html")).content == PAGE
    assert len(ports) == 5
    assert len(set(ports)) == 1  # one connection served all five


async def test_a_validator_with_a_line_break_is_refused_not_sent(faults: FaultServer) -> None:
    async with Fetcher(NetworkConfig(retries=2)) as fetcher:
        with pytest.raises(FetchError, match=r"^the transfer failed \(ValueError: ") as caught:
            await fetcher.fetch(faults.url("/cond"), etag='"v1"\r\nX-Injected: 1')
    assert caught.value.attempts == 1
    assert faults.record.arrivals == []


def test_tls_contexts_are_made_once_per_mode() -> None:
    verified, unverified = tls_context(True), tls_context(False)
    assert tls_context(True) is verified  # loading CA certificates is slow: done once
    assert tls_context(False) is unverified
    assert (verified.verify_mode, verified.check_hostname) == (ssl.CERT_REQUIRED, True)
    assert (unverified.verify_mode, unverified.check_hostname) == (ssl.CERT_NONE, False)

"""Network faults from a real server on 127.0.0.1: each has one documented behaviour.

The table in docs/RELIABILITY.md ("Network faults") names these tests.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import tracemalloc
from collections.abc import Iterator

import pytest
from fetch_faults import HUGE_BYTES, MB, PAGE, REDIRECT_TARGETS, FaultServer

from hnreader.config import NetworkConfig
from hnreader.fetch import Fetcher, FetchError

FAST = 0.01  # back-off base for tests: retries happen, waits stay short


def fetcher(**network: float) -> Fetcher:
    """A fetcher with short back-off and the given network settings."""
    return Fetcher(NetworkConfig(**network), backoff_base=FAST)  # type: ignore[arg-type]


async def failure(client: Fetcher, url: str, **options: str) -> FetchError:
    """The FetchError fetching ``url`` raises (the test fails if it succeeds)."""
    async with client:
        with pytest.raises(FetchError) as caught:
            await client.fetch(url, **options)  # type: ignore[arg-type]
    return caught.value


async def test_refused_connection_is_retried_then_reported(closed_port: int) -> None:
    error = await failure(fetcher(retries=2), f"http://127.0.0.1:{closed_port}/")
    assert error.reason == (
        f"could not connect: connection refused by 127.0.0.1:{closed_port}"
        " (gave up after 3 attempts)"
    )
    assert error.is_network
    assert error.attempts == 3
    assert error.status is None


async def test_reset_mid_body_is_a_network_failure_with_the_bytes_received(
    faults: FaultServer,
) -> None:
    error = await failure(fetcher(retries=1), faults.url("/reset"))
    assert error.reason.startswith("the connection was cut after ")
    assert "bytes of the body" in error.reason
    assert error.reason.endswith("(gave up after 2 attempts)")
    assert error.is_network
    assert faults.record.hits("/reset") == 2


async def test_a_trickling_body_times_out(faults: FaultServer) -> None:
    error = await failure(fetcher(retries=0, read_timeout=0.3), faults.url("/trickle"))
    assert error.reason == "the server stopped answering (nothing received for 0.3 s)"
    assert error.is_network


async def test_a_trickle_faster_than_the_read_timeout_is_still_abandoned(
    faults: FaultServer,
) -> None:
    # A byte every 0.1 s never trips a 1 s read timeout; the speed floor (1 KB/s over a
    # read timeout's window) ends it.
    error = await failure(fetcher(retries=0, read_timeout=1), faults.url("/trickle/0.1"))
    assert error.reason.startswith("the server sends too slowly (")
    assert error.is_network


async def test_headers_dribbled_out_byte_by_byte_hit_the_header_deadline(
    faults: FaultServer,
) -> None:
    settings = {"retries": 0, "connect_timeout": 0.2, "read_timeout": 1}
    error = await failure(fetcher(**settings), faults.url("/dribble"))
    assert error.reason == "the server took more than 2.2 s to send its headers"
    assert error.is_network


async def test_a_server_that_never_answers_times_out_after_each_attempt(
    faults: FaultServer,
) -> None:
    error = await failure(fetcher(retries=1, read_timeout=0.2), faults.url("/silent"))
    assert error.reason == (
        "the server stopped answering (nothing received for 0.2 s) (gave up after 2 attempts)"
    )
    assert error.is_network
    assert faults.record.hits("/silent") == 2


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_errors_are_retried_until_success(faults: FaultServer, status: int) -> None:
    async with fetcher(retries=3) as client:
        page = await client.fetch(faults.url(f"/flaky/{status}/2"))
    assert page.content == PAGE
    assert faults.record.hits(f"/flaky/{status}/2") == 3


async def test_a_lasting_server_error_gives_up_with_the_status(faults: FaultServer) -> None:
    error = await failure(fetcher(retries=2), faults.url("/status/503"))
    assert error.reason == "server error 503 Service Unavailable (gave up after 3 attempts)"
    assert error.status == 503
    assert not error.is_network
    assert faults.record.hits("/status/503") == 3


@pytest.mark.parametrize("status", [400, 403, 404, 410])
async def test_client_errors_are_never_retried(faults: FaultServer, status: int) -> None:
    error = await failure(fetcher(retries=3), faults.url(f"/status/{status}"))
    assert error.status == status
    assert error.reason.startswith(f"the server answered {status} ")
    assert not error.is_network
    assert faults.record.hits(f"/status/{status}") == 1


async def test_429_waits_as_long_as_retry_after_says(faults: FaultServer) -> None:
    async with fetcher(retries=1) as client:
        page = await client.fetch(faults.url("/busy/1"))
    assert page.content == PAGE
    first, second = (a.at for a in faults.record.arrivals)
    assert second - first >= 0.95  # the retry waited for Retry-After: 1, not the 10 ms back-off


async def test_an_excessive_retry_after_is_capped(faults: FaultServer) -> None:
    client = Fetcher(NetworkConfig(retries=1), backoff_base=FAST, max_retry_after=0.1)
    async with client:
        # Uncapped, this would wait a day; the timeout makes such a bug fail, not hang.
        page = await asyncio.wait_for(client.fetch(faults.url("/busy/86400")), timeout=10)
    assert page.status == 200
    assert faults.record.hits("/busy/86400") == 2


async def test_a_body_shorter_than_its_content_length_is_an_error(faults: FaultServer) -> None:
    error = await failure(fetcher(retries=0), faults.url("/short"))
    assert error.reason == "the body ended after 10 of the 1000 bytes its Content-Length promised"
    assert error.is_network


async def test_a_wrong_charset_header_leaves_the_bytes_untouched(faults: FaultServer) -> None:
    async with fetcher() as client:
        page = await client.fetch(faults.url("/mislabelled"), kind="page")
    assert page.content == "湖南省民政厅".encode("gbk")  # decoding is extraction's job
    assert page.content_type == "text/html; charset=utf-8"


@pytest.mark.parametrize("path", ["/loop", "/ping"])
async def test_a_redirect_loop_is_reported_as_a_loop(faults: FaultServer, path: str) -> None:
    error = await failure(fetcher(), faults.url(path))
    assert error.reason.startswith("redirect loop (")
    assert faults.record.hits(path) == 1  # noticed at once, not after max_redirects hops


async def test_too_many_redirects_stop_at_the_limit(faults: FaultServer) -> None:
    error = await failure(fetcher(max_redirects=3), faults.url("/chain/5"))
    assert error.reason == "too many redirects (more than 3)"
    async with fetcher(max_redirects=3) as client:
        page = await client.fetch(faults.url("/chain/3"))
    assert page.url == faults.url("/chain/0")


@pytest.mark.parametrize("scheme", sorted(REDIRECT_TARGETS))
async def test_a_redirect_to_another_scheme_is_refused(faults: FaultServer, scheme: str) -> None:
    error = await failure(fetcher(), faults.url(f"/to/{scheme}"))
    assert error.reason.startswith("redirected to an address that is not http or https")
    assert not error.is_network


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:,x"])
async def test_javascript_file_and_data_addresses_are_never_fetched(url: str) -> None:
    error = await failure(fetcher(), url)
    assert error.reason.startswith("only http and https addresses can be fetched")


async def test_a_50_mb_body_is_abandoned_at_the_cap(faults: FaultServer) -> None:
    error = await failure(fetcher(), faults.url("/huge/streamed"))
    assert error.reason == "the response is larger than 20 MB"
    assert not error.is_network
    assert faults.record.done("/huge/streamed").wait(timeout=30)
    assert faults.record.sent["/huge/streamed"] < HUGE_BYTES  # the client hung up early


async def test_a_declared_50_mb_body_is_refused_before_reading(faults: FaultServer) -> None:
    error = await failure(fetcher(), faults.url("/huge/declared"))
    assert error.reason == "the response is larger than 20 MB"


async def test_a_gzip_bomb_is_stopped_at_the_decompressed_cap(faults: FaultServer) -> None:
    tracemalloc.start()
    try:
        error = await failure(fetcher(max_bytes=MB), faults.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "the response is larger than 1 MB"
    assert peak < 8 * MB  # the 64 MB it inflates to were never held at once


async def test_a_non_html_content_type_is_refused_for_a_page(faults: FaultServer) -> None:
    error = await failure(fetcher(), faults.url("/typed/application/pdf"), kind="page")
    assert error.reason == "not a web page: the server sent application/pdf"
    assert not error.is_network
    async with fetcher() as client:
        asset = await client.fetch(faults.url("/typed/application/pdf"), kind="asset")
    assert asset.content.startswith(b"%PDF")


@pytest.mark.parametrize("how", ["gzip", "deflate", "raw-deflate"])
async def test_compressed_bodies_are_inflated(faults: FaultServer, how: str) -> None:
    async with fetcher() as client:
        page = await client.fetch(faults.url(f"/encoded/{how}"))
    assert page.content == PAGE * 50


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ("damaged", "the gzip body is damaged ("),
        ("cut", "the gzip body ends before its end marker"),
        ("br", "the server used a compression hnreader cannot read (br)"),
    ],
)
async def test_broken_or_unknown_compression_is_a_clear_error(
    faults: FaultServer, how: str, reason: str
) -> None:
    error = await failure(fetcher(retries=2), faults.url(f"/encoded/{how}"))
    assert error.reason.startswith(reason)
    assert error.attempts == 1
    assert not error.is_network


@pytest.fixture
def unanswered_port() -> Iterator[int]:
    """A port whose listen queue is full: Linux drops further SYNs, so connecting hangs."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = int(server.getsockname()[1])
        fillers = [socket.socket() for _ in range(3)]
        for filler in fillers:
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
        yield port
        for filler in fillers:
            filler.close()


@pytest.mark.skipif(sys.platform != "linux", reason="relies on Linux dropping SYNs to a full queue")
async def test_a_server_that_never_accepts_times_out_connecting(unanswered_port: int) -> None:
    error = await failure(
        fetcher(retries=0, connect_timeout=0.5), f"http://127.0.0.1:{unanswered_port}/"
    )
    assert error.reason == (
        f"could not connect: 127.0.0.1:{unanswered_port} did not answer within 0.5 s"
    )
    assert error.is_network


@pytest.mark.parametrize(
    ("path", "detail"),
    [("/hangup", "Server disconnected"), ("/half-head", "before its answer was complete")],
)
async def test_a_server_hanging_up_before_answering_is_retried_then_reported(
    faults: FaultServer, path: str, detail: str
) -> None:
    error = await failure(fetcher(retries=1), faults.url(path))
    assert error.reason == (
        f"the server broke off the connection ({detail}) (gave up after 2 attempts)"
    )
    assert error.is_network
    # Each attempt is sent twice: aiohttp resends an idempotent request once, at once, when the
    # connection closes before any answer (RFC 9112 9.3.1: the usual cause is a kept-alive
    # connection the server closed just as it was reused).
    assert faults.record.hits(path) == 2 * 2

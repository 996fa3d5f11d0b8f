"""The shared fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest

from hnreader.fetch import Fetcher, FetchError
from hnreader.fetch.client import USER_AGENT


async def test_fetch_returns_bytes_untouched_with_content_type(scripted_server: str) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(f"{scripted_server}/ok")
    assert page.content == "你好".encode("gb18030")
    assert page.content_type == "text/html; charset=gbk"
    assert page.status == 200


async def test_redirect_is_followed_and_final_url_reported(scripted_server: str) -> None:
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(f"{scripted_server}/moved")
    assert page.url == f"{scripted_server}/ok"


async def test_http_error_status_raises_with_status(scripted_server: str) -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(f"{scripted_server}/missing")
    assert caught.value.status == 404
    assert "404" in str(caught.value)


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
async def test_bodies_over_the_cap_are_refused(scripted_server: str, path: str) -> None:
    async with Fetcher(max_bytes=4096) as fetcher:
        with pytest.raises(FetchError, match="larger than 4096 bytes"):
            await fetcher.fetch(f"{scripted_server}{path}")


async def test_redirect_loop_gives_up(scripted_server: str) -> None:
    async with Fetcher(max_redirects=3) as fetcher:
        with pytest.raises(FetchError, match="too many redirects"):
            await fetcher.fetch(f"{scripted_server}/loop")


async def test_redirect_to_another_scheme_is_refused(scripted_server: str) -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match="not http or https"):
            await fetcher.fetch(f"{scripted_server}/to-file")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://x/y"])
async def test_only_http_and_https_are_fetched(url: str) -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match="only http and https"):
            await fetcher.fetch(url)


async def test_refused_connection_is_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with Fetcher(connect_timeout=2) as fetcher:
        with pytest.raises(FetchError, match="could not connect"):
            await fetcher.fetch(f"http://127.0.0.1:{port}/")


async def test_requests_carry_a_user_agent_naming_hnreader(scripted_server: str) -> None:
    from hnreader import __version__

    async with Fetcher() as fetcher:
        page = await fetcher.fetch(f"{scripted_server}/ua")
    assert page.content.decode() == USER_AGENT
    assert USER_AGENT.startswith(f"hnreader/{__version__} ")

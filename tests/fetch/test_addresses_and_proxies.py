"""Addresses are sent as the site spelled them; proxies come from the environment."""

from __future__ import annotations

import base64

import pytest
from fetch_faults import PAGE, FaultServer

from hnreader.config import NetworkConfig
from hnreader.fetch import Fetcher, FetchError
from hnreader.fetch.urls import request_url

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No proxy settings but those the test makes (in either case of each name)."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


async def test_an_address_is_requested_as_the_site_spelled_it(faults: FaultServer) -> None:
    # Raw Chinese is encoded as UTF-8; escapes stay as written, in their own case, even
    # %2F in a query (decoding it would change its meaning) and a stray %zz.
    asked = faults.url("/target/新闻/a%2fb/%7E x/%zz?q=湖南&x=%E6%B9%98&y=a%2Fb")
    sent = "/target/%E6%96%B0%E9%97%BB/a%2fb/%7E%20x/%zz?q=%E6%B9%96%E5%8D%97&x=%E6%B9%98&y=a%2Fb"
    async with Fetcher() as fetcher:
        page = await fetcher.fetch(asked)
    assert page.content.decode() == sent
    assert page.url == faults.url(sent)


@pytest.mark.parametrize(
    ("asked", "sent"),
    [
        ("HTTP://News.Example.CN:80/a/./b/../c.html", "http://news.example.cn/a/c.html"),
        ("https://example.cn:443/x?", "https://example.cn/x?"),
        (
            "https://example.cn:8443/列表#第二节",
            "https://example.cn:8443/%E5%88%97%E8%A1%A8#%E7%AC%AC%E4%BA%8C%E8%8A%82",
        ),
        ("http://湖南.中国/a", "http://xn--6kr114d.xn--fiqs8s/a"),
        ("http://[::1]:8080/a b", "http://[::1]:8080/a%20b"),
        ("http://example.cn/a/b/..", "http://example.cn/a/"),
    ],
)
def test_host_port_and_dot_segments_are_normalised_like_a_browser(asked: str, sent: str) -> None:
    assert request_url(asked) == sent


@pytest.mark.parametrize("url", ["http://a b.cn/", "http://exa<mple.cn/", "http://a..cn/"])
async def test_impossible_host_names_are_refused_before_connecting(url: str) -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match=r"^not a valid address \(") as caught:
            await fetcher.fetch(url)
    assert not caught.value.is_network


def _proxy_url(faults: FaultServer, credentials: str = "") -> str:
    return faults.base_url.replace("http://", f"http://{credentials}")


async def test_requests_go_through_the_environment_s_http_proxy(
    faults: FaultServer, environment: pytest.MonkeyPatch
) -> None:
    # The fault server answers absolute-form requests too, so it can play the proxy: the host
    # below does not exist, so the page can only have come through the proxy.
    environment.setenv("HTTP_PROXY", _proxy_url(faults, "reader:p%40ss@"))
    async with Fetcher() as fetcher:
        page = await fetcher.fetch("http://proxied.hnreader.invalid/page")
    assert page.content == PAGE
    (arrival,) = faults.record.arrivals
    assert arrival.target == "http://proxied.hnreader.invalid/page"
    expected = base64.b64encode(b"reader:p@ss").decode()
    assert arrival.headers["Proxy-Authorization"] == f"Basic {expected}"


async def test_all_proxy_serves_when_the_scheme_has_none(
    faults: FaultServer, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("all_proxy", _proxy_url(faults))
    async with Fetcher() as fetcher:
        page = await fetcher.fetch("http://proxied.hnreader.invalid/page")
    assert page.content == PAGE
    assert "Proxy-Authorization" not in faults.record.arrivals[0].headers


async def test_no_proxy_hosts_are_reached_directly(
    faults: FaultServer, environment: pytest.MonkeyPatch, closed_port: int
) -> None:
    environment.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port}")  # refuses everything
    async with Fetcher(NetworkConfig(retries=0)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(faults.url("/page"))
    assert caught.value.reason.startswith("the proxy failed (")
    assert caught.value.is_network
    environment.setenv("NO_PROXY", "localhost,127.0.0.1")
    async with Fetcher(NetworkConfig(retries=0)) as fetcher:
        assert (await fetcher.fetch(faults.url("/page"))).content == PAGE


@pytest.mark.parametrize("proxy", ["socks5://127.0.0.1:1080", "https://127.0.0.1:3129"])
async def test_a_proxy_of_another_kind_is_refused_not_bypassed(
    faults: FaultServer, environment: pytest.MonkeyPatch, proxy: str
) -> None:
    environment.setenv("ALL_PROXY", proxy)
    async with Fetcher(NetworkConfig(retries=2)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(faults.url("/page"))
    scheme = proxy.partition(":")[0]
    assert caught.value.reason == (
        f"the proxy {scheme}://127.0.0.1 set in the environment is not supported:"
        " hnreader can use http:// proxies only"
    )
    assert caught.value.attempts == 1
    assert faults.record.arrivals == []  # nothing went out directly instead

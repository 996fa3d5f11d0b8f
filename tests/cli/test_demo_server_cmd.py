"""``hnreader demo-server`` as a real process, asked over HTTP the way ``curl`` would."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.client import HTTPResponse

import pytest

from hnreader.demo.content import demo_edition


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _get(url: str) -> HTTPResponse:
    try:
        response: HTTPResponse = _opener.open(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error  # type: ignore[return-value]  # an HTTPError is a response too
    return response


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "hnreader", "demo-server", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/)", first)
    try:
        assert match, f"no address in {first!r}"
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_home_page_is_served_with_the_site_chrome(served: str) -> None:
    response = _get(served)
    body = response.read().decode("utf-8")
    assert response.status == 200
    assert "text/html" in response.headers["Content-Type"]
    assert "新闻中心" in body
    assert "ICP备" in body


def test_a_list_page_and_an_article_are_served(served: str) -> None:
    flagship = demo_edition().site("flagship")
    page = flagship.list_pages[0]
    listing = _get(served + page.path.lstrip("/")).read().decode("utf-8")
    assert "下一页" in listing
    article = next(a for a in flagship.articles if a.encoding == "utf-8")
    body = _get(served + article.path.lstrip("/")).read().decode("utf-8")
    assert article.title in body


def test_a_gbk_page_declares_its_charset_and_decodes_as_gbk(served: str) -> None:
    article = next(a for a in demo_edition().articles if a.encoding == "gbk")
    response = _get(served + article.path.lstrip("/"))
    raw = response.read()
    declared = (
        response.headers.get_content_charset()
        or re.search(rb'charset="?([\w-]+)', raw).group(1).decode()
    )  # type: ignore[union-attr]
    assert declared.lower() in {"gbk", "gb2312", "gb18030"}
    assert article.title in raw.decode("gb18030")


def test_a_missing_page_is_a_404_and_a_moved_one_redirects(served: str) -> None:
    edition = demo_edition()
    assert _get(served + edition.missing_path.lstrip("/")).status == 404
    path, (status, target) = next(iter(edition.redirects.items()))
    response = _get(served + path.lstrip("/"))
    assert response.status == status
    assert response.headers["Location"].endswith(target)

"""Every demo list page and both demo site trees extract exactly what was generated.

Served over real HTTP by the demo server; compared with the generator's truth model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import httpx
import pytest

from hnreader.demo.content import DemoEdition, demo_edition
from hnreader.demo.server import DemoServer
from hnreader.extract.listing import extract_list
from hnreader.extract.sections import extract_tree


@pytest.fixture(scope="module")
def served(demo_server: DemoServer) -> Iterator[tuple[str, httpx.Client]]:
    with httpx.Client() as client:
        yield demo_server.base_url, client


def fetch(client: httpx.Client, url: str) -> httpx.Response:
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def edition() -> DemoEdition:
    return demo_edition()


def test_every_demo_list_page_extracts_as_generated(served: tuple[str, httpx.Client]) -> None:
    base_url, client = served
    checked = 0
    for site in edition().sites:
        assert site.list_pages, site.key
        for list_page in site.list_pages:
            expected = list_page.expected(base_url)
            response = fetch(client, expected.url)
            found = extract_list(
                response.content, str(response.url), response.headers.get("content-type")
            )
            assert replace(found, warnings=()) == expected, expected.url
            checked += 1
    assert checked >= 10


def test_both_demo_site_trees_extract_as_generated(served: tuple[str, httpx.Client]) -> None:
    base_url, client = served
    for site in edition().sites:
        expected = site.expected_tree(base_url)
        response = fetch(client, expected.url)
        found = extract_tree(
            response.content, str(response.url), response.headers.get("content-type")
        )
        assert found.site == expected.site
        assert found.to_dict()["sections"] == expected.to_dict()["sections"]


def test_every_demo_list_page_gives_its_site_tree_too(served: tuple[str, httpx.Client]) -> None:
    base_url, client = served
    for site in edition().sites:
        expected = site.expected_tree(base_url).to_dict()["sections"]
        for list_page in site.list_pages:
            url = list_page.expected(base_url).url
            response = fetch(client, url)
            found = extract_tree(response.content, url, response.headers.get("content-type"))
            assert found.site == site.name, url
            assert found.to_dict()["sections"] == expected, url

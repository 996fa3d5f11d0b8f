"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hnreader.demo.server import DemoServer


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    """The demo edition served on a free port of 127.0.0.1, started once per test session.

    Use ``demo_server.base_url`` and ``demo_server.sites``; compare against
    ``hnreader.demo.content.demo_edition()``, the model the pages were generated from.
    """
    with DemoServer(host="127.0.0.1", port=0) as server:
        yield server

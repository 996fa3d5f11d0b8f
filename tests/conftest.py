"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from hnreader.demo.server import DemoServer


@pytest.fixture(scope="session", autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point every platformdirs location (config, data, logs) into a temporary home.

    Tests and the ``hnreader`` processes they start inherit this, so no test reads the
    developer's configuration or writes into their library.
    """
    home = tmp_path_factory.mktemp("home")
    names = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    saved = {name: os.environ.get(name) for name in (*names, "HNREADER_CONFIG")}
    for name in names:
        os.environ[name] = str(home / name.lower())
    os.environ.pop("HNREADER_CONFIG", None)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    """The demo edition served on a free port of 127.0.0.1, started once per test session.

    Use ``demo_server.base_url`` and ``demo_server.sites``; compare against
    ``hnreader.demo.content.demo_edition()``, the model the pages were generated from.
    """
    with DemoServer(host="127.0.0.1", port=0) as server:
        yield server

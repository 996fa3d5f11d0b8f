"""A library holding both demo sites, synced once over real HTTP for the sync tests."""

from __future__ import annotations

import asyncio

import pytest
from sync_helpers import SyncedLibrary, sync_into

from hnreader.demo.server import DemoServer


@pytest.fixture(scope="session")
def synced(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> SyncedLibrary:
    """Both demo sites synced whole (read only: tests that change it use their own copy)."""
    data_dir = tmp_path_factory.mktemp("synced")
    homes = [home for _, home in demo_server.sites]
    reports = asyncio.run(sync_into(data_dir, homes))
    return SyncedLibrary(data_dir, dict(zip(homes, reports, strict=True)))

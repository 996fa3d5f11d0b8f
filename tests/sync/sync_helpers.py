"""Helpers for the sync tests: syncing into a library with a fresh fetcher and session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hnreader.config import NetworkConfig
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.sync import SyncReport, sync_site

# The demo server is local: no need for the polite default rate limit.
FAST = NetworkConfig(rate_limit=0)


@dataclass(frozen=True)
class SyncedLibrary:
    data_dir: Path
    reports: dict[str, SyncReport]  # by home page URL


async def sync_into(data_dir: Path, homes: list[str], **options: Any) -> list[SyncReport]:
    """Sync ``homes`` into the library at ``data_dir`` with a fresh fetcher and session."""
    with Store.open(data_dir) as store:
        async with Fetcher(FAST) as fetcher:
            session = SiteSession(fetcher, store)
            return [await sync_site(session, home, **options) for home in homes]

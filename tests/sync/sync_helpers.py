"""Helpers for the sync tests: syncing into a library with a fresh fetcher and session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from hnreader.config import NetworkConfig
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.fetch import Fetcher
from hnreader.models import Page
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.sync import SyncReport, sync_site
from hnreader.sync.messages import Job

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


def article_jobs(demo_server: DemoServer, count: int) -> list[Job]:
    """Jobs for ``count`` one-page articles of the demo portal, fetched from the server."""
    portal = demo_server.sites[1][1]
    jobs = []
    for truth in [a for a in demo_edition().site("portal").articles if len(a.pages) == 1]:
        url = portal.rstrip("/") + truth.path.removeprefix("/portal")
        response = httpx.get(url)
        headers = {name.lower(): value for name, value in response.headers.items()}
        page = Page(url, response.content, response.headers.get("content-type"), 200, headers)
        jobs.append(Job(url, page))
        if len(jobs) == count:
            return jobs
    raise AssertionError(f"the demo portal has fewer than {count} one-page articles")

"""Per-host limits, checked at the server: requests in flight at once, and their spacing.

These check behaviour (the limit is obeyed), not speed: the spacing bound is what the limit
guarantees, with slack (0.1 s) for the arrival of the first request being delayed; without the limit
the same requests arrive within a few milliseconds.
"""

from __future__ import annotations

import asyncio

import pytest
from fetch_faults import FaultServer

from hnreader.config import NetworkConfig, SiteConfig
from hnreader.fetch import Fetcher


async def fetch_many(fetcher: Fetcher, url: str, count: int) -> None:
    """Fetch ``url`` ``count`` times at once."""
    async with fetcher:
        pages = await asyncio.gather(*(fetcher.fetch(url) for _ in range(count)))
    assert all(page.status == 200 for page in pages)


def span(faults: FaultServer) -> float:
    """Seconds between the first and the last request's arrival."""
    times = sorted(a.at for a in faults.record.arrivals)
    return times[-1] - times[0]


@pytest.mark.parametrize("limit", [1, 3])
async def test_no_more_than_the_per_host_limit_is_in_flight(
    faults: FaultServer, limit: int
) -> None:
    fetcher = Fetcher(NetworkConfig(per_host_concurrency=limit, rate_limit=0))
    await fetch_many(fetcher, faults.url(f"/hold/{limit}"), 2 * limit)
    assert faults.record.max_in_flight == limit  # reached, never exceeded


async def test_request_starts_are_spaced_by_the_rate_limit(faults: FaultServer) -> None:
    fetcher = Fetcher(NetworkConfig(rate_limit=10), limit_loopback=True)
    await fetch_many(fetcher, faults.url("/page"), 6)
    assert span(faults) >= 5 * 0.1 - 0.1


async def test_a_site_rate_limit_overrides_the_default(faults: FaultServer) -> None:
    site = SiteConfig(name="慢站", url=faults.url("/"), rate_limit=5)
    fetcher = Fetcher(NetworkConfig(rate_limit=0), sites=[site])
    await fetch_many(fetcher, faults.url("/page"), 4)
    assert span(faults) >= 3 * 0.2 - 0.1


async def test_the_default_rate_limit_spares_loopback_hosts(faults: FaultServer) -> None:
    fetcher = Fetcher(NetworkConfig(rate_limit=0.5))  # one request every two seconds
    await asyncio.wait_for(fetch_many(fetcher, faults.url("/page"), 4), timeout=5)
    assert faults.record.hits("/page") == 4


async def test_retries_also_wait_their_turn(faults: FaultServer) -> None:
    fetcher = Fetcher(NetworkConfig(rate_limit=10, retries=3), limit_loopback=True, backoff_base=0)
    await fetch_many(fetcher, faults.url("/flaky/503/3"), 1)
    assert faults.record.hits("/flaky/503/3") == 4
    assert span(faults) >= 3 * 0.1 - 0.1  # a zero back-off still honours the rate

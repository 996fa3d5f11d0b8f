"""robots.txt through the shared fetcher: read once per host, judged for "hnreader"."""

from __future__ import annotations

import asyncio

from fetch_faults import FaultServer

from hnreader.config import NetworkConfig
from hnreader.fetch import Fetcher, RobotsPolicy


def quick_fetcher() -> Fetcher:
    """A fetcher that retries quickly, so unreachable robots.txt tests stay short."""
    return Fetcher(NetworkConfig(retries=1), backoff_base=0.01)


async def test_robots_disallowing_everything_blocks_every_path(faults: FaultServer) -> None:
    faults.record.robots = (200, b"User-agent: *\nDisallow: /\n")
    async with quick_fetcher() as fetcher:
        policy = RobotsPolicy(fetcher)
        verdicts = await asyncio.gather(
            *(policy.allowed(faults.url(path)) for path in ("/", "/page", "/a/b.html", "/page"))
        )
    assert verdicts == [False, False, False, False]
    assert faults.record.hits("/robots.txt") == 1  # concurrent callers share one fetch
    assert policy.warnings == []


async def test_rules_for_hnreader_are_the_ones_applied(faults: FaultServer) -> None:
    faults.record.robots = (
        200,
        b"User-agent: *\nDisallow: /\n\nUser-agent: hnreader\nDisallow: /private/\n",
    )
    async with quick_fetcher() as fetcher:
        policy = RobotsPolicy(fetcher)
        assert await policy.allowed(faults.url("/news/1.html"))
        assert not await policy.allowed(faults.url("/private/1.html"))


async def test_a_missing_robots_txt_allows_everything(faults: FaultServer) -> None:
    faults.record.robots = (404, b"not here")
    async with quick_fetcher() as fetcher:
        policy = RobotsPolicy(fetcher)
        assert await policy.allowed(faults.url("/anything"))
    assert policy.warnings == []
    assert fetcher.warnings == []


async def test_a_failing_robots_txt_allows_everything_with_a_warning(faults: FaultServer) -> None:
    faults.record.robots = (503, b"down")
    async with quick_fetcher() as fetcher:
        policy = RobotsPolicy(fetcher)
        assert await policy.allowed(faults.url("/anything"))
        assert await policy.allowed(faults.url("/other"))
    assert len(policy.warnings) == 1
    assert policy.warnings[0].startswith(f"robots.txt of {faults.base_url} could not be read")
    assert "server error 503" in policy.warnings[0]
    assert fetcher.warnings == policy.warnings


async def test_an_unreachable_host_allows_everything_with_a_warning(closed_port: int) -> None:
    async with quick_fetcher() as fetcher:
        policy = RobotsPolicy(fetcher)
        assert await policy.allowed(f"http://127.0.0.1:{closed_port}/page")
    assert "connection refused" in policy.warnings[0]

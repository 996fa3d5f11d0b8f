"""Benchmark: sync throughput from a local site vs a bare httpx client fetching the same URLs.

The site (``synth_server.py``, a separate process) is the demo flagship scaled up to 1,000
articles. hnreader: :func:`hnreader.sync.sync_site` into a fresh library (tree, every list
page, every article; images and robots.txt off; no rate limit), with ``W`` workers over one
:class:`~hnreader.fetch.Fetcher`. Baseline: one ``httpx.AsyncClient`` (``W`` connections)
fetching the same URLs -- home page, list pages, articles -- with ``asyncio.gather`` under a
``Semaphore(W)``, reading the bodies and doing nothing with them. The figure is articles per
second (the same URL set on both sides, so it is also the ratio of pages per second). Both
run on the same machine as the server: on few cores the three compete, and the sync (which
also extracts and saves, in its extraction processes) can use every core while the bare
client uses one.

Usage: ``python bench/bench_sync.py [--quick] [--articles N] [--runs N] [--workers W]
[--processes P]``
"""

from __future__ import annotations

import asyncio
import dataclasses
import importlib.util
import inspect
import os
import statistics
import tempfile
import time
from typing import Any

import httpx

import synth_server
from common import Row, compile_bytecode, emit, parser, progress
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store
from hnreader.sync import sync_site
from hnreader.sync.processes import default_processes

TARGET_RATIO = 0.8


def fetcher(workers: int) -> Fetcher:
    """The shared fetcher with ``workers`` connections per host and no rate limit."""
    if "network" in inspect.signature(Fetcher.__init__).parameters:
        from hnreader.config import NetworkConfig

        fields = {f.name for f in dataclasses.fields(NetworkConfig)}
        wanted: dict[str, Any] = {"per_host_concurrency": workers, "rate_limit": 0.0}
        return Fetcher(NetworkConfig(**{k: v for k, v in wanted.items() if k in fields}))
    return Fetcher(per_host_connections=workers)  # an older fetcher: no rate limit at all


async def run_sync(base_url: str, workers: int, processes: int | None = None) -> tuple[float, int]:
    """Seconds for a full sync into a fresh library, and the articles it saved.

    ``processes``: at most this many extraction processes (None: the sync's default).
    """
    with tempfile.TemporaryDirectory() as data_dir, Store.open(data_dir) as store:
        async with fetcher(workers) as shared:
            session = SiteSession(shared, store)
            started = time.perf_counter()
            options: dict[str, Any] = {"workers": workers}
            if processes is not None:
                options["processes"] = processes
            report = await sync_site(session, base_url, images=False, robots=False, **options)
            elapsed = time.perf_counter() - started
        if report.failed or report.lists.failed:
            raise RuntimeError(f"the sync failed on some pages: {report.failures[:3]}")
        return elapsed, report.new


async def run_bare(urls: list[str], workers: int) -> float:
    """Seconds for a bare client to fetch every URL, ``workers`` at a time."""
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    async with httpx.AsyncClient(limits=limits) as client:
        gate = asyncio.Semaphore(workers)

        async def get(url: str) -> int:
            async with gate:
                response = await client.get(url)
                response.raise_for_status()
                return len(response.content)

        started = time.perf_counter()
        await asyncio.gather(*(get(url) for url in urls))
        return time.perf_counter() - started


def main() -> None:
    if importlib.util.find_spec("sniffio") is None:
        # anyio (under httpx) then detects its event loop the slow way: the bare client runs
        # at about half its usual speed, which would flatter the ratio.
        raise SystemExit("bench_sync.py needs sniffio installed (pip install -e '.[test]')")
    arguments = parser(__doc__ or "")
    arguments.add_argument("--articles", type=int, help="site size (1,000; quick 100)")
    arguments.add_argument("--runs", type=int, help="runs of each, alternating (3; quick 1)")
    arguments.add_argument("--workers", type=int, default=4, help="concurrency of both (4)")
    arguments.add_argument(
        "--processes", type=int, help="at most this many extraction processes (the default)"
    )
    options = arguments.parse_args()
    count = options.articles or (100 if options.quick else 1_000)
    runs = options.runs or (1 if options.quick else 3)
    workers = options.workers
    compiled = compile_bytecode()  # the extraction processes are new Python processes
    paths = ["/", *synth_server.list_paths(count), *synth_server.article_paths(count)]
    ours: list[float] = []
    base: list[float] = []
    with synth_server.running(count) as base_url:
        urls = [base_url.rstrip("/") + path for path in paths]
        for number in range(runs):
            progress(f"sync: run {number + 1}/{runs}")
            base.append(asyncio.run(run_bare(urls, workers)))
            elapsed, saved = asyncio.run(run_sync(base_url, workers, options.processes))
            if saved != count:
                raise RuntimeError(f"the sync saved {saved} articles of {count}")
            ours.append(elapsed)
    ours_rate = count / statistics.median(ours)
    base_rate = count / statistics.median(base)
    rows = [
        Row(
            "articles per second, sync_site",
            ours_rate,
            "/s",
            base_rate,
            ">= 0.8x",
            ours_rate >= TARGET_RATIO * base_rate,
        )
    ]
    notes = [
        f"{count:,} articles and {len(paths) - count:,} other pages (home, list pages) per "
        f"run, {workers} workers / connections each, {runs} runs each, median",
        f"median seconds: sync {statistics.median(ours):.2f}, bare {statistics.median(base):.2f}",
        f"extraction processes: at most {options.processes or default_processes()}"
        f" ({os.cpu_count()} cores here)",
        compiled,
    ]
    emit(
        "sync",
        f"sync, {count:,} articles from a local site",
        "bare httpx.AsyncClient + gather",
        rows,
        notes,
    )


if __name__ == "__main__":
    main()

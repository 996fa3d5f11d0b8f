"""Benchmark: peak memory of ``sync_site`` as the site grows -- it should stay flat.

For each site size a local synthetic site (``synth_server.py``, a separate process) is
synced whole into a fresh library by a fresh child process, which reports its own peak RSS
(``VmHWM``) plus those of the sync's extraction processes (its children, sampled:
:mod:`child_peaks`). tracemalloc is not used: it slows the sync threefold. The baseline
is the smallest site: the ratio of each larger site's peak to it should stay near 1 while
the article count grows many times (sync streams: a bounded queue between list pages and
workers, at most two batches of pages on their way to each extraction process; only the
set of URLs already seen grows, by about a hundred bytes per article).

Usage: ``python bench/sync_memory.py [--quick] [--sizes N,N,...]``
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synth_server
from child_peaks import ChildPeaks
from common import Row, compile_bytecode, emit, parser, progress

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = (500, 2000, 5000)
QUICK_SIZES = (200, 800)
FLAT = 1.3  # a larger site may use at most this much more peak memory than the smallest
CHILD_HELP = "internal: sync URL in this process and print the measures"


def _peak_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status (this benchmark needs Linux)")


async def _sync(base_url: str, data_dir: str) -> dict[str, float]:
    from hnreader.config import NetworkConfig
    from hnreader.fetch import Fetcher
    from hnreader.sites import SiteSession
    from hnreader.store import Store
    from hnreader.sync import sync_site

    with Store.open(data_dir) as store:
        async with Fetcher(NetworkConfig(rate_limit=0)) as fetcher:
            session = SiteSession(fetcher, store)
            started = time.perf_counter()
            with ChildPeaks("hnreader.sync.worker") as workers:
                report = await sync_site(session, base_url, images=False, robots=False)
            seconds = time.perf_counter() - started
    if not report.ok:
        raise RuntimeError(f"the sync failed: {report.failures[:3]}")
    # All peaks added (the sync's and each extraction process's): an upper bound of what
    # the sync held at once.
    worker_kb = workers.total_kb()
    return {
        "articles": report.new,
        "seconds": seconds,
        "rss_peak_kb": _peak_rss_kb() + worker_kb,
        "main_kb": _peak_rss_kb(),
        "worker_kb": worker_kb,
        "workers": len(workers.peaks),
    }


def child(base_url: str) -> None:
    """Sync ``base_url`` into a fresh library; print the measures as JSON."""
    with tempfile.TemporaryDirectory() as data_dir:
        print(json.dumps(asyncio.run(_sync(base_url, data_dir))))


def measure(size: int) -> dict[str, float]:
    """Serve a site of ``size`` articles and sync it in a fresh process."""
    with synth_server.running(size) as base_url:
        result = subprocess.run(
            [sys.executable, str(HERE / "sync_memory.py"), "--child", base_url],
            capture_output=True,
            text=True,
            check=True,
        )
    measured: dict[str, float] = json.loads(result.stdout)
    return measured


def main() -> None:
    arguments = parser(__doc__ or "")
    arguments.add_argument("--sizes", help="comma-separated site sizes (articles)")
    arguments.add_argument("--child", metavar="URL", help=CHILD_HELP)
    options = arguments.parse_args()
    if options.child:
        child(options.child)
        return
    compiled = compile_bytecode()  # each size is synced by new Python processes
    sizes = QUICK_SIZES if options.quick else DEFAULT_SIZES
    if options.sizes:
        sizes = tuple(int(size) for size in options.sizes.split(","))
    results = []
    for size in sizes:
        progress(f"syncing a site of {size} articles …")
        results.append(measure(size))
    smallest = results[0]
    rows = []
    for size, measured in zip(sizes, results, strict=True):
        if measured["articles"] != size:
            raise RuntimeError(f"synced {measured['articles']} of {size} articles")
        ratio = measured["rss_peak_kb"] / smallest["rss_peak_kb"]
        rows.append(
            Row(
                f"peak RSS, {size} articles ({measured['seconds']:.1f} s)",
                measured["rss_peak_kb"] / 1024,
                "MB",
                smallest["rss_peak_kb"] / 1024,
                f"<= {FLAT}x",
                ratio <= FLAT,
            )
        )
    emit(
        "sync_memory",
        "Peak memory of sync as the site grows",
        f"the same measure for the smallest site ({sizes[0]} articles)",
        rows,
        [
            "each size synced whole (tree, every list page, every article) by a fresh process;"
            " peak RSS is the sync process's plus each of its extraction processes' (sampled)",
            *(
                f"{size} articles: sync {m['main_kb'] / 1024:.0f} MB +"
                f" extraction {m['worker_kb'] / 1024:.0f} MB ({m['workers']:.0f} processes)"
                for size, m in zip(sizes, results, strict=True)
            ),
            compiled,
        ],
    )


if __name__ == "__main__":
    main()

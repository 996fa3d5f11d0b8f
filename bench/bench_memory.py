"""Benchmark: peak memory (RSS) while browsing a large library and while syncing.

Each scenario runs in a fresh process (``--scenario``), which reports its own peak RSS
(``VmHWM`` from ``/proc/self/status``):

- ``browse``: offline, through :class:`~hnreader.sites.SiteSession` over a cached library
  (:mod:`library`): the section tree, the first three list pages of every section, and 50
  articles; at two library sizes, to show that memory does not grow with the library.
- ``sync``: :func:`hnreader.sync.sync_site` of a local synthetic site (``synth_server.py``,
  another process) into a fresh library; at two site sizes. Its figure is the sync
  process's peak plus each of its extraction processes' peaks (sampled, :mod:`child_peaks`):
  an upper bound of what the sync held at once.
- ``floor`` (the baseline): the same process importing the same modules and opening the
  library, doing nothing else.

Usage: ``python bench/bench_memory.py [--quick]``
"""

from __future__ import annotations

import asyncio
import functools
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import library
from child_peaks import ChildPeaks
from common import Row, compile_bytecode, emit, parser, progress

HERE = Path(__file__).resolve().parent
TARGET_MB = 150.0
LIST_PAGES_PER_SECTION = 3
ARTICLES_OPENED = 50


def peak_mb() -> float:
    """This process's peak resident set size so far, in MB.

    ``VmHWM`` where /proc has it: ``ru_maxrss`` survives ``exec`` on Linux, so a child would
    report its parent's peak when that was higher.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def browse(data_dir: Path) -> None:
    """Tree, three list pages of every section, then 50 articles, offline."""
    from hnreader.sites import SiteSession
    from hnreader.store import Store

    with Store.open(data_dir) as store:
        session = SiteSession(None, store, offline=True)
        tree = await session.tree(library.BASE_URL)
        article_urls: list[str] = []
        for top in tree.sections:
            for section in top.walk():
                url = section.url
                for _ in range(LIST_PAGES_PER_SECTION):
                    if url is None:
                        break
                    listed = await session.article_list(url)
                    article_urls.extend(item.url for item in listed.items)
                    url = listed.next
        for url in list(dict.fromkeys(article_urls))[:: max(1, len(article_urls) // 200)][
            :ARTICLES_OPENED
        ]:
            await session.article(url)


async def sync(count: int) -> tuple[float, int]:
    """A full sync of a ``count``-article local site into a fresh library.

    Returns the extraction processes' peaks added up (MB) and how many there were.
    """
    import bench_sync
    import synth_server
    from hnreader.sites import SiteSession
    from hnreader.store import Store
    from hnreader.sync import sync_site

    with (
        synth_server.running(count) as base_url,
        tempfile.TemporaryDirectory() as data_dir,
        Store.open(data_dir) as store,
    ):
        with ChildPeaks("hnreader.sync.worker") as workers:
            async with bench_sync.fetcher(4) as fetcher:
                report = await sync_site(
                    SiteSession(fetcher, store), base_url, images=False, robots=False
                )
        if report.new != count:
            raise RuntimeError(f"the sync saved {report.new} articles of {count}")
    return workers.total_kb() / 1024, len(workers.peaks)


def floor(data_dir: Path) -> None:
    """Import what the scenarios import and open the library; nothing more."""
    import hnreader.fetch.client  # hnreader.fetch alone no longer imports the HTTP client
    import hnreader.sites
    import hnreader.sync
    from hnreader.store import Store

    del hnreader.fetch.client, hnreader.sites, hnreader.sync
    with Store.open(data_dir) as store:
        store.counts()


@functools.cache
def scenario(name: str, size: int) -> float:
    """Peak RSS in MB of one scenario, run in a fresh process (once per name and size)."""
    command = [sys.executable, __file__, "--scenario", name, "--size", str(size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"scenario {name} {size} failed:\n{done.stderr[-2000:]}")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["peak_mb"])


def main() -> None:
    arguments = parser(__doc__ or "")
    arguments.add_argument("--scenario", choices=("browse", "sync", "floor"))
    arguments.add_argument("--size", type=int, default=0)
    arguments.add_argument("--libraries", type=int, nargs=2, help="two library sizes")
    arguments.add_argument("--syncs", type=int, nargs=2, help="two site sizes to sync")
    options = arguments.parse_args()
    if options.scenario:
        children_mb, children = 0.0, 0
        if options.scenario == "sync":
            children_mb, children = asyncio.run(sync(options.size))
        elif options.scenario == "browse":
            asyncio.run(browse(library.cached(options.size)))
        else:
            floor(library.cached(options.size))
        own = peak_mb()
        print(json.dumps({"peak_mb": own + children_mb, "own_mb": own, "children": children}))
        return
    libraries = options.libraries or ((1_000, 5_000) if options.quick else (10_000, 100_000))
    syncs = options.syncs or ((50, 200) if options.quick else (1_000, 3_000))
    compiled = compile_bytecode()  # each scenario is a new Python process
    rows = []
    for size in libraries:
        library.cached(size)  # built here, not inside the measured process
    base = scenario("floor", libraries[0])
    for size in libraries:
        progress(f"memory: browse {size}")
        rows.append(
            Row(
                f"browse, {size:,}-article library",
                scenario("browse", size),
                "MB",
                base,
                "<= 150 MB",
            )
        )
    for size in syncs:
        progress(f"memory: sync {size}")
        rows.append(Row(f"sync {size:,} articles", scenario("sync", size), "MB", base, "<= 150 MB"))
    rows = [Row(r.what, r.value, r.unit, r.baseline, r.target, r.value <= TARGET_MB) for r in rows]
    notes = [
        f"browse: tree, {LIST_PAGES_PER_SECTION} list pages of every section, "
        f"{ARTICLES_OPENED} articles, offline through SiteSession",
        "sync: the sync process's peak plus each extraction process's peak, added",
        f"growth: browse {rows[1].value / rows[0].value:.2f}x for "
        f"{libraries[1] // libraries[0]}x the library; sync {rows[3].value / rows[2].value:.2f}x "
        f"for {syncs[1] // syncs[0]}x the articles",
        compiled,
    ]
    emit("memory", "memory (peak RSS)", "floor: imports + opening the library", rows, notes)


if __name__ == "__main__":
    main()

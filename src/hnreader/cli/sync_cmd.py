"""``hnreader sync SITE``: fetch a site (or chosen sections) into the library, for offline use.

On a terminal a live display shows sections, list pages, articles, bytes, rate and ETA;
otherwise a plain line every few seconds. A summary follows; the exit status is 0 when
everything synced, 1 when anything failed (or the sync could not start), 130 after Ctrl-C
(everything saved so far stays, and the next run goes on from there); 2 when the
configuration has a mistake.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from hnreader.cli.cache_cmd import add_data_dir, fail, human_bytes, load_settings, open_library

if TYPE_CHECKING:
    from rich.console import RenderableType

    from hnreader.config import Config, SiteConfig
    from hnreader.sites import SiteSession
    from hnreader.store import Store
    from hnreader.sync import SyncProgress, SyncReport

PLAIN_EVERY = 2.0  # seconds between plain progress lines
INTERRUPTED = 130


def _since(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-01-31") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the site, the scope options and ``--data-dir``."""
    parser.add_argument(
        "site",
        nargs="?",
        metavar="SITE",
        help="a site's name in the catalogue, its home page URL, or 'demo' "
        "(default: every site already in the library)",
    )
    parser.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="PATH",
        help="only this section and its sub-sections: a name, a path like 新闻中心/工作动态, "
        "or its list page URL (repeatable; default: the site's include list, else all)",
    )
    parser.add_argument("--pages", type=_positive, metavar="N", help="list pages per section")
    parser.add_argument("--since", type=_since, metavar="DATE", help="skip articles before it")
    parser.add_argument("--no-images", action="store_true", help="do not fetch images")
    parser.add_argument("--attachments", action="store_true", help="fetch attachments (附件)")
    parser.add_argument("--no-robots", action="store_true", help="ignore robots.txt")
    parser.add_argument("--workers", type=_positive, default=4, help="parallel article loads")
    parser.add_argument(
        "--processes",
        type=_positive,
        metavar="N",
        help="at most N extraction processes (default: 2, or 1 on one core; each holds ~40 MB; "
        "a second one only starts when pages arrive faster than one process extracts them)",
    )
    add_data_dir(parser)


def run(options: argparse.Namespace, name: str) -> int:
    """Sync the site(s); see the module docstring for the exit status."""
    config = load_settings()
    if config is None:
        return 2  # a configuration mistake, as for every command
    store = open_library(options, config)
    if store is None:
        return 1
    watcher = _Watcher(sys.stderr.isatty())
    try:
        with store, _targets(options.site, config, store) as sites:
            reports = asyncio.run(_sync_all(store, sites, config, options, watcher.update))
    except KeyboardInterrupt:
        watcher.close()
        if watcher.last is not None:
            from hnreader.sync import SyncReport

            _summary(SyncReport.from_progress(watcher.last), interrupted=True)
        print("Stopped. What was synced is kept; run the same command to go on.")
        return INTERRUPTED
    except _StartError as exc:
        watcher.close()
        return fail(str(exc))
    watcher.close()
    for report in reports:
        _summary(report)
    return 0 if all(report.ok for report in reports) else 1


class _StartError(Exception):
    """The sync could not start; the message says why."""


@contextmanager
def _targets(site: str | None, config: Config, store: Store) -> Iterator[list[SiteConfig]]:
    """The sites to sync: the one named, the demo edition served here, or those in the library."""
    from hnreader.catalogue import SiteAddressUnknown, SiteNotFound, resolve_site

    if site == "demo":
        with _demo_sites() as sites:
            yield sites
        return
    if site is None:
        with _library_sites(config, store) as sites:
            yield sites
        return
    try:
        yield [resolve_site(site, config)]
    except (SiteNotFound, SiteAddressUnknown) as exc:
        raise _StartError(str(exc)) from exc


@contextmanager
def _demo_sites() -> Iterator[list[SiteConfig]]:
    """The demo edition's sites, served from this process while the sync runs."""
    from hnreader.cli.reader_cmd import demo_server
    from hnreader.config import SiteConfig

    with demo_server() as server:
        # The demo is served from this process: no need to spare it with a rate limit.
        yield [SiteConfig(name, home, rate_limit=0.0) for name, home in server.sites]


@contextmanager
def _library_sites(config: Config, store: Store) -> Iterator[list[SiteConfig]]:
    """Every site whose section tree is in the library, with its catalogue settings.

    Refreshing what the user already reads is the useful default; syncing every site the
    catalogue knows would fetch whole government sites nobody asked for. Sites at the demo
    edition's own address are synced by serving the demo here, as ``sync demo`` does.
    """
    from hnreader.catalogue import SiteNotFound, resolve_site, same_site
    from hnreader.cli.reader_cmd import demo_port

    homes = [saved.value.url for saved in store.trees()]
    if not homes:
        raise _StartError(
            "the library has no site yet: name one to sync (a catalogue name, a home page "
            "URL or 'demo'; see 'hnreader sites list')"
        )
    demo_home = f"http://127.0.0.1:{demo_port()}/"
    wants_demo = any(urlsplit(home).netloc == urlsplit(demo_home).netloc for home in homes)
    sites = []
    for home in homes:
        if urlsplit(home).netloc == urlsplit(demo_home).netloc:
            continue
        try:
            sites.append(resolve_site(home, config))
        except SiteNotFound as exc:  # an address stored by an older version, now refused
            raise _StartError(str(exc)) from exc
    if not wants_demo:
        yield sites
        return
    with _demo_sites() as demo:
        served = [d for d in demo if any(same_site(d.url, home) for home in homes)]
        if not served:
            print(
                "hnreader: skipped the demo edition: another hnreader is serving it "
                "(run 'hnreader sync demo' when it has stopped)",
                file=sys.stderr,
                flush=True,
            )
        yield sites + served


async def _sync_all(
    store: Store,
    sites: list[SiteConfig],
    config: Config,
    options: argparse.Namespace,
    update: Callable[[SyncProgress], None],
) -> list[SyncReport]:
    from hnreader.catalogue import all_sites
    from hnreader.fetch import Fetcher
    from hnreader.sites import SiteSession

    reports: list[SyncReport] = []
    unknown: list[tuple[str, str]] = []
    async with Fetcher(config.network, sites=[*sites, *all_sites(config)]) as fetcher:
        session = SiteSession(fetcher, store)
        try:
            for site in sites:
                report = await _sync_one(session, site, options, update, unknown, len(sites))
                if report is not None:
                    reports.append(report)
        finally:
            await session.aclose()  # a Ctrl-C can leave a list page being saved
    if not reports and unknown:
        raise _StartError(unknown[0][1])
    for url, message in unknown:
        print(f"hnreader: skipped {url}: {message}", file=sys.stderr, flush=True)
    return reports


async def _sync_one(
    session: SiteSession,
    site: SiteConfig,
    options: argparse.Namespace,
    update: Callable[[SyncProgress], None],
    unknown: list[tuple[str, str]],
    site_count: int,
) -> SyncReport | None:
    """Sync one site; None when a section asked for is not on it (noted in ``unknown``)."""
    from hnreader.sync import SyncError, UnknownSection, sync_site

    try:
        return await sync_site(
            session,
            site.url,
            sections=options.section or site.include,
            exclude=site.exclude,
            pages=options.pages,
            since=options.since,
            images=not options.no_images,
            attachments=options.attachments,
            robots=site.robots and not options.no_robots,
            workers=options.workers,
            processes=options.processes,
            progress=update,
        )
    except UnknownSection as exc:
        if site_count == 1:
            raise _StartError(str(exc)) from exc
        # Several sites (the demo edition): a section need only exist on one of them.
        unknown.append((site.url, str(exc)))
        return None
    except SyncError as exc:
        raise _StartError(str(exc)) from exc


def _summary(report: SyncReport, *, interrupted: bool = False) -> None:
    verb = "Stopped syncing" if interrupted else "Synced"
    print(
        f"{verb} {report.site}: {report.new} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.failed} failed articles "
        f"({report.skipped} skipped); {report.lists.done} list pages, "
        f"{report.assets.done} images/files; {human_bytes(report.downloaded)} "
        f"in {report.seconds:.1f} s"
    )
    for failure in report.failures:
        print(f"  failed {failure.kind}: {failure.url}: {failure.reason}")
    if not interrupted:
        shown = len(report.failures)
        total = report.failed + report.lists.failed + report.assets.failed
        if total > shown:
            print(f"  … and {total - shown} more failures")


class _Watcher:
    """Shows progress: a live rich display on a terminal, plain lines otherwise."""

    def __init__(self, live: bool) -> None:
        self.last: SyncProgress | None = None
        self._last_line = 0.0
        self._final_shown = False
        self._live: _LiveDisplay | None = _LiveDisplay() if live else None

    def update(self, progress: SyncProgress) -> None:
        """Show ``progress`` (the same object each time, with newer counters)."""
        self.last = progress
        if self._live is not None:
            self._live.update(progress)
            return
        now = time.monotonic()
        if now - self._last_line >= PLAIN_EVERY or (
            progress.listing_done and (progress.articles.done == progress.articles_found)
        ):
            self._last_line = now
            print(_plain_line(progress), file=sys.stderr, flush=True)

    def close(self) -> None:
        """Stop the live display."""
        if self._live is not None:
            self._live.close()
            self._live = None


def _plain_line(progress: SyncProgress) -> str:
    eta = progress.eta()
    return (
        f"sync {progress.site}: sections {progress.sections_done}/{progress.sections_total}, "
        f"list pages {progress.lists.done}, articles {progress.articles.done}"
        f"/{progress.articles_found}, {human_bytes(progress.downloaded)}, "
        f"{progress.rate():.1f} articles/s" + ("" if eta is None else f", about {eta:.0f} s left")
    )


class _LiveDisplay:
    """A rich display on stderr, redrawn a few times a second from the latest counters."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.live import Live

        self._progress: SyncProgress | None = None
        self._live = Live(
            get_renderable=self._render,
            console=Console(stderr=True),
            refresh_per_second=4,
            transient=True,
        )
        self._live.start()

    def update(self, progress: SyncProgress) -> None:
        """Remember the counters; the display reads them at its next refresh."""
        self._progress = progress

    def close(self) -> None:
        """Stop redrawing and clear the display."""
        self._live.stop()

    def _render(self) -> RenderableType:
        from rich.progress_bar import ProgressBar
        from rich.table import Table
        from rich.text import Text

        progress = self._progress
        grid = Table.grid(padding=(0, 1))
        if progress is None:
            grid.add_row(Text("Reading the section tree…"))
            return grid
        eta = progress.eta()
        grid.add_row(Text("Syncing ", style="bold") + Text(progress.site))
        grid.add_row(
            Text(
                f"sections {progress.sections_done}/{progress.sections_total} · "
                f"list pages {progress.lists.done} · "
                f"articles {progress.articles.done}/{progress.articles_found} "
                f"(new {progress.articles.new}, updated {progress.articles.updated}, "
                f"failed {progress.articles.failed}) · images {progress.assets.done}"
            )
        )
        bar = ProgressBar(
            total=max(progress.articles_found, 1), completed=progress.articles.done, width=40
        )
        grid.add_row(bar)
        grid.add_row(
            Text(
                f"{human_bytes(progress.downloaded)} · {progress.rate():.1f} articles/s · "
                + ("ETA —" if eta is None else f"ETA {eta:.0f} s")
            )
        )
        grid.add_row(Text(progress.current, style="dim", overflow="ellipsis", no_wrap=True))
        return grid

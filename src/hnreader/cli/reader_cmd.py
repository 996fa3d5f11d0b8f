"""``hnreader [URL] [--demo] [--offline] [--data-dir DIR]``: open the terminal reader on a site.

With no site and a terminal to draw on, a site picker opens first
(:class:`hnreader.ui.screens.sites.SitePickerApp`).

The reader keeps everything it loads in the library at ``--data-dir`` and falls back to it
when the network fails; ``--offline`` reads from the library only.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hnreader.cli.cache_cmd import add_data_dir, fail, load_settings, open_library

if TYPE_CHECKING:
    from hnreader.config import Config
    from hnreader.demo.server import DemoServer
    from hnreader.fetch import Fetcher
    from hnreader.store import Store

# The demo edition is served on this port when it is free, so what ``hnreader sync demo``
# stored is found again by ``hnreader --demo --offline`` (stored URLs include the port).
DEMO_PORT = 47800
DEMO_PORT_ENV = "HNREADER_DEMO_PORT"  # another port, for a machine where 47800 is taken


def demo_port() -> int:
    """The demo edition's port: ``$HNREADER_DEMO_PORT`` if set to a port, else :data:`DEMO_PORT`.

    A value that is no port is said on stderr (one line) and the default is used.
    """
    raw = os.environ.get(DEMO_PORT_ENV, "").strip()
    if not raw:
        return DEMO_PORT
    if raw.isdigit() and 0 < int(raw) < 65536:
        return int(raw)
    print(
        f"hnreader: {DEMO_PORT_ENV}={raw!r} is not a port (1-65535); using {DEMO_PORT}",
        file=sys.stderr,
    )
    return DEMO_PORT


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the site address, ``--demo``, ``--offline`` and ``--data-dir``."""
    parser.add_argument(
        "url", nargs="?", help="a site to open: its name in the catalogue or its home page address"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the bundled demo edition (served locally)"
    )
    parser.add_argument(
        "--offline", action="store_true", help="read only from the library; never use the network"
    )
    add_data_dir(parser)


def wants_reader(options: argparse.Namespace) -> bool:
    """Whether the options name something to open, or the site picker can ask for it.

    The picker needs a terminal: without one (scripts, pipes) the usage is printed instead.
    """
    return bool(options.demo or options.url) or (sys.stdin.isatty() and sys.stdout.isatty())


@contextmanager
def demo_server() -> Iterator[DemoServer]:
    """The demo edition served in this process, on :func:`demo_port` if it is free."""
    from hnreader.demo.server import DemoServer

    try:
        server = DemoServer(port=demo_port())
    except OSError:
        server = DemoServer(port=0)  # another hnreader is serving it: any free port will do
    with server:
        yield server


def run(options: argparse.Namespace, name: str) -> int:
    """Open the reader; return its exit status when it closes.

    A configuration mistake gives one line on stderr and status 2; any other reason the
    reader cannot open gives one line and status 1.
    """
    config = load_settings()
    if config is None:
        return 2
    url, demo = options.url, options.demo
    if not (url or demo):
        from hnreader.ui.screens.sites import DEMO_CHOICE, SitePickerApp

        url = SitePickerApp(config).run()
        if url is None:
            return 0  # the user quit the picker
        demo = url == DEMO_CHOICE  # a flag of its own: ``hnreader demo`` names a site
        config = load_settings()  # the picker may have stored the flagship's address
        if config is None:
            return 2
    from hnreader.ui.startup import hold_collections, release_collections

    hold_collections()  # until the first frame is drawn (the app releases it then)
    try:
        return _open(url, demo, options, config)
    finally:
        release_collections()  # the reader closed, or never opened


def _open(url: str | None, demo: bool, options: argparse.Namespace, config: Config) -> int:
    store = open_library(options, config)
    if store is None:
        return 1
    with store:
        if demo:
            with demo_server() as server:
                return _read(server.sites[0][1], store, config, options.offline)
        from hnreader.catalogue import SiteAddressUnknown, SiteNotFound, resolve_site

        assert url is not None  # without --demo, a site was named or picked
        try:
            site = resolve_site(url, config)
        except (SiteNotFound, SiteAddressUnknown) as exc:
            return fail(str(exc))
        return _read(site.url, store, config, options.offline)


def _read(start_url: str, store: Store, config: Config, offline: bool) -> int:
    from hnreader.app import HnReaderApp  # Textual is imported only when the TUI opens
    from hnreader.sites import SiteSession
    from hnreader.ui.widgets.reader_picture import terminal_has_graphics

    if terminal_has_graphics():
        # textual-image asks the terminal what it draws as it loads, which must be done before
        # Textual takes the terminal over; elsewhere the reader loads its image code later.
        import hnreader.ui.widgets.reader_image  # noqa: F401

    fetcher = None if offline else _fetcher(config)  # offline: no network client at all
    session = SiteSession(fetcher, store, offline=offline)
    app = HnReaderApp(start_url, session=session, config=config)
    app.run()  # closes the fetcher
    return app.return_code or 0


def _fetcher(config: Config) -> Fetcher:
    from hnreader.catalogue import all_sites
    from hnreader.fetch import Fetcher

    return Fetcher(config.network, sites=all_sites(config))

"""``hnreader [URL] [--demo]``: open the terminal reader on a site."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the site address and ``--demo``."""
    parser.add_argument("url", nargs="?", help="a site's home page address to open")
    parser.add_argument(
        "--demo", action="store_true", help="open the bundled demo edition (served locally)"
    )


def wants_reader(options: argparse.Namespace) -> bool:
    """Whether the options name something to open."""
    return bool(options.demo or options.url)


def run(options: argparse.Namespace, name: str) -> int:
    """Open the reader; return when it closes."""
    from hnreader.app import HnReaderApp  # Textual is imported only when the TUI opens

    if options.demo:
        from hnreader.demo.server import DemoServer

        with DemoServer(port=0) as server:
            HnReaderApp(server.sites[0][1]).run()
        return 0
    HnReaderApp(normalise_url(options.url)).run()
    return 0


def normalise_url(url: str) -> str:
    """A bare host name becomes an http:// address."""
    return url if "://" in url else f"http://{url}"

"""A scaled-up demo site over HTTP, for the sync benchmarks: ``python bench/synth_server.py N``.

Serves a flagship-shaped site of ``N`` synthetic articles (:mod:`synth`), rendered with the
demo edition's own page templates (:mod:`hnreader.demo.flagship_pages`), so hnreader's
extractors read it as they read the demo. Pages are rendered before serving; answers are
HTTP/1.1 with keep-alive. Prints ``READY <port>`` on stdout once listening, then serves until
its stdin closes (so it never outlives the benchmark that started it). Run it as a separate
process: the server's CPU must not be charged to the client being measured.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import synth
from hnreader.demo import flagship_pages
from hnreader.demo.content import DemoEdition

HERE = Path(__file__).resolve().parent
_HTML = "text/html; charset=utf-8"


def rendered(count: int) -> dict[str, bytes]:
    """Every page of the site by path: home, list pages, articles."""
    site = synth.demo_site(count)
    first, second = site.articles[0], site.articles[-1]
    edition = DemoEdition(
        (site,),
        {"/old/1.html": (301, first.path), "/old/2.html": (302, second.path)},
        "/missing.html",
    )
    pages = {"/": flagship_pages.home_page(site, edition).encode()}
    for page in site.list_pages:
        pages[page.path] = flagship_pages.list_page(site, page).encode()
    for article in site.articles:
        pages[article.path] = flagship_pages.article_pages(site, article)[0].encode()
    return pages


def article_paths(count: int) -> list[str]:
    """The paths of the site's articles (what a full sync must fetch)."""
    return [article.path for article in synth.articles(count)]


def list_paths(count: int) -> list[str]:
    """The paths of every list page of the site."""
    site = synth.demo_site(count)
    return [page.path for page in site.list_pages]


def serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    """A server on a free loopback port answering from ``pages``; call serve_forever."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; with Nagle's algorithm on, the second waits
        # for the client's delayed ACK (40 ms a page on Linux) and both sides crawl.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            """The page at the path, or a 404."""
            body = pages.get(urlsplit(self.path).path)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", _HTML)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    return server


@contextlib.contextmanager
def running(count: int) -> Iterator[str]:
    """Start the server process for ``count`` articles; yield its base URL; stop it."""
    process = subprocess.Popen(
        [sys.executable, str(HERE / "synth_server.py"), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().split()
        if len(line) != 2 or line[0] != "READY":
            raise RuntimeError(f"the synthetic site server did not start: {line!r}")
        yield f"http://127.0.0.1:{line[1]}/"
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("articles", type=int, help="how many articles the site has")
    count = arguments.parse_args().articles
    server = serve(rendered(count))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"READY {server.server_address[1]}", flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin (or exits)
    server.shutdown()


if __name__ == "__main__":
    main()

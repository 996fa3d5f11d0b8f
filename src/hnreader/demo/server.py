"""Serve the demo edition over real HTTP from a background thread.

One port carries both sites: the flagship 湖南社会工作 at ``/`` and the TRS-style government
portal under ``/portal/``. Besides pages the server answers ``/robots.txt``, one 404 page linked
from the flagship home page, a 301 and a 302 redirect, and conditional requests: every response
has an ``ETag`` and a ``Last-Modified`` header, and ``If-None-Match`` / ``If-Modified-Since``
give ``304 Not Modified``. GET and HEAD are supported; requests are not logged.

    with DemoServer(host="127.0.0.1", port=0) as server:
        server.base_url   # "http://127.0.0.1:PORT/"
        server.sites      # [("湖南社会工作", base_url),
                          #  ("潇湘省人民政府门户网站", base_url + "portal/")]
"""

from __future__ import annotations

import socket
import sys
import threading
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import unquote, urlsplit

from hnreader.demo.content import demo_edition
from hnreader.demo.routes import Resource, http_date, not_found, routes


class _DemoHandler(BaseHTTPRequestHandler):
    """Answers from the pre-rendered route table."""

    server_version = "nginx"  # what such sites typically announce
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, a keep-alive client waits
    # for the delayed ACK (~40 ms) before the body arrives.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the server runs inside the TUI and the tests."""

    def do_GET(self) -> None:
        """Send the resource at the request path, or a 304 or 404."""
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        """Like GET without the body."""
        self._answer(with_body=False)

    def _answer(self, *, with_body: bool) -> None:
        path = unquote(urlsplit(self.path).path) or "/"
        table = routes()
        resource = table.get(path)
        if resource is None and path + "/" in table:
            # A folder asked for without its slash: redirect, as web servers do.
            resource = Resource.make(b"", "text/html", status=301, location=path + "/")
        if resource is None:
            resource = not_found(path)
        if resource.status == 200 and self._not_modified(resource):
            self._send(
                Resource(
                    b"", resource.content_type, resource.last_modified, 304, etag=resource.etag
                ),
                with_body=False,
            )
            return
        self._send(resource, with_body=with_body)

    def _not_modified(self, resource: Resource) -> bool:
        """Whether the client's cached copy is still current (RFC 9110 section 13.1)."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
            return "*" in tags or resource.etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since is None:
            return False
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False  # an unparsable date is ignored, as the RFC says
        if since.tzinfo is None:
            return False
        return resource.last_modified.replace(microsecond=0) <= since

    def _send(self, resource: Resource, *, with_body: bool) -> None:
        self.send_response(resource.status)
        if resource.status != 304:
            self.send_header("Content-Type", resource.content_type)
            self.send_header("Content-Length", str(len(resource.body)))
        if resource.location is not None:
            self.send_header("Location", resource.location)
        if resource.status in (200, 304):
            self.send_header("ETag", resource.etag)
            self.send_header("Last-Modified", http_date(resource.last_modified))
        self.end_headers()
        if with_body and resource.status != 304:
            self.wfile.write(resource.body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        """Ignore clients that hang up mid-response; report anything else as usual."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class DemoServer:
    """The demo edition on ``host:port`` (port 0 picks a free one), served from a thread."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        routes()  # render everything now, so the first request is not slow
        try:
            self._httpd = _QuietServer((host, port), _DemoHandler)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise OSError(exc.errno, f"cannot serve the demo on {host}:{port}: {reason}") from exc
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()
        bound_host, bound_port = self._httpd.server_address[:2]
        shown = bound_host if isinstance(bound_host, str) else bound_host.decode()
        self.base_url = f"http://{shown}:{bound_port}/"

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._httpd.server_address[1])

    @property
    def sites(self) -> list[tuple[str, str]]:
        """(display name, home page URL) of every demo site, flagship first."""
        return [
            (site.name, self.base_url + site.home_path.lstrip("/")) for site in demo_edition().sites
        ]

    def start(self) -> None:
        """Start serving in a background thread."""
        if self._thread is not None:
            raise RuntimeError("the demo server is already running")
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="hnreader-demo-server", daemon=True
        )
        self._thread.start()

    def wait(self) -> None:
        """Block until :meth:`stop` is called (or the user presses Ctrl-C)."""
        # Short waits in a loop so a KeyboardInterrupt reaches the main thread promptly.
        while not self._stopped.wait(0.5):
            pass

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

"""A fault-injecting HTTP server on 127.0.0.1 for the fetcher's tests.

Each path injects one fault (a reset mid-body, a trickle, a redirect loop, a gzip bomb …); the
server records every request it receives (path, headers, arrival time) and how many requests
were in flight at once, so tests check behaviour at the server side, not only at the client.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

MB = 1024 * 1024
HUGE_BYTES = 50 * MB
BOMB_BYTES = 64 * MB  # what the gzip bomb inflates to
CHUNK = b"\0" * (64 * 1024)
PAGE = "<html><body><p>湘江北去，橘子洲头。</p></body></html>".encode()
ETAG = '"v1"'
LAST_MODIFIED = "Sat, 28 Nov 2026 10:00:00 GMT"
REDIRECT_TARGETS = {
    "ftp": "ftp://127.0.0.1/pub/file.html",
    "javascript": "javascript:alert(1)",
    "file": "file:///etc/passwd",
    "data": "data:text/html,<p>hi</p>",
}


@cache
def gzip_bomb() -> bytes:
    """About 64 KB of gzip that inflates to 64 MB of zeros (built without 64 MB in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b"\0" * MB) for _ in range(BOMB_BYTES // MB)]
    return b"".join([*parts, packer.flush()])


@dataclass(frozen=True)
class Arrival:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when the request line was read
    target: str = ""  # the request target exactly as sent (absolute when sent to a proxy)


@dataclass
class Record:
    """What the server saw, shared with the handler threads under ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    arrivals: list[Arrival] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    sent: dict[str, int] = field(default_factory=dict)  # body bytes written, by path
    finished: dict[str, threading.Event] = field(default_factory=dict)
    robots: tuple[int, bytes] = (404, b"")

    @property
    def changed(self) -> threading.Condition:
        """A condition on ``lock``, notified when the number of requests in flight grows."""
        return self._changed

    def __post_init__(self) -> None:
        self._changed = threading.Condition(self.lock)

    def hits(self, path: str) -> int:
        """How many requests asked for ``path``."""
        with self.lock:
            return sum(1 for a in self.arrivals if a.path == path)

    def done(self, path: str) -> threading.Event:
        """Set when the handler of ``path`` has stopped writing."""
        with self.lock:
            return self.finished.setdefault(path, threading.Event())


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.record = Record()
        self.stop = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    """Answers by path; every path is one fault."""

    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Record the request, then inject the fault its path names."""
        record = self.server.record
        path = urlsplit(self.path).path
        with record.lock:
            arrival = Arrival(path, dict(self.headers.items()), time.monotonic(), self.path)
            record.arrivals.append(arrival)
            hits = sum(1 for a in record.arrivals if a.path == path)
        parts = path.strip("/").split("/")
        route = getattr(self, "_" + parts[0].replace("-", "_").replace(".", "_"), None)
        if route is None:
            self._send(404, b"no such fault", "text/plain")
            return
        try:
            route(hits, *parts[1:])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, which is what many faults are for
        finally:
            record.done(path).set()

    # -- plain answers ---------------------------------------------------------------------

    def _page(self, hits: int) -> None:
        self._send(200, PAGE, "text/html; charset=utf-8")

    def _ua(self, hits: int) -> None:
        self._send(200, self.headers.get("User-Agent", "").encode(), "text/plain")

    def _target(self, hits: int, *rest: str) -> None:
        self._send(200, self.path.encode(), "text/plain")

    def _twice(self, hits: int) -> None:
        self.send_response(200)
        for name, value in [("Content-Type", "text/html"), ("X-Twice", "one"), ("X-Twice", "two")]:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def _mislabelled(self, hits: int) -> None:
        self._send(200, "湖南省民政厅".encode("gbk"), "text/html; charset=utf-8")

    def _typed(self, hits: int, *media: str) -> None:
        self._send(200, b"%PDF-1.4 or PNG bytes", "/".join(media))

    def _status(self, hits: int, code: str) -> None:
        self._send(int(code), f"status {code}".encode(), "text/html")

    def _flaky(self, hits: int, code: str, failures: str) -> None:
        if hits <= int(failures):
            self._send(int(code), b"try again", "text/html")
        else:
            self._page(hits)

    def _busy(self, hits: int, retry_after: str) -> None:
        if hits == 1:
            self._send(429, b"slow down", "text/plain", {"Retry-After": retry_after})
        else:
            self._page(hits)

    def _hold(self, hits: int, together: str = "1") -> None:
        # Wait (up to 5 s) until ``together`` requests are in flight, so reaching a limit does
        # not depend on timing; then linger so requests beyond the limit would overlap too.
        record = self.server.record
        with record.changed:
            record.in_flight += 1
            record.max_in_flight = max(record.max_in_flight, record.in_flight)
            record.changed.notify_all()
            record.changed.wait_for(lambda: record.in_flight >= int(together), timeout=5)
        self.server.stop.wait(0.1)
        with record.changed:
            record.in_flight -= 1
        self._page(hits)

    def _cond(self, hits: int) -> None:
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        if (
            self.headers.get("If-None-Match") == ETAG
            or self.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        self._send(200, PAGE, "text/html; charset=utf-8", validators)

    def _robots_txt(self, hits: int) -> None:
        status, body = self.server.record.robots
        self._send(status, body, "text/plain")

    # -- redirects ---------------------------------------------------------------------------

    def _moved(self, hits: int) -> None:
        self._redirect("/page")

    def _loop(self, hits: int) -> None:
        self._redirect("/loop")

    def _ping(self, hits: int) -> None:
        self._redirect("/pong")

    def _pong(self, hits: int) -> None:
        self._redirect("/ping")

    def _chain(self, hits: int, left: str) -> None:
        if int(left) == 0:
            self._page(hits)
        else:
            self._redirect(f"/chain/{int(left) - 1}")

    def _to(self, hits: int, scheme: str) -> None:
        self._redirect(REDIRECT_TARGETS[scheme])

    # -- broken transfers ------------------------------------------------------------------

    def _reset(self, hits: int) -> None:
        self._head(200, "text/html", {"Content-Length": "1000"})
        self.wfile.write(PAGE[:40])
        self.wfile.flush()
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()
        self.connection.close()

    def _short(self, hits: int) -> None:
        self._head(200, "text/html", {"Content-Length": "1000"})
        self.wfile.write(PAGE[:10])
        self.close_connection = True

    def _trickle(self, hits: int, interval: str = "1") -> None:
        self._head(200, "text/html", {"Content-Length": "100"})
        for byte in b"x" * 100:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            if self.server.stop.wait(float(interval)):
                return

    def _dribble(self, hits: int) -> None:
        head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n" + b"X-Padding: 0\r\n" * 20
        for byte in head:
            self.wfile.write(bytes([byte]))
            if self.server.stop.wait(0.05):
                return

    def _hangup(self, hits: int) -> None:
        self.close_connection = True  # closes without a word

    def _half_head(self, hits: int) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        self.close_connection = True  # before the blank line that ends the headers

    def _silent(self, hits: int) -> None:
        self.server.stop.wait(30)

    def _huge(self, hits: int, declared: str) -> None:
        extra = {"Content-Length": str(HUGE_BYTES)} if declared == "declared" else {}
        self._head(200, "text/html", extra)  # without a length: the body ends at close
        sent = 0
        try:
            while sent < HUGE_BYTES and not self.server.stop.is_set():
                self.wfile.write(CHUNK)
                sent += len(CHUNK)
        finally:
            with self.server.record.lock:
                self.server.record.sent[self.path] = sent

    def _encoded(self, hits: int, how: str) -> None:
        packers = {
            "gzip": ("gzip", 16 + zlib.MAX_WBITS),
            "deflate": ("deflate", zlib.MAX_WBITS),  # zlib-wrapped, as the standard says
            "raw-deflate": ("deflate", -zlib.MAX_WBITS),  # what some servers send instead
        }
        if how in packers:
            encoding, bits = packers[how]
            packer = zlib.compressobj(6, zlib.DEFLATED, bits)
            body = packer.compress(PAGE * 50) + packer.flush()
        elif how == "damaged":
            encoding, body = "gzip", b"\x1f\x8b\x08\x00not really gzip at all"
        elif how == "cut":
            encoding, body = "gzip", zlib.compress(PAGE * 50, wbits=16 + zlib.MAX_WBITS)[:60]
        else:
            encoding, body = how, PAGE  # an encoding the client never asked for
        self._send(200, body, "text/html", {"Content-Encoding": encoding})

    def _bomb(self, hits: int) -> None:
        body = gzip_bomb()
        self._send(200, body, "text/html", {"Content-Encoding": "gzip"})

    # -- helpers -----------------------------------------------------------------------------

    def _head(self, status: int, content_type: str, extra: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()

    def _send(
        self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None
    ) -> None:
        self._head(status, content_type, {"Content-Length": str(len(body)), **(extra or {})})
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._head(302, "text/html", {"Location": location, "Content-Length": "0"})


class FaultServer:
    """The server running in a thread: ``url(path)``, ``record`` of what it saw."""

    def __init__(self) -> None:
        gzip_bomb()  # built once, before any client's read timeout starts ticking
        self._server = _Server()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.record = self._server.record

    def url(self, path: str) -> str:
        """The absolute address of ``path`` on this server."""
        return self.base_url + path

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop.set()  # releases silent, trickling and holding handlers
        self._server.shutdown()
        self._server.server_close()

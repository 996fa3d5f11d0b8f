"""A small scripted HTTP server on 127.0.0.1 for the fetcher's tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class _Handler(BaseHTTPRequestHandler):
    """Answers by path: each path is one behaviour the fetcher must handle."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Serve the behaviour named by the path."""
        if self.path == "/ok":
            self._send(200, "你好".encode("gb18030"), "text/html; charset=gbk")
        elif self.path == "/ua":
            self._send(200, self.headers.get("User-Agent", "").encode(), "text/plain")
        elif self.path == "/missing":
            self._send(404, b"not here", "text/html")
        elif self.path == "/big":
            self._send(200, b"x" * 5000, "text/html")
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"3E8\r\n" + b"y" * 1000 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/moved":
            self._redirect("/ok")
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/to-file":
            self._redirect("file:///etc/passwd")
        else:
            self._send(500, b"unknown test path", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def scripted_server() -> Iterator[str]:
    """Base URL of a server whose paths each script one behaviour."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()

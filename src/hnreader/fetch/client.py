"""One shared HTTP client for the whole process.

A new client per request throws away connection pooling and TLS sessions, so every part of
hnreader fetches through a single :class:`Fetcher`. It streams bodies with a size cap, accepts
only http and https, and turns every transport failure into a :class:`FetchError` whose message
a person can read.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import httpx

from hnreader import __version__
from hnreader.models import Page

USER_AGENT = f"hnreader/{__version__} (terminal reader; +https://pypi.org/project/hnreader/)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 10


class FetchError(Exception):
    """A page could not be fetched; the message says why in plain words."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.status = status


class Fetcher:
    """Fetches pages over one pooled :class:`httpx.AsyncClient`.

    Use it as an async context manager, or call :meth:`aclose` when done.
    """

    def __init__(
        self,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 20.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        per_host_connections: int = 4,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            limits=httpx.Limits(
                max_connections=per_host_connections * 4,
                max_keepalive_connections=per_host_connections,
            ),
            transport=transport,
            trust_env=True,
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._client.aclose()

    async def fetch(self, url: str) -> Page:
        """Fetch ``url`` and return its bytes; raise :class:`FetchError` on any failure."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(url, f"only http and https addresses can be fetched, not {scheme!r}")
        try:
            async with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(
                        url,
                        f"the server answered {response.status_code} {response.reason_phrase}",
                        response.status_code,
                    )
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(url, f"the page is larger than {self.max_bytes} bytes")
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(url, f"the page is larger than {self.max_bytes} bytes")
                    chunks.append(chunk)
                return Page(
                    url=str(response.url),
                    content=b"".join(chunks),
                    content_type=response.headers.get("Content-Type"),
                    status=response.status_code,
                    headers=dict(response.headers),
                )
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, "too many redirects") from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(url, "redirected to an address that is not http or https") from exc
        except httpx.ConnectError as exc:
            raise FetchError(url, "could not connect to the server") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, "the server took too long to answer") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"the transfer failed ({type(exc).__name__})") from exc

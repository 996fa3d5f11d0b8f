"""One shared HTTP client for the whole process, on aiohttp.

A new client per request throws away connection pooling and TLS sessions, so every part of
hnreader fetches through a single :class:`Fetcher`. It accepts only http and https (also for
every redirect), limits concurrency and request rate per host, retries what can succeed on a
second try, streams bodies with a size cap that holds after decompression, and turns every
failure into a :class:`FetchError` whose message a person can read. Bytes are never decoded
here: that is the extraction engine's job.

aiohttp rather than httpx: a sync spends most of its CPU in the HTTP client, and aiohttp
(C parser, no anyio layer) needs about a fifth of httpx's CPU per page.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import urljoin

import aiohttp
from yarl import URL

from hnreader import __version__
from hnreader.config import NetworkConfig, SiteConfig
from hnreader.fetch.body import read_body, too_large
from hnreader.fetch.errors import AttemptFailed, FetchError, describe_transport_error
from hnreader.fetch.limits import HostLimits
from hnreader.fetch.proxies import EnvironmentProxies
from hnreader.fetch.retry import Backoff, retry_after_seconds
from hnreader.fetch.sessions import Sessions
from hnreader.fetch.urls import (
    host_of,
    is_loopback,
    is_page_type,
    require_fetchable,
)
from hnreader.models import Page

log = logging.getLogger(__name__)

USER_AGENT = f"hnreader/{__version__} (terminal reader; +https://pypi.org/project/hnreader/)"
DEFAULT_MAX_BYTES = NetworkConfig().max_bytes
DEFAULT_MAX_REDIRECTS = NetworkConfig().max_redirects
REDIRECTS = (301, 302, 303, 307, 308)
ACCEPT = {"page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", "asset": "*/*", "any": "*/*"}

FetchKind = Literal["page", "asset", "any"]


class _Redirect:
    """A redirect answer: the fetcher checks and follows each hop itself."""

    def __init__(self, location: str) -> None:
        self.location = location


class Fetcher:
    """Fetches pages over one pooled :class:`aiohttp.ClientSession`.

    Settings come from ``network`` (:class:`~hnreader.config.NetworkConfig`); ``sites`` give
    per-host overrides, matched by the host name of :attr:`SiteConfig.url` (the first site of a
    host wins): ``rate_limit`` and ``verify_tls``. Turning TLS verification off for a host is
    logged once as a warning and kept in :attr:`warnings`. The keyword arguments
    ``connect_timeout`` … ``per_host_connections`` override single ``network`` fields.
    ``backoff_base`` is the bound of the first retry's random wait (it doubles each time);
    ``max_retry_after`` caps the wait a ``Retry-After`` answer can impose. A body arriving
    slower than ``min_speed`` bytes/s over ``network.read_timeout`` seconds is abandoned (a
    read timeout alone never notices a server trickling one byte a second); 0 turns it off.

    The default rate limit (``network.rate_limit``) does not apply to loopback hosts
    (``localhost``, 127.0.0.0/8, ::1) unless ``limit_loopback`` is true: it exists to be polite
    to remote sites, and the demo server and local mirrors need no protection. A site's own
    ``rate_limit`` applies to every host, loopback included.

    Proxies come from the standard environment variables, read when the fetcher is made:
    ``HTTP_PROXY`` for http addresses, ``HTTPS_PROXY`` for https ones (tunnelled with
    CONNECT), ``ALL_PROXY`` for either when its own is unset, ``NO_PROXY`` for hosts to reach
    directly. Only ``http://`` proxies work: a SOCKS or ``https://`` proxy makes every fetch
    through it fail with a message saying so. CA certificates come from ``SSL_CERT_FILE`` /
    ``SSL_CERT_DIR`` when set, else certifi's bundle (if installed), else the system's store.

    Retries count attempts; within one attempt aiohttp itself resends a request once, at once,
    when the connection closes before any answer (a kept-alive connection the server closed
    just as it was reused), as RFC 9112 allows for GET.

    Nothing network-related is made until the first fetch, inside the running event loop.
    Use it as an async context manager, or call :meth:`aclose` when done, from one event loop;
    a closed fetcher refuses to fetch (RuntimeError).
    """

    def __init__(
        self,
        network: NetworkConfig | None = None,
        *,
        sites: Sequence[SiteConfig] = (),
        backoff_base: float = 0.5,
        limit_loopback: bool = False,
        max_retry_after: float = 60.0,
        min_speed: float = 1024.0,
        connect_timeout: float | None = None,
        read_timeout: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
        per_host_connections: int | None = None,
    ) -> None:
        overrides: dict[str, Any] = {
            "connect_timeout": connect_timeout,
            "read_timeout": read_timeout,
            "max_bytes": max_bytes,
            "max_redirects": max_redirects,
            "per_host_concurrency": per_host_connections,
        }
        self.network = replace(
            network or NetworkConfig(), **{k: v for k, v in overrides.items() if v is not None}
        )
        self.max_bytes = self.network.max_bytes
        self.limit_loopback = limit_loopback
        self.min_speed = min_speed
        self.warnings: list[str] = []
        self.backoff = Backoff(base=backoff_base, max_retry_after=max_retry_after)
        self._sites: dict[str, SiteConfig] = {}
        for site in sites:
            self._sites.setdefault(host_of(site.url), site)
        self._limits = HostLimits(self.network.per_host_concurrency, self._rate_for)
        self._proxies = EnvironmentProxies.read()
        self._sessions = Sessions(
            self.network, {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        )

    def _rate_for(self, host: str) -> float:
        site = self._sites.get(host)
        if site is not None and site.rate_limit is not None:
            return site.rate_limit
        if is_loopback(host) and not self.limit_loopback:
            return 0.0  # politeness protects remote servers; this machine's own need none
        return self.network.rate_limit

    def note_warning(self, message: str) -> None:
        """Log ``message`` as a warning and keep it in :attr:`warnings`, once."""
        if message not in self.warnings:
            log.warning("%s", message)
            self.warnings.append(message)

    def _verify_tls(self, host: str) -> bool:
        site = self._sites.get(host)
        if site is None or site.verify_tls:
            return True
        self.note_warning(
            f"TLS certificates of {host} are not verified (verify_tls = false for {site.name})"
        )
        return False

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
        """Close the pooled connections; closing twice is harmless."""
        await self._sessions.close()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: FetchKind = "any",
    ) -> Page:
        """Fetch ``url`` and return its bytes; raise :class:`FetchError` on any failure.

        ``etag`` / ``last_modified`` make the request conditional: an unchanged resource comes
        back as ``Page(status=304, content=b"")`` (:attr:`Page.not_modified`). ``kind="page"``
        refuses anything but HTML, XML or plain text before downloading the body (a PDF or an
        image behind a page link); ``"asset"`` and ``"any"`` accept every content type.
        """
        sent = require_fetchable(url, url)
        headers = {"Accept": ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain = [url]
        while True:
            outcome = await self._with_retries(chain[-1], sent, url, headers, kind)
            if isinstance(outcome, Page):
                return outcome
            target = urljoin(chain[-1], outcome.location.strip())
            sent = require_fetchable(target, url)
            if target in chain:
                raise FetchError(url, f"redirect loop ({' → '.join([*chain, target])[:400]})")
            if len(chain) > self.network.max_redirects:
                raise FetchError(
                    url, f"too many redirects (more than {self.network.max_redirects})"
                )
            chain.append(target)

    async def _with_retries(
        self, url: str, sent: str, asked: str, headers: dict[str, str], kind: FetchKind
    ) -> Page | _Redirect:
        attempts = 1 + max(0, self.network.retries)
        for attempt in range(1, attempts + 1):
            try:
                return await self._attempt(url, sent, headers, kind)
            except AttemptFailed as failure:
                if not failure.retryable or attempt == attempts:
                    raise failure.final(asked, attempt) from failure
                wait = self.backoff.delay(attempt - 1, failure.retry_after)
                log.info("retrying %s in %.2f s: %s", url, wait, failure.reason)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _attempt(
        self, url: str, sent: str, headers: dict[str, str], kind: FetchKind
    ) -> Page | _Redirect:
        """One request for ``url``, sent as ``sent`` (:func:`~.urls.request_url`)."""
        host = host_of(url)
        session = self._sessions.get(self._verify_tls(host))
        net = self.network
        async with self._limits.turn(host):
            # Read timeouts end silence; this ends a server dribbling its headers out.
            head_deadline = net.connect_timeout + 2 * net.read_timeout
            try:
                scheme = sent.partition(":")[0]
                proxy = self._proxies.for_url(scheme, host)
                if proxy is not None:
                    headers = proxy.request_headers(scheme, headers)
                async with asyncio.timeout(head_deadline):
                    response = await session.get(
                        URL(sent, encoded=True),  # as spelled: see urls.request_url
                        headers=headers,
                        allow_redirects=False,  # followed by hand: every hop checked, limited
                        proxy=proxy.url if proxy else None,
                        proxy_headers=proxy.headers if proxy else None,
                    )
            # ClientError before TimeoutError: aiohttp's own timeouts are both. ValueError: a
            # header aiohttp refuses to send (a control character in a stored ETag …).
            except (aiohttp.ClientError, ValueError) as exc:
                raise describe_transport_error(
                    exc, url, net.connect_timeout, net.read_timeout
                ) from exc
            except TimeoutError as exc:
                raise AttemptFailed(
                    f"the server took more than {head_deadline:g} s to send its headers",
                    network=True,
                    retryable=True,
                ) from exc
            try:
                outcome = await self._answer(response, sent, kind)
            except aiohttp.ClientError as exc:
                response.close()
                raise describe_transport_error(
                    exc, url, net.connect_timeout, net.read_timeout
                ) from exc
            except BaseException:
                response.close()  # the rest of the body is not wanted: drop the connection
                raise
            response.release()  # back to the pool when the body was read to its end
            return outcome

    async def _answer(
        self, response: aiohttp.ClientResponse, url: str, kind: FetchKind
    ) -> Page | _Redirect:
        status = response.status
        if status in REDIRECTS and "Location" in response.headers:
            return _Redirect(response.headers["Location"])
        reason = response.reason or ""
        if status == 429 or status >= 500:
            what = "too many requests" if status == 429 else "server error"
            raise AttemptFailed(
                f"{what} {status} {reason}".rstrip(),
                status,
                retryable=True,
                retry_after=retry_after_seconds(response.headers.get("Retry-After")),
            )
        if status >= 400 or (300 <= status < 400 and status != 304):
            raise AttemptFailed(f"the server answered {status} {reason}", status)
        headers: dict[str, str] = {}
        for name, value in response.headers.items():
            key = name.lower()  # repeated headers are joined, as HTTP allows
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        content_type = headers.get("content-type")
        if status == 304:
            return Page(url, b"", content_type, 304, headers)
        if kind == "page" and not is_page_type(content_type):
            raise AttemptFailed(f"not a web page: the server sent {content_type}", status)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.network.max_bytes:
            raise too_large(self.network.max_bytes)
        net = self.network
        content = await read_body(response, net.max_bytes, self.min_speed, net.read_timeout)
        return Page(url, content, content_type, status, headers)

"""One shared HTTP client for the whole process.

A new client per request throws away connection pooling and TLS sessions, so every part of
hnreader fetches through a single :class:`Fetcher`. It accepts only http and https (also for
every redirect), limits concurrency and request rate per host, retries what can succeed on a
second try, streams bodies with a size cap that holds after decompression, and turns every
failure into a :class:`FetchError` whose message a person can read. Bytes are never decoded
here: that is the extraction engine's job.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import ssl
from collections.abc import Sequence
from dataclasses import replace
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import urljoin

import httpx

from hnreader import __version__
from hnreader.config import NetworkConfig, SiteConfig
from hnreader.fetch.body import read_body, too_large
from hnreader.fetch.errors import AttemptFailed, FetchError, describe_transport_error
from hnreader.fetch.limits import HostLimits
from hnreader.fetch.retry import Backoff, retry_after_seconds
from hnreader.fetch.urls import host_of, is_loopback, is_page_type, require_fetchable
from hnreader.models import Page

log = logging.getLogger(__name__)

USER_AGENT = f"hnreader/{__version__} (terminal reader; +https://pypi.org/project/hnreader/)"
DEFAULT_MAX_BYTES = NetworkConfig().max_bytes
DEFAULT_MAX_REDIRECTS = NetworkConfig().max_redirects
REDIRECTS = (301, 302, 303, 307, 308)
ACCEPT = {"page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", "asset": "*/*", "any": "*/*"}

FetchKind = Literal["page", "asset", "any"]


class _Redirect(Exception):
    """A redirect answer, raised from a response hook before httpx resolves its Location.

    httpx parses the Location of every redirect even when not following it, and fails on
    ``javascript:`` and the like with a message about URL syntax; stopping here lets the
    fetcher check each hop itself and say what it refused.
    """

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


async def _stop_at_redirect(response: httpx.Response) -> None:
    if response.status_code in REDIRECTS and "Location" in response.headers:
        raise _Redirect(response.headers["Location"])


@functools.cache
def _tls_context(verify: bool) -> ssl.SSLContext:
    """Built once per process: loading the CA bundle costs about 0.2 s per client otherwise."""
    return httpx.create_ssl_context(verify=verify, trust_env=True)


class Fetcher:
    """Fetches pages over one pooled :class:`httpx.AsyncClient`.

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

    Proxies come from the standard environment variables (``HTTPS_PROXY``, ``HTTP_PROXY``,
    ``ALL_PROXY``, ``NO_PROXY``) and CA certificates from ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``:
    httpx's ``trust_env`` is on.

    Use it as an async context manager, or call :meth:`aclose` when done, from one event loop.
    """

    def __init__(
        self,
        network: NetworkConfig | None = None,
        *,
        sites: Sequence[SiteConfig] = (),
        transport: httpx.AsyncBaseTransport | None = None,
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
        self._transport = transport
        self._client = self._new_client(verify=True)
        self._insecure_client: httpx.AsyncClient | None = None

    def _new_client(self, *, verify: bool) -> httpx.AsyncClient:
        net = self.network
        return httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            # No pool timeout: the per-host slots already bound how many requests wait.
            timeout=httpx.Timeout(net.read_timeout, connect=net.connect_timeout, pool=None),
            follow_redirects=False,  # followed by hand, so every hop is checked and limited
            event_hooks={"response": [_stop_at_redirect]},
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=32),
            transport=self._transport,
            trust_env=True,
            verify=_tls_context(verify),
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

    def _client_for(self, host: str) -> httpx.AsyncClient:
        site = self._sites.get(host)
        if site is None or site.verify_tls:
            return self._client
        self.note_warning(
            f"TLS certificates of {host} are not verified (verify_tls = false for {site.name})"
        )
        if self._insecure_client is None:
            self._insecure_client = self._new_client(verify=False)
        return self._insecure_client

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
        if self._insecure_client is not None:
            await self._insecure_client.aclose()

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
        require_fetchable(url, url)
        headers = {"Accept": ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain = [url]
        while True:
            outcome = await self._with_retries(chain[-1], url, headers, kind)
            if isinstance(outcome, Page):
                return outcome
            target = urljoin(chain[-1], outcome.location.strip())
            require_fetchable(target, url)
            if target in chain:
                raise FetchError(url, f"redirect loop ({' → '.join([*chain, target])[:400]})")
            if len(chain) > self.network.max_redirects:
                raise FetchError(
                    url, f"too many redirects (more than {self.network.max_redirects})"
                )
            chain.append(target)

    async def _with_retries(
        self, url: str, asked: str, headers: dict[str, str], kind: FetchKind
    ) -> Page | _Redirect:
        attempts = 1 + max(0, self.network.retries)
        for attempt in range(1, attempts + 1):
            try:
                return await self._attempt(url, headers, kind)
            except AttemptFailed as failure:
                if not failure.retryable or attempt == attempts:
                    raise failure.final(asked, attempt) from failure
                wait = self.backoff.delay(attempt - 1, failure.retry_after)
                log.info("retrying %s in %.2f s: %s", url, wait, failure.reason)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _attempt(
        self, url: str, headers: dict[str, str], kind: FetchKind
    ) -> Page | _Redirect:
        host = host_of(url)
        client = self._client_for(host)
        net = self.network
        async with self._limits.turn(host):
            # Read timeouts end silence; this ends a server dribbling its headers out.
            head_deadline = net.connect_timeout + 2 * net.read_timeout
            try:
                async with asyncio.timeout(head_deadline):
                    response = await client.send(
                        client.build_request("GET", url, headers=headers), stream=True
                    )
            except _Redirect as redirect:
                return redirect
            except TimeoutError as exc:
                raise AttemptFailed(
                    f"the server took more than {head_deadline:g} s to send its headers",
                    network=True,
                    retryable=True,
                ) from exc
            except httpx.HTTPError as exc:
                raise describe_transport_error(
                    exc, url, net.connect_timeout, net.read_timeout
                ) from exc
            try:
                return await self._answer(response, kind)
            except httpx.HTTPError as exc:
                raise describe_transport_error(
                    exc, url, net.connect_timeout, net.read_timeout
                ) from exc
            finally:
                await response.aclose()

    async def _answer(self, response: httpx.Response, kind: FetchKind) -> Page:
        status = response.status_code
        if status == 429 or status >= 500:
            what = "too many requests" if status == 429 else "server error"
            raise AttemptFailed(
                f"{what} {status} {response.reason_phrase}".rstrip(),
                status,
                retryable=True,
                retry_after=retry_after_seconds(response.headers.get("Retry-After")),
            )
        if status >= 400 or (300 <= status < 400 and status != 304):
            raise AttemptFailed(f"the server answered {status} {response.reason_phrase}", status)
        content_type = response.headers.get("Content-Type")
        headers = {name.lower(): value for name, value in response.headers.items()}
        if status == 304:
            return Page(str(response.url), b"", content_type, 304, headers)
        if kind == "page" and not is_page_type(content_type):
            raise AttemptFailed(f"not a web page: the server sent {content_type}", status)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.network.max_bytes:
            raise too_large(self.network.max_bytes)
        net = self.network
        content = await read_body(response, net.max_bytes, self.min_speed, net.read_timeout)
        return Page(str(response.url), content, content_type, status, headers)

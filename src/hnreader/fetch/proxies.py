"""Proxies from the environment: ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``.

Read once per fetcher and answered per host from a cache. aiohttp can read them itself
(``trust_env``), but it then re-reads the environment and ``~/.netrc`` in a worker thread for
every request, which nearly triples its CPU time per page. Only ``http://`` proxies can be
used (aiohttp tunnels https through them with CONNECT); a SOCKS or ``https://`` proxy is
refused with a message rather than silently bypassed.
"""

from __future__ import annotations

import base64
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from hnreader.fetch.errors import AttemptFailed


@dataclass(frozen=True)
class Proxy:
    """Where to send a request instead of its host, and the credentials it wants."""

    url: str  # without credentials
    headers: dict[str, str] | None  # Proxy-Authorization, when the proxy URL carried a user

    def request_headers(self, scheme: str, headers: dict[str, str]) -> dict[str, str]:
        """``headers`` for a request over ``scheme`` through this proxy.

        A plain-http request goes to the proxy itself, so it carries the credentials (aiohttp
        sends ``proxy_headers`` only with the CONNECT that tunnels https).
        """
        return {**headers, **self.headers} if self.headers and scheme == "http" else headers


@dataclass
class EnvironmentProxies:
    """The proxy settings of the environment at construction time."""

    by_scheme: dict[str, str] = field(default_factory=dict)  # "http"/"https" → proxy URL
    no_proxy: str = ""
    _cache: dict[tuple[str, str], Proxy | None] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls) -> EnvironmentProxies:
        """The settings as ``urllib`` reads them (either case of each name, CGI-safe)."""
        found = urllib.request.getproxies_environment()
        fallback = found.get("all", "")
        by_scheme = {s: found.get(s) or fallback for s in ("http", "https")}
        return cls({s: url for s, url in by_scheme.items() if url}, found.get("no", ""))

    def for_url(self, scheme: str, host: str) -> Proxy | None:
        """The proxy for a request to ``host`` over ``scheme``, or None to go direct."""
        key = (scheme, host)
        if key not in self._cache:
            self._cache[key] = self._choose(scheme, host)
        return self._cache[key]

    def _choose(self, scheme: str, host: str) -> Proxy | None:
        address = self.by_scheme.get(scheme)
        if not address:
            return None
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # untyped
        if self.no_proxy and bypass(host, {"no": self.no_proxy}):
            return None
        parts = urlsplit(address if "://" in address else f"http://{address}")
        if parts.scheme.lower() != "http":
            raise AttemptFailed(
                f"the proxy {parts.scheme}://{parts.hostname} set in the environment is not"
                " supported: hnreader can use http:// proxies only"
            )
        host_port = parts.netloc.rpartition("@")[2]
        headers = None
        if parts.username is not None:
            user = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            token = base64.b64encode(user.encode()).decode("ascii")
            headers = {"Proxy-Authorization": f"Basic {token}"}
        return Proxy(f"http://{host_port}", headers)

"""The fetcher's aiohttp sessions: one per TLS mode, made on first use in the running loop.

aiohttp sessions belong to the event loop they are made in, and fetchers are sometimes built
before any loop runs (the app builds its session, then Textual starts the loop), so nothing
network-related exists until the first request. One :class:`aiohttp.ClientSession` (and its
connection pool) serves every verified host; hosts with ``verify_tls = false`` share a second.
"""

from __future__ import annotations

import asyncio
import functools
import os
import ssl

import aiohttp

from hnreader.config import NetworkConfig


@functools.cache
def tls_context(verify: bool) -> ssl.SSLContext:
    """Built once per process and mode: loading a CA bundle costs about 0.2 s each time.

    CA certificates come from ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` when set, else from
    certifi's bundle when it is installed, else from the system's store.
    """
    if not verify:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    try:
        import certifi
    except ImportError:
        return ssl.create_default_context()
    return ssl.create_default_context(cafile=certifi.where())


def new_session(
    network: NetworkConfig, headers: dict[str, str], verify: bool
) -> aiohttp.ClientSession:
    """A session with hnreader's timeouts and no decompression (see :mod:`.body`)."""
    connector = aiohttp.TCPConnector(
        limit=0,  # no global cap: the per-host slots (limits.py) decide what runs
        ssl=tls_context(verify),
    )
    timeout = aiohttp.ClientTimeout(
        total=None,  # a long download is fine while it moves: the speed floor judges it
        connect=network.connect_timeout,  # DNS, TCP and TLS together, as the setting says
        sock_connect=network.connect_timeout,
        sock_read=network.read_timeout,  # silence between two reads, headers included
    )
    return aiohttp.ClientSession(
        connector=connector,
        headers=headers,
        timeout=timeout,
        auto_decompress=False,
        # Proxies are looked up once (proxies.py): trust_env re-reads the environment and
        # ~/.netrc in a thread for every request.
        trust_env=False,
        cookie_jar=aiohttp.CookieJar(unsafe=True),  # keep cookies of hosts named by IP too
    )


class Sessions:
    """The verified and the unverified session, each made when first needed."""

    def __init__(self, network: NetworkConfig, headers: dict[str, str]) -> None:
        self._network = network
        self._headers = headers
        self._made: dict[bool, aiohttp.ClientSession] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self.closed = False

    def get(self, verify: bool) -> aiohttp.ClientSession:
        """The session for ``verify``; raises RuntimeError after :meth:`close` or off-loop."""
        if self.closed:
            raise RuntimeError("this Fetcher was closed (aclose); make a new one to fetch again")
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise RuntimeError("a Fetcher must be used from the event loop it first fetched in")
        session = self._made.get(verify)
        if session is None:
            session = self._made[verify] = new_session(self._network, self._headers, verify)
        return session

    async def close(self) -> None:
        """Close what was made; closing again does nothing."""
        self.closed = True
        made, self._made = self._made, {}
        for session in made.values():
            await session.close()

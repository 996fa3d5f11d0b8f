"""Fetch failures: the public :class:`FetchError` and how transport failures are described.

Every failure is turned into one sentence a person can act on ("connection refused by
127.0.0.1:8080", "the response is larger than 20 MB"). :attr:`FetchError.is_network` separates
failures to *reach* a server (the offline store is the right answer) from answers the server
gave (a 404 stays a 404 when read from the store too).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from urllib.parse import urlsplit


class FetchError(Exception):
    """A page could not be fetched; the message says why in plain words.

    ``url`` is the address that was asked for, ``reason`` the plain-words cause, ``status`` the
    HTTP status when the server answered, ``attempts`` how many requests were made.
    """

    def __init__(
        self,
        url: str,
        reason: str,
        status: int | None = None,
        *,
        network: bool = False,
        attempts: int = 1,
    ) -> None:
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.status = status
        self.attempts = attempts
        self._network = network

    @property
    def is_network(self) -> bool:
        """True when the server could not be reached or the connection broke.

        Connect errors, DNS failures, timeouts and connections cut mid-transfer are network
        failures: a stored copy is a good substitute. HTTP error answers, refused content and
        size limits are not.
        """
        return self._network


@dataclass
class AttemptFailed(Exception):
    """One request failed; the fetcher decides whether to try again."""

    reason: str
    status: int | None = None
    network: bool = False
    retryable: bool = False
    retry_after: float | None = None  # seconds the server asked us to wait

    def __str__(self) -> str:
        return self.reason

    def final(self, url: str, attempts: int) -> FetchError:
        """The :class:`FetchError` reported after ``attempts`` requests ended with this one."""
        reason = self.reason
        if attempts > 1:
            reason = f"{reason} (gave up after {attempts} attempts)"
        return FetchError(url, reason, self.status, network=self.network, attempts=attempts)


def authority(url: str) -> str:
    """``host:port`` of ``url``, the way a person names a server."""
    parts = urlsplit(url)
    host = parts.hostname or "?"
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    return f"{host}:{port}"


def describe_transport_error(
    exc: Exception, url: str, connect_timeout: float, read_timeout: float
) -> AttemptFailed:
    """What went wrong below HTTP (an aiohttp error), in words, and whether a retry can help."""
    # Imported here: FetchError (above) is raised far from the network (the sync's
    # extraction process), where importing aiohttp would only cost start-up time.
    import aiohttp

    where = authority(url)
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return _network(f"could not connect: {where} did not answer within {connect_timeout:g} s")
    if isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        return _network(f"the proxy failed ({exc})")
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        cause = exc.certificate_error
        detail = getattr(cause, "verify_message", None) or str(cause)
        return AttemptFailed(
            f"the TLS certificate of {where} could not be verified ({detail});"
            " if this site's certificate is known to be broken, set verify_tls = false for it"
        )
    if isinstance(exc, aiohttp.ClientConnectorError):  # its os_error says why (TLS too)
        return _connect_failure(exc.os_error, url, where)
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return _network(f"the server stopped answering (nothing received for {read_timeout:g} s)")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        # The message is a parsed, unfinished answer when the server hung up mid-headers.
        detail = exc.message if isinstance(exc.message, str) else "before its answer was complete"
        return _network(f"the server broke off the connection ({detail})")
    if isinstance(exc, aiohttp.ClientOSError):
        return _network(f"the connection to {where} was broken ({exc.strerror or exc})")
    if isinstance(exc, aiohttp.ClientResponseError):  # an answer the HTTP parser refused
        return _network(f"the server's answer could not be read ({exc.message})")
    if isinstance(exc, aiohttp.InvalidURL):
        return AttemptFailed(f"not a valid address ({exc})")
    return AttemptFailed(f"the transfer failed ({type(exc).__name__}: {exc})")


def _connect_failure(cause: OSError, url: str, where: str) -> AttemptFailed:
    """Why no connection could be made, from the operating system's error."""
    import socket  # here, as aiohttp above: keeps ``import hnreader.fetch`` light
    import ssl

    if isinstance(cause, ssl.SSLError):
        return _network(f"could not connect: the TLS handshake with {where} failed ({cause})")
    if isinstance(cause, ConnectionRefusedError) or cause.errno == errno.ECONNREFUSED:
        return _network(f"could not connect: connection refused by {where}")
    if isinstance(cause, socket.gaierror):
        host = urlsplit(url).hostname
        return _network(f"could not connect: no address found for {host} (DNS lookup failed)")
    return _network(f"could not connect to {where} ({cause.strerror or cause})")


def _network(reason: str) -> AttemptFailed:
    """A failure to reach the server or keep the connection: worth another try."""
    return AttemptFailed(reason, network=True, retryable=True)

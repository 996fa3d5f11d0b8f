"""Which addresses and content types the fetcher accepts."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import httpx

from hnreader.fetch.errors import FetchError

FETCHABLE_SCHEMES = ("http", "https")
#: Media types a *page* may have.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "text/plain")


def host_of(url: str) -> str:
    """The lower-case host name of ``url`` (no port): the unit of per-host limits."""
    return (urlsplit(url).hostname or "").lower()


def require_fetchable(url: str, asked: str) -> None:
    """Refuse ``javascript:``, ``file:``, ``data:``, ``ftp:`` … and malformed addresses.

    ``asked`` is the address the caller asked for (``url`` may be a redirect's target); the
    :class:`FetchError` is about it.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is the check: it raises when out of range
    except ValueError as exc:
        raise FetchError(asked, f"not a valid address ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in FETCHABLE_SCHEMES:
        if url == asked:
            raise FetchError(asked, f"only http and https addresses can be fetched, not {scheme!r}")
        raise FetchError(asked, f"redirected to an address that is not http or https ({url[:200]})")
    try:
        httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(asked, f"not a valid address ({exc})") from exc
    if not host_of(url):
        raise FetchError(asked, "not a valid address (no host name)")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_page_type(content_type: str | None) -> bool:
    """Whether a ``Content-Type`` may be a page; a missing one may (extraction sniffs)."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return not media or media in PAGE_TYPES

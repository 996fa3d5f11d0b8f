"""Which addresses and content types the fetcher accepts, and how an address is sent.

Chinese CMS sites spell their addresses in every way: raw Chinese paths, ``%2f`` in lower
case, ``%7E`` where ``~`` would do, stray ``%`` signs. :func:`request_url` sends an address as
the site spelled it: only what cannot travel in a request line (non-ASCII, spaces, control
characters, ``"<>``) is percent-encoded; existing escapes are never decoded, re-cased or
encoded twice. The host is lower-cased (and IDNA-encoded when not ASCII), a default port is
dropped and ``.``/``..`` segments are resolved, as browsers do.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from urllib.parse import SplitResult, quote, urlsplit

from hnreader.fetch.errors import FetchError

FETCHABLE_SCHEMES = ("http", "https")
#: Media types a *page* may have.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "text/plain")

DEFAULT_PORTS = {"http": 80, "https": 443}
# Every printable ASCII character but space and "<>: what may stay as written.
_KEEP = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"<>')
_HOST_NAME = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?")


def host_of(url: str) -> str:
    """The lower-case host name of ``url`` (no port): the unit of per-host limits."""
    return (urlsplit(url).hostname or "").lower()


def require_fetchable(url: str, asked: str) -> str:
    """``url`` as it is sent (:func:`request_url`); refuses ``javascript:``, ``file:`` …

    Only http and https addresses with a valid host pass. ``asked`` is the address the caller
    asked for (``url`` may be a redirect's target); the :class:`FetchError` is about it.
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
    if not host_of(url):
        raise FetchError(asked, "not a valid address (no host name)")
    try:
        return request_url(url)
    except ValueError as exc:
        raise FetchError(asked, f"not a valid address ({exc})") from exc


def request_url(url: str) -> str:
    """``url`` as it is sent and reported: escapes kept as written, nothing encoded twice.

    Raises ValueError for a host name no server can have.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    netloc = _netloc(parts, scheme)
    path = _remove_dot_segments(quote(parts.path, safe=_KEEP))
    query = "?" + quote(parts.query, safe=_KEEP) if parts.query or url.endswith("?") else ""
    fragment = "#" + quote(parts.fragment, safe=_KEEP) if parts.fragment else ""
    return f"{scheme}://{netloc}{path}{query}{fragment}"


def _netloc(parts: SplitResult, scheme: str) -> str:
    """``user:password@host:port`` with the host checked, lower-cased and ASCII."""
    host = _ascii_host(parts.hostname or "")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    port = parts.port
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    userinfo, _, _ = parts.netloc.rpartition("@")
    return f"{quote(userinfo, safe=_KEEP)}@{host}" if userinfo else host


@functools.lru_cache(maxsize=256)  # a handful of hosts, asked for again and again
def _ascii_host(host: str) -> str:
    """The host as it travels: IP addresses as they are, names in lower-case ASCII."""
    host = host.lower()
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass  # a name, checked below
    if not host.isascii():
        import idna  # a yarl dependency; loaded only for the rare non-ASCII host name

        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise ValueError(f"the host name {host!r} cannot be encoded: {exc}") from exc
    if not _HOST_NAME.fullmatch(host):
        raise ValueError(f"{host!r} is not a host name")
    return host


def _remove_dot_segments(path: str) -> str:
    """RFC 3986's ``remove_dot_segments``: ``/a/./b/../c`` → ``/a/c``."""
    if "/." not in path:  # every dot segment starts after a slash
        return path
    kept: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
            if last:
                kept.append("")
        elif segment == ".":
            if last:
                kept.append("")
        else:
            kept.append(segment)
    return "/".join(kept)


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

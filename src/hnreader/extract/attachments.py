"""Links to files (附件: PDF, DOC, XLS, ZIP …) as attachments with absolute, fetchable URLs.

Resolving a URL is the costly part and most links are to pages, so a link whose own path
already shows that it is no file is passed over without resolving it (``_not_a_file``), and
callers searching nested scopes of one tree share a memo of each link's answer.
"""

from __future__ import annotations

import posixpath
import string
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from hnreader.extract.dom import LexborNode, clean_text
from hnreader.extract.safety import join_url, safe_url
from hnreader.extract.text_rules import ATTACHMENT_TYPES
from hnreader.models import Attachment

__all__ = ["find_attachments"]

_SCHEME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "+-.")  # as urlsplit


def find_attachments(
    scope: LexborNode, base_url: str, memo: dict[int, Attachment | None] | None = None
) -> list[Attachment]:
    """Links to files (PDF, DOC, XLS, ZIP …) under ``scope``, absolute and deduplicated.

    ``memo`` (link ``mem_id`` → its attachment or None) saves the URL work when nested scopes
    of one unchanged tree are searched in turn; never share it between trees.
    """
    found: dict[str, Attachment] = {}
    for link in scope.css("a[href]"):
        if memo is None:
            attachment = _attachment_of(link, base_url)
        elif (key := link.mem_id) in memo:
            attachment = memo[key]
        else:
            attachment = memo[key] = _attachment_of(link, base_url)
        if attachment is not None and attachment.url not in found:
            found[attachment.url] = attachment
    return list(found.values())


def _attachment_of(link: LexborNode, base_url: str) -> Attachment | None:
    """The attachment a link points to, or None when it is not a link to a file."""
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith(("javascript:", "mailto:", "#")) or _not_a_file(href):
        return None
    joined = join_url(base_url, href)
    url = (safe_url(joined, base_url) if joined is not None else None) or ""
    extension = posixpath.splitext(unquote(urlsplit(url).path))[1].lower().lstrip(".")
    if not url or extension not in ATTACHMENT_TYPES:
        return None
    name = clean_text(link.text(deep=True)) or clean_text(link.attributes.get("title") or "")
    name = name or posixpath.basename(unquote(urlsplit(url).path))
    return Attachment(name=name, url=url, type=extension)


@lru_cache(maxsize=4096)  # the same menu and footer links come back on every page of a site
def _not_a_file(href: str) -> bool:
    """Whether a plain link's own path shows it is no file, without resolving it (speed).

    For printable ASCII without spaces, ``%``, backslashes or brackets (an IPv6 host, which
    ``urljoin`` may reject), resolving and cleaning the URL keeps the last segment of the
    link's own path; a path ending in ``/`` stays a directory. An empty path (the base's is
    used), or a ``.`` or ``..`` last segment decides nothing.
    """
    if not href.isascii() or not href.isprintable() or any(c in href for c in " %\\[]"):
        return False
    path = href.partition("#")[0].partition("?")[0]
    scheme, colon, rest = path.partition(":")
    if colon and scheme[:1].isalpha() and all(c in _SCHEME_CHARACTERS for c in scheme):
        path = rest
    if path.startswith("//"):
        _, slash, rest = path[2:].partition("/")
        path = slash + rest  # the path after the host
    segment = path.rpartition("/")[2]
    if segment == "" and path:
        return True  # a path ending in "/" resolves to one ending in "/": a directory
    if segment in ("", ".", ".."):
        return False
    return posixpath.splitext(segment)[1].lower().lstrip(".") not in ATTACHMENT_TYPES

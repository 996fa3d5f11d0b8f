"""Page text is hostile: only safe link targets leave an export, and Markdown text is escaped.

A page can carry ``javascript:`` links, raw HTML or Markdown syntax in its text; none of it
may act when the export is opened, so links are limited to a few schemes and text is escaped
for the format it goes into (HTML escaping is :func:`html.escape`).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

LINK_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def safe_link(url: str, *, allow_data_image: bool = False) -> str | None:
    """``url`` if it may be a link or image target in an export, else None.

    Relative addresses pass (they are relative to the original page); so do ``data:image/``
    addresses when ``allow_data_image`` is set, for images embedded from the store.
    """
    cleaned = url.strip()
    if not cleaned or any(ord(c) < 32 for c in cleaned):
        return None
    scheme = urlsplit(cleaned).scheme.lower()
    if not scheme:
        return cleaned
    if scheme in LINK_SCHEMES:
        return cleaned
    if allow_data_image and cleaned.lower().startswith("data:image/"):
        return cleaned
    return None


def markdown_text(text: str) -> str:
    """``text`` as one Markdown paragraph: special characters escaped, lines joined."""
    joined = " ".join(text.split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", joined)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def markdown_destination(url: str) -> str:
    """A Markdown link destination in ``<…>`` form, with the characters it cannot hold encoded."""
    return "<" + quote(url, safe="/:?#[]@!$&'()*+,;=%~-._") + ">"

"""Judging body elements by their markup: centred, tiny, furniture, link lists, layout tables.

Small predicates used by the body walk (``blocks``): what a block element's tag, attributes
and links say about it, decided without building its text where possible.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from hnreader.extract.dom import LexborNode
from hnreader.extract.text_rules import ATTACHMENT_TYPES

__all__ = [
    "is_centered",
    "is_furniture_box",
    "is_layout_table",
    "is_link_list",
    "is_tiny",
    "site_of",
]

_CENTERED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_FURNITURE_PREFIXES = (
    "ad-", "ad_", "advert", "guanggao", "share", "bdshare", "related", "recommend", "comment-",
    "comment_", "comments",
)  # fmt: skip
_QUICK_COUNT = 40  # elements counted by hand before a CSS query is cheaper
_MAX_ICON = 24  # pixels: share buttons, bullets and emoji, not pictures


def site_of(host: str) -> str:
    """The registrable part of a host, roughly: the last two labels (three under .gov.cn …)."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in ("gov", "com", "edu", "org", "net") else 2
    return ".".join(labels[-keep:])


def is_centered(tag: str, attrs: dict[str, str | None]) -> bool:
    """Whether a block (its tag and attributes) is centred, as captions under images are."""
    if not attrs:
        return tag == "center"
    return (
        (attrs.get("align") or "").lower() == "center"
        or bool(_CENTERED.search(attrs.get("style") or ""))
        or tag == "center"
    )


def is_tiny(attrs: dict[str, str | None]) -> bool:
    """Spacer GIFs, tracking pixels and icons declare a size of a few pixels."""
    for name in ("width", "height"):
        value = (attrs.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= _MAX_ICON:
            return True
    return False


def is_furniture_box(attrs: dict[str, str | None]) -> bool:
    """A box whose class or id (in its attributes) names it an ad, share bar, comments …"""
    if not attrs:
        return False
    for token in f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split():
        if token in ("ad", "comment") or token.startswith(_FURNITURE_PREFIXES):
            return True
        if token.endswith(("-ad", "_ad")):
            return True
    return False


def is_link_list(node: LexborNode) -> bool:
    """A list or box that is mostly links: related articles, link farms, share bars."""
    if _has_few_links(node):
        return False
    links = node.css("a")
    if len(links) < 3:
        return False
    total = len("".join(node.text(deep=True).split()))
    linked = sum(len("".join(a.text(deep=True).split())) for a in links)
    if total == 0:
        return True
    if any(_looks_like_file(a) for a in links):
        return False  # an attachment list is content
    return linked / total > 0.6


def _has_few_links(node: LexborNode) -> bool:
    """Whether a small box holds fewer than 3 links, without a CSS query (most body blocks).

    False when it holds more or is too big to count quickly (the query then decides).
    """
    links = 0
    for index, element in enumerate(node.traverse()):
        if index > _QUICK_COUNT:
            return False
        if element.tag == "a":
            links += 1
            if links >= 3:
                return False
    return True


def _looks_like_file(link: LexborNode) -> bool:
    """Whether a link points to a downloadable file."""
    try:
        path = urlsplit((link.attributes.get("href") or "").strip()).path
    except ValueError:
        return False  # no valid URL, so no file either
    return posixpath.splitext(path)[1].lower().lstrip(".") in ATTACHMENT_TYPES


def is_layout_table(node: LexborNode) -> bool:
    """Tables used for page layout hold long prose in a cell, or have a single column."""
    rows = node.css("tr")
    if not rows or max(len(tr.css("td, th")) for tr in rows) < 2:
        return True
    return any(len(cell.text(deep=True).strip()) > 150 for cell in node.css("td, th"))

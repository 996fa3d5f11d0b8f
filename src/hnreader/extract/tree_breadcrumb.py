"""The 当前位置 breadcrumb trail: where a page sits in its site's section tree.

Found by its label (当前位置, 您的位置, 您现在的位置 …) or by a class/id that names it (crumb,
position, location, weizhi …). The trail is read in document order: every link is one step
(name and URL) and text between the links is split on the separators sites use (>, ›, », →,
/, ＞), so a last step written as plain text (the current section) is kept too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from hnreader.extract.dom import clean_text, holds_link
from hnreader.extract.list_links import resolve_href

__all__ = ["Crumb", "find_breadcrumb", "is_page_word"]

_LABEL = re.compile(r"(?:您|你)?(?:现在)?(?:的)?(?:当前|所在)?(?:的)?位置\s*[:：]?")
_MARKER = re.compile(
    r"^(?:crumb|breadcrumb|bread|position|location|weizhi|wz|dqwz|curpos|current-?pos|lujing|"
    r"place|path|site-?path|nav-?path)",
)
# Every marker holds one of these (current-?pos and the others ending in pos hold "pos"). Lexbor
# finds them case-blind (ASCII) in C; Python's lower() makes ASCII only of İ (i + a combining
# dot, which ends a token) and K (k): so "weizh", as weizhİ still counts in Python.
_MARKER_PARTS = ("crumb", "bread", "pos", "location", "weizh", "wz", "lujing", "place", "path")
_MAY_MARK = ", ".join(
    f'[{attribute}*="{part}" i]' for part in _MARKER_PARTS for attribute in ("class", "id")
)
_TOKEN = re.compile(r"[^a-z0-9]+")
_SEPARATORS = re.compile(r"\s*(?:>|›|»|→|＞|/|>>|\|)\s*")
_PAGE_WORDS = frozenset(
    {"首页", "网站首页", "主页", "正文", "详情", "列表", "内容", "正文内容", "文章", "浏览", "详细"}
)


@dataclass(frozen=True, slots=True)
class Crumb:
    """One step of a breadcrumb trail."""

    name: str
    url: str | None


def is_page_word(name: str) -> bool:
    """Whether a breadcrumb step names the page kind (首页, 正文, 详情 …), not a section."""
    return name in _PAGE_WORDS


def find_breadcrumb(root: LexborNode, url: str) -> list[Crumb]:
    """The breadcrumb trail of the page, label removed; empty when the page has none."""
    for element in _candidates(root):
        trail = _read_trail(element, url)
        if trail:
            return trail
    return []


def _candidates(root: LexborNode) -> list[LexborNode]:
    """Elements that may hold the trail: smallest labelled ones first, then class/id matches."""
    labelled: list[LexborNode] = []
    for node in root.css("div, p, span, td, li, nav, section, ol, ul, h2, h3, h4"):
        raw = node.text(deep=True) or ""
        if len(raw) > 300 or "位置" not in raw:  # cheap test before cleaning the text
            continue
        whole = clean_text(raw)
        own = clean_text(node.text(deep=False) or "")
        # The label often sits in a child <span>/<strong>: then the whole text starts with it.
        if _LABEL.search(own) or (_LABEL.match(whole) and holds_link(node)):
            labelled.append(node)
    # The smallest labelled element is the trail; its ancestors hold the rest of the page too.
    enclosing: set[int] = set()
    for node in labelled:
        parent = node.parent
        while parent is not None:
            enclosing.add(parent.mem_id)
            parent = parent.parent
    labelled = [node for node in labelled if node.mem_id not in enclosing]
    return labelled + _named(root)


def _named(root: LexborNode) -> list[LexborNode]:
    """Elements whose class or id names a trail (crumb, position, weizhi …), in page order."""
    return [
        node
        for node in root.css(_MAY_MARK)  # document order, like "[class], [id]"
        if any(_MARKER.match(t) for t in _tokens(node) if t)
    ]


def _tokens(node: LexborNode) -> list[str]:
    attrs = node.attributes  # built afresh on every access: read once
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if not any(part in marker for part in _MARKER_PARTS):
        return []  # no token can start with a marker: most names are settled here
    return _TOKEN.split(marker)


def _read_trail(element: LexborNode, url: str) -> list[Crumb]:
    trail: list[Crumb] = []
    for node in element.iter(include_text=True):
        if node.tag == "a":
            name = _strip_label(clean_text(node.text(deep=True) or ""))
            if name:
                trail.append(Crumb(name, resolve_href(node.attributes.get("href"), url)))
        elif node.is_text_node or node.tag == "-text":
            trail.extend(_text_steps(node.text_content or ""))
        elif node.tag not in ("script", "style", "img"):
            trail.extend(_read_trail(node, url))
    links = sum(1 for crumb in trail if crumb.url is not None)
    return trail if links >= 1 and len(trail) >= 2 else []


def _text_steps(text: str) -> list[Crumb]:
    pieces = _SEPARATORS.split(_strip_label(clean_text(text)))
    return [Crumb(piece, None) for piece in (p.strip(" >-:：") for p in pieces) if piece]


def _strip_label(text: str) -> str:
    return _LABEL.sub("", text, count=1).strip() if _LABEL.match(text.strip()) else text

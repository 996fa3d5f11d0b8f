"""A site's name, from evidence a hacker rarely rewrites before the one they always do.

Hacked Chinese sites get their ``<title>`` replaced with gambling or invoice ads while the
page's other marks of identity stay. So the name is taken, in this order, from
``og:site_name`` / ``SiteName`` / ``application-name`` meta, the logo's ``alt`` text, the
welcome bar (``湖南社会工作欢迎您!``) and the first breadcrumb step; the ``<title>`` is used
only when none of these exist, and then only a part of it (split at ``-`` ``_`` ``|`` …) that
also appears in the page's visible text (a footer or header line). The host name is the last
resort.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hnreader.extract.dom import clean_text
from hnreader.extract.tree_breadcrumb import find_breadcrumb, is_page_word

__all__ = ["site_name"]

_META_NAMES = ("og:site_name", "sitename", "site_name", "site-name", "application-name")
_WELCOME = re.compile(r"([\w\u4e00-\u9fff（）()·]{2,24}?)\s*(?:欢迎您|欢迎你|欢迎访问|欢迎光临)")
_TITLE_SEPARATORS = re.compile(r"\s*(?:[-_|–—·:：]+|\s{2,})\s*")
_GENERIC_ALT = re.compile(r"^(?:logo|首页|图片|image|img|banner|网站标志|标志)$", re.IGNORECASE)
_MAX_NAME = 30
# What stands before 欢迎 in a header bar that is not a name: "今天是…年…月…日 星期一 欢迎访问".
_DATE_WORD = re.compile(r"^(?:(?:星期|礼拜|周)[一二三四五六日天]|.*\d+\s*[年月日].*|今天.*)$")
_HOME_PATH = re.compile(r"/?(?:index|default)?(?:\.s?html?|\.jsp|\.php|\.aspx?)?", re.IGNORECASE)


def site_name(tree: LexborHTMLParser, root: LexborNode, url: str) -> str:
    """The site's name (see the module docstring for the order of evidence)."""
    for candidate in (
        _meta_name(tree),
        _logo_alt(root),
        _welcome_name(root),
        _breadcrumb_root(root, url),
        _confirmed_title_part(tree, root),
    ):
        if candidate:
            return candidate
    return urlsplit(url).hostname or url


def _usable(name: str) -> str | None:
    name = clean_text(name)
    if _DATE_WORD.match(name):
        return None
    return name if 2 <= len(name) <= _MAX_NAME else None


def _meta_name(tree: LexborHTMLParser) -> str | None:
    for meta in tree.css("meta"):
        key = (meta.attributes.get("property") or meta.attributes.get("name") or "").lower()
        if key in _META_NAMES:
            name = _usable(meta.attributes.get("content") or "")
            if name:
                return name
    return None


def _logo_alt(root: LexborNode) -> str | None:
    """The alt (or title) of the logo image: marked ``logo`` by itself or an ancestor."""
    for image in root.css("img"):
        node: LexborNode | None = image
        for _ in range(4):
            if node is None:
                break
            marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
            if "logo" in marker.lower() or "logo" in (image.attributes.get("src") or "").lower():
                text = image.attributes.get("alt") or image.attributes.get("title") or ""
                name = _usable(text)
                if name and not _GENERIC_ALT.match(name):
                    return name
                break
            node = node.parent
    return None


def _welcome_name(root: LexborNode) -> str | None:
    for node in root.css("div, p, span, td, li"):
        raw = node.text(deep=False) or ""
        if "欢迎" in raw:
            match = _WELCOME.search(clean_text(raw))
            if match:
                return _usable(match.group(1))
    return None


def _breadcrumb_root(root: LexborNode, url: str) -> str | None:
    """The first breadcrumb step, when it links to the site's home page."""
    trail = find_breadcrumb(root, url)
    if not trail or is_page_word(trail[0].name) or trail[0].url is None:
        return None
    path = urlsplit(trail[0].url).path
    if _HOME_PATH.fullmatch(path):
        return _usable(trail[0].name)
    return None


def _confirmed_title_part(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    """The ``<title>``'s last part (after ``-``, ``_``, ``|`` …), when the page repeats it.

    Confirmation comes from the visible text or the description/keywords meta, which hijackers
    rarely rewrite along with the title.
    """
    title = tree.css_first("title")
    if title is None:
        return None
    parts = [p for p in _TITLE_SEPARATORS.split(clean_text(title.text() or "")) if p]
    if not parts or not _usable(parts[-1]):
        return None
    suffix = parts[-1]
    evidence = [clean_text(root.text(deep=True, separator=" ") or "")]
    for meta in tree.css("meta[name]"):
        if (meta.attributes.get("name") or "").lower() in ("description", "keywords"):
            evidence.append(meta.attributes.get("content") or "")
    return suffix if any(suffix in text for text in evidence) else None

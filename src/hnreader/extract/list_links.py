"""Link helpers shared by list, pagination and section-tree extraction.

Anchors on Chinese CMS pages carry their text padded with ``&nbsp;``, full-width spaces and
bullets, their targets as relative paths, ``javascript:`` calls or bare ``#``; these helpers
turn them into clean names and absolute URLs, and tell site links from off-site and utility
links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from hnreader.extract.dom import clean_text

__all__ = [
    "UTILITY_NAMES",
    "anchor_text",
    "is_utility_name",
    "remembered_anchor_texts",
    "resolve_href",
    "same_site",
]

_BULLETS = "·•●○■□◆◇▪▫►▶>»›-—*|"
_ANCHOR_TEXTS: ContextVar[dict[int, str] | None] = ContextVar("anchor_texts", default=None)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Links that every page carries and that are not sections of the site (compared lower-cased).
UTILITY_NAMES = _words(
    """
    登录 登陆 注册 退出 用户登录 个人登录 法人登录 无障碍 无障碍浏览 无障碍阅读 繁體 繁体
    简体 繁體版 繁体版 简体版 简 繁 简体中文 繁體中文 繁体中文 中文 english en 搜索
    站内搜索 高级搜索 全文检索 rss 首页 网站首页 返回首页 回到首页 主页 手机版 移动版
    设为首页 设置首页 加入收藏 收藏本站 长者模式 关怀版 适老化 网站地图 联系我们 关于我们
    网站声明 免责声明 隐私政策 打印 关闭 返回顶部 更多 更多>> more 进入 微信 微博 客户端
    app 读屏 大字幕 sitemap home login register search wap 邮箱 webmail 旧版 新版
    large-print
    """
)
_UTILITY_PATTERN = re.compile(
    r"^(?:[\[【]?(?:更多|more)[\]】]?[>»›\s]*|.*(?:欢迎您|今天是).*|[<>«»‹›]+|[\[【(（]?\d+[\]】)）]?)$",
    re.IGNORECASE,
)


@contextmanager
def remembered_anchor_texts() -> Iterator[None]:
    """Within the block, ``anchor_text`` computes each anchor's name once (by ``mem_id``).

    List extraction asks for the same anchors' names many times. Only use it around work on
    one tree that removes no nodes (a freed node's ``mem_id`` may be reused).
    """
    token = _ANCHOR_TEXTS.set({})
    try:
        yield
    finally:
        _ANCHOR_TEXTS.reset(token)


def anchor_text(node: LexborNode) -> str:
    """An anchor's visible name: its text, or its title/img alt when the text is missing.

    When the text is cut short with an ellipsis and the ``title`` attribute holds the full
    text, the title wins: CMS list templates truncate long headlines to fit a column.
    """
    memo = _ANCHOR_TEXTS.get()
    if memo is None:
        return _anchor_text(node)
    key = node.mem_id
    if key not in memo:
        memo[key] = _anchor_text(node)
    return memo[key]


def _anchor_text(node: LexborNode) -> str:
    """``anchor_text`` computed."""
    text = clean_text(node.text(deep=True, separator=" ") or "")
    title = clean_text(node.attributes.get("title") or "")
    stripped = text.strip(_BULLETS + " ")
    if title and (not stripped or _is_truncation(stripped, title)):
        return title
    if not stripped:
        image = node.css_first("img")
        if image is not None:
            return clean_text(image.attributes.get("alt") or "")
    return stripped


def _is_truncation(text: str, title: str) -> bool:
    """Whether ``text`` is a cut-short form of ``title`` (ends with an ellipsis, or a prefix)."""
    if len(title) <= len(text):
        return False
    head = text.rstrip("…. ").rstrip("。")
    if text.endswith(("…", "...", "..", "。。。")):
        return title.startswith(head[: max(1, len(head) - 1)])
    return len(head) >= 4 and title.startswith(head) and len(title) > len(head) + 1


@lru_cache(maxsize=8192)
def resolve_href(href: str | None, base: str) -> str | None:
    """The absolute http(s) URL of a link target, or None for scripts, anchors and mail links.

    The fragment is dropped (it names a place on the same page, not another page).
    """
    if href is None:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    lowered = href.lower()
    if lowered.startswith(("javascript:", "mailto:", "tel:", "data:", "about:", "vbscript:")):
        return None
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") and not (
        parts.scheme == "file" and base.startswith("file:")
    ):
        return None  # file: links only among the pages of a local file, never from the web
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


@lru_cache(maxsize=8192)
def same_site(url: str, base: str) -> bool:
    """Whether ``url`` belongs to the same site as ``base``.

    Hosts match when equal or when both sit under the same registered domain (``news.x.gov.cn``
    and ``www.x.gov.cn``): government portals spread sections over sub-domains.
    """
    host, base_host = urlsplit(url).hostname or "", urlsplit(base).hostname or ""
    if host == base_host:
        return True
    return bool(host and base_host) and _registered_domain(host) == _registered_domain(base_host)


_SECOND_LEVEL = {"gov", "com", "net", "org", "edu", "ac"}


def _registered_domain(host: str) -> str:
    """The registered part of a host name, e.g. ``hunan.gov.cn`` for ``www.hunan.gov.cn``."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_utility_name(name: str) -> bool:
    """Whether a link text names a utility (login, search, 繁體, home …), not a section."""
    key = name.strip(_BULLETS + " ").lower()
    return not key or key in UTILITY_NAMES or bool(_UTILITY_PATTERN.match(key))

"""Article list pages: the main list's items, the section name and the pagination.

``extract_list`` decodes the page, reads what only the raw HTML holds (pagination scripts and
Hanweb datastore records, both inside ``<script>``), then sanitises the tree (scripts and hidden
link farms gone) and finds the main list among navs and sidebars (see ``list_items``) and the
pager links (see ``pagination``). The section name comes from the breadcrumb, else the heading
over the list, else the nav entry marked current, else the ``<title>`` prefix when a link on
the page confirms it (a hijacked title alone is never trusted).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hnreader.extract.decode import decode_html
from hnreader.extract.dom import clean_text, parse_html, sanitize
from hnreader.extract.list_datastore import datastore_items
from hnreader.extract.list_items import find_main_list, item_from_row, remembered_rows
from hnreader.extract.list_links import anchor_text, is_utility_name, remembered_anchor_texts
from hnreader.extract.pagination import find_pagination
from hnreader.extract.tree_breadcrumb import find_breadcrumb, is_page_word
from hnreader.models import ArticleList, ListItem

__all__ = ["extract_list"]

_HEADING_MARKER = re.compile(r"^(?:title|tit|bt|lmmc|lm|column|col-?name|hd|head|name|cate)")
_TOKEN = re.compile(r"[^a-z0-9]+")
_CURRENT_MARKER = frozenset({"on", "cur", "current", "active", "selected", "hover", "this", "now"})
_TITLE_SEPARATORS = re.compile(r"\s*[-_|–—·]+\s*")
_MORE = re.compile(r"(?:更多|more)\s*[>»›]*\s*$", re.IGNORECASE)


def extract_list(content: bytes | str, url: str, content_type: str | None = None) -> ArticleList:
    """The article list of one list page: items, section name, pages and the next page.

    Raises ``ValueError`` when the content is not a readable page (empty or binary).
    """
    decoded = decode_html(content, content_type)
    warnings = list(decoded.warnings)
    html = decoded.text
    tree = parse_html(html)
    stored = datastore_items(html, url)  # the records live in a script: read before sanitising
    sanitize(tree)
    # Scripts are read from the raw text, links from the sanitised tree (no hidden pagers).
    pagination = find_pagination(html, tree, url)
    warnings.extend(pagination.warnings)
    root = tree.body
    if root is None:
        raise ValueError("the page has no body: it is not an HTML list page")
    with remembered_anchor_texts(), remembered_rows():  # the tree no longer changes from here
        block = find_main_list(root, url)
        if stored is not None and stored[0]:
            items, unreadable = stored
            if unreadable:
                warnings.append(f"{unreadable} datastore record(s) held no readable item")
        elif block is not None:
            items = [item for row in block.rows if (item := item_from_row(row, url)) is not None]
        else:
            items = []
            warnings.append("no article list found on the page")
        section = _section_name(tree, root, block.container if block else None, url)
    return ArticleList(
        url=url,
        section=section,
        items=tuple(_deduplicated(items)),
        pages=pagination.pages,
        next=pagination.next,
        warnings=tuple(warnings),
    )


def _deduplicated(items: list[ListItem]) -> list[ListItem]:
    """Items in page order, each URL once (pinned items often repeat further down)."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            kept.append(item)
    return kept


def _section_name(
    tree: LexborHTMLParser, root: LexborNode, container: LexborNode | None, url: str
) -> str | None:
    trail = [c.name for c in find_breadcrumb(root, url) if not is_page_word(c.name)]
    if trail:
        return trail[-1]
    return (
        _heading_over(container) or _current_nav_entry(root) or _confirmed_title_prefix(tree, root)
    )


def _heading_over(container: LexborNode | None) -> str | None:
    """The short heading just before the list, looking a few levels up."""
    node = container
    for _ in range(5):
        if node is None or node.tag in ("body", "html"):
            return None
        sibling = node.prev
        for _ in range(4):
            while sibling is not None and not sibling.is_element_node:
                sibling = sibling.prev
            if sibling is None:
                break
            name = _heading_text(sibling)
            if name:
                return name
            if len(clean_text(sibling.text(deep=True) or "")) > 30:
                break
            sibling = sibling.prev
        node = node.parent
    return None


def _heading_text(node: LexborNode) -> str | None:
    tokens = _TOKEN.split(
        f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    )
    looks_like = node.tag in ("h1", "h2", "h3", "h4", "h5") or any(
        _HEADING_MARKER.match(t) for t in tokens if t
    )
    if not looks_like:
        return None
    heading = node.css_first("h1, h2, h3, h4, h5, span, strong, b") or node
    text = _MORE.sub("", clean_text(heading.text(deep=True) or "")).strip()
    if 2 <= len(text) <= 15 and not is_utility_name(text) and "位置" not in text:
        return text
    return None


def _current_nav_entry(root: LexborNode) -> str | None:
    """The nav entry a class (on, cur, current, active …) marks as the current section."""
    for node in root.css("li[class], a[class], dd[class], span[class], [aria-current]"):
        tokens = _TOKEN.split((node.attributes.get("class") or "").lower())
        if node.attributes.get("aria-current") is None and not _CURRENT_MARKER.intersection(tokens):
            continue
        anchor = node if node.tag == "a" else node.css_first("a")
        if anchor is None:
            continue
        name = anchor_text(anchor)
        if 2 <= len(name) <= 15 and not is_utility_name(name):
            return name
    return None


def _confirmed_title_prefix(tree: LexborHTMLParser, root: LexborNode) -> str | None:
    """The first part of ``<title>``, trusted only if a link on the page has the same text."""
    title_node = tree.css_first("title")
    if title_node is None:
        return None
    first = _TITLE_SEPARATORS.split(clean_text(title_node.text() or ""))[0]
    if not first or len(first) > 15:
        return None
    names = {anchor_text(a) for a in root.css("a")}
    return first if first in names else None

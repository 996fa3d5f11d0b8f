"""Finding a page's main article list among its navs, sidebars and footers.

The method: every anchor whose text looks like a headline is a candidate item. Its *row* is
the highest ancestor that holds no other headline anchor (an ``<li>``, ``<tr>`` or ``<div>``),
and rows with the same tag and class under the same parent form a *group*. Groups are scored
(``list_scoring``) by size, headline length and how many rows carry a date, and lose most of
their score when they sit in a nav, header, footer or sidebar, or under a heading such as
热点排行 or 相关新闻. Sibling containers built alike (a list split into several ``<ul>`` of
five) are merged. Rows are read by ``list_rows``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from hnreader.extract.list_links import anchor_text, is_utility_name, resolve_href
from hnreader.extract.list_rows import remembered_rows, title_and_date
from hnreader.extract.list_scoring import Group, best_group, built_alike, pager_surroundings
from hnreader.models import ListItem

__all__ = ["ListBlock", "find_main_list", "item_from_row", "remembered_rows", "row_groups"]

_MIN_TITLE = 5  # characters; shorter anchors are nav entries, "更多" links or page numbers


@dataclass(slots=True)
class ListBlock:
    """The chosen list: its container element and its rows in page order."""

    container: LexborNode
    rows: list[LexborNode] = field(default_factory=list)


def find_main_list(root: LexborNode, url: str) -> ListBlock | None:
    """The main article list under ``root``, or None when no group of headlines is found."""
    candidates = row_groups(root, url)
    best = best_group(candidates, url, pager_surroundings(root))
    if best is None:
        return None
    merged = [best, *(g for g in candidates if g is not best and built_alike(g, best))]
    rows = sorted((entry for group in merged for entry in group.rows), key=lambda e: e[0])
    return ListBlock(best.container, [row for _, row, _ in rows])


def row_groups(root: LexborNode, url: str) -> list[Group]:
    """The headline rows under ``root`` grouped by container, tag and class, in page order."""
    headlines = [a for a in root.css("a[href]") if _is_headline(a, url)]
    # Count distinct targets, not anchors: a thumbnail link and a headline link to the same
    # article belong to one row.
    counts: dict[int, int] = {}
    pairs: set[tuple[int, str]] = set()
    for anchor in headlines:
        target = resolve_href(anchor.attributes.get("href"), url) or ""
        for ancestor in _ancestors(anchor, root):
            if (ancestor.mem_id, target) not in pairs:
                pairs.add((ancestor.mem_id, target))
                counts[ancestor.mem_id] = counts.get(ancestor.mem_id, 0) + 1
    groups: dict[tuple[int, str, str], Group] = {}
    taken: set[int] = set()
    for order, anchor in enumerate(headlines):
        row = anchor
        for ancestor in _ancestors(anchor, root):
            if counts[ancestor.mem_id] > 1 or ancestor.parent is None or ancestor is root:
                break
            row = ancestor
        container = row.parent
        if container is None or row.mem_id in taken:
            continue
        taken.add(row.mem_id)
        key = (row.tag or "", row.attributes.get("class") or "")
        group = groups.setdefault((container.mem_id, *key), Group(container, key))
        group.rows.append((order, row, anchor))
    return list(groups.values())


def item_from_row(row: LexborNode, url: str) -> ListItem | None:
    """The title, absolute URL and date of one list row, or None if it holds no headline."""
    anchors = [a for a in _self_and_css(row, "a[href]") if _is_headline(a, url)]
    if not anchors:
        return None
    anchor = max(anchors, key=lambda a: len(anchor_text(a)))
    target = resolve_href(anchor.attributes.get("href"), url)
    if target is None:
        return None
    title, date = title_and_date(row, anchor)
    return ListItem(title=title, url=target, date=date)


def _self_and_css(node: LexborNode, selector: str) -> list[LexborNode]:
    found = list(node.css(selector))
    if node.tag == "a" and node.attributes.get("href") is not None:
        found.insert(0, node)
    return found


def _is_headline(anchor: LexborNode, url: str) -> bool:
    text = anchor_text(anchor)
    if len(text) < _MIN_TITLE or is_utility_name(text) or text.isdigit():
        return False
    if text.startswith(("[", "【")) and text.endswith(("]", "】")):
        return False
    target = resolve_href(anchor.attributes.get("href"), url)
    return target is not None and target != url


def _ancestors(node: LexborNode, root: LexborNode) -> Iterable[LexborNode]:
    current = node.parent
    while current is not None:
        yield current
        if current is root or current.tag in ("body", "html"):
            return
        current = current.parent

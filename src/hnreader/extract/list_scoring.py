"""Scoring groups of headline rows: which one is the page's main article list.

A group scores by its size, headline length, the share of rows with a date and of links to the
same site; the list a pager pages through scores five times higher, and groups lose most of
their score inside navs, headers, footers and sidebars, or under a heading such as 热点排行 or
相关新闻. Dates and placement are the costly parts, so groups are scored from the most
promising down, and a group whose best possible score cannot reach the best found so far is
never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from hnreader.extract.dom import clean_text
from hnreader.extract.list_links import anchor_text, resolve_href, same_site
from hnreader.extract.list_rows import title_and_date

__all__ = ["Group", "best_group", "built_alike", "pager_surroundings"]

_BOILERPLATE = re.compile(
    r"^(?:nav|menu|foot|header|top$|topbar|side|aside|hot|rank|link|friend|yqlj|relat|xgxw"
    r"|recomm|tuijian|share|banner|slide|crumb|position|location|login|search|copyright)"
)
_TOKEN = re.compile(r"[^a-z0-9]+")
_PAGER_TOKEN = re.compile(r"^(?:pag|fenye|fy$|pager)")
# Headings of boxes beside the main list; section names (专题专栏, 热点关注) are not among them.
_SIDE_HEADINGS = re.compile(
    r"排行|热门|相关|推荐|点击|猜你|延伸|友情链接|热点新闻|热点文章|热文|最热|阅读榜"
)
# Every pager token starts with pag, fenye or fy, so its class or id holds one of them in some
# case (no non-ASCII letter lowers to these ASCII ones): Lexbor's case-blind substring test
# finds the few elements worth tokenising.
_MAY_NAME_PAGER = ", ".join(
    f'[{attribute}*="{part}" i]' for part in ("pag", "fenye", "fy") for attribute in ("class", "id")
)
_BOILERPLATE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_MAX_DATED = 3.0  # 1 + 2 × the share of dated rows, at most


@dataclass(slots=True)
class Group:
    """Rows with the same tag and class under one container: (page order, row, its anchor)."""

    container: LexborNode
    key: tuple[str, str]
    rows: list[tuple[int, LexborNode, LexborNode]] = field(default_factory=list)


def best_group(groups: list[Group], url: str, near_pager: set[int]) -> Group | None:
    """The highest-scoring group (the first of equals), or None when none scores above 0.

    The same group as scoring every one and taking the first of the highest: a group is only
    passed over when its bound (its score with every row dated and no placement penalty) is
    below a score already found.
    """
    parts = [_known_parts(group, url, near_pager) for group in groups]
    bounds = [_bound(part) for part in parts]
    best: tuple[float, int] | None = None  # (score, index)
    for index in sorted(range(len(groups)), key=bounds.__getitem__, reverse=True):
        if best is not None and bounds[index] < best[0]:
            break  # sorted by bound: no later group can reach the best score
        score = _score(groups[index], parts[index])
        if best is None or score > best[0] or (score == best[0] and index < best[1]):
            best = (score, index)
    if best is None or best[0] <= 0:
        return None
    return groups[best[1]]


def _known_parts(group: Group, url: str, near_pager: set[int]) -> tuple[int, float, float, bool]:
    """The cheap factors of a group's score.

    Its rows, mean headline length, share of links to the same site, and whether a pager sits
    next to it.
    """
    count = len(group.rows)
    titles = [anchor_text(anchor) for _, _, anchor in group.rows]
    mean_length = sum(min(len(t), 40) for t in titles) / count
    on_site = (
        sum(
            1
            for _, _, anchor in group.rows
            if same_site(resolve_href(anchor.attributes.get("href"), url) or "", url)
        )
        / count
    )
    container = group.container
    paged = container.mem_id in near_pager or (
        container.parent is not None and container.parent.mem_id in near_pager
    )
    return count, mean_length, on_site, paged


def _bound(parts: tuple[int, float, float, bool]) -> float:
    """The score as if every row were dated and no placement penalty applied.

    The products of ``_score`` in the same order with larger factors: never below the score,
    float rounding included (it is monotonic).
    """
    count, mean_length, on_site, paged = parts
    bound = count * mean_length * _MAX_DATED * (0.2 + 0.8 * on_site)
    return bound * 5.0 if paged else bound


def _score(group: Group, parts: tuple[int, float, float, bool]) -> float:
    """How much a group looks like the page's main list (0 or less: not a list at all)."""
    count, mean_length, on_site, paged = parts
    dated = sum(1 for _, row, anchor in group.rows if title_and_date(row, anchor)[1]) / count
    if count < 2 and not dated:
        return 0.0  # a lone dated row is a list's last page; a lone undated link is not a list
    score = count * mean_length * (1.0 + 2.0 * dated) * (0.2 + 0.8 * on_site)
    if paged:
        score *= 5.0  # the list the pager pages through
    return score * _placement_factor(group.container)


def pager_surroundings(root: LexborNode) -> set[int]:
    """The elements around a pager (up to three levels up): the main list sits among them."""
    pagers = [node for node in root.css(_MAY_NAME_PAGER) if _is_pager_named(node)]
    # Every pager word holds 页, so only elements with 页 in a text child of their own can
    # say one: Lexbor finds them in C instead of reading every link's text here.
    pagers.extend(
        anchor.parent
        for anchor in root.css('a:lexbor-contains("页"), span:lexbor-contains("页")')
        if anchor.parent is not None
        and clean_text(anchor.text(deep=False) or "") in ("下一页", "上一页", "尾页", "末页")
    )
    return surroundings(pagers)


def surroundings(pagers: Iterable[LexborNode]) -> set[int]:
    """The ids of the elements up to three levels above each pager's parent (not body, html)."""
    found: set[int] = set()
    for pager in pagers:
        node = pager.parent
        for _ in range(3):
            if node is None or node.tag in ("body", "html"):
                break
            found.add(node.mem_id)
            node = node.parent
    return found


def _is_pager_named(node: LexborNode) -> bool:
    """Whether a class or id token names a pager (``pages``, ``fenye``, ``fy`` …)."""
    attrs = node.attributes
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return any(_PAGER_TOKEN.match(t) for t in _TOKEN.split(marker) if t)


def _placement_factor(container: LexborNode) -> float:
    """A penalty for lists inside navs, footers and sidebars, or under a side heading."""
    factor = 1.0
    node: LexborNode | None = container
    for _depth in range(8):
        if node is None or node.tag in ("body", "html"):
            break
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        tokens = _TOKEN.split(marker.lower())
        if node.tag in _BOILERPLATE_TAGS or any(_BOILERPLATE.match(t) for t in tokens if t):
            factor *= 0.3
        if _heading_before(node):
            factor *= 0.2
        node = node.parent
    return max(factor, 0.001)


def _heading_before(node: LexborNode) -> bool:
    """Whether a sidebar heading (热点排行, 相关新闻 …) introduces this block."""
    sibling = node.prev
    for _ in range(3):
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.prev
        if sibling is None:
            return False
        raw = sibling.text(deep=True) or ""
        if len(raw) > 200:  # a content block, not a heading; skip cleaning long text
            return False
        text = clean_text(raw)
        if text and len(text) <= 12:
            return bool(_SIDE_HEADINGS.search(text))
        if len(text) > 12:
            return False
        sibling = sibling.prev
    return False


def built_alike(group: Group, best: Group) -> bool:
    """Whether a group continues the best one: same row shape in a sibling container."""
    if group.key != best.key or len(group.rows) < 2:
        return False
    a, b = group.container, best.container
    same_parent = (
        a.parent is not None and b.parent is not None and a.parent.mem_id == b.parent.mem_id
    )
    return (
        same_parent
        and a.tag == b.tag
        and (a.attributes.get("class") or "") == (b.attributes.get("class") or "")
    )

"""Finding a page's main article list among its navs, sidebars and footers.

The method: every anchor whose text looks like a headline is a candidate item. Its *row* is
the highest ancestor that holds no other headline anchor (an ``<li>``, ``<tr>`` or ``<div>``),
and rows with the same tag and class under the same parent form a *group*. Groups are scored
by size, headline length and how many rows carry a date, and lose most of their score when
they sit in a nav, header, footer or sidebar, or under a heading such as 热点排行 or 相关新闻.
Sibling containers built alike (a list split into several ``<ul>`` of five) are merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from hnreader.extract.dates import parse_date
from hnreader.extract.dom import clean_text
from hnreader.extract.list_links import anchor_text, is_utility_name, resolve_href, same_site
from hnreader.models import ListItem

__all__ = ["ListBlock", "find_main_list", "item_from_row", "remembered_rows"]

_MIN_TITLE = 5  # characters; shorter anchors are nav entries, "更多" links or page numbers
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
# A date and nothing else: digits, separators, 年月日 and time words, in brackets or not.
_DATE_ONLY = re.compile(r"[\[【(（]?[\d\s/:.年月日号时分秒T-]{6,}[\]】)）]?")
_MONTH_DAY = re.compile(r"(?<![\d-])(\d{1,2})[-/.月](\d{1,2})日?(?![\d-])")
_URL_DATE = re.compile(r"(?<!\d)(20\d\d)[-/_]?(\d\d)[-/_]?(\d\d)(?!\d)")
_BOILERPLATE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_TITLES_AND_DATES: ContextVar[dict[tuple[int, int], tuple[str, str | None]] | None] = ContextVar(
    "titles_and_dates", default=None
)


@dataclass(slots=True)
class ListBlock:
    """The chosen list: its container element and its rows in page order."""

    container: LexborNode
    rows: list[LexborNode] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    container: LexborNode
    key: tuple[str, str]
    rows: list[tuple[int, LexborNode, LexborNode]] = field(default_factory=list)  # order, row, a


def find_main_list(root: LexborNode, url: str) -> ListBlock | None:
    """The main article list under ``root``, or None when no group of headlines is found."""
    headlines = [a for a in root.css("a[href]") if _is_headline(a, url)]
    if not headlines:
        return None
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
    groups: dict[tuple[int, str, str], _Group] = {}
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
        group = groups.setdefault((container.mem_id, *key), _Group(container, key))
        group.rows.append((order, row, anchor))
    near_pager = _pager_surroundings(root)
    scores = {id(group): _score(group, url, near_pager) for group in groups.values()}
    scored = sorted(groups.values(), key=lambda g: scores[id(g)], reverse=True)
    best = scored[0]
    if scores[id(best)] <= 0:
        return None
    merged = [best, *(g for g in scored[1:] if _built_alike(g, best))]
    rows = sorted((entry for group in merged for entry in group.rows), key=lambda e: e[0])
    return ListBlock(best.container, [row for _, row, _ in rows])


def item_from_row(row: LexborNode, url: str) -> ListItem | None:
    """The title, absolute URL and date of one list row, or None if it holds no headline."""
    anchors = [a for a in _self_and_css(row, "a[href]") if _is_headline(a, url)]
    if not anchors:
        return None
    anchor = max(anchors, key=lambda a: len(anchor_text(a)))
    target = resolve_href(anchor.attributes.get("href"), url)
    if target is None:
        return None
    title, date = _title_and_date(row, anchor)
    return ListItem(title=title, url=target, date=date)


@contextmanager
def remembered_rows() -> Iterator[None]:
    """Within the block, each row's title and date are read once (scoring, then the items).

    Only around work on one tree that removes no nodes (a freed node's ``mem_id`` may be reused).
    """
    token = _TITLES_AND_DATES.set({})
    try:
        yield
    finally:
        _TITLES_AND_DATES.reset(token)


def _title_and_date(row: LexborNode, anchor: LexborNode) -> tuple[str, str | None]:
    """A row's headline and date: the date beside the link, or a date-only part inside it."""
    memo = _TITLES_AND_DATES.get()
    if memo is None:
        return _read_title_and_date(row, anchor)
    key = (row.mem_id, anchor.mem_id)
    if key not in memo:
        memo[key] = _read_title_and_date(row, anchor)
    return memo[key]


def _read_title_and_date(row: LexborNode, anchor: LexborNode) -> tuple[str, str | None]:
    """``_title_and_date`` computed."""
    title = anchor_text(anchor)
    row_text = clean_text(row.text(deep=True, separator=" ") or "")
    anchor_plain = clean_text(anchor.text(deep=True, separator=" ") or "")
    # Reading the date from the rest of the row keeps digits in the headline (2024年工作要点)
    # from being taken for the date.
    rest = row_text.replace(anchor_plain, " ", 1) if anchor_plain else row_text
    date = parse_date(rest) or _date_from_url(rest, anchor)
    if date is None:
        # Some templates put the whole row, date included, inside the link.
        for child in anchor.css("*"):
            text = clean_text(child.text(deep=True) or "")
            if len(text) <= 25 and _DATE_ONLY.fullmatch(text) and (date := parse_date(text)):
                title = clean_text(title.replace(text, " ", 1))
                break
    return title, date


def _date_from_url(rest: str, anchor: LexborNode) -> str | None:
    """A yearless ``09-18`` beside the link completed by the date in the article's URL.

    Only when the URL's month and day agree with the row, so the year is evidence, not a guess.
    """
    shown = _MONTH_DAY.search(rest)
    found = _URL_DATE.search(anchor.attributes.get("href") or "")
    if shown is None or found is None:
        return None
    year, month, day = found.groups()
    if (int(month), int(day)) != (int(shown.group(1)), int(shown.group(2))):
        return None
    return parse_date(f"{year}-{month}-{day}")


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


def _score(group: _Group, url: str, near_pager: set[int]) -> float:
    """How much a group looks like the page's main list (0 or less: not a list at all)."""
    count = len(group.rows)
    titles = [anchor_text(anchor) for _, _, anchor in group.rows]
    mean_length = sum(min(len(t), 40) for t in titles) / count
    dated = sum(1 for _, row, anchor in group.rows if _title_and_date(row, anchor)[1]) / count
    if count < 2 and not dated:
        return 0.0  # a lone dated row is a list's last page; a lone undated link is not a list
    on_site = (
        sum(
            1
            for _, _, anchor in group.rows
            if same_site(resolve_href(anchor.attributes.get("href"), url) or "", url)
        )
        / count
    )
    score = count * mean_length * (1.0 + 2.0 * dated) * (0.2 + 0.8 * on_site)
    container = group.container
    if container.mem_id in near_pager or (
        container.parent is not None and container.parent.mem_id in near_pager
    ):
        score *= 5.0  # the list the pager pages through
    return score * _placement_factor(container)


def _pager_surroundings(root: LexborNode) -> set[int]:
    """The elements around a pager (up to three levels up): the main list sits among them."""
    pagers = [
        node
        for node in root.css("[class], [id]")
        if any(
            _PAGER_TOKEN.match(t)
            for t in _TOKEN.split(
                f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
            )
            if t
        )
    ]
    pagers.extend(
        anchor.parent
        for anchor in root.css("a, span")
        if anchor.parent is not None
        and clean_text(anchor.text(deep=False) or "") in ("下一页", "上一页", "尾页", "末页")
    )
    found: set[int] = set()
    for pager in pagers:
        node = pager.parent
        for _ in range(3):
            if node is None or node.tag in ("body", "html"):
                break
            found.add(node.mem_id)
            node = node.parent
    return found


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


def _built_alike(group: _Group, best: _Group) -> bool:
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

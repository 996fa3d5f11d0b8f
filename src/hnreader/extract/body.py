"""Finding the article body: known CMS templates first, then text-and-punctuation density.

Density works on characters and Chinese punctuation rather than words, because Chinese text has
no spaces between words: a paragraph's weight is its length plus its count of ，。、；！？ marks,
credited to its container (and half to the container's parent), then discounted by the share of
the container's text that sits in links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hnreader.extract.dom import LexborHTMLParser, LexborNode, clean_text, parse_html, sanitize
from hnreader.extract.text_rules import is_boilerplate

__all__ = ["BodyLocation", "locate_body"]

# Known body containers, most specific first: gov.cn UCAP, TRS WCM, Hanweb and common CMS ids.
_TEMPLATES = (
    "#UCAP-CONTENT",
    ".TRS_Editor",
    ".TRS_UEDITOR",
    "#zoom",
    "#Zoom",
    "#fontzoom",
    ".wzy_nr",  # Hanweb
    ".bt_content",
)
_ANY_TEMPLATE = ", ".join(_TEMPLATES)
_MARKERS = (
    re.compile(r"<!--\s*startprint\s*-->(.*?)<!--\s*endprint\s*-->", re.DOTALL | re.IGNORECASE),
    re.compile(
        r"<meta\s+name=[\"']?ContentStart[\"']?\s*/?>(.*?)<meta\s+name=[\"']?ContentEnd",
        re.DOTALL | re.IGNORECASE,
    ),
    re.compile(r"<!--\s*ContentStart\s*-->(.*?)<!--\s*ContentEnd\s*-->", re.DOTALL | re.IGNORECASE),
)
_PUNCTUATION = re.compile(r"[，。、；！？：,.;!?“”]")
_GOOD_NAME = re.compile(r"article|content|text|body|detail|zoom|main|news|wenzhang|zhengwen", re.I)
_BAD_NAME = re.compile(
    r"foot|copyright|bottom|banquan|nav|menu|sidebar|side|comment|related|recommend|hot|rank"
    r"|share|breadcrumb|crumb|header|links|friend|ad-|advert|login",
    re.IGNORECASE,
)
_MIN_TEMPLATE_TEXT = 20
_MIN_MARKED_TEXT = 60
_PARAGRAPH_UNITS = "p, pre, blockquote, div, td, section, article, font, span, li"


@dataclass(frozen=True, slots=True)
class BodyLocation:
    """The body's root node, the tree that owns it, and how it was found."""

    node: LexborNode
    tree: LexborHTMLParser
    method: str  # "template:<selector>", "markers", "density" or "whole page"


def locate_body(tree: LexborHTMLParser, html: str, title: str | None = None) -> BodyLocation | None:
    """Find the body in a sanitized tree (``html`` is the page text, for comment markers).

    With the article's ``title``, containers close to its heading are preferred.
    """
    candidates = tree.css(_ANY_TEMPLATE)  # one query instead of eight
    for selector in _TEMPLATES if candidates else ():
        if not _may_match(selector, candidates):
            continue  # no candidate comes close: spare the query
        sized = [(node, _text_len(node)) for node in tree.css(selector)]
        found = [pair for pair in sized if pair[1] >= _MIN_TEMPLATE_TEXT]
        if found:
            best = max(found, key=lambda pair: pair[1])[0]  # the first of the longest
            return BodyLocation(best, tree, f"template:{selector}")
    for marker in _MARKERS:
        match = marker.search(html)
        if match:
            fragment = parse_html(f"<html><body><div>{match.group(1)}</div></body></html>")
            sanitize(fragment)
            node = fragment.css_first("body > div")
            if node is not None and _text_len(node) >= _MIN_MARKED_TEXT:
                return BodyLocation(node, fragment, "markers")
    node = _densest(tree, _heading_path(tree, title))
    if node is not None:
        return BodyLocation(node, tree, "density")
    if tree.body is not None and _text_len(tree.body) > 0:
        return BodyLocation(tree.body, tree, "whole page")
    return None


def _may_match(selector: str, candidates: list[LexborNode]) -> bool:
    """Whether a ``#id`` or ``.class`` selector may match one of the candidates.

    A loose test (substring, any case: quirks-mode pages match ids and classes case-blind),
    so it never says no when the query would find something.
    """
    name = selector[1:].lower()
    attribute = "id" if selector.startswith("#") else "class"
    return any(name in (node.attributes.get(attribute) or "").lower() for node in candidates)


def _densest(tree: LexborHTMLParser, heading_path: list[int]) -> LexborNode | None:
    """The container that collects the most paragraph weight, discounted by link density."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    units: dict[int, int] = {}  # paragraph units credited directly to each container
    for unit in tree.css(_PARAGRAPH_UNITS):
        deep = unit.tag in ("p", "pre", "blockquote")
        text = unit.text(deep=deep, strip=True)
        length = len(text)
        if length < 8:
            continue
        if is_boilerplate(text):
            continue
        marks = len(_PUNCTUATION.findall(text))
        if marks == 0 and length < 30:
            continue
        weight = 1.0 + marks + min(length / 40.0, 8.0)
        container = unit.parent if deep else unit
        if container is not None:
            units[container.mem_id] = units.get(container.mem_id, 0) + 1
        share = 1.0
        for _ in range(3):
            if container is None or container.tag in ("html", "body"):
                break
            key = container.mem_id
            nodes[key] = container
            scores[key] = scores.get(key, 0.0) + weight * share
            share /= 2.0
            container = container.parent
    if not scores:
        return None
    for key, node in nodes.items():
        # Several paragraphs make an article; one dense blurb is more likely a sidebar box.
        scores[key] *= _name_hint(node) * min(1.5, 1.0 + 0.1 * (units.get(key, 1) - 1))
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:8]
    for key in ranked:
        scores[key] *= _closeness(nodes[key], heading_path)
    densities: dict[int, float] = {}  # by mem_id: the parent walk below meets ranked nodes again

    def link_density(node: LexborNode) -> float:
        key = node.mem_id
        if key not in densities:
            densities[key] = _link_density(node)
        return densities[key]

    best_key = max(ranked, key=lambda key: scores[key] * (1.0 - link_density(nodes[key])))
    best = nodes[best_key]
    # Articles split into sibling blocks (lead, body, notes) score their parent nearly as high.
    parent = best.parent
    while (
        parent is not None
        and parent.tag not in ("html", "body")
        and scores.get(parent.mem_id, 0.0) >= 0.75 * scores[best.mem_id]
        and link_density(parent) < 0.35
    ):
        best, parent = parent, parent.parent
    return best


def _heading_path(tree: LexborHTMLParser, title: str | None) -> list[int]:
    """Ids of the title heading and its ancestors, nearest first (empty if not found)."""
    if not title:
        return []
    for node in tree.css("h1, h2, h3, [class*='title'], [id*='title']"):
        if clean_text(node.text(deep=True)) == title:
            path: list[int] = []
            current: LexborNode | None = node
            while current is not None and current.tag not in ("html", "body", None):
                path.append(current.mem_id)
                current = current.parent
            return path
    return []


def _closeness(node: LexborNode, heading_path: list[int]) -> float:
    """A bonus for containers that share a near ancestor with the title heading."""
    if not heading_path:
        return 1.0
    ancestors: set[int] = set()
    current: LexborNode | None = node
    for _ in range(12):
        if current is None:
            break
        ancestors.add(current.mem_id)
        current = current.parent
    for distance, key in enumerate(heading_path[:6]):
        if key in ancestors:
            return 1.6 if distance <= 2 else 1.3 if distance <= 3 else 1.1
    return 1.0


def _name_hint(node: LexborNode) -> float:
    """What a container's class and id say: article-ish names up, furniture names down."""
    attrs = node.attributes
    name = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if _BAD_NAME.search(name):
        return 0.3
    if _GOOD_NAME.search(name):
        return 1.3
    return 1.0


def _text_len(node: LexborNode) -> int:
    """Characters of visible text under a node, whitespace excluded."""
    return len("".join(node.text(deep=True).split()))


def _link_density(node: LexborNode) -> float:
    """The share of a node's text that is link text."""
    total = _text_len(node)
    if total == 0:
        return 1.0
    linked = sum(_text_len(a) for a in node.css("a"))
    return min(1.0, linked / total)

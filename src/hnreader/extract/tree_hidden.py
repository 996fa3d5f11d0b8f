"""Hidden content on a home page: dropdown submenus stay, everything else hidden goes.

A nav menu's second level is usually hidden by CSS (inline ``display:none`` or a ``<style>``
rule) until the pointer hovers over its top-level entry, so "hidden" cannot simply mean
"not part of the site": dropping it would lose every sub-section. Hacked sites, on the other
hand, hide link farms the same way. The rule used here: a hidden element is kept as a
**dropdown** when

- a visible link sits right beside it in the same menu entry (its parent or grandparent holds a
  link outside the hidden element: the entry that opens it), with a short name (≤ 12
  characters), and
- its own links are site links (at least 80 % same site) with short names (≤ 20 characters
  on average), as menu entries are;

every other hidden element is removed before the nav is read. Link farms fail both tests: they
are not attached to a menu entry and point off-site with long advertising texts.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from hnreader.extract.dom import hidden_selectors, is_hiding_style
from hnreader.extract.list_links import anchor_text, resolve_href, same_site

__all__ = ["drop_hidden_except_dropdowns", "is_dropdown"]

_HIDDEN_MARKERS = "[hidden], [aria-hidden], [style]"


def drop_hidden_except_dropdowns(tree: LexborHTMLParser, url: str) -> int:
    """Remove hidden elements that are not dropdown submenus; return how many were removed.

    Call it before ``dom.sanitize(tree, drop_hidden=False)``: the ``<style>`` rules it reads
    are removed by sanitising.
    """
    hidden = [node for node in tree.css(_HIDDEN_MARKERS) if _hidden_by_attributes(node)]
    hidden.extend(_matching(tree, hidden_selectors(tree)))
    doomed: list[LexborNode] = []
    seen: set[int] = set()
    for node in hidden:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        if not is_dropdown(node, url):
            doomed.append(node)
    return _remove_outermost(doomed)


def is_dropdown(node: LexborNode, url: str) -> bool:
    """Whether a hidden element is a menu entry's submenu (see the module docstring)."""
    links = [a for a in node.css("a") if a.attributes.get("href") is not None]
    if not links:
        return False
    names = [anchor_text(a) for a in links]
    if sum(len(n) for n in names) / len(names) > 20:
        return False
    targets = [resolve_href(a.attributes.get("href"), url) for a in links]
    on_site = sum(1 for t in targets if t is None or same_site(t, url))
    if on_site < 0.8 * len(links):
        return False
    return _has_opener(node)


def _has_opener(node: LexborNode) -> bool:
    """Whether a visible, short-named link beside the element opens it."""
    inside = {a.mem_id for a in node.css("a")}
    holder = node.parent
    for _ in range(2):
        if holder is None or holder.tag in ("body", "html"):
            return False
        for anchor in holder.css("a"):
            if anchor.mem_id not in inside and 0 < len(anchor_text(anchor)) <= 12:
                return True
        holder = holder.parent
    return False


def _hidden_by_attributes(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    return is_hiding_style(attrs.get("style") or "")


def _matching(tree: LexborHTMLParser, selectors: list[str]) -> list[LexborNode]:
    found: list[LexborNode] = []
    for selector in selectors:
        try:
            found.extend(tree.css(selector))
        except (ValueError, SelectolaxError):
            continue  # a selector Lexbor cannot evaluate cannot hide anything we can see
    return found


def _remove_outermost(nodes: list[LexborNode]) -> int:
    doomed = {node.mem_id for node in nodes}
    outermost = []
    for node in nodes:  # decide everything first: a decomposed subtree's nodes are freed
        parent = node.parent
        while parent is not None and parent.mem_id not in doomed:
            parent = parent.parent
        if parent is None:
            outermost.append(node)
    for node in outermost:
        node.decompose()
    return len(outermost)

"""Reading nav menus into section trees.

A menu is an element whose entries are its children: ``<li>`` of a list, cells of a table row,
``<dt>``/``<dd>`` of a definition list, or bare links of a link bar. An entry's first link is
the section; a nested list inside the entry (a dropdown) gives its sub-sections, read the same
way, so menus of any depth are read. Utility links (登录, 搜索, 繁體, 首页 …) and off-site links
are left out. Menus are scored by how many short-named entries and sub-sections they hold,
helped by a nav-like class or id and hurt by a footer-like one; the best is the site's nav.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from hnreader.extract.dom import clean_text, holds_link
from hnreader.extract.list_links import anchor_text, is_utility_name, resolve_href, same_site
from hnreader.models import Section

__all__ = ["Menu", "find_menus", "read_menu"]

_MAX_DEPTH = 4
_MAX_NAME = 20  # characters: longer link texts are headlines, not section names
_MIN_SCORE = 2.0  # three short entries score 3; a carousel of captions stays below
_LISTS = ("ul", "ol", "dl")
_NAV_MARKER = re.compile(r"^(?:nav|menu|daohang|dh|lanmu|column|channel|mainnav|topnav)")
_FOOT_MARKER = re.compile(r"^(?:foot|bottom|link|friend|yqlj|copyright|share|tool|top$|login)")
_TOKEN = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Menu:
    """A candidate menu: its element, its entries as sections, and how nav-like it is."""

    container: LexborNode
    sections: tuple[Section, ...]
    score: float


def find_menus(root: LexborNode, url: str) -> list[Menu]:
    """Every candidate menu under ``root``, best first."""
    menus: list[Menu] = []
    seen: set[int] = set()
    for container in _candidates(root):
        if container.mem_id in seen:
            continue
        seen.add(container.mem_id)
        sections = read_menu(container, url, depth=0)
        score = _score(container, sections)
        if score >= _MIN_SCORE:
            menus.append(Menu(container, tuple(sections), score))
    menus.sort(key=lambda menu: menu.score, reverse=True)
    return menus


def read_menu(container: LexborNode, url: str, depth: int) -> list[Section]:
    """The entries of a menu element as sections, sub-menus read recursively."""
    if container.tag == "dl" and any(c.tag == "dt" for c in _element_children(container)):
        return _read_definition_list(container, url, depth)
    sections: list[Section] = []
    for entry in _entries(container):
        section = _read_entry(entry, url, depth)
        if section is not None and all(
            (s.name, s.url) != (section.name, section.url) for s in sections
        ):
            sections.append(section)
    return sections


def _entries(container: LexborNode) -> list[LexborNode]:
    """A menu's entries: its element children (cells, for a table)."""
    children = _element_children(container)
    if container.tag in ("table", "tbody"):
        rows = [r for c in children for r in ([c] if c.tag == "tr" else _element_children(c))]
        return [cell for row in rows for cell in _element_children(row)]
    return children


def _element_children(node: LexborNode) -> list[LexborNode]:
    found = []
    child = node.first_child
    while child is not None:
        if child.is_element_node:
            found.append(child)
        child = child.next
    return found


def _read_entry(entry: LexborNode, url: str, depth: int) -> Section | None:
    if entry.tag == "a":
        return _section(entry, url, ())
    submenu = _submenu(entry) if depth < _MAX_DEPTH else None
    inside = {a.mem_id for a in submenu.css("a")} if submenu is not None else set()
    head = next((a for a in entry.css("a") if a.mem_id not in inside), None)
    children: list[Section] = []
    if submenu is not None:
        children = read_menu(submenu, url, depth + 1)
    elif head is not None:
        for anchor in entry.css("a"):
            if anchor.mem_id != head.mem_id:
                child = _section(anchor, url, ())
                if child is not None:
                    children.append(child)
    if head is not None:
        own = resolve_href(head.attributes.get("href"), url)
        # An image link and a text link to the same page are one entry, not parent and child.
        kept = tuple(c for c in children if c.url is None or c.url != own)
        return _section(head, url, kept)
    name = _own_label(entry, inside)
    if name and children:
        return Section(name, None, tuple(children))
    return None


def _submenu(entry: LexborNode) -> LexborNode | None:
    """The nested menu (dropdown) inside an entry: a list holding links, else a link panel."""
    first = entry.css_first("a")
    for node in entry.css("ul, ol, dl"):
        if holds_link(node):
            return node
    for node in entry.css("div, span, p"):
        links = {a.mem_id for a in node.css("a")}
        if len(links) >= 2 and first is not None and first.mem_id not in links:
            return node
    return None


def _own_label(entry: LexborNode, inside: set[int]) -> str | None:
    """A text-only entry label (``<span>党建引领</span>``) when the entry has no own link."""
    for node in entry.css("span, strong, b, h2, h3, h4, p, em, dt"):
        if any(a.mem_id in inside for a in node.css("a")):
            continue
        name = clean_text(node.text(deep=True) or "")
        if 0 < len(name) <= _MAX_NAME:
            return name
    return None


def _read_definition_list(container: LexborNode, url: str, depth: int) -> list[Section]:
    """``<dl>``: each ``<dt>`` is a section, the ``<dd>`` that follow are its sub-sections."""
    sections: list[Section] = []
    head: LexborNode | None = None
    children: list[Section] = []

    def flush() -> None:
        if head is not None:
            anchor = head if head.tag == "a" else head.css_first("a")
            name = clean_text(head.text(deep=True) or "")
            section = _section(anchor, url, tuple(children)) if anchor is not None else None
            if section is None and name and children and not is_utility_name(name):
                section = Section(name, None, tuple(children))
            if section is not None:
                sections.append(section)

    for child in _element_children(container):
        if child.tag == "dt":
            flush()
            head, children = child, []
        elif child.tag == "dd":
            nested = read_menu(child, url, depth + 1) if child.css_first("li") else []
            if nested:
                children.extend(nested)
            else:
                children.extend(
                    s for a in child.css("a") if (s := _section(a, url, ())) is not None
                )
    flush()
    return sections


def _section(anchor: LexborNode, url: str, children: tuple[Section, ...]) -> Section | None:
    """A section from a link, or None for utility, off-site and headline-length links."""
    name = anchor_text(anchor)
    if not name or len(name) > _MAX_NAME or is_utility_name(name):
        return None
    href = anchor.attributes.get("href")
    target = resolve_href(href, url)
    if target is not None and not same_site(target, url):
        return None
    if target is None and not children:
        return None  # a script link with nothing under it leads nowhere
    return Section(name, target, children)


def _candidates(root: LexborNode) -> list[LexborNode]:
    """Top-level lists, definition lists, table rows and link bars that may be menus."""
    found: list[LexborNode] = []
    for node in root.css("ul, ol, dl, tr, nav, div, p, td"):
        if node.tag in _LISTS:
            if not _inside_list_entry(node):
                found.append(node)
        elif node.tag == "tr":
            if sum(1 for cell in _element_children(node) if holds_link(cell)) >= 3:
                found.append(node)
        elif sum(1 for child in _element_children(node) if child.tag == "a") >= 3:
            found.append(node)
    return found


def _inside_list_entry(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag in ("li", "dd"):
            return True
        parent = parent.parent
    return False


def _name_weight(name: str) -> float:
    """Section names are short (工作动态, 政策法规); carousel captions and headlines are not."""
    if len(name) <= 6:
        return 1.0
    return 0.5 if len(name) <= 8 else 0.2


def _score(container: LexborNode, sections: list[Section]) -> float:
    """Entries and sub-sections count; a nav-like class or id doubles, a footer-like cuts."""
    if len(sections) < 3:
        return 0.0
    linked = [s for s in sections if s.url is not None or s.children]
    if len(linked) < 3:
        return 0.0
    descendants = sum(_name_weight(d.name) for s in sections for d in s.walk()[1:])
    score = sum(_name_weight(s.name) for s in sections) + 1.5 * descendants
    node: LexborNode | None = container
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            break
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        tokens = [t for t in _TOKEN.split(marker.lower()) if t]
        if node.tag == "nav" or any(_NAV_MARKER.match(t) for t in tokens):
            score *= 2.0
        if node.tag == "footer" or any(_FOOT_MARKER.match(t) for t in tokens):
            score *= 0.2
        node = node.parent
    return score

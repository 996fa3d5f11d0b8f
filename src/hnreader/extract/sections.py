"""A site's section tree from one of its pages (usually the home page).

``extract_tree`` decodes and parses the page, removes hidden content except dropdown submenus
(see ``tree_hidden``: a CSS-hidden second level of a nav menu is part of the site, a hidden
link farm is not), then reads:

1. the **nav menu**: the best-scoring menu (see ``tree_nav``) gives the top-level sections and,
   through its dropdowns, their sub-sections; a second menu built alike right beside it (a nav
   split over two rows) continues it;
2. **sidebars**: another menu introduced by a heading that names a section gives that
   section's sub-sections when the nav had none for it;
3. the **breadcrumb**: steps the tree lacks are added where the trail puts them (see
   ``tree_merge``; trails that skip a level are matched, not duplicated).

The site name comes from ``tree_site`` (logo, meta, welcome bar before the untrusted title).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from hnreader.extract.decode import decode_html
from hnreader.extract.dom import clean_text, parse_html, sanitize
from hnreader.extract.list_links import is_utility_name, same_site
from hnreader.extract.tree_breadcrumb import Crumb, find_breadcrumb, is_page_word
from hnreader.extract.tree_hidden import drop_hidden_except_dropdowns
from hnreader.extract.tree_merge import add_trail
from hnreader.extract.tree_nav import Menu, find_menus
from hnreader.extract.tree_site import site_name
from hnreader.models import Section, SiteTree

__all__ = ["extract_tree"]


def extract_tree(content: bytes | str, url: str, content_type: str | None = None) -> SiteTree:
    """The site name and nested sections (``name, url, children``) read from one page.

    Raises ``ValueError`` when the content is not a readable page (empty or binary).
    """
    decoded = decode_html(content, content_type)
    tree = parse_html(decoded.text)
    drop_hidden_except_dropdowns(tree, url)
    sanitize(tree, drop_hidden=False)
    root = tree.body
    if root is None:
        raise ValueError("the page has no body: it is not an HTML page")
    name = site_name(tree, root, url)
    menus = find_menus(root, url)
    sections: list[Section] = []
    if menus:
        best = menus[0]
        sections = list(best.sections)
        for menu in menus[1:]:
            if _continues(menu, best):
                sections.extend(s for s in menu.sections if _absent(s, sections))
        sections = _attach_sidebars(sections, [m for m in menus[1:] if not _overlaps(m, best)])
    trail = [c for c in find_breadcrumb(root, url) if _is_section_step(c, name, url)]
    return SiteTree(site=name, url=url, sections=add_trail(tuple(sections), trail))


def _continues(menu: Menu, best: Menu) -> bool:
    """A menu built like the nav right beside it: the nav's second row."""
    a, b = menu.container, best.container
    return (
        a.parent is not None
        and b.parent is not None
        and a.parent.mem_id == b.parent.mem_id
        and a.tag == b.tag
        and (a.attributes.get("class") or "") == (b.attributes.get("class") or "")
    )


def _absent(section: Section, sections: list[Section]) -> bool:
    return all((s.name, s.url) != (section.name, section.url) for s in sections)


def _overlaps(menu: Menu, best: Menu) -> bool:
    """Whether one menu's element contains the other's (the same links read twice)."""
    return _contains(menu.container, best.container) or _contains(best.container, menu.container)


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node: LexborNode | None = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def _attach_sidebars(sections: list[Section], others: list[Menu]) -> list[Section]:
    """Give childless sections the entries of a menu whose heading names them."""
    for menu in others:
        heading = _heading_of(menu.container)
        if heading is None:
            continue
        for index, section in enumerate(sections):
            if section.name == heading and not section.children:
                children = tuple(s for s in menu.sections if s.name != section.name)
                sections[index] = Section(section.name, section.url, children)
                break
    return sections


def _heading_of(container: LexborNode) -> str | None:
    """The short text just before a menu (its box heading), looking up to two levels up."""
    node: LexborNode | None = container
    for _ in range(3):
        if node is None:
            return None
        sibling = node.prev
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.prev
        if sibling is not None:
            raw = sibling.text(deep=True) or ""
            text = clean_text(raw) if len(raw) < 100 else ""
            if 2 <= len(text) <= 12:
                return text
            if text:
                return None
        node = node.parent
    return None


def _is_section_step(crumb: Crumb, site: str, url: str) -> bool:
    if crumb.url is not None and not same_site(crumb.url, url):
        return False  # an off-site step is not one of this site's sections
    return not (is_page_word(crumb.name) or crumb.name == site or is_utility_name(crumb.name))

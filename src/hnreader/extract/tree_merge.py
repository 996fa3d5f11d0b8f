"""Adding a breadcrumb trail to a section tree read from the nav.

Breadcrumbs often skip levels (``湖南社会工作 > 工作动态`` for a sub-section of 新闻中心), so a
step is first looked for anywhere below the previous step (anywhere in the tree for the first
step), matched by URL or by name; only a step found nowhere is added, under the previous one.
"""

from __future__ import annotations

from hnreader.extract.tree_breadcrumb import Crumb
from hnreader.models import Section

__all__ = ["add_trail"]

Path = tuple[int, ...]


def add_trail(sections: tuple[Section, ...], trail: list[Crumb]) -> tuple[Section, ...]:
    """The sections with every step of ``trail`` present, in the trail's nesting."""
    at: Path = ()
    for crumb in trail:
        found = _find(sections, crumb, at)
        if found is None:
            sections, found = _insert(sections, at, Section(crumb.name, crumb.url))
        at = found
    return sections


def _node(sections: tuple[Section, ...], path: Path) -> Section:
    node = sections[path[0]]
    for index in path[1:]:
        node = node.children[index]
    return node


def _find(sections: tuple[Section, ...], crumb: Crumb, under: Path) -> Path | None:
    """The path of the first section below ``under`` (depth first) that the crumb names."""
    children = _node(sections, under).children if under else sections
    stack: list[tuple[Path, Section]] = [
        ((*under, i), child) for i, child in reversed(list(enumerate(children)))
    ]
    while stack:
        path, section = stack.pop()
        same_url = crumb.url is not None and section.url == crumb.url
        if same_url or section.name == crumb.name:
            return path
        stack.extend(((*path, i), c) for i, c in reversed(list(enumerate(section.children))))
    return None


def _insert(
    sections: tuple[Section, ...], parent: Path, new: Section
) -> tuple[tuple[Section, ...], Path]:
    """The sections with ``new`` appended under ``parent`` (top level for ``()``), and its path."""
    if not parent:
        return (*sections, new), (len(sections),)
    head, rest = parent[0], parent[1:]
    child = sections[head]
    grown, inner = _insert(child.children, rest, new)
    updated = Section(child.name, child.url, grown)
    return (*sections[:head], updated, *sections[head + 1 :]), (head, *inner)

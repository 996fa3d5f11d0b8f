"""The section tree: a site's nav menu as a keyboard-driven tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from hnreader.models import Section, SiteTree
from hnreader.render.layout import clean_text


class SectionTree(Tree[Section]):
    """The sections of one site; Enter on a section asks for its article list.

    The root (the site itself) is hidden: its name is in the status bar, and at 80 columns
    every column of the pane matters.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open section", id="section_tree.open"),
        Binding("down,j", "cursor_down", "Next section", show=False, id="section_tree.down"),
        Binding("up,k", "cursor_up", "Previous section", show=False, id="section_tree.up"),
        Binding("space", "toggle_node", "Expand/collapse", show=False, id="section_tree.toggle"),
    ]

    class SectionSelected(Message):
        """The user chose a section that has a list page."""

        def __init__(self, section: Section) -> None:
            super().__init__()
            self.section = section

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("…"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.unread: dict[str, int] = {}  # list URL -> unread articles on its stored first page
        self.display_text: Callable[[str], str] = clean_text  # names in the chosen script

    def show_unread(self, counts: dict[str, int]) -> None:
        """Show ``counts`` (list URL -> unread articles) after the section names."""
        self.unread = {**self.unread, **counts}
        self.relabel()

    def relabel(self) -> None:
        """Draw every section name again (after a change of counts or script)."""
        for node in self._section_nodes():
            if node.data is not None:
                node.set_label(self._label(node.data))

    def show_sections(self, tree: SiteTree) -> None:
        """Replace the tree's content with the sections of ``tree``."""
        self.clear()
        self.root.set_label(Text(clean_text(tree.site)))
        for section in tree.sections:
            self._add(self.root, section)
        self.root.expand()
        self.move_cursor_to_line(0)

    def show_placeholder(self, text: str) -> None:
        """Empty the tree and show ``text`` as its only, inert, line (e.g. while loading)."""
        self.clear()
        self.root.add_leaf(Text(text, style="italic"))
        self.root.expand()

    @property
    def sections(self) -> list[Section]:
        """Every section shown, depth first (empty while a placeholder is shown)."""
        return [node.data for node in self._section_nodes() if node.data is not None]

    def select_section(self, section: Section) -> None:
        """Move the cursor to ``section`` (expanding its parents) and open it."""
        for node in self._section_nodes():
            if node.data == section:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.move_cursor(node)
                self.post_message(self.SectionSelected(section))
                return
        raise ValueError(f"no such section in the tree: {section.name}")

    def _section_nodes(self) -> list[TreeNode[Section]]:
        """Every node under the root, depth first (the order the tree shows them)."""
        found: list[TreeNode[Section]] = []
        pending = list(reversed(self.root.children))
        while pending:
            node = pending.pop()
            found.append(node)
            pending.extend(reversed(node.children))
        return found

    def _add(self, parent: TreeNode[Section], section: Section) -> None:
        label = self._label(section)
        if not section.children:
            parent.add_leaf(label, data=section)
            return
        node = parent.add(label, data=section)
        for child in section.children:
            self._add(node, child)

    def _label(self, section: Section) -> Text:
        label = Text(self.display_text(section.name))
        if section.url is None:
            # A menu heading without a page of its own: it only groups its children.
            label.stylize("dim")
        count = self.unread.get(section.url or "")
        if count:
            label.append(f" ({count})")
        return label

    def on_tree_node_selected(self, event: Tree.NodeSelected[Section]) -> None:
        """Turn a selected node into a :class:`SectionSelected` if it has a page."""
        event.stop()
        section = event.node.data
        if section is not None and section.url is not None:
            self.post_message(self.SectionSelected(section))

"""The main screen: sections | article list | reader, with the layout keys.

Loads live in :mod:`~hnreader.ui.screens.main_loads`, article actions (marks, browser, link)
in :mod:`~hnreader.ui.screens.main_actions`; this module lays the panes out and moves the
focus between them.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.widget import Widget
from textual.widgets import Static

from hnreader import models
from hnreader.config import Script
from hnreader.render.layout import clean_text
from hnreader.render.script import to_script
from hnreader.sites import SiteSession
from hnreader.ui.screens.main_actions import ArticleActions
from hnreader.ui.state import ReaderState
from hnreader.ui.widgets.article_list import ArticleList, ArticleOptions
from hnreader.ui.widgets.key_footer import KeyFooter
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree
from hnreader.ui.widgets.status_bar import StatusBar

PANES = ("#sections", "#list-options", "#reader")  # the focusable widget of each pane, in order
TREE, LIST, READER = range(3)
CHOOSE_NOTE = "Choose an article from the list."
OFFLINE_NOTE = "离线阅读 Offline: showing stored copies; pages never stored cannot be opened."


class MainScreen(ArticleActions):
    """Three panes side by side; below 100 columns the reader takes the screen when open."""

    # Textual annotates this as ``ClassVar[...] | None``, which mypy reads as an instance
    # variable, so it cannot be re-annotated as a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (100, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="main.previous_pane"),
        Binding("escape", "back", "Back", id="main.back"),
        Binding("r", "reload", "Reload", show=False, id="main.reload"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="main.toggle_read"),
        Binding("s", "toggle_bookmark", "Bookmark", show=False, id="main.toggle_bookmark"),
        Binding("o", "open_browser", "Open in browser", show=False, id="main.open_browser"),
        Binding("y", "copy_link", "Copy link", show=False, id="main.copy_link"),
        Binding("f", "full_screen", "Full screen", show=False, id="main.full_screen"),
        Binding(
            "left_square_bracket",
            "toggle_tree",
            "Hide/show sections",
            show=False,
            key_display="[",
            id="main.toggle_tree",
        ),
        Binding(
            "right_square_bracket",
            "widen_reader",
            "Wider/narrower reader",
            show=False,
            key_display="]",
            id="main.widen_reader",
        ),
    ]

    def __init__(
        self,
        session: SiteSession,
        start_url: str,
        *,
        state: ReaderState,
        font_path: str | None = None,
        exit_when_ready: bool = False,
    ) -> None:
        super().__init__(session, start_url, exit_when_ready=exit_when_ready)
        self.state = state
        self.font_path = font_path

    def compose(self) -> ComposeResult:
        """The offline banner, the three panes, the status bar and the key footer."""
        # Composed as the first frame shows them, so that nothing is restyled on mount: the
        # width class the first resize would add (restyling every widget) is set already.
        wanted = _width_class(self.app.size.width)
        for _, name in self.HORIZONTAL_BREAKPOINTS:
            self.set_class(name == wanted, name, update=False)
        banner = "-shown" if self.session.offline else ""
        yield Static(OFFLINE_NOTE, id="offline-banner", classes=banner)
        with Horizontal(id="panes"):
            with Vertical(id="tree-pane"):
                yield SectionTree(id="sections")
                yield Static(id="tree-message")
            yield ArticleList(id="list-pane")
            yield ArticleReader(
                id="reader",
                font_path=self.font_path,
                script=self.state.script,
                show_ruby=self.state.show_ruby,
                message=CHOOSE_NOTE,
            )
        yield StatusBar(id="status", offline=self.session.offline)
        yield KeyFooter()

    async def on_mount(self) -> None:
        """Name the panes, apply the remembered look and start loading the site's sections."""
        self.hold_first_paint()
        self.query_one("#tree-pane").border_title = "栏目"
        self.query_one("#list-pane").border_title = "文章"
        self.query_one("#reader").border_title = "正文"
        self.status.show_site(self.start_url)
        self.show_network()
        if self.store is not None:
            self.article_list.states = {}  # marks are known: no mark means unread
        await self.apply_state(self.state)
        self.section_tree.focus()
        self.load_tree()

    async def apply_state(self, state: ReaderState) -> None:
        """Show titles, text, font step and readings as ``state`` says."""
        self.state = state
        display = partial(shown_in, script=state.script)
        self.section_tree.display_text = display
        self.section_tree.relabel()
        self.article_list.display_text = display
        self.article_list.redraw()
        await self.reader.set_script(state.script)
        await self.reader.set_show_ruby(state.show_ruby)
        await self.reader.set_font_step(state.font_step)
        self.status.show_font(self.reader.font_step, _font_note(state, self.reader.font_step))
        self.status.show_script(state.script)

    def on_article_reader_font_unavailable(self, event: ArticleReader.FontUnavailable) -> None:
        """Say in the status bar that 大/特大 cannot be drawn, and what to install."""
        self.status.show_font(self.reader.font_step, "no CJK font")

    # -- panes and layout -----------------------------------------------------------------

    @property
    def pane(self) -> int:
        """The index of the pane that has the focus (the tree if none has)."""
        focused = self.focused
        for index, selector in enumerate(PANES):
            widget = self.query_one(selector)
            if focused is not None and (focused is widget or widget in focused.ancestors):
                return index
        return TREE

    def focus_pane(self, index: int) -> None:
        """Give the focus to pane ``index``, showing it first if the layout hides it."""
        self.set_class(index == READER, "-reading")
        if index != READER:
            self.remove_class("-full")
        if index == TREE:
            self.remove_class("-no-tree")
        # At once, not after the next refresh: a key typed right after must reach the new pane.
        self.query_one(PANES[index]).focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Keep the narrow layout in step when the focus moves by mouse."""
        self.set_class(self.pane == READER, "-reading")

    def action_next_pane(self) -> None:
        """Move the focus to the next pane."""
        self.focus_pane((self.pane + 1) % len(PANES))

    def action_previous_pane(self) -> None:
        """Move the focus to the previous pane."""
        self.focus_pane((self.pane - 1) % len(PANES))

    def action_back(self) -> None:
        """Leave full screen, or go back one pane: reader → list → tree."""
        if self.has_class("-full"):
            self.remove_class("-full")
        elif self.pane != TREE:
            self.focus_pane(self.pane - 1)

    def action_full_screen(self) -> None:
        """Show the reader alone (again: the panes come back)."""
        full = not self.has_class("-full")
        self.set_class(full, "-full")
        if full:
            self.focus_pane(READER)

    def action_toggle_tree(self) -> None:
        """Hide the section tree to give the list and reader its columns, or show it again."""
        hide = not self.has_class("-no-tree")
        if hide and self.pane == TREE:
            self.focus_pane(LIST)
        self.set_class(hide, "-no-tree")

    def action_widen_reader(self) -> None:
        """Give the reader most of the width (the list narrows), or share it again."""
        self.toggle_class("-wide-reader")

    def action_reload(self) -> None:
        """Load again what the focused pane shows (after a failure, say)."""
        if self.pane == READER and self.item is not None:
            self.open_article(self.item)
        elif self.pane != TREE and self.section is not None:
            self.open_section(self.section)
        else:
            self.load_tree()

    def open_article(self, item: models.ListItem) -> None:
        """Show the article ``item`` in the reader (loading it in the background)."""
        self.item = item
        self.load_article(item)
        self.focus_pane(READER)

    def on_section_tree_section_selected(self, event: SectionTree.SectionSelected) -> None:
        """Open the chosen section; a leaf also takes the focus to the list."""
        self.open_section(event.section)
        if not event.section.children:
            self.focus_pane(LIST)

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        """Open the chosen article."""
        self.open_article(event.item)

    def on_article_list_end_reached(self, event: ArticleList.EndReached) -> None:
        """Load the next list page."""
        self.article_list.begin_more()
        self.load_more(event.next_url)

    def pane_widgets(self) -> list[Widget]:
        """The focusable widget of each pane, in order (for commands and help)."""
        return [self.section_tree, self.query_one(ArticleOptions), self.reader]


def shown_in(text: str, script: Script) -> str:
    """Page text as the reader shows it in lists: terminal-safe, in the chosen script."""
    return to_script(clean_text(text), script)


def _width_class(width: int) -> str:
    """The class of :attr:`MainScreen.HORIZONTAL_BREAKPOINTS` that applies at ``width``."""
    return max((b for b in MainScreen.HORIZONTAL_BREAKPOINTS if width >= b[0]), default=(0, ""))[1]


def _font_note(state: ReaderState, shown: str) -> str:
    return "no CJK font" if shown != state.font_step else ""

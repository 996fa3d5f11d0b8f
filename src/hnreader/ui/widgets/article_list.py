"""The article list pane: one section's articles, newest first, loaded page by page.

Each line is: unread mark, bookmark mark, date, title. The marks are symbols (● unread,
★ bookmarked), so they read the same in every theme and without colour.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from hnreader import models
from hnreader.render.layout import clean_text
from hnreader.store import ReadingState

DATE_WIDTH = 10  # YYYY-MM-DD; longer date-times are cut to the day in a list
UNREAD_MARK = "●"
BOOKMARK_MARK = "★"


class ArticleOptions(OptionList):
    """The list's keyboard-driven options: one per article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open article", id="article_list.open"),
        Binding("down,j", "cursor_down", "Next article", show=False, id="article_list.down"),
        Binding("up,k", "cursor_up", "Previous article", show=False, id="article_list.up"),
    ]


class ArticleList(Vertical):
    """A section's title, its articles, a line that shows loading or errors.

    The owner feeds pages in with :meth:`show_page` / :meth:`append_page` and the reader's
    marks with :meth:`show_states`; the widget says when the user opened an article or
    reached the end of what is loaded.
    """

    class ArticleChosen(Message):
        """The user opened an article of the list."""

        def __init__(self, item: models.ListItem) -> None:
            super().__init__()
            self.item = item

    class EndReached(Message):
        """The user reached the last loaded article and the section has another page."""

        def __init__(self, next_url: str) -> None:
            super().__init__()
            self.next_url = next_url

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[models.ListItem] = []
        self.next_url: str | None = None
        self.loading_more = False
        self.section = ""
        self.states: dict[str, ReadingState] | None = None  # None: marks are not known
        self.display_text: Callable[[str], str] = clean_text  # titles in the chosen script

    def compose(self) -> ComposeResult:
        """The heading, the options, the loading line and the message line."""
        yield Static(id="list-heading")
        yield ArticleOptions(id="list-options")
        indicator = LoadingIndicator(id="list-loading")
        indicator.display = False
        yield indicator
        yield Static(id="list-message")

    @property
    def options(self) -> ArticleOptions:
        """The focusable list of articles."""
        return self.query_one(ArticleOptions)

    @property
    def message(self) -> str:
        """The text of the message line (empty when there is none)."""
        return str(self.query_one("#list-message", Static).content)

    @property
    def loading_shown(self) -> bool:
        """Whether the loading line is shown (a page of the list is on its way)."""
        return bool(self.query_one("#list-loading").display)

    @property
    def highlighted_item(self) -> models.ListItem | None:
        """The article under the cursor, if any."""
        index = self.options.highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def show_loading(self, section: str) -> None:
        """Forget the shown list and show that ``section``'s first page is loading."""
        self.items = []
        self.next_url = None
        self.loading_more = False
        self.options.clear_options()
        self._show_heading(section)
        self._set_message("")
        self._show_loading(True)

    def show_page(self, page: models.ArticleList, section: str) -> None:
        """Show ``page`` as the first page of ``section``."""
        self.items = []
        self.options.clear_options()
        self._show_heading(page.section or section)
        self._add(page)
        if not page.items:
            self._set_message("This section has no articles.")

    def append_page(self, page: models.ArticleList) -> None:
        """Add ``page`` (the next page of the shown section) after what is shown."""
        self._add(page)

    def begin_more(self) -> None:
        """Show that the next page is loading."""
        self.loading_more = True
        self._set_message("")
        self._show_loading(True)

    def show_error(self, text: str) -> None:
        """Stop any loading indicator and show ``text`` as the reason."""
        self.loading_more = False
        self._show_loading(False)
        self._set_message(text, error=True)

    def show_states(self, states: dict[str, ReadingState]) -> None:
        """Show the marks in ``states`` (URLs missing from it are unread, not bookmarked)."""
        self.states = {**(self.states or {}), **states}
        self.redraw()

    def set_state(self, url: str, state: ReadingState) -> None:
        """Change the marks of one article."""
        self.show_states({url: state})

    def redraw(self) -> None:
        """Draw every line again (after a change of marks or script)."""
        self._show_heading(self.section)
        for index, item in enumerate(self.items):
            self.options.replace_option_prompt_at_index(index, self._prompt(item))

    def _show_loading(self, shown: bool) -> None:
        # Shown directly, not by a class on the pane: a class change restyles every widget of
        # the pane, twice per section opened.
        self.query_one("#list-loading").display = shown

    def _show_heading(self, section: str) -> None:
        self.section = section
        self.query_one("#list-heading", Static).update(Text(self.display_text(section)))

    def _add(self, page: models.ArticleList) -> None:
        self.loading_more = False
        self._show_loading(False)
        self._set_message("")
        self.next_url = page.next
        self.items.extend(page.items)
        self.options.add_options(Option(self._prompt(item)) for item in page.items)
        if self.options.highlighted is None and self.items:
            self.options.highlighted = 0

    def _prompt(self, item: models.ListItem) -> Text:
        """One list line: marks, the day in a fixed column, then the title (taken literally)."""
        date = (item.date or "")[:DATE_WIDTH].ljust(DATE_WIDTH)
        title = self.display_text(item.title)
        if self.states is None:
            return Text.assemble((date, "dim"), "  ", title)
        state = self.states.get(item.url, ReadingState())
        unread = UNREAD_MARK if state.read_at is None else " "
        bookmark = BOOKMARK_MARK if state.bookmarked_at is not None else " "
        return Text.assemble(unread, bookmark, " ", (date, "dim"), "  ", title)

    def _set_message(self, text: str, *, error: bool = False) -> None:
        line = self.query_one("#list-message", Static)
        line.update(Text(text))
        line.set_class(bool(text), "-shown")
        line.set_class(error, "-error")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn a selected option into :class:`ArticleChosen`."""
        event.stop()
        self.post_message(self.ArticleChosen(self.items[event.option_index]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Ask for the next page when the highlight reaches the last loaded article."""
        event.stop()
        if event.option_index == len(self.items) - 1 and self.next_url and not self.loading_more:
            self.post_message(self.EndReached(self.next_url))

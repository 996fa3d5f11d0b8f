"""The bookmarks and history screens: stored articles to open again, newest first."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from hnreader import models
from hnreader.store import Store, StoredArticle, StoreError
from hnreader.ui.widgets.article_list import BOOKMARK_MARK, DATE_WIDTH, UNREAD_MARK


def stored_prompt(stored: StoredArticle, display: Callable[[str], str]) -> Text:
    """One line: marks, publication day, title (page text, taken literally)."""
    article = stored.article
    unread = " " if stored.is_read else UNREAD_MARK
    bookmark = BOOKMARK_MARK if stored.is_bookmarked else " "
    date = (article.published or "")[:DATE_WIDTH].ljust(DATE_WIDTH)
    return Text.assemble(
        unread, bookmark, " ", (date, "dim"), "  ", display(article.title or article.url)
    )


class SavedArticlesScreen(Screen[models.ListItem | None]):
    """Articles from the library; Enter opens one, Escape goes back."""

    TITLE_TEXT = ""
    EMPTY_TEXT = ""

    def __init__(self, store: Store | None, display: Callable[[str], str]) -> None:
        super().__init__()
        self.store = store
        self.display_text = display
        self.articles: list[StoredArticle] = []

    def compose(self) -> ComposeResult:
        """A status line over the list."""
        yield Static(id="saved-status")
        yield OptionList(id="saved-list")
        yield Footer()

    def on_mount(self) -> None:
        """Title the list and load it."""
        self.query_one(OptionList).border_title = self.TITLE_TEXT
        self.query_one(OptionList).focus()
        self.load()

    @property
    def status_text(self) -> str:
        """The status line as shown."""
        return str(self.query_one("#saved-status", Static).content)

    def fetch(self, store: Store) -> list[StoredArticle]:
        """The articles to list (called in a thread)."""
        raise NotImplementedError

    @work(exclusive=True)
    async def load(self) -> None:
        """Read the list from the library and show it."""
        store = self.store
        if store is None:
            self._say("This needs the library, and this session keeps none.")
            return
        self._say("Loading…")
        try:
            self.articles = await asyncio.to_thread(self.fetch, store)
        except StoreError as exc:
            self._say(f"The library could not be read: {exc}")
            return
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(Option(stored_prompt(s, self.display_text)) for s in self.articles)
        if self.articles:
            listing.highlighted = 0
        self._say(f"{len(self.articles)} articles" if self.articles else self.EMPTY_TEXT)

    def action_close(self) -> None:
        """Back to the main screen."""
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen article."""
        article = self.articles[event.option_index].article
        self.dismiss(models.ListItem(article.title or article.url, article.url, article.published))

    def _say(self, text: str) -> None:
        self.query_one("#saved-status", Static).update(Text(text))


class BookmarksScreen(SavedArticlesScreen):
    """Bookmarked articles, newest bookmark first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="bookmarks.close"),
    ]
    TITLE_TEXT = "收藏 Bookmarks"
    EMPTY_TEXT = "No bookmarks yet: press s on an article to bookmark it."

    def fetch(self, store: Store) -> list[StoredArticle]:
        """Every bookmarked stored article."""
        return store.bookmarks()


class HistoryScreen(SavedArticlesScreen):
    """Articles by when they were last opened, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="history.close"),
    ]
    TITLE_TEXT = "历史 History"
    EMPTY_TEXT = "Nothing read yet."
    LIMIT = 200

    def fetch(self, store: Store) -> list[StoredArticle]:
        """The last :data:`LIMIT` opened articles."""
        return store.history(self.LIMIT)

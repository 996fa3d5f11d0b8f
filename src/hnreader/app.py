"""The Textual application: one site, one session, the main screen and its side screens.

Set ``HNREADER_EXIT_WHEN_READY=1`` in the environment and the app exits right after the
first full draw of the main screen with the section tree and the first article list loaded
(status 0), or with status 1 when either cannot be loaded; the start-up benchmark uses it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from hnreader import paths
from hnreader.config import Config, Script
from hnreader.models import ListItem
from hnreader.sites import SiteSession
from hnreader.ui.screens.main import MainScreen, shown_in
from hnreader.ui.state import STATE_FILE, ReaderState, load_state, save_state
from hnreader.ui.themes import HIGH_CONTRAST, TEXTUAL_THEMES, THEME_LABELS, next_theme
from hnreader.ui.widgets.reader import ArticleReader

EXIT_WHEN_READY_ENV = "HNREADER_EXIT_WHEN_READY"


class HnReaderApp(App[None]):
    """The terminal reader, opened on the site whose home page is ``start_url``.

    The app owns ``session`` (a network-only one when None) and closes its fetcher on exit.
    ``config`` gives the defaults and the keymap (binding id -> keys); the look the user last
    chose (font step, script, readings, theme) is remembered in ``reader-state.json`` in the
    data directory and wins over the configured defaults. ``HNREADER_EXIT_WHEN_READY=1``
    makes it exit once the tree and first list are drawn (see the module docstring).
    """

    CSS_PATH = "ui/hnreader.tcss"
    TITLE = "hnreader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("slash", "search", "Search", key_display="/", id="app.search"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="app.bookmarks"),
        Binding("H", "history", "History", show=False, id="app.history"),
        Binding("t", "toggle_script", "简/繁 script", show=False, id="app.toggle_script"),
        Binding("p", "toggle_ruby", "Readings (pinyin)", show=False, id="app.toggle_ruby"),
        Binding("T", "cycle_theme", "Next theme", show=False, id="app.cycle_theme"),
    ]

    def __init__(
        self, start_url: str, *, session: SiteSession | None = None, config: Config | None = None
    ) -> None:
        super().__init__()
        self.start_url = start_url
        self.config = config if config is not None else Config()
        self.session = session if session is not None else _online_session()
        self.keymap: dict[str, str] = dict(self.config.keymap)
        self.state_path = self._state_dir() / STATE_FILE
        defaults = ReaderState.from_config(self.config.reader)
        self.state = load_state(self.state_path, defaults)
        self.register_theme(HIGH_CONTRAST)
        self.theme = TEXTUAL_THEMES[self.state.theme]
        self.main = MainScreen(
            self.session,
            start_url,
            state=self.state,
            font_path=self.config.reader.font_path,
            exit_when_ready=os.environ.get(EXIT_WHEN_READY_ENV) == "1",
        )

    def _state_dir(self) -> Path:
        if self.session.store is not None:
            return self.session.store.path.parent  # beside the library (the CLI chose it)
        return paths.data_dir(self.config.data_dir, create=False)

    def get_default_screen(self) -> Screen[None]:
        """The main screen, on the start site."""
        return self.main

    def on_mount(self) -> None:
        """Apply the configured keymap."""
        self.set_keymap(self.keymap)

    async def on_unmount(self) -> None:
        """Close the session's network connections; let its library writes finish."""
        if self.session.fetcher is not None:
            await self.session.fetcher.aclose()
        await self.session.aclose()

    def display_text(self, text: str) -> str:
        """``text`` in the chosen script (简/繁)."""
        return shown_in(text, self.state.script)

    # -- side screens ---------------------------------------------------------------------

    # The side screens are imported when first shown: the first frame needs none of them.

    def action_help(self) -> None:
        """Show every key."""
        from hnreader.ui.commands import key_groups
        from hnreader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(key_groups(self)))

    def action_search(self) -> None:
        """Search the library."""
        from hnreader.ui.screens.search import SearchScreen

        self._show(SearchScreen(self.session.store, self.display_text))

    def action_bookmarks(self) -> None:
        """List the bookmarked articles."""
        from hnreader.ui.screens.saved import BookmarksScreen

        self._show(BookmarksScreen(self.session.store, self.display_text))

    def action_history(self) -> None:
        """List the articles read lately."""
        from hnreader.ui.screens.saved import HistoryScreen

        self._show(HistoryScreen(self.session.store, self.display_text))

    def _show(self, screen: Screen[ListItem | None]) -> None:
        while len(self.screen_stack) > 1:  # side screens replace each other
            self.pop_screen()
        self.push_screen(screen, self._open_chosen)

    def _open_chosen(self, item: ListItem | None) -> None:
        if item is not None:
            self.main.open_article(item)

    # -- the look -------------------------------------------------------------------------

    async def action_toggle_script(self) -> None:
        """Show everything in the other script: 简 ↔ 繁."""
        script: Script = "traditional" if self.state.script == "simplified" else "simplified"
        await self._change(replace(self.state, script=script))

    async def action_toggle_ruby(self) -> None:
        """Show or hide ruby readings (pinyin) after the characters they annotate."""
        await self._change(replace(self.state, show_ruby=not self.state.show_ruby))

    async def action_cycle_theme(self) -> None:
        """Dark → light → high contrast (适老化) → dark."""
        theme = next_theme(self.state.theme)
        self.theme = TEXTUAL_THEMES[theme]
        await self._change(replace(self.state, theme=theme))
        self.notify(f"主题 Theme: {THEME_LABELS[theme]} ({theme})")

    async def on_article_reader_font_step_changed(
        self, event: ArticleReader.FontStepChanged
    ) -> None:
        """Remember the font step the user chose in the reader."""
        await self._change(replace(self.state, font_step=event.step))

    async def _change(self, state: ReaderState) -> None:
        self.state = state
        await self.main.apply_state(state)
        self.run_worker(partial(self._save, state), thread=True, group="state")

    def _save(self, state: ReaderState) -> None:
        try:
            save_state(self.state_path, state)
        except OSError as exc:
            message = f"Could not remember the reader's settings in {self.state_path}: {exc}"
            self.call_from_thread(self.notify, message, severity="warning", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The built-in commands and every action bound in the reader."""
        from hnreader.ui.commands import binding_commands

        yield from super().get_system_commands(screen)
        yield from binding_commands(self, screen)


def _online_session() -> SiteSession:
    """A session over a default fetcher, without a library (for an app built bare)."""
    from hnreader.fetch import Fetcher

    return SiteSession(Fetcher())

"""The Textual application: one site, one shared fetcher, one main screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.ui.commands import binding_commands, key_groups
from hnreader.ui.screens.help import HelpScreen
from hnreader.ui.screens.main import MainScreen


class HnReaderApp(App[None]):
    """The terminal reader, opened on the site whose home page is ``start_url``.

    The app owns the one :class:`Fetcher` every load goes through and closes it on exit.
    """

    CSS_PATH = "ui/hnreader.tcss"
    TITLE = "hnreader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(self, start_url: str, *, fetcher: Fetcher | None = None) -> None:
        super().__init__()
        self.start_url = start_url
        self.fetcher = fetcher if fetcher is not None else Fetcher()
        self.session = SiteSession(self.fetcher)

    def get_default_screen(self) -> Screen[None]:
        """The main screen, on the start site."""
        return MainScreen(self.session, self.start_url)

    async def on_unmount(self) -> None:
        """Close the shared fetcher's connections."""
        await self.fetcher.aclose()

    def action_help(self) -> None:
        """Show every key."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(key_groups(self)))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The built-in commands, help, and every action bound in the reader."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Show every key", self.action_help)
        yield from binding_commands(screen)

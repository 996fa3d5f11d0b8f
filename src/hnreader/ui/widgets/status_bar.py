"""The status bar: which site is open and what is loading right now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class StatusBar(Horizontal):
    """One line: the site name on the left, the loads in progress on the right.

    Loads are keyed by what they fetch (``"tree"``, ``"list"``, ``"article"``) so that a newer
    load of the same kind replaces the older one's text instead of piling up.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._activities: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        """The site label and the activity label."""
        yield Static(id="status-site")
        yield Static(id="status-activity")

    @property
    def activity(self) -> str:
        """What is loading, as shown (empty when idle)."""
        return " · ".join(self._activities.values())

    def show_site(self, name: str) -> None:
        """Show ``name`` as the open site (page text: never read as markup)."""
        self.query_one("#status-site", Static).update(Content(name))

    def begin(self, key: str, text: str) -> None:
        """Announce that the load ``key`` started."""
        self._activities[key] = text
        self._refresh_activity()

    def end(self, key: str) -> None:
        """Announce that the load ``key`` finished, failed or was cancelled."""
        self._activities.pop(key, None)
        self._refresh_activity()

    def _refresh_activity(self) -> None:
        self.query_one("#status-activity", Static).update(Content(self.activity))
        self.set_class(bool(self._activities), "-busy")

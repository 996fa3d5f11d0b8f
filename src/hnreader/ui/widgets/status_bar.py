"""The status bar: site, online/offline, loads, sync progress, font step and script."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from hnreader.config import FONT_STEP_LABELS, FontStep, Script
from hnreader.render.layout import clean_text

SCRIPT_LABELS: dict[Script, str] = {"simplified": "简", "traditional": "繁"}


class StatusBar(Horizontal):
    """One line: site · 在线/离线 · what is loading · sync · 字号 · 简/繁.

    Loads are keyed by what they fetch (``"tree"``, ``"list"``, ``"article"``) so that a newer
    load of the same kind replaces the older one's text instead of piling up. Every state is
    spelled out in words, never shown by colour alone.
    """

    def __init__(self, *, id: str | None = None, offline: bool = False) -> None:
        super().__init__(id=id)
        self._activities: dict[str, str] = {}
        self.offline = offline  # composed so (not restyled on mount), then see show_network

    def compose(self) -> ComposeResult:
        """One label per slot."""
        yield Static(id="status-site")
        yield Static(id="status-activity")
        yield Static(id="status-sync")
        offline = "-offline" if self.offline else ""
        yield Static(_network_text(self.offline), id="status-network", classes=offline)
        yield Static(id="status-font")
        yield Static(id="status-script")

    @property
    def activity(self) -> str:
        """What is loading, as shown (empty when idle)."""
        return " · ".join(self._activities.values())

    def show_site(self, name: str) -> None:
        """Show ``name`` as the open site (page text: never read as markup)."""
        self.query_one("#status-site", Static).update(Content(clean_text(name)))

    def show_network(self, offline: bool) -> None:
        """Show whether pages come from the network (在线) or the library only (离线)."""
        self.offline = offline
        label = self.query_one("#status-network", Static)
        label.update(_network_text(offline))
        label.set_class(offline, "-offline")

    def show_sync(self, text: str) -> None:
        """Show the progress of a running sync (empty text hides the slot)."""
        label = self.query_one("#status-sync", Static)
        label.update(Content(text))
        label.set_class(bool(text), "-shown")

    def show_font(self, step: FontStep, note: str = "") -> None:
        """Show the font step (小 中 大 特大), with ``note`` when it could not be honoured."""
        text = f"字号 {FONT_STEP_LABELS[step]}" + (f" ({note})" if note else "")
        self.query_one("#status-font", Static).update(Content(text))

    def show_script(self, script: Script) -> None:
        """Show the display script (简 or 繁)."""
        self.query_one("#status-script", Static).update(SCRIPT_LABELS[script])

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


def _network_text(offline: bool) -> str:
    """What the network slot says."""
    return "离线 offline" if offline else "在线"

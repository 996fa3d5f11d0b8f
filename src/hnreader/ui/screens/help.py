"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KeyGroup = tuple[str, list[Binding]]


class HelpScreen(ModalScreen[None]):
    """A list of every key binding; any of Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, groups: list[KeyGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        """The key table inside a scrolling frame."""
        with VerticalScroll(id="help-frame"):
            yield Static(self._table(), id="help-keys")
            yield Static(Text("In lists: ● unread, ★ bookmarked.", style="dim"))
            yield Static(Text("Escape, q or ? closes this help.", style="dim"))

    def on_mount(self) -> None:
        """Title the frame."""
        self.query_one("#help-frame").border_title = "Keys"

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", min_width=14)
        table.add_column()
        for title, bindings in self.groups:
            table.add_row(Text(title, style="underline"), Text(""))
            for binding in bindings:
                keys = " / ".join(
                    self.app.get_key_display(Binding(key.strip(), binding.action))
                    for key in binding.key.split(",")
                )
                table.add_row(Text(keys), Text(binding.description))
            table.add_row(Text(""), Text(""))
        return table

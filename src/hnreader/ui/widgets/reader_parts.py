"""The reader's header: the breadcrumb and the clickable 小 中 大 特大 buttons."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from hnreader.config import FONT_STEP_LABELS, FONT_STEPS, FontStep


class StepButton(Static):
    """One clickable font step in the header: 小, 中, 大 or 特大."""

    class Clicked(Message):
        """The user clicked this step."""

        def __init__(self, step: FontStep) -> None:
            super().__init__()
            self.step = step

    def __init__(self, step: FontStep, *, active: bool = False) -> None:
        classes = "font-step -active" if active else "font-step"
        super().__init__(FONT_STEP_LABELS[step], id=f"font-{step}", classes=classes)
        self.step = step
        self.tooltip = f"字号 {FONT_STEP_LABELS[step]}"

    def on_click(self, event: events.Click) -> None:
        """Ask the reader for this step."""
        event.stop()
        self.post_message(self.Clicked(self.step))


class ReaderHeader(Horizontal):
    """The top line of the reader: where the article sits, and the font steps."""

    DEFAULT_CSS = """
    ReaderHeader {
        dock: top;
        height: 1;
        width: 1fr;
    }
    ReaderHeader > #reader-breadcrumb {
        width: 1fr;
        height: 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReaderHeader > .font-step {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    ReaderHeader > .font-step:hover {
        background: $boost;
        color: $text;
    }
    ReaderHeader > .font-step.-active {
        color: $accent;
        text-style: bold reverse;
    }
    """

    def __init__(self, step: FontStep = "medium", breadcrumb: str = "") -> None:
        super().__init__()
        self.step = step  # composed already marked, so nothing is restyled at start-up
        self.breadcrumb = breadcrumb

    def compose(self) -> ComposeResult:
        """The breadcrumb, then one button per step, ``step`` marked as the one in use."""
        yield Static(Text(self.breadcrumb), id="reader-breadcrumb")
        for step in FONT_STEPS:
            yield StepButton(step, active=step == self.step)

    def show_breadcrumb(self, text: str) -> None:
        """Show ``text`` (page text, never markup) as the breadcrumb."""
        self.query_one("#reader-breadcrumb", Static).update(Text(text))

    def show_step(self, step: FontStep) -> None:
        """Mark ``step`` as the one in use."""
        self.step = step
        for button in self.query(StepButton):
            button.set_class(button.step == step, "-active")

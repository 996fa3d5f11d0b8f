"""The status bar: site, online/offline, loads, sync progress, font step and script."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from hnreader.config import FONT_STEP_LABELS, FontStep, Script
from hnreader.render.layout import clean_text

SCRIPT_LABELS: dict[Script, str] = {"simplified": "简", "traditional": "繁"}
GAP = "  "  # between the slots on the right


class StatusBar(Widget):
    """One line: site · what is loading · sync · 在线/离线 · 字号 · 简/繁, drawn as one widget.

    The site takes what the slots on the right leave. Loads are keyed by what they fetch
    (``"tree"``, ``"list"``, ``"article"``) so that a newer load of the same kind replaces the
    older one's text instead of piling up. Every state is spelled out in words, never shown by
    colour alone.
    """

    def __init__(self, *, id: str | None = None, offline: bool = False) -> None:
        super().__init__(id=id)
        self._activities: dict[str, str] = {}
        self.offline = offline
        self.site = ""
        self.sync = ""
        self.font = ""
        self.script = ""

    @property
    def activity(self) -> str:
        """What is loading, as shown (empty when idle)."""
        return " · ".join(self._activities.values())

    @property
    def network(self) -> str:
        """What the network slot says."""
        return _network_text(self.offline)

    def render_line(self, y: int) -> Strip:
        """The one line: the site, bold, in the room the slots on the right leave.

        Drawn as Textual drew one label per slot: text in the bar's colours, and the blank
        cells between (the labels' margins) in its background alone.
        """
        width = self.content_size.width
        base = self.rich_style
        blank = RichStyle.from_color(bgcolor=base.bgcolor)
        if y:
            return Strip.blank(width, blank)
        gap = Segment(GAP, blank)
        slots: list[Segment] = []
        if self.activity:
            warning = Color.parse(self.app.theme_variables["warning"]).rich_color
            slots.append(Segment(self.activity, base + RichStyle(color=warning)))
        if self.sync:
            slots += [gap, Segment(self.sync, base)]
        network = base + RichStyle(bold=True, reverse=True) if self.offline else base
        slots += [gap, Segment(self.network, network)]
        slots += [gap, Segment(self.font, base), gap, Segment(self.script, base)]
        # Like a 1fr label, the site keeps at least one cell when the slots fill the line.
        room = max(1, width - sum(segment.cell_length for segment in slots))
        bold = base + RichStyle(bold=True)
        if not self.site:  # an empty label is all blank cells in its own style
            return Strip([Segment("", bold), Segment(" " * room, bold), *slots]).crop(0, width)
        site = Content(self.site).wrap(room)[0].plain
        line = [Segment(site, bold)]
        if room > cell_len(site):
            line.append(Segment(" " * (room - cell_len(site)), blank))
        return Strip([*line, *slots]).crop(0, width)

    def show_site(self, name: str) -> None:
        """Show ``name`` as the open site (page text: never read as markup)."""
        self.site = clean_text(name)
        self.refresh()

    def show_network(self, offline: bool) -> None:
        """Show whether pages come from the network (在线) or the library only (离线)."""
        self.offline = offline
        self.refresh()

    def show_sync(self, text: str) -> None:
        """Show the progress of a running sync (empty text hides the slot)."""
        self.sync = text
        self.refresh()

    def show_font(self, step: FontStep, note: str = "") -> None:
        """Show the font step (小 中 大 特大), with ``note`` when it could not be honoured."""
        self.font = f"字号 {FONT_STEP_LABELS[step]}" + (f" ({note})" if note else "")
        self.refresh()

    def show_script(self, script: Script) -> None:
        """Show the display script (简 or 繁)."""
        self.script = SCRIPT_LABELS[script]
        self.refresh()

    def begin(self, key: str, text: str) -> None:
        """Announce that the load ``key`` started."""
        self._activities[key] = text
        self.refresh()

    def end(self, key: str) -> None:
        """Announce that the load ``key`` finished, failed or was cancelled."""
        self._activities.pop(key, None)
        self.refresh()


def _network_text(offline: bool) -> str:
    """What the network slot says."""
    return "离线 offline" if offline else "在线"

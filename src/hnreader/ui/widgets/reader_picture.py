"""Pictures drawn in coloured half cells (▀): a picture in any colour terminal, no queries.

Each cell shows two pixels, one above the other: the upper as the foreground of ``▀``, the
lower as its background. Textual-image offers the same and better (Kitty, Sixel), but finding
out what a terminal supports means asking it before Textual starts, and a late answer lands in
the reader's input as stray keys — so hnreader asks only terminals known to answer at once.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, cast

from rich.color import Color
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

if TYPE_CHECKING:  # Pillow loads with the first picture, not with the app
    from PIL import Image as PILImage

UPPER_HALF = "▀"
# Terminals that answer graphics queries at once (and draw Kitty graphics or Sixel).
_GRAPHICS_TERMINALS = frozenset({"WezTerm", "iTerm.app", "ghostty", "kitty"})


def terminal_has_graphics() -> bool:
    """Whether this terminal is one that draws Kitty graphics or Sixel and answers promptly.

    Multiplexers (tmux, screen) never count: they answer late or not at all.
    """
    env = os.environ
    stdout = sys.__stdout__
    if stdout is None or not stdout.isatty() or env.get("TMUX") or env.get("STY"):
        return False
    return (
        bool(env.get("KITTY_WINDOW_ID"))
        or env.get("TERM") == "xterm-kitty"
        or env.get("TERM_PROGRAM", "") in _GRAPHICS_TERMINALS
        or bool(env.get("KONSOLE_VERSION"))
    )


class HalfCellPicture:
    """A Rich renderable: ``picture`` fitted to the width and ``max_rows``, in half cells."""

    def __init__(self, picture: PILImage.Image, max_rows: int) -> None:
        self.picture = picture.convert("RGB")
        self.max_rows = max_rows

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the picture's pixels, at most the space given."""
        width = min(self.picture.width, options.max_width)
        return Measurement(1, max(1, width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """One line of ``▀`` cells per two pixel rows."""
        columns, pixel_rows = self._fit(options.max_width)
        from PIL import Image as PILImage

        small = self.picture.resize((columns, pixel_rows), PILImage.Resampling.LANCZOS)
        pixels = small.load()
        assert pixels is not None
        for top in range(0, pixel_rows, 2):
            for x in range(columns):
                upper = pixels[x, top]
                lower = pixels[x, top + 1] if top + 1 < pixel_rows else upper
                style = Style.from_color(_colour(upper), _colour(lower))
                yield Segment(UPPER_HALF, style)
            yield Segment.line()

    def _fit(self, max_width: int) -> tuple[int, int]:
        """Columns and pixel rows keeping the picture's shape (a cell is two pixels high)."""
        width, height = self.picture.size
        scale = min(max_width / width, 2 * self.max_rows / height, 1.0)
        return max(1, round(width * scale)), max(2, round(height * scale))


def _colour(pixel: object) -> Color:
    """A Rich colour for one RGB pixel."""
    red, green, blue = cast(tuple[int, int, int], pixel)
    return Color.from_rgb(red, green, blue)

"""Prose in the reader, drawn line by line (Textual's line API) at any font step.

Only the rows on screen are ever drawn, and enlarged glyphs are painted once per line and
kept, so a 20,000-character article at 特大 opens and scrolls without rasterising it all.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from hnreader.render.layout import Layout, Piece, lay_out

if TYPE_CHECKING:  # the glyph painter (and Pillow) load only when 大/特大 are drawn
    from hnreader.render.glyphs import GlyphPainter

LAYOUTS_KEPT = 4
PAINTED_LINES_KEPT = 4000  # enlarged lines kept painted; a long article at 特大 has ~2,000


@lru_cache(maxsize=32)
def _lay_out(pieces: tuple[Piece, ...], width: int, scale: int, compact: bool) -> Layout:
    """Layouts kept across widgets: going back to an article or a step costs no wrapping."""
    return lay_out(list(pieces), width, scale, compact=compact)


class ArticleText(Widget):
    """A run of title, subheadings and paragraphs, wrapped by Chinese rules to the pane.

    ``painter`` draws the text enlarged (大, 特大); without one, the terminal draws it, at the
    comfortable centred measure (中) or, when ``compact``, at full width (小).
    """

    DEFAULT_CSS = """
    ArticleText {
        height: auto;
        width: 1fr;
    }
    ArticleText > .article-text--title {
        text-style: bold;
        color: $accent;
    }
    ArticleText > .article-text--heading {
        text-style: bold;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-text--title",
        "article-text--heading",
        "article-text--paragraph",
    }

    def __init__(
        self,
        pieces: list[Piece],
        *,
        painter: GlyphPainter | None = None,
        compact: bool = False,
        classes: str | None = None,
    ) -> None:
        super().__init__(classes=classes)
        self.pieces = pieces
        self.painter = painter
        self.compact = compact
        self._layouts: dict[int, Layout] = {}
        self._painted: dict[str, list[str]] = {}
        # Styles by role for the refresh in progress: rich_style walks every ancestor's
        # styles: too slow to redo for every row on screen at every refresh.
        self._styles: dict[str, Style] | None = None

    def update(self, pieces: list[Piece], *, painter: GlyphPainter | None, compact: bool) -> None:
        """Show ``pieces`` at a new size or in a new form, keeping the widget."""
        if painter is not self.painter:
            self._painted.clear()
        self.pieces, self.painter, self.compact = pieces, painter, compact
        self._layouts.clear()
        self.refresh(layout=True)

    def layout_for(self, width: int) -> Layout:
        """The lines of this run at ``width`` cells (cached per width)."""
        layout = self._layouts.get(width)
        if layout is None:
            scale = self.painter.scale if self.painter is not None else 1
            layout = _lay_out(tuple(self.pieces), width, scale, self.compact)
            if len(self._layouts) >= LAYOUTS_KEPT:
                self._layouts.clear()
            # Textual asks at several widths while it settles (with, without a scroll bar).
            self._layouts[width] = layout
        return layout

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The rows this run takes at ``width``: what the scroll bar and layout need."""
        return self.layout_for(width).height

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the rows in ``crop``, working out the styles once for all of them."""
        self._styles = self._role_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def render_line(self, y: int) -> Strip:
        """Draw row ``y``: the part of one line of text (one row of it, when enlarged)."""
        width = self.size.width
        styles = self._styles if self._styles is not None else self._role_styles()
        base = styles["base"]
        layout = self.layout_for(width)
        found = layout.line_at(y)
        if found is None or found[0].role == "gap":
            return Strip.blank(width, base)
        line, row = found
        text = line.text if self.painter is None else self._paint(line.text)[row]
        segments = [Segment(" " * layout.left, base), Segment(text, styles[line.role])]
        return Strip(segments).crop_extend(0, width, base)

    def _role_styles(self) -> dict[str, Style]:
        """The widget's own style ("base") and each role's style on top of it."""
        base = self.rich_style
        styles = {"base": base}
        for role in ("title", "heading", "paragraph"):
            component = self.get_component_rich_style(f"article-text--{role}", partial=True)
            styles[role] = base + component
        return styles

    def _paint(self, text: str) -> list[str]:
        assert self.painter is not None
        rows = self._painted.get(text)
        if rows is None:
            if len(self._painted) >= PAINTED_LINES_KEPT:
                self._painted.clear()
            rows = self._painted[text] = self.painter.paint(text)
        return rows

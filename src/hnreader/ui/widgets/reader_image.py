"""An image in the reader: drawn inline where the terminal can, else its caption or alt text.

In terminals known to draw Kitty graphics or Sixel (and to answer queries at once),
textual-image draws the picture; it asks the terminal what it supports when first imported,
which must happen before Textual takes the terminal over, so this module imports it at once
and ``hnreader.cli.reader_cmd`` imports this module before the app runs in those terminals
(elsewhere it loads with the first article). Everywhere else — tmux, most terminals, tests —
pictures are drawn in coloured half cells by :mod:`reader_picture`, which asks the terminal
nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, Literal
from urllib.parse import urlsplit

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from hnreader.downloads import is_fetchable
from hnreader.models import Block
from hnreader.ui.widgets.reader_picture import HalfCellPicture, terminal_has_graphics

GraphicsImage: Callable[..., Widget] | None = None
if terminal_has_graphics():
    from textual_image.widget import Image as GraphicsImage

# "auto": load images unless the app is headless (tests: a Pilot has no terminal to draw on);
# "never": always the placeholder; "half-cell": always load, drawn in coloured half cells.
ImageMode = Literal["auto", "never", "half-cell"]
MAX_IMAGE_ROWS = 16


def image_placeholder(block: Block) -> str:
    """What stands in for an image: its caption, else its alt text, else its file name."""
    image = block.image
    if image is None:
        return "〔图片〕"
    label = image.caption or image.alt or PurePosixPath(urlsplit(image.src).path).name
    return f"〔图片〕 {label}"


class ReaderImage(Vertical):
    """One body image: the picture (once loaded) above its caption, or the placeholder."""

    DEFAULT_CSS = f"""
    ReaderImage {{
        height: auto;
        margin: 1 0 0 0;
    }}
    ReaderImage > .image-caption {{
        color: $text-muted;
        text-align: center;
    }}
    ReaderImage > .image-placeholder {{
        padding: 0 1;
        border: dashed $panel-lighten-2;
        color: $text-muted;
    }}
    ReaderImage > .image-picture {{
        height: auto;
        max-height: {MAX_IMAGE_ROWS};
        width: auto;
    }}
    """

    def __init__(self, block: Block, label: str, *, mode: ImageMode = "auto") -> None:
        super().__init__(classes="image")
        self.block = block
        self.label = label  # the placeholder text, already in the reader's script
        self.mode = mode
        self.loaded = False

    def compose(self) -> ComposeResult:
        """The placeholder, until (and unless) the picture arrives."""
        yield Static(Text(self.label), classes="image-placeholder")

    def on_mount(self) -> None:
        """Fetch the picture when the terminal can show it and the app can fetch it."""
        image = self.block.image
        asset = getattr(getattr(self.app, "session", None), "asset", None)
        wanted = self.mode == "half-cell" or (self.mode == "auto" and not self.app.is_headless)
        if image is not None and asset is not None and wanted and is_fetchable(image.src):
            self.load(asset, image.src)

    @work(exclusive=True, group="image")
    async def load(self, asset: Any, url: str) -> None:
        """Fetch and decode the picture, then put it in place of the placeholder."""
        try:
            from PIL import Image as PILImage  # loaded with the first picture

            data: bytes = await asset(url)
            picture = PILImage.open(io.BytesIO(data))
            picture.load()
        except Exception as exc:  # a broken or missing image keeps its placeholder, and says why
            self.query_one(".image-placeholder", Static).update(
                Text.assemble(self.label, (f"  (not shown: {exc})", "dim"))
            )
            return
        await self.query_one(".image-placeholder").remove()
        if GraphicsImage is not None and self.mode == "auto":
            await self.mount(GraphicsImage(picture, classes="image-picture"))
        else:
            drawn = HalfCellPicture(picture, MAX_IMAGE_ROWS)
            await self.mount(Static(drawn, classes="image-picture"))
        caption = self.block.image.caption if self.block.image is not None else None
        if caption:
            await self.mount(
                Static(Text(self.label.removeprefix("〔图片〕 ")), classes="image-caption")
            )
        self.loaded = True

"""The reader pane: one article, laid out for reading in a terminal, at four font steps.

Every piece of page text goes in as :class:`rich.text.Text` (never markup) with control
characters stripped, so ``[bold]`` or an escape sequence in a page is shown as typed or not at
all. Prose is wrapped by Chinese line-breaking rules (:mod:`hnreader.render.linebreak`); at 大
and 特大 it is drawn with enlarged glyphs (:mod:`hnreader.render.glyphs`).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from hnreader.config import FONT_STEPS, FontStep, Script
from hnreader.models import Article
from hnreader.render.layout import INDENT, clean_text, display_text
from hnreader.render.scales import ENLARGED_STEPS
from hnreader.ui.startup import pause_collections, resume_collections_when_drawn
from hnreader.ui.widgets.reader_attachments import AttachmentChosen, AttachmentList
from hnreader.ui.widgets.reader_extras import ReadAloud, export_markdown
from hnreader.ui.widgets.reader_parts import ReaderHeader, StepButton
from hnreader.ui.widgets.reader_text import ArticleText

if TYPE_CHECKING:
    from hnreader.render.glyphs import GlyphPainter
    from hnreader.ui.widgets.reader_image import ImageMode

__all__ = ["ENLARGED_STEPS", "INDENT", "ArticleReader"]


class ArticleReader(VerticalScroll):
    """Shows an article: breadcrumb, title, meta line, body, attachments and source.

    The font step, script and ruby readings can be changed at any time; keys and the header
    buttons change the step and post :class:`FontStepChanged` so the app can remember it.
    """

    DEFAULT_CSS = """
    ArticleReader {
        align-horizontal: center;
        /* Always room for the scroll bar: a bar that comes and goes would wrap everything
           twice, at two widths. */
        overflow-y: scroll;
    }
    ArticleReader > #reader-body {
        height: auto;
        width: 1fr;
    }
    ArticleReader.-medium > #reader-body {
        max-width: 76;
    }
    #reader-body > .title-text, #reader-body > .prose {
        margin: 1 0 0 0;
    }
    ArticleReader.-small #reader-body > .prose {
        margin: 0;
    }
    #reader-body > .meta, #reader-body > .source {
        color: $text-muted;
    }
    #reader-body > .fields, #reader-body > .table, #reader-body > .heading {
        margin: 1 0 0 0;
    }
    #reader-body > .heading {
        text-style: bold;
    }
    #reader-body > .source {
        margin: 1 0 1 0;
    }
    #reader-body > .message {
        margin: 1 0 0 0;
        color: $text-muted;
    }
    #reader-body > .message.-error {
        color: $error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("plus,equals_sign", "bigger", "Bigger text", key_display="+", id="reader.bigger"),
        Binding("minus", "smaller", "Smaller text", key_display="-", id="reader.smaller"),
        Binding("0", "normal_size", "Normal text size (中)", id="reader.normal_size"),
        Binding("a", "attachments", "Attachments", show=False, id="reader.attachments"),
        Binding("e", "export", "Export (Markdown)", show=False, id="reader.export"),
        Binding("r", "read_aloud", "Read aloud", show=False, id="reader.read_aloud"),
    ]

    class FontStepChanged(Message):
        """The user chose another font step (by key or click); the app may remember it."""

        def __init__(self, step: FontStep) -> None:
            super().__init__()
            self.step = step

    class FontUnavailable(Message):
        """大/特大 was asked for but no CJK font can be drawn; ``hint`` says what to install."""

        def __init__(self, hint: str) -> None:
            super().__init__()
            self.hint = hint

    AttachmentChosen = AttachmentChosen  # posted by the attachment list, named for us

    def __init__(
        self,
        *,
        id: str | None = None,
        font_path: str | None = None,
        images: ImageMode = "auto",
        download_dir: Path | None = None,
        script: Script | None = None,
        show_ruby: bool = False,
        message: str = "",
    ) -> None:
        # Everything the first frame shows is set here, so the reader is composed once at
        # start-up instead of being rebuilt for each setting (the font step is set with
        # set_font_step: 大/特大 need a font, found only when asked for).
        super().__init__(id=id, classes="-medium")
        self.can_focus = True
        self.article: Article | None = None
        self.font_step: FontStep = "medium"
        self.script = script  # None: as the page has it, until a script is set
        self.show_ruby = show_ruby
        self.font_path = font_path  # a CJK font for 大/特大; None: found through fontconfig
        self.images: ImageMode = images
        self.download_dir = download_dir  # None: hnreader.paths.downloads_dir()
        self.saved: dict[str, Path] = {}  # attachment URL -> where it was saved
        self.read_aloud = ReadAloud()
        self._message: tuple[str, bool] | None = (message, False) if message else None
        self._lines: list[str] = []
        self._lock = asyncio.Lock()
        self._stale = False  # something was asked for before the reader was composed

    def compose(self) -> ComposeResult:
        """The header (docked) and the body, showing what was asked for so far."""
        widgets, self._lines, breadcrumb = self._parts()
        self._stale = False
        yield ReaderHeader(self.font_step, breadcrumb)
        yield Vertical(*widgets, id="reader-body")

    async def on_mount(self) -> None:
        """Show whatever was asked for after the reader was composed but not yet mounted."""
        if self._stale:
            self._show_step_classes()
            await self._rebuild(keep_place=False)

    # -- what the app calls ---------------------------------------------------------------

    @property
    def shown_text(self) -> str:
        """The text shown, one line per part: title, meta, breadcrumb, body, attachments, source.

        Paragraphs are whole (not wrapped) and in the displayed script, with readings when
        ruby is on; for tests and copying.
        """
        return "\n".join(self._lines)

    async def show_message(self, text: str, *, error: bool = False) -> None:
        """Replace the content with one line of ``text`` (a hint, a loading note, an error)."""
        self.article = None
        self._message = (text, error)
        await self._rebuild(keep_place=False)

    async def show_article(self, article: Article) -> None:
        """Replace the content with ``article``, scrolled to its top."""
        self.article = article
        self._message = None
        await self._rebuild(keep_place=False)

    def set_font_step(self, step: FontStep) -> AwaitComplete:
        """Draw text at ``step`` (小 中 大 特大); without a CJK font, 大/特大 stay at 中.

        Does not post :class:`FontStepChanged` (that is for the user's own changes).
        """
        return AwaitComplete(self._change_step(step, by_user=False))

    def set_script(self, script: Script) -> AwaitComplete:
        """Show titles and text in ``script`` (simplified 简 or traditional 繁)."""
        if script == self.script:
            return AwaitComplete(_done())
        self.script = script
        return AwaitComplete(self._rebuild(keep_place=True))

    def set_show_ruby(self, show: bool) -> AwaitComplete:
        """Show ruby readings after their base text, as ``字(zì)``, or the base text only."""
        if show == self.show_ruby:
            return AwaitComplete(_done())
        self.show_ruby = show
        return AwaitComplete(self._rebuild(keep_place=True))

    # -- keys and clicks ------------------------------------------------------------------

    async def action_bigger(self) -> None:
        """One font step bigger."""
        index = FONT_STEPS.index(self.font_step)
        await self._change_step(FONT_STEPS[min(index + 1, len(FONT_STEPS) - 1)], by_user=True)

    async def action_smaller(self) -> None:
        """One font step smaller."""
        index = FONT_STEPS.index(self.font_step)
        await self._change_step(FONT_STEPS[max(index - 1, 0)], by_user=True)

    async def action_normal_size(self) -> None:
        """Back to the normal step, 中."""
        await self._change_step("medium", by_user=True)

    def action_export(self) -> None:
        """Save the article as Markdown in the downloads folder and say where."""
        if self.article is None:
            return
        try:
            path = export_markdown(self.article, self.download_dir)
        except OSError as exc:
            self.notify(f"Could not export: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"已导出 Exported to {path}")

    def action_read_aloud(self) -> None:
        """Read the article aloud with the installed speech engine, or stop reading."""
        if self.article is None:
            return
        from hnreader.speech import SpeechUnavailable  # loaded with the first read-aloud

        try:
            self.notify(self.read_aloud.toggle(self.article))
        except SpeechUnavailable as exc:
            self.notify(str(exc), severity="warning", timeout=10)

    def on_unmount(self) -> None:
        """Stop any read-aloud when the reader goes away."""
        self.read_aloud.stop()

    def action_attachments(self) -> None:
        """Move to the attachment list, if the article has one."""
        found = self.query(AttachmentList)
        if found:
            listing = found.first()
            if listing.highlighted is None and listing.option_count:
                listing.highlighted = 0
            listing.focus()
            self.scroll_to_widget(listing)

    async def on_step_button_clicked(self, event: StepButton.Clicked) -> None:
        """A click on 小, 中, 大 or 特大 in the header."""
        await self._change_step(event.step, by_user=True)

    # -- drawing --------------------------------------------------------------------------

    async def _change_step(self, step: FontStep, *, by_user: bool) -> None:
        if step in ENLARGED_STEPS:
            from hnreader.render import glyphs

            try:
                glyphs.painter(step, self.font_path)
            except glyphs.FontUnavailable as exc:
                self.post_message(self.FontUnavailable(str(exc)))
                self.notify(str(exc), title="字号", severity="warning", markup=False)
                step = "medium"
        if step == self.font_step:
            return
        self.font_step = step
        self._show_step_classes()
        fraction = self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0
        painter = _painter(step, self.font_path)
        for text in self.query(ArticleText):
            text.update(text.pieces, painter=painter, compact=step == "small")
        if by_user:
            self.post_message(self.FontStepChanged(step))
        self.call_after_refresh(self._scroll_to_fraction, fraction)

    def _scroll_to_fraction(self, fraction: float) -> None:
        self.scroll_to(y=round(fraction * self.max_scroll_y), animate=False)

    def _show_step_classes(self) -> None:
        self.update_classes({f"-{step}": step == self.font_step for step in FONT_STEPS})
        for header in self.query(ReaderHeader):
            header.show_step(self.font_step)

    def _display(self, text: str, ruby: tuple[tuple[str, str], ...] = ()) -> str:
        return display_text(text, script=self.script, ruby=ruby, show_ruby=self.show_ruby)

    def _parts(self) -> tuple[list[Widget], list[str], str]:
        """The body's widgets, their text lines and the breadcrumb, for the current content."""
        if self.article is None:
            text, error = self._message or ("", False)
            line = clean_text(text)
            message = Static(Text(line), classes="message -error" if error else "message")
            return [message], [line], ""
        # The article's parts (text, images, tables) load with the first article, not at start.
        from hnreader.ui.widgets.reader_body import article_parts

        parts = article_parts(
            self.article,
            self._display,
            _painter(self.font_step, self.font_path),
            self.font_step,
            self.images,
            saved=self.saved,
            download_dir=self.download_dir,
        )
        return parts.widgets, parts.lines, parts.breadcrumb

    async def _rebuild(self, *, keep_place: bool) -> None:
        """Lay everything out again for the current article (or message) and settings."""
        if not self.is_attached or not self.query(ReaderHeader):
            self._stale = True  # not composed yet: compose or on_mount shows what was asked for
            return
        async with self._lock:
            pause_collections()
            fraction = self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0
            widgets, self._lines, breadcrumb = self._parts()
            self.query_one(ReaderHeader).show_breadcrumb(breadcrumb)
            body = self.query_one("#reader-body")
            with self.app.batch_update():
                await body.remove_children()
                await body.mount_all(widgets)
            if keep_place:
                self.call_after_refresh(self._scroll_to_fraction, fraction)
            else:
                self.scroll_home(animate=False)
            resume_collections_when_drawn(self)


def _painter(step: FontStep, font_path: str | None) -> GlyphPainter | None:
    """The glyph painter for an enlarged ``step``; None for terminal text (小, 中)."""
    if step not in ENLARGED_STEPS:
        return None
    from hnreader.render import glyphs

    return glyphs.painter(step, font_path)


async def _done() -> None:
    """Nothing to do: what a setter awaits when the setting is already in force."""

"""The parts of an article in reading order: the widgets the reader shows, and their text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from hnreader.config import FontStep
from hnreader.models import Article, Block
from hnreader.render.layout import INDENT, Piece
from hnreader.ui.widgets.reader_attachments import AttachmentList
from hnreader.ui.widgets.reader_image import ImageMode, ReaderImage, image_placeholder
from hnreader.ui.widgets.reader_text import ArticleText

if TYPE_CHECKING:  # the glyph painter (and Pillow) load only when 大/特大 are drawn
    from hnreader.render.glyphs import GlyphPainter

# Page text as shown: (text, ruby pairs) -> cleaned, in the chosen script, with readings.
Display = Callable[..., str]


def meta_line(article: Article) -> str:
    """The line under the title: 来源 · 时间 · 作者 · 责编, leaving out what is unknown."""
    published = article.published.replace("T", " ") if article.published else None
    parts = [
        f"{label}: {value}"
        for label, value in (
            ("来源", article.source),
            ("时间", published),
            ("作者", article.author),
            ("责编", article.editor),
        )
        if value
    ]
    return " · ".join(parts)


@dataclass
class ArticleParts:
    """An article made ready to show: its widgets, its text line by line, its breadcrumb."""

    widgets: list[Widget] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    breadcrumb: str = ""


def article_parts(
    article: Article,
    display: Display,
    painter: GlyphPainter | None,
    step: FontStep,
    images: ImageMode,
    *,
    saved: dict[str, Path],
    download_dir: Path | None,
) -> ArticleParts:
    """The widgets and text of ``article`` at ``step``, every text passed through ``display``."""
    parts = ArticleParts()
    compact = step == "small"
    title = display(article.title or "(no title)")
    parts.widgets.append(
        ArticleText([Piece("title", title)], painter=painter, compact=compact, classes="title-text")
    )
    parts.lines.append(title)
    meta = display(meta_line(article))
    if meta:
        parts.widgets.append(Static(Text(meta), classes="meta"))
        parts.lines.append(meta)
    if article.breadcrumb:
        parts.breadcrumb = display(" > ".join(article.breadcrumb))
        parts.lines.append(parts.breadcrumb)
    if article.fields:
        fields = [(display(label), display(value)) for label, value in article.fields]
        parts.widgets.append(Static(_fields_table(fields), classes="fields"))
        parts.lines.extend(f"{label} {value}" for label, value in fields)
    _add_blocks(parts, article.blocks, display, painter, compact, images)
    if article.attachments:
        names = [display(attachment.name) for attachment in article.attachments]
        parts.widgets.append(Static(Text("附件"), classes="heading"))
        parts.widgets.append(
            AttachmentList(article.attachments, names, saved=saved, download_dir=download_dir)
        )
        parts.lines.append("附件")
        parts.lines.extend(
            f"· {name}" + (f" [{a.type}]" if a.type else "")
            for name, a in zip(names, article.attachments, strict=True)
        )
    source = f"原文: {display(article.url)}"
    parts.widgets.append(Static(Text(source), classes="source"))
    parts.lines.append(source)
    return parts


def _add_blocks(
    parts: ArticleParts,
    blocks: tuple[Block, ...],
    display: Display,
    painter: GlyphPainter | None,
    compact: bool,
    images: ImageMode,
) -> None:
    """Body blocks: runs of prose share one line-drawn widget; tables and images stand alone."""
    run: list[Piece] = []

    def end_run() -> None:
        if run:
            parts.widgets.append(
                ArticleText(list(run), painter=painter, compact=compact, classes="prose")
            )
            run.clear()

    for block in blocks:
        if block.kind in ("paragraph", "heading"):
            text = display(block.text, block.ruby)
            run.append(Piece("paragraph" if block.kind == "paragraph" else "heading", text))
            parts.lines.append(INDENT + text if block.kind == "paragraph" else text)
            continue
        end_run()
        if block.kind == "image":
            label = display(image_placeholder(block))
            parts.widgets.append(ReaderImage(block, label, mode=images))
            parts.lines.append(label)
        elif block.kind == "table":
            rows = [tuple(display(cell) for cell in row) for row in block.rows]
            parts.widgets.append(Static(_table(rows), classes="table"))
            parts.lines.extend(" | ".join(row) for row in rows)
    end_run()


def _table(rows: list[tuple[str, ...]]) -> Table:
    """A body table; the first row is taken as its header, as CMS tables use it."""
    table = Table(show_header=bool(rows), expand=True, show_lines=True)
    width = max((len(row) for row in rows), default=0)
    header = rows[0] if rows else ()
    for index in range(width):
        table.add_column(Text(header[index]) if index < len(header) else Text(""))
    for row in rows[1:]:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _fields_table(fields: list[tuple[str, str]]) -> Table:
    """The labelled document fields (索引号, 发文字号 …) as two columns."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in fields:
        table.add_row(Text(label), Text(value))
    return table

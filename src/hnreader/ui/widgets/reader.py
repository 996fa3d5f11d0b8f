"""The reader pane: one article, laid out for reading in a terminal."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import ClassVar
from urllib.parse import urlsplit

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from hnreader.models import Article, Block

INDENT = "\u3000\u3000"  # two ideographic spaces: the first-line indent of Chinese prose


class ArticleReader(VerticalScroll):
    """Shows an article: title, meta line, breadcrumb, body, attachments and source.

    Every piece of page text goes in as :class:`rich.text.Text`, so markup-like text from a
    page (``[bold]``, ``[link=…]``) is shown as typed, never interpreted.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="reader.down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="reader.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page_up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = True
        self.article: Article | None = None

    @property
    def shown_text(self) -> str:
        """The plain text of everything shown, top to bottom (for tests and copying)."""
        lines: list[str] = []
        for child in self.query(Static):
            content = child.content
            if isinstance(content, Table):
                lines.extend(" | ".join(cell.plain for cell in row) for row in _table_rows(content))
            else:
                lines.append(str(content))
        return "\n".join(lines)

    async def show_message(self, text: str, *, error: bool = False) -> None:
        """Replace the content with one line of ``text`` (a hint, a loading note, an error)."""
        self.article = None
        await self._replace([_line(text, "message -error" if error else "message")])

    async def show_article(self, article: Article) -> None:
        """Replace the content with ``article``, scrolled to its top."""
        self.article = article
        await self._replace(list(_article_widgets(article)))

    async def _replace(self, widgets: list[Widget]) -> None:
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(widgets)
        self.scroll_home(animate=False)


def _line(text: str, classes: str) -> Static:
    return Static(Text(text), classes=classes)


def _article_widgets(article: Article) -> list[Widget]:
    """The widgets of an article in reading order."""
    widgets: list[Widget] = [_line(article.title or "(no title)", "title")]
    meta = meta_line(article)
    if meta:
        widgets.append(_line(meta, "meta"))
    if article.breadcrumb:
        widgets.append(_line(" > ".join(article.breadcrumb), "breadcrumb"))
    if article.fields:
        widgets.append(Static(_fields_table(article.fields), classes="fields"))
    widgets.extend(_block_widget(block) for block in article.blocks)
    if article.attachments:
        widgets.append(_line("附件", "heading"))
        for attachment in article.attachments:
            kind = f" [{attachment.type}]" if attachment.type else ""
            text = Text.assemble(
                "· ", attachment.name, (kind, "dim"), "\n  ", (attachment.url, "dim")
            )
            widgets.append(Static(text, classes="attachment"))
    widgets.append(_line(f"原文: {article.url}", "source"))
    return widgets


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


def _block_widget(block: Block) -> Widget:
    if block.kind == "heading":
        return _line(block.text, "heading")
    if block.kind == "image":
        return _line(image_placeholder(block), "image")
    if block.kind == "table":
        return Static(_table(block.rows), classes="table")
    return _line(INDENT + block.text, "paragraph")


def image_placeholder(block: Block) -> str:
    """What stands in for an image: its caption, else its alt text, else its file name."""
    image = block.image
    if image is None:
        return "〔图片〕"
    label = image.caption or image.alt or PurePosixPath(urlsplit(image.src).path).name
    return f"〔图片〕 {label}"


def _table(rows: tuple[tuple[str, ...], ...]) -> Table:
    """A body table; the first row is taken as its header, as CMS tables use it."""
    table = Table(show_header=bool(rows), expand=True, show_lines=True)
    width = max((len(row) for row in rows), default=0)
    header = rows[0] if rows else ()
    for index in range(width):
        table.add_column(Text(header[index]) if index < len(header) else Text(""))
    for row in rows[1:]:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _fields_table(fields: tuple[tuple[str, str], ...]) -> Table:
    """The labelled document fields (索引号, 发文字号 …) as two columns."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, value in fields:
        table.add_row(Text(label), Text(value))
    return table


def _table_rows(table: Table) -> list[list[Text]]:
    """The cells of a table built by this module, header first, row by row."""
    columns = [[c.header, *c.cells] if table.show_header else list(c.cells) for c in table.columns]
    return [
        [cell if isinstance(cell, Text) else Text(str(cell)) for cell in row]
        for row in zip(*columns, strict=False)
    ]

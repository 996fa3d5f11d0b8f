"""Articles as Markdown: paragraphs, headings, tables, images and attachment links kept."""

from __future__ import annotations

from collections.abc import Sequence

from hnreader.export.safety import markdown_destination, markdown_text, safe_link
from hnreader.models import Article, Block


def article_to_markdown(article: Article, *, heading_level: int = 1) -> str:
    """``article`` as a Markdown document; images and attachments link to their addresses."""
    hashes = "#" * heading_level
    out = [f"{hashes} {markdown_text(article.title or '(无标题)')}", ""]
    meta = _meta_line(article)
    if meta:
        out += [meta, ""]
    if article.fields:
        out += [
            f"- {markdown_text(label)}：{markdown_text(value)}" for label, value in article.fields
        ]
        out.append("")
    for block in article.blocks:
        rendered = _block(block, heading_level)
        if rendered:
            out += [rendered, ""]
    if article.attachments:
        out += ["**附件**", ""]
        for attachment in article.attachments:
            link = safe_link(attachment.url)
            name = markdown_text(attachment.name)
            out.append(f"- [{name}]({markdown_destination(link)})" if link else f"- {name}")
        out.append("")
    source = safe_link(article.url)
    if source:
        out.append(f"原文：{markdown_destination(source)}")
    return "\n".join(out).rstrip("\n") + "\n"


def articles_to_markdown(title: str, articles: Sequence[Article]) -> str:
    """Several articles in one Markdown document under the heading ``title``."""
    parts = [f"# {markdown_text(title)}\n"]
    parts += [article_to_markdown(article, heading_level=2) for article in articles]
    return "\n---\n\n".join(parts)


def _meta_line(article: Article) -> str:
    pairs = (
        ("来源", article.source),
        ("时间", article.published),
        ("作者", article.author),
        ("责编", article.editor),
    )
    return " · ".join(f"{label}：{markdown_text(value)}" for label, value in pairs if value)


def _block(block: Block, heading_level: int) -> str:
    if block.kind == "paragraph":
        return markdown_text(block.text)
    if block.kind == "heading":
        return f"{'#' * min(heading_level + 1, 6)} {markdown_text(block.text)}"
    if block.kind == "image" and block.image is not None:
        image = block.image
        alt = markdown_text(image.alt or image.caption or "图片")
        target = safe_link(image.src)
        line = f"![{alt}]({markdown_destination(target)})" if target else f"[图片：{alt}]"
        return line + (f"\n\n*{markdown_text(image.caption)}*" if image.caption else "")
    if block.kind == "table" and block.rows:
        return _table(block.rows)
    return ""


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    width = max(len(row) for row in rows)
    cells = [[markdown_text(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)

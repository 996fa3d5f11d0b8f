"""Exporting from the library: Markdown, HTML and EPUB, offline, with no UI dependency.

The formatting functions are pure (an :class:`~hnreader.models.Article` in, text out), so the
reader can bind a key to them; :mod:`hnreader.export.collect` picks articles from the store and
:func:`section_to_epub` writes a book; :func:`write_export` writes a selection in any format.
"""

from hnreader.export.collect import (
    ExportError,
    Selection,
    embedded_image,
    find_section,
    section_articles,
    single_article,
)
from hnreader.export.epub import section_to_epub
from hnreader.export.files import ExportFormat, format_for, write_export
from hnreader.export.html import article_body_html, article_to_html, articles_to_html
from hnreader.export.markdown import article_to_markdown, articles_to_markdown

__all__ = [
    "ExportError",
    "ExportFormat",
    "Selection",
    "article_body_html",
    "article_to_html",
    "article_to_markdown",
    "articles_to_html",
    "articles_to_markdown",
    "embedded_image",
    "find_section",
    "format_for",
    "section_articles",
    "section_to_epub",
    "single_article",
    "write_export",
]

"""Write a selection of stored articles to a file in one of the export formats.

The file appears whole or not at all: it is written beside the target and renamed over it.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Literal

from hnreader.export.collect import Selection, embedded_image
from hnreader.export.epub import section_to_epub
from hnreader.export.html import article_to_html, articles_to_html
from hnreader.export.markdown import article_to_markdown, articles_to_markdown
from hnreader.store import Store

ExportFormat = Literal["md", "html", "epub"]
SUFFIXES: dict[str, ExportFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".epub": "epub",
}


def format_for(path: str | Path) -> ExportFormat | None:
    """The export format a file name's suffix asks for, or None."""
    return SUFFIXES.get(Path(path).suffix.lower())


def write_export(store: Store, selection: Selection, fmt: ExportFormat, output: str | Path) -> Path:
    """Write ``selection`` to ``output`` as ``fmt``; return the path.

    One article is written as itself, several under the selection's title. HTML embeds the
    stored images (as ``data:`` URIs) and EPUB includes them; Markdown links to their addresses.
    """
    target = Path(output)
    temporary = target.with_name(target.name + ".part")
    single = len(selection.articles) == 1
    try:
        if fmt == "epub":
            section_to_epub(selection.title, selection.articles, temporary, assets=store.get_asset)
        else:
            if fmt == "md":
                text = (
                    article_to_markdown(selection.articles[0])
                    if single
                    else articles_to_markdown(selection.title, selection.articles)
                )
            else:
                images = partial(embedded_image, store)
                text = (
                    article_to_html(selection.articles[0], image_src=images)
                    if single
                    else articles_to_html(selection.title, selection.articles, image_src=images)
                )
            temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target

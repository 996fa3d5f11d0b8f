"""A section (or any articles) as an EPUB book for an e-reader, images included from the store.

Built with ebooklib. Everything comes from the caller (the store, typically), so a book is
made offline; an image that is not stored shows its alt text instead. Attachments stay links
to their original addresses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from ebooklib import epub  # type: ignore[import-untyped]

from hnreader.export.html import article_body_html
from hnreader.models import Article
from hnreader.store import Asset

# The image types EPUB 3 readers must show ("core media types").
IMAGE_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/svg+xml": "svg",
    "image/webp": "webp",
}
_CSS = """
body { line-height: 1.8; }
p { text-indent: 2em; margin: 0.5em 0; }
p.meta, p.source { text-indent: 0; font-size: 0.85em; color: #555; }
table { border-collapse: collapse; } td { border: 1px solid #999; padding: 0.2em 0.4em; }
figure { margin: 1em 0; text-align: center; } img { max-width: 100%; }
"""

AssetLookup = Callable[[str], Asset | None]


def _no_assets(url: str) -> Asset | None:
    return None


def section_to_epub(
    title: str,
    articles: Sequence[Article],
    output: str | Path,
    *,
    assets: AssetLookup = _no_assets,
    author: str | None = None,
    language: str = "zh",
) -> Path:
    """Write an EPUB named ``title`` with one chapter per article to ``output``; return its path.

    ``assets`` looks up stored images by their original address (``Store.get_asset``).
    """
    if not articles:
        raise ValueError("a book needs at least one article")
    book = epub.EpubBook()
    book.set_identifier(_identifier(articles))
    book.set_title(title)
    book.set_language(language)
    if author:
        book.add_author(author)
    css = epub.EpubItem(
        uid="style", file_name="style/book.css", media_type="text/css", content=_CSS
    )
    book.add_item(css)
    images = _ImageShelf(book, assets)
    chapters = []
    for number, article in enumerate(articles, 1):
        chapter = epub.EpubHtml(
            title=article.title or f"第{number}篇",
            file_name=f"chapter-{number:04d}.xhtml",
            lang=language,
        )
        chapter.content = article_body_html(article, image_src=images.place)
        chapter.add_item(css)
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = tuple(chapters)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    path = Path(output)
    epub.write_epub(str(path), book, {})
    return path


class _ImageShelf:
    """Adds each stored image to the book once and tells chapters where it is."""

    def __init__(self, book: epub.EpubBook, assets: AssetLookup) -> None:
        self.book = book
        self.assets = assets
        self.placed: dict[str, str | None] = {}

    def place(self, url: str) -> str | None:
        if url not in self.placed:
            self.placed[url] = self._add(url)
        return self.placed[url]

    def _add(self, url: str) -> str | None:
        asset = self.assets(url)
        if asset is None:
            return None
        media_type = (asset.content_type or "").split(";")[0].strip().lower()
        extension = IMAGE_EXTENSIONS.get(media_type)
        if extension is None:
            return None
        file_name = f"images/{asset.sha256[:20]}.{extension}"
        if self.book.get_item_with_href(file_name) is None:
            self.book.add_item(
                epub.EpubItem(
                    uid=f"image-{asset.sha256[:20]}",
                    file_name=file_name,
                    media_type=media_type,
                    content=asset.content,
                )
            )
        return file_name


def _identifier(articles: Sequence[Article]) -> str:
    digest = hashlib.sha256("\n".join(a.url for a in articles).encode("utf-8")).hexdigest()
    return f"urn:hnreader:{digest[:32]}"

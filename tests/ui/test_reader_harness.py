"""The reader alone in a small app with a real site session (no tests here: shared helpers)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from textual.app import App, ComposeResult
from textual.message import Message

from hnreader.demo.content import demo_edition
from hnreader.demo.model import DemoArticle
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.reader_image import ImageMode


class ReaderApp(App[None]):
    """The reader alone, fetching through a real :class:`SiteSession`; hears its messages."""

    def __init__(
        self,
        *,
        download_dir: Path | None = None,
        font_path: str | None = None,
        images: ImageMode = "never",
    ) -> None:
        super().__init__()
        self.fetcher = Fetcher()
        self.session = SiteSession(self.fetcher)
        self.heard: list[Message] = []
        self._reader_options = (download_dir, font_path, images)

    def compose(self) -> ComposeResult:
        download_dir, font_path, images = self._reader_options
        yield ArticleReader(
            id="reader", download_dir=download_dir, font_path=font_path, images=images
        )

    async def on_unmount(self) -> None:
        await self.fetcher.aclose()

    @property
    def reader(self) -> ArticleReader:
        return self.query_one(ArticleReader)

    def on_article_reader_font_step_changed(self, event: ArticleReader.FontStepChanged) -> None:
        self.heard.append(event)

    def on_article_reader_font_unavailable(self, event: ArticleReader.FontUnavailable) -> None:
        self.heard.append(event)

    def on_article_reader_attachment_chosen(self, event: ArticleReader.AttachmentChosen) -> None:
        self.heard.append(event)


def demo_article(flag: str) -> DemoArticle:
    """The first flagship demo article with ``flag`` (images, table, ruby, long …)."""
    flagship = demo_edition().site("flagship")
    return next(a for a in flagship.articles if flag in a.flags)


def demo_url(base_url: str, article: DemoArticle) -> str:
    """Where the demo server serves ``article``."""
    return urljoin(base_url, article.path)

"""Load a site's section tree, list pages and articles: fetch, then extract off the event loop."""

from __future__ import annotations

import asyncio

from hnreader.extract.api import extract_article, extract_list, extract_tree
from hnreader.fetch import Fetcher
from hnreader.models import Article, ArticleList, SiteTree


class SiteSession:
    """Everything the reader asks of a site, over one shared :class:`Fetcher`.

    Extraction is CPU work, so it runs in a thread to keep the event loop (and the UI) free.
    """

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    async def tree(self, url: str) -> SiteTree:
        """The section tree announced by the home page at ``url``."""
        page = await self.fetcher.fetch(url)
        return await asyncio.to_thread(extract_tree, page.content, page.url, page.content_type)

    async def article_list(self, url: str) -> ArticleList:
        """One page of a section's article list."""
        page = await self.fetcher.fetch(url)
        return await asyncio.to_thread(extract_list, page.content, page.url, page.content_type)

    async def article(self, url: str) -> Article:
        """One article, extracted."""
        page = await self.fetcher.fetch(url)
        return await asyncio.to_thread(extract_article, page.content, page.url, page.content_type)

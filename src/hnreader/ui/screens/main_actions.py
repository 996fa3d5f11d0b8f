"""What can be done to an article from the main screen: marks, browser, link.

Each action works on "the current article": the one under the list's cursor while the list
has the focus, otherwise the one open in the reader.
"""

from __future__ import annotations

import asyncio

from hnreader import models
from hnreader.ui.screens.main_loads import LoadingScreen
from hnreader.ui.widgets.article_list import ArticleOptions


class ArticleActions(LoadingScreen):
    """Mark read/unread, bookmark, open in the browser and copy the link."""

    def current_article(self) -> models.ListItem | None:
        """The article an action applies to, if there is one."""
        focused = self.focused
        if isinstance(focused, ArticleOptions):
            return self.article_list.highlighted_item
        article = self.reader.article
        if article is not None:
            return models.ListItem(article.title or article.url, article.url, article.published)
        return None

    def _current_or_tell(self) -> models.ListItem | None:
        item = self.current_article()
        if item is None:
            self.notify("Choose an article first.", severity="warning")
        return item

    def _state_of(self, url: str) -> tuple[bool, bool]:
        state = (self.article_list.states or {}).get(url)
        if state is None:
            return False, False
        return state.read_at is not None, state.bookmarked_at is not None

    async def action_toggle_read(self) -> None:
        """Mark the current article read, or unread if it is read."""
        item = self._current_or_tell()
        if item is None:
            return
        if self.store is None:
            self.notify("Marks need the library; this session keeps none.", severity="warning")
            return
        is_read, _ = self._state_of(item.url)
        await self.set_marks(item.url, read=not is_read)
        self.notify("已读 read" if not is_read else "未读 unread", title=item.title, markup=False)

    async def action_toggle_bookmark(self) -> None:
        """Bookmark the current article, or remove its bookmark."""
        item = self._current_or_tell()
        if item is None:
            return
        if self.store is None:
            self.notify("Bookmarks need the library; this session keeps none.", severity="warning")
            return
        _, marked = self._state_of(item.url)
        await self.set_marks(item.url, bookmarked=not marked)
        text = "★ 已收藏 bookmarked" if not marked else "已取消收藏 bookmark removed"
        self.notify(text, title=item.title, markup=False)

    async def action_open_browser(self) -> None:
        """Open the current article in the system's web browser."""
        item = self._current_or_tell()
        if item is None:
            return
        import webbrowser  # loaded on first use, not at every start

        # webbrowser may start a browser process and wait for it: keep it off the event loop.
        opened = await asyncio.to_thread(webbrowser.open, item.url)
        if opened:
            self.notify(item.url, title="Opened in the browser", markup=False)
        else:
            self.notify(
                f"No browser found; the link is {item.url}", severity="warning", markup=False
            )

    def action_copy_link(self) -> None:
        """Copy the current article's link to the clipboard (OSC 52: works over SSH too)."""
        item = self._current_or_tell()
        if item is None:
            return
        self.app.copy_to_clipboard(item.url)
        self.notify(item.url, title="Link copied", markup=False)

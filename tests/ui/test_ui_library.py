"""Marks, bookmarks, history and search: the reader on a real library, over real HTTP."""

from __future__ import annotations

from pathlib import Path

from library_helpers import library, reader_app
from textual.events import Paste
from textual.widgets import Input, OptionList
from ui_helpers import main_screen, parts, wait_for, wait_for_tree

from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.ui.screens.main import LIST, MainScreen
from hnreader.ui.screens.saved import BookmarksScreen, HistoryScreen
from hnreader.ui.screens.search import MATCH_STYLE, SearchScreen
from hnreader.ui.widgets.article_list import BOOKMARK_MARK, UNREAD_MARK

WIDE = (120, 36)


def _line(options: OptionList, index: int) -> str:
    return str(options.get_option_at_index(index).prompt)


async def test_reading_marks_bookmarks_and_history(demo_server: DemoServer, tmp_path: Path) -> None:
    news = demo_edition().site("flagship").sections[0]
    first, second = demo_edition().list_page(news.path).items[:2]
    with library(tmp_path / "lib") as store:
        app = reader_app(demo_server.sites[0][1], store)
        async with app.run_test(size=WIDE) as pilot:
            tree = await wait_for_tree(pilot)
            _, listing, reader = parts(app)
            screen = main_screen(app)
            # The first section opens by itself; every article in it starts unread.
            await wait_for(pilot, lambda: len(listing.items) == 20, "the first list")
            await wait_for(pilot, lambda: "(20)" in str(tree.root.children[0].label), "counts")
            assert _line(listing.options, 0).startswith(UNREAD_MARK)

            await pilot.press("tab", "enter")  # open the newest article: it is read now
            await wait_for(pilot, lambda: reader.article is not None, "the article")
            await wait_for(pilot, lambda: "(19)" in str(tree.root.children[0].label), "19")
            assert not _line(listing.options, 0).startswith(UNREAD_MARK)
            assert listing.items[0].title == first.title

            await pilot.press("escape", "m")  # m in the list: unread again
            await wait_for(pilot, lambda: _line(listing.options, 0)[0] == UNREAD_MARK, "unread")
            url = listing.items[0].url
            assert all(s.read_at is None for s in store.reading_states([url]).values())
            await pilot.press("s")  # and bookmarked
            await wait_for(pilot, lambda: _line(listing.options, 0)[1] == BOOKMARK_MARK, "★")
            assert [b.article.title for b in store.bookmarks()] == [first.title]

            await pilot.press("j", "enter")  # read the second article too
            await wait_for(
                pilot,
                lambda: reader.article is not None and reader.article.title == second.title,
                "the second article",
            )
            await pilot.press("H")
            await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen), "history")
            history = app.screen
            assert isinstance(history, HistoryScreen)
            await wait_for(pilot, lambda: len(history.articles) == 2, "the history list")
            assert [s.article.title for s in history.articles] == [second.title, first.title]
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "back to main")

            await pilot.press("B")
            await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen), "bookmarks")
            marks = app.screen
            assert isinstance(marks, BookmarksScreen)
            await wait_for(pilot, lambda: len(marks.articles) == 1, "the bookmarks list")
            assert _line(marks.query_one(OptionList), 0).startswith(UNREAD_MARK + BOOKMARK_MARK)
            await pilot.press("enter")  # opens the bookmarked article in the reader
            await wait_for(
                pilot,
                lambda: reader.article is not None and reader.article.title == first.title,
                "the bookmarked article",
            )
            assert app.screen is screen
            await pilot.press("escape")
            assert screen.pane == LIST


async def test_search_finds_stored_articles_and_opens_them(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    news = demo_edition().site("flagship").sections[0]
    newest = demo_edition().list_page(news.path).items[0]
    word = newest.title[:4]
    with library(tmp_path / "lib") as store:
        app = reader_app(demo_server.sites[0][1], store)
        async with app.run_test(size=WIDE) as pilot:
            await wait_for_tree(pilot)
            _, listing, reader = parts(app)
            await wait_for(pilot, lambda: bool(listing.items), "the first list")
            await pilot.press("tab", "enter")  # opening stores the article in the library
            await wait_for(pilot, lambda: reader.article is not None, "the article")
            await pilot.press("escape", "escape", "slash")
            await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
            search = app.screen
            assert isinstance(search, SearchScreen)
            query = search.query_one(Input)
            assert app.focused is query
            # Pasted text (how an input method's or clipboard's text arrives) lands whole.
            query.post_message(Paste(word))
            await wait_for(pilot, lambda: query.value == word, "the pasted query")
            assert query.cursor_position == len(word)
            await wait_for(pilot, lambda: bool(search.hits), "the hits")
            assert search.hits[0].title == newest.title
            prompt = search.query_one(OptionList).get_option_at_index(0).prompt
            assert any(span.style == MATCH_STYLE for span in prompt.spans)  # type: ignore[union-attr]
            assert "found for" in search.status_text

            await pilot.press("backspace", "backspace", "backspace", "backspace")
            await pilot.press(*"zzzq")  # typed letters go to the query, not to app keys
            await wait_for(pilot, lambda: "Nothing stored matches" in search.status_text, "none")
            assert app.is_running
            await pilot.press("ctrl+a", "ctrl+k")
            query.post_message(Paste(word))
            await wait_for(pilot, lambda: bool(search.hits), "the hits again")
            await pilot.press("down", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the reader")
            assert reader.article is not None
            assert reader.article.title == newest.title

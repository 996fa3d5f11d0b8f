"""The garbage collector is off while the reader builds an article, and on once it is drawn."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from test_ui_widgets import ARTICLE, Harness

from hnreader.ui import startup
from hnreader.ui.widgets.reader import ArticleReader


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it on."""
    gc.enable()
    yield
    gc.enable()


def _watch_builds(reader: ArticleReader) -> list[bool]:
    """Whether the collector was on at each build of the reader's parts."""
    seen: list[bool] = []
    build = reader._parts

    def watched() -> Any:
        seen.append(gc.isenabled())
        return build()

    reader._parts = watched  # type: ignore[method-assign]
    return seen


async def test_an_article_is_built_with_the_collector_off_and_drawn_before_it_is_on() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        reader = app.query_one(ArticleReader)
        seen = _watch_builds(reader)
        await reader.show_article(ARTICLE)
        await pilot.pause()
        assert seen == [False]
        assert gc.isenabled()


async def test_while_start_up_holds_the_collector_a_redraw_leaves_it_to_start_up() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        reader = app.query_one(ArticleReader)
        startup.hold_collections()
        try:
            await reader.show_article(ARTICLE)
            await pilot.pause()
            assert not gc.isenabled()  # still held: only start-up's release turns it on
        finally:
            startup.release_collections()
        assert gc.isenabled()


async def test_the_collector_comes_back_even_if_the_reader_is_never_drawn_again() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        reader = app.query_one(ArticleReader)
        startup.pause_collections()
        startup.resume_collections_when_drawn(reader)
        await reader.remove()
        await pilot.pause(startup.PAUSE_LIMIT + 0.5)
        assert gc.isenabled()

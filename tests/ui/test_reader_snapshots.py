"""Snapshots of the reader alone: an article at each font step, with ruby on, in 繁體.

The articles come from the demo edition's model with a fixed base URL, and images are never
fetched, so every run draws the same screen. Regenerate with ``--snapshot-update`` and look.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_reader_harness import ReaderApp
from textual.pilot import Pilot

from hnreader.demo.content import demo_edition
from hnreader.models import Article, Block
from hnreader.ui.widgets.reader import ArticleReader

SIZE = (100, 32)
BASE = "http://demo.invalid/"
SnapCompare = Callable[..., bool]

RUBY = Article(
    url=BASE + "ruby.html",
    title="社區志願服務",
    source="示例日報",
    published="2024-03-05T10:00:00",
    blocks=(
        Block(
            "paragraph",
            text="社區組織志願者為長者提供服務，行動迅速。",
            ruby=(("區", "qū"), ("願", "yuàn"), ("長", "zhǎng"), ("行", "xíng")),
        ),
    ),
)


def _table_article() -> Article:
    flagship = demo_edition().site("flagship")
    return next(a for a in flagship.articles if "table" in a.flags).expected(BASE)


def _show(article: Article, **settings: object) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        reader = pilot.app.query_one(ArticleReader)
        if "step" in settings:
            await reader.set_font_step(settings["step"])  # type: ignore[arg-type]
        if "script" in settings:
            await reader.set_script(settings["script"])  # type: ignore[arg-type]
        if settings.get("ruby"):
            await reader.set_show_ruby(True)
        await reader.show_article(article)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("step", ["small", "medium", "large", "huge"])
def test_article_at_each_font_step(snap_compare: SnapCompare, step: str) -> None:
    assert snap_compare(
        ReaderApp(), terminal_size=SIZE, run_before=_show(_table_article(), step=step)
    )


def test_ruby_readings_shown(snap_compare: SnapCompare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=_show(RUBY, ruby=True))


def test_traditional_script(snap_compare: SnapCompare) -> None:
    run_before = _show(_table_article(), script="traditional")
    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=run_before)

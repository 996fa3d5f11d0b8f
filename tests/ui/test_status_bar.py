"""The status bar: one line of words, the site in the room the slots on the right leave."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.app import App, ComposeResult

import hnreader.ui
from hnreader.ui.widgets.status_bar import StatusBar

STYLESHEET = Path(hnreader.ui.__file__).with_name("hnreader.tcss")


class BarApp(App[None]):
    """The status bar alone, styled as in the reader."""

    CSS_PATH = str(STYLESHEET)

    def compose(self) -> ComposeResult:
        """The bar, offline as with ``--offline``."""
        yield StatusBar(id="status", offline=True)


async def test_the_slots_are_words_in_order_and_the_site_gives_way() -> None:
    app = BarApp()
    async with app.run_test(size=(70, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show_site("湖南社会工作" * 10)
        bar.show_font("large", "no CJK font")
        bar.show_script("traditional")
        bar.begin("list", "Loading 栏目…")
        await pilot.pause()
        line = bar.render_line(0)
        assert line.cell_length == bar.content_size.width == 68
        assert line.text.startswith("湖南社会工作")
        assert line.text.endswith("Loading 栏目…  离线 offline  字号 大 (no CJK font)  繁")
        offline = next(segment for segment in line if segment.text == "离线 offline")
        assert offline.style is not None
        assert offline.style.reverse
        assert offline.style.bold

        bar.end("list")
        bar.show_network(False)
        bar.show_sync("同步 3/10")
        await pilot.pause()
        text = bar.render_line(0).text
        assert text.endswith("  同步 3/10  在线  字号 大 (no CJK font)  繁")
        assert "Loading" not in text
        assert cell_len(text) == 68


async def test_a_short_site_is_shown_whole_and_bold() -> None:
    app = BarApp()
    async with app.run_test(size=(70, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.show_site("[b]湖南社会工作[/b]")  # page text: never read as markup
        bar.show_font("medium")
        bar.show_script("simplified")
        await pilot.pause()
        site = next(iter(bar.render_line(0)))
        assert site.text == "[b]湖南社会工作[/b]"
        assert site.style is not None
        assert site.style.bold

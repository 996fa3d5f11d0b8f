"""The reader's look: script, readings, themes, font step, layout keys; remembered across runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ui_helpers import main_screen, parts, wait_for, wait_for_tree, workers_done

from hnreader.app import HnReaderApp
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.render import glyphs
from hnreader.render.script import to_script
from hnreader.ui.screens.main import LIST, READER, TREE
from hnreader.ui.state import STATE_FILE

WIDE = (120, 36)


def _cjk_font_available() -> bool:
    try:
        glyphs.painter("large", None)
    except glyphs.FontUnavailable:
        return False
    return True


async def test_script_readings_theme_and_font_are_remembered(
    demo_server: DemoServer, private_data_dir: Path
) -> None:
    news = demo_edition().site("flagship").sections[0]
    newest = demo_edition().list_page(news.path).items[0]
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        await wait_for_tree(pilot)
        screen = main_screen(app)
        _, listing, reader = parts(app)
        await wait_for(pilot, lambda: bool(listing.items), "the first list")
        status = screen.status
        assert status.script == "简"
        assert app.theme == "textual-dark"

        await pilot.press("t")  # 繁: the list, the status bar and the reader follow
        await wait_for(pilot, lambda: status.script == "繁", "繁 in the status bar")
        traditional = to_script(newest.title, "traditional")
        assert traditional != newest.title
        assert traditional in str(listing.options.get_option_at_index(0).prompt)
        assert reader.script == "traditional"

        await pilot.press("p")
        assert reader.show_ruby
        await pilot.press("T")
        assert app.theme == "textual-light"
        await pilot.press("T")
        assert app.theme == "hnreader-high-contrast"

        await pilot.press("tab", "tab", "plus")  # in the reader: one font step bigger
        expected = "large" if _cjk_font_available() else "medium"
        await wait_for(pilot, lambda: app.state.font_step == expected, "the font step")
        assert screen.status.font.startswith("字号 大" if expected == "large" else "字号 中")
        await workers_done(app)

    saved = json.loads((private_data_dir / STATE_FILE).read_text(encoding="utf-8"))
    assert saved == {
        "theme": "high-contrast",
        "font_step": expected,
        "script": "traditional",
        "show_ruby": True,
    }
    again = HnReaderApp(demo_server.sites[0][1])
    async with again.run_test(size=WIDE) as pilot:
        await wait_for_tree(pilot)
        assert again.theme == "hnreader-high-contrast"
        assert parts(again)[2].script == "traditional"
        await pilot.press("T")
        assert again.theme == "textual-dark"


async def test_layout_keys_full_screen_hide_tree_widen(demo_server: DemoServer) -> None:
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        await wait_for_tree(pilot)
        screen = main_screen(app)
        tree_pane, list_pane = screen.query_one("#tree-pane"), screen.query_one("#list-pane")
        reader = parts(app)[2]
        await pilot.press("f")
        await pilot.pause()
        assert screen.pane == READER
        assert not tree_pane.display
        assert not list_pane.display
        assert reader.size.width > 100
        await pilot.press("escape")  # leaves full screen, stays in the reader
        await pilot.pause()
        assert tree_pane.display
        assert list_pane.display
        assert screen.pane == READER

        width = reader.size.width
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.size.width > width
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert not tree_pane.display
        await pilot.press("escape", "escape")  # back to the tree shows it again
        await pilot.pause()
        assert screen.pane == TREE
        assert tree_pane.display
        await pilot.press("tab")
        assert screen.pane == LIST


def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert HnReaderApp("http://127.0.0.1:9/").no_color
    monkeypatch.delenv("NO_COLOR")
    assert not HnReaderApp("http://127.0.0.1:9/").no_color

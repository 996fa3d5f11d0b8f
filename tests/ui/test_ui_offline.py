"""Offline reading, the start-up benchmark's exit switch, opening and copying links."""

from __future__ import annotations

import shlex
import sys
import webbrowser
from pathlib import Path

import pytest
from library_helpers import library, reader_app
from textual.widgets import Static
from ui_helpers import closed_port, main_screen, parts, wait_for, wait_for_tree

from hnreader.app import EXIT_WHEN_READY_ENV, HnReaderApp
from hnreader.demo.server import DemoServer

WIDE = (120, 36)


async def test_offline_serves_stored_pages_and_names_the_missing(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    home = demo_server.sites[0][1]
    with library(tmp_path / "lib") as store:
        online = reader_app(home, store)
        async with online.run_test(size=WIDE) as pilot:
            await wait_for_tree(pilot)
            listing = parts(online)[1]
            await wait_for(pilot, lambda: bool(listing.items), "the first list")
            stored_titles = [item.title for item in listing.items]
            assert main_screen(online).status.offline is False

        offline = reader_app(home, store, offline=True)
        async with offline.run_test(size=WIDE) as pilot:
            await wait_for_tree(pilot)
            screen = main_screen(offline)
            _, listing, reader = parts(offline)
            await wait_for(pilot, lambda: bool(listing.items), "the stored list")
            assert [item.title for item in listing.items] == stored_titles
            assert screen.query_one("#offline-banner").display
            assert "离线 offline" in screen.status.render_line(0).text
            await pilot.press("tab", "enter")  # never opened, so never stored
            await wait_for(pilot, lambda: "not available offline" in reader.shown_text, "why")
            assert reader.article is None


async def test_offline_without_a_library_copy_says_so(tmp_path: Path) -> None:
    with library(tmp_path / "lib") as store:
        app = reader_app(f"http://127.0.0.1:{closed_port()}/", store, offline=True)
        async with app.run_test(size=WIDE) as pilot:
            message = main_screen(app).query_one("#tree-message", Static)
            await wait_for(pilot, lambda: message.has_class("-shown"), "the message")
            assert "not available offline" in str(message.content)
            assert main_screen(app).query_one("#offline-banner").display


async def test_exit_when_ready_exits_after_the_first_list(
    demo_server: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EXIT_WHEN_READY_ENV, "1")
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        await wait_for(pilot, lambda: not app.is_running, "the app to exit by itself")
    assert app.return_code == 0
    assert app.main.ready  # the tree and the first list were shown before the exit

    failing = HnReaderApp(f"http://127.0.0.1:{closed_port()}/")
    async with failing.run_test(size=WIDE) as pilot:
        await wait_for(pilot, lambda: not failing.is_running, "the failing app to exit")
    assert failing.return_code == 1
    assert not failing.main.ready


async def test_y_copies_and_o_opens_the_article_link(
    demo_server: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = tmp_path / "opened.txt"
    # A real "browser": a command that writes the URL it is given to a file.
    script = f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])"
    monkeypatch.setenv("BROWSER", f"{shlex.quote(sys.executable)} -c {shlex.quote(script)} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read BROWSER again
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        await wait_for_tree(pilot)
        listing = parts(app)[1]
        await wait_for(pilot, lambda: bool(listing.items), "the first list")
        await pilot.press("tab", "y")
        assert app.clipboard == listing.items[0].url
        await pilot.press("j", "o")
        await wait_for(pilot, lambda: opened.exists() and opened.read_text() != "", "browser")
        assert opened.read_text() == listing.items[1].url

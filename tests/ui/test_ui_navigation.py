"""The reader driven by keys against the demo edition over real HTTP."""

from __future__ import annotations

from urllib.parse import urljoin

from textual.widget import Widget
from textual.widgets import Static
from ui_helpers import closed_port, main_screen, parts, wait_for, wait_for_tree

from hnreader.app import HnReaderApp
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.models import ListItem, Section
from hnreader.ui.screens.help import HelpScreen
from hnreader.ui.screens.main import LIST, READER, TREE
from hnreader.ui.widgets.reader_body import meta_line

WIDE = (120, 36)


def shown(widget: Widget) -> bool:
    """Whether the layout shows ``widget`` (a function, so checks are not narrowed away)."""
    return widget.display


async def test_tree_then_list_then_article_and_back(demo_server: DemoServer) -> None:
    edition = demo_edition()
    flagship = edition.site("flagship")
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        tree = await wait_for_tree(pilot)
        _, listing, reader = parts(app)
        screen = main_screen(app)
        assert [s.name for s in tree.sections] == [s.name for s in flagship.all_sections()]
        assert screen.pane == TREE

        # Enter on 新闻中心 (a section with sub-sections) lists it and keeps the focus in the tree.
        await pilot.press("enter")
        first_page = edition.list_page(flagship.sections[0].path)
        await wait_for(pilot, lambda: bool(listing.items), "the first list page")
        assert [item.title for item in listing.items] == [a.title for a in first_page.items]
        assert screen.pane == TREE

        # j onto its first sub-section (a leaf): Enter lists it and moves to the list.
        await pilot.press("j", "enter")
        leaf = flagship.sections[0].children[0]
        leaf_page = edition.list_page(leaf.path)
        await wait_for(
            pilot,
            lambda: [i.title for i in listing.items] == [a.title for a in leaf_page.items],
            f"the list of {leaf.name}",
        )
        assert screen.pane == LIST

        await pilot.press("j", "k", "j", "enter")  # the second article
        chosen = leaf_page.items[1]
        await wait_for(pilot, lambda: reader.article is not None, "the article")
        assert reader.article is not None
        assert reader.article.url == urljoin(demo_server.base_url, chosen.path)
        assert reader.article.title == chosen.title
        shown = reader.shown_text.splitlines()
        assert shown[0] == chosen.title
        assert shown[1] == meta_line(reader.article)
        assert chosen.paragraphs[0] in reader.shown_text
        assert screen.pane == READER

        await pilot.press("escape")
        assert screen.pane == LIST
        await pilot.press("escape")
        assert screen.pane == TREE


async def test_tab_and_shift_tab_cycle_through_the_panes(demo_server: DemoServer) -> None:
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        await wait_for_tree(pilot)
        screen = main_screen(app)
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(screen.pane)
        assert seen == [LIST, READER, TREE]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.pane == READER


async def test_reaching_the_end_of_the_list_loads_the_next_page(demo_server: DemoServer) -> None:
    edition = demo_edition()
    flagship = edition.site("flagship")
    section = next(
        s
        for s in flagship.all_sections()
        if not s.children and edition.list_page(s.path).next is not None
    )
    first = edition.list_page(section.path)
    assert first.next is not None
    second = edition.list_page(first.next)
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        tree = await wait_for_tree(pilot)
        _, listing, _ = parts(app)
        tree.select_section(next(s for s in tree.sections if s.name == section.name))
        # By titles: the list shown at start may have as many items as the one asked for.
        titles = [item.title for item in first.items]
        await wait_for(pilot, lambda: [i.title for i in listing.items] == titles, "the first page")
        await wait_for(pilot, lambda: main_screen(app).pane == LIST, "the focus in the list")
        await pilot.press("end")
        expected = [a.title for a in (*first.items, *second.items)]
        await wait_for(
            pilot, lambda: [i.title for i in listing.items] == expected, "the second page"
        )
        assert listing.next_url == (
            urljoin(demo_server.base_url, second.next) if second.next else None
        )
        assert not listing.loading_shown
        await pilot.press("down", "enter")  # the list stays usable: open the next article
        await wait_for(pilot, lambda: parts(app)[2].article is not None, "the article")
        article = parts(app)[2].article
        assert article is not None
        assert article.title == second.items[0].title


async def test_a_closed_port_shows_an_error_and_the_app_stays_usable() -> None:
    app = HnReaderApp(f"http://127.0.0.1:{closed_port()}/")
    async with app.run_test(size=WIDE) as pilot:
        message = main_screen(app).query_one("#tree-message", Static)
        await wait_for(pilot, lambda: message.has_class("-shown"), "the error message")
        assert "could not connect" in str(message.content)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen), "help to close")
        await pilot.press("tab")
        await pilot.pause()
        assert main_screen(app).pane == LIST
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, "the app to quit")


async def test_missing_pages_show_errors_in_their_panes(demo_server: DemoServer) -> None:
    edition = demo_edition()
    missing = urljoin(demo_server.base_url, edition.missing_path.lstrip("/"))
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=WIDE) as pilot:
        tree = await wait_for_tree(pilot)
        screen = main_screen(app)
        _, listing, reader = parts(app)
        screen.open_section(Section("失效栏目", missing))
        await wait_for(pilot, lambda: "404" in listing.message, "the list error")
        screen.open_article(ListItem("失效文章", missing, None))
        await wait_for(pilot, lambda: "404" in reader.shown_text, "the article error")
        assert reader.article is None
        # Still usable: a real section loads after the failures.
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: screen.pane == TREE, "the focus back in the tree")
        tree.select_section(tree.sections[0])
        await wait_for(pilot, lambda: bool(listing.items), "a real list")
        assert listing.message == ""


async def test_narrow_terminal_shows_the_reader_alone(demo_server: DemoServer) -> None:
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_tree(pilot)
        screen = main_screen(app)
        tree_pane, list_pane = screen.query_one("#tree-pane"), screen.query_one("#list-pane")
        _, listing, reader = parts(app)
        assert screen.has_class("-narrow")
        assert shown(tree_pane)
        assert shown(list_pane)
        assert not shown(reader)
        await pilot.press("enter", "tab")
        await wait_for(pilot, lambda: bool(listing.items), "the list")
        await pilot.press("enter")
        await wait_for(pilot, lambda: reader.article is not None, "the article")
        assert shown(reader)
        assert not shown(tree_pane)
        assert not shown(list_pane)
        await pilot.press("escape")
        await wait_for(pilot, lambda: screen.pane == LIST, "the focus back in the list")
        assert shown(list_pane)
        assert not shown(reader)

"""Every key is listed in the help and every bound action is in the command palette."""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import Static
from ui_helpers import main_screen, wait_for, wait_for_tree

from hnreader.app import HnReaderApp
from hnreader.config import Config
from hnreader.demo.server import DemoServer
from hnreader.ui.commands import binding_commands, key_groups
from hnreader.ui.screens.help import HelpScreen
from hnreader.ui.screens.main import LIST, MainScreen
from hnreader.ui.screens.saved import BookmarksScreen, HistoryScreen
from hnreader.ui.screens.search import SearchScreen
from hnreader.ui.widgets.article_list import ArticleOptions
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree

OURS = (
    HnReaderApp,
    MainScreen,
    SectionTree,
    ArticleOptions,
    ArticleReader,
    SearchScreen,
    BookmarksScreen,
    HistoryScreen,
)


def _declared() -> list[Binding]:
    return [b for owner in OURS for b in owner.BINDINGS if isinstance(b, Binding)]


def _first_hit(app: HnReaderApp) -> str | None:
    """The title of the palette's highlighted command, once its search has answered."""
    if not isinstance(app.screen, CommandPalette):
        return None
    commands = app.screen.query_one(CommandList)
    if commands.highlighted is None:
        return None
    return str(commands.get_option_at_index(commands.highlighted).prompt).split("\n")[0]


def test_every_binding_has_an_id_and_a_description() -> None:
    bindings = _declared()
    assert all(b.id for b in bindings)
    assert all(b.description for b in bindings)
    ids = [b.id for b in bindings]
    assert len(ids) == len(set(ids))


async def test_help_lists_every_key(demo_server: DemoServer) -> None:
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_tree(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        await pilot.pause()
        table = app.screen.query_one("#help-keys", Static)
        text = "".join(str(strip.text) for strip in table.render_lines(table.region.reset_offset))
        listed = [b for _, group in key_groups(app) for b in group]
        assert {b.id for b in _declared()} <= {b.id for b in listed}
        for binding in listed:
            assert binding.description in text, binding.description
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "help to close")


async def test_palette_offers_every_bound_action_and_runs_it(demo_server: DemoServer) -> None:
    app = HnReaderApp(demo_server.sites[0][1])
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_tree(pilot)
        screen = main_screen(app)
        titles = {command.title for command in app.get_system_commands(screen)}
        owners = (HnReaderApp, MainScreen, SectionTree, ArticleOptions, ArticleReader)
        for owner in owners:
            for binding in owner.BINDINGS:
                assert isinstance(binding, Binding)
                assert binding.description in titles
        assert len(list(binding_commands(app, screen))) == sum(len(o.BINDINGS) for o in owners)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next pane")
        await wait_for(pilot, lambda: _first_hit(app) == "Next pane", "the palette's search")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.pane == LIST, "the palette command to run")


async def test_the_keymap_remaps_bindings_by_id_in_keys_and_help(demo_server: DemoServer) -> None:
    config = Config(keymap={"main.next_pane": "n", "app.help": "f1"})
    app = HnReaderApp(demo_server.sites[0][1], config=config)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_tree(pilot)
        screen = main_screen(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.pane == LIST, "n to move to the list")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "f1 to open help")
        listed = {b.id: b.key for _, group in key_groups(app) for b in group}
        assert listed["main.next_pane"] == "n"
        assert listed["app.help"] == "f1"
        assert listed["main.back"] == "escape"

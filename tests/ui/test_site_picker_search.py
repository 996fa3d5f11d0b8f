"""The site picker's filter box and its "add a site" action (against the real demo server)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static
from ui_helpers import closed_port, wait_for

from hnreader.catalogue import BUILTIN_SITES, FLAGSHIP_NAME, flagship
from hnreader.config import Config
from hnreader.config_file import CONFIG_ENV, load_config
from hnreader.demo.server import DemoServer
from hnreader.ui.screens.sites import AddSiteScreen, SitePickerApp, SitePickerScreen

SIZE = (100, 30)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    """A fresh configuration whose file (and ``sites.toml``) live in ``tmp_path``."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config.toml"))
    return load_config()


def _listed(app: SitePickerApp) -> list[str]:
    options = app.screen.query_one("#sites-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _status(app: SitePickerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_typing_on_the_list_filters_by_name_in_either_script(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"民政廳")  # 繁體 for 民政厅
        await pilot.pause()
        assert app.screen.query_one("#sites-filter", Input).value == "民政廳"
        assert [label.split()[0] for label in _listed(app)] == ["湖南省民政厅"]
        await pilot.press("enter")  # Enter in the filter opens the one left
        await pilot.pause()
    assert app.return_value == "https://mzt.hunan.gov.cn/"


async def test_the_filter_matches_addresses_and_escape_clears_it(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"HUNAN.GOV")  # case does not matter
        await pilot.pause()
        names = [label.split()[0] for label in _listed(app)]
        assert names == ["湖南省人民政府", "湖南省民政厅", "湖南省人力资源和社会保障厅"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#sites-filter", Input).value == ""
        assert len(_listed(app)) == len(BUILTIN_SITES) + 1  # and the demo edition
        assert app.screen.focused is app.screen.query_one("#sites-list", OptionList)
        assert app.is_running  # Escape with a filter clears it; it does not quit


async def test_a_filter_matching_nothing_says_so_and_enter_does_nothing(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"qaz", "enter")  # q and a are text in the filter
        await pilot.pause()
        assert isinstance(app.screen, SitePickerScreen)
        assert _listed(app) == []
        assert "No site matches 'qaz'" in _status(app, "#sites-status")
        assert app.is_running
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause()
        assert len(_listed(app)) == len(BUILTIN_SITES) + 1


async def test_adding_the_demo_flagship_stores_it_and_lists_it(
    config: Config, demo_server: DemoServer
) -> None:
    name, url = demo_server.sites[0]
    assert name == FLAGSHIP_NAME  # the demo flagship names itself like the real one
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddSiteScreen), "the add screen")
        await pilot.press(*url, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SitePickerScreen), "the site added")
        site_list = app.screen.query_one("#sites-list", OptionList)
        highlighted = site_list.highlighted_option
        assert highlighted is not None
        assert highlighted.id == FLAGSHIP_NAME
        assert url in str(highlighted.prompt)
        assert f"Added {FLAGSHIP_NAME} (" in _status(app, "#sites-status")
        assert "sections found" in _status(app, "#sites-status")
        await pilot.press("enter")  # the flagship now opens at once: no address to ask for
        await pilot.pause()
    assert app.return_value == url
    assert flagship(load_config()).url == url


async def test_adding_with_a_name_keeps_that_name(config: Config, demo_server: DemoServer) -> None:
    portal_url = demo_server.sites[1][1]
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddSiteScreen), "the add screen")
        await pilot.press(*portal_url, "tab", *"演示门户", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SitePickerScreen), "the site added")
        assert any(label.startswith("演示门户") for label in _listed(app))
    stored = {site.name: site.url for site in load_config().sites}
    assert stored == {"演示门户": portal_url}


async def test_a_dead_address_gives_a_clear_error_and_stores_nothing(
    config: Config, tmp_path: Path
) -> None:
    dead_address = f"http://127.0.0.1:{closed_port()}/"
    no_retries = dataclasses.replace(config.network, retries=0)  # one refusal is enough here
    app = SitePickerApp(dataclasses.replace(config, network=no_retries))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddSiteScreen), "the add screen")
        await pilot.press(*dead_address, "enter")
        await wait_for(
            pilot, lambda: "Nothing was stored" in _status(app, "#add-status"), "the failure"
        )
        message = _status(app, "#add-status")
        assert f"cannot add {dead_address}" in message
        assert "could not connect" in message
        address = app.screen.query_one("#add-address", Input)
        assert not address.disabled
        assert address.value == dead_address
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SitePickerScreen), "the list")
        assert len(_listed(app)) == len(BUILTIN_SITES) + 1
    assert not (tmp_path / "sites.toml").exists()
    assert load_config().sites == ()


async def test_an_address_that_is_not_one_is_refused_before_any_fetch(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddSiteScreen), "the add screen")
        await pilot.press(*"www.example.cn", "enter")
        await pilot.pause()
        assert "not a web address" in _status(app, "#add-status")
        assert not app.screen.query_one("#add-address", Input).disabled
    assert load_config().sites == ()


async def test_the_new_keys_are_in_the_footer_and_follow_the_keymap(config: Config) -> None:
    app = SitePickerApp(dataclasses.replace(config, keymap={"sites.add": "n"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = {b.binding.id: b.binding for b in app.active_bindings.values()}
        assert keys["sites.add"].description == "Add a site"
        assert keys["sites.add"].key == "n"
        assert keys["sites.filter"].description == "Filter"
        heading = str(app.screen.query_one("#sites-heading", Static).render())
        assert "n adds a site, q quits" in heading
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, AddSiteScreen), "the add screen")

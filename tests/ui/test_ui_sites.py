"""The site picker shown when ``hnreader`` starts with nothing to open."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from hnreader.catalogue import BUILTIN_SITES, FLAGSHIP_NAME, flagship
from hnreader.config import Config
from hnreader.config_file import CONFIG_ENV, load_config
from hnreader.ui.screens.sites import DEMO_CHOICE, AddressScreen, SitePickerApp

SIZE = (100, 30)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    """A fresh configuration whose file (and ``sites.toml``) live in ``tmp_path``."""
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config.toml"))
    return load_config()


def _option_ids(app: SitePickerApp) -> list[str | None]:
    options = app.screen.query_one("#sites-list", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def test_the_list_shows_the_five_built_in_sites_then_the_demo(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ids = _option_ids(app)
        assert ids[:-1] == [site.name for site in BUILTIN_SITES]
        assert len(ids) == 6
        assert ids[0] == FLAGSHIP_NAME


async def test_enter_on_a_site_with_an_address_returns_it(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the flagship is first; the next has an address
        await pilot.pause()
    assert app.return_value == BUILTIN_SITES[1].url


async def test_the_flagship_asks_for_its_address_once_and_stores_it(
    config: Config, tmp_path: Path
) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddressScreen)
        await pilot.press(*"https://shegong.example.cn/", "enter")
        await pilot.pause()
    assert app.return_value == "https://shegong.example.cn/"
    assert flagship(load_config()).url == "https://shegong.example.cn/"
    assert (tmp_path / "sites.toml").is_file()


async def test_an_invalid_address_is_refused_and_the_prompt_stays(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"ftp:/nowhere", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AddressScreen)
        error = app.screen.query_one("#address-error", Static)
        assert "Not a web address" in str(error.render())
        assert app.screen.query_one(Input).value == "ftp:/nowhere"
        assert app.is_running
    assert flagship(load_config()).url == ""


async def test_the_demo_button_on_the_prompt_returns_the_demo_choice(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#address-demo")
        await pilot.pause()
    assert app.return_value == DEMO_CHOICE
    assert flagship(load_config()).url == ""  # nothing stored


async def test_the_demo_entry_of_the_list_returns_the_demo_choice(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
    assert app.return_value == DEMO_CHOICE


async def test_q_quits_with_no_choice(config: Config) -> None:
    app = SitePickerApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running  # left at once, not when the test harness closed it
    assert app.return_value is None

"""The site picker shown when ``hnreader`` starts with nothing to open.

:class:`SitePickerApp` is a small application of its own, run before the reader: it returns
the chosen home page address, :data:`DEMO_CHOICE` for the bundled demo edition, or None when
the user quits. Typing narrows the list (简 and 繁 alike); ``a`` adds a site the way
``hnreader sites add`` does (:class:`AddSiteScreen`). The flagship site has no address until
the user gives one; the :class:`AddressScreen` asks for it once and stores it in ``sites.toml``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from hnreader.catalogue import all_sites
from hnreader.catalogue.discover import DiscoveredSite
from hnreader.config import Config, SiteConfig
from hnreader.ui.screens.site_prompts import (
    DEMO_CHOICE,
    AddressScreen,
    AddSiteScreen,
    is_web_address,
)

__all__ = ["DEMO_CHOICE", "AddSiteScreen", "AddressScreen", "SitePickerApp", "is_web_address"]

_DEMO_OPTION = "\0demo"  # an option id no site name can take
_DEMO_LABEL = "The demo edition (served on this computer) 演示版"

log = logging.getLogger(__name__)


def _folder() -> Callable[[str], str]:
    """How filter text and site labels are compared: 简/繁, width and case folded alike.

    The search folding lives in the store package and needs OpenCC; it is imported on the
    first keystroke, not when the picker opens.
    """
    from hnreader.store import StoreError
    from hnreader.store.textnorm import fold

    try:
        fold("繁")
    except StoreError as exc:  # no OpenCC: the filter still works within one script
        log.warning("the site filter cannot fold 简/繁: %s", exc)
        return str.casefold
    return fold


class SitePickerScreen(Screen[str | None]):
    """The catalogue as a list; choosing a site dismisses the screen with its address."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="sites.filter"),
        Binding("a", "add_site", "Add a site", id="sites.add"),
        Binding("escape", "back", "Clear the filter / quit", id="sites.back"),
        Binding("q", "dismiss(None)", "Quit", id="sites.quit"),
    ]

    def __init__(self, config: Config, config_file: Path | None = None) -> None:
        super().__init__()
        self.config = config
        self.sites = all_sites(config)
        self.config_file = config_file
        self._fold: Callable[[str], str] | None = None

    def compose(self) -> ComposeResult:
        """A heading, the filter box, the site list, a status line and the key footer."""
        add, leave = self._key_of("sites.add", "a"), self._key_of("sites.quit", "q")
        yield Static(
            f"Choose a site to read (Enter opens it, type to filter, {add} adds a site, "
            f"{leave} quits):",
            id="sites-heading",
        )
        yield Input(
            placeholder="Filter by name or address (简/繁 alike)",
            id="sites-filter",
            select_on_focus=False,  # a key typed on the list must not be replaced by the next
        )
        yield OptionList(*self._options(""), id="sites-list")
        yield Static("", id="sites-status")
        yield Footer()

    def _key_of(self, binding_id: str, default: str) -> str:
        """The key (as the footer shows it) of a binding, after the configured keymap."""
        keys = self.config.keymap.get(binding_id, default)
        return self.app.get_key_display(Binding(keys.split(",")[0].strip(), ""))

    def on_mount(self) -> None:
        """Start with the list focused."""
        self.query_one("#sites-list", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing on the list starts the filter; Down in the filter goes back to the list."""
        filter_box = self.query_one("#sites-filter", Input)
        site_list = self.query_one("#sites-list", OptionList)
        if self.focused is site_list and event.is_printable and event.character:
            if event.key in self.active_bindings:
                return  # a key of its own (a, q, /): the binding runs
            event.stop()
            filter_box.focus()
            filter_box.insert_text_at_cursor(event.character)
        elif self.focused is filter_box and event.key == "down":
            event.stop()
            site_list.focus()

    def action_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.query_one("#sites-filter", Input).focus()

    def action_back(self) -> None:
        """Escape: clear the filter first; with no filter, quit."""
        filter_box = self.query_one("#sites-filter", Input)
        if filter_box.value or self.focused is filter_box:
            filter_box.value = ""
            self.query_one("#sites-list", OptionList).focus()
        else:
            self.dismiss(None)

    def action_add_site(self) -> None:
        """Ask for a new site's address; it joins the list once stored."""
        self.app.push_screen(AddSiteScreen(self.config, self.config_file), self._site_added)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Narrow the list to the sites whose name or address contains the filter text."""
        if event.input.id == "sites-filter":
            self._show_sites(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter opens the highlighted site."""
        if event.input.id != "sites-filter":
            return
        site_list = self.query_one("#sites-list", OptionList)
        if site_list.highlighted is not None:
            site_list.focus()
            site_list.action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen site, asking for its address first when it has none."""
        if event.option.id == _DEMO_OPTION:
            self.dismiss(DEMO_CHOICE)
            return
        site = next(s for s in self.sites if s.name == event.option.id)
        if site.url:
            self.dismiss(site.url)
            return
        self.app.push_screen(AddressScreen(site.name, self.config_file), self._address_given)

    def _address_given(self, answer: str | None) -> None:
        if answer is not None:  # None: the user went back to the list
            self.dismiss(answer)

    def _site_added(self, found: DiscoveredSite | None) -> None:
        if found is None:
            return
        site = found.site
        others = [s for s in self.config.sites if s.name.casefold() != site.name.casefold()]
        self.config = dataclasses.replace(self.config, sites=(*others, site))
        self.sites = all_sites(self.config)
        self.query_one("#sites-filter", Input).value = ""
        site_list = self._show_sites("")
        site_list.highlighted = site_list.get_option_index(site.name)
        site_list.focus()
        count = found.section_count()
        found_what = (
            f"{count} sections found"
            if count
            else "no sections found: is this the home page of a CMS site?"
        )
        self._say(f"Added {site.name} ({found_what}). Enter opens it.")

    def _show_sites(self, text: str) -> OptionList:
        site_list = self.query_one("#sites-list", OptionList)
        site_list.set_options(self._options(text))
        if site_list.option_count:
            site_list.highlighted = 0
            self._say("")
        else:
            self._say(f"No site matches {text.strip()!r}: a adds one.")
        return site_list

    def _options(self, text: str) -> list[Option]:
        wanted = text.strip()
        if wanted and self._fold is None:
            self._fold = _folder()
        fold = self._fold or str.casefold
        folded = fold(wanted)
        options = [
            Option(self._label(site), id=site.name)
            for site in self.sites
            if folded in fold(f"{site.name} {site.url}")
        ]
        if folded in fold(_DEMO_LABEL):
            options.append(Option(_DEMO_LABEL, id=_DEMO_OPTION))
        return options

    def _say(self, message: str) -> None:
        self.query_one("#sites-status", Static).update(message)

    @staticmethod
    def _label(site: SiteConfig) -> str:
        return f"{site.name}  —  {site.url or '(address not known yet)'}"


class SitePickerApp(App[str | None]):
    """Run the site picker alone; its return value is the address, the demo choice or None."""

    TITLE = "hnreader"

    def __init__(self, config: Config, config_file: Path | None = None) -> None:
        super().__init__()
        self.config = config
        self.config_file = config_file

    def on_mount(self) -> None:
        """Apply the configured keymap, show the picker and leave with what it returns."""
        self.set_keymap(dict(self.config.keymap))
        self.push_screen(SitePickerScreen(self.config, self.config_file), self.exit)

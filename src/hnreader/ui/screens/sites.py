"""The site picker shown when ``hnreader`` starts with nothing to open.

:class:`SitePickerApp` is a small application of its own, run before the reader: it returns
the chosen home page address, :data:`DEMO_CHOICE` for the bundled demo edition, or None when
the user quits. The flagship site has no address until the user gives one; the
:class:`AddressScreen` asks for it once and stores it in ``sites.toml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from hnreader.catalogue import all_sites, remember_address
from hnreader.config import Config, SiteConfig

DEMO_CHOICE = "demo"
_DEMO_OPTION = "\0demo"  # an option id no site name can take


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http(s) address with a host."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class AddressScreen(ModalScreen[str | None]):
    """Ask once for a site's home page address; dismiss with it, the demo choice, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back to the sites"),
    ]

    def __init__(self, site_name: str, config_file: Path | None = None) -> None:
        super().__init__()
        self.site_name = site_name
        self.config_file = config_file

    def compose(self) -> ComposeResult:
        """The question, the address field, an error line and the demo button."""
        with Vertical(id="address-frame"):
            yield Static(f"{self.site_name} has no known address yet. Its home page address:")
            yield Input(placeholder="https://…", id="address-input")
            yield Static("", id="address-error")
            yield Button("Use the demo edition meanwhile", id="address-demo")

    def on_mount(self) -> None:
        """Title the frame and put the cursor in the field."""
        self.query_one("#address-frame").border_title = self.site_name
        self.query_one("#address-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Store a valid address and return it; otherwise say what is wrong and stay."""
        address = event.value.strip()
        if not is_web_address(address):
            self.query_one("#address-error", Static).update(
                "Not a web address: it must start with http:// or https:// and name a host."
            )
            return
        remember_address(self.site_name, address, self.config_file)
        self.dismiss(address)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The demo button: open the demo edition instead, for now."""
        if event.button.id == "address-demo":
            self.dismiss(DEMO_CHOICE)


class SitePickerScreen(Screen[str | None]):
    """The catalogue as a list; choosing a site dismisses the screen with its address."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Quit"),
    ]

    def __init__(self, config: Config, config_file: Path | None = None) -> None:
        super().__init__()
        self.sites = all_sites(config)
        self.config_file = config_file

    def compose(self) -> ComposeResult:
        """A heading, the site list and the key footer."""
        yield Static("Choose a site to read (Enter opens it, q quits):", id="sites-heading")
        options = [Option(self._label(site), id=site.name) for site in self.sites]
        options.append(Option("The demo edition (served on this computer)", id=_DEMO_OPTION))
        yield OptionList(*options, id="sites-list")
        yield Footer()

    def on_mount(self) -> None:
        """Start with the list focused."""
        self.query_one("#sites-list", OptionList).focus()

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
        """Show the picker and leave with whatever it returns."""
        self.push_screen(SitePickerScreen(self.config, self.config_file), self.exit)

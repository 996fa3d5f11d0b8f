"""The questions the site picker asks: a site's address, or a new site to add.

:class:`AddressScreen` asks once for the address of a catalogue site that has none (the
flagship, at first) and stores it; :class:`AddSiteScreen` adds a site the way
``hnreader sites add`` does (:mod:`hnreader.catalogue.discover`), in a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from hnreader.catalogue import remember_address
from hnreader.catalogue.discover import (
    DiscoveredSite,
    SiteAddError,
    discover_site,
    draft_site,
    store_site,
    web_address,
)
from hnreader.config import Config

DEMO_CHOICE = "demo"  # what the picker returns for the bundled demo edition

_FRAME_CSS = """
{screen} {{ align: center middle; }}
{screen} > Vertical {{
    width: 90%; max-width: 100; height: auto;
    border: round $accent; padding: 0 1; background: $surface;
}}
"""


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http(s) address with a host."""
    try:
        web_address(text)
    except SiteAddError:
        return False
    return True


class AddressScreen(ModalScreen[str | None]):
    """Ask once for a site's home page address; dismiss with it, the demo choice, or None."""

    DEFAULT_CSS = _FRAME_CSS.format(screen="AddressScreen")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back to the sites", id="sites.address_back"),
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


class AddSiteScreen(ModalScreen[DiscoveredSite | None]):
    """Ask for a new site's address (and a name), discover its sections and store it.

    Dismisses with the stored site, or None when the user goes back; a failure is shown in
    the frame and nothing is stored.
    """

    DEFAULT_CSS = _FRAME_CSS.format(screen="AddSiteScreen")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back to the sites", id="sites.add_back"),
    ]

    def __init__(self, config: Config, config_file: Path | None = None) -> None:
        super().__init__()
        self.config = config
        self.config_file = config_file

    def compose(self) -> ComposeResult:
        """The address and name fields and a status line."""
        with Vertical(id="add-frame"):
            yield Static("The home page address of the site to add:")
            yield Input(placeholder="https://…", id="add-address")
            yield Input(placeholder="Its name (optional: the site's own title)", id="add-name")
            yield Static("", id="add-status")
        yield Footer()

    def on_mount(self) -> None:
        """Title the frame and put the cursor in the address field."""
        self.query_one("#add-frame").border_title = "Add a site"
        self.query_one("#add-address", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in either field: check the address, then discover the site in a worker."""
        address = self.query_one("#add-address", Input).value
        try:
            url = web_address(address)
        except SiteAddError as exc:
            self._say(str(exc))
            self.query_one("#add-address", Input).focus()
            return
        name = self.query_one("#add-name", Input).value.strip() or None
        for field in self.query(Input):
            field.disabled = True
        self._say(f"Fetching {url} and looking for its sections…")
        self._add(url, name)

    @work(exclusive=True, group="add-site")
    async def _add(self, url: str, name: str | None) -> None:
        try:
            found = await discover_site(draft_site(url, name), self.config.network, name=name)
            store_site(found.site, self.config, self.config_file)
        except SiteAddError as exc:
            self._say(f"{exc}\nNothing was stored.")
            for field in self.query(Input):
                field.disabled = False
            self.query_one("#add-address", Input).focus()
            return
        self.dismiss(found)

    def _say(self, message: str) -> None:
        self.query_one("#add-status", Static).update(message)

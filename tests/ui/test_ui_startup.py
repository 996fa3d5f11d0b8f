"""What keeps the reader's start-up cheap: it must not change what is shown or how it behaves."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from hnreader.config import FONT_STEPS
from hnreader.render import glyphs
from hnreader.ui import startup
from hnreader.ui.widgets.key_footer import KeyFooter
from hnreader.ui.widgets.reader import ENLARGED_STEPS


def test_the_reader_knows_which_steps_need_the_glyph_painter() -> None:
    # The reader decides without importing the painter; it must decide as the painter would.
    assert {step for step in FONT_STEPS if glyphs.is_enlarged(step)} == ENLARGED_STEPS


@pytest.fixture
def collector_on() -> Iterator[None]:
    """The collector on, as pytest runs it; restored (and unfrozen) afterwards."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    startup._held = False
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_collections_are_held_until_released() -> None:
    startup.hold_collections()
    assert not gc.isenabled()
    startup.release_collections()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # what start-up allocated is left out of later passes


@pytest.mark.usefixtures("collector_on")
def test_a_collector_turned_off_elsewhere_stays_off() -> None:
    gc.disable()
    startup.hold_collections()
    startup.release_collections()
    assert not gc.isenabled()


class KeysApp(App[None]):
    """Two shown bindings and a footer, compact or not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        """The footer alone."""
        yield self.footer


def _keys(app: App[None]) -> list[tuple[str, str, bool, bool]]:
    """Each footer key as drawn (its text, padding included) and its compact state."""
    return [
        (str(key.render()), key.description, key.compact, key.has_class("-compact"))
        for key in app.query(FooterKey)
    ]


@pytest.mark.parametrize("compact", [False, True])
async def test_the_key_footer_shows_what_textuals_footer_shows(compact: bool) -> None:
    shown = []
    for footer in (Footer(compact=compact), KeyFooter(compact=compact)):
        app = KeysApp(footer)
        async with app.run_test(size=(80, 5)) as pilot:
            await pilot.pause()
            shown.append(_keys(app))
    textual_keys, our_keys = shown
    assert our_keys == textual_keys
    drawn_help = " ? Help " if not compact else "? Help"
    assert (drawn_help, "Help", compact, compact) in our_keys

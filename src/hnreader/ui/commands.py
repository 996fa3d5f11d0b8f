"""Keys and commands derived from the bindings, so help and palette never drift from them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget

from hnreader.ui.screens.help import KeyGroup
from hnreader.ui.screens.main import MainScreen
from hnreader.ui.widgets.article_list import ArticleOptions
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree


def _bindings(declared: Iterable[BindingType]) -> list[Binding]:
    return [binding for binding in declared if isinstance(binding, Binding)]


def key_groups(app: App[None]) -> list[KeyGroup]:
    """Every key of the reader, grouped by the pane it works in."""
    palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
    return [
        ("Everywhere", [*_bindings(app.BINDINGS), palette, *_bindings(MainScreen.BINDINGS)]),
        ("Sections", _bindings(SectionTree.BINDINGS)),
        ("Articles", _bindings(ArticleOptions.BINDINGS)),
        ("Reader", _bindings(ArticleReader.BINDINGS)),
    ]


def binding_commands(screen: Screen[Any]) -> Iterator[SystemCommand]:
    """A palette command for every action bound on the main screen and its panes."""
    if not isinstance(screen, MainScreen):
        return
    targets: list[Widget] = [screen, *screen.pane_widgets()]
    for target in targets:
        for binding in _bindings(type(target).BINDINGS):
            keys = binding.key.replace(",", " / ")
            yield SystemCommand(
                binding.description, f"Key: {keys}", partial(target.run_action, binding.action)
            )

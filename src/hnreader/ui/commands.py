"""Keys and commands derived from the bindings, so help and palette never drift from them.

Keys are shown as the keymap (from the configuration file) sets them, not as declared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget

from hnreader.ui.screens.help import KeyGroup
from hnreader.ui.screens.main import MainScreen
from hnreader.ui.screens.saved import BookmarksScreen, HistoryScreen
from hnreader.ui.screens.search import SearchScreen
from hnreader.ui.widgets.article_list import ArticleOptions
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree


def _bindings(declared: Iterable[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """The :class:`Binding` objects of ``declared``, with their keys as ``keymap`` sets them."""
    return [
        dataclasses.replace(b, key=keymap[b.id]) if b.id and b.id in keymap else b
        for b in declared
        if isinstance(b, Binding)
    ]


def _keymap(app: App[Any]) -> Mapping[str, str]:
    keymap: Mapping[str, str] = getattr(app, "keymap", {})
    return keymap


def key_groups(app: App[Any]) -> list[KeyGroup]:
    """Every key of the reader, grouped by where it works."""
    keymap = _keymap(app)
    palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
    return [
        ("Everywhere", [*_bindings(app.BINDINGS, keymap), palette]),
        ("Main screen", _bindings(MainScreen.BINDINGS, keymap)),
        ("Sections", _bindings(SectionTree.BINDINGS, keymap)),
        ("Articles", _bindings(ArticleOptions.BINDINGS, keymap)),
        ("Reader", _bindings(ArticleReader.BINDINGS, keymap)),
        ("Search", _bindings(SearchScreen.BINDINGS, keymap)),
        ("Bookmarks", _bindings(BookmarksScreen.BINDINGS, keymap)),
        ("History", _bindings(HistoryScreen.BINDINGS, keymap)),
    ]


def binding_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """A palette command for every action bound on the app, ``screen`` and its panes."""
    keymap = _keymap(app)
    targets: list[App[Any] | Widget] = [app, screen]
    if isinstance(screen, MainScreen):
        targets += screen.pane_widgets()
    for target in targets:
        for binding in _bindings(type(target).BINDINGS, keymap):
            keys = binding.key.replace(",", " / ")
            yield SystemCommand(
                binding.description, f"Key: {keys}", partial(target.run_action, binding.action)
            )

"""The search screen: type words (Chinese through an input method, or pasted), see matches.

Searches run over the library in a thread as you type; a newer search cancels an older one.
Matches are highlighted with bold reverse video (visible without colour); Enter opens the
highlighted article.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from hnreader import models
from hnreader.store import SearchHit, Store, StoreError

MATCH_STYLE = "bold reverse"
RESULTS = 50


def highlighted(
    text: str, spans: tuple[tuple[int, int], ...], display: Callable[[str], str]
) -> Text:
    """``text`` with ``spans`` in :data:`MATCH_STYLE`, each piece shown through ``display``.

    Pieces are converted one by one so a change of script never moves a highlight.
    """
    shown = Text()
    position = 0
    for start, end in spans:
        shown.append(display(text[position:start]))
        shown.append(display(text[start:end]), MATCH_STYLE)
        position = end
    shown.append(display(text[position:]))
    return shown


def hit_prompt(hit: SearchHit, display: Callable[[str], str]) -> Text:
    """Three lines: the title, where and when, and the snippet (all page text, taken literally)."""
    title = highlighted(hit.title or hit.url, hit.title_spans, display)
    where = " · ".join(
        x for x in ((hit.published or "")[:10], display(hit.section or ""), hit.site) if x
    )
    snippet = highlighted(hit.snippet.text.replace("\n", " "), hit.snippet.spans, display)
    return Text.assemble(title, "\n  ", (where, "dim"), "\n  ", snippet)


class SearchScreen(Screen[models.ListItem | None]):
    """An input over the results; Escape goes back without opening anything."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="search.close"),
        Binding("down", "to_results", "To the results", show=False, id="search.to_results"),
    ]

    def __init__(self, store: Store | None, display: Callable[[str], str]) -> None:
        super().__init__()
        self.store = store
        self.display_text = display
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        """The query line, a status line and the results."""
        yield Input(placeholder="搜索 Search the library (either script)…", id="search-input")
        yield Static(id="search-status")
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the query line."""
        self.query_one("#search-results").border_title = "结果 Results"
        if self.store is None:
            self._say("Search needs the library, and this session keeps none.")
        else:
            self._say("Type words to search every stored article.")
        self.query_one(Input).focus()

    @property
    def status_text(self) -> str:
        """The status line as shown."""
        return str(self.query_one("#search-status", Static).content)

    def action_close(self) -> None:
        """Back to where search was opened."""
        self.dismiss(None)

    def action_to_results(self) -> None:
        """Move from the query line to the results."""
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search again for what is typed now."""
        self.run_search(event.value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the query line goes to the results."""
        self.action_to_results()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen result."""
        hit = self.hits[event.option_index]
        self.dismiss(models.ListItem(hit.title or hit.url, hit.url, hit.published))

    @work(exclusive=True, group="search")
    async def run_search(self, query: str) -> None:
        """Search the library for ``query`` and show the hits."""
        store = self.store
        results = self.query_one(OptionList)
        if store is None:
            return
        if not query:
            self.hits = []
            results.clear_options()
            self._say("Type words to search every stored article.")
            return
        self._say(f"Searching for {query}…")
        try:
            hits = await asyncio.to_thread(store.search, query, limit=RESULTS)
        except StoreError as exc:
            self._say(f"Search failed: {exc}")
            return
        self.hits = hits
        results.clear_options()
        results.add_options(Option(hit_prompt(hit, self.display_text)) for hit in hits)
        count = f"{len(hits)}+" if len(hits) == RESULTS else str(len(hits))
        self._say(f"{count} found for {query}" if hits else f"Nothing stored matches {query}.")

    def _say(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Text(text))

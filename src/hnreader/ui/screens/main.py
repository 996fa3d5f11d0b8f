"""The main screen: sections | article list | reader, and the loads that feed them."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from hnreader import models
from hnreader.sites import SiteSession
from hnreader.ui.errors import describe_error
from hnreader.ui.widgets.article_list import ArticleList, ArticleOptions
from hnreader.ui.widgets.reader import ArticleReader
from hnreader.ui.widgets.section_tree import SectionTree
from hnreader.ui.widgets.status_bar import StatusBar

PANES = ("#sections", "#list-options", "#reader")  # the focusable widget of each pane, in order
TREE, LIST, READER = range(3)


class MainScreen(Screen[None]):
    """Three panes side by side; below 100 columns the reader takes the screen when open."""

    # Textual annotates this as ``ClassVar[...] | None``, which mypy reads as an instance
    # variable, so it cannot be re-annotated as a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (100, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, id="main.next_pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="main.previous_pane"),
        Binding("escape", "back", "Back", id="main.back"),
        Binding("r", "reload", "Reload", id="main.reload"),
    ]

    def __init__(self, session: SiteSession, start_url: str) -> None:
        super().__init__()
        self.session = session
        self.start_url = start_url
        self.site: models.SiteTree | None = None
        self.section: models.Section | None = None
        self.item: models.ListItem | None = None

    def compose(self) -> ComposeResult:
        """The three panes, the status bar and the key footer."""
        with Horizontal(id="panes"):
            with Vertical(id="tree-pane"):
                yield SectionTree(id="sections")
                yield Static(id="tree-message")
            yield ArticleList(id="list-pane")
            yield ArticleReader(id="reader")
        yield StatusBar(id="status")
        yield Footer()

    async def on_mount(self) -> None:
        """Name the panes and start loading the site's sections."""
        self.query_one("#tree-pane").border_title = "栏目"
        self.query_one("#list-pane").border_title = "文章"
        self.query_one("#reader").border_title = "正文"
        self.status.show_site(self.start_url)
        await self.reader.show_message("Choose a section, then an article.")
        self.query_one(SectionTree).focus()
        self.load_tree()

    @property
    def status(self) -> StatusBar:
        """The status bar."""
        return self.query_one(StatusBar)

    @property
    def reader(self) -> ArticleReader:
        """The reader pane."""
        return self.query_one(ArticleReader)

    @property
    def article_list(self) -> ArticleList:
        """The article list pane."""
        return self.query_one(ArticleList)

    @property
    def pane(self) -> int:
        """The index of the pane that has the focus (the tree if none has)."""
        focused = self.focused
        for index, selector in enumerate(PANES):
            widget = self.query_one(selector)
            if focused is not None and (focused is widget or widget in focused.ancestors):
                return index
        return TREE

    def focus_pane(self, index: int) -> None:
        """Give the focus to pane ``index``, showing it first if the layout hides it."""
        self.set_class(index == READER, "-reading")
        # At once, not after the next refresh: a key typed right after must reach the new pane.
        self.query_one(PANES[index]).focus()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Keep the narrow layout in step when the focus moves by mouse."""
        self.set_class(self.pane == READER, "-reading")

    def action_next_pane(self) -> None:
        """Move the focus to the next pane."""
        self.focus_pane((self.pane + 1) % len(PANES))

    def action_previous_pane(self) -> None:
        """Move the focus to the previous pane."""
        self.focus_pane((self.pane - 1) % len(PANES))

    def action_back(self) -> None:
        """Go back one pane: reader → list → tree."""
        if self.pane != TREE:
            self.focus_pane(self.pane - 1)

    def action_reload(self) -> None:
        """Load again what the focused pane shows (after a failure, say)."""
        if self.pane == READER and self.item is not None:
            self.open_article(self.item)
        elif self.pane != TREE and self.section is not None:
            self.open_section(self.section)
        else:
            self.load_tree()

    def open_section(self, section: models.Section) -> None:
        """Show ``section``'s first list page (loading it in the background)."""
        self.section = section
        self.article_list.show_loading(section.name)
        self.workers.cancel_group(self, "more")
        self.load_list(section)

    def open_article(self, item: models.ListItem) -> None:
        """Show the article ``item`` in the reader (loading it in the background)."""
        self.item = item
        self.load_article(item)
        self.focus_pane(READER)

    def on_section_tree_section_selected(self, event: SectionTree.SectionSelected) -> None:
        """Open the chosen section; a leaf also takes the focus to the list."""
        self.open_section(event.section)
        if not event.section.children:
            self.focus_pane(LIST)

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        """Open the chosen article."""
        self.open_article(event.item)

    def on_article_list_end_reached(self, event: ArticleList.EndReached) -> None:
        """Load the next list page."""
        self.article_list.begin_more()
        self.load_more(event.next_url)

    @work(exclusive=True, group="tree")
    async def load_tree(self) -> None:
        """Load the site's section tree into the tree pane."""
        tree = self.query_one(SectionTree)
        message = self.query_one("#tree-message", Static)
        message.remove_class("-shown")
        tree.show_placeholder("Loading…")
        self.status.begin("tree", "Loading sections…")
        try:
            site = await self.session.tree(self.start_url)
        except Exception as exc:
            text = describe_error("Could not load the sections", exc)
            tree.show_placeholder("(no sections)")
            message.update(text)
            message.add_class("-shown")
            self.notify(text.plain, title="Sections", severity="error", markup=False)
            return
        finally:
            self.status.end("tree")
        self.site = site
        self.status.show_site(site.site)
        tree.show_sections(site)
        if not site.sections:
            message.update("This site announces no sections.")
            message.add_class("-shown")

    @work(exclusive=True, group="list")
    async def load_list(self, section: models.Section) -> None:
        """Load ``section``'s first list page into the list pane."""
        assert section.url is not None  # only sections with a page are ever opened
        self.status.begin("list", f"Loading {section.name}…")
        try:
            page = await self.session.article_list(section.url)
        except Exception as exc:
            self._list_failed(describe_error(f"Could not load {section.name}", exc).plain)
            return
        finally:
            self.status.end("list")
        self.article_list.show_page(page, section.name)

    @work(exclusive=True, group="more")
    async def load_more(self, url: str) -> None:
        """Load the next list page at ``url`` and add it to the list."""
        self.status.begin("more", "Loading more articles…")
        try:
            page = await self.session.article_list(url)
        except Exception as exc:
            self._list_failed(describe_error("Could not load more articles", exc).plain)
            return
        finally:
            self.status.end("more")
        self.article_list.append_page(page)

    @work(exclusive=True, group="article")
    async def load_article(self, item: models.ListItem) -> None:
        """Load the article ``item`` into the reader."""
        await self.reader.show_message(f"Loading {item.title}…")
        self.status.begin("article", "Loading article…")
        try:
            article = await self.session.article(item.url)
        except Exception as exc:
            text = describe_error("Could not load the article", exc).plain
            await self.reader.show_message(text, error=True)
            self.notify(text, title="Article", severity="error", markup=False)
            return
        finally:
            self.status.end("article")
        await self.reader.show_article(article)

    def _list_failed(self, text: str) -> None:
        self.article_list.show_error(text)
        self.notify(text, title="List", severity="error", markup=False)

    def pane_widgets(self) -> list[Widget]:
        """The focusable widget of each pane, in order (for commands and help)."""
        return [self.query_one(SectionTree), self.query_one(ArticleOptions), self.reader]

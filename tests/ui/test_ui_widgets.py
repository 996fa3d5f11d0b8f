"""The panes on their own, fed model objects directly (no network): what they show."""

from __future__ import annotations

from textual.app import App, ComposeResult

from hnreader import models
from hnreader.models import Article, Attachment, Block, Image, ListItem, Section, SiteTree
from hnreader.store import ReadingState
from hnreader.ui.widgets.article_list import BOOKMARK_MARK, UNREAD_MARK, ArticleList
from hnreader.ui.widgets.reader import INDENT, ArticleReader
from hnreader.ui.widgets.reader_body import meta_line
from hnreader.ui.widgets.reader_image import image_placeholder
from hnreader.ui.widgets.section_tree import SectionTree
from hnreader.ui.widgets.status_bar import StatusBar

HOSTILE = "[bold]粗体[/bold] [link=https://spam.invalid]点我[/link]"

ARTICLE = Article(
    url="http://site.invalid/content/1.html",
    title=f"标题{HOSTILE}",
    source="示例日报",
    published="2024-06-01T09:30:00",
    author="甲作者",
    editor=None,
    breadcrumb=("示例网站", "新闻中心", "详情"),
    blocks=(
        Block("paragraph", text="第一段正文。"),
        Block("heading", text="一、小标题"),
        Block("image", image=Image("http://site.invalid/img/p1.png", alt=None, caption="图注")),
        Block("image", image=Image("http://site.invalid/img/p2.png")),
        Block("table", rows=(("项目", "数量"), ("培训", "12"))),
        Block("paragraph", text=HOSTILE),
    ),
    attachments=(Attachment("实施方案.pdf", "http://site.invalid/f/1.pdf", "pdf"),),
)


class Harness(App[None]):
    """All four widgets on one screen."""

    def compose(self) -> ComposeResult:
        yield SectionTree(id="sections")
        yield ArticleList(id="list-pane")
        yield ArticleReader(id="reader")
        yield StatusBar(id="status")

    def __init__(self) -> None:
        super().__init__()
        self.heard: list[object] = []

    def on_section_tree_section_selected(self, event: SectionTree.SectionSelected) -> None:
        self.heard.append(event.section)

    def on_article_list_end_reached(self, event: ArticleList.EndReached) -> None:
        self.heard.append(event.next_url)

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.heard.append(event.item)


def test_meta_line_leaves_out_what_is_unknown() -> None:
    assert meta_line(ARTICLE) == "来源: 示例日报 · 时间: 2024-06-01 09:30:00 · 作者: 甲作者"
    assert meta_line(Article(url="http://x.invalid/", title=None)) == ""


def test_image_placeholder_prefers_caption_then_alt_then_file_name() -> None:
    with_caption, bare = ARTICLE.blocks[2], ARTICLE.blocks[3]
    assert image_placeholder(with_caption) == "〔图片〕 图注"
    assert image_placeholder(bare) == "〔图片〕 p2.png"
    alt_only = Block("image", image=Image("http://x.invalid/a.png", alt="替代文字"))
    assert image_placeholder(alt_only) == "〔图片〕 替代文字"


async def test_reader_shows_every_part_and_markup_literally() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        reader = app.query_one(ArticleReader)
        await reader.show_article(ARTICLE)
        await pilot.pause()
        lines = reader.shown_text.splitlines()
        assert lines[0] == ARTICLE.title  # the brackets are still there: not read as markup
        assert lines[1] == meta_line(ARTICLE)
        assert lines[2] == "示例网站 > 新闻中心 > 详情"
        assert INDENT + "第一段正文。" in lines
        assert "一、小标题" in lines
        assert "〔图片〕 图注" in lines
        assert "项目 | 数量" in lines
        assert "培训 | 12" in lines
        assert INDENT + HOSTILE in lines
        assert any("实施方案.pdf" in line and "[pdf]" in line for line in lines)
        assert lines[-1] == "原文: http://site.invalid/content/1.html"


async def test_list_shows_dates_and_titles_and_asks_for_more_at_the_end() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        listing = app.query_one(ArticleList)
        items = tuple(
            ListItem(f"{HOSTILE}{n}", f"http://x.invalid/{n}.html", "2024-01-0" + str(n))
            for n in range(1, 4)
        )
        page = models.ArticleList(
            "http://x.invalid/l.html", "栏目", items, next="http://x.invalid/l_2.html"
        )
        listing.show_page(page, "栏目")
        listing.options.focus()
        await pilot.pause()
        first = listing.options.get_option_at_index(0).prompt
        assert str(first) == f"2024-01-01  {HOSTILE}1"
        assert app.heard == []
        await pilot.press("j", "j")
        await pilot.pause()
        assert app.heard == ["http://x.invalid/l_2.html"]
        listing.begin_more()
        assert listing.loading_shown
        more = (ListItem("第四篇", "http://x.invalid/4.html", None),)
        listing.append_page(models.ArticleList("http://x.invalid/l_2.html", "栏目", more))
        assert not listing.loading_shown
        assert [item.title for item in listing.items][-1] == "第四篇"
        assert listing.next_url is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.heard[-1] == items[2]


async def test_tree_nests_sections_and_reports_only_sections_with_pages() -> None:
    site = SiteTree(
        "示例网站",
        "http://x.invalid/",
        (
            Section("新闻中心", None, (Section("工作动态", "http://x.invalid/gzdt/"),)),
            Section(HOSTILE, "http://x.invalid/hostile/"),
        ),
    )
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        tree = app.query_one(SectionTree)
        tree.show_sections(site)
        tree.focus()
        await pilot.pause()
        assert [s.name for s in tree.sections] == ["新闻中心", "工作动态", HOSTILE]
        hostile = tree.get_node_at_line(1)
        assert hostile is not None
        assert str(hostile.label) == HOSTILE
        await pilot.press("enter")  # 新闻中心 has no page of its own: it only expands
        await pilot.pause()
        assert app.heard == []
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.heard == [site.sections[0].children[0]]


async def test_status_bar_lists_loads_until_they_end() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)):
        status = app.query_one(StatusBar)
        status.begin("tree", "Loading sections…")
        status.begin("list", "Loading 栏目…")
        assert status.activity == "Loading sections… · Loading 栏目…"
        status.end("tree")
        assert status.activity == "Loading 栏目…"
        status.end("list")
        assert status.activity == ""
        assert "Loading" not in status.render_line(0).text  # drawn as it says


async def test_list_marks_are_symbols_and_escape_sequences_are_not_passed_on() -> None:
    app = Harness()
    async with app.run_test(size=(100, 40)) as pilot:
        listing = app.query_one(ArticleList)
        listing.states = {}  # marks known: no mark means unread
        items = (
            ListItem("甲\x1b[31m红\x1b[0m", "http://x.invalid/1.html", "2024-01-01"),
            ListItem("乙", "http://x.invalid/2.html", "2024-01-02"),
        )
        listing.show_page(models.ArticleList("http://x.invalid/l.html", "栏目", items), "栏目")
        listing.show_states(
            {"http://x.invalid/2.html": ReadingState("2024-02-01T00:00:00", "2024-02-02")}
        )
        await pilot.pause()
        lines = [str(listing.options.get_option_at_index(i).prompt) for i in range(2)]
        assert lines[0].startswith(UNREAD_MARK + " ")
        assert "\x1b" not in lines[0]
        assert lines[1].startswith(" " + BOOKMARK_MARK)

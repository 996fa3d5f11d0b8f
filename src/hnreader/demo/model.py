"""The generated truth of the demo edition: sites, sections, list pages and articles.

Every path here is absolute on the demo server (starts with ``/``); pass the server's
``base_url`` to the ``expected`` methods to get the :mod:`hnreader.models` objects that
extracting the served page must give. Article text is exactly the visible body text:
whitespace-trimmed, without the ``&nbsp;``/full-width-space indents, and for ``ruby`` pages the
traditional base characters without the pinyin readings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from hnreader.models import (
    Article,
    ArticleList,
    Attachment,
    Block,
    BlockKind,
    Image,
    ListItem,
    Section,
    SiteTree,
)

FLAGS = frozenset(
    {
        "hacked",  # injected spam: hijacked <title>, hidden link farm, off-screen block
        "ruby",  # traditional script with <ruby> pinyin readings
        "gbk",  # served in GBK (declared gbk, or gb2312 when "mislabelled")
        "mislabelled",  # declares gb2312 but uses GBK-only characters (real sites do this)
        "meta-charset",  # charset only in <meta>, none in the Content-Type header
        "multipage",  # split over <id>.html, <id>_2.html … with 下一页
        "long",  # at least 15,000 characters of body text
        "images",
        "table",
        "attachments",
        "policy",  # a 政策文件 page with 索引号/发文字号 … fields
    }
)


@dataclass(frozen=True, slots=True)
class DemoSection:
    """A nav menu entry: its name, its first list page and its sub-sections."""

    key: str  # stable identifier, e.g. "gzdt"
    name: str
    path: str  # the first list page, e.g. "/column/58/index.html"
    children: tuple[DemoSection, ...] = ()

    def walk(self) -> list[DemoSection]:
        """This section and all its descendants, depth first."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def expected(self, base_url: str) -> Section:
        """The :class:`Section` a section-tree extractor should find."""
        return Section(
            self.name,
            urljoin(base_url, self.path),
            tuple(child.expected(base_url) for child in self.children),
        )


@dataclass(frozen=True, slots=True)
class DemoBlock:
    """One piece of an article body in reading order (paths, not URLs)."""

    kind: BlockKind
    text: str = ""
    image_path: str = ""
    alt: str | None = None
    caption: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()

    def expected(self, base_url: str) -> Block:
        """The :class:`Block` an extractor should produce for this piece."""
        if self.kind == "image":
            image = Image(urljoin(base_url, self.image_path), self.alt, self.caption)
            return Block("image", image=image)
        return Block(self.kind, text=self.text, rows=self.rows)


@dataclass(frozen=True, slots=True)
class DemoAttachment:
    """A linked file: the link text, its path and its lower-case extension."""

    name: str
    path: str
    type: str

    def expected(self, base_url: str) -> Attachment:
        """The :class:`Attachment` an extractor should find."""
        return Attachment(self.name, urljoin(base_url, self.path), self.type)


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One generated article and everything its page shows."""

    site: str  # the site key: "flagship" or "portal"
    id: int
    path: str
    section: str  # the key of the section it is listed in
    title: str
    source: str
    published: str  # ISO 8601 to the second, Beijing time, no offset (as the page shows)
    author: str | None
    editor: str | None
    breadcrumb: tuple[str, ...]
    blocks: tuple[DemoBlock, ...]
    attachments: tuple[DemoAttachment, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    encoding: str = "utf-8"  # the codec that decodes the bytes (gbk even if gb2312 declared)
    declared_charset: str = "utf-8"  # what the page (and maybe the header) declares
    flags: frozenset[str] = frozenset()
    pages: tuple[str, ...] = ()  # every page path of the article, first page first
    spam: tuple[str, ...] = ()  # injected spam phrases a reader must never show

    @property
    def paragraphs(self) -> list[str]:
        """The text of every paragraph and heading, in order."""
        return [b.text for b in self.blocks if b.kind in ("paragraph", "heading")]

    @property
    def text(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def images(self) -> list[DemoBlock]:
        """The image blocks, in order."""
        return [b for b in self.blocks if b.kind == "image"]

    @property
    def tables(self) -> list[tuple[tuple[str, ...], ...]]:
        """The tables as rows of cells."""
        return [b.rows for b in self.blocks if b.kind == "table"]

    @property
    def date(self) -> str:
        """The publication date as lists show it (YYYY-MM-DD)."""
        return self.published[:10]

    def expected(self, base_url: str) -> Article:
        """The :class:`Article` extracting this page (all pages joined) should give."""
        return Article(
            url=urljoin(base_url, self.path),
            title=self.title,
            source=self.source,
            published=self.published,
            author=self.author,
            editor=self.editor,
            breadcrumb=self.breadcrumb,
            blocks=tuple(block.expected(base_url) for block in self.blocks),
            attachments=tuple(a.expected(base_url) for a in self.attachments),
            fields=self.fields,
            encoding=self.encoding,
        )


@dataclass(frozen=True, slots=True)
class DemoListPage:
    """One page of a section's article list."""

    path: str
    section: str  # the section's display name
    items: tuple[DemoArticle, ...]
    pages: tuple[str, ...]  # every page of this list, in order
    next: str | None

    def expected(self, base_url: str) -> ArticleList:
        """The :class:`ArticleList` extracting this list page should give."""
        return ArticleList(
            url=urljoin(base_url, self.path),
            section=self.section,
            items=tuple(ListItem(a.title, urljoin(base_url, a.path), a.date) for a in self.items),
            pages=tuple(urljoin(base_url, p) for p in self.pages),
            next=urljoin(base_url, self.next) if self.next else None,
        )


@dataclass(frozen=True, slots=True)
class DemoSite:
    """One demo site: its name, where it lives, its sections and its articles."""

    key: str
    name: str
    home_path: str  # "/" for the flagship, "/portal/" for the portal
    sections: tuple[DemoSection, ...]
    articles: tuple[DemoArticle, ...]  # newest first
    list_pages: tuple[DemoListPage, ...] = field(default=())

    def all_sections(self) -> list[DemoSection]:
        """Every section and sub-section, depth first."""
        return [s for top in self.sections for s in top.walk()]

    def expected_tree(self, base_url: str) -> SiteTree:
        """The :class:`SiteTree` extracting the home page should give."""
        return SiteTree(
            self.name,
            urljoin(base_url, self.home_path),
            tuple(section.expected(base_url) for section in self.sections),
        )

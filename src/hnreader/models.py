"""The data hnreader reads: section trees, article lists and articles.

These plain dataclasses are the contract between extraction, fetching, the store and the UI.
``to_dict`` gives the JSON shape of the command-line contract (``hnreader extract/list/tree
--json``); absent values are ``None``, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Section:
    """One node of a site's section tree (a nav menu entry)."""

    name: str
    url: str | None
    children: tuple[Section, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``name, url, children``."""
        return {
            "name": self.name,
            "url": self.url,
            "children": [child.to_dict() for child in self.children],
        }

    def walk(self) -> list[Section]:
        """This section and all its descendants, depth first."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass(frozen=True, slots=True)
class SiteTree:
    """A site's name, home page URL and top-level sections."""

    site: str
    url: str
    sections: tuple[Section, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``site, url, sections``."""
        return {
            "site": self.site,
            "url": self.url,
            "sections": [section.to_dict() for section in self.sections],
        }


@dataclass(frozen=True, slots=True)
class ListItem:
    """One entry of an article list page."""

    title: str
    url: str
    date: str | None  # ISO 8601, date or date-time, as precise as the page gives

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``title, url, date``."""
        return {"title": self.title, "url": self.url, "date": self.date}


@dataclass(frozen=True, slots=True)
class ArticleList:
    """One page of a section's article list, and how to reach the other pages."""

    url: str
    section: str | None
    items: tuple[ListItem, ...]
    pages: tuple[str, ...] = ()  # every list page URL the page announces, in order
    next: str | None = None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``url, section, items, pages, next``."""
        return {
            "url": self.url,
            "section": self.section,
            "items": [item.to_dict() for item in self.items],
            "pages": list(self.pages),
            "next": self.next,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Image:
    """An image in an article body."""

    src: str
    alt: str | None = None
    caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``src, alt, caption``."""
        return {"src": self.src, "alt": self.alt, "caption": self.caption}


@dataclass(frozen=True, slots=True)
class Attachment:
    """A linked file (附件): PDF, DOC(X), XLS(X), ZIP …"""

    name: str
    url: str
    type: str | None = None  # lower-case extension without the dot, e.g. "pdf"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``name, url, type``."""
        return {"name": self.name, "url": self.url, "type": self.type}


BlockKind = Literal["paragraph", "heading", "image", "table"]


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of an article body, in reading order.

    ``text`` is set for paragraphs and headings, ``image`` for images and ``rows`` for tables.
    ``ruby`` holds the ``(base, reading)`` pairs of ``<ruby>`` annotations in ``text``, in order;
    ``text`` itself carries the base text only.
    """

    kind: BlockKind
    text: str = ""
    image: Image | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    ruby: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A cleanly extracted article page."""

    url: str
    title: str | None
    source: str | None = None
    published: str | None = None  # ISO 8601; never an invented part
    author: str | None = None
    editor: str | None = None
    breadcrumb: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # labelled document fields (索引号, 发文字号 …)
    encoding: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        """The text of every paragraph and heading, in order."""
        return [b.text for b in self.blocks if b.kind in ("paragraph", "heading")]

    @property
    def text(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def images(self) -> list[Image]:
        """The body's images, in order."""
        return [b.image for b in self.blocks if b.image is not None]

    @property
    def tables(self) -> list[list[list[str]]]:
        """The body's tables as rows of cells."""
        return [[list(row) for row in b.rows] for b in self.blocks if b.kind == "table"]

    @property
    def ruby(self) -> list[tuple[str, str]]:
        """Every ``(base, reading)`` ruby annotation of the body, in order."""
        return [pair for b in self.blocks for pair in b.ruby]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``hnreader extract --json``."""
        return {
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "author": self.author,
            "editor": self.editor,
            "breadcrumb": list(self.breadcrumb),
            "paragraphs": self.paragraphs,
            "text": self.text,
            "images": [image.to_dict() for image in self.images],
            "tables": self.tables,
            "attachments": [a.to_dict() for a in self.attachments],
            "fields": dict(self.fields),
            "encoding": self.encoding,
            "warnings": list(self.warnings),
            "ruby": [{"base": base, "reading": reading} for base, reading in self.ruby],
        }


@dataclass(frozen=True, slots=True)
class Page:
    """Fetched bytes and what the server said about them, before decoding."""

    url: str  # the final URL, after redirects
    content: bytes
    content_type: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case

    @property
    def not_modified(self) -> bool:
        """Whether the server answered a conditional request with 304."""
        return self.status == 304

    @property
    def etag(self) -> str | None:
        """The ``ETag`` validator, if the server sent one."""
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        """The ``Last-Modified`` validator, if the server sent one."""
        return self.headers.get("last-modified")

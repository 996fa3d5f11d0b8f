"""Turning a body node into ordered blocks: paragraphs, subheadings, tables, images, attachments.

Structure is kept the way a reader needs it: ``<br>`` and block elements end paragraphs, short
all-bold paragraphs and ``<h2>``–``<h6>`` become subheadings, data tables stay tables (layout
tables are read through), an image takes the short caption line that follows it, and links to
files become attachments with absolute URLs. Link-dense lists (related articles, link farms),
template furniture and spam lines are dropped on the way.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from hnreader.extract.attachments import find_attachments
from hnreader.extract.dom import LexborNode, clean_text
from hnreader.extract.safety import safe_url
from hnreader.extract.text_rules import (
    ATTACHMENT_TYPES,
    RELATED_HEADING,
    is_boilerplate,
    is_spam,
)
from hnreader.models import Attachment, Block, BlockKind, Image

__all__ = ["BodyContent", "build_blocks", "find_attachments"]

_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol",
     "li", "dl", "dt", "dd", "blockquote", "pre", "center", "figure", "figcaption", "form",
     "fieldset", "address", "details", "summary", "hr", "tr", "tbody", "thead", "tfoot", "h1"}
)  # fmt: skip
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BOLD_TAGS = frozenset({"strong", "b"})
_CAPTION_HINT = re.compile(
    r"^[（(]?\s*(?:图|图为|图片|▲|△|↑)|(?:摄|供图|图片来源[:：].*)\s*[)）]?$"
)
_CENTERED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_ATTACHMENT_LABEL = re.compile(r"^\s*(?:相关)?附件(?:下载)?\s*[:：]?")
_ANY_WORD = re.compile(r"[^\W\d_]")  # a letter or CJK character (not digits, punctuation)
_FURNITURE_PREFIXES = (
    "ad-", "ad_", "advert", "guanggao", "share", "bdshare", "related", "recommend", "comment-",
    "comment_", "comments",
)  # fmt: skip
_QUICK_COUNT = 40  # elements counted by hand before a CSS query is cheaper
_MAX_CAPTION = 80
_MAX_ICON = 24  # pixels: share buttons, bullets and emoji, not pictures
_MAX_BOLD_HEADING = 40


@dataclass(slots=True)
class _Line:
    """A paragraph being built, with what the layout said about it."""

    text: str
    bold: bool = False
    centered: bool = False
    caption: bool = False
    heading: bool = False
    ruby: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class BodyContent:
    """Blocks, attachments, and the lines dropped as boilerplate or spam."""

    blocks: list[Block] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    spam_lines: int = 0


class _Builder:
    """A depth-first walk that cuts the body into lines and special blocks."""

    def __init__(self, base_url: str, ruby: Mapping[int, tuple[tuple[str, str], ...]]) -> None:
        self.base_url = base_url
        self.ruby = ruby
        self.pending_ruby: list[tuple[str, str]] = []  # readings met in the open paragraph
        self.items: list[_Line | Block] = []
        self.host = urlsplit(base_url).hostname or ""
        self.parts: list[tuple[str, bool, bool]] = []  # (text, in bold, in off-site link)
        self.centered_depth = 0
        self.caption_depth = 0
        self.offsite_depth = 0
        self.offsite_lines = 0

    def flush(self) -> None:
        """Close the open paragraph, if it has any text."""
        if not self.parts:  # most calls: a block boundary right after another
            self.pending_ruby.clear()
            return
        text = clean_text("".join([part for part, _, _ in self.parts]))
        if text:
            visible = [part for part in self.parts if part[0].strip()]
            if all(offsite for _, _, offsite in visible):
                self.offsite_lines += 1  # a line of nothing but links to other sites: a farm
            else:
                bold = all(is_bold for _, is_bold, _ in visible)
                centered, caption = self.centered_depth > 0, self.caption_depth > 0
                ruby = _ruby_in(text, self.pending_ruby)
                self.items.append(_Line(text, bold, centered, caption, ruby=ruby))
        self.parts.clear()
        self.pending_ruby.clear()

    def walk(self, node: LexborNode, bold: bool = False) -> None:
        """Visit the children of ``node`` in document order."""
        for child in node.iter(include_text=True):
            if child.is_text_node:
                self.parts.append((child.text_content or "", bold, self.offsite_depth > 0))
                continue
            if not child.is_element_node:
                continue
            tag = child.tag or ""
            if tag == "br":
                self.flush()
            elif tag == "img":
                self.image(child)
            elif tag == "table":
                self.table(child, bold)
            elif tag in _HEADING_TAGS:
                self.flush()
                text = clean_text(child.text(deep=True))
                if text:
                    pairs = [p for r in child.css("ruby") for p in self.ruby.get(r.mem_id, ())]
                    self.items.append(_Line(text, heading=True, ruby=_ruby_in(text, pairs)))
            elif tag in _BLOCK_TAGS:
                self.block(child, tag, bold)
            elif tag == "ruby":
                self.pending_ruby.extend(self.ruby.get(child.mem_id, ()))
                self.walk(child, bold)
            elif tag == "a" and self._is_offsite(child):
                self.offsite_depth += 1
                self.walk(child, bold)
                self.offsite_depth -= 1
            else:
                self.walk(child, bold or tag in _BOLD_TAGS)

    def _is_offsite(self, link: LexborNode) -> bool:
        """Whether a link leads to another site (not a subdomain of the same parent)."""
        href = (link.attributes.get("href") or "").strip()
        host = urlsplit(urljoin(self.base_url, href)).hostname or ""
        if not host or not self.host or not href.startswith(("http:", "https:", "//")):
            return False
        return _site_of(host) != _site_of(self.host)

    def block(self, node: LexborNode, tag: str, bold: bool) -> None:
        """A block element: its own paragraph(s), unless it is a list of links."""
        self.flush()
        if tag in ("ul", "ol", "dl", "div", "section", "aside", "nav") and (
            _is_furniture_box(node) or _is_link_list(node)
        ):
            return
        centered = _is_centered(node)
        self.centered_depth += centered
        self.caption_depth += tag == "figcaption"
        self.walk(node, bold)
        self.flush()
        self.centered_depth -= centered
        self.caption_depth -= tag == "figcaption"

    def image(self, node: LexborNode) -> None:
        """An image block (tracking pixels, icons and inline data are skipped)."""
        attrs = node.attributes
        src = attrs.get("data-src") or attrs.get("data-original") or attrs.get("src") or ""
        src = src.strip()
        if not src or src.startswith(("data:", "javascript:")) or _is_tiny(attrs):
            return
        absolute = safe_url(urljoin(self.base_url, src), self.base_url)
        if absolute is None:
            return  # javascript:, file: or another scheme the reader must not fetch
        self.flush()
        alt = clean_text(attrs.get("alt") or attrs.get("title") or "") or None
        image = Image(src=absolute, alt=alt)
        self.items.append(Block(kind="image", image=image))

    def table(self, node: LexborNode, bold: bool) -> None:
        """A data table as rows of cells; a layout table is read as ordinary content."""
        self.flush()
        if len(node.css("table")) > 1 or _is_layout_table(node):  # css() includes the node
            self.walk(node, bold)
            self.flush()
            return
        rows: list[tuple[str, ...]] = []
        for tr in node.css("tr"):
            cells = tuple(clean_text(cell.text(deep=True)) for cell in tr.css("td, th"))
            if any(cells):
                rows.append(cells)
        if rows:
            self.items.append(Block(kind="table", rows=tuple(rows)))


def build_blocks(
    body: LexborNode,
    base_url: str,
    ruby: Mapping[int, tuple[tuple[str, str], ...]] | None = None,
    memo: dict[int, Attachment | None] | None = None,
) -> BodyContent:
    """The blocks of a body node, with captions attached and furniture removed.

    ``ruby`` maps ``<ruby>`` elements (by ``mem_id``, from ``dom.ruby_annotations`` taken before
    sanitizing) to their readings; each paragraph or heading gets the pairs of its own text.
    ``memo`` is passed to ``find_attachments``.
    """
    builder = _Builder(base_url, ruby or {})
    builder.walk(body)
    builder.flush()
    content = BodyContent(attachments=find_attachments(body, base_url, memo))
    content.spam_lines += builder.offsite_lines
    attachment_names = {a.name for a in content.attachments}
    items = builder.items
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        if isinstance(item, Block):
            if item.kind == "image" and index < len(items):
                caption = items[index]
                if isinstance(caption, _Line) and _is_caption(caption):
                    assert item.image is not None
                    image = Image(item.image.src, item.image.alt, caption.text)
                    item = Block(kind="image", image=image)
                    index += 1
            content.blocks.append(item)
            continue
        if RELATED_HEADING.match(item.text):
            if _text_before(items, index) >= _text_after(items, index):
                break  # near the end: what follows lists other articles
            continue
        if is_spam(item.text):
            content.spam_lines += 1
            continue
        if is_boilerplate(item.text) or _only_attachments(item.text, attachment_names):
            continue  # the attachments are listed separately, with their links
        heading = item.heading or _is_bold_heading(item)
        kind: BlockKind = "heading" if heading else "paragraph"
        content.blocks.append(Block(kind=kind, text=item.text, ruby=item.ruby))
    return content


def _ruby_in(text: str, pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The pairs whose base text really is in the paragraph (cleaning can drop an empty one)."""
    return tuple(pair for pair in pairs if pair[0] in text)


def _only_attachments(text: str, names: set[str]) -> bool:
    """Whether a line is just the 附件 label and attachment names (already in attachments)."""
    if not names:
        return False
    rest = _ATTACHMENT_LABEL.sub("", text)
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name, "")
    return not _ANY_WORD.search(rest)


def _site_of(host: str) -> str:
    """The registrable part of a host, roughly: the last two labels (three under .gov.cn …)."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in ("gov", "com", "edu", "org", "net") else 2
    return ".".join(labels[-keep:])


def _text_before(items: list[_Line | Block], index: int) -> int:
    """Characters of text in the lines before ``index``."""
    return sum(len(item.text) for item in items[:index] if isinstance(item, _Line))


def _text_after(items: list[_Line | Block], index: int) -> int:
    """Characters of text in the lines from ``index`` on."""
    return sum(len(item.text) for item in items[index:] if isinstance(item, _Line))


def _is_caption(line: _Line) -> bool:
    """Whether the line after an image reads as its caption."""
    if len(line.text) > _MAX_CAPTION or line.heading:
        return False
    return line.caption or line.centered or _CAPTION_HINT.search(line.text) is not None


def _is_bold_heading(line: _Line) -> bool:
    """A short, all-bold line without a closing full stop: a subheading."""
    return (
        line.bold and len(line.text) <= _MAX_BOLD_HEADING and not line.text.endswith(("。", "；"))
    )


def _is_centered(node: LexborNode) -> bool:
    """Whether a block is centred (captions under images usually are)."""
    attrs = node.attributes
    return (
        (attrs.get("align") or "").lower() == "center"
        or bool(_CENTERED.search(attrs.get("style") or ""))
        or node.tag == "center"
    )


def _is_tiny(attrs: dict[str, str | None]) -> bool:
    """Spacer GIFs, tracking pixels and icons declare a size of a few pixels."""
    for name in ("width", "height"):
        value = (attrs.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= _MAX_ICON:
            return True
    return False


def _is_furniture_box(node: LexborNode) -> bool:
    """A box whose class or id names it an ad, a share bar, comments or related articles."""
    attrs = node.attributes
    if not attrs:
        return False
    for token in f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split():
        if token in ("ad", "comment") or token.startswith(_FURNITURE_PREFIXES):
            return True
        if token.endswith(("-ad", "_ad")):
            return True
    return False


def _is_link_list(node: LexborNode) -> bool:
    """A list or box that is mostly links: related articles, link farms, share bars."""
    if _has_few_links(node):
        return False
    links = node.css("a")
    if len(links) < 3:
        return False
    total = len("".join(node.text(deep=True).split()))
    linked = sum(len("".join(a.text(deep=True).split())) for a in links)
    if total == 0:
        return True
    if any(_looks_like_file(a) for a in links):
        return False  # an attachment list is content
    return linked / total > 0.6


def _has_few_links(node: LexborNode) -> bool:
    """Whether a small box holds fewer than 3 links, without a CSS query (most body blocks).

    False when it holds more or is too big to count quickly (the query then decides).
    """
    links = 0
    for index, element in enumerate(node.traverse()):
        if index > _QUICK_COUNT:
            return False
        if element.tag == "a":
            links += 1
            if links >= 3:
                return False
    return True


def _looks_like_file(link: LexborNode) -> bool:
    """Whether a link points to a downloadable file."""
    path = urlsplit((link.attributes.get("href") or "").strip()).path
    return posixpath.splitext(path)[1].lower().lstrip(".") in ATTACHMENT_TYPES


def _is_layout_table(node: LexborNode) -> bool:
    """Tables used for page layout hold long prose in a cell, or have a single column."""
    rows = node.css("tr")
    if not rows or max(len(tr.css("td, th")) for tr in rows) < 2:
        return True
    return any(len(cell.text(deep=True).strip()) > 150 for cell in node.css("td, th"))

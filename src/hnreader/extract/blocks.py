"""Turning a body node into ordered blocks: paragraphs, subheadings, tables, images, attachments.

Structure is kept the way a reader needs it: ``<br>`` and block elements end paragraphs, short
all-bold paragraphs and ``<h2>``–``<h6>`` become subheadings, data tables stay tables (layout
tables are read through), an image takes the short caption line that follows it, and links to
files become attachments with absolute URLs. Link-dense lists (related articles, link farms),
template furniture and spam lines are dropped on the way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from hnreader.extract.attachments import find_attachments
from hnreader.extract.block_rules import (
    is_centered,
    is_furniture_box,
    is_layout_table,
    is_link_list,
    is_tiny,
    site_of,
)
from hnreader.extract.dom import LexborNode, clean_text
from hnreader.extract.safety import join_url, safe_url
from hnreader.extract.text_rules import (
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
_ATTACHMENT_LABEL = re.compile(r"^\s*(?:相关)?附件(?:下载)?\s*[:：]?")
_ANY_WORD = re.compile(r"[^\W\d_]")  # a letter or CJK character (not digits, punctuation)
_MAX_CAPTION = 80
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
        self.marked = False  # whether a part of the open paragraph is bold or off-site
        self.centered_depth = 0
        self.caption_depth = 0
        self.offsite_depth = 0
        self.offsite_lines = 0

    def flush(self) -> None:
        """Close the open paragraph, if it has any text."""
        if not self.parts:  # most calls: a block boundary right after another
            self.pending_ruby.clear()
            return
        joined = "".join([part for part, _, _ in self.parts])
        text = "" if joined.isspace() else clean_text(joined)  # spaces between blocks: nothing
        if text:
            # Text left after cleaning means a part with visible characters: with no part
            # marked, the line is neither all off-site links nor all bold.
            visible = [part for part in self.parts if part[0].strip()] if self.marked else []
            if visible and all(offsite for _, _, offsite in visible):
                self.offsite_lines += 1  # a line of nothing but links to other sites: a farm
            else:
                bold = bool(visible) and all(is_bold for _, is_bold, _ in visible)
                centered, caption = self.centered_depth > 0, self.caption_depth > 0
                ruby = _ruby_in(text, self.pending_ruby) if self.pending_ruby else ()
                self.items.append(_Line(text, bold, centered, caption, ruby=ruby))
        self.parts.clear()
        self.marked = False
        self.pending_ruby.clear()

    def walk(self, node: LexborNode, bold: bool = False) -> None:
        """Visit the children of ``node`` in document order."""
        for child in node.iter(include_text=True):
            if child.is_text_node:
                offsite = self.offsite_depth > 0
                self.parts.append((child.text_content or "", bold, offsite))
                self.marked = self.marked or bold or offsite
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
                    rubies = child.css("ruby") if self.ruby else []
                    pairs = [p for r in rubies for p in self.ruby.get(r.mem_id, ())]
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
        if not href.startswith(("http:", "https:", "//")):
            return False
        try:
            host = urlsplit(urljoin(self.base_url, href)).hostname or ""
        except ValueError:
            return False  # no valid URL (``http://[bad``): its text stays, as text
        if not host or not self.host:
            return False
        return site_of(host) != site_of(self.host)

    def block(self, node: LexborNode, tag: str, bold: bool) -> None:
        """A block element: its own paragraph(s), unless it is a list of links."""
        self.flush()
        attrs = node.attributes
        if tag in ("ul", "ol", "dl", "div", "section", "aside", "nav") and (
            is_furniture_box(attrs) or is_link_list(node)
        ):
            return
        centered = is_centered(tag, attrs)
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
        if not src or src.startswith(("data:", "javascript:")) or is_tiny(attrs):
            return
        joined = join_url(self.base_url, src)
        absolute = safe_url(joined, self.base_url) if joined is not None else None
        if absolute is None:
            return  # javascript:, file: or another scheme the reader must not fetch
        self.flush()
        alt = clean_text(attrs.get("alt") or attrs.get("title") or "") or None
        image = Image(src=absolute, alt=alt)
        self.items.append(Block(kind="image", image=image))

    def table(self, node: LexborNode, bold: bool) -> None:
        """A data table as rows of cells; a layout table is read as ordinary content."""
        self.flush()
        if len(node.css("table")) > 1 or is_layout_table(node):  # css() includes the node
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

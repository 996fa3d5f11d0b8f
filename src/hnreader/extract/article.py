"""``extract_article``: one article page's bytes in, a clean ``Article`` out.

Pipeline: decode (``decode``), parse and sanitize (``dom``), breadcrumb and title
(``metadata``), body location (``body``), blocks (``blocks``), then the meta line read from the
lines just above and just below the body, with the date's fallbacks in ``published``. Nothing
is fetched; multi-page articles are reported in ``warnings`` and handled by ``continuation``.
"""

from __future__ import annotations

from hnreader.extract.blocks import BodyContent, build_blocks, find_attachments
from hnreader.extract.body import locate_body
from hnreader.extract.continuation import CONTINUES, continuation_urls_in
from hnreader.extract.credits import author_element, find_byline
from hnreader.extract.decode import decode_html
from hnreader.extract.dom import (
    LexborNode,
    clean_text,
    has_visible_text,
    parse_html,
    ruby_annotations,
    sanitize,
)
from hnreader.extract.edges import strip_edges
from hnreader.extract.metadata import (
    MetaLine,
    find_breadcrumb,
    find_fields,
    find_title,
    head_meta,
    meta_author,
    parse_meta_line,
)
from hnreader.extract.published import fallback_date, more_precise
from hnreader.extract.safety import join_url, safe_url
from hnreader.models import Article, Attachment, Block

__all__ = ["ArticleError", "extract_article"]

_SEP = "\u0001"
_MIN_BODY_TEXT = 30
_HEAD_LINES = 15
_TAIL_LINES = 25


class ArticleError(ValueError):
    """The content cannot be read as a page at all."""


def extract_article(content: bytes | str, url: str, content_type: str | None = None) -> Article:
    """Extract the article of one page (never fetches; see ``continuation`` for more pages)."""
    decoded = decode_html(content, content_type)
    html = decoded.text
    tree = parse_html(html)
    warnings = list(decoded.warnings)
    meta = head_meta(tree)
    base = next((node for node in tree.tags("base") if "href" in node.attributes), None)
    base_url = url
    if base is not None:  # a <base> that is no valid, fetchable URL is ignored
        joined = join_url(url, base.attributes.get("href") or "")
        base_url = (safe_url(joined, url) if joined is not None else None) or url
    more_pages = continuation_urls_in(tree, html, url)
    ruby = ruby_annotations(tree)  # before sanitize, which drops the readings
    sanitize(tree)
    if tree.body is None:
        raise ArticleError(f"no readable content in the page from {url}")
    # The text nodes, apart: the page's lines later (the tree does not change in between).
    body_text = tree.body.text(deep=True, separator=_SEP)
    if "\x1b" in body_text or "\x9b" in body_text:  # an escape split by _SEP reads otherwise
        visible = has_visible_text(tree.body.text(deep=True))
    else:
        visible = has_visible_text(body_text)  # _SEP is a control: never visible
    if not (visible or tree.tags("img")):
        raise ArticleError(f"no readable content in the page from {url}")
    crumbs = find_breadcrumb(tree)
    title, title_warnings = find_title(tree, meta, crumbs)
    warnings += title_warnings
    if crumbs and title and crumbs[-1] == title:
        crumbs = crumbs[:-1]
    blocks: list[Block] = []
    attachments: list[Attachment] = []
    location = locate_body(tree, html, title)
    if location is None:
        warnings.append("no article body found")
    else:
        memo: dict[int, Attachment | None] = {}  # the attachment of each link of ``tree``
        own_tree = location.tree is tree
        body = build_blocks(location.node, base_url, ruby, memo if own_tree else None)
        if _text_size(body.blocks) < _MIN_BODY_TEXT:
            revealed = _body_hidden_by_css(html, title, base_url)
            if revealed is not None and _text_size(revealed.blocks) > _text_size(body.blocks) * 3:
                body = revealed
                warnings.append("the body is hidden by CSS on the page (shown by script)")
        blocks, attachments = body.blocks, body.attachments
        if own_tree:
            attachments += _attachments_around(location.node, base_url, attachments, memo)
        if body.spam_lines:
            warnings.append(f"{body.spam_lines} spam or link-farm line(s) dropped from the body")
    lines = _page_lines(body_text)
    head, tail, outside_body = _meta_regions(lines, title, blocks)
    blocks, credits = strip_edges(blocks, title)
    body_meta = parse_meta_line(_SEP.join(credits))
    found = _merge(parse_meta_line(_SEP.join(head)), parse_meta_line(_SEP.join(tail)), body_meta)
    published = found.published or fallback_date((tree, html, lines), head, meta, url, warnings)
    published = more_precise(published, meta)
    paragraphs = [block.text for block in blocks if block.text]
    author = (
        found.author
        or find_byline(head, paragraphs, [*credits, *tail])
        or found.contributor
        or author_element(tree)
        or meta_author(meta, found.source)
    )
    source = found.source or meta.get("contentsource") or None
    if more_pages:
        warnings.append(f"{CONTINUES}{len(more_pages)} more page(s): {more_pages[0]}")
    if not blocks:
        warnings.append("the article body is empty")
    return Article(
        url=url,
        title=title,
        source=source,
        published=published,
        author=author,
        editor=found.editor,
        breadcrumb=tuple(crumbs),
        blocks=tuple(blocks),
        attachments=tuple(attachments),
        fields=tuple(find_fields(outside_body)),
        encoding=decoded.encoding,
        warnings=tuple(warnings),
    )


def _text_size(blocks: list[Block]) -> int:
    """Characters of paragraph and heading text in blocks."""
    return sum(len(block.text) for block in blocks)


def _body_hidden_by_css(html: str, title: str | None, base_url: str) -> BodyContent | None:
    """The body found when CSS-hidden content is kept (pages that reveal it by script).

    Spam is still filtered line by line (vocabulary, off-site link lines, link lists).
    """
    tree = parse_html(html)
    ruby = ruby_annotations(tree)
    sanitize(tree, drop_hidden=False)
    location = locate_body(tree, html, title)
    return build_blocks(location.node, base_url, ruby) if location is not None else None


def _attachments_around(
    body: LexborNode, base_url: str, known: list[Attachment], memo: dict[int, Attachment | None]
) -> list[Attachment]:
    """File links just outside the body (附件 boxes after it), up to a few levels up.

    A level counts while its text stays within a limit set by the body's size.
    """
    levels: list[LexborNode] = []
    node = body.parent
    while len(levels) < 3 and node is not None and node.tag not in ("body", "html"):
        levels.append(node)
        node = node.parent
    urls = {a.url for a in known}
    # Most pages link no other file near the body: the widest level's links (which hold every
    # lower level's) settle that without measuring any text.
    if not levels or all(a.url in urls for a in find_attachments(levels[-1], base_url, memo)):
        return []
    limit = len(body.text(deep=True)) * 1.5 + 600
    found: list[Attachment] = []
    for node in levels:
        if len(node.text(deep=True)) > limit:
            break
        for attachment in find_attachments(node, base_url, memo):
            if attachment.url not in urls:
                urls.add(attachment.url)
                found.append(attachment)
    return found


def _page_lines(body_text: str) -> list[str]:
    """The sanitized page's clean text nodes in document order.

    ``body_text`` is the body's text with its text nodes joined by ``_SEP``.
    """
    parts = body_text.split(_SEP)
    # clean_text's own fast path inlined: this runs for every text node of the page.
    cleaned = [
        " ".join(part.split()) if part.isprintable() else clean_text(part)
        for part in parts
        if part and not part.isspace()
    ]
    return [line for line in cleaned if line]


def _meta_regions(
    lines: list[str], title: str | None, blocks: list[Block]
) -> tuple[list[str], list[str], list[str]]:
    """Lines between the title and the body, around the body's end, and outside the body.

    The last list (everything before the body and a stretch after it) is where document-field
    tables sit: above the title on most portals, under the body on some.
    """
    texts = [b.text for b in blocks if b.text]
    start = _find_line(lines, texts[0], 0, first=True) if texts else None
    title_at = None
    if title:
        limit = start if start is not None else len(lines)
        for index in range(limit):
            if lines[index] == title or (len(lines[index]) >= 4 and title.startswith(lines[index])):
                title_at = index  # the last occurrence before the body is the heading
    if start is None:
        start = (title_at + _HEAD_LINES) if title_at is not None else len(lines)
    head_from = title_at + 1 if title_at is not None else max(0, start - _HEAD_LINES)
    head = lines[head_from:start][:_HEAD_LINES]
    end = _find_line(lines, texts[-1], start, first=False) if texts else None
    tail = lines[max(start, end - _TAIL_LINES) : end + 1 + _TAIL_LINES] if end is not None else []
    after = lines[end + 1 : end + 1 + 2 * _TAIL_LINES] if end is not None else []
    return head, tail, lines[: max(start, head_from)] + after


def _find_line(lines: list[str], text: str, begin: int, *, first: bool) -> int | None:
    """Index of the line where a body paragraph starts (or ends)."""
    if first:
        for index in range(begin, len(lines)):
            line = lines[index]
            if len(line) >= 2 and text.startswith(line):
                return index
        return None
    for index in range(len(lines) - 1, begin - 1, -1):  # the last one: searched from the end
        line = lines[index]
        if len(line) >= 2 and text.endswith(line):
            return index
    return None


def _merge(*lines: MetaLine) -> MetaLine:
    """The first value found for each part, in the order given."""

    def first(values: list[str | None]) -> str | None:
        return next((v for v in values if v), None)

    return MetaLine(
        first([m.source for m in lines]),
        first([m.published for m in lines]),
        first([m.author for m in lines]),
        first([m.editor for m in lines]),
        first([m.contributor for m in lines]),
    )

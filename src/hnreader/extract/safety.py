"""The last check on every model the extractor hands out: safe to show, safe to fetch.

Each module already cleans what it reads, but pages are hostile and modules change, so the
entry points in ``api`` pass their results through here: every string loses control
characters and terminal escape sequences (tabs become spaces), and every link the reader
might fetch must be ``http``/``https`` (``file:`` only for the links of a local file). Links
that fail are dropped, with the item or block that carried them; nothing is rewritten into a
guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from hnreader.extract.dom import strip_controls
from hnreader.models import (
    Article,
    ArticleList,
    Attachment,
    Block,
    Image,
    ListItem,
    Section,
    SiteTree,
)

__all__ = ["guard_article", "guard_list", "guard_tree", "join_url", "safe_text", "safe_url"]

# Browsers ignore tabs and line breaks inside URLs, so "java\tscript:" is a script link.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_FETCHABLE = ("http", "https")


def safe_text(text: str) -> str:
    """``text`` without control characters or escape sequences; tabs become spaces."""
    return strip_controls(text).replace("\t", " ")


def join_url(base: str, href: str) -> str | None:
    """``urljoin(base, href)``, or None when ``href`` is no valid URL.

    Pages link to ``http://[bad/``, ``//[::1`` or hosts that change under NFKC normalisation,
    which ``urljoin`` rejects with a ``ValueError``: such a link is dropped, never the page.
    """
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def safe_url(url: str, base: str | None = None) -> str | None:
    """``url`` if the reader may fetch it (http/https, or file: under a file: base), else None."""
    if url.startswith((" ", "\t", "\n")) or url.endswith((" ", "\t", "\n")):
        url = url.strip()
    cleaned = url
    if not url.isascii() or _URL_NOISE.search(url):  # escapes, bidi and zero-width characters
        cleaned = _URL_NOISE.sub("", strip_controls(url))
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in _FETCHABLE and parts.hostname:
        return cleaned
    if scheme == "file" and base is not None and urlsplit(base).scheme.lower() == "file":
        return cleaned  # a local page's own relative links
    return None


def guard_article(article: Article) -> Article:
    """The article with clean strings and only fetchable image and attachment links."""
    base = article.url
    blocks: list[Block] = []
    for block in article.blocks:
        image = block.image
        if image is None and _is_clean(block):
            blocks.append(block)  # nothing to clean (the usual case): kept as it is
            continue
        if image is not None:
            src = safe_url(image.src, base)
            if src is None:
                continue
            image = Image(src, _maybe(image.alt), _maybe(image.caption))
        # Built directly rather than with dataclasses.replace: this runs for every block.
        blocks.append(
            Block(
                block.kind,
                safe_text(block.text),
                image,
                tuple(tuple(safe_text(cell) for cell in row) for row in block.rows),
                tuple((safe_text(b), safe_text(r)) for b, r in block.ruby),
            )
        )
    attachments: list[Attachment] = []
    for attachment in article.attachments:
        url = safe_url(attachment.url, base)
        if url is not None:
            attachments.append(replace(attachment, url=url, name=safe_text(attachment.name)))
    return replace(
        article,
        url=safe_text(article.url),
        title=_maybe(article.title),
        source=_maybe(article.source),
        published=_maybe(article.published),
        author=_maybe(article.author),
        editor=_maybe(article.editor),
        breadcrumb=tuple(safe_text(crumb) for crumb in article.breadcrumb),
        blocks=tuple(blocks),
        attachments=tuple(attachments),
        fields=tuple((safe_text(k), safe_text(v)) for k, v in article.fields),
        warnings=tuple(safe_text(w) for w in article.warnings),
    )


def guard_list(listing: ArticleList) -> ArticleList:
    """The list with clean strings; items, pages and next only with fetchable URLs."""
    base = listing.url
    items: list[ListItem] = []
    for item in listing.items:
        url = safe_url(item.url, base)
        if url is not None:
            items.append(replace(item, url=url, title=safe_text(item.title)))
    pages = tuple(p for p in (safe_url(page, base) for page in listing.pages) if p is not None)
    next_page = safe_url(listing.next, base) if listing.next is not None else None
    return replace(
        listing,
        url=safe_text(listing.url),
        section=_maybe(listing.section),
        items=tuple(items),
        pages=pages,
        next=next_page,
        warnings=tuple(safe_text(w) for w in listing.warnings),
    )


def guard_tree(tree: SiteTree) -> SiteTree:
    """The tree with clean names; a section whose link is not fetchable keeps its name only."""
    base = tree.url
    return replace(
        tree,
        site=safe_text(tree.site),
        url=safe_text(tree.url),
        sections=tuple(_guard_section(section, base) for section in tree.sections),
    )


def _guard_section(section: Section, base: str) -> Section:
    """One section and its children, cleaned."""
    url = safe_url(section.url, base) if section.url is not None else None
    children = tuple(_guard_section(child, base) for child in section.children)
    return replace(section, name=safe_text(section.name), url=url, children=children)


def _is_clean(block: Block) -> bool:
    """Whether ``safe_text`` leaves every string of a block as it is.

    Printable strings hold no controls, escapes or tabs.
    """
    return (
        block.text.isprintable()
        and all(cell.isprintable() for row in block.rows for cell in row)
        and all(base.isprintable() and reading.isprintable() for base, reading in block.ruby)
    )


def _maybe(text: str | None) -> str | None:
    """``safe_text`` for optional strings (an emptied string stays empty, never None)."""
    return None if text is None else safe_text(text)

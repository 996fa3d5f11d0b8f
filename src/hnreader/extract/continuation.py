"""Multi-page articles: where the next pages are, and how to stitch them.

``extract_article`` never fetches. A caller that wants the whole article fetches every URL of
``continuation_urls`` in order, extracts each with ``extract_article`` and joins them with
``stitch``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from hnreader.extract.decode import decode_html
from hnreader.extract.dom import LexborHTMLParser, clean_text, parse_html
from hnreader.extract.list_links import same_site
from hnreader.extract.safety import join_url, safe_url
from hnreader.models import Article

# How an article says it has later pages (a warning); the sync's extraction process looks
# for it to know when fetching the later pages is worth a second parse.
CONTINUES = "article continues on "

__all__ = ["CONTINUES", "continuation_urls", "continuation_urls_in", "next_page_url", "stitch"]

_CREATE_PAGE = re.compile(
    r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([^\"']+)[\"']\s*,\s*[\"'](\w+)[\"']"
)
_NEXT_TEXT = re.compile(r"^\s*(?:下一页|下页|后一页|next)\s*[>›»]*\s*$", re.IGNORECASE)
_MAX_PAGES = 50
_PLAIN_STEM = re.compile(r"[A-Za-z0-9._-]+")


def continuation_urls(content: bytes | str, url: str, content_type: str | None = None) -> list[str]:
    """The URLs of this article's later pages (``_2.html`` …), in order; empty if single-page."""
    text = decode_html(content, content_type).text
    return continuation_urls_in(parse_html(text), text, url)


def next_page_url(content: bytes | str, url: str, content_type: str | None = None) -> str | None:
    """The URL of the article's next page, or None on its last (or only) page."""
    urls = continuation_urls(content, url, content_type)
    return urls[0] if urls else None


def continuation_urls_in(tree: LexborHTMLParser, html: str, url: str) -> list[str]:
    """Later pages of the article in an already parsed page (see ``continuation_urls``).

    Only http(s) pages of the same site count: a hostile link named like a continuation
    (``http://elsewhere/t1_2.html``, ``javascript:…_2.html``) is never offered for fetching.
    """
    found = _continuation_candidates(tree, html, url)
    safe = (safe_url(page, url) for page in found)
    return [page for page in safe if page is not None and same_site(page, url)]


def _continuation_candidates(tree: LexborHTMLParser, html: str, url: str) -> list[str]:
    """Later pages named by createPageHTML or linked as numbered siblings, unchecked."""
    path = urlsplit(url).path
    stem, extension = posixpath.splitext(posixpath.basename(path))
    # On page 2+ the file name ends in _N; on page 1 it may end in _digits of its own id.
    numbered = re.match(r"^(.*)_(\d+)$", stem)
    candidates = [(stem, 1)]
    if numbered and int(numbered.group(2)) <= _MAX_PAGES:
        candidates.append((numbered.group(1), int(numbered.group(2))))
    # A substring test first: a regex search through a long page is several times slower.
    match = _CREATE_PAGE.search(html) if "createPageHTML" in html else None
    for base_stem, current in candidates:
        if match and match.group(3) == base_stem:
            count, index = int(match.group(1)), int(match.group(2))
            return [
                urljoin(url, f"{base_stem}_{n}.{match.group(4)}")
                for n in range(index + 1, min(count, _MAX_PAGES))
            ]
        pages = _linked_pages(tree, url, base_stem, extension, current)
        if pages:
            return pages
    return []


def _linked_pages(
    tree: LexborHTMLParser, url: str, base_stem: str, extension: str, current: int
) -> list[str]:
    """Numbered sibling pages (``<stem>_N<ext>``) after ``current`` linked from the page."""
    sibling: re.Pattern[str] | None = None  # compiled on the first candidate: most pages have none
    found: dict[int, str] = {}
    next_link: str | None = None
    needle = f"{base_stem}_"
    # Lexbor tests the substring in C (entities decoded): far cheaper than reading every link's
    # attributes here. A stem that would need CSS escaping takes the plain way.
    plain = _PLAIN_STEM.fullmatch(needle) is not None
    for link in tree.css(f'a[href*="{needle}"]') if plain else tree.tags("a"):
        raw = link.attributes.get("href") or ""
        if needle not in raw:
            continue  # cheap filter: continuation pages share the article's file name
        if sibling is None:
            sibling = re.compile(rf"(?:^|/){re.escape(base_stem)}_(\d+){re.escape(extension)}$")
        href = join_url(url, raw.strip())
        if href is None:
            continue  # no valid URL (``http://[bad``): never a page to fetch
        number = sibling.search(urlsplit(href).path)
        if number is None:
            continue
        if int(number.group(1)) > current:
            found[int(number.group(1))] = href
        if next_link is None and _NEXT_TEXT.match(clean_text(link.text(deep=True))):
            next_link = href
    pages = [found[n] for n in sorted(found)][:_MAX_PAGES]
    return pages or ([next_link] if next_link else [])


def stitch(first: Article, *rest: Article) -> Article:
    """One article from its pages: blocks and attachments appended, a repeated title dropped."""
    blocks = list(first.blocks)
    attachments = list(first.attachments)
    warnings = list(first.warnings)
    for page in rest:
        page_blocks = list(page.blocks)
        if page_blocks and page_blocks[0].text and page_blocks[0].text == first.title:
            page_blocks = page_blocks[1:]
        blocks.extend(page_blocks)
        attachments.extend(a for a in page.attachments if a not in attachments)
        warnings.extend(w for w in page.warnings if w not in warnings)
    return replace(
        first, blocks=tuple(blocks), attachments=tuple(attachments), warnings=tuple(warnings)
    )

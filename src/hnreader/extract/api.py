"""The extraction entry points: bytes (or text) of a page in, a model out.

Every function takes the page content, the URL it came from (to resolve links) and the
HTTP ``Content-Type`` header if known. None of them touches the network. Content that cannot
be read as a page at all raises a ``ValueError`` with a clear message; anything else gives a
model whose strings are free of control characters and escape sequences and whose links are
all http(s) (``safety``), with doubts reported in ``warnings``.
"""

from __future__ import annotations

from hnreader.extract import article, listing, sections
from hnreader.extract.safety import guard_article, guard_list, guard_tree
from hnreader.models import Article, ArticleList, SiteTree

__all__ = ["extract_article", "extract_list", "extract_tree"]


def extract_article(content: bytes | str, url: str, content_type: str | None = None) -> Article:
    """The article of one page (see ``article.extract_article``), made safe."""
    return guard_article(article.extract_article(content, url, content_type))


def extract_list(content: bytes | str, url: str, content_type: str | None = None) -> ArticleList:
    """The article list of one list page (see ``listing.extract_list``), made safe."""
    return guard_list(listing.extract_list(content, url, content_type))


def extract_tree(content: bytes | str, url: str, content_type: str | None = None) -> SiteTree:
    """The section tree of a site's front page (see ``sections.extract_tree``), made safe."""
    return guard_tree(sections.extract_tree(content, url, content_type))

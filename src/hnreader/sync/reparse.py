"""``hnreader cache reparse``: extract every stored raw page again, offline.

After an extractor upgrade the library can be brought up to date without the network: each
stored section tree, list page and article is extracted from its raw bytes and saved again
(keeping its fetch time). A multi-page article is stitched from its stored later pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from hnreader.extract.api import extract_article, extract_list, extract_tree
from hnreader.extract.continuation import continuation_urls, stitch
from hnreader.models import Article
from hnreader.store import RawPage, Store, StoredDataError


@dataclass(slots=True)
class ReparseResult:
    """How many records were re-extracted, and which pages failed (URL, reason)."""

    trees: int = 0
    lists: int = 0
    articles: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def _article(store: Store, raw: RawPage) -> Article | None:
    """The article stored at ``raw.url`` re-extracted, or None for a later page of another."""
    if store.get_article(raw.url) is None:
        return None  # a continuation page: it is re-extracted with its first page
    parts = [extract_article(raw.content, raw.url, raw.content_type)]
    for later_url in continuation_urls(raw.content, raw.url, raw.content_type):
        later = store.get_page(later_url, "article")
        if later is None:
            break
        parts.append(extract_article(later.content, later.url, later.content_type))
    return replace(stitch(*parts), url=raw.url)


def _reparse_one(store: Store, raw: RawPage, result: ReparseResult) -> None:
    fetched_at = datetime.fromisoformat(raw.fetched_at)
    if raw.kind == "tree":
        tree = replace(extract_tree(raw.content, raw.url, raw.content_type), url=raw.url)
        store.save_tree(tree, fetched_at=fetched_at)
        result.trees += 1
    elif raw.kind == "list":
        found = extract_list(raw.content, raw.url, raw.content_type)
        store.save_list(replace(found, url=raw.url), fetched_at=fetched_at)
        result.lists += 1
    else:
        article = _article(store, raw)
        if article is not None:
            store.save_article(article, fetched_at=fetched_at)
            result.articles += 1


def reparse(store: Store) -> ReparseResult:
    """Re-extract every stored raw page; a page that fails is listed, the rest go on."""
    result = ReparseResult()
    for raw in store.iter_raw_pages():
        try:
            _reparse_one(store, raw, result)
        except (ValueError, StoredDataError) as exc:
            result.failures.append((raw.url, str(exc)))
    return result

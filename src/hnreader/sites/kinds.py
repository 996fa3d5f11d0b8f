"""What differs between loading a tree, a list page, an article and an asset.

Each :class:`Kind` knows how to find its stored copy (with the validators for a conditional
request), fetch, extract and save. Everything is keyed by the URL asked for, not the URL a
redirect ended at, so the same address finds the stored copy offline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from hnreader.models import Article, ArticleList, Page, SiteTree
from hnreader.sites.conditional import fetch_conditional
from hnreader.sites.errors import is_network_failure

if TYPE_CHECKING:
    from hnreader.fetch import Fetcher, FetchError, FetchKind
    from hnreader.store import PageKind, Store

# The extraction engine is imported where a page is extracted: a reader opened offline never
# extracts, and importing the engine was the largest part of its start-up.

T = TypeVar("T")
StoreCall = Callable[..., object]


class Validators(Protocol):
    """What a conditional request needs of a stored copy: validators and a bytes check.

    :class:`Stored` compares the bytes it holds; the store's
    :class:`~hnreader.store.records.ArticleValidators` compares a hash and reads no bytes.
    """

    @property
    def etag(self) -> str | None:
        """The stored response's ``ETag``."""
        ...

    @property
    def last_modified(self) -> str | None:
        """The stored response's ``Last-Modified``."""
        ...

    def same_content(self, content: bytes) -> bool:
        """Whether ``content`` is exactly the stored response's body."""
        ...


@dataclass(frozen=True, slots=True)
class Stored(Generic[T]):
    """A stored value and the validators and bytes of the response it came from."""

    value: T
    etag: str | None = None
    last_modified: str | None = None
    content: bytes | None = None

    def same_content(self, content: bytes) -> bool:
        """Whether ``content`` is exactly the stored bytes."""
        return self.content == content


@dataclass(frozen=True, slots=True)
class Fetched:
    """Fresh bytes for ``key``: the first page and, for long articles, the later pages."""

    key: str
    page: Page
    later: tuple[Page, ...] = ()

    @property
    def size(self) -> int:
        """Bytes downloaded."""
        return len(self.page.content) + sum(len(p.content) for p in self.later)

    def keyed(self, page: Page) -> Page:
        """``page`` stored under the address that was asked for."""
        return page if page.url == self.key else replace(page, url=self.key)


def _readable(fetched: Fetched, page: Page, error: ValueError) -> FetchError:
    from hnreader.fetch import FetchError

    return FetchError(fetched.key, f"the page cannot be read ({error})", page.status)


async def fetch_later(fetcher: Fetcher, urls: list[str]) -> tuple[Page, ...]:
    """An article's later pages, in order, up to the first missing one.

    A network failure is raised: the whole article then falls back (or fails, in a sync).
    """
    from hnreader.fetch import FetchError

    later: list[Page] = []
    for later_url in urls:
        try:
            later.append(await fetch_conditional(fetcher, later_url, kind="page"))
        except FetchError as exc:
            if is_network_failure(exc):
                raise
            break  # a missing later page: show the pages there are
    return tuple(later)


class Kind(Generic[T]):
    """How one kind of thing is stored, fetched, extracted and saved."""

    page_kind: PageKind = "article"
    fetch_kind: FetchKind = "page"  # what the fetcher may accept: "page" refuses non-HTML bodies

    def stored(self, store: Store, url: str) -> Stored[T] | None:
        """The stored copy, with validators (runs in a thread)."""
        raise NotImplementedError

    def _with_page(self, store: Store, url: str, value: T | None) -> Stored[T] | None:
        if value is None:
            return None
        raw = store.get_page(url, self.page_kind)
        if raw is None:
            return Stored(value)
        return Stored(value, raw.etag, raw.last_modified, raw.content)

    async def fetch(self, fetcher: Fetcher, url: str, stored: Stored[T] | None) -> Fetched | None:
        """Fresh bytes, or None when the stored copy is still current (304 or same bytes)."""
        page = await self.fetch_page(fetcher, url, stored)
        return None if page is None else Fetched(url, page)

    async def fetch_page(
        self, fetcher: Fetcher, url: str, stored: Validators | None
    ) -> Page | None:
        """The page at ``url`` alone, or None when the stored copy is still current."""
        etag = last_modified = None
        if stored is not None:
            etag, last_modified = stored.etag, stored.last_modified
        page = await fetch_conditional(fetcher, url, etag, last_modified, kind=self.fetch_kind)
        if page.not_modified or (stored is not None and stored.same_content(page.content)):
            return None
        return page

    def extract(self, fetched: Fetched) -> T:
        """The value in the fetched bytes (CPU work: runs in a thread)."""
        raise NotImplementedError

    def save(self, store: Store, value: T, fetched: Fetched) -> None:
        """Save the value with its raw bytes (runs in a thread)."""
        raise NotImplementedError


_Keyed = TypeVar("_Keyed", SiteTree, ArticleList)


def _extract_page(fetched: Fetched, extract: Callable[[bytes, str, str | None], _Keyed]) -> _Keyed:
    """Extract the fetched page, named by the address it was asked for (before redirects)."""
    page = fetched.page
    try:
        value = extract(page.content, page.url, page.content_type)
    except ValueError as exc:
        raise _readable(fetched, page, exc) from exc
    return replace(value, url=fetched.key)


class _TreeKind(Kind[SiteTree]):
    page_kind: PageKind = "tree"

    def stored(self, store: Store, url: str) -> Stored[SiteTree] | None:
        saved = store.get_tree(url)
        return self._with_page(store, url, None if saved is None else saved.value)

    def extract(self, fetched: Fetched) -> SiteTree:
        from hnreader.extract.api import extract_tree

        return _extract_page(fetched, extract_tree)

    def save(self, store: Store, value: SiteTree, fetched: Fetched) -> None:
        store.save_tree(value, fetched.keyed(fetched.page))


class _ListKind(Kind[ArticleList]):
    page_kind: PageKind = "list"

    def stored(self, store: Store, url: str) -> Stored[ArticleList] | None:
        saved = store.get_list(url)
        return self._with_page(store, url, None if saved is None else saved.value)

    def extract(self, fetched: Fetched) -> ArticleList:
        from hnreader.extract.api import extract_list

        return _extract_page(fetched, extract_list)

    def save(self, store: Store, value: ArticleList, fetched: Fetched) -> None:
        store.save_list(value, fetched.keyed(fetched.page))


class _ArticleKind(Kind[Article]):
    page_kind: PageKind = "article"

    def stored(self, store: Store, url: str) -> Stored[Article] | None:
        saved = store.get_article(url)
        return self._with_page(store, url, None if saved is None else saved.article)

    async def fetch(
        self, fetcher: Fetcher, url: str, stored: Stored[Article] | None
    ) -> Fetched | None:
        import asyncio

        from hnreader.extract.continuation import continuation_urls

        page = await self.fetch_page(fetcher, url, stored)
        if page is None:
            return None
        later_urls = await asyncio.to_thread(
            continuation_urls, page.content, page.url, page.content_type
        )
        return Fetched(url, page, await fetch_later(fetcher, later_urls))

    def extract(self, fetched: Fetched) -> Article:
        from hnreader.extract.api import extract_article
        from hnreader.extract.continuation import stitch

        parts: list[Article] = []
        for page in (fetched.page, *fetched.later):
            try:
                parts.append(extract_article(page.content, page.url, page.content_type))
            except ValueError as exc:
                if not parts:
                    raise _readable(fetched, page, exc) from exc
                break
        return replace(stitch(*parts), url=fetched.key)

    def save(self, store: Store, value: Article, fetched: Fetched) -> None:
        store.save_article(value, fetched.keyed(fetched.page), continuation=fetched.later)


class _AssetKind(Kind[bytes]):
    fetch_kind: FetchKind = "asset"

    def stored(self, store: Store, url: str) -> Stored[bytes] | None:
        asset = store.get_asset(url)
        if asset is None:
            return None
        return Stored(asset.content, asset.etag, asset.last_modified, asset.content)

    def extract(self, fetched: Fetched) -> bytes:
        return fetched.page.content

    def save(self, store: Store, value: bytes, fetched: Fetched) -> None:
        store.save_asset(fetched.keyed(fetched.page))


TREE: Kind[SiteTree] = _TreeKind()
LIST: Kind[ArticleList] = _ListKind()
ARTICLE: Kind[Article] = _ArticleKind()
ASSET: Kind[bytes] = _AssetKind()

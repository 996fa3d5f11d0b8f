"""The offline library: SQLite storage of everything fetched, with full-text search.

Open it with :meth:`Store.open`; see :mod:`hnreader.store.store` for the threading and
transaction rules. Nothing here imports the UI.
"""

from hnreader.store.errors import (
    StoreAccessError,
    StoreCorruptError,
    StoredDataError,
    StoreError,
    StoreVersionError,
)
from hnreader.store.records import (
    Asset,
    PageKind,
    RawPage,
    ReadingState,
    Saved,
    SearchHit,
    Snippet,
    StoredArticle,
)
from hnreader.store.rows import ArticleRecord, ArticleRow
from hnreader.store.store import Store
from hnreader.store.upkeep import LibraryStats, PruneResult

__all__ = [
    "ArticleRecord",
    "ArticleRow",
    "Asset",
    "LibraryStats",
    "PageKind",
    "PruneResult",
    "RawPage",
    "ReadingState",
    "Saved",
    "SearchHit",
    "Snippet",
    "Store",
    "StoreAccessError",
    "StoreCorruptError",
    "StoreError",
    "StoreVersionError",
    "StoredArticle",
    "StoredDataError",
]

"""The offline library: SQLite storage of everything fetched, with full-text search.

Open it with :meth:`Store.open`; see :mod:`hnreader.store.store` for the threading and
transaction rules. Nothing here imports the UI.

The errors are light and imported at once; every other name is imported from its module when
first asked for (``from hnreader.store import Store`` works as usual), so code that only
raises or catches store errors does not pay for SQLite, the schema, search and upkeep.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from hnreader.store.errors import (
    StoreAccessError,
    StoreCorruptError,
    StoredDataError,
    StoreError,
    StoreVersionError,
)

if TYPE_CHECKING:
    from hnreader.store.records import (
        ArticleValidators,
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
    "ArticleValidators",
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

# Where each name imported on first use lives (a module of this package).
_LAZY_NAMES: dict[str, str] = {
    "ArticleValidators": "records",
    "Asset": "records",
    "PageKind": "records",
    "RawPage": "records",
    "ReadingState": "records",
    "Saved": "records",
    "SearchHit": "records",
    "Snippet": "records",
    "StoredArticle": "records",
    "ArticleRecord": "rows",
    "ArticleRow": "rows",
    "Store": "store",
    "LibraryStats": "upkeep",
    "PruneResult": "upkeep",
}


def __getattr__(name: str) -> Any:
    """Import ``name`` from its module when it is first asked for."""
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups find it without coming here
    return value


def __dir__() -> list[str]:
    """The names already imported and those imported on first use."""
    return sorted({*globals(), *_LAZY_NAMES})

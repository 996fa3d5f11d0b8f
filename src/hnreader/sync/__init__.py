"""Sync: fetch a whole site (or chosen sections) ahead of time, for reading offline.

:func:`sync_site` is imported on first use: it pulls in fetching and extraction, which
commands that only look at reports or sections (``hnreader search --section``) do not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hnreader.sync.report import SyncFailure, SyncProgress, SyncReport, Tally
from hnreader.sync.scope import SyncError, UnknownSection

if TYPE_CHECKING:
    from hnreader.sync.walk import sync_site

__all__ = [
    "SyncError",
    "SyncFailure",
    "SyncProgress",
    "SyncReport",
    "Tally",
    "UnknownSection",
    "sync_site",
]


def __getattr__(name: str) -> Any:
    if name == "sync_site":
        from hnreader.sync.walk import sync_site

        return sync_site
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

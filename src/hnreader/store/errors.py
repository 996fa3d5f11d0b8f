"""The store's exceptions: each message says, in plain words, what went wrong and what to do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class of every error the store raises on purpose."""


class StoreVersionError(StoreError):
    """The database was written by a newer hnreader; it is left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"the library {path} was written by a newer version of hnreader "
            f"(schema version {found}; this version understands up to {supported}). "
            "It has not been changed: upgrade hnreader, or choose another --data-dir."
        )
        self.path = path
        self.found = found
        self.supported = supported


class StoreAccessError(StoreError):
    """The data directory or database file cannot be read or written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot use the library at {path}: {reason}")
        self.path = path
        self.reason = reason


class StoreCorruptError(StoreError):
    """The database is damaged in a way found while it was in use."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"the library {path} is damaged ({reason}). Close hnreader and start it again: "
            "a damaged library is moved aside and a fresh one is created."
        )
        self.path = path
        self.reason = reason


class StoredDataError(StoreError):
    """A stored record cannot be read back (wrong shape); the row is left as it is."""

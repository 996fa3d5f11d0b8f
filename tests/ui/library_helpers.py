"""A real library (SQLite in tmp_path) behind the reader, for the tests that need marks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hnreader.app import HnReaderApp
from hnreader.config import Config
from hnreader.fetch import Fetcher
from hnreader.sites import SiteSession
from hnreader.store import Store


@contextmanager
def library(directory: Path) -> Iterator[Store]:
    """The library in ``directory``, closed afterwards."""
    store = Store.open(directory)
    try:
        yield store
    finally:
        store.close()


def reader_app(
    home: str, store: Store, *, offline: bool = False, config: Config | None = None
) -> HnReaderApp:
    """The app on ``home`` with ``store`` as its library, online or forced offline."""
    session = SiteSession(None if offline else Fetcher(), store, offline=offline)
    return HnReaderApp(home, session=session, config=config)

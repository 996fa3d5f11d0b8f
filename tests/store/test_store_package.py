"""The store package: every public name importable from it, the heavy ones only when asked."""

from __future__ import annotations

import subprocess
import sys

import pytest

import hnreader.store
from hnreader.store import errors, records, rows, store, upkeep

HOMES = {
    "Store": store,
    "ArticleRecord": rows,
    "ArticleRow": rows,
    "LibraryStats": upkeep,
    "PruneResult": upkeep,
}


@pytest.mark.parametrize("name", hnreader.store.__all__)
def test_every_public_name_is_the_one_its_module_defines(name: str) -> None:
    value = getattr(hnreader.store, name)
    home = HOMES.get(name) or (errors if name.endswith("Error") else records)
    assert value is getattr(home, name)
    assert name in dir(hnreader.store)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Shop'"):
        _ = hnreader.store.Shop  # type: ignore[attr-defined]


def test_catching_store_errors_loads_neither_sqlite_nor_the_store() -> None:
    probe = (
        "from hnreader.store import StoreError\nimport sys\n"
        "print(*sorted({'sqlite3', 'hnreader.store.store', 'hnreader.store.search'}"
        " & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == []

"""Fixtures for the export tests: a library in tmp_path filled with the samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_samples import fill

from hnreader.store import Store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    with Store.open(directory) as store:
        fill(store)
    return directory


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store.open(data_dir) as opened:
        yield opened

"""Every UI test gets its own data directory, so no test reads or writes the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.paths import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``HNREADER_DATA_DIR`` at a fresh directory (the reader remembers its look there)."""
    data = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return data

"""Fixtures for the configuration tests: a config file location in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HNREADER_CONFIG pointed at tmp_path/conf/config.toml (not created)."""
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("HNREADER_CONFIG", str(path))
    monkeypatch.delenv("HNREADER_DATA_DIR", raising=False)
    return path

"""Where the data directory is, and that it is created owner-only."""

from __future__ import annotations

import stat
from pathlib import Path

import platformdirs
import pytest

from hnreader import paths


def test_explicit_argument_beats_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    chosen = paths.data_dir(tmp_path / "from-arg")
    assert chosen == tmp_path / "from-arg"
    assert chosen.is_dir()
    assert not (tmp_path / "from-env").exists()


def test_environment_beats_the_platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"


def test_platform_default_when_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    expected = Path(platformdirs.user_data_dir("hnreader", appauthor=False))
    assert paths.data_dir(create=False) == expected


def test_created_directories_are_owner_only_despite_the_umask(tmp_path: Path) -> None:
    created = paths.data_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(created.stat().st_mode) == 0o700


def test_an_existing_directory_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    paths.data_dir(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755


def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.data_dir("~/library", create=False) == tmp_path / "library"


def test_other_directories_are_computed_without_creating_anything() -> None:
    for directory in (paths.downloads_dir(), paths.log_dir(), paths.config_dir()):
        assert "hnreader" in directory.parts

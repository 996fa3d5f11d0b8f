"""``hnreader config path|show`` as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from hnreader.config import Config
from hnreader.config_file import parse_config


def hnreader(config_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HNREADER_CONFIG": str(config_file)}
    return subprocess.run(
        [sys.executable, "-m", "hnreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_config_path_and_show(tmp_path: Path) -> None:
    config_file = tmp_path / "elsewhere" / "hn.toml"
    result = hnreader(config_file, "config", "path")
    assert (result.returncode, result.stdout) == (0, f"{config_file}\n")

    result = hnreader(config_file, "config", "show")
    assert result.returncode == 0
    assert parse_config(result.stdout) == Config()
    assert config_file.is_file()  # the example was written on first run

    config_file.write_text(
        '[reader]\nfont_step = "huge"\n\n[[sites]]\nname = "甲"\nurl = "http://a.example.cn/"\n',
        encoding="utf-8",
    )
    shown = tomllib.loads(hnreader(config_file, "config", "show").stdout)
    assert shown["reader"]["font_step"] == "huge"
    assert shown["sites"][0]["name"] == "甲"


def test_config_show_reports_a_mistake(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text("\n\n[network]\nretries = -1\n", encoding="utf-8")
    result = hnreader(config_file, "config", "show")
    assert result.returncode == 2
    assert result.stderr == (
        "hnreader: config.toml line 4: [network] retries must be a whole number from 0 to 20,"
        " not -1\n"
    )

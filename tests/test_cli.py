"""The ``hnreader`` command line, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hnreader import __version__

DATA = Path(__file__).parent / "data" / "cli"


def hnreader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hnreader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_version() -> None:
    result = hnreader("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"hnreader {__version__}"


def test_help_lists_every_subcommand() -> None:
    result = hnreader("--help")
    assert result.returncode == 0
    for name in ("demo-server", "extract", "list", "tree"):
        assert name in result.stdout


def test_help_prints_usage_and_no_arguments_without_a_terminal_still_do() -> None:
    # With a terminal, no arguments open the site picker; scripts (no TTY) keep the usage.
    result = hnreader("--help")
    assert result.returncode == 0
    assert "usage: hnreader" in result.stdout
    result = hnreader()
    assert result.returncode == 2
    assert "usage: hnreader" in result.stdout


def test_extract_json_from_a_local_gb2312_file() -> None:
    result = hnreader("extract", str(DATA / "gb2312_article.html"), "--json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    article = json.loads(line)
    assert article["title"] == "示例市举办社区工作者喆镕堃培训班"
    assert article["published"] == "2022-11-03T09:30:15"
    assert article["source"] == "示例市社会工作部"
    assert article["author"] == "李晓明"
    assert article["editor"] == "王丽"
    assert len(article["paragraphs"]) == 3
    assert article["text"] == "\n".join(article["paragraphs"])
    assert "新葡京" not in line
    assert "ICP" not in article["text"]


def test_a_failed_source_gives_an_error_object_in_order_and_a_failing_status() -> None:
    missing = str(DATA / "no-such-page.html")
    result = hnreader("extract", missing, str(DATA / "gb2312_article.html"), "--json")
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["url"] == missing
    assert first["error"]
    assert second["title"] == "示例市举办社区工作者喆镕堃培训班"


def test_plain_rendering_is_readable_text() -> None:
    result = hnreader("extract", str(DATA / "gb2312_article.html"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("示例市举办社区工作者喆镕堃培训班\n")
    assert "来源: 示例市社会工作部" in result.stdout

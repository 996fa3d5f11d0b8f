"""``hnreader sync``, ``search`` and ``cache`` as real processes against the demo server."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from hnreader.cli import main
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.models import ArticleList
from hnreader.store import Store
from hnreader.store.database import DB_FILENAME
from hnreader.store.schema import LATEST_VERSION

GSGG = [a for a in demo_edition().site("portal").articles if a.section == "gsgg"]


@pytest.fixture(scope="module", autouse=True)
def config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A configuration without the polite rate limit: the demo server is local."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    path.write_text("[network]\nrate_limit = 0\n", encoding="utf-8")
    ENV["HNREADER_CONFIG"] = str(path)
    yield
    del ENV["HNREADER_CONFIG"]


ENV = {**os.environ, "HNREADER_DATA_DIR": "/nonexistent/must-not-be-used"}


def hnreader(
    *args: str, data_dir: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    extra = [] if data_dir is None else ["--data-dir", str(data_dir)]
    return subprocess.run(
        [sys.executable, "-m", "hnreader", *args, *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**ENV, **(env or {})},
    )


def free_port() -> int:
    """A port nothing listens on right now (the system's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def assert_one_clean_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0]


@pytest.fixture(scope="module")
def library(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The portal's 公示公告 section synced by the real command."""
    data_dir = tmp_path_factory.mktemp("cli-library")
    result = hnreader("sync", demo_server.sites[1][1], "--section", "公示公告", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert f"Synced {demo_server.sites[1][1]}: {len(GSGG)} new, 0 updated" in result.stdout
    assert "articles" in result.stderr  # plain progress lines when not on a terminal
    return data_dir


def test_search_prints_json_hits_with_match_offsets(library: Path) -> None:
    title = GSGG[0].title
    result = hnreader("search", title, "--json", data_dir=library)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["title"] == title
    assert hits[0]["url"].endswith(GSGG[0].path)
    assert hits[0]["title_spans"] == [[0, len(title)]]


def test_search_marks_matches_in_plain_text_and_filters_by_section(library: Path) -> None:
    term = GSGG[0].title[:4]
    result = hnreader("search", term, "--section", "公示公告", data_dir=library)
    assert result.returncode == 0, result.stderr
    assert f"【{term}】" in result.stdout
    elsewhere = hnreader("search", term, "--section", "政务动态", data_dir=library)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert elsewhere.stdout == ""  # the section was synced, but not its articles
    assert "No stored article matches" in elsewhere.stderr


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run the command line in this process (quick commands: no server, no event loop)."""
    for key in ("HNREADER_CONFIG", "HNREADER_DATA_DIR"):
        monkeypatch.setenv(key, ENV[key])

    def run(*args: str, data_dir: Path) -> tuple[int, str, str]:
        code = main([*args, "--data-dir", str(data_dir)])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_cache_stats_export_and_reparse(
    library: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, _ = cli("cache", "stats", data_dir=library)
    assert code == 0
    assert f"articles    {len(GSGG)}" in out
    target = tmp_path / "export.jsonl"
    assert cli("cache", "export", "-o", str(target), data_dir=library)[0] == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {r["title"] for r in records} == {a.title for a in GSGG}
    code, out, err = cli("cache", "reparse", data_dir=library)
    assert code == 0, err
    assert f"{len(GSGG)} articles; 0 failed" in out


def test_cache_prune_clear_and_vacuum(
    library: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    with (
        closing(sqlite3.connect(library / DB_FILENAME)) as source,
        closing(sqlite3.connect(tmp_path / DB_FILENAME)) as target,
    ):
        source.backup(target)
    code, _, err = cli("cache", "clear", data_dir=tmp_path)
    assert (code, err.count("\n")) == (1, 1)
    assert "--yes" in err  # not on a terminal: no question, nothing cleared
    code, out, _ = cli("cache", "prune", "--max-size", "1k", data_dir=tmp_path)
    assert code == 0
    assert f"Deleted {len(GSGG)} articles" in out
    with Store.open(tmp_path) as store:
        store.save_list(ArticleList("http://example.cn/list.html", "测试", ()))
    assert cli("cache", "clear", "--yes", data_dir=tmp_path)[0] == 0
    assert cli("cache", "vacuum", data_dir=tmp_path)[0] == 0
    with Store.open(tmp_path) as store:
        assert set(store.counts().values()) == {0}
        assert store.check_integrity() == []
    with pytest.raises(SystemExit) as usage:
        cli("cache", "prune", "--older-than", "soon", data_dir=tmp_path)
    assert usage.value.code == 2


def test_a_sync_that_cannot_start_says_why_in_one_line(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    unknown = hnreader("sync", demo_server.sites[1][1], "--section", "无此栏目", data_dir=tmp_path)
    assert_one_clean_line(unknown, "无此栏目", "政务动态")


def test_sync_demo_serves_the_demo_edition_and_skips_sites_without_the_section(
    tmp_path: Path,
) -> None:
    result = hnreader("sync", "demo", "--section", "公示公告", "--pages", "1", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped http://127.0.0.1:" in result.stderr  # the flagship has no 公示公告
    assert result.stdout.count("Synced http://127.0.0.1:") == 1
    assert f"{len(GSGG)} new" in result.stdout


def test_sync_without_a_site_refreshes_the_sites_in_the_library(
    demo_server: DemoServer, library: Path
) -> None:
    portal = demo_server.sites[1][1]
    result = hnreader("sync", "--section", "公示公告", data_dir=library)
    assert result.returncode == 0, result.stderr
    assert f"Synced {portal}: 0 new, 0 updated" in result.stdout
    assert result.stdout.count("Synced ") == 1  # only the site already read, not the catalogue


def test_sync_without_a_site_on_an_empty_library_says_what_to_name(tmp_path: Path) -> None:
    assert_one_clean_line(hnreader("sync", data_dir=tmp_path), "no site yet", "demo")


def test_sync_without_a_site_serves_the_demo_edition_when_it_is_in_the_library(
    tmp_path: Path,
) -> None:
    from hnreader.cli.reader_cmd import DEMO_PORT_ENV

    port = free_port()  # pinned: 47800 may be held by another hnreader on this machine
    env = {DEMO_PORT_ENV: str(port)}
    section = ("--section", "公示公告", "--pages", "1")
    first = hnreader("sync", "demo", *section, data_dir=tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    again = hnreader("sync", *section, data_dir=tmp_path, env=env)
    assert again.returncode == 0, again.stderr
    assert f"Synced http://127.0.0.1:{port}/portal/: 0 new, 0 updated" in again.stdout


@pytest.mark.parametrize("value", ["80a", "0", "65536", "-1"])
def test_a_demo_port_that_is_no_port_is_said_and_the_default_used(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hnreader.cli.reader_cmd import DEMO_PORT, DEMO_PORT_ENV, demo_port

    monkeypatch.setenv(DEMO_PORT_ENV, value)
    assert demo_port() == DEMO_PORT
    said = capsys.readouterr().err
    assert said == f"hnreader: {DEMO_PORT_ENV}={value!r} is not a port (1-65535); using 47800\n"
    monkeypatch.setenv(DEMO_PORT_ENV, "48999")
    assert demo_port() == 48999


def test_store_problems_are_one_clear_line(tmp_path: Path) -> None:
    newer = tmp_path / "newer"
    newer.mkdir()
    with closing(sqlite3.connect(newer / DB_FILENAME)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    assert_one_clean_line(hnreader("sync", "demo", data_dir=newer), "newer version")
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    assert_one_clean_line(hnreader("search", "社会", data_dir=not_a_dir), "cannot use the library")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only directories")
def test_a_read_only_data_directory_is_one_clear_line(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert_one_clean_line(hnreader("cache", "stats", data_dir=tmp_path), "read-only")
    finally:
        tmp_path.chmod(0o700)


def test_a_damaged_library_is_moved_aside_and_the_command_goes_on(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"this is not a database" * 100)
    result = hnreader("cache", "stats", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "moved to" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.glob(f"{DB_FILENAME}.damaged-*"))


@pytest.mark.parametrize(
    "args",
    [["sync", "demo"], ["extract", "http://127.0.0.1:9/"], ["--demo", "--offline"]],
    ids=["sync", "extract", "reader"],
)
def test_a_configuration_mistake_stops_a_command_with_status_2(
    args: list[str], tmp_path: Path
) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text("[network]\nretries = -1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "hnreader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**ENV, "HNREADER_CONFIG": str(bad), "HNREADER_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 2, result
    assert result.stderr.startswith("hnreader: config.toml line 2:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_extract_fetches_with_the_configured_network_settings(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    home = demo_server.sites[1][1]  # the portal's home page: well over 1 KiB
    small = tmp_path / "config.toml"
    small.write_text("[network]\nmax_bytes = 1024\nrate_limit = 0\n", encoding="utf-8")
    env = {**ENV, "HNREADER_CONFIG": str(small)}
    command = [sys.executable, "-m", "hnreader", "tree", home]
    limited = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert limited.returncode == 1
    assert home in limited.stderr
    unlimited = subprocess.run(command, capture_output=True, text=True, timeout=120, env=ENV)
    assert unlimited.returncode == 0, unlimited.stderr

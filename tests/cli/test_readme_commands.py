"""README's command lines that print and exit, run as written; its usage lines match the CLI.

The lines come from README.md itself, so the README cannot drift from what the commands do.
Reader lines (which need a terminal) are run in tmux by ``tests/ui/test_tmux_readme.py``.
"""

from __future__ import annotations

import os
import pty
import re
import shlex
import socket
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

from hnreader.cli import COMMANDS, main
from hnreader.models import ArticleList
from hnreader.store import Store
from readme_helpers import is_synopsis, readme_commands, run_succeeding, without_comment

HNREADER = Path(sys.executable).parent / "hnreader"
PATIENCE = 60.0


def _hnreader(words: list[str], env: dict[str, str], **options: object) -> list[str]:
    """The argv that runs README's ``hnreader …`` line: the venv's console script."""
    assert words[0] == "hnreader"
    program = [str(HNREADER)] if HNREADER.exists() else [sys.executable, "-m", "hnreader"]
    return [*program, *words[1:]]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private configuration file and library for the commands."""
    return {
        **os.environ,
        "HNREADER_CONFIG": str(tmp_path / "config" / "config.toml"),
        "HNREADER_DATA_DIR": str(tmp_path / "data"),
    }


def _line(command: str) -> list[str]:
    for line in readme_commands():
        if without_comment(line) == command:
            return shlex.split(without_comment(line))
    raise AssertionError(f"README.md no longer shows {command!r}")


def _run(words: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_succeeding(_hnreader(words, env), words, env, PATIENCE)


SYNOPSES = [c for c in readme_commands() if is_synopsis(c)]


@pytest.mark.parametrize("synopsis", SYNOPSES)
def test_every_usage_line_names_options_and_actions_the_cli_has(
    synopsis: str, capsys: pytest.CaptureFixture[str]
) -> None:
    words = without_comment(synopsis).split()[1:]
    command = words[0] if words and words[0] in COMMANDS else None
    base = [command] if command else []
    helps = [_help([*base, "--help"], capsys)]
    values: set[str] = set()  # words an option takes (--format md|html)
    actions: set[str] = set()  # words that name an action (sites add, cache stats|prune)
    for index, word in enumerate(words):
        if index == 0 and command:
            continue
        bare = [w for w in word.strip("[]").split("|") if re.fullmatch(r"[a-z][a-z-]*", w)]
        after_option = index > 0 and words[index - 1].lstrip("[").startswith("-")
        (values if after_option else actions).update(bare)
    for action in sorted(actions):
        helps.append(_help([*base, action, "--help"], capsys))
    for value in sorted(values):
        assert re.search(rf"[{{,]{value}[,}}]", helps[0]), f"{synopsis}: no choice {value}"
    for option in sorted(set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", " ".join(words)))):
        assert any(re.search(rf"(?<![\w-]){option}\b", text) for text in helps), (
            f"{synopsis}: hnreader {' '.join(base)} has no {option}"
        )


def _help(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as leaving:
        main(args)
    out, err = capsys.readouterr()
    assert leaving.value.code == 0, f"hnreader {' '.join(args)}: {err}"
    return out


def test_config_lines_run_as_written(env: dict[str, str]) -> None:
    path = _run(_line("hnreader config path"), env).stdout.strip()
    assert path == env["HNREADER_CONFIG"]
    shown = tomllib.loads(_run(_line("hnreader config show"), env).stdout)
    assert "# " in Path(path).read_text(encoding="utf-8"), "a commented example, on first run"
    assert shown["reader"]["theme"] == "dark"  # the effective configuration, defaults included


def test_demo_server_line_serves_both_sites(env: dict[str, str]) -> None:
    words = _line("hnreader demo-server --port 8000")
    with socket.socket() as probe:  # port 8000 may be taken here: any free one says the same
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    words[words.index("8000")] = str(port)
    server = subprocess.Popen(
        _hnreader(words, env), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()  # the server prints its sites once it listens
        assert f":{port}/" in first, first + server.stderr.read() if server.stderr else first
        for path, title in (("/", "湖南社会工作"), ("/portal/", "人民政府")):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
                assert answer.status == 200
                assert title in answer.read().decode("utf-8", "replace")
    finally:
        server.terminate()
        server.wait(timeout=PATIENCE)


def test_cache_clear_line_asks_on_a_terminal_and_empties_the_library(
    env: dict[str, str], tmp_path: Path
) -> None:
    with Store.open(tmp_path / "data") as store:
        store.save_list(ArticleList("http://example.cn/list.html", "测试", ()))
    leader, follower = pty.openpty()  # stdin is a terminal: the command asks first
    try:
        clearing = subprocess.Popen(
            _hnreader(_line("hnreader cache clear"), env),
            env=env,
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.write(leader, b"y\n")
        out, err = clearing.communicate(timeout=PATIENCE)
    finally:
        os.close(leader)
        os.close(follower)
    assert clearing.returncode == 0, out + err
    with Store.open(tmp_path / "data") as store:
        assert set(store.counts().values()) == {0}

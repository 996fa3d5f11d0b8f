"""Smoke test of the real ``hnreader --demo`` binary in a real terminal (tmux)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hnreader.demo.content import demo_edition

TMUX = shutil.which("tmux")
HNREADER = Path(sys.executable).parent / "hnreader"
PATIENCE = 60.0  # seconds: a cold start on a busy 2-core machine must not fail the test

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed: cannot drive a real terminal"),
    pytest.mark.skipif(not HNREADER.exists(), reason=f"no hnreader script at {HNREADER}"),
]


class Terminal:
    """One detached tmux session on a private socket."""

    def __init__(self, socket: Path) -> None:
        assert TMUX is not None
        self.base = [TMUX, "-u", "-S", str(socket)]
        self.env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, env=self.env, check=True
        )
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "hn")

    def wait_for(self, ready: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + PATIENCE
        while True:
            shown = self.screen()
            if ready(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen:\n{shown}")
            time.sleep(0.2)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path / "tmux.sock")
    command = f"{shlex.quote(str(HNREADER))} --demo"
    term.run("new-session", "-d", "-s", "hn", "-x", "80", "-y", "24", command)
    try:
        # Keep the pane after the reader exits so that its exit status can be read.
        term.run("set-option", "-t", "hn", "remain-on-exit", "on")
        yield term
    finally:
        subprocess.run([*term.base, "kill-server"], capture_output=True, env=term.env, check=False)


def test_demo_opens_an_article_and_quits(terminal: Terminal) -> None:
    flagship = demo_edition().site("flagship")
    news = flagship.sections[0]
    newest = demo_edition().list_page(news.path).items[0]

    terminal.wait_for(lambda s: news.name in s and flagship.name in s, "the section tree")
    terminal.run("send-keys", "-t", "hn", "Enter")  # list 新闻中心
    terminal.wait_for(lambda s: newest.date in s, "the article list")
    terminal.run("send-keys", "-t", "hn", "Tab")
    terminal.run("send-keys", "-t", "hn", "Enter")  # open its newest article
    shown = terminal.wait_for(lambda s: "来源" in s, "the article")
    assert newest.title[:12] in shown  # a long title may wrap after that
    assert newest.paragraphs[0][:10] in shown

    terminal.run("send-keys", "-t", "hn", "q")
    deadline = time.monotonic() + PATIENCE
    status = ""
    while time.monotonic() < deadline:
        status = terminal.run(
            "display-message", "-p", "-t", "hn", "#{pane_dead} #{pane_dead_status}"
        )
        if status.startswith("1"):
            break
        time.sleep(0.2)
    assert status.split() == ["1", "0"], f"hnreader did not exit cleanly: {status!r}"

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
PATIENCE = 120.0  # seconds: a cold start on a busy 2-core machine must not fail the test

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed: cannot drive a real terminal"),
    pytest.mark.skipif(not HNREADER.exists(), reason=f"no hnreader script at {HNREADER}"),
]


class Terminal:
    """One detached tmux session on a private socket."""

    def __init__(self, socket: Path, data_dir: Path) -> None:
        assert TMUX is not None
        self.base = [TMUX, "-u", "-S", str(socket)]
        self.exit_file = socket.parent / "exit-status"
        # The tmux server (started here) passes this environment to the reader: its library
        # and remembered look go to a private directory, never the user's own.
        self.env = {
            **os.environ,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "HNREADER_DATA_DIR": str(data_dir),
        }

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, env=self.env, check=True
        )
        return done.stdout

    def start(self, argv: list[str], width: int, height: int) -> None:
        """Run ``argv`` in session ``hn``; its exit status goes to :attr:`exit_file`."""
        status = shlex.quote(str(self.exit_file))
        command = f"{shlex.join(argv)}; echo $? > {status}"
        self.run("new-session", "-d", "-s", "hn", "-x", str(width), "-y", str(height), command)
        # Keep the pane after the reader exits, so a failure can still show its last screen.
        self.run("set-option", "-t", "hn", "remain-on-exit", "on")

    def stop(self) -> None:
        """Stop the tmux server and whatever still runs in it."""
        subprocess.run([*self.base, "kill-server"], capture_output=True, env=self.env, check=False)

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
    term = Terminal(tmp_path / "tmux.sock", tmp_path / "data")
    try:
        term.start([str(HNREADER), "--demo"], 80, 24)
        yield term
    finally:
        term.stop()


def test_demo_opens_an_article_and_quits(terminal: Terminal) -> None:
    flagship = demo_edition().site("flagship")
    news = flagship.sections[0]
    newest = demo_edition().list_page(news.path).items[0]

    terminal.wait_for(lambda s: news.name in s and flagship.name in s, "the section tree")
    # The first section (新闻中心) opens by itself; its newest article is on top.
    terminal.wait_for(lambda s: newest.date in s, "the first section's list")
    terminal.run("send-keys", "-t", "hn", "Tab")
    # The footer names the focused pane's keys: wait for the list to have the focus.
    terminal.wait_for(lambda s: "Open article" in s.splitlines()[-1], "the focus in the list")
    terminal.run("send-keys", "-t", "hn", "Enter")  # open its newest article
    shown = terminal.wait_for(lambda s: "来源" in s, "the article")
    assert newest.title[:12] in shown  # a long title may wrap after that
    assert newest.paragraphs[0][:10] in shown
    assert "简" in shown.splitlines()[-2]  # the status bar names the script

    terminal.run("send-keys", "-t", "hn", "t")  # 繁: the status bar and the text follow
    terminal.wait_for(lambda s: "繁" in s.splitlines()[-2], "繁 in the status bar")

    terminal.run("send-keys", "-t", "hn", "q")
    # The shell around the reader writes its exit status to a file (tmux's own record of it
    # can lag: it may see the terminal close before it reaps the process).
    deadline = time.monotonic() + PATIENCE
    while not terminal.exit_file.exists() or not terminal.exit_file.read_text().strip():
        assert time.monotonic() < deadline, f"hnreader did not exit:\n{terminal.screen()}"
        time.sleep(0.2)
    assert terminal.exit_file.read_text().strip() == "0", "hnreader did not exit cleanly"

"""README's reader commands, as written, in a real terminal (tmux) against the demo server.

The lines come from README.md itself. No network here: the public addresses in them are
replaced by the demo edition's, served over real HTTP, which is built like those sites.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_ui_tmux_smoke import HNREADER, PATIENCE, Terminal, pytestmark  # noqa: F401

from hnreader.cli.reader_cmd import DEMO_PORT_ENV
from hnreader.config_file import CONFIG_ENV
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from readme_helpers import readme_text, run_succeeding, sh_block, without_comment

FLAGSHIP = demo_edition().site("flagship")
PORTAL = demo_edition().site("portal")


def _free_port() -> int:
    """A port nothing listens on right now (the system's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Session:
    """One private configuration and library, in which README lines run one after another."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data_dir = root / "data"
        self.config_file = root / "config" / "config.toml"
        self.terminals: list[Terminal] = []
        # The demo edition's port, pinned for the session: the library's addresses include
        # it, and the usual 47800 may be held by another hnreader on this machine.
        self.demo_port = _free_port()

    def env(self) -> dict[str, str]:
        """The environment every command of the session gets."""
        return {
            **os.environ,
            "HNREADER_DATA_DIR": str(self.data_dir),
            CONFIG_ENV: str(self.config_file),
            DEMO_PORT_ENV: str(self.demo_port),
        }

    def run(self, words: list[str]) -> subprocess.CompletedProcess[str]:
        """Run a command that prints and exits; it must succeed."""
        return run_succeeding([str(HNREADER), *words[1:]], words, self.env(), PATIENCE)

    def open(self, words: list[str]) -> Terminal:
        """Start the reader command ``words`` in a new terminal (100×30)."""
        place = self.root / f"terminal{len(self.terminals)}"
        place.mkdir()
        term = Terminal(place / "tmux.sock", self.data_dir)
        term.env[CONFIG_ENV] = str(self.config_file)
        term.env[DEMO_PORT_ENV] = str(self.demo_port)
        self.terminals.append(term)
        term.start([str(HNREADER), *words[1:]], 100, 30)
        return term

    def close(self) -> None:
        """Stop every terminal the session opened."""
        for term in self.terminals:
            term.stop()


def quit_cleanly(term: Terminal) -> None:
    """Press q; the reader must leave with status 0."""
    term.run("send-keys", "-t", "hn", "q")
    deadline = time.monotonic() + PATIENCE
    while not term.exit_file.exists() or not term.exit_file.read_text().strip():
        assert time.monotonic() < deadline, f"hnreader did not exit:\n{term.screen()}"
        time.sleep(0.2)
    assert term.exit_file.read_text().strip() == "0", f"hnreader failed:\n{term.screen()}"


def shows_tree(site_sections: list[str]) -> Callable[[str], bool]:
    """A screen test: the first three top sections of a site are on the screen."""
    return lambda screen: all(name in screen for name in site_sections[:3])


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    """A private configuration and library for a run of README lines."""
    running = Session(tmp_path)
    try:
        yield running
    finally:
        running.close()


def test_reading_a_real_site_runs_as_written(session: Session, demo_server: DemoServer) -> None:
    flagship_url, portal_url = demo_server.sites[0][1], demo_server.sites[1][1]
    stand_ins = {"URL": flagship_url, "https://www.hunan.gov.cn/": portal_url}
    flagship_sections = [section.name for section in FLAGSHIP.sections]
    portal_sections = [section.name for section in PORTAL.sections]
    lines = [without_comment(line) for line in sh_block("## Reading a real site")]
    assert lines, "README.md shows how to read a real site"
    for line in lines:
        words = [stand_ins.get(word, word) for word in shlex.split(line)]
        assert words[0] == "hnreader", line
        assert not any(re.match(r"https?://(?!127\.0\.0\.1)", w) for w in words), (
            f"{line}: no stand-in for this address (no network here)"
        )
        if words == ["hnreader"]:  # the site picker: choose the demo edition
            term = session.open(words)
            term.wait_for(lambda s: "Choose a site" in s, "the site picker")
            term.run("send-keys", "-t", "hn", "-l", "demo")
            term.wait_for(lambda s: "湖南省民政厅" not in s, "the filter to leave the demo")
            term.run("send-keys", "-t", "hn", "Enter")
            term.wait_for(shows_tree(flagship_sections), "the demo edition's tree")
            quit_cleanly(term)
        elif len(words) == 2 and words[1].startswith("http"):  # the reader on an address
            term = session.open(words)
            term.wait_for(shows_tree(portal_sections), f"the tree of {words[1]}")
            quit_cleanly(term)
            # What the reader loaded is kept: "hnreader URL --offline" opens it again.
            offline = session.open([*words, "--offline"])
            shown = offline.wait_for(shows_tree(portal_sections), "the stored tree, offline")
            assert "离线" in shown
            quit_cleanly(offline)
        else:
            session.run(words)
    listed = session.run(["hnreader", "sites", "list"]).stdout
    assert f"湖南社会工作\t{flagship_url}\tsites.toml" in listed.splitlines(), listed
    for name, url in (("湖南省人民政府", "https://www.hunan.gov.cn/"), ("娄星在线", "")):
        assert any(line.startswith(f"{name}\t{url}") for line in listed.splitlines()), listed


def test_demo_offline_reads_what_sync_stored(session: Session) -> None:
    inline = re.search(r"`(hnreader --demo --offline)`", readme_text())
    assert inline, "README.md mentions hnreader --demo --offline"
    synced = session.run(
        [
            "hnreader",
            "sync",
            "demo",
            "--section",
            "新闻中心/工作动态",
            "--pages",
            "1",
            "--no-images",
        ]
    )
    assert f"Synced http://127.0.0.1:{session.demo_port}/" in synced.stdout, synced.stdout
    term = session.open(shlex.split(inline.group(1)))
    shown = term.wait_for(
        shows_tree([s.name for s in FLAGSHIP.sections]), "the stored tree, offline"
    )
    assert "离线" in shown
    quit_cleanly(term)

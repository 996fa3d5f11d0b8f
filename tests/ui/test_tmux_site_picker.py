"""The real ``hnreader`` binary with no address, in a real terminal (tmux): picker, then reader.

The site list comes from a private ``sites.toml`` naming the demo flagship, served over real
HTTP by the ``demo_server`` fixture; choosing it in the picker must open the reader on it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_ui_tmux_smoke import HNREADER, PATIENCE, Terminal, pytestmark  # noqa: F401

from hnreader.catalogue import save_user_site
from hnreader.config import SiteConfig
from hnreader.config_file import CONFIG_ENV
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer

SITE_NAME = "演示社工站"  # a name no built-in site has, so the filter leaves it alone


@pytest.fixture
def picker(tmp_path: Path, demo_server: DemoServer) -> Iterator[Terminal]:
    """``hnreader`` (no address) running in tmux, with the demo flagship among its sites."""
    config_file = tmp_path / "config" / "config.toml"
    save_user_site(SiteConfig(SITE_NAME, demo_server.sites[0][1]), config_file)
    term = Terminal(tmp_path / "tmux.sock", tmp_path / "data")
    term.env[CONFIG_ENV] = str(config_file)
    try:
        term.start([str(HNREADER)], 100, 30)
        yield term
    finally:
        term.stop()


def test_choosing_a_site_in_the_picker_opens_the_reader_on_it(picker: Terminal) -> None:
    flagship = demo_edition().site("flagship")
    picker.wait_for(lambda s: "Choose a site" in s and SITE_NAME in s, "the site picker")
    picker.run("send-keys", "-t", "hn", "-l", "演示")  # typed on the list: the filter takes it
    picker.wait_for(lambda s: "湖南省民政厅" not in s and SITE_NAME in s, "the filtered list")
    picker.run("send-keys", "-t", "hn", "Enter")
    shown = picker.wait_for(
        lambda s: all(section.name in s for section in flagship.sections[:3]), "the reader's tree"
    )
    assert "Choose a site" not in shown

    picker.run("send-keys", "-t", "hn", "q")
    deadline = time.monotonic() + PATIENCE
    while not picker.exit_file.exists() or not picker.exit_file.read_text().strip():
        assert time.monotonic() < deadline, f"hnreader did not exit:\n{picker.screen()}"
        time.sleep(0.2)
    assert picker.exit_file.read_text().strip() == "0", "hnreader did not exit cleanly"

"""``hnreader sites``: list, add (against the real demo server), show and remove."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.cli import main
from hnreader.config_file import load_config
from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.store import Store


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("HNREADER_CONFIG", str(path))
    monkeypatch.setenv("HNREADER_DATA_DIR", str(tmp_path / "unused-data"))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["sites", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_list_shows_the_builtin_sites(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("湖南社会工作\t(address not known yet")
    assert "湖南省民政厅\thttps://mzt.hunan.gov.cn/\tbuilt-in" in lines
    assert config_file.is_file()  # first run wrote the example


def test_add_discovers_the_section_tree_and_stores_the_site(
    config_file: Path, tmp_path: Path, demo_server: DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    portal_name, portal_url = demo_server.sites[1]
    status, out, err = run(
        capsys,
        "add",
        portal_url,
        "--name",
        "演示门户",
        "--rate-limit",
        "8",
        "--exclude",
        "互动交流",
        "--data-dir",
        str(tmp_path / "data"),
    )
    assert (status, err) == (0, "")
    portal = next(site for site in demo_edition().sites if site.name == portal_name)
    for section in portal.all_sections():
        assert f"  {section.name}" in out
    assert out.splitlines()[-1].startswith("added 演示门户 in ")
    site = next(s for s in load_config().sites if s.name == "演示门户")
    assert (site.url, site.rate_limit, site.exclude) == (portal_url, 8.0, ("互动交流",))
    with Store.open(tmp_path / "data") as store:
        saved = store.get_tree(portal_url)
    assert saved is not None
    assert saved.value == portal.expected_tree(demo_server.base_url)

    status, out, _ = run(capsys, "show", "演示门户")
    assert status == 0
    assert f"url: {portal_url}" in out
    assert "rate_limit: 8.0 requests/s" in out
    assert "exclude: 互动交流" in out
    assert "defined in: sites.toml" in out

    status, out, _ = run(capsys, "list")
    assert f"演示门户\t{portal_url}\tsites.toml" in out.splitlines()
    assert run(capsys, "remove", "演示门户")[:2] == (0, "removed 演示门户\n")
    assert "演示门户" not in run(capsys, "list")[1]


def test_adding_the_flagship_address_gives_it_its_name(
    config_file: Path, demo_server: DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    flagship_name, flagship_url = demo_server.sites[0]
    status, out, _ = run(capsys, "add", flagship_url)
    assert status == 0
    assert out.startswith(f"{flagship_name}  <{flagship_url}>")
    status, out, _ = run(capsys, "list")
    assert out.splitlines()[0] == f"湖南社会工作\t{flagship_url}\tsites.toml"


def test_add_fails_clearly_when_the_site_cannot_be_reached(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text("[network]\nretries = 0\n", encoding="utf-8")
    status, _, err = run(capsys, "add", "http://127.0.0.1:9/")
    assert status == 1
    assert err.startswith("hnreader: cannot add http://127.0.0.1:9/: could not connect")
    assert not config_file.with_name("sites.toml").exists()
    status, _, err = run(capsys, "add", "http://127.0.0.1:9/", "--rate-limit", "0")
    assert (status, err) == (
        1,
        "hnreader: --rate-limit must be a number of requests per second above 0\n",
    )
    status, _, err = run(capsys, "add", "http://127.0.0.1:9/", "--encoding", "gbk-ish")
    assert (status, err) == (1, "hnreader: unknown encoding 'gbk-ish' (try gb18030 or utf-8)\n")


def test_builtin_and_hand_written_sites_are_not_removed(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text('[[sites]]\nname = "手写"\nurl = "http://h.example.cn/"\n', "utf-8")
    status, _, err = run(capsys, "remove", "湖南省人民政府")
    assert (status, err) == (1, "hnreader: 湖南省人民政府 is built in and cannot be removed\n")
    status, _, err = run(capsys, "remove", "手写")
    assert status == 1
    assert f"手写 is written in {config_file}" in err
    status, _, err = run(capsys, "show", "不存在")
    assert (status, err) == (1, "hnreader: no site called '不存在' (see 'hnreader sites list')\n")


def test_a_bad_configuration_stops_the_command(
    config_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text("[reader]\nfont_stpe = 1\n", "utf-8")
    status, _, err = run(capsys, "list")
    assert status == 2
    assert "config.toml line 2: unknown key 'font_stpe' in [reader]" in err

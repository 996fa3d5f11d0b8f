"""Loading, writing and showing the configuration file."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from hnreader import config as config_module
from hnreader.config import Config, LogConfig, NetworkConfig, ReaderConfig, SiteConfig
from hnreader.config_file import (
    KEY_DOCS,
    ConfigError,
    config_path,
    config_to_toml,
    default_config_text,
    load_config,
    parse_config,
    resolve_data_dir,
    write_default_config,
)

SECTIONS = {"network": NetworkConfig, "reader": ReaderConfig, "log": LogConfig, "sites": SiteConfig}


def every_key() -> list[str]:
    keys = []
    for field in dataclasses.fields(Config):
        section = SECTIONS.get(field.name)
        if section is None:
            keys.append(field.name)
        else:
            keys.extend(f"{field.name}.{inner.name}" for inner in dataclasses.fields(section))
    return keys


def uncomment(text: str) -> str:
    """Turn every commented ``# key = value`` line (and ``# [[sites]]``) into a live one."""
    return re.sub(r"^# (\[\[sites\]\]|\"?[a-z_.]+\"? = .*)$", r"\1", text, flags=re.MULTILINE)


def test_environment_variable_chooses_the_file(config_file: Path) -> None:
    assert config_path() == config_file


def test_first_run_writes_the_commented_example_and_uses_defaults(config_file: Path) -> None:
    assert load_config() == Config()
    assert config_file.read_text(encoding="utf-8") == default_config_text()
    assert load_config() == Config()  # every line is a comment: still the defaults


def test_the_example_is_never_overwritten(config_file: Path) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text('[reader]\ntheme = "light"\n', encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_default_config(config_file)
    assert load_config().reader.theme == "light"


def test_an_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "absent.toml")


def test_every_key_is_documented_in_the_example_with_its_default() -> None:
    text = default_config_text()
    assert "\n[keymap]\n" in text
    for key in every_key():
        assert key in KEY_DOCS, key
        if key != "keymap":
            assert re.search(rf"^# {re.escape(key.split('.')[-1])} = ", text, re.MULTILINE), key


def test_uncommenting_the_example_gives_the_defaults_where_they_are_set() -> None:
    loaded = parse_config(uncomment(default_config_text()))
    for section_name in ("network", "reader", "log"):
        section, default = getattr(loaded, section_name), getattr(Config(), section_name)
        for field in dataclasses.fields(section):
            if getattr(default, field.name) is not None:
                assert getattr(section, field.name) == getattr(default, field.name), field.name
    assert len(loaded.sites) == 1
    assert loaded.sites[0].verify_tls is True


def test_docs_reference_every_key_with_its_default() -> None:
    reference = (Path(__file__).parents[2] / "docs" / "CONFIG.md").read_text(encoding="utf-8")
    defaults = parse_config(uncomment(default_config_text()))
    for key in every_key():
        assert f"`{key}`" in reference, key
    for section_name in ("network", "reader", "log"):
        for field in dataclasses.fields(getattr(defaults, section_name)):
            value = getattr(getattr(Config(), section_name), field.name)
            if value is not None:
                row = next(
                    line
                    for line in reference.splitlines()
                    if f"`{section_name}.{field.name}`" in line
                )
                shown = str(value).lower() if isinstance(value, bool) else str(value)
                assert shown in row, (field.name, row)


def test_show_round_trips_hostile_strings_and_dotted_binding_ids() -> None:
    config = Config(
        reader=ReaderConfig(theme="high-contrast", font_step="huge", font_path='C:\\字体\\"x".ttc'),
        keymap={"reader.font_bigger": "plus,=", "quit": "q"},
        data_dir="/data/新 库\nline",
        sites=(
            SiteConfig(
                "甲站",
                "https://a.example.cn/",
                rate_limit=1.5,
                include=("新闻中心/工作动态",),
                verify_tls=False,
                encoding="gb18030",
                robots=False,
            ),
            SiteConfig('乙 "站"', "http://b.example.cn/"),
        ),
        log=LogConfig(level="debug", file="/tmp/h.log"),
    )
    assert parse_config(config_to_toml(config)) == config


def test_sites_toml_beside_the_file_is_merged(config_file: Path) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text('[[sites]]\nname = "甲"\nurl = "http://a.example.cn/"\n', "utf-8")
    sites = config_file.with_name("sites.toml")
    sites.write_text('[[sites]]\nname = "乙"\nurl = "http://b.example.cn/"\n', "utf-8")
    assert [s.name for s in load_config().sites] == ["甲", "乙"]
    sites.write_text('[[sites]]\nname = "甲"\nurl = "http://c.example.cn/"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"config\.toml and sites\.toml: the site name '甲'"):
        load_config()


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(data_dir="/from/config")
    monkeypatch.delenv("HNREADER_DATA_DIR", raising=False)
    assert resolve_data_dir("/from/option", config) == "/from/option"
    assert resolve_data_dir(None, config) == "/from/config"
    monkeypatch.setenv("HNREADER_DATA_DIR", "/from/env")
    assert resolve_data_dir(None, config) is None  # hnreader.paths reads the variable


def test_config_module_keeps_its_public_names() -> None:
    assert {"Config", "SiteConfig", "NetworkConfig", "ReaderConfig", "LogConfig"} <= set(
        vars(config_module)
    )

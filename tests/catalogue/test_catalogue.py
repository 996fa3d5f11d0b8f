"""The site catalogue: built-in sites, user sites, and finding a site by name or address."""

from __future__ import annotations

from pathlib import Path

import pytest

from hnreader.catalogue import (
    BUILTIN_SITES,
    FLAGSHIP_NAME,
    SiteAddressUnknown,
    SiteNotFound,
    all_sites,
    flagship,
    load_user_sites,
    remember_address,
    remove_user_site,
    resolve_site,
    save_user_site,
)
from hnreader.config import Config, SiteConfig
from hnreader.config_file import load_config


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("HNREADER_CONFIG", str(path))
    return path


def test_builtin_sites() -> None:
    names = [site.name for site in BUILTIN_SITES]
    assert names == [
        FLAGSHIP_NAME,
        "湖南省人民政府",
        "湖南省民政厅",
        "湖南省人力资源和社会保障厅",
        "娄星在线",
    ]
    assert flagship(Config()).url == ""
    assert resolve_site("湖南省民政厅", Config()).url == "https://mzt.hunan.gov.cn/"


def test_the_flagship_needs_its_address_first() -> None:
    with pytest.raises(SiteAddressUnknown, match="hnreader sites add URL --name 湖南社会工作"):
        resolve_site(FLAGSHIP_NAME, Config())


def test_remembered_flagship_address_is_used(config_file: Path) -> None:
    remember_address(FLAGSHIP_NAME, "http://shgz.example.cn/", config_file)
    config = load_config(create=False)
    assert resolve_site(FLAGSHIP_NAME, config) == SiteConfig(
        FLAGSHIP_NAME, "http://shgz.example.cn/"
    )
    assert [s.name for s in all_sites(config)].count(FLAGSHIP_NAME) == 1


def test_an_address_of_a_catalogue_site_gives_its_settings() -> None:
    for given in ("http://mzt.hunan.gov.cn", "mzt.hunan.gov.cn", "https://MZT.hunan.gov.cn/"):
        site = resolve_site(given, Config())
        assert site.name == "湖南省民政厅"
        assert site.rate_limit == BUILTIN_SITES[2].rate_limit


def test_any_other_address_gives_a_site_with_default_settings() -> None:
    site = resolve_site("news.example.cn:8080", Config())
    assert site == SiteConfig("news.example.cn:8080", "http://news.example.cn:8080/")


def test_a_misspelt_name_suggests_close_ones() -> None:
    with pytest.raises(SiteNotFound, match="did you mean '湖南省民政厅'"):
        resolve_site("湖南民政厅", Config())


def test_a_user_site_replaces_the_builtin_of_the_same_name() -> None:
    mine = SiteConfig("湖南省人民政府", "https://www.hunan.gov.cn/", verify_tls=False)
    config = Config(sites=(mine, SiteConfig("我的站", "http://mine.example.cn/")))
    sites = all_sites(config)
    assert len(sites) == len(BUILTIN_SITES) + 1
    assert resolve_site("湖南省人民政府", config).verify_tls is False
    assert resolve_site("我的站", config).url == "http://mine.example.cn/"


def test_sites_toml_add_replace_remove(config_file: Path) -> None:
    first = SiteConfig("甲", "http://a.example.cn/", include=("新闻中心/工作动态",), encoding="gbk")
    assert save_user_site(first, config_file) is False
    assert save_user_site(SiteConfig("乙", "http://b.example.cn/"), config_file) is False
    changed = SiteConfig("甲", "http://a.example.cn/", robots=False)
    assert save_user_site(changed, config_file) is True
    assert load_user_sites(config_file) == (changed, SiteConfig("乙", "http://b.example.cn/"))
    assert remove_user_site("甲", config_file) is True
    assert remove_user_site("甲", config_file) is False
    assert [s.name for s in load_config(create=False).sites] == ["乙"]

"""Mistakes in the configuration file are rejected with the file, line, key and a suggestion."""

from __future__ import annotations

import pytest

from hnreader.config_file import ConfigError, parse_config, parse_sites

GOOD_TOP = """\
# my settings
data_dir = "~/library"

[network]
read_timeout = 30

[reader]
"""


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def error_for(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    return str(caught.value)


def test_misspelt_key_names_line_table_and_suggestion() -> None:
    text = GOOD_TOP + 'font_stpe = "large"\n'
    message = error_for(text)
    assert message == (
        f"config.toml line {line_of(text, 'font_stpe')}: unknown key 'font_stpe' in [reader];"
        " did you mean 'font_step'?"
    )


def test_misspelt_table_is_reported_at_its_header() -> None:
    text = 'data_dir = "/srv/lib"\n\n[raeder]\ntheme = "light"\n'
    assert error_for(text) == (
        f"config.toml line {line_of(text, '[raeder]')}: unknown key 'raeder'; "
        "did you mean 'reader'?"
    )


def test_unknown_key_without_close_match_lists_the_known_keys() -> None:
    message = error_for('[network]\nproxy = "http://x"\n')
    assert "unknown key 'proxy' in [network]; known keys: connect_timeout, read_timeout" in message


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        (
            '[reader]\ntheme = "blue"',
            "[reader] theme must be one of 'dark', 'light', 'high-contrast'",
        ),
        ("[reader]\nshow_ruby = 1", "[reader] show_ruby must be true or false, not 1"),
        ("[network]\nretries = 2.5", "[network] retries must be a whole number, not 2.5"),
        ("[network]\nretries = true", "[network] retries must be a whole number, not True"),
        ('[network]\nread_timeout = "20"', "[network] read_timeout must be a number, not '20'"),
        ("[network]\nconnect_timeout = 0", "connect_timeout must be a number of seconds above 0"),
        (
            "[network]\nper_host_concurrency = 0",
            "per_host_concurrency must be a whole number from 1",
        ),
        ('[log]\nlevel = "loud"', "[log] level must be one of 'debug', 'info'"),
        ('data_dir = ""', "data_dir must be a directory path that is not empty"),
        ("reader = 3", "reader must be a table, not 3"),
        ('[keymap]\n"reader.bigger" = ""', "[keymap] reader.bigger must be keys such as 'j,down'"),
    ],
)
def test_wrong_values_are_named_with_their_line(assignment: str, expected: str) -> None:
    text = "# header\n\n" + assignment + "\n"
    message = error_for(text)
    assert expected in message
    assert message.startswith(f"config.toml line {line_of(text, assignment.splitlines()[-1])}:")


def test_errors_in_the_second_site_table_point_at_its_lines() -> None:
    text = (
        '[[sites]]\nname = "甲"\nurl = "http://a.example.cn/"\n\n'
        '[[sites]]\nname = "乙"\nurl = "ftp://b.example.cn/"\n'
    )
    message = error_for(text)
    assert message.startswith(f"config.toml line {line_of(text, 'ftp://')}:")
    assert "[[sites]] number 2 url must be an http(s) address" in message


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ('name = "甲"', "config.toml line 1: [[sites]] number 1 needs 'url'"),
        (
            'name = "甲"\nurl = "http://a.cn/"\nencoding = "gbk2"',
            "must be an encoding Python knows",
        ),
        ('name = "甲"\nurl = "http://a.cn/"\nrate_limit = 0', "requests per second above 0"),
        ('name = "甲"\nurl = "http://a.cn/"\ninclude = "新闻中心"', "must be an array of strings"),
        ('name = "甲"\nurl = "http://a.cn/"\nverify_tls = "no"', "must be true or false"),
        ('name = "甲"\nurl = "http://a.cn/"\nrobot = false', "did you mean 'robots'?"),
    ],
)
def test_site_tables_are_checked(site: str, expected: str) -> None:
    assert expected in error_for("[[sites]]\n" + site + "\n")


def test_duplicate_site_names_are_rejected_ignoring_case() -> None:
    text = '[[sites]]\nname = "Demo"\nurl = "http://a.cn/"\n[[sites]]\nname = "demo"\nurl = "http://b.cn/"\n'
    assert "the site name 'demo' is used twice" in error_for(text)


def test_invalid_toml_says_where() -> None:
    message = error_for('[reader]\ntheme = "dark\n')
    assert message.startswith("config.toml: not valid TOML:")
    assert "line 2" in message


def test_sites_file_accepts_only_site_tables() -> None:
    with pytest.raises(ConfigError, match=r"sites\.toml line 1: unknown key 'reader'"):
        parse_sites('[reader]\ntheme = "dark"\n')


def test_keymap_ids_are_checked_when_the_reader_says_which_exist() -> None:
    text = '[keymap]\nquit = "q"\n"reader.font_biger" = "plus"\n'
    known = {"quit", "reader.font_bigger", "reader.font_smaller"}
    assert parse_config(text).keymap["reader.font_biger"] == "plus"  # no list: not checked
    with pytest.raises(ConfigError) as caught:
        parse_config(text, known_bindings=known)
    assert str(caught.value) == (
        "config.toml line 3: unknown key 'reader.font_biger' in [keymap]; "
        "did you mean 'reader.font_bigger'?"
    )

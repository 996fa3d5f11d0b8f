"""Saving attachments: hostile names become safe ones, files are never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hnreader.downloads import (
    MAX_NAME_BYTES,
    attachment_file_name,
    is_fetchable,
    safe_file_name,
    save_download,
)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("实施方案.pdf", "实施方案.pdf"),
        ("../../.bashrc", "_.._.bashrc"),
        ("/etc/passwd", "_etc_passwd"),
        ("C:\\Windows\\win.ini", "C__Windows_win.ini"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1.tar.gz", "_com1.tar.gz"),
        ("报告\x00\x1b[2J\u202e.pdf", "报告[2J.pdf"),
        ('a<b>c:d|e?f*g".doc', "a_b_c_d_e_f_g_.doc"),
        ("名单. . .", "名单"),
        ("...", "attachment"),
        ("", "attachment"),
    ],
)
def test_hostile_names_become_safe(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_long_names_are_cut_to_the_byte_limit_keeping_the_extension() -> None:
    for name in ("x" * 300 + ".pdf", "报" * 300 + ".docx"):
        safe = safe_file_name(name)
        assert len(safe.encode()) <= MAX_NAME_BYTES
        assert safe.endswith(name[-5:].lstrip("x报"))
        assert safe[:1] == name[:1]


@given(st.text(max_size=400))
def test_any_name_is_one_plain_file_name(name: str) -> None:
    safe = safe_file_name(name)
    assert safe
    assert len(safe.encode()) <= MAX_NAME_BYTES
    assert not {"/", "\\", "\x00"} & set(safe)
    assert not safe.startswith(".")
    assert not safe.endswith((".", " "))
    assert Path(safe).name == safe


def test_attachment_names_take_the_link_text_and_the_url_extension() -> None:
    assert attachment_file_name("实施方案", "http://x.invalid/u/abc.pdf") == "实施方案.pdf"
    assert attachment_file_name("名单.xlsx", "http://x.invalid/f/9.xlsx", "xlsx") == "名单.xlsx"
    assert attachment_file_name("", "http://x.invalid/u/%E6%8A%A5%E5%91%8A.doc") == "报告.doc"


def test_only_http_and_https_are_fetched() -> None:
    assert is_fetchable("https://x.invalid/a.pdf")
    assert is_fetchable("HTTP://x.invalid/a.pdf")
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/plain,hi", "ftp://x/a"):
        assert not is_fetchable(url)


def test_downloads_are_written_and_never_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "downloads"
    first = save_download(b"one", "../报告.pdf", folder)
    second = save_download(b"two", "../报告.pdf", folder)
    assert first == folder / "_报告.pdf"
    assert second == folder / "_报告 (2).pdf"
    assert first.read_bytes() == b"one"
    assert second.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "_报告 (2).pdf",
        "_报告.pdf",
    ]

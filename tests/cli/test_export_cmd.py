"""``hnreader export`` from a filled library, offline."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "export"))

from export_samples import ARTICLES, fill

from hnreader.cli import main
from hnreader.store import Store


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HNREADER_CONFIG", str(tmp_path / "conf" / "config.toml"))
    monkeypatch.delenv("HNREADER_DATA_DIR", raising=False)
    directory = tmp_path / "data"
    with Store.open(directory) as store:
        fill(store)
    return directory


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["export", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_export_an_article_as_markdown(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "a.md"
    status, out, _ = export(capsys, ARTICLES[1].url, "-o", str(target), "--data-dir", str(library))
    assert (status, out) == (0, f"wrote {target}\n")
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# {ARTICLES[1].title}\n")
    assert "| 测血压 | ４５ |" in text


def test_export_a_section_as_html_with_embedded_images(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "section.html"
    status, _, err = export(
        capsys, "--section", "新闻中心/工作动态", "-o", str(target), "--data-dir", str(library)
    )
    assert status == 0
    assert err == "note: 1 listed articles are not stored and were left out\n"
    html = target.read_text(encoding="utf-8")
    assert html.count("<article>") == len(ARTICLES)
    assert html.count('src="data:image/png;base64,') == len(ARTICLES)
    assert "&lt;script&gt;" in html
    assert "<script" not in html


def test_export_recent_articles_of_a_section_as_epub(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "book"
    status, _, _ = export(
        capsys,
        "--section",
        "新闻中心/工作动态",
        "--since",
        "2025-03-01",
        "--format",
        "epub",
        "-o",
        str(target),
        "--data-dir",
        str(library),
    )
    assert status == 0
    names = zipfile.ZipFile(target).namelist()
    assert names[0] == "mimetype"
    assert sorted(n for n in names if "chapter-" in n) == [
        "EPUB/chapter-0001.xhtml",
        "EPUB/chapter-0002.xhtml",
    ]
    assert not target.with_name("book.part").exists()


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--section", "新闻中心/工作动", "-o", "x.md"], 1, "did you mean '新闻中心/工作动态'"),
        (["http://export.example.cn/none.html", "-o", "x.md"], 1, "is not in the library"),
        (["--section", "新闻中心/工作动态", "-o", "x.txt"], 2, "give --format md, html or epub"),
        (["-o", "x.md"], 2, "give either an article address or --section PATH"),
    ],
)
def test_export_errors_are_clear(
    library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    status: int,
    message: str,
) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = export(capsys, *args, "--data-dir", str(library))
    assert result[0] == status
    assert message in result[2]
    assert not list(tmp_path.glob("x.*"))

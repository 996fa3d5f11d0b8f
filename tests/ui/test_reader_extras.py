"""The reader's export (e) and read-aloud (r) keys, with a real file and a real speech engine."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from test_reader_harness import ReaderApp

from hnreader.models import Article, Block

ARTICLE = Article(
    url="http://example.test/content/1/2/3.html",
    title="示例县开展[bold]志愿服务[/]活动",
    source="示例县融媒体中心",
    published="2025-01-02T09:00:00",
    blocks=(
        Block("paragraph", "近日，示例县组织志愿者走进社区，开展义诊和政策宣讲。"),
        Block("paragraph", "活动共服务群众三百余人次。"),
    ),
)


async def test_e_exports_the_article_as_markdown(tmp_path: Path) -> None:
    app = ReaderApp(download_dir=tmp_path)
    async with app.run_test() as pilot:
        await app.reader.show_article(ARTICLE)
        app.reader.focus()
        await pilot.press("e")
        await pilot.pause()
    (written,) = tmp_path.glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert "近日，示例县组织志愿者走进社区" in text
    assert "示例县融媒体中心" in text


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
async def test_r_reads_aloud_and_r_again_stops(tmp_path: Path) -> None:
    app = ReaderApp(download_dir=tmp_path)
    async with app.run_test() as pilot:
        reader = app.reader
        reader.read_aloud.record_to = tmp_path  # no speakers here: write the audio instead
        await reader.show_article(ARTICLE)
        reader.focus()
        await pilot.press("r")
        for _ in range(200):
            if list(tmp_path.glob("*.wav")):
                break
            await asyncio.sleep(0.05)
        assert list(tmp_path.glob("*.wav")), "the engine wrote the first paragraph's audio"
        if reader.read_aloud.speaking:
            await pilot.press("r")
            await pilot.pause()
        assert not reader.read_aloud.speaking

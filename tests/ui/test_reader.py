"""The reader driven by keys and clicks: font steps, ruby, script, attachments, images."""

from __future__ import annotations

from pathlib import Path

from test_reader_harness import ReaderApp, demo_article, demo_url
from textual.widgets import Static
from ui_helpers import wait_for, workers_done

from hnreader.demo.server import DemoServer
from hnreader.models import Article, Attachment, Block
from hnreader.render.script import to_script
from hnreader.ui.widgets.reader import INDENT, ArticleReader
from hnreader.ui.widgets.reader_image import ReaderImage
from hnreader.ui.widgets.reader_text import ArticleText

SIZE = (100, 40)
SHORT = Article(
    url="http://site.invalid/1.html",
    title="湖南社会工作",  # 12 cells at 中
    blocks=(Block("paragraph", text="第一段。"),),
)


def _steps(app: ReaderApp) -> list[str]:
    return [e.step for e in app.heard if isinstance(e, ArticleReader.FontStepChanged)]


def _title(app: ReaderApp) -> ArticleText:
    return app.reader.query(ArticleText).first()


async def test_plus_minus_and_zero_change_the_font_step_and_say_so() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.reader.show_article(SHORT)
        app.reader.focus()
        await pilot.press("plus")
        await pilot.press("equals_sign")
        await pilot.press("plus")  # already 特大: nothing changes, nothing is said
        assert app.reader.font_step == "huge"
        await pilot.press("minus", "minus", "minus")
        assert app.reader.font_step == "small"
        await pilot.press("0")
        await pilot.pause()
        assert app.reader.font_step == "medium"
        assert _steps(app) == ["large", "huge", "large", "medium", "small", "medium"]


async def test_clicking_the_header_steps_and_the_api_does_not_post() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.reader.show_article(SHORT)
        for step in ("large", "small", "huge", "medium"):
            await pilot.click(f"#font-{step}")
            await pilot.pause()
            assert app.reader.font_step == step
            assert app.reader.query_one(f"#font-{step}").has_class("-active")
        assert _steps(app) == ["large", "small", "huge", "medium"]
        await app.reader.set_font_step("large")
        assert app.reader.font_step == "large"
        assert _steps(app) == ["large", "small", "huge", "medium"]


async def test_large_text_really_takes_three_and_four_times_the_rows_and_columns() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.reader.show_article(SHORT)
        await pilot.pause()
        title = _title(app)
        at_medium = title.layout_for(title.size.width)
        assert (at_medium.height, len(at_medium.lines[0].text) * 2) == (1, 12)
        for step, scale in (("large", 3), ("huge", 4)):
            await app.reader.set_font_step(step)  # type: ignore[arg-type]
            await pilot.pause()
            assert title.size.height == scale
            drawn = [title.render_line(y).text.strip() for y in range(title.size.height)]
            assert all(len(row) >= 0.9 * scale * 12 for row in drawn[:1]), drawn
            assert max(len(row) for row in drawn) <= scale * 12


async def test_without_a_cjk_font_the_reader_stays_at_medium_and_says_why(tmp_path: Path) -> None:
    app = ReaderApp(font_path=str(tmp_path / "no-such-font.ttc"))
    async with app.run_test(size=SIZE) as pilot:
        await app.reader.show_article(SHORT)
        app.reader.focus()
        await pilot.press("plus")
        await pilot.pause()
        assert app.reader.font_step == "medium"
        hints = [e.hint for e in app.heard if isinstance(e, ArticleReader.FontUnavailable)]
        assert len(hints) == 1
        assert "no-such-font.ttc" in hints[0]
        assert "fonts-noto-cjk" in hints[0]
        assert _steps(app) == []


async def test_ruby_readings_and_the_script_toggle(demo_server: DemoServer) -> None:
    chosen = demo_article("ruby")
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        article = await app.session.article(demo_url(demo_server.base_url, chosen))
        assert article.ruby, "the demo ruby page has readings"
        await app.reader.show_article(article)
        base, reading = article.ruby[0]
        assert f"{base}({reading})" not in app.reader.shown_text
        await app.reader.set_show_ruby(True)
        assert f"{base}({reading})" in app.reader.shown_text
        await app.reader.set_show_ruby(False)
        assert f"{base}({reading})" not in app.reader.shown_text

        assert article.title is not None
        await app.reader.set_script("simplified")
        simplified = to_script(article.title, "simplified")
        assert simplified != article.title  # the ruby page is in traditional script
        assert app.reader.shown_text.splitlines()[0] == simplified
        await app.reader.set_script("traditional")
        assert app.reader.shown_text.splitlines()[0] == to_script(simplified, "traditional")
        await pilot.pause()


async def test_enter_on_an_attachment_downloads_it(demo_server: DemoServer, tmp_path: Path) -> None:
    chosen = demo_article("attachments")
    app = ReaderApp(download_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        article = await app.session.article(demo_url(demo_server.base_url, chosen))
        await app.reader.show_article(article)
        app.reader.focus()
        await pilot.press("a", "enter")
        first = article.attachments[0]
        await wait_for(pilot, lambda: first.url in app.reader.saved, "the download")
        saved = app.reader.saved[first.url]
        assert saved.parent == tmp_path
        assert saved.suffix == f".{first.type}"
        expected = (await app.fetcher.fetch(first.url)).content
        assert saved.read_bytes() == expected
        chosen_events = [e for e in app.heard if isinstance(e, ArticleReader.AttachmentChosen)]
        assert [e.attachment for e in chosen_events] == [first]


async def test_script_links_are_never_fetched(tmp_path: Path) -> None:
    hostile = Article(
        url="http://site.invalid/2.html",
        title="附件",
        attachments=(
            Attachment("../../evil.sh", "javascript:alert(1)", "sh"),
            Attachment("passwd", "file:///etc/passwd"),
        ),
    )
    app = ReaderApp(download_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.reader.show_article(hostile)
        app.reader.focus()
        await pilot.press("a", "enter", "down", "enter")
        await workers_done(app)
        await pilot.pause()
        assert len([e for e in app.heard if isinstance(e, ArticleReader.AttachmentChosen)]) == 2
        assert app.reader.saved == {}
        assert list(tmp_path.iterdir()) == []


async def test_images_are_drawn_inline_with_their_caption(demo_server: DemoServer) -> None:
    chosen = demo_article("images")
    app = ReaderApp(images="half-cell")
    async with app.run_test(size=SIZE) as pilot:
        article = await app.session.article(demo_url(demo_server.base_url, chosen))
        await app.reader.show_article(article)
        images = list(app.reader.query(ReaderImage))
        assert len(images) == len(article.images)
        await wait_for(pilot, lambda: all(image.loaded for image in images), "the images")
        pictures = [image.query_one(".image-picture", Static) for image in images]
        drawn = [line.text for p in pictures for line in p.render_lines(p.region.reset_offset)]
        assert drawn
        assert all(line.strip() and set(line.strip()) <= {"▀"} for line in drawn), drawn
        captions = [str(s.render()) for image in images for s in image.query(".image-caption")]
        assert captions == [i.caption for i in article.images if i.caption]


async def test_a_long_article_opens_at_huge_and_scrolls(demo_server: DemoServer) -> None:
    chosen = demo_article("long")
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        article = await app.session.article(demo_url(demo_server.base_url, chosen))
        assert len(article.text) > 15_000
        await app.reader.set_font_step("huge")
        await app.reader.show_article(article)
        await pilot.pause()
        assert app.reader.max_scroll_y > 4 * len(article.text) // 24  # 24 characters a line
        app.reader.focus()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert app.reader.scroll_y > 0
        first = next(block for block in article.blocks if block.kind == "paragraph")
        assert INDENT + first.text in app.reader.shown_text.splitlines()


async def test_settings_and_content_given_before_mounting_are_shown() -> None:
    app = ReaderApp()
    reader = ArticleReader(images="never")
    await reader.set_script("traditional")
    await reader.set_show_ruby(True)
    await reader.set_font_step("large")
    async with app.run_test(size=SIZE) as pilot:
        await app.mount(reader)
        await pilot.pause()
        assert reader.font_step == "large"
        assert reader.query_one("#font-large").has_class("-active")
        await reader.show_article(SHORT)
        await pilot.pause()
        assert reader.shown_text.splitlines()[0] == "湖南社會工作"
        assert _title_of(reader).size.height == 3


def _title_of(reader: ArticleReader) -> ArticleText:
    return reader.query(ArticleText).first()

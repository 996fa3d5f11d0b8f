"""Markdown and HTML exports keep the article's structure and never let page text act."""

from __future__ import annotations

from html.parser import HTMLParser

from export_samples import ARTICLES, HOSTILE, SITE
from markdown_it import MarkdownIt

from hnreader.export import (
    article_to_html,
    article_to_markdown,
    articles_to_html,
    articles_to_markdown,
)
from hnreader.export.safety import safe_link


class Tags(HTMLParser):
    """Collects the tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def assert_safe(tags: Tags) -> None:
    assert not tags.named("script")
    for _, attrs in tags.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            assert "javascript:" not in (value or "").lower(), value


def test_markdown_renders_back_to_the_same_structure() -> None:
    article = ARTICLES[0]
    text = article_to_markdown(article)
    assert text.startswith(f"# {article.title}\n")
    assert "来源：示例社工报 · 时间：2025-03-20T09:30:00 · 作者：赵六 · 责编：钱七" in text
    tags = parse(MarkdownIt("commonmark").enable("table").render(text))
    assert_safe(tags)
    rendered = "".join(tags.text)
    assert HOSTILE in rendered  # the hostile text survives as text
    assert [a["src"] for a in tags.named("img")] == [
        f"{SITE}/img/1.png",
        f"{SITE}/img/not-stored.jpg",
    ]
    assert [a["href"] for a in tags.named("a")] == [f"{SITE}/files/1.xlsx", article.url]
    assert "恶意附件" in rendered
    assert len(tags.named("h2")) == 1
    assert len(tags.named("table")) == 1
    assert len(tags.named("tr")) == 3
    assert "1|2" in rendered  # a pipe in a cell stays in it
    assert rendered.count("志愿者在服务站为老人测量血压") == 1


def test_markdown_of_a_section_has_every_article() -> None:
    text = articles_to_markdown("示例社工网 · 工作动态", ARTICLES)
    tags = parse(MarkdownIt("commonmark").enable("table").render(text))
    assert [t for t, _ in tags.tags if t in ("h1", "h2")].count("h2") == len(ARTICLES)
    assert len(tags.named("hr")) == len(ARTICLES)


def test_html_is_escaped_and_keeps_blocks() -> None:
    article = ARTICLES[0]
    html = article_to_html(article)
    tags = parse(html)
    assert_safe(tags)
    assert HOSTILE in "".join(tags.text)
    assert len(tags.named("p")) >= 4  # meta, two paragraphs, source
    assert len(tags.named("td")) == 6
    assert [a["href"] for a in tags.named("a")] == [f"{SITE}/files/1.xlsx", article.url]
    assert [a["src"] for a in tags.named("img")] == [
        f"{SITE}/img/1.png",
        f"{SITE}/img/not-stored.jpg",
    ]
    assert "<figcaption>服务站</figcaption>" in html
    assert html.startswith("<!DOCTYPE html>")


def test_html_image_source_replaces_or_drops_images() -> None:
    stored = {f"{SITE}/img/1.png": "data:image/png;base64,AAAA"}
    tags = parse(articles_to_html("书", ARTICLES[:1], image_src=stored.get))
    assert [a["src"] for a in tags.named("img")] == ["data:image/png;base64,AAAA"]
    assert "[图片：未存图片]" in "".join(tags.text)


def test_only_safe_links_pass() -> None:
    assert safe_link("https://a.cn/x") == "https://a.cn/x"
    assert safe_link("../files/a.pdf") == "../files/a.pdf"
    assert safe_link(" JavaScript:alert(1)") is None
    assert safe_link("data:text/html;base64,AAAA", allow_data_image=True) is None
    assert safe_link("data:image/png;base64,AAAA") is None
    assert safe_link("data:image/png;base64,AAAA", allow_data_image=True) is not None
    assert safe_link("http://a.cn/\nx") is None

"""Articles and pages written for the store's tests (no text from any real site)."""

from __future__ import annotations

from hnreader.models import Article, Attachment, Block, Image, Page

SITE = "http://news.example.cn"


def make_article(number: int, title: str, *paragraphs: str, section: str = "gzdt") -> Article:
    """An article with every kind of block, its text made for these tests."""
    return Article(
        url=f"{SITE}/xwzx/{section}/202412/t20241205_{number}.html",
        title=title,
        source="测试通讯社",
        published="2024-12-05T16:12:53",
        author="李四",
        editor="王五",
        breadcrumb=("首页", "新闻中心", "工作动态"),
        blocks=(
            *(Block("paragraph", text) for text in paragraphs),
            Block("heading", "二、下一步打算"),
            Block("image", image=Image(f"{SITE}/img/{number}.jpg", alt="活动现场", caption=None)),
            Block("table", rows=(("项目", "数量"), ("志愿者", "１２０"))),
        ),
        attachments=(Attachment("附件：报名表", f"{SITE}/files/{number}.docx", "docx"),),
        fields=(("索引号", f"000-{number:04d}"), ("发文字号", "测〔2024〕1号")),
        encoding="utf-8",
        warnings=("没有找到作者",),
    )


def html_page(article: Article) -> Page:
    """A raw page for ``article``, with validators as a server would send them."""
    body = f"<html><body><h1>{article.title}</h1>{article.text}</body></html>" * 4
    return Page(
        url=article.url,
        content=body.encode("utf-8"),
        content_type="text/html; charset=utf-8",
        headers={"etag": '"abc-1"', "last-modified": "Thu, 05 Dec 2024 08:12:53 GMT"},
    )

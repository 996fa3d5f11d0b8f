"""Tests for multi-page articles: finding the later pages and stitching them."""

from hnreader.extract.api import extract_article
from hnreader.extract.continuation import continuation_urls, next_page_url, stitch

PAGE = """<html><head><meta charset="utf-8"><title>分页文章</title></head><body>
<h1>分页文章</h1><div class="info">发布时间：2024-03-02 09:15</div>
<div class="content"><p>{text}</p></div>
<div class="pages">{links}</div>
<ul class="related"><li><a href="/202403/t20240302_1002.html">同日另一篇文章</a></li></ul>
</body></html>"""
BASE = "https://www.example.gov.cn/xw/202403/"


def page(text: str, links: str) -> str:
    return PAGE.format(text=text, links=links)


def test_numbered_links_and_next_link_on_the_first_page() -> None:
    links = (
        '<a href="t20240302_1001_2.html">2</a> <a href="t20240302_1001_3.html">3</a> '
        '<a href="t20240302_1001_2.html">下一页</a>'
    )
    html = page("第一页的正文内容。", links)
    url = BASE + "t20240302_1001.html"
    assert continuation_urls(html, url) == [
        BASE + "t20240302_1001_2.html",
        BASE + "t20240302_1001_3.html",
    ]
    assert next_page_url(html, url) == BASE + "t20240302_1001_2.html"


def test_on_a_middle_page_only_later_pages_count() -> None:
    html = page(
        "第二页。", '<a href="t20240302_1001.html">1</a> <a href="t20240302_1001_3.html">3</a>'
    )
    assert continuation_urls(html, BASE + "t20240302_1001_2.html") == [
        BASE + "t20240302_1001_3.html"
    ]


def test_last_page_and_single_page_articles_have_no_continuation() -> None:
    last = page("最后一页。", '<a href="t20240302_1001_2.html">上一页</a>')
    assert continuation_urls(last, BASE + "t20240302_1001_3.html") == []
    assert next_page_url(page("单页文章。", ""), BASE + "t20240302_1001.html") is None


def test_trs_create_page_html_is_zero_based() -> None:
    html = page("正文。", '<script>createPageHTML(3, 0, "t20240302_1001", "html");</script>')
    assert continuation_urls(html, BASE + "t20240302_1001.html") == [
        BASE + "t20240302_1001_1.html",
        BASE + "t20240302_1001_2.html",
    ]


def test_stitch_appends_pages_in_order() -> None:
    links = '<a href="t20240302_1001_2.html">下一页</a>'
    first_url, second_url = BASE + "t20240302_1001.html", BASE + "t20240302_1001_2.html"
    first = extract_article(
        page("第一页的正文，内容足够长，可以被识别为正文段落。", links), first_url
    )
    second = extract_article(
        page("第二页的正文，内容同样足够长，可以被识别为正文。", ""), second_url
    )
    whole = stitch(first, second)
    assert whole.paragraphs == [first.paragraphs[0], second.paragraphs[0]]
    assert whole.title == "分页文章"
    assert whole.url == first_url

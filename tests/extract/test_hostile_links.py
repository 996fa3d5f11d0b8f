"""Links that are no valid URL (``http://[bad/``, bad ports, control characters) never fail a page.

``urljoin`` and ``urlsplit`` raise ``ValueError`` on unbalanced IPv6 brackets and on hosts that
change under NFKC normalisation; such a link is dropped (or its text kept as text), and the rest
of the page is extracted as usual.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from hnreader.extract import api

HOSTILE_HREFS = (
    "http://[bad/x.html",
    "http://[bad/x.pdf",
    "//[::1/a.doc",
    "http://]/",
    "https://[::1]:70000/y.doc",
    "http://x:99999/",
    "http://x:99999/a.pdf",
    "http://x:port/b.xls",
    "http://a\uff03b/c.pdf",  # a full-width # in the host: rejected after NFKC normalisation
    "http://ex\u2100ample/d.zip",
    "http://\x1b[31mred/",  # an escape sequence whose [ opens an unbalanced IPv6 host
)
# Control characters: the parser and ``safe_url`` clean them; the page must come through.
CONTROL_HREFS = ("http://h\x00st/e.pdf", "java\tscript:alert(1)", "/a\x07b\u202e.pdf", "\x7f//h")
ARTICLE_URL = "http://www.example.gov.cn/xw/202405/t20240506_1.html"
LIST_URL = "http://www.example.gov.cn/xw/index.html"
GOOD_FILE = "/files/report.pdf"


def _article_page(href: str, *, with_base: bool = False) -> str:
    base = f'<base href="{href}">' if with_base else ""
    return f"""<html><head><title>县里召开春耕生产工作会议_示例县人民政府</title>{base}</head>
<body><ul class="nav"><li><a href="{href}">首页</a></li><li><a href="/zw/">政务</a></li></ul>
<div class="position">当前位置：<a href="{href}">首页</a> &gt; <a href="/xw/">新闻</a></div>
<div class="main"><h1>县里召开春耕生产工作会议</h1>
<div id="zoom"><p>县里召开春耕生产工作会议，部署全县春耕备耕各项工作，要求抓好农资供应。</p>
<p>会议指出，要<a href="{href}">落实好种粮补贴</a>，确保春耕生产顺利推进。</p>
<p><img src="{href}" alt="会场"></p>
<p>附件：<a href="{href}">坏附件.pdf</a> <a href="{GOOD_FILE}">好附件.pdf</a></p></div>
<div class="att"><a href="{href}">另一个附件.doc</a></div></div>
<div class="pages"><a href="{href}t20240506_1_2.html">2</a></div></body></html>"""


def _list_page(href: str) -> str:
    items = "".join(
        f'<li><a href="/xw/202405/t2024050{i}_{i}.html">示例县第{i}条工作动态新闻标题</a>'
        f"<span>2024-05-0{i}</span></li>"
        for i in range(1, 7)
    )
    return f"""<html><head><title>工作动态_示例县人民政府</title></head><body>
<ul class="nav"><li><a href="{href}">首页</a></li><li><a href="/zw/">政务公开</a></li>
<li><a href="/xw/">新闻中心</a></li><li><a href="/fw/">办事服务</a></li></ul>
<ul class="list">{items}<li><a href="{href}">一条链接坏掉的新闻标题在这里</a>
<span>2024-05-07</span></li></ul>
<div class="pages"><a href="{href}">下一页</a><a href="{href}">2</a>
<a href="index_1.html">3</a></div>
<script>createPageHTML(5, 0, "{href}", "html");</script></body></html>"""


def _valid(url: str) -> bool:
    """Whether a URL parses, names a host and has a usable port."""
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:
        return False


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_article_with_an_invalid_link_keeps_the_page(href: str) -> None:
    """The body, its linked words and the valid attachment survive; the bad links do not."""
    article = api.extract_article(_article_page(href), ARTICLE_URL)
    text = "".join(block.text for block in article.blocks)
    assert article.title == "县里召开春耕生产工作会议"
    assert "部署全县春耕备耕各项工作" in text
    assert "落实好种粮补贴" in text  # the link's words stay, as text
    urls = [a.url for a in article.attachments]
    assert "http://www.example.gov.cn/files/report.pdf" in urls
    assert all(_valid(url) for url in urls)
    for block in article.blocks:
        assert block.image is None or _valid(block.image.src)


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_an_invalid_base_href_is_ignored(href: str) -> None:
    """A ``<base>`` that is no URL leaves links resolved against the page's own URL."""
    article = api.extract_article(_article_page(href, with_base=True), ARTICLE_URL)
    assert article.title == "县里召开春耕生产工作会议"
    assert "http://www.example.gov.cn/files/report.pdf" in [a.url for a in article.attachments]


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_list_with_an_invalid_link_keeps_its_items(href: str) -> None:
    """The six valid items are listed; the bad item, pager links and script pages are dropped."""
    listing = api.extract_list(_list_page(href), LIST_URL)
    urls = [item.url for item in listing.items]
    assert len(urls) >= 6
    assert "http://www.example.gov.cn/xw/202405/t20240501_1.html" in urls
    assert all(url.startswith("http://www.example.gov.cn/") for url in urls)
    assert all(page.startswith("http://www.example.gov.cn/") for page in listing.pages)


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_tree_with_an_invalid_link_keeps_its_sections(href: str) -> None:
    """The navigation's valid sections are found; none carries the bad link."""
    tree = api.extract_tree(_list_page(href), LIST_URL)
    names = [section.name for section in tree.sections]
    assert "政务公开" in names
    for section in tree.sections:
        assert section.url is None or section.url.startswith("http://www.example.gov.cn/")


@pytest.mark.parametrize("href", CONTROL_HREFS)
def test_links_with_control_characters_keep_every_page(href: str) -> None:
    """Article, list and tree extraction all succeed and keep what the valid links give."""
    article = api.extract_article(_article_page(href, with_base=True), ARTICLE_URL)
    assert "部署全县春耕备耕各项工作" in "".join(block.text for block in article.blocks)
    assert all(_valid(a.url) for a in article.attachments)
    listing = api.extract_list(_list_page(href), LIST_URL)
    assert "http://www.example.gov.cn/xw/202405/t20240501_1.html" in [i.url for i in listing.items]
    tree = api.extract_tree(_list_page(href), LIST_URL)
    assert "政务公开" in [section.name for section in tree.sections]

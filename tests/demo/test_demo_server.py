"""The demo edition over real HTTP: pages, encodings, errors, redirects and caching headers."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from urllib.parse import urljoin

import httpx
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from hnreader.demo.content import demo_edition
from hnreader.demo.model import DemoArticle
from hnreader.demo.server import DemoServer

EDITION = demo_edition()
FLAGSHIP, PORTAL = EDITION.sites
CREATE_PAGE = re.compile(r'createPageHTML\((\d+),\s*(\d+),\s*"index",\s*"html"\)')


@pytest.fixture(scope="module")
def client(demo_server: DemoServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo_server.base_url, follow_redirects=False) as http:
        yield http


def _declared_charset(response: httpx.Response) -> str:
    header = response.headers["content-type"]
    if "charset=" in header:
        return header.split("charset=")[1].strip()
    meta = re.search(rb'charset=["\']?([\w-]+)', response.content[:1024])
    assert meta, "no charset declared anywhere"
    return meta.group(1).decode()


def _visible(node: Node) -> str:
    """The text a browser shows: no hidden or off-screen elements, no ruby readings."""
    for hidden in node.css('[style*="display:none"], [style*="display: none"], [style*="-9999px"]'):
        hidden.decompose()
    for tag in node.css("rt, rp, style, script"):
        tag.decompose()
    return re.sub(r"[\s\u00a0\u3000]+", "", node.text())


def _first(tree: HTMLParser | Node, selector: str) -> Node:
    node = tree.css_first(selector)
    assert node is not None, f"nothing matches {selector}"
    return node


def _body_text(html: str) -> str:
    tree = HTMLParser(html)
    body = tree.css_first("#fontzoom") or _first(tree, ".TRS_Editor")
    return _visible(body)


def test_sites_lists_the_flagship_first_and_the_portal(demo_server: DemoServer) -> None:
    assert demo_server.base_url.startswith("http://127.0.0.1:")
    assert demo_server.sites == [
        ("湖南社会工作", demo_server.base_url),
        (PORTAL.name, demo_server.base_url + "portal/"),
    ]


def test_flagship_home_page_has_the_site_chrome(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    text = response.text
    for needle in ("湖南社会工作欢迎您", "今天是2025年3月1日 星期六", "繁體", "无障碍", "搜索",
                   "主办单位", "技术支持：湖南红网新媒体集团", "湘ICP备"):  # fmt: skip
        assert needle in text, needle
    tree = HTMLParser(text)
    hrefs = {a.attributes.get("href") for a in tree.css(".nav a")}
    for section in FLAGSHIP.all_sections():
        assert section.path in hrefs, section.name


def test_portal_home_page_links_its_sections_relatively(client: httpx.Client) -> None:
    response = client.get("/portal/")
    assert response.status_code == 200
    tree = HTMLParser(response.text)
    base = str(response.url)
    hrefs = {urljoin(base, a.attributes.get("href") or "") for a in tree.css(".daohang a")}
    for section in PORTAL.all_sections():
        assert urljoin(base, section.path) in hrefs, section.name


def test_flagship_list_pages_follow_the_model_and_link_each_other(client: httpx.Client) -> None:
    for page in FLAGSHIP.list_pages:
        response = client.get(page.path)
        assert response.status_code == 200, page.path
        tree = HTMLParser(response.text)
        links = [a.attributes.get("href") for a in tree.css(".list_ul a")]
        assert links == [a.path for a in page.items]
        dates = [span.text() for span in tree.css(".list_ul .date")]
        assert dates == [a.date for a in page.items]
        pager = {
            a.text(): urljoin(page.path, a.attributes.get("href") or "")
            for a in tree.css(".page a")
        }
        assert pager.get("下一页") == page.next
        for number, path in enumerate(page.pages, start=1):
            if path != page.path:
                assert pager[str(number)] == path


def test_trs_list_pages_exist_as_create_page_html_announces(client: httpx.Client) -> None:
    checked = 0
    for section in PORTAL.all_sections():
        first = client.get(section.path)
        match = CREATE_PAGE.search(first.text)
        assert match, section.path
        count, current = int(match.group(1)), int(match.group(2))
        assert current == 0
        assert "下一页" not in first.text  # only the script announces the other pages
        for number in range(1, count):
            page = client.get(urljoin(section.path, f"index_{number}.html"))
            assert page.status_code == 200
            again = CREATE_PAGE.search(page.text)
            assert again
            assert (int(again.group(1)), int(again.group(2))) == (count, number)
            checked += 1
        assert client.get(urljoin(section.path, f"index_{count}.html")).status_code == 404
    assert checked >= 1


def _articles_with(flag: str) -> list[DemoArticle]:
    found = [a for a in EDITION.articles if flag in a.flags]
    assert found, flag
    return found


def test_a_plain_article_page_has_everything_a_reader_expects(client: httpx.Client) -> None:
    article = next(a for a in FLAGSHIP.articles if not a.flags)
    response = client.get(article.path)
    assert response.status_code == 200
    tree = HTMLParser(response.text)
    assert _first(tree, "h1").text() == article.title
    position = _first(tree, ".position").text()
    assert position.startswith("当前位置")
    assert " > ".join(article.breadcrumb) in position
    info = _first(tree, ".article_info").text()
    assert f"文章来源：{article.source}" in info
    assert article.published.replace("T", " ") in info
    assert all(size in info for size in "大中小")
    assert _first(tree, ".zuozhe").text() == f"作者：{article.author}"
    assert _first(tree, ".zebian").text() == f"责编：{article.editor}"
    assert {"打印", "关闭"} <= {a.text() for a in tree.css(".share a")}
    assert len(tree.css(".related li")) >= 1
    assert _body_text(response.text) == "".join(article.paragraphs)


@pytest.mark.parametrize("site", [FLAGSHIP, PORTAL], ids=["flagship", "portal"])
def test_every_article_body_shows_exactly_the_model_text(
    client: httpx.Client, site: object
) -> None:
    articles = FLAGSHIP.articles if site is FLAGSHIP else PORTAL.articles
    for article in articles:
        shown = []
        for path in article.pages:
            response = client.get(path)
            assert response.status_code == 200, path
            shown.append(_body_text(response.content.decode(article.encoding)))
        # Everything visible in the body, in block order: text, image captions, table cells.
        expected = "".join(
            b.text + (b.caption or "") + "".join("".join(row) for row in b.rows)
            for b in article.blocks
        )
        assert "".join(shown) == expected, article.path


def test_gbk_page_decoded_with_its_declared_charset_contains_the_gbk_only_name(
    client: httpx.Client,
) -> None:
    article = next(a for a in _articles_with("gbk") if "喆" in a.text and not a.flags - {"gbk"})
    response = client.get(article.path)
    assert _declared_charset(response) == "gbk"
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
    assert "喆" in response.content.decode("gbk")


def test_mislabelled_page_declares_gb2312_but_needs_gbk(client: httpx.Client) -> None:
    article = _articles_with("mislabelled")[0]
    response = client.get(article.path)
    assert _declared_charset(response) == "gb2312"
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("gb2312")
    assert article.title in response.content.decode("gbk")


def test_meta_only_pages_have_no_charset_in_the_header(client: httpx.Client) -> None:
    pages = _articles_with("meta-charset")
    assert {a.encoding for a in pages} == {"utf-8", "gbk"}
    for article in pages:
        response = client.get(article.path)
        assert response.headers["content-type"] == "text/html"
        assert _declared_charset(response) == article.declared_charset
        assert article.title in response.content.decode(article.encoding)


def test_ruby_pages_annotate_traditional_text_with_pinyin(client: httpx.Client) -> None:
    for article in _articles_with("ruby"):
        html = client.get(article.path).text
        assert "<ruby>" in html
        assert "<rp>(</rp><rt>" in html
        tree = HTMLParser(html)
        assert _visible(_first(tree, "h1")) == article.title


def test_hacked_pages_hide_their_spam_and_hijack_the_title(client: httpx.Client) -> None:
    for article in _articles_with("hacked"):
        html = client.get(article.path).text
        tree = HTMLParser(html)
        assert _first(tree, "title").text() != article.title
        assert any(spam in _first(tree, "title").text() for spam in article.spam)
        off_site = [a.attributes.get("href") or "" for a in tree.css('[style*="display:none"] a')]
        assert off_site
        assert all(href.startswith("http://") for href in off_site)
        _first(tree, '[style*="-9999px"]')  # the off-screen block is there
        visible = _visible(_first(tree, "body"))
        assert not any(spam in visible for spam in article.spam)


def test_multipage_article_chains_its_pages_with_next_links(client: httpx.Client) -> None:
    article = _articles_with("multipage")[0]
    assert len(article.pages) >= 2
    for here, following in zip(article.pages, article.pages[1:], strict=False):
        tree = HTMLParser(client.get(here).text)
        nexts = [a for a in tree.css(".page_nav a") if a.text() == "下一页"]
        assert len(nexts) == 1
        assert urljoin(here, nexts[0].attributes.get("href") or "") == following
    last = HTMLParser(client.get(article.pages[-1]).text)
    assert not [a for a in last.css(".page_nav a") if a.text() == "下一页"]


def test_policy_pages_show_their_field_table(client: httpx.Client) -> None:
    for article in _articles_with("policy"):
        tree = HTMLParser(client.get(article.path).text)
        cells = [td.text() for td in tree.css(".xxgk_table td")]
        pairs = list(zip(cells[::2], cells[1::2], strict=True))
        assert pairs == [(f"{label}：", value) for label, value in article.fields]


def test_attachments_are_valid_pdf_and_docx(client: httpx.Client) -> None:
    kinds = set()
    for article in _articles_with("attachments"):
        html = client.get(article.path).content.decode(article.encoding)
        for attachment in article.attachments:
            assert f">{attachment.name}</a>" in html
            response = client.get(attachment.path)
            assert response.status_code == 200
            kinds.add(attachment.type)
            if attachment.type == "pdf":
                assert response.headers["content-type"] == "application/pdf"
                assert response.content.startswith(b"%PDF-")
                assert response.content.rstrip().endswith(b"%%EOF")
            else:
                with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
                    assert archive.testzip() is None
                    assert "word/document.xml" in archive.namelist()
    assert kinds == {"pdf", "docx"}


def test_images_are_valid_png_with_captions(client: httpx.Client) -> None:
    for article in _articles_with("images"):
        html = client.get(article.path).text
        for block in article.images:
            assert block.caption
            assert block.caption in html
            response = client.get(block.image_path)
            assert response.headers["content-type"] == "image/png"
            assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
            assert response.content[12:16] == b"IHDR"


def test_data_table_rows_are_in_the_page(client: httpx.Client) -> None:
    for article in _articles_with("table"):
        tree = HTMLParser(client.get(article.path).text)
        rows = [
            tuple(td.text(strip=True) for td in tr.css("td"))
            for tr in tree.css("#fontzoom table tr")
        ]
        assert tuple(rows) == article.tables[0]


def test_missing_page_is_a_real_404_linked_from_home(client: httpx.Client) -> None:
    assert EDITION.missing_path in client.get("/").text
    response = client.get(EDITION.missing_path)
    assert response.status_code == 404
    assert "页面不存在" in response.text
    assert client.get("/portal/nothing/here.html").status_code == 404


def test_redirects_lead_to_articles(client: httpx.Client) -> None:
    statuses = set()
    for path, (status, target) in EDITION.redirects.items():
        response = client.get(path)
        assert response.status_code == status
        assert urljoin(str(response.url), response.headers["location"]).endswith(target)
        statuses.add(status)
        assert client.get(path, follow_redirects=True).status_code == 200
        EDITION.article(target)
    assert statuses == {301, 302}


def test_etag_and_last_modified_give_304(client: httpx.Client) -> None:
    path = FLAGSHIP.articles[3].path
    first = client.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    same = client.get(path, headers={"If-None-Match": etag})
    assert same.status_code == 304
    assert same.content == b""
    assert same.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(path, headers={"If-Modified-Since": old}).status_code == 200


def test_last_modified_is_the_publication_time(client: httpx.Client) -> None:
    article = PORTAL.articles[0]
    stamp = client.get(article.path).headers["last-modified"]
    hour = int(article.published[11:13])
    assert stamp.endswith("GMT")
    assert f" {(hour - 8) % 24:02d}:" in stamp


def test_head_gives_headers_without_a_body(client: httpx.Client) -> None:
    path = FLAGSHIP.list_pages[0].path
    got, head = client.get(path), client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["etag"] == got.headers["etag"]


def test_robots_txt(client: httpx.Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.text.startswith("User-agent: *")


def test_a_second_server_gets_its_own_port_and_stops_cleanly() -> None:
    server = DemoServer(port=0)
    server.start()
    try:
        response = httpx.get(server.base_url + "robots.txt")
        assert response.status_code == 200
    finally:
        server.stop()
        server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.base_url + "robots.txt")


def test_a_busy_port_gives_a_clear_error(demo_server: DemoServer) -> None:
    with pytest.raises(OSError, match=re.escape("cannot serve the demo on 127.0.0.1:")):
        DemoServer(port=demo_server.port)


def test_a_folder_without_its_slash_redirects(client: httpx.Client) -> None:
    response = client.get("/portal")
    assert response.status_code == 301
    assert response.headers["location"] == "/portal/"


def test_a_query_string_does_not_change_the_page(client: httpx.Client) -> None:
    plain, with_query = client.get("/"), client.get("/?from=timeline")
    assert with_query.status_code == 200
    assert with_query.headers["etag"] == plain.headers["etag"]

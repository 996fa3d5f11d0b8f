"""Hostile input: mutated pages, deep nesting, bad bytes and unsafe links never break extraction.

Every entry point either gives a model or raises ``ValueError`` (content that is not a page at
all); every string in the model is free of control characters and escape sequences, and every
link the reader could fetch is http(s).
"""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hnreader.extract import api
from hnreader.extract.continuation import continuation_urls
from hnreader.extract.decode import decode_html
from hnreader.extract.dom import MAX_DEPTH, parse_html
from hnreader.extract.safety import safe_text, safe_url

DATA = Path(__file__).resolve().parents[1] / "data"
PAGES = sorted((DATA / "extract").glob("*.html")) + sorted((DATA / "lists").glob("*.html"))
URL = "https://www.example.gov.cn/xw/202405/t20240506_9.html"
LINK_KEYS = ("src", "next")
EXTRACTORS = (api.extract_article, api.extract_list, api.extract_tree)


def _bad_char(ch: str) -> bool:
    code = ord(ch)
    return (
        (code < 32 and ch != "\n")
        or 0x7F <= code <= 0x9F
        or 0x202A <= code <= 0x202E
        or 0x2066 <= code <= 0x2069
    )


def assert_safe(value: object, key: str = "", top: bool = True) -> None:
    """Every string is clean; every link below the top level is http(s)."""
    if isinstance(value, str):
        assert not any(_bad_char(ch) for ch in value), (key, value[:80])
        is_link = key in LINK_KEYS or (key in ("url", "pages") and not top)
        if is_link:
            assert value.startswith(("http://", "https://")), (key, value[:80])
    elif isinstance(value, dict):
        for name, item in value.items():
            assert_safe(item, name, top and name not in ("items", "sections", "attachments"))
    elif isinstance(value, list | tuple):
        for item in value:
            assert_safe(item, key, top and key != "pages")


def run_all(content: bytes, content_type: str | None = None) -> None:
    for extract in EXTRACTORS:
        try:
            model = extract(content, URL, content_type)
        except ValueError:
            continue  # not a page at all: a clear error, not a crash
        assert_safe(model.to_dict())


def test_unsafe_links_and_escapes_never_come_out() -> None:
    content = (DATA / "extract" / "hostile_links.html").read_bytes()
    article = api.extract_article(content, URL)
    assert [image.src for image in article.images] == ["https://www.example.gov.cn/images/hall.jpg"]
    assert [a.url for a in article.attachments] == [
        "https://www.example.gov.cn/uploadfiles/guide.pdf"
    ]
    assert article.title == "示范街道便民服务指南点击"  # the OSC 8 hyperlink is gone, not its text
    assert "[link=http://evil.example]链接[/link]" in article.text  # markup stays literal text
    listing = api.extract_list(content, URL)
    assert next(item.title for item in listing.items) == "示范街道举办老年人智能手机培训"
    assert all(item.url.startswith("https://www.example.gov.cn/") for item in listing.items)
    for extract in EXTRACTORS:
        assert_safe(extract(content, URL).to_dict())


def test_file_links_stay_only_for_local_pages() -> None:
    page = "<h1>本地页面标题</h1><p>正文内容，测试本地链接。</p><p><img src='pic.png' alt='图'></p>"
    local = api.extract_article(page, "file:///home/user/page.html")
    assert [image.src for image in local.images] == ["file:///home/user/pic.png"]
    web = api.extract_article(page.replace("pic.png", "file:///pic.png"), URL)
    assert web.images == []


@pytest.mark.parametrize("unit", ["<div>社区服务，", "<span>志愿者。", "<table><tr><td>文字，"])
def test_ten_thousand_levels_of_nesting(unit: str) -> None:
    page = "<html><body><h1>深层嵌套的页面标题</h1>" + unit * 10_000 + "</body></html>"
    run_all(page.encode())
    article = api.extract_article(page.encode(), URL)
    assert article.title == "深层嵌套的页面标题"
    assert article.text  # the text survives, flattened


def test_flattening_keeps_normal_depth_untouched() -> None:
    shallow = "<div>" * (MAX_DEPTH - 5) + "<p>正文</p>" + "</div>" * (MAX_DEPTH - 5)
    tree = parse_html(shallow)
    assert tree.css_first("p") is not None
    deep = parse_html("<div>" * (MAX_DEPTH + 50) + "<p>正文</p>")
    assert deep.css_first("p") is None
    assert deep.body is not None
    assert "正文" in deep.body.text()


def _mutate(content: bytes, mutations: list[tuple[str, int, bytes]]) -> bytes:
    for kind, position, payload in mutations:
        at = position % (len(content) + 1)
        if kind == "flip" and content:
            at %= len(content)
            content = content[:at] + bytes([content[at] ^ 0xFF]) + content[at + 1 :]
        elif kind == "truncate":
            content = content[:at]
        else:  # insert
            content = content[:at] + payload + content[at:]
    return content


PAYLOADS = st.sampled_from(
    [
        b"\x00",
        b"\xff\xfe\xc3(",  # invalid UTF-8
        b"\x1b[31m\x1b]0;title\x07",
        b"\xc2\x9b2J",  # 8-bit CSI as UTF-8
        b"<div><span><p><table><tr><td>",
        b"</td></tr></table></p></span></div>",
        b"<a href='javascript:alert(1)'>",
        b"<img src='file:///etc/passwd'>",
        b"<a href='data:text/html,x'>x.pdf</a>",
        b'<meta charset="utf-16">',
        b'<meta charset="shift_jis">',
        b"<style>.a{display:none}@media x{",
        b"<a title='" + b"A" * 100_000 + b"'>",
        b"<!--",
        b"<![CDATA[",
        "\u202e\u200b".encode(),
    ]
)
MUTATIONS = st.lists(
    st.tuples(st.sampled_from(["flip", "truncate", "insert"]), st.integers(0, 10**6), PAYLOADS),
    min_size=1,
    max_size=6,
)
CONTENT_TYPES = st.sampled_from(
    [None, "text/html", "text/html; charset=utf-16", "text/html; charset=gbk", "text/plain"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PAGES), MUTATIONS, CONTENT_TYPES)
def test_mutated_pages_never_crash(
    page: Path, mutations: list[tuple[str, int, bytes]], content_type: str | None
) -> None:
    run_all(_mutate(page.read_bytes(), mutations), content_type)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), CONTENT_TYPES)
def test_random_bytes_never_crash(content: bytes, content_type: str | None) -> None:
    try:
        decoded = decode_html(content, content_type)
    except ValueError:
        return
    assert isinstance(decoded.text, str)
    run_all(content, content_type)


def test_continuation_pages_stay_on_the_site() -> None:
    page = (
        "<h1>示范多页文章标题</h1><p>第一页正文。</p>"
        '<a href="http://evil.example/a/t1_2.html">2</a>'
        '<a href="javascript:go()/t1_4.html">4</a>'
        '<a href="t1_3.html">3</a>'
    )
    assert continuation_urls(page, "http://www.example.gov.cn/a/t1.html") == [
        "http://www.example.gov.cn/a/t1_3.html"
    ]


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://www.example.gov.cn/a.html", None, "https://www.example.gov.cn/a.html"),
        (" http://a.cn/b c.html\n", None, "http://a.cn/bc.html"),
        ("javascript:alert(1)", None, None),
        ("java\tscript:alert(1)", None, None),
        ("JAVASCRIPT:alert(1)", None, None),
        ("data:text/html,x", None, None),
        ("vbscript:x", None, None),
        ("file:///etc/passwd", "https://a.cn/", None),
        ("file:///home/u/b.html", "file:///home/u/a.html", "file:///home/u/b.html"),
        ("http://a.cn/\x1b[31mx\u202e.html", None, "http://a.cn/x.html"),
        ("http:///no-host", None, None),
        ("//a.cn/x", None, None),  # not resolved: no scheme
    ],
)
def test_safe_url(url: str, base: str | None, expected: str | None) -> None:
    assert safe_url(url, base) == expected


def test_safe_text_removes_every_escape_and_control() -> None:
    text = "甲\x1b[1;31m乙\x1b]8;;http://x/\x07丙\x1b]8;;\x07\x9b2J丁\t戊\u202e己\x00"
    assert safe_text(text) == "甲乙丙丁 戊己"

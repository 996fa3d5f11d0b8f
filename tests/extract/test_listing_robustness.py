"""extract_list and extract_tree never crash: any text gives a model, or a ValueError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hnreader.extract.listing import extract_list
from hnreader.extract.sections import extract_tree

FRAGMENTS = [
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    '<a href="/a/1.html">',
    '<a href="javascript:;">',
    '<a href="http://other.example.com/x">',
    "</a>",
    "<div style='display:none'>",
    "</div>",
    "2024-01-02",
    "09-18",
    "下一页",
    "尾页",
    "当前位置：",
    " &gt; ",
    "社区工作动态标题文字",
    "<script>createPageHTML(3, 1, 'index', 'html');</script>",
    "<table><tr><td>",
    "</td></tr>",
    "<script type='text/xml'><record><![CDATA[<li><a href='/b.html'>记录标题文字</a></li>]]>",
    "</record></script>",
    "\x1b[31m",
    "\x00",
    "<dl><dt>",
    "<dd>",
    "<title>",
    "</title>",
]

pages = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(pages)
def test_any_markup_gives_a_list_or_a_value_error(html: str) -> None:
    try:
        listing = extract_list(html.encode("utf-8"), "http://a.cn/list/index_1.html")
    except ValueError:
        return
    for item in listing.items:
        assert item.url.startswith("http://")
        assert "\x1b" not in item.title
        assert "\x00" not in item.title
    assert listing.next is None or listing.next in listing.pages


@settings(max_examples=150, deadline=None)
@given(pages)
def test_any_markup_gives_a_tree_or_a_value_error(html: str) -> None:
    try:
        tree = extract_tree(html.encode("utf-8"), "http://a.cn/")
    except ValueError:
        return
    assert tree.site
    for top in tree.sections:
        for section in top.walk():
            assert section.name
            assert "\x1b" not in section.name
            assert section.url is None or section.url.startswith("http://a.cn/")

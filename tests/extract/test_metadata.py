"""Tests for the meta line, title and breadcrumb rules."""

import pytest

from hnreader.extract.dom import parse_html, sanitize
from hnreader.extract.metadata import (
    MetaLine,
    find_breadcrumb,
    find_fields,
    find_title,
    head_meta,
    parse_meta_line,
)

SEP = "\u0001"  # how the extractor joins text nodes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来源：新华社 作者：张三 责任编辑：李四", MetaLine("新华社", None, "张三", "李四")),
        (
            "文章来源：《中国社区报》12月5日头版 时间: 2024-12-05 16:12:53",
            MetaLine("《中国社区报》12月5日头版", "2024-12-05T16:12:53"),
        ),
        (
            "文章來源：湖南日報 時間: 2024-01-02 10:00:00 責編：王小明",
            MetaLine("湖南日報", "2024-01-02T10:00:00", None, "王小明"),
        ),
        ("责任编辑：杨倩_NF4425", MetaLine(editor="杨倩")),
        ("（责编：汤诗瑶、丁涛）", MetaLine(editor="汤诗瑶、丁涛")),
        ("编辑 刘晓阳 校对 李铭", MetaLine(editor="刘晓阳")),
        ("作者：未知 责任编辑：棒棒", MetaLine(editor="棒棒")),
        (f"作者：{SEP}转载请注明：本报", MetaLine()),
        (f"来源：{SEP}示范日报{SEP}2024-05-01", MetaLine("示范日报", None)),
        ("2024-05-01 10:20 来源：示范网", MetaLine("示范网")),
        ("发布时间 2024-05-01 浏览次数：12", MetaLine(published="2024-05-01")),
        ("会议时间：2024-05-01", MetaLine()),  # not a label of the page: 会议时间
    ],
)
def test_parse_meta_line(text: str, expected: MetaLine) -> None:
    assert parse_meta_line(text) == expected


def test_author_and_editor_are_never_swapped() -> None:
    line = parse_meta_line("责任编辑：王芳 作者：李晓明")
    assert (line.author, line.editor) == ("李晓明", "王芳")


def title_of(html: str, crumbs: list[str] | None = None) -> str | None:
    tree = parse_html(html)
    meta = head_meta(tree)
    sanitize(tree)
    return find_title(tree, meta, crumbs or [])[0]


def test_title_ignores_a_hijacked_title_element() -> None:
    html = "<title>澳门娱乐城,国产精品在线观看</title><h1>街道召开议事会</h1><p>正文</p>"
    assert title_of(html) == "街道召开议事会"


def test_title_prefers_the_heading_confirmed_by_the_title_element() -> None:
    html = (
        "<title>街道召开议事会_工作动态_示范网</title><h1>示范网</h1>"
        '<div class="tit">热点推荐</div><div class="article-title">街道召开议事会</div>'
    )
    assert title_of(html) == "街道召开议事会"


def test_title_falls_back_to_the_longest_title_segment() -> None:
    html = "<title>示范网--街道召开社区议事协商会议</title><div>无标题元素</div>"
    assert title_of(html) == "街道召开社区议事协商会议"


def test_no_title_at_all() -> None:
    assert title_of("<title>无码视频在线观看</title><p>正文</p>") is None


def test_breadcrumb_with_css_drawn_separators_uses_the_links() -> None:
    html = (
        '<div class="breadcrumb"><a href="/">首页</a><a href="/a/">政务公开</a>'
        '<a href="/a/b/">通知公告</a></div>'
    )
    assert find_breadcrumb(parse_html(html)) == ["首页", "政务公开", "通知公告"]


def test_breadcrumb_label_in_its_own_element() -> None:
    html = (
        '<div><span>您现在的位置：</span><a href="/">首页</a> &gt; <a href="/x/">要闻</a>'
        " &gt; 正文</div>"
    )
    assert find_breadcrumb(parse_html(html)) == ["首页", "要闻"]


def test_fields_need_a_real_document_table() -> None:
    assert find_fields(["发布日期：2024-01-02"]) == []
    lines = ["索 引 号：", "0001/2024-1", "发文字号：", "示发〔2024〕1号", "有效性：有效"]
    assert find_fields(lines) == [
        ("索引号", "0001/2024-1"),
        ("发文字号", "示发〔2024〕1号"),
        ("有效性", "有效"),
    ]

"""extract_tree: nav menus with dropdowns, utility links, sidebars, breadcrumbs, site names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hnreader.extract.dom import parse_html
from hnreader.extract.sections import extract_tree
from hnreader.extract.tree_hidden import is_dropdown
from hnreader.models import Section

DATA = Path(__file__).parent.parent / "data" / "lists"
HOME = "http://www.example.cn/"


def shape(sections: tuple[Section, ...]) -> list[tuple[str, list[str]]]:
    return [(s.name, [c.name for c in s.children]) for s in sections]


def test_two_level_nav_with_hidden_dropdowns_and_utility_links() -> None:
    tree = extract_tree((DATA / "nav_home.html").read_bytes(), HOME, "text/html")
    assert shape(tree.sections) == [
        ("新闻中心", ["工作动态", "通知公告", "媒体聚焦"]),
        ("党建引领", ["两新党建", "基层治理"]),  # hidden by an inline style: still the menu
        ("志愿服务", ["志愿风采", "服务项目"]),
        ("政策法规", []),
    ]
    assert tree.sections[0].url == "http://www.example.cn/column/10/index.html"
    assert tree.sections[0].children[2].url == "http://www.example.cn/column/10/3/index.html"
    assert tree.sections[2].url is None  # a javascript: entry opening a dropdown
    names = {s.name for top in tree.sections for s in top.walk()}
    for utility in ("首页", "登录", "注册", "无障碍", "繁體", "搜索", "RSS", "English", "手机版"):
        assert utility not in names
    assert "上级门户" not in names  # off-site


def test_site_name_from_the_logo_not_the_hijacked_title() -> None:
    tree = extract_tree((DATA / "nav_home.html").read_bytes(), HOME)
    assert tree.site == "示例社会工作网"
    text = json.dumps(tree.to_dict(), ensure_ascii=False)
    assert "发票" not in text
    assert "娱乐" not in text


def test_site_name_from_a_title_part_the_page_confirms() -> None:
    html = (
        "<html><head><title>网赌平台官网入口 - 示例县社会工作网</title></head><body>"
        '<ul class="menu"><li><a href="/a/">机构概况</a></li><li><a href="/b/">工作动态</a></li>'
        '<li><a href="/c/">政策文件</a></li></ul><p>版权所有：示例县社会工作网</p></body></html>'
    )
    assert extract_tree(html, HOME).site == "示例县社会工作网"


def test_site_name_falls_back_to_the_host() -> None:
    html = "<html><head><title>网赌平台官网入口</title></head><body><p>正文</p></body></html>"
    tree = extract_tree(html, "http://sw.example.cn/index.html")
    assert tree.site == "sw.example.cn"
    assert tree.sections == ()


def test_site_name_from_meta_and_welcome_bar() -> None:
    meta = (
        '<html><head><meta property="og:site_name" content="示例新闻网"></head><body></body></html>'
    )
    assert extract_tree(meta, HOME).site == "示例新闻网"
    welcome = "<html><body><div>示例社会工作网欢迎您！</div></body></html>"
    assert extract_tree(welcome, HOME).site == "示例社会工作网"


def test_sidebar_gives_the_children_of_the_section_it_is_titled_with() -> None:
    html = """<html><body>
    <ul id="nav"><li><a href="/zwgk/">政务公开</a></li><li><a href="/mzyw/">民政要闻</a></li>
    <li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
    <div class="left"><div class="left_title">政务公开</div>
    <ul class="left_menu"><li><a href="/tzgg/">通知公告</a></li>
    <li><a href="/zcwj/">政策文件</a></li>
    <li><a href="/rsxx/">人事信息</a></li></ul></div></body></html>"""
    tree = extract_tree(html, HOME)
    assert shape(tree.sections) == [
        ("政务公开", ["通知公告", "政策文件", "人事信息"]),
        ("民政要闻", []),
        ("办事服务", []),
        ("互动交流", []),
    ]


def test_breadcrumb_adds_a_missing_path() -> None:
    html = """<html><body>
    <div class="nav"><a href="/x/">新闻中心</a><a href="/y/">党建引领</a>
    <a href="/z/">志愿服务</a></div>
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/y/">党建引领</a> &gt;
    <a href="/y/2/">两新党建</a></div></body></html>"""
    tree = extract_tree(html, "http://www.example.cn/y/2/index.html")
    assert shape(tree.sections) == [
        ("新闻中心", []),
        ("党建引领", ["两新党建"]),
        ("志愿服务", []),
    ]
    assert tree.sections[1].children[0].url == "http://www.example.cn/y/2/"


def test_definition_list_and_table_row_menus() -> None:
    dl = """<html><body><dl class="menu"><dt><a href="/a/">机构设置</a></dt>
    <dd><a href="/a/1/">内设机构</a></dd><dd><a href="/a/2/">直属单位</a></dd>
    <dt><a href="/b/">工作动态</a></dt><dd><a href="/b/1/">市州动态</a></dd>
    <dt><a href="/c/">专题专栏</a></dt></dl></body></html>"""
    assert shape(extract_tree(dl, HOME).sections) == [
        ("机构设置", ["内设机构", "直属单位"]),
        ("工作动态", ["市州动态"]),
        ("专题专栏", []),
    ]
    table = """<html><body><table class="menu_table"><tr><td><a href="/p/">政务公开</a></td>
    <td><a href="/q/">民政要闻</a></td>
    <td><a href="/r/">办事服务</a></td></tr></table></body></html>"""
    assert [s.name for s in extract_tree(table, HOME).sections] == [
        "政务公开",
        "民政要闻",
        "办事服务",
    ]


def test_a_hidden_link_farm_is_not_a_dropdown_but_a_hidden_submenu_is() -> None:
    tree = parse_html(
        '<ul><li><a href="/news/">新闻中心</a><ul id="sub" style="display:none">'
        '<li><a href="/news/1/">工作动态</a></li></ul></li></ul>'
        '<div id="farm" style="display:none"><a href="http://spam.example.com/">线上娱乐注册送彩金活动火热进行中</a>'
        '<a href="http://spam2.example.com/">代开各类发票正规公司联系方式</a></div>'
    )
    sub, farm = tree.css_first("#sub"), tree.css_first("#farm")
    assert sub is not None
    assert farm is not None
    assert is_dropdown(sub, HOME)
    assert not is_dropdown(farm, HOME)


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n"])
def test_unreadable_content_raises_value_error(content: bytes) -> None:
    with pytest.raises(ValueError, match=r"empty|binary"):
        extract_tree(content, HOME)


def test_three_levels_and_a_dropdown_written_as_a_definition_list_without_terms() -> None:
    html = """<ul class="nav">
    <li><a href="/x/">新闻中心</a><dl><dd><a href="/x/1/">工作动态</a></dd>
    <dd><a href="/x/2/">通知公告</a></dd></dl></li>
    <li><a href="/y/">党建引领</a><ul><li><a href="/y/1/">两新党建</a>
    <ul><li><a href="/y/1/a/">快递行业党建</a></li></ul></li></ul></li>
    <li><a href="/z/">志愿服务</a></li></ul>"""
    tree = extract_tree(html, HOME)
    assert shape(tree.sections) == [
        ("新闻中心", ["工作动态", "通知公告"]),
        ("党建引领", ["两新党建"]),
        ("志愿服务", []),
    ]
    grandchild = tree.sections[1].children[0].children[0]
    assert (grandchild.name, grandchild.url) == ("快递行业党建", "http://www.example.cn/y/1/a/")


def test_a_breadcrumb_that_skips_a_level_adds_nothing_new() -> None:
    html = """<html><body><ul class="nav">
    <li><a href="/x/">新闻中心</a><ul><li><a href="/x/1/">工作动态</a></li>
    <li><a href="/x/2/">通知公告</a></li></ul></li>
    <li><a href="/y/">党建引领</a></li><li><a href="/z/">志愿服务</a></li></ul>
    <div class="position">当前位置：<a href="/">示例网</a> &gt; <a href="/x/1/">工作动态</a>
    &gt; <a href="/x/1/a/">区县动态</a></div></body></html>"""
    tree = extract_tree(html, "http://www.example.cn/x/1/a/")
    assert shape(tree.sections) == [
        ("新闻中心", ["工作动态", "通知公告"]),
        ("党建引领", []),
        ("志愿服务", []),
    ]
    added = tree.sections[0].children[0].children
    assert [(s.name, s.url) for s in added] == [("区县动态", "http://www.example.cn/x/1/a/")]

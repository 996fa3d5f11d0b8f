"""extract_list on hand-written list pages of the shapes Chinese CMS sites use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hnreader.extract.listing import extract_list
from hnreader.models import ArticleList

DATA = Path(__file__).parent.parent / "data" / "lists"


def load(name: str, url: str) -> ArticleList:
    return extract_list((DATA / name).read_bytes(), url, "text/html")


def test_trs_list_items_dates_and_create_page_html_pages() -> None:
    listing = load("trs_list.html", "http://mz.example.gov.cn/tzgg/index.html")
    assert listing.section == "通知公告"
    assert [item.date for item in listing.items] == [
        "2024-03-05",
        "2024-02-26",
        "2024-02-08",
        "2024-01-19",
        "2024-01-03",
    ]
    assert listing.items[0].url == "http://mz.example.gov.cn/tzgg/202403/t20240305_1001.html"
    # The cell text is cut with …; the title attribute holds the whole headline.
    assert listing.items[1].title == "示例省民政厅关于进一步规范养老服务机构消防安全管理工作的通知"
    assert listing.pages == (
        "http://mz.example.gov.cn/tzgg/index.html",
        "http://mz.example.gov.cn/tzgg/index_1.html",
        "http://mz.example.gov.cn/tzgg/index_2.html",
        "http://mz.example.gov.cn/tzgg/index_3.html",
        "http://mz.example.gov.cn/tzgg/index_4.html",
    )
    assert listing.next == "http://mz.example.gov.cn/tzgg/index_1.html"
    names = {item.title for item in listing.items}
    assert not names & {"政策文件", "人事信息", "民政要闻", "联系我们"}


def test_trs_list_on_its_last_page_has_no_next() -> None:
    html = (DATA / "trs_list.html").read_text("utf-8").replace("currentPage = 0", "currentPage = 4")
    listing = extract_list(html, "http://mz.example.gov.cn/tzgg/index_4.html")
    assert listing.next is None
    assert len(listing.pages) == 5
    assert listing.pages[-1] == "http://mz.example.gov.cn/tzgg/index_4.html"


def test_hanweb_datastore_records_are_the_items() -> None:
    listing = load("hanweb_datastore.html", "http://www.example.gov.cn/col/col2001/index.html")
    assert listing.section == "工作动态"
    assert [(item.title, item.date) for item in listing.items] == [
        ("全市社区工作者能力提升培训班开班", "2024-05-20"),
        ("志愿服务站点建设现场推进会召开", "2024-05-16"),
        ("新就业群体暖心驿站服务季活动启动", "2024-05-09"),
    ]
    assert listing.items[2].url == "http://www.example.gov.cn/art/2024/5/9/art_2001_8801.html"
    # 45 records, 15 a page: three pages, the jpage way.
    assert listing.pages == (
        "http://www.example.gov.cn/col/col2001/index.html",
        "http://www.example.gov.cn/col/col2001/index.html?uid=5501&pageNum=2",
        "http://www.example.gov.cn/col/col2001/index.html?uid=5501&pageNum=3",
    )
    assert listing.next == listing.pages[1]


def test_next_page_links_and_numbered_pages_completed_up_to_the_last() -> None:
    listing = load("next_links.html", "http://news.example.cn/column/10/3/index_2.html")
    assert listing.section == "媒体聚焦"
    assert len(listing.items) == 4
    assert listing.items[0].date == "2024-06-12"
    assert listing.next == "http://news.example.cn/column/10/3/index_3.html"
    assert listing.pages[0] == "http://news.example.cn/column/10/3/index.html"
    assert listing.pages[1:] == tuple(
        f"http://news.example.cn/column/10/3/index_{n}.html" for n in range(2, 9)
    )


def test_hot_sidebar_and_hidden_link_farm_are_not_items() -> None:
    listing = load("hot_sidebar.html", "http://news.example.cn/column/10/1/index.html")
    urls = [item.url for item in listing.items]
    assert urls == [
        "http://news.example.cn/content/10/1/500020.html",
        "http://news.example.cn/content/10/1/500019.html",
        "http://news.example.cn/content/10/1/500018.html",
        "http://news.example.cn/content/10/1/500017.html",
    ]  # the pinned duplicate appears once
    assert listing.items[0].date == "2024-09-18T10:30"
    text = json.dumps(listing.to_dict(), ensure_ascii=False)
    assert "热点排行" not in text
    assert "代开" not in text
    assert "娱乐" not in text
    assert listing.section == "工作动态"
    assert listing.pages == (listing.url,)
    assert listing.next is None


def test_a_page_without_any_list_gives_a_warning_not_an_error() -> None:
    listing = extract_list("<html><body><p>仅有一段文字。</p></body></html>", "http://a.cn/")
    assert listing.items == ()
    assert any("no article list" in warning for warning in listing.warnings)


@pytest.mark.parametrize("content", [b"", b"   ", b"%PDF-1.4 binary"])
def test_unreadable_content_raises_value_error(content: bytes) -> None:
    with pytest.raises(ValueError, match=r"empty|binary"):
        extract_list(content, "http://a.cn/list.html")


def test_gbk_list_page_decodes_by_its_meta_charset() -> None:
    html = (
        '<html><head><meta charset="gbk"></head><body><ul class="list">'
        '<li><a href="/a/1.html">王喆同志调研社区养老服务工作</a> 2023-04-01</li>'
        '<li><a href="/a/2.html">张镕主持召开志愿服务工作座谈会</a> 2023-03-28</li>'
        '<li><a href="/a/3.html">李堃参加基层治理经验交流活动</a> 2023-03-20</li>'
        "</ul></body></html>"
    )
    listing = extract_list(html.encode("gbk"), "http://a.cn/list/index.html")
    assert [item.title[:3] for item in listing.items] == ["王喆同", "张镕主", "李堃参"]
    assert listing.items[0].url == "http://a.cn/a/1.html"


def test_thumbnail_and_headline_links_to_one_article_are_one_item() -> None:
    rows = "".join(
        f'<div class="item"><a href="/a/{n}.html">'
        f'<img src="/i/{n}.png" alt="第{n}期社区议事会纪实"></a>'
        f'<h3><a href="/a/{n}.html">第{n}期社区议事会纪实</a></h3><p>议事会现场。</p>'
        f"<span>2024-07-0{n}</span></div>"
        for n in range(1, 4)
    )
    listing = extract_list(f'<div class="list">{rows}</div>', "http://a.cn/list/")
    assert [(item.title, item.url, item.date) for item in listing.items] == [
        (f"第{n}期社区议事会纪实", f"http://a.cn/a/{n}.html", f"2024-07-0{n}") for n in range(1, 4)
    ]


def test_a_yearless_date_takes_its_year_from_an_agreeing_url_only() -> None:
    html = (
        '<ul class="list">'
        '<li><a href="/202409/t20240918_1.html">社区工作者队伍建设推进会召开</a>'
        "<span>09-18</span></li>"
        '<li><a href="/202409/t20240912_2.html">新兴领域党建工作培训班结业</a>'
        "<span>09-13</span></li>"
        '<li><a href="/content/3.html">社工站开放日活动成功举行</a><span>09-05</span></li>'
        "</ul>"
    )
    listing = extract_list(html, "http://a.cn/list/")
    assert [item.date for item in listing.items] == ["2024-09-18", None, None]


def test_a_whole_row_inside_the_link_gives_title_and_date_apart() -> None:
    rows = "".join(
        f'<li><a href="/n/{n}.html"><span>示例街道第{n}次网格员例会</span>'
        f"<i>2023/11/0{n}</i></a></li>"
        for n in range(1, 4)
    )
    listing = extract_list(f"<ul>{rows}</ul>", "http://a.cn/")
    assert [(item.title, item.date) for item in listing.items] == [
        (f"示例街道第{n}次网格员例会", f"2023-11-0{n}") for n in range(1, 4)
    ]


def test_a_last_page_with_one_dated_item_beats_an_undated_hot_list() -> None:
    hot = "".join(
        f'<li><a href="/hot/{n}.html">热门文章第{n}篇社区服务经验分享</a></li>' for n in range(1, 6)
    )
    html = (
        '<div class="list"><ul><li><a href="/a/1.html">示例社区年度志愿服务总结表彰会举行</a>'
        "<span>2022-12-30</span></li></ul></div>"
        f'<div class="right"><h3>热门文章</h3><ul>{hot}</ul></div>'
    )
    listing = extract_list(html, "http://a.cn/list/index_9.html")
    assert [(item.url, item.date) for item in listing.items] == [
        ("http://a.cn/a/1.html", "2022-12-30")
    ]


def test_section_from_the_nav_entry_marked_current_when_nothing_else_names_it() -> None:
    rows = "".join(
        f'<li><a href="/b/{n}.html">第{n}批社会组织等级评估结果公示</a> 2021-05-1{n}</li>'
        for n in range(1, 4)
    )
    html = (
        '<ul class="menu"><li><a href="/">首页</a></li>'
        '<li class="active"><a href="/b/">通知公告</a>'
        f'</li><li><a href="/c/">政策文件</a></li></ul><div><ul class="items">{rows}</ul></div>'
    )
    listing = extract_list(html, "http://a.cn/b/")
    assert listing.section == "通知公告"
    assert len(listing.items) == 3


def test_no_name_anywhere_leaves_the_section_empty() -> None:
    rows = "".join(
        f'<li><a href="/b/{n}.html">第{n}批社会组织等级评估结果公示</a></li>' for n in range(1, 4)
    )
    listing = extract_list(f"<title>无关标题</title><ul>{rows}</ul>", "http://a.cn/b/")
    assert listing.section is None


def test_the_list_beside_the_pager_beats_a_longer_dated_box_elsewhere() -> None:
    latest = "".join(
        f'<li><a href="/n/{n}.html">全省社会工作要闻第{n}期摘编发布</a>'
        f"<span>2024-02-{n:02d}</span></li>"
        for n in range(1, 11)
    )
    main = "".join(
        f'<li><a href="/a/{n}.html">示例区第{n}批社区服务项目验收通过</a>'
        f"<span>2023-06-0{n}</span></li>"
        for n in range(1, 4)
    )
    html = (
        f'<div class="c1"><ul>{main}</ul><div class="pagination"><a href="index_1.html">上一页</a>'
        f'<span>3</span></div></div><div class="c2"><h4>最新发布</h4><ul>{latest}</ul></div>'
    )
    listing = extract_list(html, "http://a.cn/col/index_2.html")
    assert [item.url for item in listing.items] == [f"http://a.cn/a/{n}.html" for n in range(1, 4)]

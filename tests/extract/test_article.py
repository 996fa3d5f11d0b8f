"""Tests for extract_article on small hand-written pages, one rule each."""

from pathlib import Path

import pytest

from hnreader.extract.api import extract_article
from hnreader.extract.article import ArticleError
from hnreader.models import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
SPAM_WORDS = ("澳门", "赌场", "国产", "百家乐", "成人", "六合彩", "约炮", "老虎机", "太阳城",
              "时时彩", "欧美", "日韩", "皇冠", "棋牌", "无码")  # fmt: skip


def extract(name: str, url: str | None = None, content_type: str | None = None) -> Article:
    return extract_article(
        (DATA / name).read_bytes(), url or f"https://www.example.gov.cn/xw/{name}", content_type
    )


def every_string(article: Article) -> str:
    """All text an article exposes, through its JSON shape."""
    return repr(article.to_dict())


def test_meta_line_breadcrumb_and_credits() -> None:
    article = extract("meta_line.html")
    assert article.title == "示范社区志愿服务队开展冬季助老活动"
    assert article.source == "示范日报"
    assert article.published == "2024-12-05T16:12:53"  # not the 今天是 header date
    assert article.author == "李晓明"
    assert article.editor == "王芳"
    assert article.breadcrumb == ("示范社会工作网", "新闻中心", "工作动态")
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("初冬时节")
    assert article.paragraphs[-1].endswith("感受到温暖。")


def test_furniture_never_reaches_the_body() -> None:
    text = extract("meta_line.html").text
    for furniture in (
        "字号",
        "打印",
        "关闭",
        "主办单位",
        "ICP",
        "今天是",
        "欢迎您",
        "作者",
        "责任编辑",
    ):
        assert furniture not in text


def test_hijacked_title_and_hidden_link_farm() -> None:
    article = extract("hijacked.html")
    assert article.title == "示范街道召开社区议事协商会"
    assert article.published == "2024-11-03"
    assert article.source == "示范街道办事处"
    assert article.author == "赵一鸣"
    assert article.breadcrumb == ("首页", "街道动态")
    assert len(article.paragraphs) == 2
    dump = every_string(article)
    for word in SPAM_WORDS:
        assert word not in dump, word


def test_header_meta_charset_conflict_keeps_gbk_only_characters() -> None:
    article = extract("gbk_conflict.html", content_type="text/html; charset=utf-8")
    assert article.encoding == "gb18030"
    assert all(ch in article.text for ch in "喆镕堃")
    assert article.title == "先进个人名单公布"
    assert any("conflict" in w for w in article.warnings)


def test_byte_order_mark_beats_a_wrong_meta_label() -> None:
    article = extract("bom_utf8.html")
    assert article.encoding == "utf-8"
    assert all(ch in article.text for ch in "喆镕堃")
    assert article.title == "先进个人名单公布"


def test_ruby_gives_base_text_only() -> None:
    article = extract("ruby.html")
    assert article.paragraphs[0].startswith("湖南的孩子们")
    assert "hú" not in article.text
    assert "(" not in article.text
    assert article.published == "2024-10-08"


def test_table_image_caption_attachments_and_fields() -> None:
    article = extract("structure.html", "https://www.example.gov.cn/xxgk/tzgg/202412/t1.html")
    assert article.tables == [
        [["序号", "项目名称", "承接单位"], ["1", "邻里互助食堂", "示范社区服务中心"],
         ["2", "儿童课后驿站", "示范青少年事务所"]],
    ]  # fmt: skip
    assert [b.kind for b in article.blocks if b.text in ("一、项目名单", "二、工作要求")] == [
        "heading",
        "heading",
    ]
    (image,) = article.images
    assert image.src == "https://www.example.gov.cn/xxgk/tzgg/202412/images/p1.jpg"  # <base>
    assert image.alt == "项目评审会"
    assert image.caption == "项目评审会现场"
    assert "项目评审会现场" not in article.paragraphs
    assert [(a.name, a.url, a.type) for a in article.attachments] == [
        ("1.年度社区服务项目名单",
         "https://www.example.gov.cn/xxgk/tzgg/202412/P020241202123456.pdf", "pdf"),
        ("2.项目申报表", "https://www.example.gov.cn/uploads/申报表.docx", "docx"),
    ]  # fmt: skip
    assert dict(article.fields) == {
        "索引号": "000000000/2024-00123",
        "发布机构": "示范市民政局",
        "发文字号": "示民发〔2024〕12号",
        "成文日期": "2024年12月01日",
        "主题分类": "民政、扶贫、救灾",
        "有效性": "有效",
        "发布日期": "2024-12-02",
    }
    assert article.published == "2024-12-02"
    assert article.breadcrumb == ("首页", "信息公开", "通知公告")
    assert "民政局召开年度工作会议" not in article.text  # the related list
    assert "浏览次数" not in article.text
    assert not any(p.startswith("附件") for p in article.paragraphs)  # listed as attachments


def test_control_characters_and_escapes_never_reach_fields() -> None:
    article = extract("escapes.html")
    assert article.title == "示范标题变红"
    assert article.source == "示范网"
    dump = "".join(str(v) for v in article.to_dict().values())
    assert not any((ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in dump)
    assert "\u202e" not in dump
    assert "清屏不应生效" in article.text


def test_multipage_article_reports_its_continuation() -> None:
    url = "https://news.example.cn/xw/202409/t20240910_1001.html"
    article = extract("multipage.html", url)
    assert any("continues on 2 more page(s)" in w for w in article.warnings)
    assert article.published == "2024-09-10T08:30"


@pytest.mark.parametrize("content", [b"", b"   ", b"%PDF-1.4\n%binary"])
def test_unreadable_input_raises_value_error(content: bytes) -> None:
    with pytest.raises(ValueError, match=r"empty|binary"):
        extract_article(content, "https://example.cn/a.html")


def test_page_without_text_raises_article_error() -> None:
    with pytest.raises(ArticleError, match="no readable content"):
        extract_article("<html><body><script>x()</script></body></html>", "https://e.cn/a")


def test_page_without_a_body_gives_a_warning_not_an_exception() -> None:
    page = "<html><head><title>只有标题</title></head><body><p>短</p></body></html>"
    article = extract_article(page, "https://e.cn/a.html")
    assert article.title == "只有标题"
    assert article.warnings


def test_startprint_markers_table_layout_and_br_paragraphs() -> None:
    article = extract("startprint.html")
    assert article.title == "示范县召开防汛工作会议"
    assert article.published == "2023-05-06T10:20"  # not the header bar's 2023年5月8日
    assert article.source == "县应急管理局"
    assert article.author == "钱进"  # a two-character name spaced out to align
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1].startswith("会议要求")
    for furniture in ("网站首页", "版权所有", "公网安备", "网站标识码"):
        assert furniture not in article.text


def test_hanweb_content_markers_and_meta_tags() -> None:
    article = extract("hanweb.html")
    assert article.title == "市政府常务会议研究城市更新工作"
    assert article.source == "市政府办公室"
    assert article.published == "2024-04-12T18:05"  # the PubDate meta gives the same day's time
    assert article.breadcrumb == ("首页", "政务动态", "常务会议")
    assert article.paragraphs[-1] == "会议还研究了其他事项。"
    assert "分享" not in article.text
    assert "打印" not in article.text
    assert article.fields == ()  # a lone 发布日期 is a meta line, not a document table


def test_ucap_body_and_spaced_field_labels() -> None:
    article = extract("ucap.html")
    assert article.title == "示范省人民政府办公厅关于印发促进养老服务发展若干措施的通知"
    assert article.source == "示范省人民政府办公厅"
    assert article.published == "2024-03-22T09:30"
    assert article.editor == "孙小梅"
    assert article.author is None
    assert dict(article.fields)["索引号"] == "11000000M00000000X/2024-01234"
    assert dict(article.fields)["发文字号"] == "示政办发〔2024〕7号"
    assert len(article.paragraphs) == 4
    assert "纠错" not in article.text


def test_visible_line_of_off_site_links_is_dropped_on_site_links_kept() -> None:
    page = """<html><body><h1>社区图书角开放</h1><div class="info">2024-07-01</div>
    <div class="text">
    <p>社区图书角今天正式开放，居民可以免费借阅图书，开放时间为每天上午九点到下午五点。</p>
    <p><a href="https://other-one.example/">好站推荐</a> <a href="https://other-two.example/">友情网址</a></p>
    <p>详情见<a href="/tzgg/1.html">社区通知</a>，欢迎大家前来阅读，共建书香社区。</p>
    </div></body></html>"""
    article = extract_article(page, "https://www.example.gov.cn/sqdt/1.html")
    assert article.paragraphs == [
        "社区图书角今天正式开放，居民可以免费借阅图书，开放时间为每天上午九点到下午五点。",
        "详情见社区通知，欢迎大家前来阅读，共建书香社区。",
    ]
    assert any("link-farm" in w for w in article.warnings)


def test_unlabelled_date_by_the_heading_beats_the_today_bar() -> None:
    page = """<html><body><div class="top">今天是2026年11月28日 星期六</div>
    <h1>社区图书角开放</h1><div class="info">2024-07-01 09:00 示范街道</div>
    <div class="text">
    <p>社区图书角今天正式开放，居民可以免费借阅图书，开放时间为每天上午九点到下午五点。</p>
    </div></body></html>"""
    article = extract_article(page, "https://www.example.gov.cn/sqdt/1.html")
    assert article.published == "2024-07-01T09:00"


def test_body_hidden_by_css_for_a_script_reveal_is_still_read() -> None:
    page = """<html><head><style>#art{display:none}</style></head><body><h1>街道开展消防演练</h1>
    <div class="info">发布时间：2024-08-08</div>
    <div id="art"><p>八月八日，街道组织辖区单位开展消防演练，参演人员熟悉了灭火器的使用方法。</p>
    <p>演练结束后，消防员讲解了家庭火灾的预防知识，提醒居民不要私拉电线。</p></div>
    </body></html>"""
    article = extract_article(page, "https://www.example.gov.cn/jd/1.html")
    assert len(article.paragraphs) == 2
    assert any("hidden by CSS" in w for w in article.warnings)


def test_fields_table_under_the_body_and_icons_are_not_images() -> None:
    page = """<html><body><h1>关于做好冬季供暖工作的通知</h1>
    <div class="info">发布日期：2024-11-01</div><div class="content">
    <p>各有关单位：为切实做好今冬明春供暖工作，保障群众温暖过冬，现就有关事项通知如下。</p>
    <p><img src="/icons/share.png" width="16" height="16">请各单位认真贯彻落实。</p></div>
    <table class="info-table"><tr><td>索引号：</td><td>001/2024-99</td>
    <td>发文字号：</td><td>示住建发〔2024〕9号</td></tr></table>
    </body></html>"""
    article = extract_article(page, "https://www.example.gov.cn/tz/1.html")
    assert dict(article.fields) == {
        "发布日期": "2024-11-01",
        "索引号": "001/2024-99",
        "发文字号": "示住建发〔2024〕9号",
    }
    assert article.images == []
    assert article.paragraphs[-1] == "请各单位认真贯彻落实。"


@pytest.mark.parametrize(
    ("lead", "author"),
    [
        ("本报讯（记者 张三 通讯员 李四）", "张三"),
        ("新华社北京12月5日电（记者王五、赵六）", "王五、赵六"),
        ("本报讯(记者 欧阳明月 实习生 王小)", "欧阳明月"),
    ],
)
def test_reporter_in_the_dateline(lead: str, author: str) -> None:
    page = f"""<html><body><h1>示范新闻标题</h1><div class="info">2024-01-05</div>
    <div class="text"><p>{lead}示范市今天召开会议，部署新一年的民生工作，提出十件实事。</p>
    <p>会议要求，各部门要细化任务清单，按月调度推进，确保年底前全部完成。</p></div></body></html>"""
    assert extract_article(page, "https://news.example.cn/a/1.html").author == author


def test_ad_and_share_boxes_inside_the_body_are_dropped() -> None:
    page = """<html><body><h1>示范新闻标题</h1><div class="info">2024-01-05</div>
    <div class="text"><div class="ad-pc"><a href="/ad"><img src="/ad.jpg" alt="广告图"></a></div>
    <p>示范市今天召开会议，部署新一年的民生工作，提出十件实事，涉及教育、医疗和养老等方面。</p>
    <div class="share-bar">分享给朋友：微信朋友圈</div>
    <p>会议要求，各部门要细化任务清单，按月调度推进，确保年底前全部完成。</p></div></body></html>"""
    article = extract_article(page, "https://news.example.cn/a/1.html")
    assert article.images == []
    assert len(article.paragraphs) == 2
    assert "分享" not in article.text


def test_ruby_readings_are_kept_per_block_in_order() -> None:
    article = extract("ruby.html")
    assert [block.ruby for block in article.blocks] == [
        (("湖", "hú"), ("南", "nán")),
        (("字", "zì"),),
    ]
    assert article.to_dict()["ruby"] == [
        {"base": "湖", "reading": "hú"},
        {"base": "南", "reading": "nán"},
        {"base": "字", "reading": "zì"},
    ]


def test_ruby_with_several_bases_rb_and_in_headings() -> None:
    article = extract("ruby_structured.html")
    heading, first, plain, last = article.blocks
    assert (heading.kind, heading.text, heading.ruby) == ("heading", "识字方法", (("识", "shí"),))
    assert first.text.startswith("老师先教大家读漢字，")
    assert first.ruby == (("漢", "hàn"), ("字", "zì"))
    assert plain.ruby == ()
    assert last.text.startswith("最后复习湘江的故事")
    assert last.ruby == (("湘", "xiāng"), ("背", "bèi"))
    assert "（" not in last.text
    assert "xiāng" not in article.text

"""Tests for body location: templates, markers and the density fallback."""

from hnreader.extract.body import locate_body
from hnreader.extract.dom import clean_text, parse_html, sanitize

PROSE = "社区志愿者走进独居老人家中，帮助打扫卫生、检查电器线路，并送去米面油等生活用品。"


def body_text(html: str, title: str | None = None) -> tuple[str, str]:
    tree = parse_html(html)
    sanitize(tree)
    location = locate_body(tree, html, title)
    assert location is not None
    return location.method, clean_text(location.node.text(deep=True))


def test_density_prefers_prose_over_link_lists_and_menus() -> None:
    sidebar = "".join(f'<li><a href="/n{i}.html">热点新闻标题第{i}条</a></li>' for i in range(30))
    html = f"""<body><div class="nav"><a href="/">首页</a><a href="/a">新闻</a></div>
    <div class="main"><div class="left"><h1>助老活动</h1><div class="wz">
    <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>
    <div class="side"><ul>{sidebar}</ul></div></div>
    <div class="footer">版权所有：示范网 Copyright 2024</div></body>"""
    method, text = body_text(html, "助老活动")
    assert method == "density"
    assert text.count("独居老人") == 3
    assert "热点新闻" not in text
    assert "版权所有" not in text


def test_density_reads_br_separated_text_in_a_table_cell() -> None:
    html = f"""<body><table><tr><td width="200"><a href="/">首页</a><br><a href="/b">政务</a></td>
    <td>{PROSE}<br>{PROSE}<br>{PROSE}</td></tr></table></body>"""
    method, text = body_text(html)
    assert method == "density"
    assert text.count("独居老人") == 3
    assert "政务" not in text


def test_templates_win_over_density() -> None:
    html = f"""<body><div class="big"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>
    <div id="UCAP-CONTENT">
    <p>本文是政府网站正文模板里的正文内容，模板优先于密度计算。</p></div></body>"""
    method, text = body_text(html)
    assert method == "template:#UCAP-CONTENT"
    assert text == "本文是政府网站正文模板里的正文内容，模板优先于密度计算。"


def test_print_markers_delimit_the_body() -> None:
    html = f"""<body><div><p>{PROSE}</p><p>{PROSE}</p></div><div class="x">
    <!--startprint--><p>打印区域里的正文，内容足够长，包含标点符号，可以作为正文被识别出来。</p>
    <p>第二段同样在打印区域里，标记之间的内容就是要打印的正文。</p><!--endprint--></div></body>"""
    method, text = body_text(html)
    assert method == "markers"
    assert text.startswith("打印区域里的正文")
    assert "独居老人" not in text


def test_empty_template_is_skipped() -> None:
    html = f'<body><div id="zoom"> </div><div class="c"><p>{PROSE}</p><p>{PROSE}</p></div></body>'
    method, _ = body_text(html)
    assert method == "density"

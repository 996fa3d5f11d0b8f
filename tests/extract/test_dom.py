"""Tests for parsing and hygiene: hidden content, never-shown elements, text clean-up."""

import pytest

from hnreader.extract.dom import (
    clean_text,
    collect_ruby,
    hidden_selectors,
    is_hiding_style,
    parse_html,
    sanitize,
    strip_controls,
)


def visible_text(html: str, **options: bool) -> str:
    tree = parse_html(html)
    sanitize(tree, **options)
    assert tree.body is not None
    return clean_text(tree.body.text(deep=True, separator=" "))


@pytest.mark.parametrize(
    "style",
    [
        "display:none",
        "DISPLAY : NONE !important",
        "visibility: hidden",
        "opacity:0",
        "opacity: .0",
        "font-size:0px",
        "width:0;height:0;overflow:hidden",
        "height: 0; overflow: hidden",
        "position:absolute; left:-9999px",
        "text-indent:-10000px",
        "position:absolute;top:-800px",
    ],
)
def test_hiding_styles(style: str) -> None:
    assert is_hiding_style(style)
    assert visible_text(f'<p>正文</p><div style="{style}">隐藏链接</div>') == "正文"


@pytest.mark.parametrize(
    "style",
    ["display:block", "opacity:0.5", "font-size:16px", "width:0", "left:-10px", "margin-left:-2em"],
)
def test_visible_styles(style: str) -> None:
    assert not is_hiding_style(style)


@pytest.mark.parametrize(
    "html",
    [
        "<div hidden>隐藏链接</div>",
        '<div aria-hidden="true">隐藏链接</div>',
        "<marquee>隐藏链接</marquee>",
        '<iframe width="0" height="0">隐藏链接</iframe>',
        "<script>var a='隐藏链接';</script>",
        "<style>.x{color:red}</style><noscript>隐藏链接</noscript>",
        "<select><option>隐藏链接</option></select>",
    ],
)
def test_hidden_and_never_shown_elements(html: str) -> None:
    assert visible_text("<p>正文</p>" + html) == "正文"


def test_style_block_rules_hide_classes_and_ids() -> None:
    html = (
        "<style>/* spam */ .zz, #yy {display:none} div.ww{font-size:0}"
        " a:hover{display:none} @media print {.noprint{display:none}}</style>"
        '<p class="zz">一</p><p id="yy">二</p><div class="ww">三</div>'
        '<p class="noprint">正文</p><a href="#">链接</a>'
    )
    assert visible_text(html) == "正文 链接"


def test_drop_hidden_false_keeps_css_hidden_menus_but_not_scripts() -> None:
    html = '<ul><li>栏目<ul style="display:none"><li>子栏目</li></ul></li></ul><script>x()</script>'
    assert visible_text(html, drop_hidden=False) == "栏目 子栏目"
    assert visible_text(html) == "栏目"


def test_nested_hidden_elements_are_removed_once() -> None:
    html = (
        '<div style="display:none"><p hidden>甲</p><span style="opacity:0">乙</span></div><p>丙</p>'
    )
    assert visible_text(html) == "丙"


def test_ruby_keeps_base_text_and_collects_readings() -> None:
    html = "<p><ruby>湖<rp>(</rp><rt>hú</rt><rp>)</rp></ruby><ruby>南<rt>nán</rt></ruby>省</p>"
    tree = parse_html(html)
    assert collect_ruby(tree) == [("湖", "hú"), ("南", "nán")]
    sanitize(tree)
    assert tree.body is not None
    assert clean_text(tree.body.text(deep=True)) == "湖南省"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("\x1b[31m红色\x1b[0m文字", "红色文字"),
        ("标题\x1b]0;hacked\x07正文", "标题正文"),
        ("链接\x1b]8;;http://x\x1b\\点\x1b]8;;\x1b\\", "链接点"),
        ("a\x00b\x07c\x7fd\x9b2Je", "abcde"),
        ("右\u202e向\u200b左", "右向左"),
        ("\u3000\u3000首行缩进\xa0\xa0 正文 \n", "首行缩进 正文"),
        ("中文在源码里\n    换行", "中文在源码里换行"),
        ("English\nwords", "English words"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_strip_controls_keeps_line_breaks() -> None:
    assert strip_controls("一\r\n二\x1b[2J\t三") == "一\n二\t三"


def test_style_rules_found_in_large_and_awkward_css() -> None:
    filler = "".join(
        f".c{n}{{border:none;font-size:14px;overflow:hidden;margin:-1px}}" for n in range(3000)
    )
    css = (
        '@charset "UTF-8";.aa{DISPLAY:NONE}'
        + filler
        + ".logo{background:url(img/logo@2x.png)} .bb{ text-indent : -9999px }"
        + "@media screen{.cc{color:red}@supports (x:y){.dd{display:none}}} .ee{opacity:.0}"
        + "@font-face{font-family:x;src:url(a.woff)} .ff{visibility:hidden} .gg{opacity:0.5}"
    )
    tree = parse_html(f"<style>{css}</style><p>x</p>")
    assert sorted(hidden_selectors(tree)) == [".aa", ".bb", ".ee", ".ff"]


def test_megabytes_of_junk_css_are_read_in_linear_time() -> None:
    # A quadratic declaration scan hung for minutes on this (found by bench/extract_mutations).
    junk = "x" * 1_000_000
    assert not is_hiding_style(f"height:0;{junk}")
    assert is_hiding_style(f"{junk};display:none")
    html = f"<style>.a{{height:0;{junk}}} .b{{display:none}}</style><p class='a'>甲</p>"
    assert hidden_selectors(parse_html(html)) == [".b"]

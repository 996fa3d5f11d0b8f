"""HTML of the flagship site, 湖南社会工作, in the div-soup style of the 红网 CMS.

Every page carries the chrome: welcome bar with the (fixed) header date, 繁體/无障碍/搜索
links, the two-level nav menu and the footer. Links are absolute paths. Article pages wrap
title, meta line and body in ``<!--startprint-->`` … ``<!--endprint-->``.
"""

from __future__ import annotations

from collections.abc import Callable

from hnreader.demo.content import TODAY, DemoEdition
from hnreader.demo.markup import (
    body_html,
    esc,
    hijacked_title,
    offscreen_spam,
    spam_links,
)
from hnreader.demo.model import DemoArticle, DemoBlock, DemoListPage, DemoSite
from hnreader.demo.traditional import ruby_html, to_traditional

ICP = "湘ICP备20240517号-2"
CONTACT_PATH = "/about/contact.html"
SEARCH_PATH = "/search/index.html"


def _head(title_html: str, charset: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>{title_html}</title>
<meta name="keywords" content="湖南社会工作,社会工作部,志愿服务,新就业群体" />
<link rel="stylesheet" type="text/css" href="/static/css/common.css" />
<script type="text/javascript" src="/static/js/common.js"></script>
{extra}</head>
"""


def _top(site: DemoSite, convert: Callable[[str], str]) -> str:
    nav = ['<li class="nav_index"><a href="/">首页</a></li>']
    for section in site.sections:
        subs = "".join(f'<a href="{c.path}">{esc(c.name)}</a>' for c in section.children)
        sub_html = f'\n    <div class="sub_nav">{subs}</div>' if subs else ""
        nav.append(
            f'<li class="nav_li"><a href="{section.path}">{esc(section.name)}</a>{sub_html}</li>'
        )
    return f"""<div class="top_bar"><div class="w1200">
  <span class="welcome">{esc(convert("湖南社会工作欢迎您！"))}</span>
  <span class="today" id="today">{TODAY}</span>
  <span class="top_links"><a href="javascript:void(0);" id="StranLink">繁體</a> |
  <a href="javascript:void(0);" class="wza">无障碍</a> | <a href="{SEARCH_PATH}">搜索</a></span>
</div></div>
<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/static/images/logo.png" \
alt="湖南社会工作" /></a></div></div>
<div class="nav"><div class="w1200"><ul class="nav_ul">
  {chr(10).join(nav)}
</ul></div></div>
"""


def _footer() -> str:
    return f"""<div class="footer"><div class="w1200">
  <p><a href="/">网站首页</a>&nbsp;&nbsp;|&nbsp;&nbsp;<a href="{CONTACT_PATH}">联系我们</a></p>
  <p>主办单位：中共湖南省委社会工作部&nbsp;&nbsp;&nbsp;&nbsp;技术支持：湖南红网新媒体集团&nbsp;&nbsp;&nbsp;&nbsp;\
ICP备案号：<a href="https://beian.miit.gov.cn/" target="_blank">{ICP}</a></p>
</div></div>
"""


def home_page(site: DemoSite, edition: DemoEdition) -> str:
    """The flagship home page: nav, a box of newest links per top section, topic links."""
    boxes = []
    for section in site.sections:
        keys = {s.key for s in section.walk()}
        newest = [a for a in site.articles if a.section in keys][:6]
        items = "\n".join(
            f'    <li><a href="{a.path}" target="_blank" title="{esc(a.title)}">{esc(a.title)}</a>'
            f'<span class="date">{a.published[5:10]}</span></li>'
            for a in newest
        )
        boxes.append(
            f'<div class="index_box"><div class="box_title"><h2>{esc(section.name)}</h2>'
            f'<a href="{section.path}" class="more">更多&gt;&gt;</a></div>\n'
            f'  <ul class="box_list">\n{items}\n  </ul></div>'
        )
    redirect_paths = list(edition.redirects)
    banners = "\n".join(
        f'<li><a href="{a.path}" target="_blank"><img src="{a.images[0].image_path}" '
        f'alt="{esc(a.title)}" /><p>{esc(a.title)}</p></a></li>'
        for a in site.articles
        if a.images
    )
    return (
        _head("湖南社会工作", "utf-8")
        + "<body>\n"
        + _top(site, str)
        + f"""<div class="w1200 index_main">
<div class="focus"><ul class="focus_pic">
{banners}
</ul></div>
<div class="zt_links">
  <a href="{redirect_paths[1]}" target="_blank">“雷锋家乡学雷锋”专题</a>
  <a href="{redirect_paths[0]}" target="_blank">往期回顾</a>
  <a href="{edition.missing_path}" target="_blank">2023年度工作回顾</a>
</div>
{chr(10).join(boxes)}
</div>
"""
        + _footer()
        + "</body>\n</html>\n"
    )


def list_page(site: DemoSite, page: DemoListPage) -> str:
    """One page of a section's list: 20 dated links, numbered pages, 上一页/下一页."""
    items = "\n".join(
        f'<li><span class="date">{a.date}</span><a href="{a.path}" target="_blank" '
        f'title="{esc(a.title)}">{esc(a.title)}</a></li>'
        for a in page.items
    )
    hot = "\n".join(
        f'<li><a href="{a.path}" target="_blank">{esc(a.title)}</a></li>' for a in site.articles[:5]
    )
    return (
        _head(f"{esc(page.section)}_湖南社会工作", "utf-8")
        + "<body>\n"
        + _top(site, str)
        + f"""<div class="w1200 main">
<div class="position">当前位置：<a href="/">湖南社会工作</a> &gt; {esc(page.section)}</div>
<div class="list_left">
  <div class="list_title"><span>{esc(page.section)}</span></div>
  <ul class="list_ul">
{items}
  </ul>
  {_pager(page)}
</div>
<div class="list_right"><div class="hot_title">热点排行</div><ul class="hot_list">
{hot}
</ul></div>
</div>
"""
        + _footer()
        + "</body>\n</html>\n"
    )


def _pager(page: DemoListPage) -> str:
    current = page.pages.index(page.path)
    names = [p.rsplit("/", 1)[1] for p in page.pages]
    total_items = "共" + str(len(page.pages)) + "页"
    parts = [f'<div class="page">{total_items}&nbsp;', f'<a href="{names[0]}">首页</a>']
    if current > 0:
        parts.append(f'<a href="{names[current - 1]}">上一页</a>')
    else:
        parts.append('<span class="disabled">上一页</span>')
    for number, name in enumerate(names):
        if number == current:
            parts.append(f'<span class="current">{number + 1}</span>')
        else:
            parts.append(f'<a href="{name}">{number + 1}</a>')
    if current + 1 < len(names):
        parts.append(f'<a href="{names[current + 1]}">下一页</a>')
    else:
        parts.append('<span class="disabled">下一页</span>')
    parts.append(f'<a href="{names[-1]}">尾页</a></div>')
    return "\n  ".join(parts)


def article_pages(site: DemoSite, article: DemoArticle) -> list[str]:
    """The HTML of every page of an article (one, or three for the multipage one)."""
    count = len(article.pages)
    size = -(-len(article.blocks) // count)
    return [
        _article_page(site, article, number, article.blocks[number * size : (number + 1) * size])
        for number in range(count)
    ]


def _article_page(
    site: DemoSite, article: DemoArticle, number: int, blocks: tuple[DemoBlock, ...]
) -> str:
    ruby = "ruby" in article.flags
    convert = to_traditional if ruby else str
    text_html = ruby_html if ruby else esc
    title = f"{esc(article.title)}_{esc(convert(site.name))}"
    extra = ""
    if article.spam:
        extra = f'<script type="text/javascript">document.title="{title}";</script>\n'
        title = hijacked_title(article)
    crumbs = article.breadcrumb
    crumb_links = [f'<a href="/">{esc(crumbs[0])}</a>']
    for name in crumbs[1:-1]:
        path = _section_path(site, convert, name)
        crumb_links.append(f'<a href="{path}">{text_html(name) if ruby else esc(name)}</a>')
    crumb_links.append(text_html(crumbs[-1]) if ruby else esc(crumbs[-1]))
    published = article.published.replace("T", " ")
    related = [a for a in site.articles if a.section == article.section and a is not article][:5]
    related_html = "\n".join(
        f'<li><a href="{a.path}" target="_blank">{esc(a.title)}</a><span>{a.date}</span></li>'
        for a in related
    )
    spam_top = spam_links(article) + "\n" if article.spam else ""
    spam_bottom = offscreen_spam(article) + "\n" if article.spam else ""
    body = body_html(blocks, article, text_html=text_html)
    label = convert
    return (
        _head(title, article.declared_charset, extra)
        + "<body>\n"
        + spam_top
        + _top(site, convert)
        + f"""<div class="w1200 main">
<div class="position">{esc(label("当前位置"))}：{" &gt; ".join(crumb_links)}</div>
<!--startprint-->
<div class="article">
  <h1 class="article_title">{text_html(article.title)}</h1>
  <div class="article_info">
    <span class="source">{esc(label("文章来源"))}：{esc(article.source)}</span>
    <span class="time">{esc(label("时间"))}: {published}</span>
    <span class="zihao">【{esc(label("字号"))}：<a href="javascript:doZoom(20);">大</a> \
<a href="javascript:doZoom(16);">中</a> <a href="javascript:doZoom(14);">小</a>】</span>
  </div>
  <div class="article_content" id="fontzoom">
{body}
  </div>
{_multipage_nav(article, number)}{_attachments(article)}\
  <div class="zuozhe">{esc(label("作者"))}：{esc(article.author or "")}</div>
  <div class="zebian">{esc(label("责编"))}：{esc(article.editor or "")}</div>
</div>
<!--endprint-->
<div class="share">{esc(label("分享到"))}：<a href="javascript:void(0);" class="share_wx">微信</a> \
<a href="javascript:void(0);" class="share_wb">微博</a>
  <a href="javascript:window.print();" class="print">{esc(label("打印"))}</a> \
<a href="javascript:window.close();" class="close">{esc(label("关闭"))}</a></div>
<div class="related"><div class="related_title">{esc(label("相关阅读"))}</div><ul>
{related_html}
</ul></div>
</div>
{spam_bottom}"""
        + _footer()
        + "</body>\n</html>\n"
    )


def _section_path(site: DemoSite, convert: Callable[[str], str], name: str) -> str:
    for section in site.all_sections():
        if convert(section.name) == name:
            return section.path
    raise KeyError(f"breadcrumb names no section: {name!r}")


def _multipage_nav(article: DemoArticle, number: int) -> str:
    if len(article.pages) == 1:
        return ""
    names = [p.rsplit("/", 1)[1] for p in article.pages]
    parts = []
    if number > 0:
        parts.append(f'<a href="{names[number - 1]}">上一页</a>')
    for index, name in enumerate(names):
        parts.append(
            f'<span class="current">{index + 1}</span>'
            if index == number
            else f'<a href="{name}">{index + 1}</a>'
        )
    if number + 1 < len(names):
        parts.append(f'<a href="{names[number + 1]}">下一页</a>')
    return '  <div class="page_nav" style="text-align:center;">' + " ".join(parts) + "</div>\n"


def _attachments(article: DemoArticle) -> str:
    if not article.attachments:
        return ""
    links = "\n".join(
        f'    <p><a href="{a.path}" target="_blank">{esc(a.name)}</a></p>'
        for a in article.attachments
    )
    return f'  <div class="attachment"><span>附件下载：</span>\n{links}\n  </div>\n'


def simple_page(site: DemoSite, title: str, lines: list[str]) -> str:
    """A plain chrome-wrapped page (联系我们, 搜索, and the 404 page)."""
    body = "\n".join(f"<p>{esc(line)}</p>" for line in lines)
    return (
        _head(f"{esc(title)}_湖南社会工作", "utf-8")
        + "<body>\n"
        + _top(site, str)
        + '<div class="w1200 main"><div class="simple">'
        + f"<h2>{esc(title)}</h2>\n{body}\n</div></div>\n"
        + _footer()
        + "</body>\n</html>\n"
    )

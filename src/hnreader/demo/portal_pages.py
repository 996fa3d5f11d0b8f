"""HTML of the demo government portal in the style of a TRS CMS: tables, relative links.

List pages announce their other pages only through ``createPageHTML(count, current, "index",
"html")`` (the function is in ``/portal/images/common.js``); article bodies sit in
``<div class="TRS_Editor">`` inside ``#zoom``; 政策文件 pages start with the 索引号 … table.
"""

from __future__ import annotations

from hnreader.demo.content import TODAY
from hnreader.demo.markup import (
    body_html,
    esc,
    hijacked_title,
    offscreen_spam,
    relative,
    spam_links,
)
from hnreader.demo.model import DemoArticle, DemoListPage, DemoSite
from hnreader.demo.portal_content import SITE_NAME

SCRIPT_PATH = "/portal/images/common.js"

PAGE_SCRIPT = """/* TRS WCM 分页 */
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var nCurrIndex = _nCurrIndex || 0;
  function name(i) { return i == 0 ? _sPageName + "." + _sPageExt
                                   : _sPageName + "_" + i + "." + _sPageExt; }
  document.write("共" + _nPageCount + "页&nbsp;");
  if (nCurrIndex > 0) { document.write("<a href=\\"" + name(nCurrIndex - 1) + "\\">上一页</a> "); }
  for (var i = 0; i < _nPageCount; i++) {
    if (i == nCurrIndex) { document.write("<span>" + (i + 1) + "</span> "); }
    else { document.write("<a href=\\"" + name(i) + "\\">" + (i + 1) + "</a> "); }
  }
  if (nCurrIndex < _nPageCount - 1) {
    document.write("<a href=\\"" + name(nCurrIndex + 1) + "\\">下一页</a>");
  }
}
"""


def _head(here: str, title_html: str, meta: str = "") -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta charset="utf-8">
<title>{title_html}</title>
<meta name="SiteName" content="{esc(SITE_NAME)}">
<meta name="SiteIDCode" content="4300000099">
{meta}<link href="{relative(here, "/portal/images/style.css")}" rel="stylesheet" type="text/css">
<script type="text/javascript" src="{relative(here, SCRIPT_PATH)}"></script>
</head>
"""


def _top(site: DemoSite, here: str) -> str:
    cells = [f'<td class="dh"><a href="{relative(here, site.home_path)}">首页</a></td>']
    for section in site.sections:
        subs = "".join(
            f'<a href="{relative(here, c.path)}">{esc(c.name)}</a>' for c in section.children
        )
        sub_html = f'<div class="erji">{subs}</div>' if subs else ""
        cells.append(
            f'<td class="dh"><a href="{relative(here, section.path)}">{esc(section.name)}</a>'
            f"{sub_html}</td>"
        )
    return f"""<table width="100%" border="0" cellspacing="0" cellpadding="0" class="topbg">
<tr><td width="1000" align="center"><table width="1000" border="0" cellspacing="0" cellpadding="0">
<tr><td class="banner"><img src="{relative(here, "/portal/images/banner.png")}" \
alt="{esc(site.name)}"></td>
<td class="rq" align="right">{TODAY}&nbsp;&nbsp;<a href="javascript:void(0)">繁體</a>&nbsp;|&nbsp;\
<a href="javascript:void(0)">无障碍</a></td></tr></table></td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="daohang">
<tr>{"".join(cells)}</tr></table>
"""


_FOOTER = """<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" \
class="bottom">
<tr><td align="center">主办：潇湘省人民政府办公厅&nbsp;&nbsp;承办：潇湘省电子政务服务中心<br>
网站标识码：4300000099&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">潇ICP备05012345号</a>\
&nbsp;&nbsp;潇公网安备 43010502000123号</td></tr></table>
"""


def home_page(site: DemoSite) -> str:
    """The portal home page: a table of columns, each with its newest links."""
    here = site.home_path
    columns = []
    for section in site.sections:
        keys = {s.key for s in section.walk()}
        newest = [a for a in site.articles if a.section in keys][:7]
        rows = "\n".join(
            f'<tr><td class="sy_li"><a href="{relative(here, a.path)}" target="_blank" '
            f'title="{esc(a.title)}">{esc(a.title)}</a></td>'
            f'<td class="sy_rq">{a.date[5:]}</td></tr>'
            for a in newest
        )
        columns.append(
            f'<td valign="top" width="33%"><table width="100%" class="sy_lm">'
            f'<tr><td class="sy_bt">{esc(section.name)}</td><td align="right">'
            f'<a href="{relative(here, section.path)}">更多</a></td></tr>\n{rows}\n</table></td>'
        )
    return (
        _head(here, esc(site.name))
        + "<body>\n"
        + _top(site, here)
        + '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">'
        + f"<tr>\n{chr(10).join(columns)}\n</tr></table>\n"
        + _FOOTER
        + "</body>\n</html>\n"
    )


def list_page(site: DemoSite, page: DemoListPage) -> str:
    """A TRS list page; its other pages are announced only by ``createPageHTML``."""
    here = page.path
    items = "\n".join(
        f'<li><span>{a.date}</span><a href="{relative(here, a.path)}" target="_blank" '
        f'title="{esc(a.title)}">{esc(a.title)}</a></li>'
        for a in page.items
    )
    current = page.pages.index(page.path)
    return (
        _head(
            here,
            f"{esc(page.section)}-{esc(site.name)}",
            f'<meta name="ColumnName" content="{esc(page.section)}">\n',
        )
        + "<body>\n"
        + _top(site, here)
        + f"""<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" \
class="lb">
<tr><td class="dqwz">当前位置：<a href="{relative(here, site.home_path)}">首页</a>&nbsp;&gt;&nbsp;\
{esc(page.section)}</td></tr>
<tr><td class="lm_tit">{esc(page.section)}</td></tr>
<tr><td><ul class="list">
{items}
</ul></td></tr>
<tr><td align="center" class="fy"><script type="text/javascript">
var currentPage = {current};//所在页从0开始
var countPage = {len(page.pages)}//共多少页
createPageHTML({len(page.pages)}, {current}, "index", "html");
</script></td></tr></table>
"""
        + _FOOTER
        + "</body>\n</html>\n"
    )


def article_page(site: DemoSite, article: DemoArticle) -> str:
    """A TRS article page: position, optional field table, title, meta, ``#zoom`` body."""
    here = article.path
    title = f"{esc(article.title)}-{esc(site.name)}"
    if article.spam:
        title = hijacked_title(article)
    meta = (
        f'<meta name="ArticleTitle" content="{esc(article.title)}">\n'
        f'<meta name="PubDate" content="{article.published[:16].replace("T", " ")}">\n'
        f'<meta name="ContentSource" content="{esc(article.source)}">\n'
    )
    crumbs = [f'<a href="{relative(here, site.home_path)}">首页</a>']
    for section in site.all_sections():
        if section.name in article.breadcrumb[1:]:
            crumbs.append(f'<a href="{relative(here, section.path)}">{esc(section.name)}</a>')
    related = [a for a in site.articles if a.section == article.section and a is not article][:5]
    related_html = "\n".join(
        f'<li><a href="{relative(here, a.path)}" target="_blank">{esc(a.title)}</a></li>'
        for a in related
    )
    attachments = ""
    if article.attachments:
        links = "<br>".join(
            f'<a href="{relative(here, a.path)}">{esc(a.name)}</a>' for a in article.attachments
        )
        attachments = f'<div class="fjxz">相关附件：<br>{links}</div>\n'
    body = body_html(article.blocks, article, link="./")
    return (
        _head(here, title, meta)
        + "<body>\n"
        + (spam_links(article) + "\n" if article.spam else "")
        + _top(site, here)
        + f"""<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" \
class="xl">
<tr><td class="dqwz">当前位置：{"&nbsp;&gt;&nbsp;".join(crumbs)}</td></tr>
<tr><td>{_field_table(article)}</td></tr>
<tr><td class="xl_bt" align="center"><h2>{esc(article.title)}</h2></td></tr>
<tr><td class="xl_info" align="center">发布时间：{article.published.replace("T", " ")}\
&nbsp;&nbsp;&nbsp;&nbsp;来源：{esc(article.source)}&nbsp;&nbsp;&nbsp;&nbsp;\
【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> \
<a href="javascript:doZoom(14)">小</a>】</td></tr>
<tr><td class="xl_nr"><div id="zoom"><div class="TRS_Editor"><style type="text/css">
.TRS_Editor P{{margin-top:0px;margin-bottom:12px;line-height:2;font-family:宋体;font-size:12pt;}}
</style>
<div class="Custom_UnionStyle">
{body}
</div></div></div>
{attachments}</td></tr>
<tr><td class="xl_zz" align="right">作者：{esc(article.author or "")}</td></tr>
<tr><td class="xl_zb" align="right">责任编辑：{esc(article.editor or "")}</td></tr>
<tr><td class="xl_fx" align="right">分享到：<a href="javascript:void(0)">微信</a> \
<a href="javascript:void(0)">微博</a>&nbsp;&nbsp;\
<a href="javascript:window.print()">【打印本页】</a> \
<a href="javascript:window.close()">【关闭窗口】</a></td></tr>
<tr><td class="xgwz"><div class="xgwz_tit">相关文章</div><ul>
{related_html}
</ul></td></tr></table>
"""
        + (offscreen_spam(article) + "\n" if article.spam else "")
        + _FOOTER
        + "</body>\n</html>\n"
    )


def _field_table(article: DemoArticle) -> str:
    if not article.fields:
        return ""
    cells = [
        f'<td class="xxgk_lb" width="12%">{esc(label)}：</td><td width="38%">{esc(value)}</td>'
        for label, value in article.fields
    ]
    rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    return (
        '<table width="100%" border="0" cellpadding="0" cellspacing="1" class="xxgk_table">'
        f"<tbody>{rows}</tbody></table>"
    )


def not_found_page(site: DemoSite, path: str) -> str:
    """The portal's 404 page."""
    return (
        _head(path, "404 页面不存在")
        + "<body>\n"
        + _top(site, path)
        + '<table width="1000" align="center"><tr><td align="center"><h2>抱歉，您访问的页面不存在'
        "</h2><p>页面可能已被删除或移动。</p></td></tr></table>\n" + _FOOTER + "</body>\n</html>\n"
    )

"""HTML pieces both demo sites share: body paragraph styles, tables and injected spam.

Real CMS editors leave many ways of writing one paragraph (inline ``text-indent``, ``&nbsp;``
runs, ``<font>`` and ``<span>`` wrappers, empty spacer paragraphs); the demo cycles through them
so an extractor meets each of them on some page.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from hnreader.demo.model import DemoArticle, DemoBlock


def esc(text: str) -> str:
    """HTML-escape text for element content and double-quoted attributes."""
    return html.escape(text, quote=True)


def relative(from_path: str, to_path: str) -> str:
    """The relative link from the page at ``from_path`` to ``to_path`` (TRS sites use these)."""
    # Hand-rolled rather than posixpath.relpath, which calls os.getcwd() on every use and
    # made rendering the portal several times slower.
    here = [part for part in from_path.split("/")[:-1] if part]
    *there, name = to_path.split("/")
    there = [part for part in there if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    down = "".join(f"{part}/" for part in there[common:])
    target = "../" * (len(here) - common) + down + name
    return target if target.startswith(".") else "./" + target


def paragraph(text_html: str, style: int) -> str:
    """One body paragraph in editor style ``style`` (0-3); ``text_html`` is already escaped."""
    match style % 4:
        case 0:
            return f'<p style="text-indent:2em;">{text_html}</p>'
        case 1:
            return f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{text_html}</p>"
        case 2:
            return (
                '<p style="text-indent: 2em; line-height: 2em; text-align: justify;">'
                f'<span style="font-size: 16px; font-family: 宋体, SimSun;">{text_html}</span></p>'
            )
        case _:
            return f'<div><font face="仿宋_GB2312" size="3">\u3000\u3000{text_html}</font></div>'


def table(rows: tuple[tuple[str, ...], ...]) -> str:
    """A Word-pasted data table, first row bold."""
    lines = [
        '<table border="1" cellspacing="0" cellpadding="0" width="90%" '
        'style="border-collapse:collapse;margin:0 auto;"><tbody>'
    ]
    for index, row in enumerate(rows):
        cells = []
        for cell in row:
            inner = f"<strong>{esc(cell)}</strong>" if index == 0 else esc(cell)
            cells.append(
                '<td style="border:1px solid #000000;" valign="middle">'
                '<p style="text-align:center;"><span style="font-size:14px;">'
                f"{inner}</span></p></td>"
            )
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def body_html(
    blocks: tuple[DemoBlock, ...] | list[DemoBlock],
    article: DemoArticle,
    *,
    link: str = "",
    text_html: Callable[[str], str] | None = None,
) -> str:
    """The body blocks as editor HTML; images link through ``link`` + their path's file name.

    ``link`` empty means absolute image paths; ``text_html`` turns text into HTML (ruby pages).
    """
    render = text_html or esc
    parts = []
    style = article.id
    for index, block in enumerate(blocks):
        if block.kind == "paragraph":
            parts.append(paragraph(render(block.text), style))
            if (article.id + index) % 5 == 0:
                parts.append("<p>&nbsp;</p>")  # the empty spacer editors leave behind
        elif block.kind == "heading":
            parts.append(f'<h3 style="text-align:center;font-size:16px;">{render(block.text)}</h3>')
        elif block.kind == "table":
            parts.append(table(block.rows))
        else:
            src = link + block.image_path.rsplit("/", 1)[1] if link else block.image_path
            alt = esc(block.alt or "")
            parts.append(
                f'<p style="text-align: center;"><img src="{src}" alt="{alt}" title="{alt}" '
                'width="160" height="100" border="0" /></p>'
            )
            if block.caption:
                parts.append(
                    '<p style="text-align: center;"><span style="color:#666666;font-family:楷体;">'
                    f"{esc(block.caption)}</span></p>"
                )
        if article.spam and index == 1:
            parts.append(hidden_body_spam(article))
    return "\n".join(parts)


def spam_links(article: DemoArticle) -> str:
    """A hidden link farm of off-site links, as injected at the top of hacked pages."""
    links = " ".join(
        f'<a href="http://www.{_spam_host(article, n)}.example/" target="_blank">{esc(s)}</a>'
        for n, s in enumerate(article.spam)
    )
    return f'<div style="display:none">{links}</div>'


def offscreen_spam(article: DemoArticle) -> str:
    """A spam block pushed off screen, as injected before the footer of hacked pages."""
    text = "，".join(article.spam)
    return (
        '<div style="position:absolute;left:-9999px;top:-9999px;width:1px;overflow:hidden;">'
        f"{esc(text)}，信誉保证，欢迎咨询。</div>"
    )


def hidden_body_spam(article: DemoArticle) -> str:
    """A hidden paragraph slipped into the article body itself."""
    first = article.spam[0]
    return (
        f'<p style="display: none;"><a href="http://{_spam_host(article, 9)}.example/">'
        f"{esc(first)}</a></p>"
    )


def hijacked_title(article: DemoArticle) -> str:
    """The spam ``<title>`` a hacked page carries instead of its own."""
    return esc("_".join(article.spam[:3]))


def _spam_host(article: DemoArticle, number: int) -> str:
    return f"x{(article.id * 7 + number * 131) % 9000 + 1000}"

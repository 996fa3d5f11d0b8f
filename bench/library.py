"""Pre-filled libraries for the benchmarks, built once and cached under ``bench/.cache/``.

A library holds a synthetic site (see :mod:`synth`) as a finished sync leaves it: the section
tree, every list page and every article, each with a raw HTML page (compressed), so search,
store size, start-up and memory are all measured on the same realistic file. Building 100,000
articles takes minutes; the cache makes later runs start at once. A directory is used only if
its ``complete`` marker exists, so an interrupted build is rebuilt, never half-used.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable
from html import escape
from pathlib import Path

import synth
from hnreader.demo.flagship_content import SITE_NAME, build_sections
from hnreader.demo.model import DemoArticle, DemoListPage
from hnreader.models import Page
from hnreader.store import ArticleRecord, Store

# HNREADER_BENCH_CACHE moves the cache (the smoke tests use a temporary directory).
CACHE = Path(os.environ.get("HNREADER_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
BASE_URL = "http://bench.hnreader.invalid/"
LAYOUT_VERSION = 1  # bump when what a cached library holds changes
BATCH = 250
_HTML = "text/html; charset=utf-8"


def _chrome_top(title: str) -> str:
    nav = "".join(f'<li><a href="{s.path}">{escape(s.name)}</a></li>' for s in build_sections())
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        f'{escape(title)}_{SITE_NAME}</title><link rel="stylesheet" href="/static/c.css">'
        '<script src="/static/common.js"></script></head><body>\n<div class="top_bar">'
        f"{SITE_NAME}欢迎您！ <a href='/search/'>搜索</a></div>\n"
        f'<div class="nav"><ul class="nav_ul">{nav}</ul></div>\n'
    )


_FOOTER = (
    '<div class="footer"><p><a href="/">网站首页</a> | <a href="/about/contact.html">联系我们'
    "</a></p><p>主办单位：示例社会工作部 技术支持：示例新媒体 ICP备案号：示ICP备00000000号"
    "</p></div>\n</body></html>\n"
)


def article_html(article: DemoArticle, related: Iterable[DemoArticle]) -> str:
    """A raw article page in the shape of a CMS page: chrome, meta line, body, related links."""
    body = "\n".join(
        f'<p style="text-indent:2em;font-size:16px;">{escape(b.text)}</p>'
        if b.kind == "paragraph"
        else f'<h3 style="text-align:center;">{escape(b.text)}</h3>'
        for b in article.blocks
    )
    links = "\n".join(
        f'<li><a href="{a.path}">{escape(a.title)}</a><span>{a.date}</span></li>' for a in related
    )
    return (
        _chrome_top(article.title)
        + f'<div class="position">当前位置：{" &gt; ".join(article.breadcrumb)}</div>\n'
        + f'<!--startprint--><div class="article"><h1>{escape(article.title)}</h1>\n'
        + f'<div class="article_info"><span>文章来源：{escape(article.source)}</span>'
        + f"<span>时间: {article.published.replace('T', ' ')}</span></div>\n"
        + f'<div class="article_content">\n{body}\n</div>'
        + f"<div>作者：{article.author}</div><div>责编：{article.editor}</div></div>"
        + f'<!--endprint-->\n<div class="related"><ul>\n{links}\n</ul></div>\n'
        + _FOOTER
    )


def list_html(page: DemoListPage) -> str:
    """A raw list page: chrome, twenty dated links, the pager."""
    items = "\n".join(
        f'<li><span class="date">{a.date}</span><a href="{a.path}">{escape(a.title)}</a></li>'
        for a in page.items
    )
    pager = " ".join(f'<a href="{p}">{n + 1}</a>' for n, p in enumerate(page.pages))
    return _chrome_top(page.section) + f'<ul class="list">\n{items}\n</ul>\n{pager}\n' + _FOOTER


def fill(data_dir: Path, count: int, *, seed: int = 1, progress: bool = False) -> None:
    """Write a library of ``count`` synthetic articles (with raw pages) into ``data_dir``."""
    site = synth.demo_site(count, seed)
    with Store.open(data_dir) as store:
        store.save_tree(synth.to_tree(BASE_URL))
        started = time.monotonic()
        oldest_first = list(reversed(site.articles))  # storage order follows publication
        for start in range(0, count, BATCH):
            chunk = oldest_first[start : start + BATCH]
            records = []
            for offset, article in enumerate(chunk):
                neighbours = oldest_first[start + offset + 1 : start + offset + 6]
                url = BASE_URL.rstrip("/") + article.path
                raw = article_html(article, neighbours).encode()
                page = Page(url, raw, _HTML, 200, {"etag": f'"{article.id}"'})
                records.append(ArticleRecord(synth.to_article(article, BASE_URL), page))
            store.save_articles(records)
            if progress and (start // BATCH) % 40 == 0:
                rate = (start + len(chunk)) / max(time.monotonic() - started, 1e-9)
                print(
                    f"  library: {start + len(chunk)}/{count} articles ({rate:.0f}/s)",
                    file=sys.stderr,
                )
        for list_page in site.list_pages:
            url = BASE_URL.rstrip("/") + list_page.path
            raw_list = Page(url, list_html(list_page).encode(), _HTML, 200, {})
            store.save_list(synth.to_list(list_page, BASE_URL), raw_list)


def cached(count: int, *, seed: int = 1) -> Path:
    """The data directory of a cached library of ``count`` articles, built if missing."""
    directory = CACHE / f"library-{count}-s{seed}-v{LAYOUT_VERSION}"
    marker = directory / "complete"
    if marker.exists():
        return directory
    if directory.exists():
        shutil.rmtree(directory)  # an interrupted build
    print(
        f"building a {count}-article library in {directory} (cached for later runs)",
        file=sys.stderr,
    )
    started = time.monotonic()
    fill(directory, count, seed=seed, progress=True)
    with Store.open(directory) as store:
        store.vacuum()
    marker.write_text(f"built in {time.monotonic() - started:.0f} s\n")
    return directory


def first_list_url() -> str:
    """The first list page of the first section: what start-up shows."""
    return BASE_URL.rstrip("/") + build_sections()[0].path

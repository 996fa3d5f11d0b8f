"""Every response of the demo edition, rendered once: path -> :class:`Resource`.

Pages are encoded in the charset their article was generated with; the ``meta-charset``
articles get a bare ``text/html`` Content-Type so only their ``<meta>`` names the charset.
Each resource carries a Last-Modified time (its publication time, Beijing time) and an ETag
(a hash of its bytes), which the server uses for conditional requests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

from hnreader.demo import flagship_pages, portal_pages
from hnreader.demo.content import TODAY_ISO, DemoEdition, demo_edition
from hnreader.demo.files import make_docx, make_pdf, make_png
from hnreader.demo.model import DemoArticle, DemoSite

BEIJING = timezone(timedelta(hours=8))
EDITION_DATE = datetime.fromisoformat(TODAY_ISO).replace(tzinfo=BEIJING)

ROBOTS = b"User-agent: *\nDisallow: /search/\nAllow: /\n"
FLAGSHIP_CSS = (
    b"body{margin:0;font:14px/1.8 'Microsoft YaHei',SimSun;}.w1200{width:1200px;margin:0 auto;}\n"
)
PORTAL_CSS = b"body{margin:0;font-size:12px;}.TRS_Editor{font-size:16px;line-height:2;}\n"
FLAGSHIP_JS = (
    b"function doZoom(size){var e=document.getElementById('fontzoom');"
    b"if(e){e.style.fontSize=size+'px';}}\n"
)


@dataclass(frozen=True, slots=True)
class Resource:
    """One response: status, bytes, headers and the validators for conditional requests."""

    body: bytes
    content_type: str
    last_modified: datetime = EDITION_DATE
    status: int = 200
    location: str | None = None
    etag: str = field(default="", compare=False)

    @classmethod
    def make(
        cls,
        body: bytes,
        content_type: str,
        last_modified: datetime = EDITION_DATE,
        status: int = 200,
        location: str | None = None,
    ) -> Resource:
        """A resource with its ETag computed from its bytes."""
        etag = '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest()[:16] + '"'
        return cls(body, content_type, last_modified, status, location, etag)


def _html(text: str, charset: str = "utf-8", *, header_charset: bool = True) -> tuple[bytes, str]:
    content_type = f"text/html; charset={charset}" if header_charset else "text/html"
    return text.encode(charset if charset != "gb2312" else "gbk"), content_type


def _published(article: DemoArticle) -> datetime:
    return datetime.fromisoformat(article.published).replace(tzinfo=BEIJING)


def _newest(articles: tuple[DemoArticle, ...] | list[DemoArticle]) -> datetime:
    return max((_published(a) for a in articles), default=EDITION_DATE)


@cache
def routes() -> dict[str, Resource]:
    """Every path the demo server answers (redirects included), built once per process."""
    edition = demo_edition()
    table: dict[str, Resource] = {}
    flagship, portal = edition.site("flagship"), edition.site("portal")
    _add_flagship(table, flagship, edition)
    _add_portal(table, portal)
    for path, (status, target) in edition.redirects.items():
        table[path] = Resource.make(b"", "text/html; charset=utf-8", status=status, location=target)
    table["/robots.txt"] = Resource.make(ROBOTS, "text/plain; charset=utf-8")
    return table


def _add_flagship(table: dict[str, Resource], site: DemoSite, edition: DemoEdition) -> None:
    home = Resource.make(
        *_html(flagship_pages.home_page(site, edition)), last_modified=_newest(site.articles)
    )
    table["/"] = table["/index.html"] = home
    for page in site.list_pages:
        table[page.path] = Resource.make(
            *_html(flagship_pages.list_page(site, page)), last_modified=_newest(page.items)
        )
    for article in site.articles:
        header_charset = "meta-charset" not in article.flags
        for path, text in zip(
            article.pages, flagship_pages.article_pages(site, article), strict=True
        ):
            body, content_type = _html(
                text, article.declared_charset, header_charset=header_charset
            )
            table[path] = Resource.make(body, content_type, _published(article))
        _add_files(table, article)
    table[flagship_pages.CONTACT_PATH] = Resource.make(
        *_html(
            flagship_pages.simple_page(
                site,
                "联系我们",
                ["通信地址：长沙市演示路1号（邮编：410000）", "联系电话：0731-88000000"],
            )
        )
    )
    table[flagship_pages.SEARCH_PATH] = Resource.make(
        *_html(flagship_pages.simple_page(site, "站内搜索", ["请输入关键词进行检索。"]))
    )
    table["/static/css/common.css"] = Resource.make(FLAGSHIP_CSS, "text/css")
    table["/static/js/common.js"] = Resource.make(FLAGSHIP_JS, "application/javascript")
    table["/static/images/logo.png"] = Resource.make(make_png(300, 60, 1), "image/png")


def _add_portal(table: dict[str, Resource], site: DemoSite) -> None:
    home = Resource.make(*_html(portal_pages.home_page(site)), last_modified=_newest(site.articles))
    table[site.home_path] = table[site.home_path + "index.html"] = home
    for page in site.list_pages:
        table[page.path] = Resource.make(
            *_html(portal_pages.list_page(site, page)), last_modified=_newest(page.items)
        )
    for article in site.articles:
        body, content_type = _html(
            portal_pages.article_page(site, article),
            header_charset="meta-charset" not in article.flags,
        )
        table[article.path] = Resource.make(body, content_type, _published(article))
        _add_files(table, article)
    table[portal_pages.SCRIPT_PATH] = Resource.make(
        portal_pages.PAGE_SCRIPT.encode("utf-8"), "application/javascript; charset=utf-8"
    )
    table["/portal/images/style.css"] = Resource.make(PORTAL_CSS, "text/css")
    table["/portal/images/banner.png"] = Resource.make(make_png(400, 60, 2), "image/png")


def _add_files(table: dict[str, Resource], article: DemoArticle) -> None:
    when = _published(article)
    for number, block in enumerate(article.images, start=1):
        png = make_png(160, 100, article.id + number)
        table[block.image_path] = Resource.make(png, "image/png", when)
    for attachment in article.attachments:
        if attachment.type == "pdf":
            data = make_pdf(
                [
                    "hnreader demo edition",
                    f"Attachment to article {article.id}",
                    f"Published {article.published}",
                ]
            )
            table[attachment.path] = Resource.make(data, "application/pdf", when)
        else:
            data = make_docx([attachment.name, article.title, "本文件为演示版附件，内容为虚构。"])
            mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            table[attachment.path] = Resource.make(data, mime, when)


def not_found(path: str) -> Resource:
    """The 404 response for ``path``: the portal's page under /portal/, else the flagship's."""
    edition = demo_edition()
    if path.startswith("/portal/"):
        text = portal_pages.not_found_page(edition.site("portal"), path)
    else:
        text = flagship_pages.simple_page(
            edition.site("flagship"), "页面不存在", ["抱歉，您访问的页面不存在或已被删除。"]
        )
    return Resource.make(*_html(text), status=404)


def http_date(moment: datetime) -> str:
    """``moment`` as an HTTP date (RFC 9110 IMF-fixdate)."""
    return moment.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")

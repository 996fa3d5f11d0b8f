"""A small library written for the export tests (nothing from a real site).

A site, a section over two list pages, and articles with every kind of block, a stored image
and some hostile text.
"""

from __future__ import annotations

import struct
import zlib

from hnreader.models import (
    Article,
    ArticleList,
    Attachment,
    Block,
    Image,
    ListItem,
    Page,
    Section,
    SiteTree,
)
from hnreader.store import Store

SITE = "http://export.example.cn"
LIST_1 = f"{SITE}/xwzx/gzdt/index.html"
LIST_2 = f"{SITE}/xwzx/gzdt/index_2.html"
HOSTILE = '<script>alert("x")</script> [点我](javascript:alert(1)) **粗** # 标题 | 竖线 & 符号'


def tiny_png(red: int) -> bytes:
    """A valid 1×1 PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, red, 80, 40]))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def article(number: int, day: str, *, hostile: bool = False) -> Article:
    url = f"{SITE}/xwzx/gzdt/2025{day.replace('-', '')[4:]}/t_{number}.html"
    return Article(
        url=url,
        title=f"第{number}篇：社区志愿服务站开门迎客",
        source="示例社工报",
        published=f"{day}T09:30:00",
        author="赵六",
        editor="钱七",
        blocks=(
            Block("paragraph", f"第{number}篇的第一段：志愿者在服务站为老人测量血压。"),
            Block("paragraph", HOSTILE if hostile else "第二段：居民排队登记，秩序井然。"),
            Block("heading", "一、服务内容"),
            Block(
                "image", image=Image(f"{SITE}/img/{number}.png", alt="服务站外景", caption="服务站")
            ),
            Block("image", image=Image(f"{SITE}/img/not-stored.jpg", alt="未存图片")),
            Block("table", rows=(("项目", "人次"), ("测血压", "４５"), ("理发", "1|2"))),
        ),
        attachments=(
            Attachment("附件1：服务清单.xlsx", f"{SITE}/files/{number}.xlsx", "xlsx"),
            Attachment("恶意附件", "javascript:alert(2)", None),
        ),
        fields=(("索引号", f"430-{number:03d}"),),
    )


ARTICLES = (
    article(1, "2025-03-20", hostile=True),
    article(2, "2025-03-10"),
    article(3, "2025-02-01"),
)
UNSTORED_URL = f"{SITE}/xwzx/gzdt/202501/t_4.html"


def fill(store: Store) -> None:
    """Save the tree, the two list pages, three articles and their images."""
    tree = SiteTree(
        "示例社工网",
        f"{SITE}/",
        (Section("新闻中心", f"{SITE}/xwzx/", (Section("工作动态", LIST_1),)),),
    )
    store.save_tree(tree)
    items = [ListItem(a.title or "", a.url, (a.published or "")[:10]) for a in ARTICLES]
    store.save_list(
        ArticleList(LIST_1, "工作动态", tuple(items[:2]), pages=(LIST_1, LIST_2), next=LIST_2)
    )
    last = (items[2], ListItem("未存的文章", UNSTORED_URL, "2025-01-05"))
    store.save_list(ArticleList(LIST_2, "工作动态", last, pages=(LIST_1, LIST_2)))
    for number, stored in enumerate(ARTICLES, 1):
        image = Page(f"{SITE}/img/{number}.png", tiny_png(number * 60), "image/png")
        store.save_article(stored, assets=[image])

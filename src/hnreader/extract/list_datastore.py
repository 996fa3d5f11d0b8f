"""Hanweb list pages: items kept in a ``<script type="text/xml">`` datastore.

Hanweb (大汉) CMS pages ship their list as XML inside a script element, one ``<record>`` per
item whose CDATA is the item's HTML (``<li><a href=…>标题</a><span>2024-01-02</span></li>``);
a jpage script renders them in the browser. The browser-less reader parses the records itself.
"""

from __future__ import annotations

import re

from hnreader.extract.dom import parse_html
from hnreader.extract.list_items import item_from_row
from hnreader.models import ListItem

__all__ = ["datastore_items"]

_DATASTORE = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']?text/xml[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_RECORD = re.compile(
    r"<record\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.IGNORECASE | re.DOTALL
)


def datastore_items(html: str, url: str) -> tuple[list[ListItem], int] | None:
    """The items of every datastore record and how many records gave none; None if no store."""
    records = [
        cdata or plain
        for store in _DATASTORE.findall(html)
        for cdata, plain in _RECORD.findall(store)
    ]
    if not records:
        return None
    items: list[ListItem] = []
    unreadable = 0
    for record in records:
        body = parse_html(record).body
        item = item_from_row(body, url) if body is not None else None
        if item is None:
            unreadable += 1
        else:
            items.append(item)
    return items, unreadable

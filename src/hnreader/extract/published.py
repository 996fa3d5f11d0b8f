"""When an article was published, when its meta line does not say: the fallbacks, in order.

The date by the heading, a ``<meta>`` tag, a date element (``class="time"`` …), page data in
scripts (``publish_time: "…"``), a strong label anywhere on the page (发布时间：…), and last the
URL (day only, with a warning). A day-only date is made precise by a ``<meta>`` time of the same
day.
"""

from __future__ import annotations

import re

from hnreader.extract.dates import find_dates, parse_date
from hnreader.extract.dom import LexborHTMLParser, clean_text

__all__ = ["fallback_date", "more_precise"]

_SEP = "\u0001"
_DATE_META = (
    "articlepubdate", "apub:time", "pubtime", "dateupdate", "pubdate", "publishdate",
    "publish_date", "publish-date", "publishtime",
    "article:published_time", "og:release_date", "datepublished", "firstpublishedtime",
    "release_date", "date", "dc.date", "dc.date.issued",
)  # fmt: skip
_DATE_SELECTOR = (
    'time, [class*="time"], [class*="date"], [id*="time"], [id*="date"], [class*="pub"]'
)
_TODAY = re.compile(r"今天|今日|星期|周[一二三四五六日]")
_SCRIPT_DATE = re.compile(r"[\w]{0,8}[\"']?\s*[:=]\s*[\"']([^\"']{8,32})[\"']")
_SCRIPT_DATE_KEYS = (
    "publish_time", "publishtime", "pubtime", "pub_time", "pubdate", "pub_date", "publishdate",
    "publish_date", "datepublished", "date_published", "ptime", "release_time", "releasetime",
)  # fmt: skip
_STRONG_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发稿时间)\s*[:：]?")
_URL_DATE = re.compile(r"(?<!\d)(20\d\d)[-_/]?(\d\d)[-_/]?(\d\d)(?!\d)")


def fallback_date(
    page: tuple[LexborHTMLParser, str, list[str]],
    head: list[str],
    meta: dict[str, str],
    url: str,
    warnings: list[str],
) -> str | None:
    """A fallback date: by the heading, meta tag, date element, page data, strong label, URL."""
    tree, html, lines = page
    near = find_dates(" ".join(line for line in head if not _TODAY.search(line)), limit=1)
    if near:
        return near[0][1]
    for key in _DATE_META:
        if key in meta and (value := parse_date(meta[key])):
            return value
    for node in tree.css(_DATE_SELECTOR):
        text = clean_text(node.text(deep=True))
        if len(text) <= 60 and not _TODAY.search(text) and (value := parse_date(text)):
            return value
    if value := _script_date(html):
        return value
    text = _SEP.join(lines)
    for match in _STRONG_DATE_LABEL.finditer(text):
        value = parse_date(text[match.end() : match.end() + 40].replace(_SEP, " "))
        if value:
            return value
    in_url = _URL_DATE.search(url)
    if in_url and (value := parse_date("-".join(in_url.groups()))):
        warnings.append("date: taken from the URL (day only)")
        return value
    return None


def _script_date(html: str) -> str | None:
    """A publication date in page data (``publish_time: "…"`` in scripts or JSON)."""
    lower = html.lower()  # scanning for a few keywords beats a case-blind regex on big pages
    for key in _SCRIPT_DATE_KEYS:
        start = lower.find(key)
        while start != -1:
            match = _SCRIPT_DATE.match(html, start + len(key))
            if match and (value := parse_date(match.group(1))):
                return value
            start = lower.find(key, start + len(key))
    return None


def more_precise(published: str | None, meta: dict[str, str]) -> str | None:
    """A meta tag's time for the same day, when the page shows the day only."""
    if published is None or "T" in published:
        return published
    for key in _DATE_META:
        value = parse_date(meta.get(key, ""))
        if value and value.startswith(published) and "T" in value:
            return value
    return published

"""Which pages a paginated list has, and which one comes next.

Chinese CMS list pages announce their pages in one of four ways, tried in this order:

1. a TRS ``createPageHTML(count, current, "index", "html")`` script call (zero-based: page 0
   is ``index.html``, page k is ``index_k.html``); arguments may be literals or variables, and
   a newer variant puts a container id first and the record count last;
2. script variables without that call (``countPage``/``pageCount`` with
   ``currentPage``/``pageNum``…), read with the same ``index_k`` scheme;
3. a Hanweb ``jpage`` pager (``totalRecord`` and ``perPage`` with the datastore's ``unitid``):
   pages are ``index.html?uid=U&pageNum=n``;
4. plain links: 下一页/下页 and numbered page links, completed up to 尾页 or 共N页 when the
   numbered links show a clear URL pattern.

Ways 1 to 3 read scripts (``pager_scripts``); the links are read here. Every result is
deduplicated, in page order, and capped at :data:`MAX_PAGES`.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hnreader.extract.dom import clean_text, holds_link
from hnreader.extract.list_links import anchor_text, resolve_href
from hnreader.extract.pager_scripts import MAX_PAGES, Pagination, pagination_from_scripts

__all__ = ["MAX_PAGES", "Pagination", "find_pagination"]

_NEXT_WORDS = ("下一页", "下页", "后一页", "后页", "next", "下一頁", "下頁", ">", "›", "»", ">>")
_PAGER_MARKER = re.compile(r"pag|fenye|fy\b", re.IGNORECASE)
_LAST_WORDS = ("尾页", "末页", "最后一页", "last", "尾頁")
_TOTAL_TEXT = re.compile(r"共\s*(\d+)\s*页|\d+\s*/\s*(\d+)\s*页|第\s*\d+\s*/\s*(\d+)\s*页")


def find_pagination(html: str, tree: LexborHTMLParser, url: str) -> Pagination:
    """The pagination of the list page ``url`` from its raw HTML (scripts) and parsed tree."""
    found = pagination_from_scripts(html, url)
    return found if found is not None else _from_links(tree, url)


def _from_links(tree: LexborHTMLParser, url: str) -> Pagination:
    """Pages from 下一页 and numbered links, completed from a URL pattern when one is clear."""
    next_url: str | None = None
    pager: LexborNode | None = None
    for anchor in tree.css("a[href]"):
        text = anchor_text(anchor).replace(" ", "").strip("[]【】").lower()
        if text in _NEXT_WORDS or (text.startswith("下一页") and len(text) <= 5):
            target = resolve_href(anchor.attributes.get("href"), url)
            if target and target != url:
                next_url = target
                pager = _pager_around(anchor)
                break
    numbered, last = _numbered_links(pager, tree, url)
    pages = _complete(numbered, last, _announced_total(pager), url)
    if not pages:
        return Pagination((url,) if next_url is None else (url, next_url), next_url)
    if next_url is None and url in pages:
        index = pages.index(url)
        next_url = pages[index + 1] if index + 1 < len(pages) else None
    elif next_url is not None and next_url not in pages:
        # A next link the numbers did not show is still a known page, right after this one.
        at = pages.index(url) + 1 if url in pages else len(pages)
        pages.insert(at, next_url)
    warnings: tuple[str, ...] = ()
    if len(pages) > MAX_PAGES:
        warnings = (f"the pager links {len(pages)} pages; only the first {MAX_PAGES} are listed",)
        pages = pages[:MAX_PAGES]
    return Pagination(tuple(pages), next_url, warnings)


def _pager_around(anchor: LexborNode) -> LexborNode | None:
    """The smallest ancestor of a 下一页 link that holds the other pager links too."""
    node = anchor.parent
    for _ in range(4):
        if node is None:
            return None
        if len(node.css("a[href]")) >= 2:
            return node
        node = node.parent
    return node


def _numbered_links(
    pager: LexborNode | None, tree: LexborHTMLParser, url: str
) -> tuple[dict[int, str], int | None]:
    """Numbered page links (page number → URL) and the 尾页 page number if it shows one."""
    scopes = [pager] if pager is not None else _pager_candidates(tree)
    for scope in scopes:
        numbered: dict[int, str] = {}
        last_url: str | None = None
        for anchor in scope.css("a[href]"):
            text = anchor_text(anchor).strip("[]【】 ")
            target = resolve_href(anchor.attributes.get("href"), url)
            if target is None:
                continue
            if text.isdigit() and 0 < int(text) <= 100_000:
                numbered.setdefault(int(text), target)
            elif text in _LAST_WORDS:
                last_url = target
        current = _current_number(scope)
        if current is not None:
            numbered.setdefault(current, url)
        if len(numbered) >= 2 or (numbered and pager is not None):
            return numbered, _number_of(last_url, numbered)
    return {}, None


def _pager_candidates(tree: LexborHTMLParser) -> list[LexborNode]:
    """Elements that look like a pager even without a 下一页 link: class/id says page."""
    found = []
    for node in tree.css("[class], [id]"):
        marker = (node.attributes.get("class") or "") + " " + (node.attributes.get("id") or "")
        # A pager is short; a "page" wrapper around the whole layout is not one.
        if _PAGER_MARKER.search(marker) and len(node.text(deep=True) or "") < 400:
            found.append(node)
    return found


def _current_number(scope: LexborNode) -> int | None:
    """The current page's number: a bare number in the pager that is not a link."""
    for node in scope.css("span, strong, b, em, font, li, a:not([href])"):
        text = clean_text(node.text(deep=False)).strip("[]【】 ")
        if text.isdigit() and not holds_link(node):
            marker = (node.attributes.get("class") or "").lower()
            if node.tag != "li" or any(k in marker for k in ("cur", "on", "active", "sel")):
                return int(text)
    return None


def _number_of(last_url: str | None, numbered: dict[int, str]) -> int | None:
    """The page number of the 尾页 URL, by the pattern of the numbered links."""
    if last_url is None:
        return None
    for number, page in numbered.items():
        if page == last_url:
            return number
    template = _template(numbered)
    if template is None:
        return None
    prefix, suffix, offset = template
    if last_url.startswith(prefix) and last_url.endswith(suffix):
        middle = last_url[len(prefix) : len(last_url) - len(suffix)]
        if middle.isdigit():
            return int(middle) - offset
    return None


def _announced_total(pager: LexborNode | None) -> int | None:
    if pager is None:
        return None
    scope = pager.parent or pager
    match = _TOTAL_TEXT.search(clean_text(scope.text(deep=True)).replace(" ", ""))
    return int(next(g for g in match.groups() if g)) if match else None


def _template(numbered: dict[int, str]) -> tuple[str, str, int] | None:
    """A URL pattern ``prefix + (n + offset) + suffix`` that all but page 1 follow, if any."""
    pairs = sorted((n, u) for n, u in numbered.items() if n > 1)
    if not pairs:
        return None
    number, sample = pairs[0]
    for match in re.finditer(r"\d+", sample):
        prefix, suffix = sample[: match.start()], sample[match.end() :]
        offset = int(match.group()) - number
        if all(u == f"{prefix}{n + offset}{suffix}" for n, u in pairs):
            return prefix, suffix, offset
    return None


def _complete(numbered: dict[int, str], last: int | None, total: int | None, url: str) -> list[str]:
    """The numbered pages in order, with gaps filled up to the last page by the URL pattern."""
    if not numbered:
        return []
    highest = max([*numbered, last or 0, total or 0])
    template = _template(numbered)
    if template is not None:
        prefix, suffix, offset = template
        for number in range(2, min(highest, MAX_PAGES + 1) + 1):
            numbered.setdefault(number, f"{prefix}{number + offset}{suffix}")
    pages: list[str] = []
    for number in sorted(numbered):
        if numbered[number] not in pages:
            pages.append(numbered[number])
    return pages

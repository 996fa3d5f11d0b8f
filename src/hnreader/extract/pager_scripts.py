"""Pagination announced by a list page's scripts: TRS ``createPageHTML``, script variables, jpage.

1. a TRS ``createPageHTML(count, current, "index", "html")`` call (zero-based: page 0 is
   ``index.html``, page k is ``index_k.html``); arguments may be literals or variables, and a
   newer variant puts a container id first and the record count last;
2. script variables without that call (``countPage``/``pageCount`` with
   ``currentPage``/``pageNum``…), read with the same ``index_k`` scheme;
3. a Hanweb ``jpage`` pager (``totalRecord`` and ``perPage`` with the datastore's ``unitid``):
   pages are ``index.html?uid=U&pageNum=n``.

``Pagination``, the result every way of finding pages gives, is defined here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["MAX_PAGES", "Pagination", "pagination_from_scripts"]

MAX_PAGES = 1000


@dataclass(frozen=True, slots=True)
class Pagination:
    """Every list page URL known, in order, the following page, and doubts on the way."""

    pages: tuple[str, ...]
    next: str | None
    warnings: tuple[str, ...] = ()


_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_CALL = re.compile(r"(?<![\w.])createPageHTML\s*\(([^()]*)\)")
_DEFINITION = re.compile(r"function\s+$")
_ARG = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|(-?\d+)|([A-Za-z_$][\w$.]*))\s*""")
_TOTAL_NAMES = ("countPage", "pageCount", "totalPage", "totalPages", "page_count", "pagecount")
_CURRENT_NAMES = ("currentPage", "curPage", "pageIndex", "page_index", "currPage", "pageNum")
# jpage options (``totalRecord: 45``) or the datastore's own tags (``<totalrecord>45</…>``).
_JPAGE_TOTAL = re.compile(r"totalRecord\s*[:=]\s*['\"]?(\d+)|<totalrecord>\s*(\d+)", re.IGNORECASE)
_JPAGE_PER_PAGE = re.compile(r"perPage\s*[:=]\s*['\"]?(\d+)|<perpage>\s*(\d+)", re.IGNORECASE)


def pagination_from_scripts(html: str, url: str) -> Pagination | None:
    """The pagination the page's scripts announce (in the order above), or None."""
    scripts = "\n".join(_SCRIPT.findall(html))
    variables = _ScriptVariables(scripts)
    for finder in (_from_create_page_html, _from_variables, _from_jpage):
        found = finder(scripts, variables, url)
        if found is not None:
            return found
    return None


class _ScriptVariables:
    """Assignments in the page's scripts (``var countPage = 5;``, ``name: "index"``), on demand.

    Looked up per name: a scan for every identifier in a page's scripts is slow on the long
    minified libraries some pages inline.
    """

    def __init__(self, scripts: str) -> None:
        self._scripts = scripts
        self._cache: dict[str, str | None] = {}

    def get(self, name: str) -> str | None:
        """The first value assigned to ``name`` (the template's), or None."""
        if name not in self._cache:
            pattern = (
                rf"""(?<![\w$.]){re.escape(name)}\s*[:=]\s*"""
                r"""(?:"([^"]*)"|'([^']*)'|(-?\d+)(?![\w.$]))"""
            )
            match = re.search(pattern, self._scripts)
            value = None
            if match:
                double, single, number = match.groups()
                value = number if number is not None else (double or single or "")
            self._cache[name] = value
        return self._cache[name]


def _parse_args(text: str, variables: _ScriptVariables) -> list[int | str] | None:
    """A call's literal or variable arguments, or None when one cannot be resolved."""
    values: list[int | str] = []
    for raw in text.split(","):
        match = _ARG.fullmatch(raw)
        if match is None:
            return None
        double, single, number, name = match.groups()
        if number is not None:
            values.append(int(number))
        elif name is not None:
            value = variables.get(name)
            if value is None:
                return None
            values.append(int(value) if re.fullmatch(r"-?\d+", value) else value)
        else:
            values.append(double if double is not None else single or "")
    return values


def _from_create_page_html(html: str, variables: _ScriptVariables, url: str) -> Pagination | None:
    for match in _CALL.finditer(html):
        if _DEFINITION.search(html[max(0, match.start() - 20) : match.start()]):
            continue
        args = _parse_args(match.group(1), variables)
        if args is None:
            continue
        while args and isinstance(args[0], str):  # the variant with a container id first
            args = args[1:]
        if len(args) < 2 or not isinstance(args[0], int) or not isinstance(args[1], int):
            continue
        strings = [arg for arg in args[2:] if isinstance(arg, str)]
        name, ext = _name_and_ext(url, strings)
        return _index_scheme(url, args[0], args[1], name, ext, "createPageHTML")
    return None


def _name_and_ext(url: str, strings: list[str]) -> tuple[str, str]:
    """The page file name stem and extension: from the call, else from the URL, else index.html."""
    if len(strings) >= 2 and strings[0] and strings[1]:
        return strings[0], strings[1].lstrip(".")
    last = urlsplit(url).path.rsplit("/", 1)[-1]
    match = re.fullmatch(r"(.+?)(?:_\d+)?\.(\w+)", last)
    return (match.group(1), match.group(2)) if match else ("index", "html")


def _index_scheme(url: str, count: int, current: int, name: str, ext: str, how: str) -> Pagination:
    """Pages ``name.ext``, ``name_1.ext`` … (zero-based ``current``)."""
    warnings: list[str] = []
    if count < 1:
        return Pagination((url,), None, (f"{how} announces {count} pages",))
    if count > MAX_PAGES:
        warnings.append(f"{how} announces {count} pages; only the first {MAX_PAGES} are listed")
        count = MAX_PAGES
    if not 0 <= current < count:
        warnings.append(f"{how} says the current page is {current} of {count}")
        current = min(max(current, 0), count - 1)
    try:
        pages = tuple(
            urljoin(url, f"{name}.{ext}" if index == 0 else f"{name}_{index}.{ext}")
            for index in range(count)
        )
    except ValueError:  # the script names pages that are no valid URL (``http://[x``)
        return Pagination((url,), None, (*warnings, f"{how} names pages that are no valid URL"))
    following = pages[current + 1] if current + 1 < count else None
    return Pagination(pages, following, tuple(warnings))


def _from_variables(html: str, variables: _ScriptVariables, url: str) -> Pagination | None:
    total = next((v for n in _TOTAL_NAMES if (v := variables.get(n)) is not None), None)
    if total is None or not total.isdigit() or int(total) < 1:
        return None  # a pager library's default ``pageCount: 0``, not this page's pagination
    current_text = next((v for n in _CURRENT_NAMES if (v := variables.get(n)) is not None), None)
    stem, ext = _name_and_ext(url, [])
    if current_text is not None and current_text.lstrip("-").isdigit():
        current = int(current_text)
    else:
        match = re.search(r"_(\d+)\.\w+$", urlsplit(url).path)
        current = int(match.group(1)) if match else 0
    return _index_scheme(url, int(total), current, stem, ext, "the page's script variables")


def _from_jpage(html: str, variables: _ScriptVariables, url: str) -> Pagination | None:
    total = _JPAGE_TOTAL.search(html)
    per_page = _JPAGE_PER_PAGE.search(html)
    unit = re.search(r"unitid=(\d+)", html)
    if not (total and per_page and unit):
        return None
    records, size = (
        int(total.group(1) or total.group(2)),
        int(per_page.group(1) or per_page.group(2)),
    )
    if size < 1:
        return None
    count = -(-records // size)
    warnings: list[str] = []
    if count > MAX_PAGES:
        warnings.append(f"the pager announces {count} pages; only the first {MAX_PAGES} are listed")
        count = MAX_PAGES
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    pages = [base] + [
        f"{base}?{urlencode({'uid': unit.group(1), 'pageNum': n})}" for n in range(2, count + 1)
    ]
    current = int(query["pageNum"]) if query.get("pageNum", "").isdigit() else 1
    following = pages[current] if 0 < current < len(pages) else None
    return Pagination(tuple(pages[: max(count, 1)]), following, tuple(warnings))

"""``hnreader search QUERY``: search everything stored, offline, in either Chinese script.

Matches are highlighted: in colour on a terminal, between 【 and 】 otherwise; ``--json`` gives
the hits with character offsets of the matches instead.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import sys
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from hnreader.cli.cache_cmd import add_data_dir, fail, open_library

if TYPE_CHECKING:
    from rich.text import Text

    from hnreader.store import SearchHit, Store

MARK_OPEN, MARK_CLOSE = "【", "】"


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the query, ``--json``, ``--section``, ``--site``, ``--limit``, ``--data-dir``."""
    parser.add_argument("query", nargs="+", metavar="QUERY", help="words that must all appear")
    parser.add_argument("--json", action="store_true", help="print the hits as a JSON array")
    parser.add_argument(
        "--section",
        action="append",
        default=[],
        metavar="PATH",
        help="only articles listed in this section: a name, a path like 新闻中心/工作动态, "
        "or a list page URL (repeatable)",
    )
    parser.add_argument("--site", metavar="HOST", help="only articles from this host or URL")
    parser.add_argument("--limit", type=int, default=20, help="at most this many hits")
    add_data_dir(parser)


def run(options: argparse.Namespace, name: str) -> int:
    """Search the library; 1 with a one-line message when it cannot be searched."""
    from hnreader.store import StoreError

    store = open_library(options)
    if store is None:
        return 1
    query = " ".join(options.query)
    try:
        with store:
            prefixes: list[str | None] = [None]
            if options.section:
                prefixes = section_prefixes(store, options.section)
            hits = _search(store, query, prefixes, options.site, options.limit)
    except (StoreError, LookupError) as exc:
        return fail(str(exc))
    if options.json:
        print(json.dumps([hit_json(hit) for hit in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print(f"No stored article matches {query!r}.", file=sys.stderr)
    elif sys.stdout.isatty():
        _print_rich(hits)
    else:
        for number, hit in enumerate(hits, start=1):
            print(plain_hit(number, hit))
    return 0


def section_prefixes(store: Store, wanted: list[str]) -> list[str | None]:
    """List-page URL prefixes (folders) of the named sections, from the stored trees.

    Raises :class:`LookupError` when no stored site has such a section.
    """
    from hnreader.sync.scope import UnknownSection, find_sections

    prefixes: dict[str, None] = {}
    for name in wanted:
        if "://" in name:
            prefixes[_folder(name)] = None
            continue
        found = []
        for saved in store.trees():
            try:
                found += find_sections(saved.value, name)
            except UnknownSection:
                continue
        if not found:
            raise LookupError(f"no stored site has a section {name!r}; sync it first")
        for section in found:
            for node in section.walk():
                if node.url:
                    prefixes[_folder(node.url)] = None
    return list(prefixes)


def _folder(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else posixpath.dirname(parts.path) + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _search(
    store: Store, query: str, prefixes: list[str | None], site: str | None, limit: int
) -> list[SearchHit]:
    found: dict[str, SearchHit] = {}
    for prefix in prefixes:
        for hit in store.search(query, site=site, list_url_prefix=prefix, limit=limit):
            found.setdefault(hit.url, hit)
    return list(found.values())[:limit]


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """A hit as JSON: spans are ``[start, end)`` character offsets."""
    return {
        "url": hit.url,
        "title": hit.title,
        "title_spans": [list(span) for span in hit.title_spans],
        "published": hit.published,
        "section": hit.section,
        "site": hit.site,
        "snippet": hit.snippet.text,
        "snippet_spans": [list(span) for span in hit.snippet.spans],
    }


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each span put between 【 and 】."""
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += [text[last:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)


def _details(hit: SearchHit) -> str:
    return " · ".join(part for part in (hit.section, hit.published, hit.site) if part)


def plain_hit(number: int, hit: SearchHit) -> str:
    """A hit as three plain lines."""
    title = marked(hit.title or "(untitled)", hit.title_spans if hit.title else ())
    return (
        f"{number}. {title}\n   {hit.url}\n   {_details(hit)}\n"
        f"   {marked(hit.snippet.text, hit.snippet.spans)}"
    )


def _styled(text: str, spans: tuple[tuple[int, int], ...], style: str = "") -> Text:
    from rich.text import Text

    # Text(), never markup: a title like "[bold]" is shown as it is.
    styled = Text(text, style=style)
    for start, end in spans:
        styled.stylize("bold black on yellow", start, end)
    return styled


def _print_rich(hits: list[SearchHit]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for number, hit in enumerate(hits, start=1):
        title = hit.title or "(untitled)"
        console.print(
            Text(f"{number}. ") + _styled(title, hit.title_spans if hit.title else (), "bold")
        )
        console.print(Text("   " + hit.url, style="blue"))
        console.print(Text("   " + _details(hit), style="dim"))
        console.print(Text("   ") + _styled(hit.snippet.text, hit.snippet.spans))

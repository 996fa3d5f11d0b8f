"""Choose what to export from the store: one article, or a section's stored articles.

Everything is read from the library only, so an export works with no network; what a
section's stored lists name but the store does not hold is reported, never fetched.
"""

from __future__ import annotations

import base64
import difflib
from dataclasses import dataclass
from datetime import date

from hnreader.models import Article, Section, SiteTree
from hnreader.store import Store


class ExportError(Exception):
    """What was asked cannot be exported; the message says why."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Articles to export, a title for them and the listed articles that are not stored."""

    title: str
    articles: tuple[Article, ...]
    missing: tuple[str, ...] = ()


def single_article(store: Store, url: str) -> Selection:
    """The stored article at ``url``; :class:`ExportError` if it is not stored."""
    stored = store.get_article(url)
    if stored is None:
        raise ExportError(f"{url} is not in the library: open it or sync its section first")
    article = stored.article
    return Selection(article.title or url, (article,))


def section_articles(
    store: Store, path: str, *, site: str | None = None, since: str | None = None
) -> Selection:
    """The stored articles listed in the section at ``path`` (such as ``新闻中心/工作动态``).

    ``site`` (a site name or home-page address) chooses among stored sites having that path;
    ``since`` (``YYYY-MM-DD``) keeps articles published that day or later (undated ones are
    left out, since nothing says they are recent).
    """
    first_day = _parse_day(since)
    tree, section = find_section(store, path, site=site)
    if not section.url:
        raise ExportError(f"section {path!r} of {tree.site} has no list page of its own")
    articles: list[Article] = []
    missing: list[str] = []
    for url, listed_date in _listed(store, section.url):
        stored = store.get_article(url)
        if stored is None:
            missing.append(url)
            continue
        day = (stored.article.published or listed_date or "")[:10]
        if first_day is None or (day and day >= first_day):
            articles.append(stored.article)
    if not articles:
        reason = f" published since {since}" if since else ""
        raise ExportError(
            f"no stored articles{reason} in {path!r} of {tree.site}: sync it first "
            f"(hnreader sync --section {path!r})"
        )
    return Selection(f"{tree.site} · {section.name}", tuple(articles), tuple(missing))


def find_section(store: Store, path: str, *, site: str | None = None) -> tuple[SiteTree, Section]:
    """The stored site tree and section at ``path`` (names joined by ``/``)."""
    wanted = [part.strip() for part in path.strip("/").split("/") if part.strip()]
    found: list[tuple[SiteTree, Section]] = []
    known: list[str] = []
    for saved in store.trees():
        tree = saved.value
        if site and site not in (tree.site, tree.url, tree.url.rstrip("/")):
            continue
        parts = wanted[1:] if wanted and wanted[0] == tree.site else wanted
        for section_path, section in _paths(tree.sections, ()):
            known.append("/".join(section_path))
            if list(section_path) == parts:
                found.append((tree, section))
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"{t.site} <{t.url}>" for t, _ in found)
        raise ExportError(f"{path!r} is a section of several stored sites ({names}): add --site")
    close = difflib.get_close_matches("/".join(wanted), known, n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise ExportError(f"no stored section {path!r}{hint}")


def embedded_image(store: Store, url: str) -> str | None:
    """The stored image at ``url`` as a ``data:`` URI, or None when it is not stored."""
    asset = store.get_asset(url)
    if asset is None:
        return None
    media_type = (asset.content_type or "").split(";")[0].strip().lower()
    if not media_type.startswith("image/"):
        return None
    return f"data:{media_type};base64,{base64.b64encode(asset.content).decode('ascii')}"


def _paths(
    sections: tuple[Section, ...], prefix: tuple[str, ...]
) -> list[tuple[tuple[str, ...], Section]]:
    found: list[tuple[tuple[str, ...], Section]] = []
    for section in sections:
        here = (*prefix, section.name)
        found.append((here, section))
        found.extend(_paths(section.children, here))
    return found


def _listed(store: Store, first_page: str) -> list[tuple[str, str | None]]:
    """Every article URL (with its listed date) on the stored pages of one list, in order."""
    queue, seen_pages, items = [first_page], {first_page}, dict[str, str | None]()
    while queue:
        saved = store.get_list(queue.pop(0))
        if saved is None:
            continue
        listing = saved.value
        for item in listing.items:
            items.setdefault(item.url, item.date)
        for page in (*listing.pages, *([listing.next] if listing.next else [])):
            if page not in seen_pages:
                seen_pages.add(page)
                queue.append(page)
    return list(items.items())


def _parse_day(since: str | None) -> str | None:
    if since is None:
        return None
    try:
        return date.fromisoformat(since.strip()).isoformat()
    except ValueError as exc:
        raise ExportError(f"--since wants a date such as 2024-12-01, not {since!r}") from exc

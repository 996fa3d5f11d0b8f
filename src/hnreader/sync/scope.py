"""What a sync may touch: the site's own hosts, the chosen sections, articles since a date."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import urlsplit

from hnreader.models import Section, SiteTree

_PATH_SEPARATORS = re.compile(r"\s*(?:/|›|>|»)\s*")
# Documents linked straight from a list page: fetched as attachments, never as articles.
# fmt: off
FILE_SUFFIXES = frozenset((
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".ofd",
    ".zip", ".rar", ".7z", ".txt", ".jpg", ".png",
))
# fmt: on


class SyncError(Exception):
    """A sync cannot start (e.g. an unknown section); the message says why."""


class UnknownSection(SyncError):
    """The site has no section of the name given."""


def host_of(url: str) -> str:
    """The lower-case host (with port) of ``url``."""
    return urlsplit(url).netloc.lower()


class SiteScope:
    """The hosts a sync stays on: the home page's, and any the home page redirected to."""

    def __init__(self, home_url: str) -> None:
        self.hosts = {host_of(home_url)}

    def allows(self, url: str) -> bool:
        """Whether ``url`` is an http(s) address on one of the site's hosts."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc.lower() in self.hosts


def _named(sections: Iterable[Section], names: list[str]) -> Iterator[Section]:
    """Sections reached by following ``names`` down from ``sections``."""
    for section in sections:
        if section.name == names[0]:
            if len(names) == 1:
                yield section
            else:
                yield from _named(section.children, names[1:])


def _everywhere(tree: SiteTree) -> Iterator[Section]:
    for top in tree.sections:
        yield from top.walk()


def find_sections(tree: SiteTree, wanted: str) -> list[Section]:
    """The sections ``wanted`` names: a list page URL, a path of names, or one name anywhere.

    A path separates names with ``/`` or ``›`` (``新闻中心/工作动态``). Raises
    :class:`SyncError` naming the top sections when nothing matches.
    """
    wanted = wanted.strip()
    if "://" in wanted:
        found = [s for s in _everywhere(tree) if s.url == wanted]
    else:
        names = [name for name in _PATH_SEPARATORS.split(wanted) if name]
        found = list(_named(tree.sections, names)) if names else []
        if not found and len(names) == 1:
            found = [s for s in _everywhere(tree) if s.name == names[0]]
    if not found:
        tops = "、".join(section.name for section in tree.sections) or "(none found)"
        raise UnknownSection(f"the site has no section {wanted!r}; its top sections are: {tops}")
    return found


def list_urls(
    tree: SiteTree, wanted: Iterable[str], scope: SiteScope, excluded: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """``(section name, first list page URL)`` to walk, in tree order, each URL once.

    Every section of the tree when ``wanted`` is empty, else the named ones and everything
    under them; minus the ``excluded`` ones and everything under them. Sections on other
    hosts are left out.
    """
    dropped = {
        node.url
        for name in excluded
        for section in find_sections(tree, name)
        for node in section.walk()
    }
    chosen: list[Section] = []
    wanted = list(wanted)
    if wanted:
        for name in wanted:
            for section in find_sections(tree, name):
                chosen.extend(section.walk())
    else:
        chosen = list(_everywhere(tree))
    found: dict[str, str] = {}
    for section in chosen:
        url = section.url
        if url and scope.allows(url) and url != tree.url and url not in dropped:
            found.setdefault(url, section.name)
    return [(name, url) for url, name in found.items()]


def is_before(item_date: str | None, since: date | None) -> bool:
    """Whether a list item dated ``item_date`` (ISO 8601) is older than ``since``."""
    if since is None or not item_date:
        return False
    return item_date[:10] < since.isoformat()


def is_file(url: str) -> bool:
    """Whether ``url`` names a document or image (by its extension), not a web page."""
    path = urlsplit(url).path.lower()
    return any(path.endswith(suffix) for suffix in FILE_SUFFIXES)

"""Adding a site: fetch its home page, find its section tree, and keep it in ``sites.toml``.

Shared by ``hnreader sites add`` and the site picker's "add a site", so both accept the same
addresses, name the site the same way and refuse the same conflicts. The network client and
the extractor are imported only when a site is discovered: the picker imports this module at
start-up.
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from hnreader.catalogue.builtin import is_builtin
from hnreader.catalogue.resolve import find_site
from hnreader.catalogue.user_sites import load_user_sites, save_user_site
from hnreader.config import Config, NetworkConfig, SiteConfig
from hnreader.config_file import config_path

if TYPE_CHECKING:
    from hnreader.models import Page, Section, SiteTree


class SiteAddError(Exception):
    """A site could not be added; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class DiscoveredSite:
    """A site as found on the web: its settings (named, at its final address), page and tree."""

    site: SiteConfig
    page: Page
    tree: SiteTree

    def section_count(self) -> int:
        """How many sections the tree has, at every depth."""
        return _count(self.tree.sections)


def web_address(text: str) -> str:
    """``text`` as a home-page address: http(s) with a host, ``/`` when it has no path.

    Raises :class:`SiteAddError` for anything else (a bare host name is not guessed at here:
    the user typed an address, so it must be one).
    """
    address = text.strip()
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteAddError(
            f"{address!r} is not a web address: it must start with http:// or https:// "
            "and name a host"
        )
    return address if parts.path else address + "/"


def draft_site(url: str, name: str | None = None) -> SiteConfig:
    """A site with default settings at ``url``, named ``name`` or, until discovery, its host."""
    return SiteConfig(name=(name or urlsplit(url).netloc).strip(), url=url)


async def discover_site(
    draft: SiteConfig, network: NetworkConfig, *, name: str | None = None
) -> DiscoveredSite:
    """Fetch ``draft``'s home page with its own settings and extract its section tree.

    The site is named ``name`` if given, else by the site's own title, else as in the draft;
    its address becomes the one the home page was finally served from (after redirects).
    Raises :class:`SiteAddError` when the page cannot be fetched or read.
    """
    from hnreader.extract.api import extract_tree
    from hnreader.fetch import Fetcher, FetchError

    try:
        async with Fetcher(network, sites=[draft]) as fetcher:
            page = await fetcher.fetch(draft.url)
        # A forced encoding travels as the charset the server should have declared.
        content_type = (
            f"text/html; charset={draft.encoding}" if draft.encoding else page.content_type
        )
        tree = await asyncio.to_thread(extract_tree, page.content, page.url, content_type)
    except (FetchError, ValueError, OSError) as exc:
        raise SiteAddError(f"cannot add {draft.url}: {exc}") from exc
    site_name = (name or tree.site or draft.name).strip() or draft.name
    site = dataclasses.replace(draft, name=site_name, url=page.url)
    return DiscoveredSite(site=site, page=page, tree=tree)


def store_site(site: SiteConfig, config: Config, config_file: Path | None = None) -> bool:
    """Keep ``site`` in ``sites.toml`` beside ``config_file``; True if it replaced one.

    A site of that name written by hand in ``config.toml`` is left alone: raises
    :class:`SiteAddError` saying where to change it. So does a file that cannot be written.
    """
    existing = find_site(site.name, config)
    if existing is not None and defined_in_config_file(existing, config_file):
        where = config_file or config_path()
        raise SiteAddError(f"{existing.name} is written in {where}: change it there")
    try:
        return save_user_site(site, config_file)
    except (OSError, ValueError) as exc:
        raise SiteAddError(f"cannot store {site.name}: {exc}") from exc


def defined_in_config_file(site: SiteConfig, config_file: Path | None = None) -> bool:
    """Whether ``site`` comes from a hand-written ``[[sites]]`` table in ``config.toml``."""
    in_sites_file = any(
        s.name.casefold() == site.name.casefold() for s in load_user_sites(config_file)
    )
    return not in_sites_file and not is_builtin(site.name)


def _count(sections: tuple[Section, ...]) -> int:
    return sum(1 + _count(section.children) for section in sections)
